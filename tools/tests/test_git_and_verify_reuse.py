# SPDX-License-Identifier: GPL-2.0-only
"""git.run's contract on plain subprocess, git_path without running git, and
what tools/series verify keeps between runs (worktree, config key, .config)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from covekit_tools import git
from covekit_tools.series import verify, worktree
from covekit_tools.series.errors import SeriesError
from test_series_support import make_world, sh


def test_git_run_output_input_and_errors(tmp_path: Path):
    sh(tmp_path, "init", "-q")
    # one trailing newline stripped, unless strip=False
    assert git.run(tmp_path, "rev-parse", "--is-inside-work-tree") == "true"
    assert git.run(tmp_path, "rev-parse", "--is-inside-work-tree", strip=False) == "true\n"
    # input goes to git's stdin, bytes that are not UTF-8 survive the round trip
    raw = b"caf\xe9\n"
    blob = git.run(tmp_path, "hash-object", "-w", "--stdin", input=raw)
    assert git.run(tmp_path, "cat-file", "blob", blob, strip=False).encode(
        "utf-8", "surrogateescape") == raw
    # no input: stdin is empty, never the caller's terminal
    assert git.run(tmp_path, "hash-object", "--stdin") == git.run(
        tmp_path, "hash-object", "--stdin", input=b"")
    with pytest.raises(git.GitError) as err:
        git.run(tmp_path, "rev-parse", "--verify", "no-such-ref")
    assert err.value.status == 128 and "fatal: Needed a single revision" in str(err.value)
    assert git.run(tmp_path, "rev-parse", "--verify", "no-such-ref", check=False) == ""
    assert not git.ok(tmp_path, "rev-parse", "--verify", "no-such-ref")


def test_git_run_in_a_missing_directory_is_a_git_error(tmp_path: Path):
    with pytest.raises(git.GitError, match="cannot run git in"):
        git.run(tmp_path / "gone", "status")
    assert not git.ok(tmp_path / "gone", "status")


def test_git_path_agrees_with_git(tmp_path: Path):
    w = make_world(tmp_path, patches=1)
    linked = tmp_path / "linked"
    sh(w.bare, "worktree", "add", "-q", "--detach", str(linked), w.base)
    for wt in (w.src, linked):
        for name in ("rebase-apply", "rebase-merge", "index.lock"):
            said = Path(sh(wt, "rev-parse", "--git-path", name))
            said = said if said.is_absolute() else wt / said
            assert worktree.git_path(wt, name).resolve() == said.resolve(), (wt, name)


@pytest.fixture
def world(tmp_path: Path):
    return make_world(tmp_path, patches=2)


def test_the_verify_worktree_is_kept_and_only_changed_files_are_rewritten(world):
    w = world
    series = w.series()
    with verify.verify_worktree(w.ctx, w.bare, series, w.base) as wt:
        first = wt
        sh(wt, "am", "-q", *(str(w.series_dir / e.file) for e in series.patches))
        (wt / "untracked.o").write_text("left over")
    st = (first / "f7.c").stat()  # no patch touches f7.c
    with verify.verify_worktree(w.ctx, w.bare, series, w.base) as wt:
        assert wt == first
        assert sh(wt, "rev-parse", "HEAD") == w.base
        assert sh(wt, "status", "--porcelain", "--ignored") == ""
        now = (wt / "f7.c").stat()  # not rewritten: make keeps its object
        assert (now.st_ino, now.st_mtime_ns) == (st.st_ino, st.st_mtime_ns)
        assert "patched" not in (wt / "f1.c").read_text()


def test_a_verify_worktree_left_stopped_or_removed_is_recovered(world):
    w = world
    series = w.series()
    with verify.verify_worktree(w.ctx, w.bare, series, w.base) as wt:
        (wt / "f1.c").write_text("conflicting\n")
        sh(wt, "commit", "-qam", "x")
        with pytest.raises(git.GitError):
            git.run(wt, "am", "-q", str(w.series_dir / series.patches[0].file))
    with verify.verify_worktree(w.ctx, w.bare, series, w.base) as wt:
        assert not worktree.am_in_progress(wt) and sh(wt, "rev-parse", "HEAD") == w.base
    sh(w.bare, "worktree", "remove", "--force", str(wt))
    with verify.verify_worktree(w.ctx, w.bare, series, w.base) as again:
        assert again == wt and sh(again, "rev-parse", "HEAD") == w.base


def test_two_verifies_of_one_series_do_not_share_the_worktree(world):
    w = world
    series = w.series()
    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with verify.verify_worktree(w.ctx, w.bare, series, w.base):
            inside.set()
            release.wait(30)

    t = threading.Thread(target=hold)
    t.start()
    try:
        assert inside.wait(30)
        with (pytest.raises(SeriesError, match="another tools/series verify demo is running"),
              verify.verify_worktree(w.ctx, w.bare, series, w.base)):
            pass
    finally:
        release.set()
        t.join()


def test_the_config_key_follows_fragment_and_tree(world, tmp_path: Path):
    w = world
    fragment = tmp_path / "frag.config"
    fragment.write_text("CONFIG_A=y\n")
    with verify.verify_worktree(w.ctx, w.bare, w.series(), w.base) as wt:
        key = verify.config_key(wt, fragment)
        assert verify.config_key(wt, fragment) == key
        fragment.write_text("CONFIG_A=n\n")
        assert verify.config_key(wt, fragment) != key
        fragment.write_text("CONFIG_A=y\n")
        sh(wt, "am", "-q", str(w.series_dir / w.series().patches[0].file))
        assert verify.config_key(wt, fragment) != key  # another tree: another Kconfig


def test_write_if_changed_keeps_an_unchanged_files_mtime(tmp_path: Path):
    path = tmp_path / ".config"
    path.write_bytes(b"CONFIG_A=y\n")
    os.utime(path, (1_000_000_000, 1_000_000_000))
    verify.write_if_changed(path, b"CONFIG_A=y\n")
    assert path.stat().st_mtime == 1_000_000_000
    verify.write_if_changed(path, b"CONFIG_A=n\n")
    assert path.read_bytes() == b"CONFIG_A=n\n" and path.stat().st_mtime > 1_000_000_000
