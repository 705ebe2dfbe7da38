# SPDX-License-Identifier: GPL-2.0-only
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_bench_regen_prints_ratios_to_the_baseline():
    proc = subprocess.run([str(ROOT / "tools/bench"), "regen", "--runs", "1"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    rows = re.findall(r"^  (.+?)\s+([\d.]+) ms\s+([\d.]+)x$", proc.stdout, re.M)
    assert [r[0] for r in rows] == ["python3 -c pass", "tools/regen (no-op)",
                                    "tools/regen --full", "tools/regen --check"]
    assert rows[0][2] == "1.00"
    # A full regeneration loads and renders everything: dearer than the no-op.
    assert float(rows[2][1]) > float(rows[1][1])


def test_bench_rejects_an_unknown_benchmark():
    proc = subprocess.run([str(ROOT / "tools/bench"), "nothing"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2 and "invalid choice: 'nothing'" in proc.stderr


def test_bench_tsm_counts_instructions_and_boot_time():
    proc = subprocess.run([str(ROOT / "tools/bench"), "tsm", "--runs", "1"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    counts = dict(re.findall(r"^  (.+?)\s+(\d+)\s+[\d.]+x$", proc.stdout, re.M))
    direct = int(counts["BASE call from HS-mode straight to OpenSBI"])
    forwarded = int(counts["BASE call from VS-mode forwarded by the TSM"])
    null = int(counts["null COVH call from VS-mode (local_fence)"])
    # Forwarding costs the TSM's trap path on top of OpenSBI's own work.
    assert forwarded > direct > 0 and null > 0
    boots = re.findall(r"^  (OpenSBI -> .+?)\s+[\d.]+ ms\s+([\d.]+)x$", proc.stdout, re.M)
    assert [b[0] for b in boots] == ["OpenSBI -> payload (no TSM)",
                                     "OpenSBI -> TSM -> payload"]
    assert boots[0][1] == "1.00"


def test_bench_series_prints_the_ratio_to_plain_git():
    proc = subprocess.run([str(ROOT / "tools/bench"), "series", "--runs", "1"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("bench series: apply 50 patches: median of 1 run(s), "
                                  "ratio to 'git worktree add + git am'")
    rows = re.findall(r"^  (.+?)\s+([\d.]+) ms\s+([\d.]+)x$", proc.stdout, re.M)
    assert [r[0] for r in rows] == ["git worktree add + git am", "tools/series apply"]
    assert rows[0][2] == "1.00"


@pytest.mark.skipif(
    not Path("/usr/src/linux-source-6.12.tar.xz").exists()
    or shutil.which("riscv64-linux-gnu-gcc") is None,
    reason="builds the real kernel series: needs linux-source-6.12 and the riscv64 cross "
           "compiler (sudo tools/install-deps)")
def test_bench_verify_reports_both_runs_against_the_target():
    proc = subprocess.run([str(ROOT / "tools/upstream"), "import", "linux", "-q"],
                          capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run([str(ROOT / "tools/bench"), "verify", "--runs", "1"],
                          capture_output=True, text=True, timeout=3600)
    assert proc.returncode == 0, proc.stderr
    assert "target 60 s with a warm ccache; ratio to the target" in proc.stdout
    rows = re.findall(r"^  run 1 (cold-ish|warm) .+?([\d.]+) s\s+([\d.]+)x of 60 s$",
                      proc.stdout, re.M)
    assert [r[0] for r in rows] == ["cold-ish", "warm"]
    for _, seconds, ratio in rows:
        assert abs(float(seconds) / 60 - float(ratio)) < 0.01
