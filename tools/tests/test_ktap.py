# SPDX-License-Identifier: GPL-2.0-only
from covekit_tools.ktap import Status, parse

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
               "ok 2 get_info\ntsm: shutting down\nok 3 not a result after the plan\n")
    report = parse(console)
    assert outcomes(console) == [("boot", Status.PASS, ""), ("get_info", Status.PASS, "")]
    assert report.plan == 2 and report.problem() is None
    # A firmware line during a test is kept with the test it interrupted.
    assert report.results[1].log == ["tsm: log line"]


def test_skip_in_either_case_with_or_without_a_reason():
    console = ("KTAP version 1\n1..4\nok 1 a # SKIP no CoVE-2025\nok 2 b # skip\n"
               "ok 3 c #SKIP: lowercase too\nnot ok 4 d # TODO falls back to not ok\n")
    assert outcomes(console) == [("a", Status.SKIP, "no CoVE-2025"), ("b", Status.SKIP, ""),
                                 ("c", Status.SKIP, "lowercase too"), ("d", Status.FAIL, "")]


def test_not_ok_keeps_the_diagnostics_before_it():
    console = ("KTAP version 1\n1..2\n# convert_pages: expected 0, got -5\n"
               "not ok 1 convert_pages\nok 2 - reclaim_pages\n")
    first, second = parse(console).results
    assert (first.number, first.name, first.status) == (1, "convert_pages", Status.FAIL)
    assert first.diagnostics == ["# convert_pages: expected 0, got -5"]
    assert (second.name, second.status) == ("reclaim_pages", Status.PASS)


def test_a_result_without_a_description_is_named_by_its_number():
    assert outcomes("KTAP version 1\n1..1\nok 1\n") == [("test 1", Status.PASS, "")]


def test_subtests_report_as_their_parent_and_keep_their_lines():
    sub = ("  KTAP version 1\n  # Subtest: tvm\n  1..2\n  ok 1 create\n"
           "  # destroy: -3\n  not ok 2 destroy\n")
    console = "TAP version 13\n1..2\n" + sub + "not ok 1 tvm\nok 2 other\n"
    report = parse(console)
    assert outcomes(console) == [("tvm", Status.FAIL, ""), ("other", Status.PASS, "")]
    assert report.results[0].log == sub.rstrip("\n").split("\n")
    assert report.results[0].diagnostics == ["  # Subtest: tvm", "  # destroy: -3"]
    assert report.problem() is None


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
    # A subtest's bail-out ends the subtest only.
    report = parse("KTAP version 1\n1..1\n  KTAP version 1\n  1..1\n  Bail out!\nnot ok 1 p\n")
    assert report.bail_out is None and report.problem() is None


def test_crlf_line_endings_from_the_serial_line():
    console = "noise\r\nKTAP version 1\r\n1..2\r\nok 1 a # SKIP why\r\nnot ok 2 b\r\n"
    assert outcomes(console) == [("a", Status.SKIP, "why"), ("b", Status.FAIL, "")]
    assert parse(console).problem() is None


def test_an_empty_plan_is_complete():
    report = parse("KTAP version 1\n1..0 # SKIP no tests here\n")
    assert report.plan == 0 and report.results == [] and report.problem() is None
