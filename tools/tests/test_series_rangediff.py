# SPDX-License-Identifier: GPL-2.0-only
"""tools/series range-diff between two commits of a covekit repository, and
the covekit checkout's own uncommitted changes protected."""

from __future__ import annotations

import re

from test_series_support import make_world, sh


def test_range_diff_against_an_earlier_covekit_commit(tmp_path):
    w = make_world(tmp_path, patches=3)
    covekit = w.ctx.root
    sh(covekit, "init", "-q", "-b", "main")
    sh(covekit, "add", "-A")
    sh(covekit, "commit", "-q", "-m", "kernel-patches: demo v2")

    assert w.cli("apply", "demo")[0] == 0
    wt = w.ctx.worktree_dir("demo")
    commits = sh(wt, "rev-list", "--reverse", f"{w.base}..HEAD").split()
    sh(wt, "reset", "-q", "--hard", commits[1])
    (wt / "f2.c").write_text((wt / "f2.c").read_text().replace("line 12", "line twelve"))
    sh(wt, "commit", "-q", "-a", "--amend", "--no-edit")
    sh(wt, "cherry-pick", commits[2])
    assert w.cli("refresh", "demo")[0] == 0
    sh(covekit, "commit", "-q", "-a", "-m", "kernel-patches: demo: rework patch 2")

    status, out, err = w.cli("range-diff", "demo", "--from", "HEAD~1")
    assert status == 0, err
    marks = re.findall(r"^(\d+):  [0-9a-f]+ ([=!<>]) (\d+):  [0-9a-f]+ (.*)$", out, re.M)
    assert marks == [("1", "=", "1", "f1: patch line 10"), ("2", "!", "2", "f2: patch line 10"),
                     ("3", "=", "3", "f3: patch line 10")]
    assert "    ++f2 line twelve\n" in out

    status, _, err = w.cli("range-diff", "demo", "--from", "nonsense")
    assert status == 1 and err.startswith("series: 'nonsense' is not a commit of ")
    status, _, err = w.cli("range-diff", "demo", "--from", "HEAD~2")
    assert status == 1 and "is not a commit" in err


def test_rewriting_commands_refuse_uncommitted_series_changes(tmp_path):
    w = make_world(tmp_path, patches=2)
    covekit = w.ctx.root
    sh(covekit, "init", "-q", "-b", "main")
    sh(covekit, "add", "-A")
    sh(covekit, "commit", "-q", "-m", "kernel-patches: demo")
    patch = w.series_dir / "0002-f2-patch-line-10.patch"
    patch.write_bytes(patch.read_bytes().replace(b"Body of patch 2.", b"Edited by hand."))
    status, _, err = w.cli("refresh", "demo", "--from", "series")
    assert status == 1
    assert err == ("series: kernel-patches/demo/ has uncommitted changes; commit or stash them "
                   "first (this command rewrites those files)\n")
    assert b"Edited by hand." in patch.read_bytes()
    status, _, err = w.cli("rebase", "demo", "--onto", "v2-calm", "--record")
    assert status == 1 and "has uncommitted changes" in err
