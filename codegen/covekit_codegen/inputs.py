# SPDX-License-Identifier: GPL-2.0-only
"""What regen reads and writes, and digests of them.

Standard library only, and only os and hashlib of it: ./tools/regen's no-op
check runs this before anything else is imported (see covekit_tools.regen),
so every millisecond here is one a no-op pays.  Paths are str, not Path, for
the same reason (pathlib costs more to import than the hashing below).
"""

from __future__ import annotations

import hashlib
import os

# codegen/: holds covekit_codegen/ and templates/.
CODEGEN = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MANIFEST = "codegen/outputs.sum"


def _sha(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def tree_hash(base: str, rels: list[str]) -> str:
    """Hash of files' names (relative to base) and contents, order-independent."""
    h = hashlib.sha256()
    for rel in sorted(rels):
        h.update(rel.encode() + b"\0")
        h.update(_sha(os.path.join(base, rel)).encode() + b"\n")
    return h.hexdigest()


def generator_inputs() -> list[str]:
    """codegen's own code and templates, relative to codegen/."""
    found = [f"covekit_codegen/{e.name}" for e in os.scandir(os.path.join(CODEGEN,
                                                                           "covekit_codegen"))
             if e.name.endswith(".py") and e.is_file()]
    templates = os.path.join(CODEGEN, "templates")
    for top, _dirs, files in os.walk(templates):
        rel = os.path.relpath(top, CODEGEN).replace(os.sep, "/")
        found += [f"{rel}/{name}" for name in files if name.endswith(".j2")]
    return sorted(found)


def spec_inputs(root: str) -> list[str]:
    """The spec, its schema and the ABI lock, relative to the checkout."""
    spec = os.path.join(root, "spec")
    found = sorted(f"spec/{e.name}" for e in os.scandir(spec)
                   if e.name.endswith(".yaml") and e.is_file())
    found.append("spec/schema.json")
    if os.path.exists(os.path.join(spec, "abi.lock")):
        found.append("spec/abi.lock")
    return found


def generator_hash() -> str:
    return tree_hash(CODEGEN, generator_inputs())


def spec_hash(root: str) -> str:
    return tree_hash(root, spec_inputs(root))


def outputs_hash(root: str) -> str:
    """The manifest regen last wrote and the present content of every output
    it lists: any output edited, deleted or restored changes it."""
    h = hashlib.sha256()
    try:
        with open(os.path.join(root, MANIFEST), "rb") as f:
            manifest = f.read()
    except FileNotFoundError:
        return "no-manifest"
    h.update(manifest)
    for line in manifest.decode("utf-8", "replace").splitlines():
        parts = line.split()
        if len(parts) != 2 or line.startswith("#") or parts[0] in ("generator", "spec"):
            continue
        try:
            have = _sha(os.path.join(root, parts[1]))
        except FileNotFoundError:
            have = "missing"
        h.update(f"{parts[1]}\0{have}\n".encode())
    return h.hexdigest()
