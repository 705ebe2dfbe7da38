# SPDX-License-Identifier: GPL-2.0-only
"""./tools/fuzz: coverage-guided fuzzing of the TSM's COVH ABI.

Builds tsm-firmware/fuzz (libFuzzer, ASan, UBSan) in build/fuzz with clang
and runs covh_fuzz from the committed seed corpus (tsm-firmware/fuzz/corpus,
copied to a scratch directory first: the checkout is never written).  After
every call the harness checks the isolation invariants; a broken one, or a
sanitizer report, saves the input under build/fuzz/crashes/ and exits 1
with the command that replays it.

  tools/fuzz --smoke          fixed budget, as tools/test runs it
  tools/fuzz [--time S]       longer, growing build/fuzz/corpus
  tools/fuzz --replay FILE    run one input again, printing every call
  tools/fuzz --selftest BUG   a build with BUG injected must fail (remap, unmap)
  tools/fuzz --write-seeds    regenerate the seed corpus (--check-seeds: compare)
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from covekit_codegen import api

from covekit_tools import context, errors

ROOT = context.root()
FUZZ_SRC = ROOT / "tsm-firmware/fuzz"
CORPUS = FUZZ_SRC / "corpus"
SMOKE_SECONDS = 45
DEFAULT_SECONDS = 600
BUILD_TAIL = 30
CLANGS = ("clang-14", "clang")
BUGS = ("remap", "unmap")


class Fatal(errors.UsageError):
    """What the user must fix (a missing clang, a failed build): exit 2."""


# --- the input format (tsm-firmware/fuzz/input.h) ---------------------------

def _header(name: str) -> str:
    return (ROOT / "tsm-firmware" / name).read_text()


def _enum(text: str, name: str, prefix: str) -> list[str]:
    """Member names of a C enum, in order (its members are not assigned)."""
    body = re.search(rf"enum {name} \{{(.*?)\}};", text, re.S)
    if not body:
        raise Fatal(f"no enum {name} in the fuzzer's headers")
    text = re.sub(r"/\*.*?\*/", "", body.group(1), flags=re.S)
    return re.findall(rf"\b{prefix}(\w+)", text)


@dataclass(frozen=True)
class Format:
    entry_size: int
    max_calls: int
    ops: dict[str, int]		# COVH call names and harness ops -> op byte
    kinds: list[str]
    tweaks: list[str]
    states: list[str]
    cfg: dict[str, int]


def load_format() -> Format:
    """The format as input.h, machine.h and the generated headers define it."""
    inp = _header("fuzz/input.h")
    machine = _header("fuzz/machine.h")
    abi = _header("include/generated/sbi_abi.h")
    pages = _header("include/generated/page_states.h")

    def define(text: str, name: str) -> int:
        m = re.search(rf"#define {name}\s+(\w+)", text)
        if not m:
            raise Fatal(f"no #define {name} in the fuzzer's headers")
        return int(m.group(1), 0)

    ops = {name.lower(): int(v) for name, v in
           re.findall(r"SBI_EXT_COVH_(\w+)\s*=\s*(\d+),", abi)}
    ops.update({name.lower(): int(v) for name, v in
                re.findall(r"FUZZ_OP_(\w+) = (\d+),", inp)})
    return Format(
        entry_size=define(inp, "FUZZ_ENTRY_SIZE"),
        max_calls=define(inp, "FUZZ_MAX_CALLS"),
        ops=ops,
        kinds=_enum(inp, "fuzz_arg_kind", "FUZZ_ARG_"),
        tweaks=_enum(inp, "fuzz_tweak", "FUZZ_TWEAK_"),
        states=re.findall(r"TSM_PAGE_(\w+)\s*= \d+,", pages),
        cfg={name.lower(): int(v, 0) for name, v in
             re.findall(r"#define FUZZ_CFG_(\w+)\s+(\w+)", machine)},
    )


@dataclass(frozen=True)
class Arg:
    kind: str
    param: int = 0
    tweak: str = "none"


class Encoder:
    """Builds inputs: enc.call("convert_pages", enc.host(0), enc.small(8))."""

    def __init__(self, fmt: Format) -> None:
        self.fmt = fmt

    def small(self, n: int, tweak: str = "none") -> Arg:
        return Arg("small", n, tweak)

    def host(self, n: int, tweak: str = "none") -> Arg:
        return Arg("host", n, tweak)

    def ram(self, n: int) -> Arg:
        return Arg("ram", n)

    def state(self, state: str, n: int = 0) -> Arg:
        return Arg("state", n << 3 | self.fmt.states.index(state.upper()))

    def owned(self, tvm: int, n: int = 0) -> Arg:
        return Arg("owned", n << 3 | (tvm - 1))

    def image(self, n: int = 0, opensbi: bool = False) -> Arg:
        return Arg("image", n | (0x8000 if opensbi else 0))

    def edge(self, i: int, tweak: str = "none") -> Arg:
        return Arg("edge", i, tweak)

    def special(self, i: int) -> Arg:
        return Arg("special", i)

    def tvm(self, tvm_id: int) -> Arg:
        return Arg("tvm", tvm_id)

    def gpa(self, page: int) -> Arg:
        return Arg("gpa", page)

    def pages(self, n: int) -> Arg:
        return Arg("pages", n)

    def call(self, op: str, *args: Arg, hart: int = 0) -> bytes:
        if len(args) > 6:
            raise Fatal(f"{op}: more than six arguments")
        entry = bytearray([self.fmt.ops[op] | (0x80 if hart else 0)])
        for arg in (*args, *[self.small(0)] * (6 - len(args))):
            kind = self.fmt.kinds.index(arg.kind.upper())
            tweak = self.fmt.tweaks.index(arg.tweak.upper())
            entry += bytes([kind | tweak << 4, arg.param & 0xff, arg.param >> 8])
        assert len(entry) == self.fmt.entry_size
        return bytes(entry)

    def config(self, spare_tables: int = 3, two_harts: bool = False,
               short_tracker: bool = False) -> bytes:
        cfg = self.fmt.cfg
        return bytes([spare_tables & cfg["spare_mask"] |
                      (cfg["two_harts"] if two_harts else 0) |
                      (cfg["short_tracker"] if short_tracker else 0)])


def _fence(e: Encoder, harts: int = 1) -> bytes:
    return e.call("initiate_fence") + b"".join(e.call("local_fence", hart=h)
                                               for h in range(harts))


def _seed_convert_reclaim(e: Encoder) -> bytes:
    return (e.config() +
            e.call("convert_pages", e.host(0), e.small(8)) +
            e.call("reclaim_pages", e.host(4), e.small(2)) +	# still CONVERTING
            _fence(e) +
            e.call("convert_pages", e.host(16), e.small(4)) +
            e.call("reclaim_pages", e.state("confidential"), e.small(2)) +
            e.call("host_write", e.host(16), e.small(0xaa)) +	# not the host's now
            _fence(e) +
            e.call("reclaim_pages", e.host(16), e.small(4)) +
            e.call("reclaim_pages", e.host(16), e.small(4)))	# twice: refused


def _build_tvm(e: Encoder, tvm: int, params_page: int) -> bytes:
    """Create and fill TVM tvm from CONFIDENTIAL pages (16 KiB aligned first)."""
    conf = e.state("confidential")
    return (e.call("create_tvm", e.host(params_page), e.small(16),
                   e.state("confidential", 0), e.state("confidential", 4)) +
            e.call("add_tvm_memory_region", e.tvm(tvm), e.gpa(0), e.pages(64)) +
            e.call("add_tvm_page_table_pages", e.tvm(tvm), conf, e.small(4)) +
            e.call("host_write", e.host(params_page + 1), e.small(0x42)) +
            e.call("add_tvm_measured_pages", e.tvm(tvm), e.host(params_page + 1), conf,
                   e.small(0), e.small(2), e.gpa(0)) +
            e.call("create_tvm_vcpu", e.tvm(tvm), e.small(0), conf))


def _seed_tvm_lifecycle(e: Encoder) -> bytes:
    return (e.config() +
            e.call("tsm_get_info", e.host(400), e.small(48)) +
            e.call("convert_pages", e.host(0), e.small(64)) + _fence(e) +
            _build_tvm(e, 1, 300) +
            e.call("finalize_tvm", e.tvm(1), e.gpa(0), e.small(0), e.small(0)) +
            e.call("add_tvm_zero_pages", e.tvm(1), e.state("confidential"), e.small(0),
                   e.small(1), e.gpa(8)) +
            e.call("destroy_tvm", e.tvm(1)) +
            e.call("reclaim_pages", e.host(0), e.small(64)))


def _seed_two_tvms(e: Encoder) -> bytes:
    return (e.config() +
            e.call("convert_pages", e.host(0), e.small(128)) + _fence(e) +
            _build_tvm(e, 1, 300) + _build_tvm(e, 2, 310) +
            # TVM 2 may not take TVM 1's pages, nor reclaim them.
            e.call("add_tvm_page_table_pages", e.tvm(2), e.owned(1, 0), e.small(1)) +
            e.call("add_tvm_zero_pages", e.tvm(2), e.owned(1, 5), e.small(0), e.small(1),
                   e.gpa(9)) +
            e.call("reclaim_pages", e.owned(1, 7), e.small(1)) +
            e.call("destroy_tvm", e.tvm(1)) +
            e.call("reclaim_pages", e.state("confidential"), e.small(1)) +
            e.call("finalize_tvm", e.tvm(2), e.gpa(0), e.small(0), e.host(320)) +
            e.call("destroy_tvm", e.tvm(2)))


def _seed_two_harts(e: Encoder) -> bytes:
    return (e.config(two_harts=True) +
            e.call("convert_pages", e.host(0), e.small(4)) +
            e.call("initiate_fence") +
            e.call("convert_pages", e.host(10), e.small(2)) +	# waits for the next
            e.call("local_fence") +
            e.call("local_fence") +				# hart 0 again: FAILED
            e.call("local_fence", hart=1) +
            _fence(e, harts=2) +
            e.call("local_fence", hart=1))


def _seed_split_leaves(e: Encoder) -> bytes:
    # One spare table: the first 2 MiB leaf splits, the second cannot.
    return (e.config(spare_tables=1) +
            e.call("convert_pages", e.edge(10), e.small(2)) +		# across 1 GiB
            e.call("convert_pages", e.edge(11), e.small(1)) +		# FAILED
            e.call("convert_pages", e.edge(9, "plus_page"), e.small(1)) +
            _fence(e) +
            e.call("reclaim_pages", e.edge(10), e.small(3)))


def _seed_bad_arguments(e: Encoder) -> bytes:
    return (e.config(short_tracker=True) +
            e.call("convert_pages", e.image(0), e.small(1)) +
            e.call("convert_pages", e.image(0, opensbi=True), e.small(1)) +
            e.call("convert_pages", e.edge(6), e.small(2)) +		# into the TSM
            e.call("convert_pages", e.host(0), e.special(7)) +		# ~0 pages
            e.call("convert_pages", e.host(0), e.special(11)) +	# 2^52 - 1 pages
            e.call("convert_pages", e.edge(2), e.small(1)) +		# untracked
            e.call("convert_pages", e.host(3, "plus_1"), e.small(1)) +
            e.call("reclaim_pages", e.edge(1), e.small(1)) +
            e.call("tsm_get_info", e.image(3), e.small(48)) +
            e.call("tsm_get_info", e.edge(1, "minus_1"), e.small(64)) +
            e.call("create_tvm", e.image(1), e.small(16)) +
            e.call("add_tvm_memory_region", e.tvm(0), e.gpa(0), e.pages(1)) +
            e.call("destroy_tvm", e.tvm(5)) +
            e.call("covh_raw", e.small(0), e.small(0), e.small(0), e.small(0), e.small(0),
                   e.special(9)) +						# a6 = 1 << 63
            e.call("other_ext", e.small(0), e.small(0), e.small(0), e.small(0), e.small(3),
                   e.small(0)) +						# COVG
            e.call("other_ext", e.small(0x10), e.small(0), e.small(0),
                   e.small(0), e.small(0), e.small(2)) +			# probe
            e.call("other_ext", e.small(64), e.host(5), e.small(0), e.small(0), e.small(0),
                   e.small(3)) +						# console write
            e.call("other_ext", e.small(64), e.image(0), e.small(0), e.small(0),
                   e.small(0), e.small(4)) +					# console read
            e.call("other_ext", e.small(1), e.host(5), e.small(0), e.small(0), e.small(0),
                   e.small(5)))						# hart_start


def _seed_run_tvm(e: Encoder) -> bytes:
    """Build a TVM, register a NACL area and run its boot vCPU, every exit."""
    area = e.host(200)
    run = [e.tvm(1), e.small(0)]
    return (e.config(two_harts=True) +
            e.call("set_shmem", e.host(3, "plus_1")) +			# misaligned
            e.call("set_shmem", e.image(0)) +				# the TSM's
            e.call("probe_feature", e.small(0)) +
            e.call("convert_pages", e.host(0), e.small(64)) + _fence(e, harts=2) +
            e.call("set_shmem", e.state("confidential")) +		# confidential
            _build_tvm(e, 1, 300) +
            e.call("run_tvm_vcpu", *run) +				# not finalized
            e.call("finalize_tvm", e.tvm(1), e.gpa(0), e.small(0), e.small(0)) +
            e.call("run_tvm_vcpu", *run) +				# NO_SHMEM
            e.call("set_shmem", area) +
            e.call("run_tvm_vcpu", *run, e.small(0)) +			# an ecall exit
            e.call("run_tvm_vcpu", e.tvm(1), e.small(1)) +		# no such vCPU
            e.call("run_tvm_vcpu", e.tvm(5), e.small(0)) +		# no such TVM
            e.call("run_tvm_vcpu", *run, e.small(1)) +			# WFI
            e.call("set_shmem", e.host(220), hart=1) +
            e.call("run_tvm_vcpu", *run, e.small(5)) +			# stays in
            e.call("run_tvm_vcpu", *run, hart=1) +			# running: FAILED
            e.call("destroy_tvm", e.tvm(1), hart=1) +			# running: FAILED
            e.call("convert_pages", area, e.small(1), hart=1) +	# area goes away
            e.call("probe_feature", e.small(1)) +			# hart 0 exits first
            e.call("run_tvm_vcpu", *run) +				# stale area: NO_SHMEM
            e.call("run_tvm_vcpu", *run, e.small(4), hart=1) +	# SRST: all DEAD
            e.call("run_tvm_vcpu", *run, hart=1) +			# DEAD: refused
            e.call("set_shmem", e.special(7), e.special(7), hart=1) +	# all ones: off
            e.call("destroy_tvm", e.tvm(1)))


SEEDS: dict[str, Callable[[Encoder], bytes]] = {
    "convert-reclaim": _seed_convert_reclaim,
    "tvm-lifecycle": _seed_tvm_lifecycle,
    "two-tvms": _seed_two_tvms,
    "two-harts": _seed_two_harts,
    "split-leaves": _seed_split_leaves,
    "bad-arguments": _seed_bad_arguments,
    "run-tvm": _seed_run_tvm,
}


def seeds() -> dict[str, bytes]:
    enc = Encoder(load_format())
    out = {}
    for name, make in SEEDS.items():
        data = make(enc)
        if (len(data) - 1) // enc.fmt.entry_size > enc.fmt.max_calls:
            raise Fatal(f"seed {name}: more than {enc.fmt.max_calls} calls")
        out[name] = data
    return out


def write_seeds(check: bool) -> int:
    want = seeds()
    have = {p.name: p.read_bytes() for p in CORPUS.glob("*") if p.is_file()}
    stale = sorted(n for n in want.keys() | have.keys() if want.get(n) != have.get(n))
    if check:
        for name in stale:
            print(f"fuzz: {CORPUS.relative_to(ROOT)}/{name} is stale; run: "
                  f"tools/fuzz --write-seeds", file=sys.stderr)
        return 1 if stale else 0
    CORPUS.mkdir(exist_ok=True)
    for name in stale:
        path = CORPUS / name
        if name in want:
            api.write_atomic(path, want[name])
            print(f"fuzz: wrote {path.relative_to(ROOT)}")
        else:
            path.unlink()
            print(f"fuzz: removed {path.relative_to(ROOT)}")
    return 0


# --- build and run -----------------------------------------------------------

def build_dir() -> Path:
    return context.build_dir() / "fuzz"


def find_clang() -> str:
    for cc in CLANGS:
        if shutil.which(cc):
            return cc
    raise Fatal("no clang on PATH (the fuzzer needs clang-14 and libclang-rt-14-dev); "
                "run: sudo tools/install-deps")


def build(directory: Path) -> None:
    meson = [sys.executable, "-m", "mesonbuild.mesonmain"]
    steps = [[*meson, "compile", "-C", str(directory)]]
    if not (directory / "meson-private/coredata.dat").is_file():
        steps.insert(0, [*meson, "setup", "-Dfuzz=true", str(directory)])
    env = dict(os.environ, CC=find_clang(),
               PATH=os.pathsep.join([str(Path(sys.executable).parent),
                                     os.environ.get("PATH", "")]))
    for cmd in steps:
        print(f"fuzz: building {directory} (meson {cmd[3]})", file=sys.stderr, flush=True)
        proc = subprocess.run(cmd, cwd=ROOT, env=env, text=True, errors="replace",
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if proc.returncode != 0:
            for line in proc.stdout.splitlines()[-BUILD_TAIL:]:
                print(line, file=sys.stderr)
            raise Fatal(f"build failed; rerun: cd {shlex.quote(str(ROOT))} && "
                        f"CC={env['CC']} {shlex.join(cmd)}")


def binary(directory: Path, selftest: bool) -> Path:
    return directory / "tsm-firmware/fuzz" / ("covh_fuzz_selftest" if selftest else "covh_fuzz")


@dataclass(frozen=True)
class Result:
    returncode: int
    executions: int | None
    seconds: int | None
    coverage: int | None
    features: int | None
    corpus: int | None
    reproducer: Path | None
    reason: str | None


def parse_output(text: str, returncode: int) -> Result:
    def last_int(pattern: str) -> int | None:
        found = re.findall(pattern, text)
        return int(found[-1]) if found else None

    cov = re.findall(r"cov: (\d+) ft: (\d+) corp: (\d+)/", text)
    artifact = re.findall(r"Test unit written to (\S+)", text)
    reason = re.search(r"^(covh_fuzz: INVARIANT FAILED: .*|.*ERROR: \w+Sanitizer.*"
                       r"|.*runtime error: .*|==\d+== ERROR: libFuzzer: .*)$", text, re.M)
    return Result(
        returncode=returncode,
        executions=last_int(r"stat::number_of_executed_units: (\d+)"),
        seconds=last_int(r"Done \d+ runs in (\d+) second"),
        coverage=int(cov[-1][0]) if cov else None,
        features=int(cov[-1][1]) if cov else None,
        corpus=int(cov[-1][2]) if cov else None,
        reproducer=Path(artifact[-1]) if artifact else None,
        reason=reason.group(1).strip() if reason else None,
    )


def run_fuzzer(directory: Path, seconds: int, selftest: str | None, corpus: Path,
               log: Path, verbose: bool) -> Result:
    crashes = directory / ("crashes-selftest" if selftest else "crashes")
    crashes.mkdir(parents=True, exist_ok=True)
    fmt = load_format()
    cmd = [str(binary(directory, selftest is not None)), f"-max_total_time={seconds}",
           f"-max_len={1 + fmt.entry_size * fmt.max_calls}", "-timeout=10",
           "-print_final_stats=1", f"-artifact_prefix={crashes}/", str(corpus)]
    env = dict(os.environ)
    env.pop("FUZZ_TRACE", None)
    if selftest:
        env["FUZZ_SELFTEST_BUG"] = selftest
    print(f"fuzz: {shlex.join(cmd)}", file=sys.stderr, flush=True)
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, text=True, errors="replace",
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        assert proc.stdout
        text = []
        for line in proc.stdout:
            out.write(line)
            text.append(line)
            if verbose:
                sys.stderr.write(line)
        returncode = proc.wait()
    return parse_output("".join(text), returncode)


def fresh_corpus(scratch: Path) -> Path:
    """A scratch copy of the seeds: libFuzzer adds to and prunes its corpus."""
    if scratch.exists():
        shutil.rmtree(scratch)
    shutil.copytree(CORPUS, scratch)
    return scratch


def rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def report(result: Result, log: Path, selftest: str | None) -> int:
    if result.returncode == 0:
        print(f"fuzz: {result.executions} executions in {result.seconds} s, coverage "
              f"{result.coverage} edges ({result.features} features), corpus "
              f"{result.corpus} inputs; no invariant broken")
        return 0
    reason = result.reason or f"the fuzzer stopped (exit status {result.returncode})"
    print(f"fuzz: FAILED: {reason}", file=sys.stderr)
    print(f"fuzz: output: {rel(log)}", file=sys.stderr)
    if result.reproducer:
        again = ["tools/fuzz", "--replay", rel(result.reproducer)]
        if selftest:
            again += ["--selftest", selftest]
        print(f"fuzz: reproducer: {rel(result.reproducer)}", file=sys.stderr)
        print(f"fuzz: replay it: {shlex.join(again)}", file=sys.stderr)
    return 1


def replay(directory: Path, path: Path, selftest: str | None) -> int:
    if not path.is_file():
        raise Fatal(f"{path}: no such input")
    env = dict(os.environ, FUZZ_TRACE="1")
    if selftest:
        env["FUZZ_SELFTEST_BUG"] = selftest
    cmd = [str(binary(directory, selftest is not None)), str(path)]
    print(f"fuzz: FUZZ_TRACE=1 {shlex.join(cmd)}", file=sys.stderr, flush=True)
    return subprocess.run(cmd, cwd=ROOT, env=env).returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="tools/fuzz", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--smoke", action="store_true",
                      help=f"the CI budget: {SMOKE_SECONDS} s from the seed corpus")
    mode.add_argument("--replay", type=Path, metavar="FILE",
                      help="run one input (a reproducer) again, tracing every call")
    mode.add_argument("--write-seeds", action="store_true",
                      help="regenerate tsm-firmware/fuzz/corpus")
    mode.add_argument("--check-seeds", action="store_true",
                      help="exit 1 if tsm-firmware/fuzz/corpus is not what --write-seeds writes")
    ap.add_argument("--time", type=int, metavar="SECONDS",
                    help=f"how long to fuzz (default {DEFAULT_SECONDS}; "
                         f"{SMOKE_SECONDS} with --smoke)")
    ap.add_argument("--selftest", choices=BUGS, metavar="BUG",
                    help=f"use the build with BUG injected ({', '.join(BUGS)}): "
                         "the run must fail")
    ap.add_argument("-v", "--verbose", action="store_true", help="show libFuzzer's output")
    args = ap.parse_args(argv)
    if args.time is not None and args.time < 1:
        ap.error("--time must be at least 1")
    try:
        if args.write_seeds or args.check_seeds:
            return write_seeds(check=args.check_seeds)
        directory = build_dir()
        build(directory)
        if args.replay:
            return replay(directory, args.replay, args.selftest)
        seconds = args.time or (SMOKE_SECONDS if args.smoke else DEFAULT_SECONDS)
        if args.smoke or args.selftest:
            corpus = fresh_corpus(directory / "corpus-smoke")
        else:
            corpus = directory / "corpus"	# grows from run to run
            corpus.mkdir(parents=True, exist_ok=True)
            for seed in CORPUS.iterdir():
                api.write_atomic(corpus / seed.name, seed.read_bytes())
        log = directory / ("fuzz-selftest.log" if args.selftest else "fuzz.log")
        result = run_fuzzer(directory, seconds, args.selftest, corpus, log, args.verbose)
        return report(result, log, args.selftest)
    except Fatal as e:
        return errors.report("fuzz", e)


if __name__ == "__main__":
    sys.exit(main())
