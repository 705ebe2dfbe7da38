# SPDX-License-Identifier: GPL-2.0-only
"""tools/abi-coverage: fails on a declared pair nobody exercised, and on an
exemption a test makes stale."""

from __future__ import annotations

import subprocess
from pathlib import Path

from covekit_tools import abi_coverage

ROOT = Path(__file__).resolve().parents[2]


def required_pairs() -> list[tuple[str, str]]:
    pairs, symbols = abi_coverage.declared_pairs()
    pending = abi_coverage.pending_symbols()
    exempt = abi_coverage.exemptions()
    return [p for p in pairs if symbols[p[0]] not in pending and p not in exempt]


def run(logs: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ROOT / "tools/abi-coverage"), *map(str, logs)],
                          capture_output=True, text=True, timeout=120)


def write_log(path: Path, pairs: list[tuple[str, str]]) -> Path:
    path.write_text("".join(f"ok {i} x\n# abi-error: {c} {e}\n"
                            for i, (c, e) in enumerate(pairs, 1)))
    return path


def test_every_required_pair_exercised_passes(tmp_path):
    pairs = required_pairs()
    assert ("COVH.convert_pages", "FAILED") in pairs
    proc = run([write_log(tmp_path / "all.log", pairs)])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[-1] == (
        f"abi-coverage: {len(pairs)} exercised, {len(abi_coverage.exemptions())} exempt, "
        f"0 missing")


def test_a_pair_nobody_exercised_fails(tmp_path):
    pairs = [p for p in required_pairs() if p != ("COVH.create_tvm", "FAILED")]
    proc = run([write_log(tmp_path / "most.log", pairs)])
    assert proc.returncode == 1
    assert "  MISSING COVH.create_tvm FAILED" in proc.stdout.splitlines()


def test_an_exemption_a_test_exercises_is_stale(tmp_path):
    pairs = required_pairs() + [("COVH.tsm_get_info", "FAILED")]
    proc = run([write_log(tmp_path / "stale.log", pairs)])
    assert proc.returncode == 1
    assert ("abi-coverage: COVH.tsm_get_info FAILED: exempt in abi-coverage-exempt.yaml, "
            "but stale exercises it: remove the exemption") in proc.stderr


def test_pending_calls_are_listed_not_checked(tmp_path):
    proc = run([write_log(tmp_path / "all.log", required_pairs())])
    assert "COVH.run_tvm_vcpu" in proc.stdout and "COVG.get_evidence" in proc.stdout
    assert "MISSING COVH.run_tvm_vcpu" not in proc.stdout
