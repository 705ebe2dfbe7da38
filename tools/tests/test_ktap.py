# SPDX-License-Identifier: GPL-2.0-only
import gc
import time
import tomllib
from pathlib import Path

import pytest
from covekit_tools import qemu, selftest
from covekit_tools.ktap import MAX_DEPTH, MAX_PROBLEMS, Status, parse

CORPUS = Path(__file__).with_name("ktap-corpus")
EXPECTED = tomllib.loads((CORPUS / "expected.toml").read_text())

OPENSBI_BANNER = """\
OpenSBI v1.5.1
   ____                    _____ ____ _____
Platform Name             : riscv-virtio,qemu
Runtime SBI Version       : 2.0
tsm: booting, 1 hart
"""


def outcomes(console: str) -> list[tuple[str, Status, str]]:
    return [(r.name, r.status, r.reason) for r in parse(console).results]


def test_noise_before_the_header_and_after_the_last_result_is_ignored():
    console = (OPENSBI_BANNER + "KTAP version 1\n1..2\nok 1 boot\ntsm: log line\n"
               "ok 2 get_info\ntsm: shutting down\n# done\n")
    report = parse(console)
    assert outcomes(console) == [("boot", Status.PASS, ""), ("get_info", Status.PASS, "")]
    assert report.plan == 2 and report.problem() is None and report.problems == []
    assert report.passed
    # A firmware line during a test is kept with the test it interrupted.
    assert report.results[1].log == ["tsm: log line"]


def test_skip_in_either_case_with_or_without_a_reason():
    console = ("KTAP version 1\n1..4\nok 1 a # SKIP no CoVE-2025\nok 2 b # skip\n"
               "ok 3 c #SKIP: lowercase too\nnot ok 4 d # skipped\n")
    assert outcomes(console) == [("a", Status.SKIP, "no CoVE-2025"), ("b", Status.SKIP, ""),
                                 ("c", Status.SKIP, "lowercase too"), ("d", Status.SKIP, "")]


def test_todo_is_a_known_failure_other_directives_fall_back():
    console = ("KTAP version 1\n1..5\nnot ok 1 a # TODO the page walk\nok 2 b # todo\n"
               "ok 3 c # XFAIL\nnot ok 4 d # XFAIL\nnot ok 5 e # TIMEOUT 30 s\n")
    report = parse(console)
    assert outcomes(console) == [("a", Status.SKIP, "TODO the page walk"), ("b", Status.PASS, ""),
                                 ("c", Status.PASS, ""), ("d", Status.FAIL, ""),
                                 ("e", Status.FAIL, "")]
    assert [(r.said, r.directive) for r in report.results] == [
        (Status.SKIP, "TODO"), (Status.PASS, "todo"), (Status.PASS, "XFAIL"),
        (Status.FAIL, "XFAIL"), (Status.FAIL, "TIMEOUT")]


def test_not_ok_keeps_the_diagnostics_before_it():
    console = ("KTAP version 1\n1..2\n# convert_pages: expected 0, got -5\n"
               "not ok 1 convert_pages\nok 2 - reclaim_pages\n")
    first, second = parse(console).results
    assert (first.number, first.name, first.status) == (1, "convert_pages", Status.FAIL)
    assert first.diagnostics == ["# convert_pages: expected 0, got -5"]
    assert (second.name, second.status) == ("reclaim_pages", Status.PASS)


def test_a_result_without_a_description_is_named_by_its_number():
    assert outcomes("KTAP version 1\n1..1\nok 1\n") == [("test 1", Status.PASS, "")]


