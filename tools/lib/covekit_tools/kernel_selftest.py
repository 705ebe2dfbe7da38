# SPDX-License-Identifier: GPL-2.0-only
"""tools/selftest kernel SERIES: boot the series' kernel in QEMU and run KVM
selftests in it.

  1. apply SERIES in its worktree (tools/series apply: branch covekit/SERIES);
  2. build a minimal riscv64 kernel out of tree in <build>/kernel/SERIES:
     tinyconfig, the series' config fragment and selftests/kernel/
     selftest.config merged in, olddefconfig, make Image (ccache; the
     directory is reused, so a second run rebuilds only what changed);
  3. make headers_install there, and build the KVM selftests the suite runs
     (tools/testing/selftests/kvm of the patched tree) statically against
     those headers, in <build>/kernel/SERIES/kselftest;
  4. build selftests/kernel/init.c statically and pack it as /init, the suite
     file as /suite and each selftest as /bin/NAME into a cpio initramfs;
  5. boot QEMU once per `boot` line of selftests/kernel/SERIES.suite, with
     that boot's expectations on the kernel command line (covekit.VAR=VALUE);
     init runs the `test` lines and prints KTAP.

The suite file's format is in selftests/kernel/README.md. This module builds
and plans; covekit_tools.selftest boots, parses the KTAP and reports.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from covekit_tools import context, qemu
from covekit_tools.errors import ToolError
from covekit_tools.kernel import kbuild, kconfig

ROOT = context.root()
SELFTESTS = ROOT / "selftests" / "kernel"
FRAGMENT = SELFTESTS / "selftest.config"  # what booting to a static /init needs
INIT_SOURCE = SELFTESTS / "init.c"
CROSS_CC = f"{kbuild.CROSS_COMPILE}gcc"
INIT_CFLAGS = ["-static", "-O2", "-Wall", "-Wextra", "-Werror"]
BASE_CONFIG = "tinyconfig"
KSELFTEST_DIR = "tools/testing/selftests/kvm"
# Appended to qemu.MACHINE (later options win): the boot's own arguments come last.
MACHINE = ["-smp", "2", "-m", "1G", "-no-reboot"]
# panic=-1 and -no-reboot: a kernel panic ends QEMU at once.
CMDLINE = ["console=ttyS0", "panic=-1"]
TOOLS = [CROSS_CC, "make", "rsync", "flex", "bison", "bc"]  # make headers_install needs rsync
# The static C library the selftests and init link with (libc6-dev-riscv64-cross).
STATIC_LIBC = Path("/usr/riscv64-linux-gnu/lib/libc.a")

# The Linux panic line, "Kernel panic - not syncing: ...": a crash of the boot.
PANIC = "Kernel panic"


class KernelSelftestError(ToolError):
    """Stops the run before any boot: one line, exit 1."""


def progress(message: str) -> None:
    print(f"selftest: {message}", file=sys.stderr, flush=True)


# The suite file ------------------------------------------------------------

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,126}\Z")  # init.c: MAX_NAME
MAX_WORDS = MAX_TESTS = 64  # init.c's limits
VAR = re.compile(r"[a-z][a-z0-9_]*\Z")
VALUES = ("present", "absent")
EXPECTS = ("exit", "present", "absent")
# A KVM selftest, by its path in tools/testing/selftests/kvm: get-reg-list, riscv/ebreak_test.
PROGRAM = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)*\Z")


@dataclass(frozen=True)
class Boot:
    name: str
    values: dict[str, str]  # VAR -> present | absent: covekit.VAR=VALUE on the command line
    qemu_args: tuple[str, ...]
    line: int

    def cmdline(self) -> str:
        return " ".join([*CMDLINE, *(f"covekit.{k}={v}" for k, v in self.values.items())])


@dataclass(frozen=True)
class Test:
    name: str
    expect: str  # exit, present, absent or $VAR
    patterns: tuple[str, ...]
    argv: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class SuiteFile:
    path: Path
    text: str
    boots: tuple[Boot, ...]
    tests: tuple[Test, ...]

    @property
    def programs(self) -> list[str]:
        """The KVM selftests the tests run, each once, sorted."""
        return sorted({t.argv[0] for t in self.tests})


class SuiteError(Exception):
    """Problems of a suite file, each FILE:LINE: message."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def split_words(line: str) -> list[str]:
    """The words of a line as init.c splits them: blanks separate words, and a
    word starting with '"' runs to the next '"' (no escapes)."""
    words: list[str] = []
    i, n = 0, len(line)
    while True:
        while i < n and line[i] in " \t":
            i += 1
        if i == n:
            return words
        if line[i] == '"':
            end = line.find('"', i + 1)
            if end < 0:
                raise ValueError("unterminated quote")
            if end + 1 < n and line[end + 1] not in " \t":
                raise ValueError("a quoted word must end at a blank")
            words.append(line[i + 1:end])
            i = end + 1
            continue
        j = i
        while j < n and line[j] not in " \t":
            j += 1
        if '"' in line[i:j]:
            raise ValueError(f"a quote inside the word {line[i:j]}")
        words.append(line[i:j])
        i = j


