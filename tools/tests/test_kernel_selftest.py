# SPDX-License-Identifier: GPL-2.0-only
"""tools/selftest kernel: the cpio writer, the suite file, selftests/kernel/
init.c run natively against fake suites, the runner's kernel target, and
(slow) the real thing: the series' kernel booted twice in QEMU."""

from __future__ import annotations

import os
import re
import shutil
import stat
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from covekit_tools import ktap, qemu, selftest
from covekit_tools.kernel import selftest as ks
from covekit_tools.ktap import Status

ROOT = Path(__file__).resolve().parents[2]
SERIES = "kvm-pointer-masking"
PT_INTERP = 3


# The cpio writer -----------------------------------------------------------

def read_newc(data: bytes) -> list[tuple[str, int, tuple[int, int], bytes]]:
    """(path, mode, (rdev major, minor), data) of each member, checking the format."""
    members, pos = [], 0
    while True:
        assert data[pos:pos + 6] == b"070701" and pos % 4 == 0
        fields = [int(data[pos + 6 + 8 * i:pos + 14 + 8 * i], 16) for i in range(13)]
        (_, mode, uid, gid, _, mtime, size, _, _, rmajor, rminor, namesize, check) = fields
        assert (uid, gid, mtime, check) == (0, 0, 0, 0)
        name = data[pos + 110:pos + 110 + namesize]
        assert name.endswith(b"\0")
        pos += 110 + namesize
        pos += -pos % 4
        body = data[pos:pos + size]
        pos += size
        pos += -pos % 4
        if name == b"TRAILER!!!\0":
            assert pos == len(data)
            return members
        members.append((name[:-1].decode(), mode, (rmajor, rminor), body))


def test_newc_round_trips_and_is_deterministic():
    entries = [ks.CpioEntry("bin", ks.S_IFDIR | 0o755),
               ks.CpioEntry("bin/x", ks.S_IFREG | 0o755, b"12345"),
               ks.CpioEntry("dev/console", ks.S_IFCHR | 0o600, rdev=(5, 1)),
               ks.CpioEntry("empty", ks.S_IFREG | 0o644)]
    data = ks.newc(entries)
    assert data == ks.newc(entries)
    assert read_newc(data) == [("bin", 0o40755, (0, 0), b""), ("bin/x", 0o100755, (0, 0), b"12345"),
                               ("dev/console", 0o20600, (5, 1), b""),
                               ("empty", 0o100644, (0, 0), b"")]
    with pytest.raises(ValueError):
        ks.newc([ks.CpioEntry("/init", ks.S_IFREG | 0o755)])


@pytest.mark.skipif(shutil.which("cpio") is None, reason="no cpio tool")
def test_the_cpio_tool_reads_the_initramfs(tmp_path: Path):
    data = ks.initramfs(b"#!init\n", b"test a exit -- x\n",
                        {"get-reg-list": b"\x7fELF...", "riscv/ebreak_test": b"ebreak"})
    listing = subprocess.run(["cpio", "-itv", "--quiet"], input=data, capture_output=True,
                             check=True).stdout.decode()
    rows = {line.split()[-1]: line.split()[0] for line in listing.splitlines()}
    assert rows == {"bin": "drwxr-xr-x", "bin/riscv": "drwxr-xr-x", "dev": "drwxr-xr-x",
                    "proc": "drwxr-xr-x", "sys": "drwxr-xr-x", "dev/console": "crw-------",
                    "init": "-rwxr-xr-x", "suite": "-rw-r--r--",
                    "bin/get-reg-list": "-rwxr-xr-x", "bin/riscv/ebreak_test": "-rwxr-xr-x"}
    assert re.search(r"crw------- .* 5,\s+1 .* dev/console", listing)
    out = tmp_path / "x"
    out.mkdir()
    without_dev = ks.newc([e for e in (ks.CpioEntry(p, m, d) for p, m, _, d in read_newc(data))
                           if not e.path.startswith("dev/")])
    subprocess.run(["cpio", "-idm", "--quiet"], input=without_dev, cwd=out, check=True)
    assert (out / "suite").read_bytes() == b"test a exit -- x\n"
    assert (out / "bin/riscv/ebreak_test").read_bytes() == b"ebreak"
    assert (out / "init").stat().st_mode & 0o777 == 0o755


