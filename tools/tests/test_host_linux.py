# SPDX-License-Identifier: GPL-2.0-only
"""tools/selftest host: selftests/kernel/host-init.c run natively against fake
proc/ and sys/ trees, the boots' QEMU arguments, the clean-power-off rule,
and (slow) the unpatched kernel booted in QEMU without the TSM."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from covekit_tools import ktap, qemu, selftest
from covekit_tools.kernel import selftest as ks
from covekit_tools.ktap import Status

ROOT = Path(__file__).resolve().parents[2]
host = ks.host
TSM = "covekit.tsm=0x80200000-0x802da000"


@pytest.fixture(scope="module")
def init(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("gcc") is None:
        pytest.skip("no host gcc")
    binary = tmp_path_factory.mktemp("host-init") / "init"
    # The sanitizers: the init's parsers get the fake files' edge cases.
    argv = ks.init_argv(binary, "gcc", host.INIT_SOURCE)
    argv = [a for a in argv if a != "-static"] + ["-fsanitize=address,undefined"]
    proc = subprocess.run(argv, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return binary


def be32(*cells: int) -> bytes:
    return b"".join(struct.pack(">I", c) for c in cells)


def reg(address: int, size: int) -> bytes:  # #address-cells = #size-cells = 2
    return be32(address >> 32, address & 0xffffffff, size >> 32, size & 0xffffffff)


IOMEM = """\
10000000-10000007 : serial
80040000-801fffff : System RAM
80200000-803fffff : Reserved
80400000-9fffffff : System RAM
  80400000-80ffffff : Kernel image
"""
CPUINFO = "processor\t: 0\nhart\t\t: 0\nisa\t\t: {isa}\nmmu\t\t: sv57\n\n"
INTERRUPTS = """\
           CPU0       CPU1
  5:        120         98  RISC-V INTC   5 Edge      riscv-timer
 10:         {uart}          0  SiFive PLIC  10 Level     ttyS0
IPI0:         3          4  Rescheduling interrupts
"""


def machine(root: Path, *, cmdline: str = "console=ttyS0", iomem: str = IOMEM,
            isa: str = "rv64imafdc_zicntr_zicsr_zihintpause", uart: int = 7,
            online: str = "0-1", memtotal_kb: int = 500000, no_map=(0x80000000, 0x40000)) -> Path:
    """A fake proc/ and sys/ as the kernel shows them on QEMU's virt machine."""
    files = {"proc/cmdline": cmdline + "\n", "proc/iomem": iomem,
             "proc/cpuinfo": CPUINFO.format(isa=isa), "proc/interrupts":
             INTERRUPTS.format(uart=uart), "proc/meminfo": f"MemTotal:       {memtotal_kb} kB\n",
             "sys/devices/system/cpu/online": online + "\n"}
    dt = root / "sys/firmware/devicetree/base"
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
    (dt / "memory@80000000").mkdir(parents=True)
    (dt / "#address-cells").write_bytes(be32(2))
    (dt / "#size-cells").write_bytes(be32(2))
    (dt / "memory@80000000/reg").write_bytes(reg(0x80000000, 512 << 20))
    node = dt / "reserved-memory" / f"mmode_resv0@{no_map[0]:x}"
    node.mkdir(parents=True)
    (dt / "reserved-memory/#address-cells").write_bytes(be32(2))
    (dt / "reserved-memory/#size-cells").write_bytes(be32(2))
    (node / "reg").write_bytes(reg(*no_map))
    (node / "no-map").write_bytes(b"")
    return root


def run(init: Path, root: Path, *checks: str) -> tuple[subprocess.CompletedProcess[str],
                                                        ktap.Report]:
    proc = subprocess.run([str(init), *checks], cwd=root, capture_output=True, text=True,
                          timeout=30)
    return proc, ktap.parse(proc.stdout)


def verdicts(report: ktap.Report) -> dict[str, tuple[Status, str]]:
    return {r.name: (r.status, r.reason) for r in report.results}


FILE_CHECKS = ["cpus-online", "uart-irq", "iomem-excludes-no-map", "iomem-excludes-tsm",
               "memtotal-excludes-tsm", "no-hypervisor-ext"]


