# SPDX-License-Identifier: GPL-2.0-only
"""What codegen says a kernel-tree file must hold: Linux-side files whole;
kvm.h, vcpu_onereg.c and the get-reg-list selftest as the upstream files
with our additions spliced in.  codegen's API knows; this loads the spec
once per process for it.  Also: does a tree's asm/sbi.h agree with the
spec's standard SBI numbers?"""

from __future__ import annotations

from functools import cache
from typing import Any

from covekit_codegen import api

from covekit_tools import context


@cache
def _spec() -> Any:  # loaded once per process
    return api.load_spec(context.root())


def owned_paths() -> dict[str, str]:
    """Kernel-tree path -> how codegen makes it ('file' or 'splice')."""
    return api.linux_files(_spec())


def expected(path: str, upstream: bytes | None) -> bytes:
    """The content codegen expects at path; upstream is the base tree's file
    (needed for a splice).  KeyError if codegen owns no such file."""
    return api.linux_expected(_spec(), path, upstream)


SBI_H = api.SBI_H


def check_sbi_h(data: bytes, name: str) -> None:
    """api.SpecError, naming both sides, where the tree's asm/sbi.h (data,
    called name in messages) disagrees with the spec's SBI numbers."""
    api.check_sbi_h(_spec(), data.decode("utf-8", "surrogateescape"), name)
