# SPDX-License-Identifier: GPL-2.0-only
import re
import subprocess
from pathlib import Path

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
