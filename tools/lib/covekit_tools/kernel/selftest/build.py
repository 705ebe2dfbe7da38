# SPDX-License-Identifier: GPL-2.0-only
"""Build what the boots need, in <build>/kernel/SERIES: the series applied,
the kernel configured and built, the KVM selftests, init, the initramfs."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from covekit_codegen import api

from covekit_tools import context, qemu
from covekit_tools.kernel import kbuild, kconfig

from .common import FRAGMENT, INIT_SOURCE, KSELFTEST_DIR, KernelSelftestError, display, progress
from .initramfs import initramfs
from .suite import SuiteFile

CROSS_CC = f"{kbuild.CROSS_COMPILE}gcc"
INIT_CFLAGS = ["-static", "-O2", "-Wall", "-Wextra", "-Werror"]
BASE_CONFIG = "tinyconfig"
TOOLS = [CROSS_CC, "make", "rsync", "flex", "bison", "bc"]  # make headers_install needs rsync
# The static C library the selftests and init link with (libc6-dev-riscv64-cross).
STATIC_LIBC = Path("/usr/riscv64-linux-gnu/lib/libc.a")


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
    api.write_atomic(where.fragment, text)
    where.config_stamp.unlink(missing_ok=True)
    progress(f"configuring the kernel ({BASE_CONFIG} + {display(series_fragment)} + "
             f"{display(FRAGMENT)})")
    kconfig.apply_fragment(tree, where.out, BASE_CONFIG, where.fragment)
    wanted = kconfig.parse_config(text, display(where.fragment))
    if problems := kconfig.check_fragment(config, wanted):
        raise KernelSelftestError("the kernel config does not hold:\n  " + "\n  ".join(problems))
    api.write_atomic(where.config_stamp, stamp + "\n")


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


def init_argv(output: Path, compiler: str = CROSS_CC, source: Path = INIT_SOURCE) -> list[str]:
    return [compiler, *INIT_CFLAGS, "-o", str(output), str(source)]


def build_init(where: Layout, source: Path = INIT_SOURCE) -> None:
    """The init (init.c), static; again only when its source is newer than
    the binary."""
    if where.init.is_file() and where.init.stat().st_mtime >= source.stat().st_mtime:
        return
    where.init.parent.mkdir(parents=True, exist_ok=True)
    argv = init_argv(where.init, source=source)
    proc = subprocess.run(argv, capture_output=True, text=True)
    if proc.returncode != 0:
        raise KernelSelftestError(f"{' '.join(argv)} failed:\n{proc.stdout}{proc.stderr}")


def pack(where: Layout, suite: SuiteFile) -> None:
    """The initramfs, rewritten only when its bytes change."""
    needed = [where.init, *(where.kselftest / p for p in suite.programs)]
    if missing := [str(p) for p in needed if not p.is_file()]:
        raise KernelSelftestError(f"not built: {', '.join(missing)} (drop --no-build)")
    write_cpio(where, initramfs(where.init.read_bytes(), suite.text.encode(),
                                {p: (where.kselftest / p).read_bytes()
                                 for p in suite.programs}))


def write_cpio(where: Layout, data: bytes) -> None:
    """The initramfs, rewritten only when its bytes change."""
    if where.cpio.is_file() and where.cpio.read_bytes() == data:
        return
    api.write_atomic(where.cpio, data)