# The suite file ------------------------------------------------------------

def parse(text: str) -> ks.SuiteFile:
    return ks.parse_suite(text, Path("t.suite"))


def problems(text: str) -> list[str]:
    with pytest.raises(ks.SuiteError) as err:
        parse(text)
    return err.value.problems


def test_split_words():
    assert ks.split_words('a  "b c" d\t"" e') == ["a", "b c", "d", "", "e"]
    for bad in ['a "b', 'a "b"c', 'a b"c']:
        with pytest.raises(ValueError):
            ks.split_words(bad)


def test_the_series_suite_file():
    suite = ks.load_suite(SERIES)
    assert [b.name for b in suite.boots] == ["ssnpm", "no-ssnpm"]
    ssnpm, no_ssnpm = suite.boots
    assert "ssnpm=true" in ssnpm.qemu_args[-1] and "ssnpm=false" in no_ssnpm.qemu_args[-1]
    assert no_ssnpm.values == {"expect_smnpm": "absent", "expect_ssnpm": "absent"}
    assert ssnpm.cmdline().startswith("console=ttyS0 panic=-1 covekit.expect_smnpm=")
    assert [(t.name, t.expect) for t in suite.tests] == [
        ("get-reg-list", "exit"), ("smnpm-register", "$expect_smnpm"),
        ("ssnpm-register", "$expect_ssnpm")]
    assert suite.programs == ["get-reg-list"]


def test_a_suite_file():
    suite = parse('# c\n\nboot one v=present -- -cpu rv64\nboot two v=absent --\n'
                  'test t1 exit -- a x\n  # indented comment\n'
                  'test t2 $v "p q" r -- riscv/b --flag\n')
    assert [(b.name, b.values, b.qemu_args, b.line) for b in suite.boots] == [
        ("one", {"v": "present"}, ("-cpu", "rv64"), 3), ("two", {"v": "absent"}, (), 4)]
    assert suite.tests[1] == ks.Test("t2", "$v", ("p q", "r"), ("riscv/b", "--flag"), 7)
    assert suite.programs == ["a", "riscv/b"]


def test_suite_file_problems_are_named_by_line():
    assert problems("boot b --\ntest t exit -- x\nrun x\n") == [
        "t.suite:3: 'run': a line is a boot, a test or a # comment"]
    assert problems("boot b v=maybe --\ntest t $v p -- x\n") == [
        "t.suite:1: 'v=maybe': a boot sets VAR=present or VAR=absent (VAR: lower case, "
        "digits, _)", "t.suite:1: boot b does not set v (used on line 2)"]
    assert problems("boot b v=present --\ntest t exit -- x\n") == [
        "t.suite:1: boot b sets v, which no test uses"]
    assert problems("boot b --\ntest t exit p -- x\ntest u present -- x\n"
                    "test v sometimes p -- x\ntest w exit x\n") == [
        "t.suite:2: exit takes no PATTERN (the exit status is the verdict)",
        "t.suite:3: present needs a PATTERN to look for in the output",
        "t.suite:4: EXPECT 'sometimes': exit, present, absent or $VAR",
        "t.suite:5: expected: test NAME EXPECT [PATTERN...] -- COMMAND [ARGUMENT...]"]
    assert problems('boot b --\ntest t exit -- ../x\ntest t present "a -- x\n'
                    "test t exit -- y\nboot b --\n") == [
        "t.suite:2: COMMAND '../x': a KVM selftest, by its path in "
        "tools/testing/selftests/kvm",
        "t.suite:3: unterminated quote",
        "t.suite:4: test t again (first on line 2)",
        "t.suite:5: boot b again (first on line 1)"]
    assert problems("# nothing\n") == ["t.suite:1: no boot line: nothing to run",
                                       "t.suite:1: no test line: nothing to run"]
    # init.c's limits
    many = "boot b --\n" + "".join(f"test t{i} exit -- x\n" for i in range(65))
    assert problems(many) == ["t.suite:66: more than 64 tests"]
    assert problems("boot b --\ntest t exit -- x" + " a" * 61 + "\n") == [
        "t.suite:1: no test line: nothing to run", "t.suite:2: more than 64 words"]


