# SPDX-License-Identifier: GPL-2.0-only
"""tools/selftest host: an unpatched Linux 6.12 as the TSM's host.

The kernel is the upstream tree as tools/upstream imported it, no patches
(a worktree of the cache, <cache>/worktrees/host-linux), configured from
tinyconfig + selftests/kernel/host.config + selftest.config and built in
<build>/kernel/host like a series' kernel. Its initramfs holds only /init,
built from selftests/kernel/host-init.c, which checks the machine it finds
and prints KTAP.

Each machine boots twice, on QEMU's default CPU (Sstc: the kernel writes
stimecmp) and with sstc=false (the SBI TIME call):
  plain    OpenSBI boots the kernel itself (-kernel, -initrd): the reference,
           with no TSM; the TSM's checks skip.
  tsm      OpenSBI boots the TSM, which boots the kernel as its host; QEMU's
           guest-loader puts the kernel and the initramfs in memory and
           describes them in /chosen/module@ADDR ("multiboot,kernel" with
           the bootargs, "multiboot,ramdisk").
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from covekit_tools import context
from covekit_tools.kernel import kbuild

from .build import Layout, build_init, check_tools, configure, layout, write_cpio
from .common import SELFTESTS, KernelSelftestError, display, progress
from .initramfs import initramfs

NAME = "host"
UPSTREAM = "linux"
FRAGMENT = SELFTESTS / "host.config"
INIT_SOURCE = SELFTESTS / "host-init.c"
BRANCH = "covekit/host-linux"  # of the worktree, in the upstream cache
CMDLINE = ["console=ttyS0", "panic=-1"]
# What the kernel prints when /init's reboot(RB_POWER_OFF) reaches SBI SRST.
POWER_OFF = "reboot: Power down"

# Where QEMU's guest-loader puts the host's kernel and initramfs, in one
# place. The TSM's image ends below 2 MiB after its start (0x80200000); a
# riscv64 kernel must start on a 2 MiB boundary, and the initramfs goes well
# past the kernel's image and BSS.
KERNEL_ADDR = 0x80400000
INITRD_ADDR = 0x88000000
# -m: the RAM QEMU gives the machine, from 0x80000000.
MEMORY = "512M"
MACHINE = ["-smp", "2", "-m", MEMORY, "-no-reboot"]
CPU = "rv64,h=true"  # QEMU 10's rv64 has Sstc; the hypervisor extension for the TSM


@dataclass(frozen=True)
class HostBoot:
    name: str
    tsm: bool  # boot the kernel as the TSM's host, else straight from OpenSBI
    cpu: str  # -cpu

    @property
    def cmdline(self) -> list[str]:
        """The kernel command line; /init checks the timer path against
        covekit.sstc= (the hart's Sstc reaches the host)."""
        sstc = "absent" if "sstc=false" in self.cpu else "present"
        return [*CMDLINE, f"covekit.sstc={sstc}"]


BOOTS = [
    HostBoot("plain", False, CPU),
    HostBoot("plain-nosstc", False, f"{CPU},sstc=false"),
    HostBoot("tsm", True, CPU),
    HostBoot("tsm-nosstc", True, f"{CPU},sstc=false"),
]


def tsm_firmware() -> Path:
    return context.build_dir() / "riscv64" / "tsm-firmware" / "tsm.elf"


_SYMBOL = re.compile(r"^([0-9a-fA-F]+) \w (_tsm_start|_tsm_end)$")


def tsm_range(elf: Path) -> tuple[int, int]:
    """[_tsm_start, _tsm_end) of the TSM's ELF (tsm-firmware/tsm.ld): the
    memory the host must never see as its RAM."""
    argv = [f"{kbuild.CROSS_COMPILE}nm", str(elf)]
    try:
        out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as err:
        raise KernelSelftestError(f"{' '.join(argv)}: {err}") from None
    found = {m.group(2): int(m.group(1), 16) for line in out.splitlines()
             if (m := _SYMBOL.match(line.strip()))}
    if set(found) != {"_tsm_start", "_tsm_end"}:
        raise KernelSelftestError(f"{elf}: no _tsm_start and _tsm_end symbols")
    start, end = found["_tsm_start"], found["_tsm_end"]
    if not start < end <= KERNEL_ADDR:
        raise KernelSelftestError(f"{elf}: the TSM ({start:#x}-{end:#x}) does not end below "
                                  f"the host kernel's address {KERNEL_ADDR:#x} "
                                  f"(tools/lib/covekit_tools/kernel/selftest/host.py)")
    return start, end


def guest_loader(addr: int, **props: str) -> list[str]:
    """-device guest-loader,...: QEMU's own way of loading a hypervisor's
    guest (docs/system/guest-loader.rst); a ',' in a value is written ','."""
    values = ",".join(f"{k}={v.replace(',', ',,')}" for k, v in props.items())
    return ["-device", f"guest-loader,addr={addr:#x},{values}"]


def qemu_args(boot: HostBoot, where: Layout, tsm: tuple[Path, int, int] | None) -> list[str]:
    """The QEMU arguments of BOOT; tsm (the firmware and its range) when
    boot.tsm."""
    args = [*MACHINE, "-cpu", boot.cpu]
    if not boot.tsm:
        return [*args, "-kernel", str(where.image), "-initrd", str(where.cpio),
                "-append", " ".join(boot.cmdline)]
    assert tsm is not None
    firmware, start, end = tsm
    bootargs = " ".join([*boot.cmdline, f"covekit.tsm={start:#x}-{end:#x}"])
    return [*args, "-kernel", str(firmware),
            *guest_loader(KERNEL_ADDR, kernel=str(where.image), bootargs=bootargs),
            *guest_loader(INITRD_ADDR, initrd=str(where.cpio))]


def source_tree() -> tuple[Path, str]:
    """The upstream tree, no patches: a worktree of the cache at the commit
    tools/upstream imported, on branch covekit/host-linux."""
    from covekit_tools.series import worktree
    from covekit_tools.series.context import Context
    from covekit_tools.series.errors import ManifestError, SeriesError

    ctx = Context.from_env()
    try:
        repo, commit = ctx.resolve(UPSTREAM)
        wt = ctx.worktree_dir("host-linux")
        if worktree.rev(repo, BRANCH) != commit or not wt.is_dir():
            progress(f"checking out {UPSTREAM} {commit[:12]} in {wt}")
        _, notes = worktree.prepare(repo, wt, BRANCH, commit)
    except (SeriesError, ManifestError) as err:  # e.g. not imported: says how
        hint = "".join(f"\n  {line}" for line in getattr(err, "hint", []))
        raise KernelSelftestError(f"{err}{hint}") from None
    for note in notes:
        progress(note)
    return wt, commit


def build(where: Layout) -> None:
    """The kernel and the initramfs; each step redone only when needed."""
    tree, commit = source_tree()
    try:
        configure(tree, where, commit, FRAGMENT)
        progress(f"building the kernel in {where.out} " +
                 ("(incremental)" if where.image.is_file() else "(this takes minutes cold)"))
        kbuild.make(tree, where.out, "Image")
    except kbuild.KbuildError as err:
        raise KernelSelftestError(f"build failed: {err}") from None
    build_init(where, INIT_SOURCE)


def prepare(*, build_it: bool = True, listing: bool = False,
            boots: list[str] | None = None) -> tuple[Layout, list[tuple[str, list[str]]]]:
    """Build (unless not build_it) and plan the boots (all, or those named):
    the layout and (name, QEMU arguments) per boot. Listing builds nothing."""
    where = layout(NAME)
    chosen = [b for b in BOOTS if boots is None or b.name in boots]
    if listing:
        return where, [(b.name, []) for b in chosen]
    check_tools(building=build_it, running=True)
    if build_it:
        build(where)
    if not where.image.is_file() or not where.init.is_file():
        raise KernelSelftestError(f"no {where.image} or {where.init}: build them "
                                  f"(drop --no-build)")
    write_cpio(where, initramfs(where.init.read_bytes(), None, {}))
    tsm = None
    if any(b.tsm for b in chosen):
        firmware = tsm_firmware()
        if not firmware.is_file():
            raise KernelSelftestError(f"no {display(firmware)}: build the TSM "
                                      f"(tools/selftest tsm, or meson compile -C "
                                      f"{display(firmware.parents[1])})")
        tsm = (firmware, *tsm_range(firmware))
    return where, [(b.name, qemu_args(b, where, tsm)) for b in chosen]
