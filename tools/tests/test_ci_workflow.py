# SPDX-License-Identifier: GPL-2.0-only
"""The GitHub Actions workflow: tools/test's schema check rejects a broken
workflow (so it cannot silently pass), and the matrices match tools/test's
stages and the series in kernel-patches/."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from covekit_tools.series import manifest
from covekit_tools.series.store import DirStore
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github/workflows/ci.yml"
CHECK = Path(sys.executable).with_name("check-jsonschema")


def check(path: Path) -> subprocess.CompletedProcess[str]:
    """tools/test's check; a proxy that refuses connections proves it works offline."""
    env = dict(os.environ, HTTPS_PROXY="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9")
    return subprocess.run([str(CHECK), "--builtin-schema", "vendor.github-workflows", str(path)],
                          capture_output=True, text=True, env=env, timeout=120)


def workflow() -> dict:
    return YAML(typ="safe").load(WORKFLOW.read_text())


def test_the_workflow_is_valid_offline():
    proc = check(WORKFLOW)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "ok -- validation done" in proc.stdout


def test_the_check_catches_a_broken_workflow(tmp_path):
    text = WORKFLOW.read_text()
    assert text.count("    runs-on: ubuntu-24.04\n") == 2
    broken = tmp_path / "ci.yml"
    broken.write_text(text.replace("    runs-on: ubuntu-24.04\n", "", 1))  # job "stage"
    proc = check(broken)
    assert proc.returncode == 1
    assert "$.jobs.stage" in proc.stdout and "'runs-on' is a required property" in proc.stdout
    broken.write_text(text.replace("      - uses: actions/checkout@v4\n",
                                   "      - usse: actions/checkout@v4\n", 1))
    assert check(broken).returncode == 1


def test_tools_test_runs_the_check():
    script = (ROOT / "tools/test").read_text()
    assert "check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml" \
        in script


def test_the_stage_matrix_is_tools_test_stages_but_kernel():
    stages = re.search(r'^STAGES="([^"]+)"$', (ROOT / "tools/test").read_text(), re.M)
    assert stages, "tools/test has no STAGES= line"
    want = [s for s in stages.group(1).split() if s != "kernel"]  # the series jobs do it
    assert workflow()["jobs"]["stage"]["strategy"]["matrix"]["stage"] == want


def test_the_series_matrix_is_exactly_the_series_in_kernel_patches():
    root = ROOT / "kernel-patches"
    upstreams = manifest.known_upstreams(root / "upstreams.yaml")
    assert upstreams
    series = manifest.load_all(DirStore(root, "kernel-patches"), upstreams)
    assert series
    want = sorted((s.name, s.upstream) for s in series)
    include = workflow()["jobs"]["series"]["strategy"]["matrix"]["include"]
    assert sorted((job["series"], job["upstream"]) for job in include) == want
    assert all(upstream in upstreams for _, upstream in want)