def _split_at(words: list[str], start: int) -> tuple[list[str], list[str]] | None:
    """words[start:] split at the first "--"; None if there is none."""
    try:
        sep = words.index("--", start)
    except ValueError:
        return None
    return words[start:sep], words[sep + 1:]


def parse_suite(text: str, path: Path, display: str | None = None) -> SuiteFile:
    """The boots and tests of a suite file; SuiteError lists every problem."""
    name = display or str(path)
    problems: list[str] = []
    boots: list[Boot] = []
    tests: list[Test] = []

    def problem(line: int, message: str) -> None:
        problems.append(f"{name}:{line}: {message}")

    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        if any(c < " " and c != "\t" for c in line):
            problem(number, "a control character (CR?) in the line")
            continue
        try:
            words = split_words(line)
        except ValueError as err:
            problem(number, str(err))
            continue
        kind = words[0]
        if len(words) > MAX_WORDS:
            problem(number, f"more than {MAX_WORDS} words")
            continue
        if kind == "boot":
            parts = _split_at(words, 2)
            if len(words) < 2 or parts is None:
                problem(number, "expected: boot NAME VAR=VALUE... -- QEMU-ARGUMENT...")
                continue
            settings, qemu_args = parts
            values: dict[str, str] = {}
            for setting in settings:
                var, eq, value = setting.partition("=")
                if not eq or not VAR.match(var) or value not in VALUES:
                    problem(number, f"{setting!r}: a boot sets VAR=present or VAR=absent "
                                    f"(VAR: lower case, digits, _)")
                elif var in values:
                    problem(number, f"{var} set twice")
                else:
                    values[var] = value
            if not NAME.match(words[1]):
                problem(number, f"boot name {words[1]!r}: letters, digits, '.', '_', '-' "
                                f"(at most 127)")
            boots.append(Boot(words[1], values, tuple(qemu_args), number))
        elif kind == "test":
            parts = _split_at(words, 3)
            if len(words) < 3 or parts is None or not parts[1]:
                problem(number, "expected: test NAME EXPECT [PATTERN...] -- COMMAND "
                                "[ARGUMENT...]")
                continue
            patterns, argv = parts
            expect = words[2]
            if not NAME.match(words[1]):
                problem(number, f"test name {words[1]!r}: letters, digits, '.', '_', '-' "
                                f"(at most 127)")
            if expect not in EXPECTS and not (expect.startswith("$") and VAR.match(expect[1:])):
                problem(number, f"EXPECT {expect!r}: exit, present, absent or $VAR")
            elif expect == "exit" and patterns:
                problem(number, "exit takes no PATTERN (the exit status is the verdict)")
            elif expect != "exit" and not patterns:
                problem(number, f"{expect} needs a PATTERN to look for in the output")
            if any(not p for p in patterns):
                problem(number, "an empty PATTERN matches everything")
            if not PROGRAM.match(argv[0]) or ".." in argv[0].split("/"):
                problem(number, f"COMMAND {argv[0]!r}: a KVM selftest, by its path in "
                                f"{KSELFTEST_DIR}")
            tests.append(Test(words[1], expect, tuple(patterns), tuple(argv), number))
        else:
            problem(number, f"{kind!r}: a line is a boot, a test or a # comment")

    for kind, items in (("boot", boots), ("test", tests)):
        seen: dict[str, int] = {}
        for item in items:
            if item.name in seen:
                problem(item.line, f"{kind} {item.name} again (first on line {seen[item.name]})")
            seen.setdefault(item.name, item.line)
    if not boots:
        problem(1, "no boot line: nothing to run")
    if not tests:
        problem(1, "no test line: nothing to run")
    if len(tests) > MAX_TESTS:
        problem(tests[MAX_TESTS].line, f"more than {MAX_TESTS} tests")
    used = {t.expect[1:]: t.line for t in tests if t.expect.startswith("$")}
    for boot in boots:
        for var, line in used.items():
            if var not in boot.values:
                problem(boot.line, f"boot {boot.name} does not set {var} (used on line {line})")
        for var in boot.values:
            if var not in used:
                problem(boot.line, f"boot {boot.name} sets {var}, which no test uses")
    if problems:
        raise SuiteError(sorted(set(problems), key=_line_order))
    return SuiteFile(path, text, tuple(boots), tuple(tests))


