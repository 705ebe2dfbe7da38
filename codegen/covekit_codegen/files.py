# SPDX-License-Identifier: GPL-2.0-only
"""Content hashes and the regen manifest (codegen/outputs.sum); write_atomic
(from atomic.py, the one writer of every file) for regen."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import sweep_temps, write_atomic

__all__ = ["MANIFEST_HEADER", "Manifest", "read_or_none", "sha256", "sweep_output_temps",
           "tree_hash", "write_atomic"]

MANIFEST_HEADER = """\
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# What ./tools/regen last wrote: the hashes of the generator (codegen/) and
# of the spec, then one line per output.  ./tools/regen --check uses it to
# tell a stale output from a hand-edited one.  Do not edit.
"""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree_hash(root: Path, paths: list[Path]) -> str:
    """Hash of files' names (relative to root) and contents, order-independent."""
    h = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.relative_to(root).as_posix()):
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(sha256(path.read_bytes()).encode() + b"\n")
    return h.hexdigest()


def read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


@dataclass
class Manifest:
    generator: str = ""
    spec: str = ""
    outputs: dict[str, str] = field(default_factory=dict)  # path -> sha256

    @classmethod
    def read(cls, path: Path) -> Manifest:
        m = cls()
        data = read_or_none(path)
        if data is None:
            return m
        for line in data.decode("utf-8", "replace").splitlines():
            parts = line.split()
            if len(parts) != 2 or line.startswith("#"):
                continue
            if parts[0] == "generator":
                m.generator = parts[1]
            elif parts[0] == "spec":
                m.spec = parts[1]
            else:
                m.outputs[parts[1]] = parts[0]
        return m

    def text(self) -> str:
        lines = [f"generator {self.generator}", f"spec {self.spec}"]
        lines += [f"{digest} {path}" for path, digest in sorted(self.outputs.items())]
        return MANIFEST_HEADER + "\n".join(lines) + "\n"


def sweep_output_temps(root: Path, manifest: Path) -> None:
    """Remove what killed regens left next to the outputs (the temporary
    files of write_atomic), even on a run that has nothing to write."""
    dirs = {(root / path).parent for path in Manifest.read(manifest).outputs}
    for directory in sorted(dirs | {manifest.parent, root / "spec"}):
        sweep_temps(directory)
