# SPDX-License-Identifier: GPL-2.0-only
"""Parse KTAP version 1 (Linux Documentation/dev-tools/ktap.rst) from a console.

The whole tree is parsed: a subtest block is a run of KTAP lines indented
deeper than its parent's, ended by the parent's result line.  Lines that are
not KTAP (firmware log lines, "# ..." diagnostics) may come at any
indentation anywhere and never open or close a block.  The rules, and where
they differ from ktap.rst and kunit.py, are in Documentation/ktap.rst.

The parser never turns a failure into a pass: a "not ok" anywhere (other
than SKIP or TODO), a plan that does not match its results at any level, or
a parent that says "ok" over a failed subtest all make the report fail.
It is one pass over the lines with no recursion and no backtracking regex,
so hostile input costs time linear in its size.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

# TAP 13/14 headers are accepted too, as ktap.rst asks of parsers.
VERSIONS = frozenset({"KTAP version 1", "TAP version 13", "TAP version 14"})
SUBTEST = "# Subtest:"
BAIL_OUT = "Bail out!"
# Anchored, and no two quantifiers can share a character: linear.
DIGITS = re.compile(r"[0-9]+")
SPACE = re.compile(r"\s*")
WORD = re.compile(r"\w*")
RESULT = re.compile(r"(not )?ok[ \t]+")  # then the number
NUMBER_DIGITS = 9  # more is hostile input, and int() would refuse 4300
HUGE = 10**NUMBER_DIGITS
MAX_DEPTH = 16  # subtest levels below the top; deeper lines are a problem
LISTED = 5  # numbers or names quoted in one problem
MAX_PROBLEMS = 100  # kept of a hostile console's many
FIRST = frozenset("KT#B1on")  # how a KTAP line can start


class Status(enum.StrEnum):
    PASS = "ok"
    FAIL = "not ok"
    SKIP = "skip"  # SKIP directive, or "not ok" with TODO


@dataclass
class Result:
    number: int
    name: str
    status: Status  # FAIL too when the line said ok but a subtest failed
    reason: str = ""  # why it was skipped (TODO: "TODO ...")
    # What the console showed since the previous result at this level:
    # diagnostics, subtests, firmware log lines.
    log: list[str] = field(default_factory=list)
    subtests: list[Result] = field(default_factory=list)
    said: Status = Status.PASS  # what the result line itself said
    directive: str = ""  # SKIP, TODO, XFAIL, ... as written
    line: int = 0  # 1-based console line of the result
    path: tuple[str, ...] = ()  # names from the top level down to this one

    @property
    def diagnostics(self) -> list[str]:
        """The "# ..." lines of the log, the test's own explanation."""
        return [line for line in self.log if line.lstrip().startswith("#")]

    @property
    def full_name(self) -> str:
        return ".".join(self.path) or self.name


@dataclass
class Problem:
    """Something in the KTAP that makes the run fail besides a "not ok"."""

    line: int  # 1-based console line
    path: tuple[str, ...]  # whose subtests are wrong; () is the top level
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {'.'.join(self.path) or 'top level'}: {self.message}"


@dataclass
class Report:
    has_version: bool = False
    plan: int | None = None
    results: list[Result] = field(default_factory=list)  # the top level
    bail_out: str | None = None  # the reason given by a top-level "Bail out!"
    # Everything wrong with the tree other than failed results and what
    # problem() says, in console order.
    problems: list[Problem] = field(default_factory=list)

    @property
    def missing(self) -> int:
        """Planned top-level results that never came."""
        return max(0, (self.plan or 0) - len(self.results))

    def problem(self) -> str | None:
        """Why the top level is not a complete run (a crash), or None."""
        if not self.has_version or self.plan is None:
            return "no KTAP plan"
        if self.bail_out is not None:
            return f"bail out: {self.bail_out or 'no reason given'}"
        if self.missing:
            return f"{len(self.results)} of {self.plan} results"
        return None

    def walk(self) -> Iterator[Result]:
        """Every result in the tree, each parent before its subtests."""
        return walk(self.results)

    @property
    def passed(self) -> bool:
        """The verdict: complete, consistent, and nothing failed."""
        return (self.problem() is None and not self.problems
                and not any(r.status is Status.FAIL for r in self.walk()))


