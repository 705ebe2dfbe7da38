# SPDX-License-Identifier: GPL-2.0-only
"""Apply a series (after its prerequisites) onto a base commit with git am.

Commits are reproducible: the committer is git.FIXED_IDENTITY and the
committer date is each patch's author date, so the same patches on the same
base give the same commit ids on every machine.

For other tools (tools/series verify): ``with scratch_applied(ctx, series) as
applied:`` gives a temporary worktree with the series applied;
``applied.patches()`` pairs every PatchEntry with its commit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from covekit_codegen import api

from covekit_tools import git, scratch

from . import manifest, worktree
from .context import Context
from .errors import ManifestError, SeriesError
from .manifest import PatchEntry, Series
from .store import DirStore, Store


@dataclass(frozen=True)
class Item:
    """One patch file to apply, and the series it belongs to."""

    series: Series
    entry: PatchEntry
    path: Path


@dataclass
class Applied:
    """A series applied in a worktree of the upstream cache."""

    series: Series
    repo: Path                 # the bare upstream cache repository
    worktree: Path
    base: str                  # the upstream commit under everything
    prereq_tip: str            # the commit after the prerequisite series (base if none)
    commits: tuple[str, ...]   # one per patch of the series, in order

    @property
    def tip(self) -> str:
        return self.commits[-1] if self.commits else self.prereq_tip

    def patches(self) -> Iterator[tuple[PatchEntry, str]]:
        """Each patch of the series with the commit it became."""
        yield from zip(self.series.patches, self.commits, strict=True)


class AmStopped(SeriesError):
    """git am stopped at a patch; the worktree is left in git am's stopped state."""

    def __init__(self, item: Item, position: int, total: int, worktree: Path, reason: str):
        self.item, self.position, self.total = item, position, total
        self.worktree, self.reason = worktree, reason
        super().__init__(f"{item.entry.file} (patch {position}/{total}) of "
                         f"{item.series.name} does not apply: {reason}")


def store_of(ctx: Context) -> DirStore:
    return DirStore(ctx.series_root, ctx.display(ctx.series_root))


def load(ctx: Context, name: str, patch_files: bool = True) -> Series:
    """Series NAME of the series directory, checked; its patch files too
    unless PATCH_FILES is false (refresh, which rewrites them)."""
    return manifest.load(store_of(ctx), name, manifest.known_upstreams(ctx.upstreams),
                         patch_files)


def chain(store: Store, series: Series) -> list[Series]:
    """SERIES's prerequisite series (recursively, each once, in order), then SERIES."""
    order: list[Series] = []
    by_id: dict[str, Series] = {}
    broken: list[ManifestError] = []

    def visit(s: Series, path: tuple[str, ...]) -> None:
        if s.change_id in path:
            raise SeriesError(f"prerequisites of {series.name} form a cycle: "
                              f"{' -> '.join((*path, s.change_id))}")
        for cid in s.prerequisites:
            if not by_id:
                for name in store.names():
                    try:
                        other = manifest.load(store, name)
                    except ManifestError as err:
                        broken.append(err)
                        continue
                    by_id.setdefault(other.change_id, other)
            dep = by_id.get(cid)
            if dep is None:
                if broken:   # perhaps the prerequisite is the series that does not load
                    raise ManifestError([p for err in broken for p in err.problems])
                raise SeriesError(f"{s.manifest}: prerequisite {cid} is not a series of "
                                  f"this directory")
            visit(dep, (*path, s.change_id))
        if all(x.change_id != s.change_id for x in order):
            order.append(s)

    visit(series, ())
    return order


def upstream(ctx: Context, series: Series, onto: str | None = None) -> tuple[Path, str]:
    """The cache repository of SERIES's upstream and the base commit to use:
    ONTO (a ref or commit of the cache) when given, else the series' base."""
    repo, _ = ctx.resolve(series.upstream)
    if onto is not None:
        commit = worktree.rev(repo, onto)
        if commit is None:
            raise SeriesError(f"{onto!r} is not a commit of the {series.upstream} upstream "
                              f"cache {repo}")
        return repo, commit
    if worktree.rev(repo, series.base_commit) != series.base_commit:
        raise SeriesError(f"the base of {series.name}, {series.base_describe} "
                          f"({series.base_commit[:12]}), is not in the {series.upstream} "
                          f"upstream cache {repo}",
                          [f"import that version of {series.upstream} "
                           f"(tools/upstream import {series.upstream}), or rebase the series: "
                           f"tools/series rebase {series.name}"])
    return repo, series.base_commit


UPSTREAM_REFS = "refs/covekit/upstream/"   # tools/upstream's: NAME and NAME-DESCRIBE


def describe(repo: Path, commit: str, series: Series | None = None) -> str:
    """A name for COMMIT: the series' base describe, the describe tools/upstream
    imported it as, a tag, or the short id."""
    if series is not None and commit == series.base_commit:
        return series.base_describe
    if series is not None:
        prefix = f"{UPSTREAM_REFS}{series.upstream}-"
        for ref in worktree.run(repo, "for-each-ref", "--format=%(refname)",
                                f"--points-at={commit}", UPSTREAM_REFS).splitlines():
            if ref.startswith(prefix):
                return ref[len(prefix):]
    return worktree.run(repo, "describe", "--tags", "--always", "--abbrev=12", commit)