def test_a_parent_keeps_its_subtests_lines():
    sub = ("  KTAP version 1\n  # Subtest: tvm\n  1..2\n  ok 1 create\n"
           "  # destroy: -3\n  not ok 2 destroy\n")
    console = "TAP version 13\n1..2\n" + sub + "not ok 1 tvm\nok 2 other\n"
    report = parse(console)
    assert outcomes(console) == [("tvm", Status.FAIL, ""), ("other", Status.PASS, "")]
    assert report.results[0].log == sub.rstrip("\n").split("\n")
    assert report.results[0].diagnostics == ["  # Subtest: tvm", "  # destroy: -3"]
    assert report.problem() is None and report.problems == []
    create, destroy = report.results[0].subtests
    assert (create.path, create.status, create.line) == (("tvm", "create"), Status.PASS, 6)
    assert (destroy.path, destroy.status, destroy.log) == (
        ("tvm", "destroy"), Status.FAIL, ["  # destroy: -3"])


def test_no_header_or_no_plan_is_no_plan():
    assert parse(OPENSBI_BANNER).problem() == "no KTAP plan"
    assert parse("ok 1 looks like a result\n").problem() == "no KTAP plan"
    report = parse("KTAP version 1\nok 1 a\n")
    assert len(report.results) == 1 and report.problem() == "no KTAP plan"


def test_fewer_results_than_planned():
    report = parse("KTAP version 1\n1..4\nok 1 a\nnot ok 2 b\ntsm: PANIC\n")
    assert report.problem() == "2 of 4 results" and report.missing == 2


def test_bail_out_stops_the_run():
    report = parse("KTAP version 1\n1..3\nok 1 a\nBail out! no memory\nok 2 b\n")
    assert [r.name for r in report.results] == ["a"]
    assert report.bail_out == "no memory" and report.missing == 2
    assert report.problem() == "bail out: no memory"
    # A subtest's bail-out ends the subtest only, but fails the run.
    report = parse("KTAP version 1\n1..1\n  KTAP version 1\n  1..1\n  Bail out!\nnot ok 1 p\n")
    assert report.bail_out is None and report.problem() is None
    assert [str(p) for p in report.problems] == ["line 5: p: bail out: no reason given"]


def test_crlf_line_endings_from_the_serial_line():
    console = "noise\r\nKTAP version 1\r\n1..2\r\nok 1 a # SKIP why\r\nnot ok 2 b\r\n"
    assert outcomes(console) == [("a", Status.SKIP, "why"), ("b", Status.FAIL, "")]
    assert parse(console).problem() is None


def test_an_empty_plan_is_complete():
    report = parse("KTAP version 1\n1..0 # SKIP no tests here\n")
    assert report.plan == 0 and report.results == [] and report.problem() is None


# The corpus: tools/tests/ktap-corpus/*.ktap, verdicts in expected.toml ---------