def _line_order(problem: str) -> tuple[int, str]:
    m = re.search(r":(\d+): ", problem)
    return (int(m.group(1)) if m else 0, problem)


def suite_path(series: str) -> Path:
    return SELFTESTS / f"{series}.suite"


def load_suite(series: str) -> SuiteFile:
    path = suite_path(series)
    try:
        text = path.read_text()
    except FileNotFoundError:
        raise KernelSelftestError(
            f"no suite for {series}: write {display(path)} (format: "
            f"{display(SELFTESTS / 'README.md')})") from None
    return parse_suite(text, path, display(path))


def display(path: Path) -> str:
    return context.display(path, ROOT)


# The initramfs: cpio "newc" ------------------------------------------------

S_IFDIR, S_IFREG, S_IFCHR = 0o040000, 0o100000, 0o020000


@dataclass(frozen=True)
class CpioEntry:
    path: str  # without the leading "/"
    mode: int  # type and permissions
    data: bytes = b""
    rdev: tuple[int, int] = (0, 0)  # a device's major, minor


def _pad4(n: int) -> bytes:
    return b"\0" * (-n % 4)


def newc(entries: Iterable[CpioEntry]) -> bytes:
    """A cpio archive in the "newc" format the kernel unpacks (Documentation/
    driver-api/early-userspace/buffer-format.rst): owner root, time 0, inode
    numbers in order, so the same entries always give the same bytes."""
    out = bytearray()

    def member(ino: int, entry: CpioEntry) -> None:
        name = entry.path.encode() + b"\0"
        nlink = 2 if entry.mode & 0o170000 == S_IFDIR else 1
        fields = [ino, entry.mode, 0, 0, nlink, 0, len(entry.data), 0, 0, *entry.rdev,
                  len(name), 0]
        header = b"070701" + b"".join(b"%08X" % f for f in fields)
        out.extend(header + name + _pad4(len(header) + len(name)))
        out.extend(entry.data + _pad4(len(entry.data)))

    for ino, entry in enumerate(entries, 1):
        if not entry.path or entry.path.startswith("/") or entry.path == "TRAILER!!!":
            raise ValueError(f"bad cpio path {entry.path!r}")
        member(ino, entry)
    member(0, CpioEntry("TRAILER!!!", 0))
    return bytes(out)


def initramfs(init: bytes, suite: bytes, programs: dict[str, bytes]) -> bytes:
    """/init, /suite, /bin/NAME for each program, the directories init mounts
    on, and /dev/console (the kernel opens it for init before devtmpfs is up)."""
    dirs = {"bin", "dev", "proc", "sys"}
    for name in programs:
        parts = f"bin/{name}".split("/")
        dirs.update("/".join(parts[:i]) for i in range(1, len(parts)))
    entries = [CpioEntry(d, S_IFDIR | 0o755) for d in sorted(dirs)]
    entries += [CpioEntry("dev/console", S_IFCHR | 0o600, rdev=(5, 1)),
                CpioEntry("init", S_IFREG | 0o755, init),
                CpioEntry("suite", S_IFREG | 0o644, suite)]
    entries += [CpioEntry(f"bin/{name}", S_IFREG | 0o755, data)
                for name, data in sorted(programs.items())]
    return newc(entries)


