# SPDX-License-Identifier: GPL-2.0-only
"""What codegen says a kernel-tree file must hold: Linux-side files whole;
kvm.h, vcpu_onereg.c and the get-reg-list selftest as the upstream files
with our additions spliced in."""

from __future__ import annotations

from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]


@cache
def _spec():  # loaded once per process
    from covekit_codegen.regen import Layout, load_spec

    return load_spec(Layout(ROOT))


def owned_paths() -> dict[str, str]:
    """Kernel-tree path -> how codegen makes it ('file' or 'splice')."""
    from covekit_codegen.kvm_fragments import REGIONS
    from covekit_codegen.outputs import outputs

    spec = _spec()
    paths = {o.linux_path: "file" for o in outputs(spec) if o.linux_path}
    for ke in spec.kvm_enums:
        paths[ke.header] = "splice"
    for path in REGIONS:
        paths[path] = "splice"
    return paths


def expected(path: str, upstream: bytes | None) -> bytes:
    """The content codegen expects at path; upstream is the base tree's file
    (needed for a splice).  KeyError if codegen owns no such file."""
    from covekit_codegen.kvm_fragments import REGIONS, splice_fragments
    from covekit_codegen.kvm_splice import splice_kvm_h
    from covekit_codegen.outputs import outputs
    from covekit_codegen.render import environment, render

    spec = _spec()
    how = owned_paths()[path]
    if how == "splice":
        if upstream is None:
            raise KeyError(f"{path}: no upstream file to splice into")
        if path in REGIONS:
            return splice_fragments(upstream.decode(), spec, path, path).encode()
        return splice_kvm_h(upstream.decode(), spec, path, header=path).encode()
    out = next(o for o in outputs(spec) if o.linux_path == path)
    return render(environment(), spec, out)
