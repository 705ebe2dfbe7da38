# SPDX-License-Identifier: GPL-2.0-only
"""The errors tools/series reports: one clear line (exit 1), or positioned
manifest problems (exit 2).  A problem is codegen's: FILE:LINE:COL: message."""

from __future__ import annotations

from covekit_codegen.api import Pos, Problem, SpecError

from covekit_tools.errors import ToolError


class SeriesError(ToolError):
    """Something the user must fix or decide: printed as one line, exit 1.

    ``hint`` lines (how to go on) are printed after the message.
    """

    def __init__(self, message: str, hint: list[str] | None = None):
        super().__init__(message)
        self.hint = hint or []


class ManifestError(SpecError):
    """One or more problems in series.yaml files: each printed, exit 2."""


def problem(file: str, line: int, col: int, message: str) -> Problem:
    """A problem at FILE:LINE:COL (1-based; line 0: the file as a whole)."""
    return Problem(Pos(file, line, col), message)


__all__ = ["ManifestError", "Pos", "Problem", "SeriesError", "problem"]