def test_a_missing_suite_file_says_what_to_write():
    with pytest.raises(ks.KernelSelftestError, match=r"no suite for nope: write "
                       r"selftests/kernel/nope.suite \(format: selftests/kernel/README.md\)"):
        ks.load_suite("nope")


# init.c, natively ----------------------------------------------------------

@pytest.fixture(scope="module")
def native_init(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("gcc") is None:
        pytest.skip("no host gcc")
    binary = tmp_path_factory.mktemp("init") / "init"
    proc = subprocess.run(ks.init_argv(binary, "gcc"), capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return binary


# A stand-in for get-reg-list: the kselftest (no arguments) passes; with
# arguments (--list) it prints registers as the real one does: SMNPM by its
# number, as get-reg-list.c without a name for it does, SSNPM by name.
LISTER = """#!/bin/sh
[ "$1" ] || exit 0
ext='\\tKVM_REG_RISCV | KVM_REG_SIZE_U64 | KVM_REG_RISCV_ISA_EXT | KVM_REG_RISCV_ISA_SINGLE'
printf "\\n$ext | KVM_RISCV_ISA_EXT_ZAWRS,\\n"
[ -z "$SMNPM" ] || printf "$ext | 62 /* UNKNOWN */,\\n"
[ -z "$SSNPM" ] || printf "$ext | KVM_RISCV_ISA_EXT_SSNPM,\\n"
printf "\\n"
"""


def run_init(init: Path, root: Path, suite: str, cmdline: str,
             programs: dict[str, str], env: dict[str, str] | None = None,
             ) -> tuple[subprocess.CompletedProcess[str], ktap.Report]:
    (root / "proc").mkdir(parents=True, exist_ok=True)
    (root / "proc/cmdline").write_text(cmdline + "\n")
    (root / "suite").write_text(suite)
    for name, script in programs.items():
        path = root / "bin" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(script)
        path.chmod(0o755)
    proc = subprocess.run([str(init)], cwd=root, capture_output=True, text=True, timeout=30,
                          env={"PATH": "/usr/bin:/bin", **(env or {})})
    return proc, ktap.parse(proc.stdout)


def test_init_reports_ktap(native_init: Path, tmp_path: Path):
    suite = ("boot b expect_x=present -- -cpu rv64\n"
             "test passes exit -- st 0\n"
             "test skips exit -- st 4\n"
             "test fails exit -- st 3\n"
             'test listed $expect_x "ISA_SINGLE | 62 /* UNKNOWN */," -- lister --list\n'
             "test not-listed absent KVM_RISCV_ISA_EXT_SMNPM, -- lister --list\n"
             "test wrongly-listed absent KVM_RISCV_ISA_EXT_ZAWRS, -- lister --list\n"
             "test unset $expect_y x -- lister --list\n"
             "test missing exit -- nothere\n"
             "test crashes exit -- crasher\n")
    st = "#!/bin/sh\necho \"st says $1\"\necho 'to stderr' >&2\nexit $1\n"
    proc, report = run_init(native_init, tmp_path, suite,
                            "console=ttyS0 covekit.expect_x=present",
                            {"st": st, "lister": LISTER,
                             "crasher": "#!/bin/sh\nkill -SEGV $$\n"}, env={"SMNPM": "1"})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert report.problem() is None and report.plan == 9
    assert [(r.name, r.status, r.reason) for r in report.results] == [
        ("passes", Status.PASS, ""), ("skips", Status.SKIP, "to stderr"),
        ("fails", Status.FAIL, ""), ("listed", Status.PASS, ""),
        ("not-listed", Status.PASS, ""), ("wrongly-listed", Status.FAIL, ""),
        ("unset", Status.FAIL, ""), ("missing", Status.FAIL, ""),
        ("crashes", Status.FAIL, "")]
    by_name = {r.name: r for r in report.results}
    # The output of a failed test, then why, as "# " lines; nothing for one that passed.
    assert by_name["fails"].diagnostics == ["# st says 3", "# to stderr",
                                            "# fails: st: exit status 3"]
    assert by_name["passes"].log == []
    assert by_name["wrongly-listed"].diagnostics[-1] == (
        "# wrongly-listed: expected absent, found: KVM_REG_RISCV | KVM_REG_SIZE_U64 | "
        "KVM_REG_RISCV_ISA_EXT | KVM_REG_RISCV_ISA_SINGLE | KVM_RISCV_ISA_EXT_ZAWRS,")
    assert by_name["unset"].diagnostics == [
        "# unset: covekit.expect_y= is not on the kernel command line"]
    assert by_name["missing"].diagnostics == [
        "# init: cannot execute bin/nothere: No such file or directory",
        "# missing: nothere: exit status 127"]
    assert by_name["crashes"].diagnostics == [
        "# crashes: crasher: killed by signal 11 (Segmentation fault)"]


def test_init_quotes_like_the_suite_parser(native_init: Path, tmp_path: Path):
    # A quoted argument reaches the command whole.
    suite = 'test quoted present "[a b]" -- echoer "a b" c\n'
    proc, report = run_init(native_init, tmp_path, suite, "",
                            {"echoer": '#!/bin/sh\nprintf "[%s]\\n" "$@"\n'})
    assert proc.returncode == 0, proc.stdout
    assert [(r.name, r.status) for r in report.results] == [("quoted", Status.PASS)]
    assert [t.argv for t in ks.parse_suite("boot b --\n" + suite, Path("t")).tests] == [
        ("echoer", "a b", "c")]


@pytest.mark.parametrize("expect,listed,results", [
    ("present", True, ["ok", "ok", "ok"]),
    ("absent", True, ["ok", "not ok", "not ok"]),
    ("absent", False, ["ok", "ok", "ok"]),
    ("present", False, ["ok", "not ok", "not ok"]),
])
def test_init_runs_the_series_suite(native_init: Path, tmp_path: Path, expect: str,
                                    listed: bool, results: list[str]):
    """The real suite file, get-reg-list faked: its PATTERNs match both ways
    get-reg-list names a register (by name, and by number when it has none)."""
    suite = ks.suite_path(SERIES).read_text()
    proc, report = run_init(native_init, tmp_path, suite,
                            f"console=ttyS0 panic=-1 covekit.expect_smnpm={expect} "
                            f"covekit.expect_ssnpm={expect}",
                            {"get-reg-list": LISTER},
                            env={"SMNPM": "1", "SSNPM": "1"} if listed else {})
    assert report.problem() is None, proc.stdout
    assert [r.name for r in report.results] == ["get-reg-list", "smnpm-register",
                                                "ssnpm-register"]
    assert [str(r.status) for r in report.results] == results, proc.stdout


def test_init_bails_out_on_a_bad_suite(native_init: Path, tmp_path: Path):
    proc, report = run_init(native_init, tmp_path, "test t exit -- a\ntest u maybe x -- a\n",
                            "", {})
    assert proc.returncode == 2
    assert report.bail_out == "suite:2: EXPECT is exit, present, absent or $VAR"
    assert report.problem() == "bail out: suite:2: EXPECT is exit, present, absent or $VAR"


@pytest.mark.skipif(shutil.which(ks.CROSS_CC) is None, reason="no riscv64 cross compiler")
def test_init_cross_compiles_statically_without_warnings(tmp_path: Path):
    binary = tmp_path / "init"
    argv = ks.init_argv(binary)
    assert {"-static", "-Wall", "-Wextra", "-Werror"} <= set(argv)
    proc = subprocess.run(argv, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert binary.read_bytes()[:4] == b"\x7fELF" and binary.stat().st_mode & stat.S_IXUSR
    elf = binary.read_bytes()
    phoff, = struct.unpack_from("<Q", elf, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", elf, 0x36)
    types = [struct.unpack_from("<I", elf, phoff + i * phentsize)[0] for i in range(phnum)]
    assert PT_INTERP not in types  # static: no dynamic loader


# The runner's kernel target -------------------------------------------------

def test_a_kernel_panic_is_a_crash():
    console = ("KTAP version 1\n1..3\nUnable to handle kernel paging request\n"
               "Kernel panic - not syncing: Fatal exception\n")
    run = qemu.QemuRun([], console, "", 0, False, 1.0)
    target = selftest.TARGETS["kernel"]
    assert selftest.crash_reason(run, ktap.parse(console), 60, target.panics) == (
        "kernel panic - not syncing: Fatal exception")
    # The TSM target does not look for it: its payloads are no kernel.
    assert selftest.crash_reason(run, ktap.parse(console), 60) == "0 of 3 results"


def test_the_kernel_target_lists_its_boots_without_building(tmp_path: Path):
    proc = subprocess.run([str(ROOT / "tools/selftest"), "kernel", SERIES, "--list"],
                          capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, COVEKIT_BUILD=str(tmp_path)))
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "ssnpm\nno-ssnpm\n", "")
    assert list(tmp_path.iterdir()) == []


def test_kernel_target_usage_errors(tmp_path: Path):
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(ROOT / "tools/selftest"), *args], capture_output=True,
                              text=True, timeout=60,
                              env=dict(os.environ, COVEKIT_BUILD=str(tmp_path)))

    proc = run("kernel")
    assert proc.returncode == 2 and "kernel needs SERIES" in proc.stderr
    proc = run("tsm", SERIES, "--list")
    assert proc.returncode == 2 and "tsm takes no argument" in proc.stderr
    proc = run("kernel", "nope", "--list")
    assert proc.returncode == 1
    assert proc.stderr == ("selftest: no suite for nope: write selftests/kernel/nope.suite "
                           "(format: selftests/kernel/README.md)\n")


