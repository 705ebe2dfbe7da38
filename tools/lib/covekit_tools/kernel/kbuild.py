# SPDX-License-Identifier: GPL-2.0-only
"""Run the kernel's own make for ARCH=riscv, out of tree, through ccache."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

ARCH = "riscv"
CROSS_COMPILE = "riscv64-linux-gnu-"
LOG_TAIL = 25


class KbuildError(Exception):
    """make failed: the command, and the end of its output."""

    def __init__(self, argv: list[str], output: str):
        self.argv, self.output = argv, output
        tail = "\n".join(output.splitlines()[-LOG_TAIL:])
        super().__init__(f"{shlex.join(argv)} failed:\n{tail}")


def make_argv(tree: Path, build: Path, *targets: str, jobs: int | None = None) -> list[str]:
    argv = ["make", "-C", str(tree), f"O={build}", f"ARCH={ARCH}",
            f"CROSS_COMPILE={CROSS_COMPILE}", f"-j{jobs or os.cpu_count() or 1}"]
    if shutil.which("ccache"):
        # Reused across patches and runs: a rebuild of unchanged objects is a cache hit.
        argv += [f"CC=ccache {CROSS_COMPILE}gcc", "HOSTCC=ccache gcc"]
    return argv + list(targets)


def make(tree: Path, build: Path, *targets: str, jobs: int | None = None,
         timeout: float = 3600) -> str:
    """Run make; its output.  Raises KbuildError when it fails."""
    build.mkdir(parents=True, exist_ok=True)
    argv = make_argv(tree, build, *targets, jobs=jobs)
    env = dict(os.environ, KBUILD_BUILD_TIMESTAMP="1970-01-01", KBUILD_BUILD_USER="covekit",
               KBUILD_BUILD_HOST="covekit")
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, errors="replace",
                          timeout=timeout)
    output = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise KbuildError(argv, output)
    return output
