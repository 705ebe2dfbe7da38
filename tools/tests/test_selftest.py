# SPDX-License-Identifier: GPL-2.0-only
"""tools/selftest end to end, with tools/tests/fake_qemu.py as QEMU: each
suite's .bin in a fake build directory is the fake's JSON scenario."""

import json
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from covekit_tools import selftest

ROOT = Path(__file__).resolve().parents[2]
FAKE_QEMU = Path(__file__).with_name("fake_qemu.py")
SUMMARY = re.compile(r"^selftest: (\d+) passed, (\d+) failed, (\d+) skipped$", re.M)


def ktap(*lines: str, plan: int | None = None) -> str:
    """A console: banner, header, plan (the number of results unless given), lines."""
    if plan is None:
        plan = sum(line.startswith(("ok ", "not ok ")) for line in lines)
    return "\n".join(["OpenSBI v1.5.1", "KTAP version 1", f"1..{plan}", *lines, ""])


def without_times(report: str) -> str:
    return re.sub(r" \(\d+\.\d s\)$", "", report, flags=re.M)


def summary(proc: subprocess.CompletedProcess[str]) -> tuple[int, int, int]:
    match = SUMMARY.search(proc.stdout)
    assert match, proc.stdout + proc.stderr
    passed, failed, skipped = map(int, match.groups())
    return passed, failed, skipped


class FakeBuild:
    def __init__(self, tmp: Path) -> None:
        self.build = tmp / "build"
        self.suites = self.build / "riscv64/selftests/tsm"
        self.suites.mkdir(parents=True)
        elf = self.build / "riscv64/tsm-firmware/tsm.elf"
        elf.parent.mkdir(parents=True)
        elf.touch()
        opensbi = tmp / "fw_dynamic.bin"
        opensbi.touch()
        self.env = dict(os.environ, COVEKIT_BUILD=str(self.build), COVEKIT_QEMU=str(FAKE_QEMU),
                        COVEKIT_OPENSBI=str(opensbi))
        self.env.pop("COVEKIT_TIMEOUT_SCALE", None)

    def suite(self, name: str, **scenario: object) -> None:
        (self.suites / f"{name}.bin").write_text(json.dumps(scenario))

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(ROOT / "tools/selftest"), "--no-build", *args],
                              env={**self.env, **env}, capture_output=True, text=True,
                              timeout=30)


@pytest.fixture
def fake(tmp_path: Path) -> FakeBuild:
    return FakeBuild(tmp_path)


def test_all_pass(fake: FakeBuild):
    fake.suite("beta", console=ktap("ok 1 probe"))
    fake.suite("alpha", console=ktap("ok 1 boot", "tsm: a log line", "ok 2 get_info"))
    proc = fake.run()
    assert proc.returncode == 0, proc.stderr
    assert without_times(proc.stdout) == (
        "tsm/alpha\n  ok      boot\n  ok      get_info\n"
        "tsm/beta\n  ok      probe\n"
        "selftest: 3 passed, 0 failed, 0 skipped\n")


def test_a_failing_test_shows_its_diagnostics(fake: FakeBuild):
    fake.suite("covh", exit=1, console=ktap(
        "ok 1 get_info", "# convert_pages: expected 0, got -5", "not ok 2 convert_pages",
        "ok 3 promote_to_tvm # SKIP no CoVE-2025"))
    proc = fake.run()
    assert proc.returncode == 1
    assert ("  ok      get_info\n  FAIL    convert_pages\n"
            "          # convert_pages: expected 0, got -5\n"
            "  SKIP    promote_to_tvm (no CoVE-2025)\n") in proc.stdout
    assert "CRASH" not in proc.stdout  # the exit status agrees with the KTAP
    assert summary(proc) == (1, 1, 1)


def test_no_plan_is_a_crash_showing_the_console_tail(fake: FakeBuild):
    lines = [f"tsm: line {n}" for n in range(1, 31)]
    fake.suite("boot", console="\n".join(lines) + "\n")
    proc = fake.run()
    assert proc.returncode == 1
    shown = proc.stdout.splitlines()
    assert "  CRASH   no KTAP plan" in shown
    assert [line for line in shown if line.startswith("    | ")] == [
        f"    | {line}" for line in lines[-20:]]
    assert summary(proc) == (0, 1, 0)