def walk(results: list[Result]) -> Iterator[Result]:
    """These results and their subtests at any depth, parents first."""
    stack = list(reversed(results))
    while stack:
        result = stack.pop()
        yield result
        stack.extend(reversed(result.subtests))


# Parsing ------------------------------------------------------------------

@dataclass
class _Block:
    """One level of the tree while it is being read."""

    indent: int
    start: int  # console line that opened it
    parent: _Block | None
    depth: int = 0
    name: str = ""  # from "# Subtest: name"
    has_version: bool = False
    plan: int | None = None
    plan_line: int = 0
    results: list[Result] = field(default_factory=list)
    log_start: int = 0  # index of the first line of the next result's log
    bail_out: str | None = None
    too_deep: bool = False  # a deeper line was reported
    owner: Result | None = None  # the result line that closed it

    @property
    def fresh(self) -> bool:
        return self.plan is None and not self.results


class _Line(NamedTuple):
    kind: str  # version, subtest, plan, result, bail
    number: int = 0  # the plan's count or the result's number
    ok: bool = False
    text: str = ""  # subtest name, description, bail-out reason
    directive: str = ""


def _number(text: str, pos: int) -> tuple[int, int] | None:
    """The decimal number at text[pos:] and where it ends, or None."""
    match = DIGITS.match(text, pos)
    if not match:
        return None
    digits = match.group()
    return (int(digits) if len(digits) <= NUMBER_DIGITS else HUGE), match.end()


def _classify(content: str) -> _Line | None:
    """What KTAP line `content` (stripped) is, or None for any other line."""
    if content[:1] not in FIRST:
        return None  # most noise, cheaply
    if content in VERSIONS:
        return _Line("version")
    if content.startswith(SUBTEST):
        return _Line("subtest", text=content[len(SUBTEST):].strip())
    if content.startswith(BAIL_OUT):
        return _Line("bail", text=content[len(BAIL_OUT):].strip())
    if content.startswith("1.."):
        found = _number(content, 3)
        if found is None:
            return None
        # "1..N", optionally "1..N # comment"
        after = SPACE.match(content, found[1]).end()  # type: ignore[union-attr]
        if after < len(content) and (after == found[1] or content[after] != "#"):
            return None
        return _Line("plan", number=found[0])
    # <result> <number> [- ][<description>][ # [<directive>] [<diagnostic data>]]
    # Indices into content rather than slices of it: a hostile line may be
    # megabytes long, and each copy of it costs.
    head = RESULT.match(content)
    if head is None:
        return None
    found = _number(content, head.end())
    if found is None:
        return None
    number, end = found
    if end < len(content) and not (content[end].isspace() or content[end] == "#"):
        return None  # "ok 1x": not a result
    start = SPACE.match(content, end).end()  # type: ignore[union-attr]
    if content.startswith("-", start) and (start + 1 == len(content)
                                            or content[start + 1] in " \t#"):
        start = SPACE.match(content, start + 1).end()  # type: ignore[union-attr]
    hash_at = content.find("#", start)
    if hash_at < 0:
        return _Line("result", number=number, ok=head.group(1) is None,
                     text=content[start:].rstrip())
    return _Line("result", number=number, ok=head.group(1) is None,
                 text=content[start:hash_at].rstrip(), directive=content[hash_at + 1:].strip())


def _directive(ok: bool, directive: str) -> tuple[Status, str, str]:
    """The status, skip reason and directive keyword of a result."""
    # TAP takes any word with the stem: "# SKIP", "# skip", "# skipped: ...".
    word = WORD.match(directive).group()  # type: ignore[union-attr]
    rest = directive[len(word):].lstrip(":").strip()
    if word.lower().startswith("skip"):
        return Status.SKIP, rest, word
    if word.lower() == "todo":
        # A known failure is not a new one; a TODO that passes passed.
        return (Status.PASS, "", word) if ok else (Status.SKIP, f"TODO {rest}".strip(), word)
    # Other directives (XFAIL, TIMEOUT, ...) fall back to ok / not ok, as ktap.rst says.
    return (Status.PASS if ok else Status.FAIL), "", word