def test_a_faithful_machine_passes_every_file_check(init: Path, tmp_path: Path):
    proc, report = run(init, machine(tmp_path, cmdline=f"console=ttyS0 {TSM}"), *FILE_CHECKS)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert verdicts(report) == {name: (Status.PASS, "") for name in FILE_CHECKS}
    assert "# uart: 7 ttyS0 interrupts" in proc.stdout


def test_without_the_tsm_its_checks_skip_and_say_why(init: Path, tmp_path: Path):
    proc, report = run(init, machine(tmp_path, isa="rv64imafdch_zicsr"), *FILE_CHECKS)
    assert proc.returncode == 0, proc.stdout
    got = verdicts(report)
    why = "no covekit.tsm= on the kernel command line: not the TSM's host"
    assert got["iomem-excludes-tsm"] == (Status.SKIP, why)
    assert got["memtotal-excludes-tsm"] == (Status.SKIP, why)
    # It still looked: the plain boot's hart has h, and the skip says so.
    assert got["no-hypervisor-ext"] == (Status.SKIP, f"{why} (h in 1 of 1 isa lines)")
    assert got["iomem-excludes-no-map"] == (Status.PASS, "")


@pytest.mark.parametrize("isa, has_h", [
    ("rv64imafdch_zicsr", True),
    ("rv64imafdc_h_zicsr", True),
    ("rv64imafdc_zicsr_h", True),
    ("rv64imafdc_zihintpause_zihintntl", False),  # an 'h' in a name is no H
    ("rv64imafdc", False),
])
def test_the_hypervisor_extension_is_found_in_the_isa_string(init: Path, tmp_path: Path,
                                                             isa: str, has_h: bool):
    proc, report = run(init, machine(tmp_path, cmdline=TSM, isa=isa), "no-hypervisor-ext")
    status, _ = verdicts(report)["no-hypervisor-ext"]
    assert status is (Status.FAIL if has_h else Status.PASS), proc.stdout


def test_ram_over_the_tsm_fails(init: Path, tmp_path: Path):
    iomem = "80000000-9fffffff : System RAM\n"
    proc, report = run(init, machine(tmp_path, cmdline=TSM, iomem=iomem,
                                     memtotal_kb=512 << 10),
                       "iomem-excludes-tsm", "iomem-excludes-no-map", "memtotal-excludes-tsm")
    assert proc.returncode == 1
    assert all(r.status is Status.FAIL for r in report.results), proc.stdout
    assert ("# iomem-excludes-tsm: System RAM 0x80000000-0xa0000000 overlaps the TSM "
            "0x80200000-0x802da000") in proc.stdout
    assert ("# iomem-excludes-no-map: System RAM 0x80000000-0xa0000000 overlaps the no-map "
            "region mmode_resv0@80000000") in proc.stdout
    assert "# memtotal-excludes-tsm: MemTotal 524288 KiB counts the TSM's memory" in proc.stdout


def test_ram_right_after_the_tsm_does_not_overlap_it(init: Path, tmp_path: Path):
    # iomem's ends are inclusive: RAM from _tsm_end on is fine.
    iomem = "80000000-801fffff : System RAM\n802da000-9fffffff : System RAM\n"
    proc, report = run(init, machine(tmp_path, cmdline=TSM, iomem=iomem, no_map=(0x80000000,
                                                                                  0x20000)),
                       "iomem-excludes-tsm")
    assert verdicts(report)["iomem-excludes-tsm"] == (Status.PASS, ""), proc.stdout
    iomem = "80000000-801fffff : System RAM\n802d9000-9fffffff : System RAM\n"
    proc, report = run(init, machine(tmp_path / "2", cmdline=TSM, iomem=iomem),
                       "iomem-excludes-tsm")
    assert verdicts(report)["iomem-excludes-tsm"][0] is Status.FAIL, proc.stdout