# Building ------------------------------------------------------------------

@dataclass(frozen=True)
class Layout:
    """Where the pieces of one series' run live, under <build>/kernel/SERIES."""

    out: Path

    @property
    def image(self) -> Path:
        return self.out / "arch/riscv/boot/Image"

    @property
    def headers(self) -> Path:  # make headers_install's default INSTALL_HDR_PATH
        return self.out / "usr/include"

    @property
    def kselftest(self) -> Path:
        return self.out / "kselftest"

    @property
    def init(self) -> Path:
        return self.out / "initramfs/init"

    @property
    def cpio(self) -> Path:
        return self.out / "initramfs/initramfs.cpio"

    @property
    def logs(self) -> Path:
        return self.out / "selftest-logs"

    @property
    def config_stamp(self) -> Path:
        return self.out / "covekit-config.stamp"

    @property
    def fragment(self) -> Path:  # the series' fragment and ours, as one
        return self.out / "covekit.config"


def build_root() -> Path:
    return context.build_dir()


def layout(series: str) -> Layout:
    return Layout(build_root() / "kernel" / series)


def check_tools(building: bool, running: bool) -> None:
    missing = [tool for tool in TOOLS if building and not shutil.which(tool)]
    if building and not STATIC_LIBC.is_file():
        missing.append(f"{STATIC_LIBC} (libc6-dev-riscv64-cross)")
    if running:
        if not shutil.which(qemu.qemu_binary()):
            missing.append(qemu.qemu_binary())
        if not Path(qemu.opensbi_firmware()).is_file():
            missing.append(qemu.opensbi_firmware())
    if missing:
        raise KernelSelftestError(f"missing {', '.join(missing)}; run: sudo tools/install-deps")


def apply(series: str) -> tuple[Path, str, Path]:
    """SERIES applied by tools/series apply: its worktree, the tip commit and
    the series' config fragment."""
    # Here, not at the top: tools/selftest tsm needs none of tools/series.
    from covekit_tools.series import apply as series_apply
    from covekit_tools.series.context import Context
    from covekit_tools.series.errors import ManifestError, SeriesError

    ctx = Context.from_env()
    try:
        loaded = series_apply.load(ctx, series)
        progress(f"applying {series} (tools/series apply)")
        applied, notes = series_apply.apply_series(ctx, loaded)
    except (SeriesError, ManifestError) as err:
        hint = "".join(f"\n  {line}" for line in getattr(err, "hint", []))
        raise KernelSelftestError(f"{err}{hint}") from None
    for note in notes:
        progress(note)
    fragment = loaded.config_path()
    if fragment is None or not fragment.is_file():
        raise KernelSelftestError(f"{series} has no config fragment (config: in its "
                                  f"series.yaml): nothing says how to build its kernel")
    return applied.worktree, applied.tip, fragment


def configure(tree: Path, where: Layout, tip: str, series_fragment: Path) -> None:
    """.config: tinyconfig with both fragments merged in, redone only when the
    fragments or the tree changed (kconfig would rewrite .config every time)."""
    text = (f"# {display(series_fragment)}\n{series_fragment.read_text()}\n"
            f"# {display(FRAGMENT)}\n{FRAGMENT.read_text()}")
    stamp = hashlib.sha256(f"{tip}\n{BASE_CONFIG}\n{text}".encode()).hexdigest()
    config = where.out / ".config"
    if config.is_file() and where.config_stamp.is_file() and \
            where.config_stamp.read_text().strip() == stamp:
        return
    where.out.mkdir(parents=True, exist_ok=True)
    where.fragment.write_text(text)
    where.config_stamp.unlink(missing_ok=True)
    progress(f"configuring the kernel ({BASE_CONFIG} + {display(series_fragment)} + "
             f"{display(FRAGMENT)})")
    kconfig.apply_fragment(tree, where.out, BASE_CONFIG, where.fragment)
    wanted = kconfig.parse_config(text, display(where.fragment))
    if problems := kconfig.check_fragment(config, wanted):
        raise KernelSelftestError("the kernel config does not hold:\n  " + "\n  ".join(problems))
    where.config_stamp.write_text(stamp + "\n")