def test_every_corpus_file_has_an_expected_verdict():
    assert sorted(p.stem for p in CORPUS.glob("*.ktap")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_verdict_of_the_runner(name: str):
    """What tools/selftest concludes, through the API it had before the tree."""
    console = (CORPUS / f"{name}.ktap").read_text()
    run = qemu.QemuRun([], console, "", 0, False, 1.0)
    report = parse(console)
    sr = selftest.SuiteRun(selftest.Suite(name, []), run, report,
                           selftest.crash_reason(run, report, 30))
    verdict = "fail" if sr.crash or sr.count(Status.FAIL) else "pass"
    assert verdict == EXPECTED[name]["verdict"], EXPECTED[name].get("defect", "")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_tree(name: str):
    expected = EXPECTED[name]
    # CRLF files are read as bytes so that the CRs reach the parser.
    report = parse((CORPUS / f"{name}.ktap").read_bytes().decode())
    assert report.passed is (expected["verdict"] == "pass")
    assert report.problem() == expected.get("crash")
    assert [r.full_name for r in report.walk() if r.status is Status.FAIL] == \
        expected.get("failed", [])
    assert [str(p) for p in report.problems] == expected.get("problems", [])


def test_crlf_corpus_files_really_have_crs():
    assert b"\r\n" in (CORPUS / "crlf-nested-failure.ktap").read_bytes()


# Nested results ---------------------------------------------------------------

def test_an_ok_parent_over_a_failure_fails_and_says_so():
    report = parse((CORPUS / "nested-ok-over-failure-2-levels.ktap").read_text())
    covh, = report.results
    pages = covh.subtests[0]
    assert (covh.said, covh.status, pages.said, pages.status) == (
        Status.PASS, Status.FAIL, Status.PASS, Status.FAIL)
    assert pages.subtests[1].full_name == "covh.pages.reclaim"
    assert not report.passed


def test_noise_inside_nested_blocks_does_not_close_them():
    report = parse((CORPUS / "guest-in-host-failure-under-noise.ktap").read_text())
    guest, = report.results
    memory, halt = guest.subtests
    assert [r.name for r in memory.subtests] == ["share", "unshare"]
    # The firmware's lines stay in the log of the test they interrupted.
    assert memory.subtests[1].log == ["tsm: vcpu 0 exit"]
    assert "tsm: page fault at 0x80200000" in memory.subtests[0].log
    assert report.problems == [] and halt.status is Status.PASS


def test_a_subtest_header_names_an_unnamed_parent():
    report = parse("KTAP version 1\n1..1\n  # Subtest: suite\n  1..1\n  ok 1 a\nok 1\n")
    assert report.results[0].name == "suite" and report.passed


def test_nesting_deeper_than_the_cap_is_a_problem_not_a_crash():
    depth = 2000  # far past Python's recursion limit if the parser recursed
    console = "KTAP version 1\n1..1\n" + "".join(
        " " * i + "KTAP version 1\n" for i in range(1, depth)) + "ok 1 a\n"
    report = parse(console)
    assert report.problem() is None and not report.passed
    assert [p.message for p in report.problems] == [
        f"subtests nested deeper than {MAX_DEPTH} levels are not read",
        "subtests from line 4 have no result line"]


def test_huge_numbers_are_a_problem_not_an_exception():
    report = parse("KTAP version 1\n1..1\nok " + "9" * 5000 + " a\n")
    assert report.results[0].number == 10**9 and not report.passed
    assert str(report.problems[0]) == "line 3: top level: 1000000000 outside the plan; no result 1"
    assert parse("KTAP version 1\n1.." + "9" * 5000 + "\n").problem() == "0 of 1000000000 results"


def test_problems_of_a_hostile_console_are_capped():
    report = parse("KTAP version 1\n1..1\n    ok 1 a\n" + "  ok 1 b\n" * 1000 + "ok 1 c\n")
    assert len(report.problems) == MAX_PROBLEMS + 1
    assert str(report.problems[-1]) == "line 104: top level: 900 more problems from here on"


# Linear time ------------------------------------------------------------------

def parse_seconds(console: str) -> float:
    """The best of five: the machine is shared, its noise only adds."""
    best = float("inf")
    for _ in range(5):
        gc.collect()
        start = time.perf_counter()
        parse(console)
        best = min(best, time.perf_counter() - start)
    return best


def long_line(size: int) -> str:
    # The shape that made the old result regex backtrack: spaces in the name.
    return "KTAP version 1\n1..1\nnot ok 1 x" + " " * size + "y # SKIP" + " " * size + "z\n"


def many_lines(count: int) -> str:
    lines = ["KTAP version 1", f"1..{count // 5}"]
    for n in range(1, count // 5 + 1):
        lines += ["  KTAP version 1", "  1..1", "tsm: noise", f"  ok 1 sub{n}", f"ok {n} t{n}"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("make,size", [(long_line, 500_000), (many_lines, 100_000)],
                         ids=["1MB-line", "100k-lines"])
def test_parsing_is_linear(make, size):
    big, small = parse_seconds(make(size)), parse_seconds(make(size // 10))
    assert big < 2.0, f"{big:.2f} s"
    # Ten times the input must not cost a hundred times the time.
    assert big / max(small, 1e-4) < 30, f"{big:.4f} s vs {small:.4f} s"
