# SPDX-License-Identifier: GPL-2.0-only
"""Worktrees of the bare upstream cache repository, and git in them.

tools/series only ever writes to the cache repository: its branches
covekit/<series>, refs under refs/covekit/, and the worktrees it made (the
series worktree <cache>/worktrees/<series>, or --worktree DIR, and scratch
worktrees in $TMPDIR/covekit-worktree-PID-RANDOM that are removed when done,
or by the next run of a tool when their run was killed: covekit_tools.scratch).  Git runs
there with the user's global and system configuration hidden, so that a
format.signature, diff.noprefix or commit.gpgSign elsewhere cannot change
what it produces.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from covekit_codegen import api

from covekit_tools import git
from covekit_tools import scratch as scratch_dirs

from .errors import SeriesError

# Hide the user's ~/.gitconfig and /etc/gitconfig from git run in the cache.
HERMETIC = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
COMMITTER = {k: v for k, v in git.FIXED_IDENTITY.items() if k.startswith("GIT_COMMITTER_")}


def run(repo: Path, *args: str, input: str | bytes | None = None,
        env: Mapping[str, str] | None = None, check: bool = True, strip: bool = True) -> str:
    """git.run() with the hermetic environment, for the cache and its worktrees."""
    return git.run(repo, *args, input=input, env={**HERMETIC, **COMMITTER, **(env or {})},
                   check=check, strip=strip)


def ok(repo: Path, *args: str, env: Mapping[str, str] | None = None) -> bool:
    return git.ok(repo, *args, env={**HERMETIC, **COMMITTER, **(env or {})})


def rev(repo: Path, ref: str) -> str | None:
    """The commit id REF names in REPO, or None."""
    return run(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}",
               check=False) or None


def worktrees(repo: Path) -> dict[Path, str | None]:
    """Registered worktrees of REPO: path -> checked-out branch (None: detached)."""
    out = run(repo, "worktree", "list", "--porcelain")
    result: dict[Path, str | None] = {}
    path: Path | None = None
    for line in out.splitlines():
        if line.startswith("worktree "):
            path = Path(line[len("worktree "):]).resolve()
            result[path] = None
        elif line.startswith("branch ") and path is not None:
            result[path] = line[len("branch "):]
        elif line == "bare" and path is not None:
            result.pop(path, None)
    return result


def git_path(wt: Path, name: str) -> Path:
    """Where WT keeps its own state NAME (index.lock, rebase-apply, ...).

    Read from WT/.git (a worktree's "gitdir: DIR" file, or the directory
    itself) rather than by running git: prepare() asks five times."""
    dot = wt / ".git"
    try:
        if dot.is_dir():
            return dot / name
        text = dot.read_text(encoding="utf-8").strip()
    except OSError:
        text = ""
    if text.startswith("gitdir: "):
        return (wt / text[len("gitdir: "):]) / name
    path = Path(run(wt, "rev-parse", "--git-path", name))
    return path if path.is_absolute() else wt / path


def am_in_progress(wt: Path) -> bool:
    return (git_path(wt, "rebase-apply") / "applying").exists()


def am_position(wt: Path) -> tuple[int, int] | None:
    """(current patch, last patch), 1-based, of a stopped git am in WT."""
    state = git_path(wt, "rebase-apply")
    try:
        return (int((state / "next").read_text()), int((state / "last").read_text()))
    except (OSError, ValueError):
        return None


def rebase_in_progress(wt: Path) -> bool:
    return (git_path(wt, "rebase-merge").exists()
            or (git_path(wt, "rebase-apply").exists() and not am_in_progress(wt)))


def dirty(wt: Path) -> list[str]:
    """Uncommitted changes in WT (untracked files included, ignored files not)."""
    return run(wt, "status", "--porcelain").splitlines()


def refuse_dirty(wt: Path, what: str) -> None:
    changes = dirty(wt)
    if changes:
        shown = ", ".join(line[3:] for line in changes[:3]) + (", ..." if len(changes) > 3
                                                                else "")
        raise SeriesError(
            f"{wt} has uncommitted changes ({shown}); {what}",
            [f"commit them (then tools/series refresh), or discard them: "
             f"git -C {wt} reset --hard && git -C {wt} clean -fd"])


def check_no_lock(wt: Path) -> None:
    lock = git_path(wt, "index.lock")
    if lock.exists():
        raise SeriesError(f"{lock} exists: another git command is running in {wt}, or one "
                          f"crashed; if none is running, remove that file and rerun")


def abort_am(wt: Path) -> None:
    run(wt, "am", "--abort")


def prepare(repo: Path, wt: Path, branch: str, start: str) -> tuple[str | None, list[str]]:
    """WT, a worktree of REPO on BRANCH reset to START, ready for git am.

    A missing WT is created.  An existing one must be a worktree of REPO: a git
    am left stopped or interrupted there is aborted, then it must be clean.
    Returns BRANCH's previous tip (None if it did not exist) and notes for the
    user.
    """
    notes: list[str] = []
    run(repo, "worktree", "prune")
    registered = worktrees(repo)
    ref = f"refs/heads/{branch}"
    old_tip = rev(repo, ref)
    wt = wt.absolute()
    real = wt.resolve()
    elsewhere = [p for p, b in registered.items() if b == ref and p != real]
    if elsewhere:
        raise SeriesError(f"branch {branch} is checked out in {elsewhere[0]}, not {wt}",
                          [f"use --worktree {elsewhere[0]}, or remove that worktree: "
                           f"git -C {repo} worktree remove {elsewhere[0]}"])
    if real in registered:
        check_no_lock(wt)
        if rebase_in_progress(wt):
            raise SeriesError(f"a git rebase is in progress in {wt}; finish it "
                              f"(git rebase --continue) or abort it (git rebase --abort)")
        if am_in_progress(wt):
            abort_am(wt)
            notes.append(f"aborted the git am left stopped or interrupted in {wt}")
            if dirty(wt):
                notes.append(save_and_clean(repo, wt, branch))
        refuse_dirty(wt, "they would be lost")
        run(wt, "checkout", "--quiet", "-B", branch, start)
        return old_tip, notes
    if wt.exists() and (not wt.is_dir() or any(wt.iterdir())):
        raise SeriesError(f"{wt} exists and is not a worktree of the upstream cache {repo}; "
                          f"remove it or choose another --worktree")
    wt.parent.mkdir(parents=True, exist_ok=True)
    # not `worktree add -B`: it runs `git branch`, which refuses a repository
    # whose HEAD is outside refs/heads (the cache's is refs/covekit/upstream/NAME)
    run(repo, "update-ref", ref, start)
    run(repo, "worktree", "add", "--quiet", str(wt), branch)
    return old_tip, notes


def save_and_clean(repo: Path, wt: Path, branch: str) -> str:
    """Keep what an interrupted git am left in WT's files as a commit under
    refs/covekit/saved/, then make WT clean.  Returns a note for the user."""
    name = branch.removeprefix("covekit/")
    run(wt, "add", "--all")
    saved = run(wt, "stash", "create", "left by an interrupted git am")
    ref = f"refs/covekit/saved/{name}"
    if saved:
        run(repo, "update-ref", ref, saved)
    run(wt, "reset", "--quiet", "--hard")
    run(wt, "clean", "-fdq")
    return (f"saved what it left in the files as {ref} (git -C {wt} stash apply {ref} "
            f"brings it back)")


@contextmanager
def scratch(repo: Path, start: str) -> Iterator[Path]:
    """A temporary worktree of REPO, detached at START; removed afterwards
    (or, if this process is killed, by the next tool's scratch.sweep())."""
    with scratch_dirs.tempdir("worktree") as tmp:
        scratch_dirs.note_repo(tmp, repo)  # before git knows of it: sweep prunes it
        wt = tmp / "wt"
        try:
            run(repo, "worktree", "add", "--quiet", "--detach", str(wt), start)
            api.fault("kill-in-scratch")
            yield wt
        finally:
            if not ok(repo, "worktree", "remove", "--force", "--force", str(wt)):
                shutil.rmtree(wt, ignore_errors=True)
            run(repo, "worktree", "prune", check=False)


def reset(wt: Path, start: str) -> None:
    """Put a scratch worktree back at START (detached), dropping any git am state."""
    if am_in_progress(wt):
        abort_am(wt)
    run(wt, "checkout", "--quiet", "--force", "--detach", start)
    run(wt, "clean", "-fdxq")
