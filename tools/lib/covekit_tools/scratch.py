# SPDX-License-Identifier: GPL-2.0-only
"""Scratch directories the tools make in $TMPDIR, and what a killed run left.

tempdir(KIND) is codegen's owned_tempdir: $TMPDIR/covekit-KIND-PID-RANDOM,
locked as this process's while in use, removed afterwards.  A scratch
worktree of an upstream cache lives in one, which names the cache in its
.git-repos file.  A run killed with SIGKILL cannot remove its directories;
sweep(), run at the start of every tool that makes them, removes those whose
owner is dead and then runs `git worktree prune` in the caches they name, so
that git forgets the worktrees too.  A live run's directories stay.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

from covekit_codegen import api

from covekit_tools import git

REPOS = ".git-repos"  # cache repositories that have worktrees in this directory


def tempdir(kind: str) -> AbstractContextManager[Path]:
    """A scratch directory of this process (KIND: lowercase letters)."""
    return api.owned_tempdir(kind)


def note_repo(scratch: Path, repo: Path) -> None:
    """Record that SCRATCH holds a worktree of REPO (for sweep's prune)."""
    path = scratch / REPOS
    known = path.read_text().splitlines() if path.is_file() else []
    if str(repo) not in known:
        api.write_atomic(path, "".join(f"{r}\n" for r in [*known, str(Path(repo).absolute())]))


def _repos(scratch: Path) -> Iterator[Path]:
    try:
        lines = (scratch / REPOS).read_text().splitlines()
    except OSError:
        return
    yield from (Path(line) for line in lines if line.strip())


def sweep() -> list[Path]:
    """Remove the scratch directories of dead runs; prune the worktrees git
    still lists for them.  The directories removed."""
    repos: set[Path] = set()
    removed = api.sweep_tempdirs(lambda d: repos.update(_repos(d)))
    for repo in sorted(repos):
        if repo.is_dir():
            git.ok(repo, "worktree", "prune",
                   env={"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"})
    return removed
