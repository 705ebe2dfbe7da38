# SPDX-License-Identifier: GPL-2.0-only
"""What tools/upstream reports: UpstreamError (exit 1), and for bad input
(exit 2) UpstreamsFileError and UnknownUpstream."""

from __future__ import annotations

from covekit_codegen import api

from covekit_tools.errors import ToolError, UsageError


class UpstreamError(ToolError):
    """Something the user must fix; the message is one line (or several for files)."""


class UpstreamsFileError(UpstreamError):
    """upstreams.yaml is malformed; each problem is FILE:LINE:COL: message (exit 2)."""

    status = UsageError.status

    def __init__(self, problems: list[api.Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class UnknownUpstream(UpstreamError):
    status = UsageError.status

    def __init__(self, name: str, known: list[str]):
        self.name, self.known = name, known
        super().__init__(f"unknown upstream '{name}'; known: {', '.join(known) or '(none)'}")


class UpstreamMissing(UpstreamError):
    """The upstream is not imported (or not as upstreams.yaml now describes it).

    The message is exactly the command that imports it.
    """

    def __init__(self, name: str):
        self.name = name
        super().__init__(f"tools/upstream import {name}")


class TarballMissing(UpstreamError):
    pass