def test_boots_get_the_suites_command_line_and_qemu_arguments(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COVEKIT_BUILD", str(tmp_path))
    prepared = ks.prepare(SERIES, listing=True)
    suite = ks.load_suite(SERIES)
    out = tmp_path / "kernel" / SERIES
    for (name, args), boot in zip(prepared.boots, suite.boots, strict=True):
        assert name == boot.name
        assert args[:5] == ["-smp", "2", "-m", "1G", "-no-reboot"]
        assert args[args.index("-kernel") + 1] == str(out / "arch/riscv/boot/Image")
        assert args[args.index("-initrd") + 1] == str(out / "initramfs/initramfs.cpio")
        assert args[args.index("-append") + 1] == boot.cmdline()
        assert tuple(args[-len(boot.qemu_args):]) == boot.qemu_args  # last: they win


# The real thing (slow) -------------------------------------------------------

TARBALL = Path("/usr/src/linux-source-6.12.tar.xz")
NEEDED = ["qemu-system-riscv64", ks.CROSS_CC, "make", "rsync", "flex", "bison", "bc"]


@pytest.mark.skipif(not TARBALL.exists() or any(shutil.which(t) is None for t in NEEDED)
                    or not Path(qemu.opensbi_firmware()).is_file(),
                    reason="linux-source-6.12, QEMU, OpenSBI or the kernel build tools are "
                           "missing: run sudo tools/install-deps")
def test_the_series_kernel_boots_and_get_reg_list_holds(tmp_path: Path):
    """tools/selftest kernel kvm-pointer-masking for real (minutes when cold):
    get-reg-list passes on both boots and each register check holds as the
    suite file expects it for that boot."""
    tool = ROOT / "tools"
    imported = subprocess.run([str(tool / "upstream"), "import", "linux", "-q"],
                              capture_output=True, text=True, timeout=1800)
    assert imported.returncode == 0, imported.stderr
    junit = tmp_path / "kernel.xml"
    proc = subprocess.run([str(tool / "selftest"), "kernel", SERIES, "--junit", str(junit)],
                          capture_output=True, text=True, timeout=3600)
    out = proc.stdout + proc.stderr
    suite = ks.load_suite(SERIES)
    tests = [t.name for t in suite.tests]
    for boot in suite.boots:
        block = out.split(f"kernel/{SERIES}/{boot.name} (", 1)[-1].split("\n", 1)[-1]
        shown = [line.split() for line in block.splitlines()[:len(tests)]]
        assert shown == [["ok", name] for name in tests], f"boot {boot.name}:\n{out}"
    assert proc.returncode == 0, out
    assert proc.stdout.splitlines()[-1] == (
        f"selftest: {len(tests) * len(suite.boots)} passed, 0 failed, 0 skipped")
    # Each boot had the suite's expectations on its command line.
    logs = ks.layout(SERIES).logs
    for boot in suite.boots:
        console = (logs / f"{boot.name}.log").read_text()
        assert f"Kernel command line: {boot.cmdline()}" in console
    root = ET.parse(junit).getroot()
    assert [s.get("name") for s in root] == [f"kernel.{SERIES}.{b.name}" for b in suite.boots]
    assert root.get("tests") == str(len(tests) * len(suite.boots))