def test_too_few_results_count_as_failed(fake: FakeBuild):
    fake.suite("short", console=ktap("ok 1 a", "ok 2 b", plan=4))
    proc = fake.run()
    assert proc.returncode == 1 and "  CRASH   2 of 4 results\n" in proc.stdout
    assert summary(proc) == (2, 3, 0)  # the crash and the two results that never came


def test_a_firmware_panic_is_a_crash(fake: FakeBuild):
    fake.suite("panic", exit=3, console=ktap(
        "ok 1 a", "tsm: PANIC: unexpected trap scause=0x2", "ok 2 b"))
    proc = fake.run()
    assert proc.returncode == 1
    assert "  CRASH   firmware panic\n" in proc.stdout
    assert "    | tsm: PANIC: unexpected trap scause=0x2\n" in proc.stdout
    assert summary(proc) == (2, 1, 0)


def test_a_hang_is_killed_after_the_scaled_timeout(fake: FakeBuild):
    fake.suite("hang", console=ktap("ok 1 a", plan=2), delay=60)
    start = time.monotonic()
    proc = fake.run("--timeout", "1", COVEKIT_TIMEOUT_SCALE="0.5")
    assert time.monotonic() - start < 3
    assert proc.returncode == 1
    assert "  ok      a\n  CRASH   timeout after 0.5s\n" in proc.stdout
    assert "    | 1..2\n" in proc.stdout  # what it printed before it hung
    assert summary(proc) == (1, 2, 0)


def test_a_nonzero_exit_with_every_result_ok_is_a_crash(fake: FakeBuild):
    fake.suite("liar", exit=2, console=ktap("ok 1 a"))
    proc = fake.run()
    assert proc.returncode == 1
    assert "  CRASH   QEMU exit status 2 but no test failed\n" in proc.stdout
    assert summary(proc) == (1, 1, 0)


def test_qemu_failing_to_start_shows_its_stderr(fake: FakeBuild):
    fake.suite("nostart", exit=1, stderr="qemu-system-riscv64: could not load kernel\n")
    proc = fake.run()
    assert proc.returncode == 1
    assert ("  CRASH   QEMU failed to start (exit status 1): "
            "qemu-system-riscv64: could not load kernel\n"
            "    | qemu-system-riscv64: could not load kernel\n") in proc.stdout


def test_parallel_runs_report_in_suite_order(fake: FakeBuild):
    # The first suite finishes last when run in parallel.
    fake.suite("a_slow", delay=0.5, console=ktap("ok 1 x", "not ok 2 y"), exit=1)
    fake.suite("b_fast", console=ktap("ok 1 x # SKIP later"))
    fake.suite("c_crash", console="nothing\n")
    one, two = fake.run("-j", "1"), fake.run("-j", "2")
    assert (one.returncode, two.returncode) == (1, 1)
    assert without_times(one.stdout) == without_times(two.stdout)
    assert re.findall(r"^tsm/(\w+)", two.stdout, re.M) == ["a_slow", "b_fast", "c_crash"]


def test_junit_report(fake: FakeBuild, tmp_path: Path):
    fake.suite("good", console=ktap("ok 1 a", "ok 2 b # SKIP not yet"))
    fake.suite("bad", exit=1, console=ktap("# why", "not ok 1 c"))
    fake.suite("dead", console=ktap("ok 1 d", "tsm: PANIC: oops", plan=3))
    junit = tmp_path / "out/junit.xml"
    junit.parent.mkdir()
    proc = fake.run("--junit", str(junit))
    assert proc.returncode == 1
    assert [p.name for p in junit.parent.iterdir()] == ["junit.xml"]  # no temporary left
    root = ET.parse(junit).getroot()
    assert root.tag == "testsuites"
    assert {k: root.get(k) for k in ["tests", "failures", "errors", "skipped"]} == {
        "tests": "5", "failures": "1", "errors": "1", "skipped": "1"}
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert list(suites) == ["tsm.bad", "tsm.dead", "tsm.good"]
    good = suites["tsm.good"]
    assert [c.get("name") for c in good.iter("testcase")] == ["a", "b"]
    assert good.find("testcase[@name='b']/skipped").get("message") == "not yet"
    failure = suites["tsm.bad"].find("testcase[@name='c']/failure")
    assert failure is not None and "# why" in failure.text
    dead = suites["tsm.dead"]
    assert (dead.get("tests"), dead.get("errors")) == ("2", "1")
    error = dead.find("testcase[@name='dead.boot']/error")
    assert error.get("message") == "firmware panic" and "tsm: PANIC: oops" in error.text


