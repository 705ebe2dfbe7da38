# SPDX-License-Identifier: GPL-2.0-only
"""Plan the boots of a series: one QEMU run per boot of its suite file,
after building what they need (covekit_tools.selftest runs them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from covekit_tools.kernel import kbuild

from .build import (
    Layout,
    apply,
    build_init,
    build_kernel,
    build_kselftests,
    check_tools,
    configure,
    layout,
    pack,
)
from .common import KernelSelftestError
from .suite import Boot, SuiteError, SuiteFile, load_suite

# Appended to qemu.MACHINE (later options win): the boot's own arguments come last.
MACHINE = ["-smp", "2", "-m", "1G", "-no-reboot"]
# The Linux panic line, "Kernel panic - not syncing: ...": a crash of the boot.
PANIC = "Kernel panic"


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
