# SPDX-License-Identifier: GPL-2.0-only
"""What every part of tools/selftest kernel shares: where selftests/kernel
is, its error, its progress line."""

from __future__ import annotations

import sys
from pathlib import Path

from covekit_tools import context
from covekit_tools.errors import ToolError

ROOT = context.root()
SELFTESTS = ROOT / "selftests" / "kernel"
FRAGMENT = SELFTESTS / "selftest.config"  # what booting to a static /init needs
INIT_SOURCE = SELFTESTS / "init.c"
KSELFTEST_DIR = "tools/testing/selftests/kvm"


class KernelSelftestError(ToolError):
    """Stops the run before any boot: one line, exit 1."""


def progress(message: str) -> None:
    print(f"selftest: {message}", file=sys.stderr, flush=True)


def display(path: Path) -> str:
    return context.display(path, ROOT)