def test_console_and_cpu_failures_say_what_they_saw(init: Path, tmp_path: Path):
    proc, report = run(init, machine(tmp_path, uart=0, online="0"), "cpus-online", "uart-irq")
    assert proc.returncode == 1
    assert "# cpus-online: CPUs online: 0, expected 0-1" in proc.stdout
    assert "# uart-irq: the ttyS0 interrupt never fired" in proc.stdout
    (tmp_path / "proc/interrupts").write_text("   CPU0\n  5:   1  RISC-V INTC 5 Edge riscv-timer\n")
    proc, report = run(init, tmp_path, "uart-irq")
    assert "no ttyS0 line of the PLIC in proc/interrupts" in proc.stdout


@pytest.mark.parametrize("isa, want, status", [
    ("rv64imafdc_zicsr_sstc_svadu", "present", Status.PASS),
    ("rv64imafdc_zicsr_svadu", "absent", Status.PASS),
    ("rv64imafdc_zicsr_svadu", "present", Status.FAIL),
    ("rv64imafdc_sstc", "absent", Status.FAIL),
    ("rv64imafdc_sstcx", "present", Status.FAIL),  # a longer name is another extension
])
def test_the_timer_path_follows_sstc(init: Path, tmp_path: Path, isa: str, want: str,
                                     status: Status):
    proc, report = run(init, machine(tmp_path, cmdline=f"covekit.sstc={want}", isa=isa),
                       "timer-path")
    assert verdicts(report)["timer-path"][0] is status, proc.stdout


def test_a_bad_tsm_range_fails_and_an_unknown_check_is_refused(init: Path, tmp_path: Path):
    proc, report = run(init, machine(tmp_path, cmdline="covekit.tsm=0x802000"),
                       "iomem-excludes-tsm")
    assert verdicts(report)["iomem-excludes-tsm"][0] is Status.FAIL
    assert "covekit.tsm= is not START-END" in proc.stdout
    proc, _ = run(init, tmp_path, "nope")
    assert (proc.returncode, proc.stderr) == (2, "init: unknown check nope\n")