def build_kernel(tree: Path, where: Layout) -> None:
    progress(f"building the kernel in {where.out} " +
             ("(incremental)" if where.image.is_file() else "(this takes ~3 min cold)"))
    kbuild.make(tree, where.out, "Image")
    kbuild.make(tree, where.out, "headers_install")


def build_kselftests(tree: Path, where: Layout, programs: list[str]) -> None:
    progress(f"building the KVM selftests ({', '.join(programs)}) in {where.kselftest}")
    where.kselftest.mkdir(parents=True, exist_ok=True)
    kbuild.make(tree / KSELFTEST_DIR, where.kselftest, f"OUTPUT={where.kselftest}",
                f"KHDR_INCLUDES=-isystem {where.headers}", "LDFLAGS=-static",
                *(str(where.kselftest / p) for p in programs))


def init_argv(output: Path, compiler: str = CROSS_CC) -> list[str]:
    return [compiler, *INIT_CFLAGS, "-o", str(output), str(INIT_SOURCE)]


def build_init(where: Layout) -> None:
    """init.c, static; again only when init.c is newer than the binary."""
    if where.init.is_file() and where.init.stat().st_mtime >= INIT_SOURCE.stat().st_mtime:
        return
    where.init.parent.mkdir(parents=True, exist_ok=True)
    argv = init_argv(where.init)
    proc = subprocess.run(argv, capture_output=True, text=True)
    if proc.returncode != 0:
        raise KernelSelftestError(f"{' '.join(argv)} failed:\n{proc.stdout}{proc.stderr}")


def pack(where: Layout, suite: SuiteFile) -> None:
    """The initramfs, rewritten only when its bytes change."""
    needed = [where.init, *(where.kselftest / p for p in suite.programs)]
    if missing := [str(p) for p in needed if not p.is_file()]:
        raise KernelSelftestError(f"not built: {', '.join(missing)} (drop --no-build)")
    data = initramfs(where.init.read_bytes(), suite.text.encode(),
                     {p: (where.kselftest / p).read_bytes() for p in suite.programs})
    if where.cpio.is_file() and where.cpio.read_bytes() == data:
        return
    tmp = where.cpio.with_name(f".{where.cpio.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, where.cpio)


@dataclass
class Prepared:
    """What selftest boots: one QEMU run per boot of the suite file."""

    series: str
    suite: SuiteFile
    where: Layout
    boots: list[tuple[str, list[str]]] = field(default_factory=list)  # name, QEMU arguments


def qemu_args(boot: Boot, where: Layout) -> list[str]:
    return [*MACHINE, "-kernel", str(where.image), "-initrd", str(where.cpio),
            "-append", boot.cmdline(), *boot.qemu_args]


def prepare(series: str, *, build: bool = True, listing: bool = False) -> Prepared:
    """Build what SERIES's boots need (unless not build) and plan them.
    Listing only reads the suite file."""
    try:
        suite = load_suite(series)
    except SuiteError as err:
        raise KernelSelftestError(f"{err}") from None
    where = layout(series)
    prepared = Prepared(series, suite, where)
    if not listing:
        check_tools(building=build, running=True)
        if build:
            tree, tip, fragment = apply(series)
            try:
                configure(tree, where, tip, fragment)
                build_kernel(tree, where)
                build_kselftests(tree, where, suite.programs)
            except kbuild.KbuildError as err:
                raise KernelSelftestError(f"build failed: {err}") from None
            build_init(where)
        if not where.image.is_file():
            raise KernelSelftestError(f"no {where.image}: build it (drop --no-build)")
        pack(where, suite)
    prepared.boots = [(b.name, qemu_args(b, where)) for b in suite.boots]
    return prepared