@contextmanager
def files(series_list: Sequence[Series]) -> Iterator[list[Item]]:
    """Every patch of SERIES_LIST as a file on disk (copied out when the store
    is a git commit)."""
    with scratch.tempdir("patches") as tmp:
        items = []
        for s in series_list:
            for entry in s.patches:
                directory = s.dir
                if directory is not None:
                    path = directory / entry.file
                else:
                    path = tmp / s.name / entry.file
                    api.write_atomic(path, s.read(entry.file))
                items.append(Item(s, entry, path))
        yield items


def am(wt: Path, paths: Sequence[Path], *, three_way: bool = False,
       context: int | None = None) -> None:
    """git am PATHS in WT, reproducibly; GitError when it stops."""
    args = ["am", "--quiet", "--committer-date-is-author-date", "--whitespace=nowarn",
            "--no-gpg-sign", "--3way" if three_way else "--no-3way"]
    if context is not None:
        args.append(f"-C{context}")
    worktree.run(wt, *args, *(str(p) for p in paths))


def git_reason(err: git.GitError) -> str:
    """The line of git's complaint that says why a patch did not apply."""
    lines = [ln.strip() for ln in err.stderr.splitlines() if ln.strip()]
    for pattern in (r"^error: patch failed: ", r"^error: .*: (patch does not apply|does not "
                    r"exist|already exists)", r"^error: ", r"^fatal: "):
        for line in lines:
            if re.match(pattern, line):
                return line
    return lines[0] if lines else str(err)


def apply_chain(wt: Path, repo: Path, base: str, series_list: Sequence[Series]) -> Applied:
    """git am every patch of SERIES_LIST (prerequisites first) in WT, which is at BASE.

    AmStopped, leaving WT in git am's stopped state, when one does not apply.
    """
    target = series_list[-1]
    with files(series_list) as items:
        if items:
            try:
                am(wt, [i.path for i in items])
            except git.GitError as err:
                pos = worktree.am_position(wt) or (1, len(items))
                raise AmStopped(items[pos[0] - 1], pos[0], len(items), wt,
                                git_reason(err)) from None
    commits = worktree.run(wt, "rev-list", "--reverse", f"{base}..HEAD").split()
    if len(commits) != len(items):
        raise SeriesError(f"applying {target.name} in {wt} made {len(commits)} commits for "
                          f"{len(items)} patches")
    own = len(target.patches)
    prereq_tip = commits[len(commits) - own - 1] if len(commits) > own else base
    return Applied(target, repo, wt, base, prereq_tip, tuple(commits[len(commits) - own:]))


@contextmanager
def scratch_applied(ctx: Context, series: Series, onto: str | None = None,
                    store: Store | None = None) -> Iterator[Applied]:
    """A temporary worktree with SERIES (and its prerequisites) applied onto its
    base, or ONTO; removed afterwards.  SeriesError if a patch does not apply."""
    repo, base = upstream(ctx, series, onto)
    stack = chain(store or series.store, series)
    with worktree.scratch(repo, base) as wt:
        yield apply_chain(wt, repo, base, stack)


def apply_series(ctx: Context, series: Series, *, onto: str | None = None,
                 wt: Path | None = None) -> tuple[Applied, list[str]]:
    """`tools/series apply`: SERIES applied in its worktree on branch covekit/<series>.

    Returns the result and notes for the user; AmStopped (with the commands to
    resume or abort as its hint) when a patch does not apply.
    """
    repo, base = upstream(ctx, series, onto)
    stack = chain(series.store, series)
    wt = (wt or ctx.worktree_dir(series.name)).absolute()
    branch = branch_of(series)
    old_tip, notes = worktree.prepare(repo, wt, branch, base)
    try:
        applied = apply_chain(wt, repo, base, stack)
    except AmStopped as err:
        refresh = f"tools/series refresh {series.name}"
        if base != series.base_commit:
            refresh += f" --base {base}"
        err.hint = [
            f"git am stopped in {wt} on branch {branch}.",
            "To go on: fix the files there (git am --show-current-patch=diff shows the patch), "
            "git add them, then",
            f"  cd {wt} && git am --continue",
            f"and write the result back with: {refresh}",
            f"To give up: tools/series apply --abort {series.name}  (or: cd {wt} && "
            f"git am --abort)",
        ]
        raise
    if old_tip and old_tip != applied.tip:
        worktree.run(repo, "update-ref", f"refs/covekit/previous/{series.name}", old_tip)
        notes.append(f"{branch} was at {old_tip[:12]}; kept as "
                     f"refs/covekit/previous/{series.name}")
    return applied, notes


def branch_of(series: Series) -> str:
    return f"covekit/{series.name}"


def abort(ctx: Context, series: Series, wt: Path | None = None) -> str:
    """`tools/series apply --abort`: abort a git am stopped in the series worktree."""
    wt = (wt or ctx.worktree_dir(series.name)).absolute()
    if not wt.is_dir() or not git.ok(wt, "rev-parse", "--git-dir"):
        raise SeriesError(f"{wt} is not a worktree; nothing to abort")
    if not worktree.am_in_progress(wt):
        return f"no git am in progress in {wt}"
    worktree.abort_am(wt)
    return f"aborted the git am in {wt}"