def test_suite_selection_and_listing(fake: FakeBuild):
    for name in ["gamma", "alpha", "beta"]:
        fake.suite(name, console=ktap(f"ok 1 {name}_test"))
    listed = fake.run("--list")
    assert (listed.returncode, listed.stdout) == (0, "alpha\nbeta\ngamma\n")
    proc = fake.run("--suite", "gamma", "--suite", "alpha")
    assert proc.returncode == 0
    assert re.findall(r"^tsm/(\w+)", proc.stdout, re.M) == ["alpha", "gamma"]
    assert summary(proc) == (2, 0, 0)


def test_an_unknown_suite_lists_the_known_ones(fake: FakeBuild):
    fake.suite("alpha")
    fake.suite("beta")
    proc = fake.run("--suite", "nope")
    assert proc.returncode == 2
    assert "unknown tsm suite(s) nope; known: alpha, beta" in proc.stderr


def test_a_missing_tool_is_named(fake: FakeBuild):
    fake.suite("alpha", console=ktap("ok 1 a"))
    proc = fake.run(COVEKIT_QEMU="/nonexistent/qemu-system-riscv64")
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr == ("selftest: missing /nonexistent/qemu-system-riscv64 (COVEKIT_QEMU); "
                           "run: sudo tools/install-deps\n")


def test_usage_errors(fake: FakeBuild):
    fake.suite("alpha", console=ktap("ok 1 a"))
    assert fake.run("-j", "0").returncode == 2
    assert fake.run("--timeout", "0").returncode == 2
    proc = fake.run(COVEKIT_TIMEOUT_SCALE="fast")
    assert proc.returncode == 2 and "COVEKIT_TIMEOUT_SCALE='fast'" in proc.stderr


def test_verbose_shows_the_console_and_sidecar_arguments(fake: FakeBuild, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]):
    # The sidecar lives in the source tree: point the runner at a scratch one.
    src = tmp_path / "src"
    (src / "selftests/tsm").mkdir(parents=True)
    (src / "selftests/tsm/alpha.qemu").write_text(
        "# trace every COVH call\n-append\n\n  tsm.trace=1  \n")
    monkeypatch.setattr(selftest, "ROOT", src)
    for key in ["COVEKIT_BUILD", "COVEKIT_QEMU", "COVEKIT_OPENSBI"]:
        monkeypatch.setenv(key, fake.env[key])
    fake.suite("alpha", argv=True, console=ktap("ok 1 a"))
    assert selftest.main(["--no-build", "-v"]) == 0
    out = capsys.readouterr().out
    assert "    | # argv: -append\n    | # argv: tsm.trace=1\n" in out
    assert "    | KTAP version 1\n" in out
    assert f"    $ {FAKE_QEMU} -M virt -cpu rv64,h=true" in out


def test_a_failed_build_shows_its_end_and_how_to_rerun(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]):
    monkeypatch.setattr(selftest, "CROSS_FILE", str(tmp_path / "missing.ini"))
    with pytest.raises(selftest.Fatal) as err:
        selftest.build(tmp_path / "riscv64")
    assert str(err.value).startswith(f"build failed; rerun: cd {selftest.ROOT} && "
                                     f"{sys.executable} -m mesonbuild.mesonmain setup ")
    stderr = capsys.readouterr().err
    assert "selftest: building" in stderr and "missing.ini" in stderr


NESTED = ("  KTAP version 1", "  # Subtest: tvm", "  1..2",
          "    KTAP version 1", "    1..2", "    ok 1 map",
          "tsm: vcpu 0 exit", "    # unmap: expected 0, got -5", "    not ok 2 unmap",
          "  ok 1 pages", "  ok 2 destroy # SKIP not yet",
          "ok 1 tvm", "ok 2 other")