def _listed(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:LISTED])
    return shown + (", ..." if len(numbers) > LISTED else "")


def _numbering(block: _Block, count_missing: bool) -> tuple[str, int] | None:
    """What is wrong with a block's result numbers against its plan, and
    the console line of the first result that is wrong (0: none is)."""
    last = block.plan if block.plan is not None else max(
        (r.number for r in block.results), default=0)
    seen: dict[int, int] = {}
    dup, backwards, outside, first_bad = [], [], [], 0
    for i, r in enumerate(block.results):
        seen[r.number] = seen.get(r.number, 0) + 1
        bad = True
        if seen[r.number] == 2:
            dup.append(r.number)
        elif i and r.number < block.results[i - 1].number:
            backwards.append(r.number)
        elif not 1 <= r.number <= last:
            outside.append(r.number)
        else:
            bad = False
        first_bad = first_bad or (r.line if bad else 0)
    wrong = []
    count = len(block.results)
    if block.plan is not None and count != block.plan and (
            count_missing or count > block.plan):
        wrong.append(f"{count} results for plan 1..{block.plan}")
    if dup:
        wrong.append(f"number {_listed(dup)} repeated")
    if backwards:
        wrong.append(f"out of order at {_listed(backwards)}")
    if outside:
        wrong.append(f"{_listed(outside)} outside the plan" if block.plan is not None
                     else f"number {_listed(outside)}")
    if count_missing or dup or backwards or outside:
        gaps = []
        for n in range(1, last + 1):  # stops early: at most len(seen) + LISTED steps
            if n not in seen:
                gaps.append(n)
                if len(gaps) > LISTED:
                    break
        if gaps:
            wrong.append(f"no result {_listed(gaps)}")
    return ("; ".join(wrong), first_bad) if wrong else None


