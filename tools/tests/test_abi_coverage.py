# SPDX-License-Identifier: GPL-2.0-only
"""tools/abi-coverage: fails on a declared pair nobody exercised, and on an
exemption a test makes stale."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

import pytest
from covekit_tools import abi_coverage

ROOT = Path(__file__).resolve().parents[2]
# The real reader, for the tests that point abi-coverage at another spec.
DECLARED = abi_coverage.declared_pairs


def required_pairs(root: Path = ROOT) -> list[tuple[str, str]]:
    pairs, implemented = DECLARED(root)
    exempt = abi_coverage.exemptions()
    return [p for p in pairs if implemented[p[0]] and p not in exempt]


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
    assert "COVH.tvm_initiate_fence" in proc.stdout and "COVG.get_evidence" in proc.stdout
    assert "MISSING COVH.tvm_initiate_fence" not in proc.stdout


def test_what_is_demanded_follows_the_spec():
    pairs, implemented = abi_coverage.declared_pairs()
    assert implemented["COVH.convert_pages"] and not implemented["COVH.tvm_initiate_fence"]
    # No guest or interrupt call yet; NACL's set_shmem and probe are the host's.
    assert not any(implemented[k] for k in implemented if k.startswith(("COVG.", "COVI.")))
    assert implemented["NACL.set_shmem"]
    required = {c for c, _ in required_pairs()}
    assert "COVH.convert_pages" in required and "COVH.tvm_initiate_fence" not in required


def flip(root: Path, call: str, to: bool) -> None:
    """Set call's 'implemented' in root's copy of spec/cove.yaml."""
    path = root / "spec/cove.yaml"
    text = path.read_text()
    head = f"      - name: {call}\n"
    start = text.index(head) + len(head)
    old = f"        implemented: {str(not to).lower()}\n"
    at = text.index(old, start)
    assert "      - name:" not in text[start:at], f"{call} has no {old.strip()!r}"
    path.write_text(text[:at] + f"        implemented: {str(to).lower()}\n"
                    + text[at + len(old):])


@pytest.fixture
def flipped(tmp_path, monkeypatch) -> Path:
    """A copy of the spec where create_tvm is pending and tvm_initiate_fence is
    implemented; abi-coverage reads it instead of the checkout's."""
    root = tmp_path / "checkout"
    shutil.copytree(ROOT / "spec", root / "spec")
    flip(root, "create_tvm", False)
    flip(root, "tvm_initiate_fence", True)
    monkeypatch.setattr(abi_coverage, "declared_pairs", functools.partial(DECLARED, root))
    return root


def test_a_pending_call_is_not_demanded(flipped, tmp_path, capsys):
    # Every pair of the real spec except create_tvm's, which is pending in
    # the copy; tvm_initiate_fence's are exercised too, so nothing else is missing.
    pairs = [p for p in required_pairs() if p[0] != "COVH.create_tvm"]
    pairs += [p for p in required_pairs(flipped) if p[0] == "COVH.tvm_initiate_fence"]
    assert abi_coverage.main([str(write_log(tmp_path / "all.log", pairs))]) == 0
    out = capsys.readouterr().out
    assert "COVH.create_tvm" in out.splitlines()[-2]  # "(N calls not implemented ...)"
    assert "MISSING COVH.create_tvm" not in out
    assert out.splitlines()[-1].endswith(" 0 missing")


def test_an_implemented_call_nobody_exercised_is_missing(flipped, tmp_path, capsys):
    pairs = [p for p in required_pairs() if p[0] != "COVH.create_tvm"]
    assert abi_coverage.main([str(write_log(tmp_path / "most.log", pairs))]) == 1
    out = capsys.readouterr().out.splitlines()
    expected = [f"  MISSING {c} {e}" for c, e in DECLARED(flipped)[0]
                if c == "COVH.tvm_initiate_fence"]
    assert expected and [line for line in out if "MISSING" in line] == expected
    assert out[-1].endswith(f" {len(expected)} missing")
