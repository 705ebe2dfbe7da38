# SPDX-License-Identifier: GPL-2.0-only
"""tools/series apply: reproducible commits, worktree hygiene, a failed apply
left resumable, an interrupted one recovered."""

from __future__ import annotations

from covekit_tools.series import apply, worktree
from test_series_support import make_world, sh


def refs(w) -> str:
    """Every ref of the cache outside tools/series' own namespaces."""
    return "\n".join(line for line in sh(w.bare, "for-each-ref").splitlines()
                     if "refs/heads/covekit/" not in line and "refs/covekit/" not in line)


def test_apply_makes_a_branch_with_reproducible_commits(tmp_path):
    w = make_world(tmp_path)
    user_refs = refs(w)
    status, out, err = w.cli("apply", "demo")
    assert status == 0, err
    wt = w.ctx.worktree_dir("demo")
    tip = w.rev("covekit/demo")
    assert f"in {wt}, branch covekit/demo at {tip[:12]}" in out
    assert sh(wt, "rev-parse", "--abbrev-ref", "HEAD") == "covekit/demo"
    assert sh(wt, "log", "--format=%cn <%ce> %cI %aI", "-1") == (
        "covekit <covekit@invalid> 2026-01-07T12:00:00+01:00 2026-01-07T12:00:00+01:00")
    assert sh(wt, "rev-list", "--count", f"{w.base}..HEAD") == "7"
    # the same patches on the same base give the same commits, in any worktree
    with apply.scratch_applied(w.ctx, w.series()) as applied:
        assert applied.tip == tip
        assert [e.file for e, _ in applied.patches()] == [p.file for p in w.series().patches]
    other = tmp_path / "elsewhere"
    status, out, err = w.cli("apply", "demo", "--worktree", str(other))
    assert status == 1 and "branch covekit/demo is checked out in" in err
    # the user's own branches and tags are untouched
    assert refs(w) == user_refs
    # a clean worktree is reused: the branch is reset and the patches applied again
    status, out, _ = w.cli("apply", "demo")
    assert status == 0 and w.rev("covekit/demo") == tip


def test_apply_refuses_a_dirty_worktree(tmp_path):
    w = make_world(tmp_path, patches=2)
    assert w.cli("apply", "demo")[0] == 0
    wt = w.ctx.worktree_dir("demo")
    (wt / "f1.c").write_text("my work in progress\n")
    status, _, err = w.cli("apply", "demo")
    assert status == 1
    assert err.splitlines()[0] == (f"series: {wt} has uncommitted changes (f1.c); they would "
                                   f"be lost")
    assert (wt / "f1.c").read_text() == "my work in progress\n"
    # refresh refuses it too: the change would not be in the patches
    status, _, err = w.cli("refresh", "demo")
    assert status == 1 and "has uncommitted changes" in err


def test_apply_refuses_a_directory_that_is_not_its_worktree(tmp_path):
    w = make_world(tmp_path, patches=1)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me\n")
    status, _, err = w.cli("apply", "demo", "--worktree", str(mine))
    assert status == 1 and "is not a worktree of the upstream cache" in err
    assert (mine / "notes.txt").read_text() == "keep me\n"


