# SPDX-License-Identifier: GPL-2.0-only
"""Source positions and the one error type codegen raises for bad input."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Pos:
    """A 1-based line and column in a file named relative to the checkout."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col}"
        return self.file


# Characters str.splitlines() (and so a reader of the output) breaks lines
# at: a message quoting spec text that holds one stays a single line.
_LINE_BREAKS = {c: f"\\u{c:04x}" for c in (0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85,
                                              0x2028, 0x2029)}


@dataclass(frozen=True)
class Problem:
    pos: Pos
    message: str

    def __str__(self) -> str:
        return f"{self.pos}: {self.message.translate(_LINE_BREAKS)}"


class SpecError(Exception):
    """One or more problems in the spec, the lock or an input file.

    The command line prints each problem as ``FILE:LINE:COL: message`` and
    exits 2; nothing is written when one is raised.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.pos, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class Collector:
    """Gathers problems so that one run reports all of them, not the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, pos: Pos, message: str) -> None:
        self.problems.append(Problem(pos, message))

    def raise_if_any(self) -> None:
        if self.problems:
            raise SpecError(self.problems)


class ToolMissing(Exception):
    """A program regen needs (graphviz's dot) is not installed or unusable.

    The command line prints ``regen: <message>`` and exits 2; it is raised
    while planning, so nothing is written.
    """
