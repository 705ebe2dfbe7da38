# SPDX-License-Identifier: GPL-2.0-only
"""Compare a series as it is now with the series as it was at an earlier
commit of the covekit repository, with git range-diff.

Both versions are read (the old one with `git show REV:kernel-patches/...`),
applied onto their own bases in one scratch worktree of the upstream cache,
and the two ranges of commits compared.
"""

from __future__ import annotations

from pathlib import Path

from covekit_tools import git

from . import apply, manifest, worktree
from .context import Context
from .errors import SeriesError
from .manifest import Series
from .store import GitStore


def old_version(ctx: Context, name: str, rev: str) -> tuple[Series, str]:
    """Series NAME as committed at REV of the repository holding the series
    directory, and REV's commit id."""
    root = ctx.series_root
    if not git.ok(root, "rev-parse", "--is-inside-work-tree"):
        raise SeriesError(f"{ctx.display(root)} is not in a git repository; range-diff "
                          f"compares with a commit of it")
    top = Path(git.run(root, "rev-parse", "--show-toplevel"))
    prefix = git.run(root, "rev-parse", "--show-prefix").rstrip("/")
    if not git.ok(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"):
        raise SeriesError(f"{rev!r} is not a commit of {top}")
    commit = git.run(top, "rev-parse", "--verify", f"{rev}^{{commit}}")
    store = GitStore(top, commit, prefix)
    if name not in store.names():
        raise SeriesError(f"there is no series {name!r} at {rev} ({commit[:12]})")
    return manifest.load(store, name), commit


def range_diff(ctx: Context, series: Series, rev: str) -> str:
    """`tools/series range-diff`: git range-diff of the series at REV against now."""
    old, _ = old_version(ctx, series.name, rev)
    repo, old_base = apply.upstream(ctx, old)
    new_repo, new_base = apply.upstream(ctx, series)
    if new_repo.resolve() != repo.resolve():
        raise SeriesError(f"{series.name} moved from upstream {old.upstream} to "
                          f"{series.upstream}; range-diff needs both in one cache repository")
    with worktree.scratch(repo, old_base) as wt:
        try:
            before = apply.apply_chain(wt, repo, old_base, apply.chain(old.store, old))
        except apply.AmStopped as err:
            raise SeriesError(f"the version at {rev}: {err}") from None
        worktree.reset(wt, new_base)
        after = apply.apply_chain(wt, repo, new_base, apply.chain(series.store, series))
        return worktree.run(repo, "range-diff", "--no-color",
                            f"{before.prereq_tip}..{before.tip}",
                            f"{after.prereq_tip}..{after.tip}", strip=False)
