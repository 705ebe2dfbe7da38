# SPDX-License-Identifier: GPL-2.0-only
"""Fixtures: a scratch copy of the checkout's regen inputs and outputs, and a
way to run ./tools/regen's code on it as a user would (a subprocess)."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What regen reads and writes; a scratch checkout needs exactly these.
COPIED = ["spec", "codegen/covekit_codegen", "codegen/templates", "codegen/outputs.sum",
          "tsm-firmware/include/generated", "selftests/include/generated",
          "kernel-patches/generated", "Documentation/abi", "Documentation/page-states.dot",
          "Documentation/page-states.svg"]


# A refused spec costs regen well under a second of CPU; a run that is still
# going after TIMEOUT seconds hangs.  The child's address space is capped so
# that input which explodes in memory fails fast instead of swapping.
CPU_BOUND = 1.0
TIMEOUT = 30
MEMORY_CAP = 2 << 30


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str
    cpu: float = 0.0  # seconds of CPU (user + system) the run took
    wall: float = 0.0

    @property
    def lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


class Checkout:
    """A scratch copy of the checkout; its own codegen/ generates it."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        self.path(rel).write_text(text, encoding="utf-8")

    def edit(self, rel: str, old: str, new: str, count: int = 1) -> None:
        """Replace old by new in a file; the test fails if old is not there."""
        text = self.read(rel)
        assert text.count(old) >= count, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, count))

    def line_of(self, rel: str, needle: str, start: int = 1) -> int:
        """1-based number of the first line at or after start containing needle."""
        for n, line in enumerate(self.read(rel).splitlines(), 1):
            if n >= start and needle in line:
                return n
        raise AssertionError(f"{needle!r} not in {rel}")

    def regen(self, *args: str, env: dict[str, str] | None = None) -> Result:
        """Run regen; env overrides variables of this process's environment."""
        env = dict(os.environ, **(env or {}), PYTHONPATH=str(self.root / "codegen"))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "covekit_codegen", "--root",
                               str(self.root), *args], capture_output=True, text=True,
                              env=env, cwd=self.root, timeout=TIMEOUT,
                              preexec_fn=_cap_memory)
        wall = time.monotonic() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return Result(proc.returncode, proc.stdout, proc.stderr, cpu, wall)

    def snapshot(self) -> dict[str, bytes]:
        """Every file under the checkout, to prove a failed run wrote nothing."""
        return {p.relative_to(self.root).as_posix(): p.read_bytes()
                for p in sorted(self.root.rglob("*")) if p.is_file()
                and "__pycache__" not in p.parts}


def pos(c: Checkout, rel: str, needle: str, at: str | None = None,
        start: str | int | None = None) -> str:
    """'rel:LINE:COL' of the first line containing needle at or after start (a
    line number, or the first line containing that text), COL being where `at`
    (default: needle) begins on that line."""
    first = c.line_of(rel, start) if isinstance(start, str) else start or 1
    line = c.line_of(rel, needle, first)
    text = c.read(rel).splitlines()[line - 1]
    return f"{rel}:{line}:{text.index(at if at is not None else needle) + 1}"


def assert_regen_refused(checkout: Checkout, expected: list[str]) -> None:
    """regen refuses the spec: exit 2, exactly these lines (a line ending in
    '...' is a prefix), no traceback, not a byte written, and fast: under
    CPU_BOUND seconds of CPU (wall time on this shared machine is noisier)."""
    before = checkout.snapshot()
    r = checkout.regen()
    assert "Traceback" not in r.stderr, r.stderr
    assert "internal error" not in r.stderr, r.stderr
    assert r.returncode == 2, r.stderr
    assert len(r.lines) == len(expected), r.stderr
    for got, want in zip(r.lines, expected, strict=True):
        if want.endswith("..."):
            assert got.startswith(want[:-3]), r.stderr
        else:
            assert got == want, r.stderr
    assert checkout.snapshot() == before, "a refused regen wrote files"
    assert r.cpu < CPU_BOUND, f"regen took {r.cpu:.2f} s of CPU ({r.wall:.2f} s wall)"


@pytest.fixture
def checkout(tmp_path: Path) -> Checkout:
    dst = tmp_path / "covekit"
    for rel in COPIED:
        src = ROOT / rel
        if src.is_dir():
            shutil.copytree(src, dst / rel, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst / rel)
    return Checkout(dst)