class _Parser:
    def __init__(self, lines: list[str], first: int) -> None:
        self.lines = lines
        self.report = Report(has_version=True)
        self.top = _Block(indent=0, start=first + 1, parent=None, has_version=True,
                          log_start=first + 1)
        self.stack = [self.top]
        self.problems: list[tuple[_Block, int, str]] = []  # paths resolved at the end

    def note(self, block: _Block, index: int, message: str) -> None:
        self.problems.append((block, index + 1, message))

    def feed(self, index: int, line: str) -> bool:
        """Take one console line; False once the top level bailed out."""
        content = line.lstrip(" \t")
        kind = _classify(content)
        if kind is None:
            return True  # noise: kept in the logs by position
        indent = len(line) - len(content)
        inner = self.stack[-1]
        if indent > inner.indent:  # opens a level of subtests
            if inner.depth >= MAX_DEPTH:
                if not inner.too_deep:
                    inner.too_deep = True
                    self.note(inner, index, f"subtests nested deeper than {MAX_DEPTH} "
                                            f"levels are not read")
                return True
            inner = _Block(indent=indent, start=index + 1, parent=inner,
                           depth=inner.depth + 1, log_start=index)
            self.stack.append(inner)
        level = len(self.stack) - 1
        while self.stack[level].indent > indent:
            level -= 1
        if self.stack[level].indent != indent:  # between two open levels: whose?
            self.note(inner, index, f"KTAP line at indentation {indent} belongs to no "
                                    f"open level: {content[:60]!r}")
            return True
        block = self.stack[level]
        if kind.kind == "subtest":
            if block is inner and block.fresh and not block.name:
                block.name = kind.text
                block.log_start = index + 1
            return True  # otherwise a diagnostic
        # A KTAP line of an outer level ends the levels inside it.
        child = None
        if kind.kind == "result" and level + 1 < len(self.stack):
            child = self.stack[level + 1]
        # Levels inside those are the orphan's own: one problem says it.
        orphans = self.stack[level + (2 if child else 1):]
        if orphans:
            self.note(orphans[0].parent or self.top, index,
                      f"subtests from line {orphans[0].start} have no result line")
        del self.stack[level + 1:]
        if kind.kind == "version":
            if block.has_version or not block.fresh:
                where = "top-level " if block is self.top else ""
                self.note(block, index, f"a second {where}version line")
            block.has_version = True
        elif kind.kind == "plan":
            if block.plan is not None:
                self.note(block, index, f"a second plan 1..{kind.number} "
                                        f"(line {block.plan_line} said 1..{block.plan})")
            else:
                block.plan, block.plan_line = kind.number, index + 1
                if block is self.top:
                    self.report.plan = kind.number
        elif kind.kind == "bail":
            if block is self.top:
                self.report.bail_out = kind.text
                return False
            block.bail_out = kind.text
            self.note(block, index, f"bail out: {kind.text or 'no reason given'}")
        else:
            self.result(block, child, kind, index)
            return True
        block.log_start = index + 1
        return True

    def result(self, block: _Block, child: _Block | None, kind: _Line, index: int) -> None:
        status, reason, directive = _directive(kind.ok, kind.directive)
        name = kind.text or (child.name if child else "") or f"test {kind.number}"
        result = Result(kind.number, name, status, reason,
                        self.lines[block.log_start:index], said=status,
                        directive=directive, line=index + 1)
        if child is not None:
            child.owner = result
            result.subtests = child.results
            if wrong := _numbering(child, count_missing=child.bail_out is None):
                self.note(child, index, wrong[0])
            failed = [r.name for r in child.results if r.status is Status.FAIL]
            if failed and status is Status.PASS:
                result.status = Status.FAIL
                self.note(child, index, f"says ok but subtest {', '.join(failed[:LISTED])}"
                                        f"{', ...' if len(failed) > LISTED else ''} failed")
        block.results.append(result)
        block.log_start = index + 1
        if block is self.top:
            self.report.results.append(result)

    def finish(self, bailed: bool) -> Report:
        report = self.report
        if not bailed:
            complete = report.plan is not None and not report.missing
            if complete and len(self.stack) > 1:
                orphan = self.stack[1]
                self.note(self.top, orphan.start - 1,
                          f"subtests from line {orphan.start} have no result line")
            # Fewer top-level results than planned is report.problem()'s.
            if wrong := _numbering(self.top, count_missing=False):
                self.note(self.top, (wrong[1] or self.top.plan_line or self.top.start) - 1,
                          wrong[0])
        stack = [(r, ()) for r in reversed(report.results)]
        while stack:  # paths, now that every name is known
            result, above = stack.pop()
            result.path = (*above, result.name)
            stack.extend((sub, result.path) for sub in reversed(result.subtests))
        self.problems.sort(key=lambda p: p[1])
        report.problems = [Problem(line, self.path(block), message)
                           for block, line, message in self.problems[:MAX_PROBLEMS]]
        if len(self.problems) > MAX_PROBLEMS:
            line = self.problems[MAX_PROBLEMS][1]
            report.problems.append(Problem(line, (), f"{len(self.problems) - MAX_PROBLEMS} "
                                                     f"more problems from here on"))
        return report

    def path(self, block: _Block) -> tuple[str, ...]:
        names: list[str] = []
        while block.parent is not None:
            if block.owner is not None:
                return (*block.owner.path, *reversed(names))
            names.append(block.name or f"<subtests from line {block.start}>")
            block = block.parent
        return tuple(reversed(names))


def parse(console: str) -> Report:
    lines = [line.rstrip() for line in console.splitlines()]  # also splits CRLF
    # The top level starts in column 0; what comes before it is noise.
    first = next((i for i, line in enumerate(lines) if line in VERSIONS), None)
    if first is None:
        return Report()
    parser = _Parser(lines, first)
    bailed = False
    for index in range(first + 1, len(lines)):
        if not parser.feed(index, lines[index]):
            bailed = True
            break
    return parser.finish(bailed)
