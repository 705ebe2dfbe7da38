# SPDX-License-Identifier: GPL-2.0-only
"""Parse KTAP version 1 (Linux Documentation/dev-tools/ktap.rst) from a console.

Only the top level is reported: a subtest's lines are indented and come
before its parent's result line, so they are kept in that result's log.
Lines before the version line and after the last planned result are console
noise (the OpenSBI banner, firmware log lines).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

# TAP 13/14 headers are accepted too, as ktap.rst asks of parsers.
VERSION = re.compile(r"(?:KTAP version 1|TAP version 1[34])$")
PLAN = re.compile(r"1\.\.(\d+)(?:\s+#.*)?$")
# <result> <number> [- ][<description>][ # [<directive>] [<diagnostic data>]]
RESULT = re.compile(r"(ok|not ok)\s+(\d+)(?:\s+-)?(?:\s+([^#]*?))?\s*(?:#\s*(.*))?$")
# TAP takes any word with the stem: "# SKIP", "# skip", "# skipped: ...".
SKIP = re.compile(r"skip\w*:?(?:\s+(.*))?$", re.IGNORECASE)
BAIL_OUT = "Bail out!"


class Status(enum.StrEnum):
    PASS = "ok"
    FAIL = "not ok"
    SKIP = "skip"


@dataclass
class Result:
    number: int
    name: str
    status: Status
    reason: str = ""  # why it was skipped
    # What the console showed since the previous result: diagnostics,
    # subtests, firmware log lines.
    log: list[str] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[str]:
        """The "# ..." lines of the log, the test's own explanation."""
        return [line for line in self.log if line.lstrip().startswith("#")]


@dataclass
class Report:
    has_version: bool = False
    plan: int | None = None
    results: list[Result] = field(default_factory=list)
    bail_out: str | None = None  # the reason given by "Bail out!"

    @property
    def missing(self) -> int:
        """Planned results that never came."""
        return max(0, (self.plan or 0) - len(self.results))

    def problem(self) -> str | None:
        """Why this is not a complete run, or None."""
        if not self.has_version or self.plan is None:
            return "no KTAP plan"
        if self.bail_out is not None:
            return f"bail out: {self.bail_out or 'no reason given'}"
        if self.missing:
            return f"{len(self.results)} of {self.plan} results"
        return None


def _result(match: re.Match[str], log: list[str]) -> Result:
    word, number, name, directive = match.groups()
    status, reason = (Status.PASS if word == "ok" else Status.FAIL), ""
    # Other directives (TODO, XFAIL, ...) fall back to ok / not ok, as ktap.rst says.
    if directive and (skip := SKIP.match(directive)):
        status, reason = Status.SKIP, (skip.group(1) or "").strip()
    return Result(int(number), name or f"test {number}", status, reason, log)


def parse(console: str) -> Report:
    report = Report()
    lines = iter(console.splitlines())  # also splits CRLF from the serial line
    for line in lines:
        if VERSION.match(line.rstrip()):
            report.has_version = True
            break
    else:
        return report
    log: list[str] = []
    for raw in lines:
        line = raw.rstrip()
        if line != line.lstrip():
            log.append(line)  # a subtest's
        elif report.plan is None and (plan := PLAN.match(line)):
            report.plan = int(plan.group(1))
        elif result := RESULT.match(line):
            report.results.append(_result(result, log))
            log = []
            if report.plan is not None and len(report.results) >= report.plan:
                break
        elif line.startswith(BAIL_OUT):
            report.bail_out = line[len(BAIL_OUT):].strip()
            break
        else:
            log.append(line)
    return report