def test_failed_apply_leaves_a_resumable_git_am(tmp_path):
    w = make_world(tmp_path, patches=3)
    good = (w.series_dir / "0002-f2-patch-line-10.patch").read_bytes()
    (w.series_dir / "0002-f2-patch-line-10.patch").write_bytes(
        good.replace(b" f2 line 9\n", b" f2 line nine\n"))
    user_refs = refs(w)
    status, out, err = w.cli("apply", "demo")
    wt = w.ctx.worktree_dir("demo")
    assert status == 1
    lines = err.splitlines()
    assert lines[0].startswith("series: 0002-f2-patch-line-10.patch (patch 2/3) of demo does "
                               "not apply: error: patch failed: f2.c:7")
    assert f"  git am stopped in {wt} on branch covekit/demo." in lines
    assert f"    cd {wt} && git am --continue" in lines
    assert "  and write the result back with: tools/series refresh demo" in lines
    assert (f"  To give up: tools/series apply --abort demo  (or: cd {wt} && git am --abort)"
            in lines)
    assert worktree.am_in_progress(wt)
    assert sh(wt, "rev-list", "--count", f"{w.base}..HEAD") == "1"
    assert refs(w) == user_refs

    # resume as told: fix the patch by hand, git am --continue, refresh
    (w.series_dir / "0002-f2-patch-line-10.patch").write_bytes(good)
    sh(wt, "apply", "--index", str(w.series_dir / "0002-f2-patch-line-10.patch"))
    sh(wt, "am", "--continue")
    assert not worktree.am_in_progress(wt)
    assert sh(wt, "rev-list", "--count", f"{w.base}..HEAD") == "3"
    (w.series_dir / "0002-f2-patch-line-10.patch").write_bytes(b"broken again\n")
    status, out, err = w.cli("refresh", "demo")
    assert status == 0, err
    assert out.splitlines() == ["wrote 0002-f2-patch-line-10.patch"]
    assert (w.series_dir / "0002-f2-patch-line-10.patch").read_bytes() == good


def test_apply_abort(tmp_path):
    w = make_world(tmp_path, patches=2)
    path = w.series_dir / "0001-f1-patch-line-10.patch"
    path.write_bytes(path.read_bytes().replace(b" f1 line 9\n", b" f1 line nine\n"))
    assert w.cli("apply", "demo")[0] == 1
    wt = w.ctx.worktree_dir("demo")
    status, out, _ = w.cli("apply", "--abort", "demo")
    assert status == 0 and out == f"aborted the git am in {wt}\n"
    assert not worktree.am_in_progress(wt) and not worktree.dirty(wt)
    assert w.cli("apply", "--abort", "demo")[1] == f"no git am in progress in {wt}\n"


def test_rerun_recovers_an_interrupted_apply(tmp_path):
    w = make_world(tmp_path, patches=3)
    assert w.cli("apply", "demo")[0] == 0
    tip = w.rev("covekit/demo")
    wt = w.ctx.worktree_dir("demo")
    # what Ctrl-C or a crash in the middle of git am leaves: a git am in
    # progress, the worktree half way, files changed
    sh(wt, "reset", "-q", "--hard", w.base)
    patches = sorted(str(p) for p in w.series_dir.glob("*.patch"))
    sh(wt, "am", "-q", patches[0])
    (wt / "f2.c").write_text("half written\n")
    state = worktree.git_path(wt, "rebase-apply")
    state.mkdir()
    for name, value in {"next": "2", "last": "3", "applying": ""}.items():
        (state / name).write_text(value + "\n" if value else "")
    (state / "0002").write_bytes((w.series_dir / "0002-f2-patch-line-10.patch").read_bytes())
    sh(wt, "update-ref", "ORIG_HEAD", w.base)
    assert worktree.am_in_progress(wt)
    status, out, err = w.cli("apply", "demo")
    assert status == 0, err
    assert f"note: aborted the git am left stopped or interrupted in {wt}" in out
    assert "note: saved what it left in the files as refs/covekit/saved/demo" in out
    assert w.rev("covekit/demo") == tip
    assert not worktree.am_in_progress(wt) and not worktree.dirty(wt)
    assert sh(w.bare, "show", "refs/covekit/saved/demo:f2.c") == "half written"


def test_ctrl_c_during_apply_says_how_to_recover(tmp_path, monkeypatch):
    w = make_world(tmp_path, patches=2)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(apply, "am", interrupted)
    status, _, err = w.cli("apply", "demo")
    assert status == 130
    assert err.startswith("series: interrupted; rerun the command")
    monkeypatch.undo()
    assert w.cli("apply", "demo")[0] == 0
