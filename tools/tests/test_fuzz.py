# SPDX-License-Identifier: GPL-2.0-only
"""tools/fuzz: the seeds decode to the calls they were written as, and the
harness catches a bug injected into the TSM (covh_fuzz_selftest), leaving a
reproducer that replays the failure."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from covekit_tools import fuzz

ROOT = Path(__file__).resolve().parents[2]
TOOL = str(ROOT / "tools/fuzz")

needs_clang = pytest.mark.skipif(
    not any(shutil.which(cc) for cc in fuzz.CLANGS),
    reason="clang-14 with libFuzzer is not installed: run sudo tools/install-deps")


def run(*args: str, timeout: float = 300, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([TOOL, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **env})


def corpus_digest() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(fuzz.CORPUS.iterdir())}


def traced_calls(output: str) -> list[tuple[str, str]]:
    """(call, result) for every call the harness traced (FUZZ_TRACE=1)."""
    return re.findall(r"^ *\d+ hart \d (\S+?)\(.*\) -> (.*)$", output, re.M)


def test_committed_seeds_are_what_the_generator_writes():
    assert fuzz.write_seeds(check=True) == 0
    assert set(corpus_digest()) == set(fuzz.SEEDS)


def test_the_format_is_read_from_the_harness_headers():
    fmt = fuzz.load_format()
    assert fmt.entry_size == 1 + 6 * 3
    assert fmt.ops["convert_pages"] == 1 and fmt.ops["host_write"] == 20
    assert fmt.ops["run_tvm_vcpu"] == 15
    assert (fmt.ops["set_shmem"], fmt.ops["probe_feature"]) == (23, 24)
    assert fmt.kinds[:3] == ["SMALL", "RAM", "HOST"]
    assert fmt.states[0] == "HOST" and "CONFIDENTIAL" in fmt.states


def test_libfuzzer_summary_and_failure_are_parsed():
    ok = fuzz.parse_output(
        "#512\tpulse  cov: 100 ft: 200 corp: 10/1Kb\n"
        "#9000\tDONE   cov: 351 ft: 1201 corp: 366/20Kb lim: 2433 exec/s: 200\n"
        "Done 9000 runs in 45 second(s)\n"
        "stat::number_of_executed_units: 9000\n", 0)
    assert (ok.executions, ok.seconds, ok.coverage, ok.features, ok.corpus) == \
        (9000, 45, 351, 1201, 366)
    assert ok.reproducer is None
    bad = fuzz.parse_output(
        "covh_fuzz: INVARIANT FAILED: page 0x1000 is HOST but not mapped\n"
        "==7== ERROR: libFuzzer: deadly signal\n"
        "artifact_prefix='x/'; Test unit written to x/crash-abc\n", 1)
    assert bad.reason == "covh_fuzz: INVARIANT FAILED: page 0x1000 is HOST but not mapped"
    assert bad.reproducer == Path("x/crash-abc")


def test_replay_of_a_missing_file_is_a_clear_error(tmp_path):
    proc = run("--replay", str(tmp_path / "nothing"))
    assert proc.returncode == 2
    assert f"fuzz: {tmp_path / 'nothing'}: no such input" in proc.stderr


@needs_clang
def test_tvm_lifecycle_seed_builds_and_tears_down_a_tvm():
    proc = run("--replay", str(fuzz.CORPUS / "tvm-lifecycle"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    calls = traced_calls(proc.stderr)
    assert [c for c, _ in calls if c.startswith("COVH.")] == [
        "COVH.tsm_get_info", "COVH.convert_pages", "COVH.initiate_fence",
        "COVH.local_fence", "COVH.create_tvm", "COVH.add_tvm_memory_region",
        "COVH.add_tvm_page_table_pages", "COVH.add_tvm_measured_pages",
        "COVH.create_tvm_vcpu", "COVH.finalize_tvm", "COVH.add_tvm_zero_pages",
        "COVH.destroy_tvm", "COVH.reclaim_pages"]
    results = dict(calls)
    assert results["COVH.create_tvm"] == "0, 1"	# TVM id 1
    assert all(r.startswith("0, ") for c, r in calls if c.startswith("COVH."))


@needs_clang
def test_run_tvm_seed_reaches_every_run_outcome():
    """Refused areas, runs before finalize, without an area, through the
    exits, against a vCPU running on the other hart, with a stale area,
    after SRST: each with the answer run.c gives (INVALID_PARAM -3,
    INVALID_ADDRESS -5, NO_SHMEM -9, FAILED -1)."""
    proc = run("--replay", str(fuzz.CORPUS / "run-tvm"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    calls = traced_calls(proc.stderr)
    assert [r for c, r in calls if c == "NACL.set_shmem"] == [
        "-5, 0", "-5, 0", "-5, 0", "0, 0", "0, 0", "0, 0"]
    assert [r for c, r in calls if c == "COVH.run_tvm_vcpu"] == [
        "-3, 0", "-9, 0", "0, 0", "-3, 0", "-3, 0", "0, 0", "0, 0", "-1, 0",
        "-9, 0", "0, 1", "-3, 0"]
    assert "    hart 0: the vCPU exits" in proc.stderr.splitlines()
    assert ("COVH.destroy_tvm", "-1, 0") in calls	# while it runs
    assert calls[-1] == ("COVH.destroy_tvm", "0, 0")


@needs_clang
@pytest.mark.parametrize("bug, message", [
    ("remap", "is HOST but not mapped in the host's G-stage"),
    ("unmap", "is CONVERTING but mapped in the host's G-stage"),
])
def test_an_injected_bug_is_caught_with_a_reproducer(bug, message):
    before = corpus_digest()
    proc = run("--selftest", bug, "--time", "30")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert re.search(rf"^fuzz: FAILED: covh_fuzz: INVARIANT FAILED: page 0x[0-9a-f]+ "
                     rf"{re.escape(message)}$", proc.stderr, re.M), proc.stderr
    found = re.search(r"^fuzz: reproducer: (\S*fuzz/crashes-selftest/crash-[0-9a-f]+)$",
                      proc.stderr, re.M)
    assert found, proc.stderr
    reproducer = ROOT / found.group(1)
    assert reproducer.is_file()
    assert (f"fuzz: replay it: tools/fuzz --replay {found.group(1)} --selftest {bug}"
            in proc.stderr.splitlines())
    assert corpus_digest() == before, "the run wrote into the committed corpus"

    again = run("--replay", str(reproducer), "--selftest", bug)
    assert again.returncode != 0
    assert "INVARIANT FAILED" in again.stderr and message in again.stderr
    clean = run("--replay", str(reproducer))
    assert clean.returncode == 0, "the reproducer fails only with the bug injected"