def test_a_nested_failure_under_ok_parents_fails_the_run(fake: FakeBuild):
    fake.suite("nested", console=ktap(*NESTED))
    proc = fake.run()
    assert proc.returncode == 1
    assert without_times(proc.stdout) == (
        "tsm/nested\n"
        "  FAIL    tvm\n"
        "  FAIL    tvm.pages\n"
        "  FAIL    tvm.pages.unmap\n"
        "          # unmap: expected 0, got -5\n"
        "  ok      other\n"
        "  KTAP    line 13: tvm.pages: says ok but subtest unmap failed\n"
        "  KTAP    line 15: tvm: says ok but subtest pages failed\n"
        # map, other; tvm, pages, unmap and the KTAP problems; destroy
        "selftest: 2 passed, 4 failed, 1 skipped\n")


def test_a_plan_mismatch_fails_the_run(fake: FakeBuild):
    fake.suite("extra", console=ktap("ok 1 a", "ok 2 b", "not ok 3 c", plan=2))
    fake.suite("dup", console=ktap("ok 1 a", "ok 2 b", "ok 2 b", plan=3))
    proc = fake.run()
    assert proc.returncode == 1
    assert "  KTAP    line 6: top level: number 2 repeated; no result 3\n" in proc.stdout
    assert "  KTAP    line 6: top level: 3 results for plan 1..2; 3 outside the plan\n" in \
        proc.stdout
    assert "CRASH" not in proc.stdout
    assert summary(proc) == (5, 3, 0)


def test_junit_report_of_the_whole_tree(fake: FakeBuild, tmp_path: Path):
    fake.suite("nested", console=ktap(*NESTED))
    junit = tmp_path / "junit.xml"
    assert fake.run("--junit", str(junit)).returncode == 1
    suite = ET.parse(junit).getroot().find("testsuite")
    assert {k: suite.get(k) for k in ["tests", "failures", "errors", "skipped"]} == {
        "tests": "7", "failures": "3", "errors": "1", "skipped": "1"}
    assert [(c.get("classname"), c.get("name")) for c in suite.iter("testcase")] == [
        ("tsm.nested", "tvm"), ("tsm.nested.tvm", "pages"),
        ("tsm.nested.tvm.pages", "map"), ("tsm.nested.tvm.pages", "unmap"),
        ("tsm.nested.tvm", "destroy"), ("tsm.nested", "other"), ("tsm.nested", "nested.ktap")]
    unmap = suite.find("testcase[@name='unmap']/failure")
    assert unmap.get("message") == "not ok 2 unmap"
    assert unmap.text == "tsm: vcpu 0 exit\n    # unmap: expected 0, got -5"
    assert suite.find("testcase[@name='pages']/failure").get("message") == (
        "not ok 1 pages (said ok; a subtest failed)")
    assert suite.find("testcase[@name='destroy']/skipped").get("message") == "not yet"
    error = suite.find("testcase[@name='nested.ktap']/error")
    assert error.get("message") == (
        "2 KTAP problem(s): line 13: tvm.pages: says ok but subtest unmap failed")
    assert error.text.splitlines()[1] == "line 15: tvm: says ok but subtest pages failed"


def test_a_variant_sidecar_boots_the_suite_again(fake: FakeBuild, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch):
    src = tmp_path / "src"
    (src / "selftests/tsm").mkdir(parents=True)
    (src / "selftests/tsm/alpha.qemu").write_text("-append\ntsm.trace\n")
    (src / "selftests/tsm/alpha@smp2.qemu").write_text("# two harts\n-smp\n2\n")
    monkeypatch.setattr(selftest, "ROOT", src)
    build = Path(fake.env["COVEKIT_BUILD"]) / "riscv64"
    fake.suite("alpha", console=ktap("ok 1 a"))
    suites = selftest.tsm_suites(build)
    assert [s.name for s in suites] == ["alpha", "alpha@smp2"]
    assert suites[0].qemu_args[-2:] == ["-append", "tsm.trace"]
    # The variant's arguments only: not the base sidecar's.
    assert suites[1].qemu_args[-2:] == ["-smp", "2"]
    assert "tsm.trace" not in suites[1].qemu_args
