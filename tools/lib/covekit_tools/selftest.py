# SPDX-License-Identifier: GPL-2.0-only
"""./tools/selftest: build, boot every test suite in QEMU, report its KTAP.

A suite of target tsm is one bare-metal payload, build/riscv64/selftests/
tsm/<suite>.bin: QEMU boots OpenSBI, which starts the TSM firmware, which
runs the payload in VS-mode as its host. The payload prints KTAP on the
serial console and ends with an SRST shutdown, for SYSTEM_FAILURE when a
test failed, which the TSM turns into QEMU exit status 1. The KTAP is the
verdict; an exit status with no failed test in it is a crash. Extra QEMU
arguments for a suite, one a line, go in selftests/tsm/<suite>.qemu (for
instance -smp 2); each selftests/tsm/<suite>@<variant>.qemu boots the same
payload once more as suite <suite>@<variant>, with its own arguments.

Target kernel takes a series: `tools/selftest kernel SERIES` applies it,
builds a minimal riscv64 kernel and the KVM selftests in build/kernel/SERIES,
and boots it once per `boot` line of selftests/kernel/SERIES.suite (a suite
each); a static /init runs the suite's tests and prints KTAP (see
selftests/kernel/README.md).

Target host builds the upstream Linux with no patches (build/kernel/host)
and boots it with selftests/kernel/host-init.c as /init: plain (OpenSBI
boots it) and tsm (as the TSM's host, through QEMU's guest-loader), each on
the default CPU and with sstc=false; /init checks the machine (CPUs, timer,
IPIs, the UART's interrupt, memory, ISA) and powers off through SRST.

environment:
  COVEKIT_BUILD          build root (default: <checkout>/build)
  COVEKIT_QEMU           QEMU binary (default: qemu-system-riscv64)
  COVEKIT_OPENSBI        OpenSBI firmware (default: Debian's fw_dynamic.bin)
  COVEKIT_TIMEOUT_SCALE  multiplies --timeout, for slow machines (default: 1)
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from covekit_codegen import api

from covekit_tools import context, errors, gdb, ktap, qemu, scratch
from covekit_tools.errors import ToolError
from covekit_tools.kernel import selftest as kernel_selftest
from covekit_tools.ktap import Status

ROOT = context.root()
CROSS_FILE = "tsm-firmware/cross/riscv64.ini"
CROSS_CC = "riscv64-linux-gnu-gcc"
PANIC = "tsm: PANIC"
BUILD_TAIL = 30
CONSOLE_TAIL = 20
DIAGNOSTICS_SHOWN = 10


class Fatal(ToolError):
    """Stops the run before any suite: exit 1 with this message."""


@dataclass(frozen=True)
class Suite:
    name: str
    qemu_args: list[str]  # appended to qemu.MACHINE


@dataclass(frozen=True)
class Plan:
    """What one run of a target boots."""

    label: str  # how the report names the target: tsm, kernel/SERIES
    suites: list[Suite]
    logs: Path  # each suite's console is kept there


# Console text that means the machine crashed, and the crash's reason: {rest}
# is the rest of the line after the marker.
Panics = tuple[tuple[str, str], ...]
FIRMWARE_PANICS: Panics = ((PANIC, "firmware panic"),)


@dataclass(frozen=True)
class Target:
    name: str
    # The build directory's suites, sorted by name (targets built with meson).
    suites: Callable[[Path], list[Suite]] | None = None
    # A target that takes an argument (ARGUMENT, its metavar) builds and plans
    # itself: plan(argument, build, listing).
    plan: Callable[[str, bool, bool], Plan] | None = None
    argument: str | None = None
    panics: Panics = FIRMWARE_PANICS
    timeout: float = 30.0  # seconds per suite, before COVEKIT_TIMEOUT_SCALE
    # The console line a clean power-off prints after the KTAP, if any.
    ending: str | None = None


def sidecar_args(path: Path) -> list[str]:
    """One QEMU argument a line; blank lines and '#' comments skipped."""
    if not path.is_file():
        return []
    lines = (line.strip() for line in path.read_text().splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def payload_suites(build: Path, subdir: str) -> list[Suite]:
    """Every <build>/selftests/<subdir>/*.bin, run as the TSM's host."""
    images = sorted((build / "selftests" / subdir).glob("*.bin"))
    if not images:
        raise Fatal(f"no suites in {build / 'selftests' / subdir}: build them "
                    f"(drop --no-build)")
    firmware = build / "tsm-firmware/tsm.elf"
    if not firmware.is_file():
        raise Fatal(f"no {firmware}: build it (drop --no-build)")
    suites = []
    for image in images:
        boot = qemu.tsm_args(str(firmware), str(image))
        sidecar = ROOT / "selftests" / subdir / f"{image.stem}.qemu"
        suites.append(Suite(image.stem, [*boot, *sidecar_args(sidecar)]))
        # <suite>@<variant>.qemu boots the same payload once more, with those.
        for variant in sorted(sidecar.parent.glob(f"{image.stem}@*.qemu")):
            suites.append(Suite(variant.stem, [*boot, *sidecar_args(variant)]))
    return suites


def tsm_suites(build: Path) -> list[Suite]:
    return payload_suites(build, "tsm")


def runner_fixture_suites(build: Path) -> list[Suite]:
    # Payloads that fail, crash and hang on purpose, for the runner's tests.
    return payload_suites(build, "runner-fixtures")


def kernel_plan(series: str, build: bool, listing: bool) -> Plan:
    # One suite per boot of selftests/kernel/<series>.suite.
    try:
        prepared = kernel_selftest.prepare(series, build=build, listing=listing)
    except kernel_selftest.KernelSelftestError as err:
        raise Fatal(str(err)) from None
    return Plan(f"kernel/{series}", [Suite(name, args) for name, args in prepared.boots],
                prepared.where.logs)


def host_plan(_: str, build_it: bool, listing: bool) -> Plan:
    # The TSM too: half the boots run the kernel as its host.
    if build_it:
        check_tools(building=True, running=False)
        build(build_dir())
    try:
        where, boots = kernel_selftest.host.prepare(build_it=build_it, listing=listing)
    except kernel_selftest.KernelSelftestError as err:
        raise Fatal(str(err)) from None
    return Plan("host", [Suite(name, args) for name, args in boots], where.logs)


TARGETS = {t.name: t for t in [
    Target("tsm", tsm_suites),
    Target("runner-fixtures", runner_fixture_suites),
    # A boot to the KTAP's end takes about 1.5 s under TCG.
    Target("kernel", plan=kernel_plan, argument="SERIES", timeout=60.0,
           panics=((kernel_selftest.PANIC, "kernel panic{rest}"),)),
    # Under the TSM the boot is slower: every trap of the host goes through it.
    Target("host", plan=host_plan, timeout=120.0,
           panics=((kernel_selftest.PANIC, "kernel panic{rest}"), FIRMWARE_PANICS[0]),
           ending=kernel_selftest.host.POWER_OFF),
]}


def build_dir() -> Path:
    return context.build_dir() / "riscv64"


def check_tools(building: bool, running: bool) -> None:
    missing = []
    if building and not shutil.which(CROSS_CC):
        missing.append(CROSS_CC)
    if running:
        binary, firmware = qemu.qemu_binary(), qemu.opensbi_firmware()
        if not shutil.which(binary):
            missing.append(f"{binary} (COVEKIT_QEMU)" if os.environ.get("COVEKIT_QEMU")
                           else binary)
        if not Path(firmware).is_file():
            missing.append(firmware)
    if missing:
        raise Fatal(f"missing {', '.join(missing)}; run: sudo tools/install-deps")


def build(directory: Path) -> None:
    meson = [sys.executable, "-m", "mesonbuild.mesonmain"]
    steps = [[*meson, "compile", "-C", str(directory)]]
    if not (directory / "meson-private/coredata.dat").is_file():
        steps.insert(0, [*meson, "setup", str(directory), "--cross-file", CROSS_FILE])
    # The venv's ninja, for machines without one on PATH.
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    for cmd in steps:
        print(f"selftest: building {directory} (meson {cmd[3]})", file=sys.stderr, flush=True)
        proc = subprocess.run(cmd, cwd=ROOT, env=dict(os.environ, PATH=path), text=True,
                              errors="replace", stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if proc.returncode != 0:
            for line in proc.stdout.splitlines()[-BUILD_TAIL:]:
                print(line, file=sys.stderr)
            raise Fatal(f"build failed; rerun: cd {shlex.quote(str(ROOT))} && {shlex.join(cmd)}")


@dataclass(frozen=True)
class SuiteRun:
    suite: Suite
    run: qemu.QemuRun
    report: ktap.Report
    crash: str | None

    def count(self, status: Status) -> int:
        """Results with this status at any depth; FAIL also counts a crash,
        the results it cost, and a KTAP that contradicts itself."""
        n = sum(r.status is status for r in self.report.walk())
        if status is Status.FAIL:
            if self.crash:
                n += 1 + self.report.missing
            n += bool(self.report.problems)
        return n

    @property
    def tail(self) -> list[str]:
        """The end of the console, or QEMU's complaint if it printed nothing."""
        lines = self.run.console.splitlines() or self.run.stderr.splitlines()
        return lines[-CONSOLE_TAIL:]


def crash_reason(run: qemu.QemuRun, report: ktap.Report, timeout: float,
                 panics: Panics = FIRMWARE_PANICS, ending: str | None = None) -> str | None:
    if run.exit_code and not run.console.strip():
        said = [line for line in run.stderr.splitlines() if line.strip()]
        why = f": {said[0]}" if said else ""
        return f"QEMU failed to start (exit status {run.exit_code}){why}"
    for marker, reason in panics:
        for line in run.console.splitlines():
            if marker in line:
                return reason.format(rest=line.split(marker, 1)[1].rstrip())
    if run.timed_out:
        return f"timeout after {timeout:g}s"
    if problem := report.problem():
        return problem
    if ending and not _ends_with(run.console, ending):
        return f"no clean power-off: {ending!r} does not follow the last KTAP line"
    # A payload that failed must say which test did; an exit status alone is a crash.
    if run.exit_code and not report.problems and not any(
            r.status is Status.FAIL for r in report.walk()):
        if run.exit_code < 0:
            return f"QEMU killed by signal {-run.exit_code}"
        return f"QEMU exit status {run.exit_code} but no test failed"
    return None


_RESULT = re.compile(r"\s*(not )?ok \d+")


def _ends_with(console: str, ending: str) -> bool:
    """Whether a line holding ending comes after the last KTAP result line."""
    lines = console.splitlines()
    last = max((i for i, line in enumerate(lines) if _RESULT.match(line)), default=-1)
    return any(ending in line for line in lines[last + 1:])


def run_suite(suite: Suite, timeout: float, panics: Panics = FIRMWARE_PANICS,
              ending: str | None = None) -> SuiteRun:
    run = qemu.run_qemu(suite.qemu_args, timeout)
    report = ktap.parse(run.console)
    return SuiteRun(suite, run, report, crash_reason(run, report, timeout, panics, ending))


def run_suites(suites: list[Suite], timeout: float, jobs: int,
               show: Callable[[SuiteRun], None],
               panics: Panics = FIRMWARE_PANICS, ending: str | None = None) -> list[SuiteRun]:
    """Run up to `jobs` suites at once; show each as soon as those before it are shown."""
    pool = ThreadPoolExecutor(max_workers=jobs)
    try:
        futures = [pool.submit(run_suite, suite, timeout, panics, ending) for suite in suites]
        runs = []
        for future in futures:
            runs.append(future.result())
            show(runs[-1])
        return runs
    except KeyboardInterrupt:
        qemu.stop_all()
        raise
    finally:
        pool.shutdown(cancel_futures=True)


def write_logs(directory: Path, runs: list[SuiteRun]) -> None:
    """Keep each suite's console (tools/abi-coverage reads them)."""
    directory.mkdir(parents=True, exist_ok=True)
    for sr in runs:
        api.write_atomic(directory / f"{sr.suite.name}.log", sr.run.console)


def format_failure(r: ktap.Result, verbose: bool) -> list[str]:
    out = [f"  FAIL    {r.full_name}"]
    # A parent's log holds its subtests': let the failed ones explain.
    if not verbose and not any(sub.status is Status.FAIL for sub in r.subtests):
        out += [f"          {line.lstrip()}" for line in r.diagnostics[-DIAGNOSTICS_SHOWN:]]
    return out


def format_suite(target: str, sr: SuiteRun, verbose: bool) -> str:
    out = [f"{target}/{sr.suite.name} ({sr.run.seconds:.1f} s)"]
    for r in sr.report.results:
        if r.status is Status.SKIP:
            out.append(f"  SKIP    {r.name}" + (f" ({r.reason})" if r.reason else ""))
        elif r.status is Status.FAIL:
            out += format_failure(r, verbose)
            # Its failed subtests at any depth, by path, parents first.
            for sub in ktap.walk(r.subtests):
                if sub.status is Status.FAIL:
                    out += format_failure(sub, verbose)
        else:
            out.append(f"  ok      {r.name}")
    problems = [str(p) for p in sr.report.problems]
    out += [f"  KTAP    {p}" for p in problems[:DIAGNOSTICS_SHOWN]]
    if len(problems) > DIAGNOSTICS_SHOWN:
        out.append(f"  KTAP    ... {len(problems) - DIAGNOSTICS_SHOWN} more problems")
    if sr.crash:
        out.append(f"  CRASH   {sr.crash}")
        if not verbose:  # which prints all of it below
            out += [f"    | {line}" for line in sr.tail]
    if verbose:
        out.append(f"    $ {shlex.join(sr.run.argv)}")
        out += [f"    | {line}" for line in sr.run.console.splitlines()]
        out += [f"    ! {line}" for line in sr.run.stderr.splitlines()]
    return "\n".join(out)


# Characters XML 1.0 cannot hold, which a crashing payload may well print.
XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return XML_INVALID.sub("\ufffd", text)


def write_junit(path: Path, target: str, runs: list[SuiteRun]) -> None:
    totals = dict.fromkeys(["tests", "failures", "errors", "skipped"], 0)
    root = ET.Element("testsuites", name=f"selftest {target}")
    for sr in runs:
        name = f"{target}.{sr.suite.name}"
        results = list(sr.report.walk())  # the whole tree, parents first
        problems = sr.report.problems
        counts = {"tests": len(results) + bool(sr.crash) + bool(problems),
                  "failures": sum(r.status is Status.FAIL for r in results),
                  "errors": bool(sr.crash) + bool(problems), "skipped": sr.count(Status.SKIP)}
        suite = ET.SubElement(root, "testsuite", name=name, time=f"{sr.run.seconds:.3f}",
                              **{k: str(v) for k, v in counts.items()})
        for r in results:
            # A subtest's class is its parent's path: target.suite.parent.
            classname = ".".join([name, *r.path[:-1]])
            case = ET.SubElement(suite, "testcase", classname=xml_text(classname),
                                 name=xml_text(r.name))
            if r.status is Status.SKIP:
                ET.SubElement(case, "skipped", message=xml_text(r.reason))
            elif r.status is Status.FAIL:
                said = "" if r.said is Status.FAIL else " (said ok; a subtest failed)"
                failure = ET.SubElement(case, "failure",
                                        message=xml_text(f"not ok {r.number} {r.name}{said}"))
                failure.text = xml_text("\n".join(r.log))
        if problems:
            case = ET.SubElement(suite, "testcase", classname=name, name=f"{sr.suite.name}.ktap")
            error = ET.SubElement(case, "error", message=xml_text(
                f"{len(problems)} KTAP problem(s): {problems[0]}"))
            error.text = xml_text("\n".join(str(p) for p in problems))
        if sr.crash:
            case = ET.SubElement(suite, "testcase", classname=name, name=f"{sr.suite.name}.boot")
            error = ET.SubElement(case, "error", message=xml_text(sr.crash))
            error.text = xml_text("\n".join(sr.tail))
        totals = {k: totals[k] + counts[k] for k in totals}
    root.attrib.update({k: str(v) for k, v in totals.items()})
    ET.indent(root)
    # Atomic, so that CI never picks up half a report.
    api.write_atomic(path, ET.tostring(root, encoding="utf-8", xml_declaration=True))


def debug(suite: Suite, port: int | None) -> int:
    """tools/selftest --gdb: boot SUITE stopped and tell how to attach gdb."""
    qemu_args = suite.qemu_args
    tsm = Path(qemu_args[qemu_args.index("-kernel") + 1])
    host = qemu.host_image(qemu_args)
    if host is None:
        print(f"selftest: {suite.name} has no host image to debug", file=sys.stderr)
        return 1
    payload = Path(host).with_suffix(".elf")
    port = port or gdb.free_port()
    try:
        attach = gdb.command(tsm, payload, port)
    except (OSError, gdb.ElfError) as err:
        print(f"selftest: cannot read the symbols for --gdb: {err}", file=sys.stderr)
        return 1
    print(f"selftest: {suite.name} is stopped before its first instruction; in another "
          f"terminal run:\n  {attach}", flush=True)
    if not shutil.which(gdb.GDB):
        print(f"selftest: note: {gdb.GDB} is not installed (sudo apt-get install {gdb.GDB})",
              flush=True)
    argv, status = qemu.run_attached([*qemu_args, *gdb.qemu_args(port)])
    print(f"selftest: QEMU exited with status {status}: {shlex.join(argv)}", flush=True)
    return 0 if status == 0 else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="tools/selftest", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("target", nargs="?", default="tsm", choices=sorted(TARGETS),
                    help="what to test (default tsm)")
    ap.add_argument("argument", nargs="?", metavar="SERIES",
                    help="kernel: the series of kernel-patches/ to build and boot")
    ap.add_argument("--suite", action="append", metavar="NAME",
                    help="run only this suite; repeat for more")
    ap.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                    help="run N suites at once (default 1)")
    ap.add_argument("--junit", type=Path, metavar="FILE", help="also write JUnit XML to FILE")
    ap.add_argument("--list", action="store_true", help="list the suites and exit")
    ap.add_argument("--no-build", action="store_true", help="use the build as it is")
    ap.add_argument("--timeout", type=float, metavar="SECONDS",
                    help="per suite, times COVEKIT_TIMEOUT_SCALE (default 30; kernel 60; "
                         "host 120)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="print each suite's QEMU command and whole console")
    ap.add_argument("--gdb", metavar="SUITE",
                    help="boot only SUITE, stopped, with a gdb stub; print the gdb-multiarch "
                         "command that attaches with the TSM's and the payload's symbols, "
                         "and wait for QEMU (no timeout)")
    ap.add_argument("--gdb-port", type=int, metavar="PORT",
                    help="the gdb stub's TCP port on 127.0.0.1 (default: a free one)")
    args = ap.parse_args(argv)
    scratch.sweep()  # scratch worktrees of killed runs (the kernel target makes them)
    if args.jobs < 1:
        ap.error("-j must be at least 1")
    if args.timeout is not None and not 0 < args.timeout < float("inf"):
        ap.error("--timeout must be a positive number of seconds")
    target = TARGETS[args.target]
    if args.gdb:
        if target.suites is None:
            ap.error(f"--gdb boots a payload suite of the TSM, not a {target.name} suite")
        args.suite = [args.gdb]
    if target.argument and not args.argument:
        ap.error(f"{target.name} needs {target.argument}: tools/selftest {target.name} "
                 f"{target.argument}")
    if not target.argument and args.argument:
        ap.error(f"{target.name} takes no argument (got {args.argument!r})")
    try:
        timeout = (args.timeout or target.timeout) * qemu.timeout_scale()
    except ValueError as err:
        ap.error(str(err))

    try:
        if target.plan is not None:
            plan = target.plan(args.argument, not args.no_build and not args.list, args.list)
        else:
            assert target.suites is not None
            build_path = build_dir()
            check_tools(building=not args.no_build, running=not args.list)
            if not args.no_build:
                build(build_path)
            plan = Plan(target.name, target.suites(build_path),
                        build_path / "selftest-logs" / target.name)
    except Fatal as err:
        return errors.report("selftest", err)
    suites = plan.suites
    if args.suite:
        known = [s.name for s in suites]
        if unknown := [name for name in args.suite if name not in known]:
            ap.error(f"unknown {target.name} suite(s) {', '.join(unknown)}; "
                     f"known: {', '.join(known)}")
        suites = [s for s in suites if s.name in args.suite]
    if args.list:
        print("\n".join(s.name for s in suites))
        return 0
    if args.gdb:
        return debug(suites[0], args.gdb_port)

    def show(sr: SuiteRun) -> None:
        print(format_suite(plan.label, sr, args.verbose), flush=True)

    try:
        runs = run_suites(suites, timeout, args.jobs, show, target.panics, target.ending)
    except KeyboardInterrupt:
        print("selftest: interrupted", file=sys.stderr)
        return 130
    write_logs(plan.logs, runs)
    if args.junit:
        write_junit(args.junit, plan.label.replace("/", "."), runs)
    passed, failed, skipped = (sum(sr.count(status) for sr in runs)
                               for status in (Status.PASS, Status.FAIL, Status.SKIP))
    print(f"selftest: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
