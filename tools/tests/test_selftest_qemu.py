# SPDX-License-Identifier: GPL-2.0-only
"""tools/selftest against real QEMU, the real TSM and real payloads that
fail, crash and hang on purpose (selftests/runner-fixtures/)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ["qemu-system-riscv64", "riscv64-linux-gnu-gcc"]

pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS),
    reason="QEMU or the riscv64 cross compiler is missing: run sudo tools/install-deps")


def selftest(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVEKIT_")}
    return subprocess.run([str(ROOT / "tools/selftest"), *args], capture_output=True,
                          text=True, timeout=timeout, env=env)


@pytest.fixture(scope="module")
def fixtures_run(tmp_path_factory) -> tuple[subprocess.CompletedProcess[str], Path]:
    junit = tmp_path_factory.mktemp("junit") / "fixtures.xml"
    # Builds first (a no-op when tools/test already built), then runs all three.
    proc = selftest("runner-fixtures", "-j", "3", "--timeout", "4", "--junit", str(junit))
    return proc, junit


def block(out: str, suite: str) -> str:
    start = out.index(f"runner-fixtures/{suite} (")
    rest = out[start:].split("\n", 1)[1]
    lines = []
    for line in rest.splitlines():
        if not line.startswith(" "):
            break
        lines.append(line)
    return "\n".join(lines)


def test_failing_test_is_reported(fixtures_run):
    proc, _ = fixtures_run
    assert block(proc.stdout, "fail").splitlines()[:3] == [
        "  ok      passes", "  FAIL    fails on purpose", "  SKIP    skips (nothing to do)"]


def test_crash_mid_suite_is_caught(fixtures_run):
    proc, _ = fixtures_run
    crash = block(proc.stdout, "crash")
    assert "  CRASH   1 of 3 results" in crash
    assert "    | # powering off mid-suite" in crash  # the console tail is shown


def test_hang_is_killed_by_the_timeout(fixtures_run):
    proc, _ = fixtures_run
    hang = block(proc.stdout, "hang")
    assert "  CRASH   timeout after 4s" in hang
    assert "    | ok 1 before the hang" in hang


def test_summary_exit_status_and_junit(fixtures_run):
    proc, junit = fixtures_run
    assert proc.returncode == 1
    # fail: 1 failed; crash: 1 crash + 2 unreported; hang: 1 crash + 1 unreported
    assert proc.stdout.splitlines()[-1] == "selftest: 3 passed, 6 failed, 1 skipped"
    root = ET.parse(junit).getroot()
    assert {k: root.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "7", "failures": "1", "errors": "2", "skipped": "1"}
    cases = {(s.get("name"), c.get("name")): [x.tag for x in c] for s in root for c in s}
    assert cases[("runner-fixtures.fail", "fails on purpose")] == ["failure"]
    assert cases[("runner-fixtures.crash", "crash.boot")] == ["error"]
    assert cases[("runner-fixtures.hang", "hang.boot")] == ["error"]


def test_real_suites_pass():
    proc = selftest("tsm", "-j", "2")
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert re.fullmatch(r"selftest: \d+ passed, 0 failed, 0 skipped", proc.stdout.splitlines()[-1])
