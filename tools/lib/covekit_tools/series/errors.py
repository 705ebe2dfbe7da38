# SPDX-License-Identifier: GPL-2.0-only
"""The errors tools/series reports: one clear line (exit 1), or positioned
manifest problems (exit 2)."""

from __future__ import annotations

from dataclasses import dataclass


class SeriesError(Exception):
    """Something the user must fix or decide: printed as one line, exit 1.

    ``hint`` lines (how to go on) are printed after the message.
    """

    def __init__(self, message: str, hint: list[str] | None = None):
        super().__init__(message)
        self.hint = hint or []


@dataclass(frozen=True, order=True)
class Problem:
    """One manifest problem at FILE:LINE:COL (line and column 1-based, 0 unknown)."""

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}" if self.line else self.file
        return f"{where}: {self.message}"


class ManifestError(Exception):
    """One or more problems in series.yaml files: each printed, exit 2."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