@pytest.mark.skipif(shutil.which(ks.CROSS_CC) is None, reason="no riscv64 cross compiler")
def test_the_host_init_cross_compiles_statically_without_warnings(tmp_path: Path):
    argv = ks.init_argv(tmp_path / "init", source=host.INIT_SOURCE)
    assert {"-static", "-Werror"} <= set(argv)
    proc = subprocess.run(argv, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


# The runner -----------------------------------------------------------------

def test_the_boots_and_their_qemu_arguments(tmp_path: Path):
    where = ks.Layout(tmp_path)
    firmware = tmp_path / "tsm.elf"
    boots = {b.name: host.qemu_args(b, where, (firmware, 0x80200000, 0x802da000))
             for b in host.BOOTS}
    assert list(boots) == ["plain", "plain-nosstc", "tsm", "tsm-nosstc"]
    for name, args in boots.items():
        assert args[:5] == ["-smp", "2", "-m", host.MEMORY, "-no-reboot"]
        assert args[args.index("-cpu") + 1] == (
            "rv64,h=true,sstc=false" if name.endswith("-nosstc") else "rv64,h=true")
    plain = boots["plain"]
    assert plain[plain.index("-kernel") + 1] == str(where.image)
    assert plain[plain.index("-initrd") + 1] == str(where.cpio)
    assert plain[plain.index("-append") + 1] == "console=ttyS0 panic=-1 covekit.sstc=present"
    nosstc = boots["plain-nosstc"]
    assert nosstc[nosstc.index("-append") + 1] == "console=ttyS0 panic=-1 covekit.sstc=absent"
    tsm = boots["tsm"]
    assert "-initrd" not in tsm and "-append" not in tsm
    assert tsm[tsm.index("-kernel") + 1] == str(firmware)
    devices = [tsm[i + 1] for i, a in enumerate(tsm) if a == "-device"]
    assert devices == [
        f"guest-loader,addr=0x80400000,kernel={where.image},"
        f"bootargs=console=ttyS0 panic=-1 covekit.sstc=present {TSM}",
        f"guest-loader,addr=0x88000000,initrd={where.cpio}"]


def test_a_comma_in_a_guest_loader_value_is_doubled():
    assert host.guest_loader(0x1000, bootargs="a,b") == ["-device",
                                                          "guest-loader,addr=0x1000,bootargs=a,,b"]


@pytest.mark.skipif(shutil.which(ks.CROSS_CC) is None, reason="no riscv64 cross compiler")
def test_the_tsm_range_comes_from_its_elf(tmp_path: Path):
    src = tmp_path / "tsm.S"
    elf = tmp_path / "tsm.elf"
    src.write_text(".globl _tsm_start, _tsm_end\n.set _tsm_start, 0x80200000\n"
                   ".set _tsm_end, 0x802da000\n")
    subprocess.run([ks.CROSS_CC, "-c", "-o", str(elf), str(src)], check=True)
    assert host.tsm_range(elf) == (0x80200000, 0x802da000)
    src.write_text(".globl _tsm_start, _tsm_end\n.set _tsm_start, 0x80200000\n"
                   ".set _tsm_end, 0x80600000\n")
    subprocess.run([ks.CROSS_CC, "-c", "-o", str(elf), str(src)], check=True)
    with pytest.raises(ks.KernelSelftestError, match="does not end below the host kernel"):
        host.tsm_range(elf)
    src.write_text(".globl _start\n_start: nop\n")
    subprocess.run([ks.CROSS_CC, "-c", "-o", str(elf), str(src)], check=True)
    with pytest.raises(ks.KernelSelftestError, match="no _tsm_start and _tsm_end symbols"):
        host.tsm_range(elf)


KTAP_OK = "KTAP version 1\n1..1\nok 1 cpus-online\n"


def test_a_boot_without_a_clean_power_off_is_a_crash():
    target = selftest.TARGETS["host"]

    def crash(console: str) -> str | None:
        run = qemu.QemuRun([], console, "", 0, False, 1.0)
        return selftest.crash_reason(run, ktap.parse(console), 60, target.panics, target.ending)

    assert crash(KTAP_OK + "[    1.0] reboot: Power down\n") is None
    assert crash(KTAP_OK) == ("no clean power-off: 'reboot: Power down' does not follow the "
                              "last KTAP line")
    assert crash("[    0.5] reboot: Power down\n" + KTAP_OK) is not None
    assert crash(KTAP_OK + "tsm: PANIC: trap\n") == "firmware panic"


def test_the_host_target_lists_its_boots_without_building(tmp_path: Path):
    proc = subprocess.run([str(ROOT / "tools/selftest"), "host", "--list"],
                          capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, COVEKIT_BUILD=str(tmp_path)))
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        0, "plain\nplain-nosstc\ntsm\ntsm-nosstc\n", "")
    assert list(tmp_path.iterdir()) == []


# The real thing (slow) -------------------------------------------------------

TARBALL = Path("/usr/src/linux-source-6.12.tar.xz")
NEEDED = ["qemu-system-riscv64", ks.CROSS_CC, "make", "flex", "bison", "bc"]


@pytest.mark.skipif(not TARBALL.exists() or any(shutil.which(t) is None for t in NEEDED)
                    or not Path(qemu.opensbi_firmware()).is_file(),
                    reason="linux-source-6.12, QEMU, OpenSBI or the kernel build tools are "
                           "missing: run sudo tools/install-deps")
def test_the_host_kernel_boots_without_the_tsm():
    """tools/selftest host --suite plain --suite plain-nosstc for real
    (minutes when cold): every check passes but the TSM's, which skip."""
    tool = ROOT / "tools"
    imported = subprocess.run([str(tool / "upstream"), "import", "linux", "-q"],
                              capture_output=True, text=True, timeout=1800)
    assert imported.returncode == 0, imported.stderr
    proc = subprocess.run([str(tool / "selftest"), "host", "--suite", "plain", "--suite",
                           "plain-nosstc"], capture_output=True, text=True, timeout=3600)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert proc.stdout.splitlines()[-1] == "selftest: 12 passed, 0 failed, 6 skipped", out
    for boot in ("plain", "plain-nosstc"):
        console = (ks.layout("host").logs / f"{boot}.log").read_text()
        assert "reboot: Power down" in console
        assert "smp: Brought up 1 node, 2 CPUs" in console
