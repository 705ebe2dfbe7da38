# SPDX-License-Identifier: GPL-2.0-only
"""tools/series with the real tools/upstream cache: a `source: git` upstream
imported from the synthetic upstream repository, then the front end."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from test_series_support import make_world

ROOT = Path(__file__).resolve().parents[2]


def test_series_against_an_imported_upstream(tmp_path):
    w = make_world(tmp_path, patches=7)
    upstreams = tmp_path / "upstreams.yaml"
    env = dict(os.environ, COVEKIT_CACHE=str(tmp_path / "real-cache"),
               COVEKIT_UPSTREAMS=str(upstreams), COVEKIT_SERIES_DIR=str(w.ctx.series_root),
               COVEKIT_BUILD=str(tmp_path / "build"))

    def tool(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(ROOT / "tools" / argv[0]), *argv[1:]], env=env,
                              capture_output=True, text=True, timeout=120)

    def point_at(ref: str, describe: str) -> None:
        upstreams.write_text(f"upstreams:\n  linux:\n    source: git\n    git: {w.src}\n"
                             f"    ref: {ref}\n    describe: {describe}\n")

    point_at("master", "v1")
    proc = tool("series", "apply", "demo")
    assert proc.returncode == 1
    assert proc.stderr == ("series: upstream 'linux' is not in the cache; run: "
                           "tools/upstream import linux\n")
    assert tool("upstream", "import", "linux").returncode == 0
    proc = tool("series", "apply", "demo")
    assert proc.returncode == 0, proc.stderr
    assert "applied 7 patches of demo onto v1" in proc.stdout
    proc = tool("series", "refresh", "demo")
    assert (proc.returncode, proc.stdout) == (0, "nothing changed (7 patches as they were)\n")

    # upstream moves on; rebase without --onto goes to its new commit
    point_at("calm", "v2-calm")
    assert tool("upstream", "import", "linux").returncode == 0
    proc = tool("series", "rebase", "demo", "--record")
    assert proc.returncode == 0, proc.stderr
    assert "onto v2-calm (" in proc.stdout and "recorded:" in proc.stdout
    series = w.series()
    assert (series.base_commit, series.base_describe) == (w.rev("calm"), "v2-calm")
    assert len(series.patches) == 6
