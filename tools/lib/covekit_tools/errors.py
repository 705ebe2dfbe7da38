# SPDX-License-Identifier: GPL-2.0-only
"""The tools' one error convention.

A tool raises ToolError (or a subclass) for anything the user must fix; its
front end prints it as ``TOOL: message`` on stderr and exits with its
status: 2 for bad input or usage (UsageError), 1 for a check or test that
failed or an operation that could not be done (the default).  Problems in
an input file are codegen's SpecError, printed one a line as
FILE:LINE:COL: message, exit 2.  Anything else is a bug in the tool and is
not caught here: Python prints its traceback.  An OSError (a full disk) is
one line naming the file, which write_atomic left as it was; exit 1.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from covekit_codegen.api import SpecError

BAD_INPUT = 2
FAILED = 1


class ToolError(Exception):
    """Something the user must fix; the message says what, in one line (or
    a few); status is the exit status."""

    status = FAILED

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        if status is not None:
            self.status = status


class UsageError(ToolError):
    """Bad input or usage: exit 2."""

    status = BAD_INPUT


def report(tool: str, err: ToolError | SpecError) -> int:
    """Print err as the convention says; the exit status."""
    if isinstance(err, SpecError):
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return BAD_INPUT
    print(f"{tool}: {err}", file=sys.stderr)
    return err.status


def run(tool: str, main: Callable[[], int]) -> int:
    """main(), with ToolError and SpecError reported; anything else propagates."""
    try:
        return main()
    except (ToolError, SpecError) as err:
        return report(tool, err)
    except OSError as err:  # a full disk: write_atomic left the file as it was
        print(f"{tool}: {err.filename or ''}: {err.strerror}; that file is unchanged",
              file=sys.stderr)
        return FAILED
