# SPDX-License-Identifier: GPL-2.0-only
"""selftests/kernel/SERIES.suite: its boots and tests (format:
selftests/kernel/README.md), every problem reported as FILE:LINE: message."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .common import KSELFTEST_DIR, SELFTESTS, KernelSelftestError, display

# panic=-1 and -no-reboot: a kernel panic ends QEMU at once.
CMDLINE = ["console=ttyS0", "panic=-1"]

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,126}\Z")  # init.c: MAX_NAME
MAX_WORDS = MAX_TESTS = 64  # init.c's limits
VAR = re.compile(r"[a-z][a-z0-9_]*\Z")
VALUES = ("present", "absent")
EXPECTS = ("exit", "present", "absent")
# A KVM selftest, by its path in tools/testing/selftests/kvm: get-reg-list, riscv/ebreak_test.
PROGRAM = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)*\Z")


@dataclass(frozen=True)
class Boot:
    name: str
    values: dict[str, str]  # VAR -> present | absent: covekit.VAR=VALUE on the command line
    qemu_args: tuple[str, ...]
    line: int

    def cmdline(self) -> str:
        return " ".join([*CMDLINE, *(f"covekit.{k}={v}" for k, v in self.values.items())])


@dataclass(frozen=True)
class Test:
    name: str
    expect: str  # exit, present, absent or $VAR
    patterns: tuple[str, ...]
    argv: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class SuiteFile:
    path: Path
    text: str
    boots: tuple[Boot, ...]
    tests: tuple[Test, ...]

    @property
    def programs(self) -> list[str]:
        """The KVM selftests the tests run, each once, sorted."""
        return sorted({t.argv[0] for t in self.tests})


class SuiteError(Exception):
    """Problems of a suite file, each FILE:LINE: message."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def split_words(line: str) -> list[str]:
    """The words of a line as init.c splits them: blanks separate words, and a
    word starting with '"' runs to the next '"' (no escapes)."""
    words: list[str] = []
    i, n = 0, len(line)
    while True:
        while i < n and line[i] in " \t":
            i += 1
        if i == n:
            return words
        if line[i] == '"':
            end = line.find('"', i + 1)
            if end < 0:
                raise ValueError("unterminated quote")
            if end + 1 < n and line[end + 1] not in " \t":
                raise ValueError("a quoted word must end at a blank")
            words.append(line[i + 1:end])
            i = end + 1
            continue
        j = i
        while j < n and line[j] not in " \t":
            j += 1
        if '"' in line[i:j]:
            raise ValueError(f"a quote inside the word {line[i:j]}")
        words.append(line[i:j])
        i = j


def _split_at(words: list[str], start: int) -> tuple[list[str], list[str]] | None:
    """words[start:] split at the first "--"; None if there is none."""
    try:
        sep = words.index("--", start)
    except ValueError:
        return None
    return words[start:sep], words[sep + 1:]


def parse_suite(text: str, path: Path, display: str | None = None) -> SuiteFile:
    """The boots and tests of a suite file; SuiteError lists every problem."""
    name = display or str(path)
    problems: list[str] = []
    boots: list[Boot] = []
    tests: list[Test] = []

    def problem(line: int, message: str) -> None:
        problems.append(f"{name}:{line}: {message}")

    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        if any(c < " " and c != "\t" for c in line):
            problem(number, "a control character (CR?) in the line")
            continue
        try:
            words = split_words(line)
        except ValueError as err:
            problem(number, str(err))
            continue
        kind = words[0]
        if len(words) > MAX_WORDS:
            problem(number, f"more than {MAX_WORDS} words")
            continue
        if kind == "boot":
            parts = _split_at(words, 2)
            if len(words) < 2 or parts is None:
                problem(number, "expected: boot NAME VAR=VALUE... -- QEMU-ARGUMENT...")
                continue
            settings, qemu_args = parts
            values: dict[str, str] = {}
            for setting in settings:
                var, eq, value = setting.partition("=")
                if not eq or not VAR.match(var) or value not in VALUES:
                    problem(number, f"{setting!r}: a boot sets VAR=present or VAR=absent "
                                    f"(VAR: lower case, digits, _)")
                elif var in values:
                    problem(number, f"{var} set twice")
                else:
                    values[var] = value
            if not NAME.match(words[1]):
                problem(number, f"boot name {words[1]!r}: letters, digits, '.', '_', '-' "
                                f"(at most 127)")
            boots.append(Boot(words[1], values, tuple(qemu_args), number))
        elif kind == "test":
            parts = _split_at(words, 3)
            if len(words) < 3 or parts is None or not parts[1]:
                problem(number, "expected: test NAME EXPECT [PATTERN...] -- COMMAND "
                                "[ARGUMENT...]")
                continue
            patterns, argv = parts
            expect = words[2]
            if not NAME.match(words[1]):
                problem(number, f"test name {words[1]!r}: letters, digits, '.', '_', '-' "
                                f"(at most 127)")
            if expect not in EXPECTS and not (expect.startswith("$") and VAR.match(expect[1:])):
                problem(number, f"EXPECT {expect!r}: exit, present, absent or $VAR")
            elif expect == "exit" and patterns:
                problem(number, "exit takes no PATTERN (the exit status is the verdict)")
            elif expect != "exit" and not patterns:
                problem(number, f"{expect} needs a PATTERN to look for in the output")
            if any(not p for p in patterns):
                problem(number, "an empty PATTERN matches everything")
            if not PROGRAM.match(argv[0]) or ".." in argv[0].split("/"):
                problem(number, f"COMMAND {argv[0]!r}: a KVM selftest, by its path in "
                                f"{KSELFTEST_DIR}")
            tests.append(Test(words[1], expect, tuple(patterns), tuple(argv), number))
        else:
            problem(number, f"{kind!r}: a line is a boot, a test or a # comment")

    for kind, items in (("boot", boots), ("test", tests)):
        seen: dict[str, int] = {}
        for item in items:
            if item.name in seen:
                problem(item.line, f"{kind} {item.name} again (first on line {seen[item.name]})")
            seen.setdefault(item.name, item.line)
    if not boots:
        problem(1, "no boot line: nothing to run")
    if not tests:
        problem(1, "no test line: nothing to run")
    if len(tests) > MAX_TESTS:
        problem(tests[MAX_TESTS].line, f"more than {MAX_TESTS} tests")
    used = {t.expect[1:]: t.line for t in tests if t.expect.startswith("$")}
    for boot in boots:
        for var, line in used.items():
            if var not in boot.values:
                problem(boot.line, f"boot {boot.name} does not set {var} (used on line {line})")
        for var in boot.values:
            if var not in used:
                problem(boot.line, f"boot {boot.name} sets {var}, which no test uses")
    if problems:
        raise SuiteError(sorted(set(problems), key=_line_order))
    return SuiteFile(path, text, tuple(boots), tuple(tests))


def _line_order(problem: str) -> tuple[int, str]:
    m = re.search(r":(\d+): ", problem)
    return (int(m.group(1)) if m else 0, problem)


def suite_path(series: str) -> Path:
    return SELFTESTS / f"{series}.suite"


def load_suite(series: str) -> SuiteFile:
    path = suite_path(series)
    try:
        text = path.read_text()
    except FileNotFoundError:
        raise KernelSelftestError(
            f"no suite for {series}: write {display(path)} (format: "
            f"{display(SELFTESTS / 'README.md')})") from None
    return parse_suite(text, path, display(path))
