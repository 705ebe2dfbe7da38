# SPDX-License-Identifier: GPL-2.0-only
"""Write a branch's commits back into a series directory.

`git format-patch` of the commits since the series base (after its
prerequisites) gives the new patch files, in normal form (patchfile.py).  A
file whose bytes would not change is not touched (its mtime stays); files of
patches that are gone are removed; series.yaml's patch list follows renames,
additions and removals, keeping each patch's generated/build entries (matched
by file name, then by what they change (patchfile.diff_id), then by subject
slug).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from covekit_codegen import api

from covekit_tools import git, scratch

from . import apply, manifest, patchfile, worktree
from .context import Context
from .errors import SeriesError
from .manifest import PatchEntry, Series


@dataclass
class Report:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    manifest_changed: bool = False

    def lines(self) -> list[str]:
        out = [f"wrote {f}" for f in self.written] + [f"removed {f}" for f in self.removed]
        if self.manifest_changed:
            out.append(f"updated {manifest.MANIFEST}")
        if not out:
            out.append(f"nothing changed ({len(self.unchanged)} patches as they were)")
        return out


def refuse_uncommitted(series: Series) -> None:
    """Refuse to rewrite a series directory with uncommitted changes to its files."""
    directory = series.dir
    if directory is None or not git.ok(directory, "rev-parse", "--is-inside-work-tree"):
        return
    changed = git.run(directory, "status", "--porcelain", "--untracked-files=no", "--", ".")
    if changed:
        raise SeriesError(f"{series.store.display(series.name, '')} has uncommitted changes; "
                          f"commit or stash them first (this command rewrites those files)")


def format_patches(repo: Path, since: str, tip: str) -> list[tuple[str, bytes]]:
    """(file name, normal-form bytes) for every commit of SINCE..TIP, in order."""
    merges = worktree.run(repo, "rev-list", "--merges", f"{since}..{tip}")
    if merges:
        raise SeriesError(f"{since[:12]}..{tip[:12]} has merge commits ({merges.split()[0][:12]}"
                          f"); a series is a straight line of commits")
    with scratch.tempdir("format") as tmp:
        out = worktree.run(repo, "format-patch", *patchfile.FORMAT_OPTIONS, "-o", str(tmp),
                           f"{since}..{tip}")
        paths = [Path(line) for line in out.splitlines() if line.strip()]
        return [(p.name, patchfile.normalize(p.read_bytes())) for p in paths]


def _slug(file: str) -> str:
    return re.sub(r"^\d{4}-", "", file)


def match(series: Series, new: list[tuple[str, bytes]]) -> list[str | None]:
    """For each new patch, the file of the old patch it continues (None: a new one)."""
    old = [e.file for e in series.patches]
    result: list[str | None] = [name if name in old else None for name, _ in new]
    taken = {r for r in result if r}

    def pending() -> list[int]:
        return [i for i, r in enumerate(result) if r is None]

    if pending() and len(taken) < len(old):
        ids: dict[str, str] = {}
        for f in old:
            if f not in taken:
                try:
                    ids.setdefault(patchfile.diff_id(series.read(f)), f)
                except FileNotFoundError:  # removed by a refresh that was killed
                    continue
        for i in pending():
            f = ids.get(patchfile.diff_id(new[i][1]))
            if f and f not in taken:
                result[i] = f
                taken.add(f)
    for i in pending():
        for f in old:
            if f not in taken and _slug(f) == _slug(new[i][0]):
                result[i] = f
                taken.add(f)
                break
    return result


def write_back(series: Series, repo: Path, since: str, tip: str, *,
               base: tuple[str, str] | None = None) -> Report:
    """Make SERIES's patch files those of SINCE..TIP (and its base BASE, if given)."""
    directory = series.dir
    if directory is None:
        raise SeriesError(f"{series.manifest} is not on disk")
    refuse_uncommitted(series)
    new = format_patches(repo, since, tip)
    before = match(series, new)
    old = {e.file: e for e in series.patches}
    report = Report()
    for name, raw in new:
        path = directory / name
        if path.is_file() and path.read_bytes() == raw:
            report.unchanged.append(name)
        else:
            api.write_atomic(path, raw)
            report.written.append(name)
    names = {name for name, _ in new}
    # the old patches, and any a killed refresh wrote but did not list yet
    gone = {e.file for e in series.patches} | {p.name for p in directory.glob("*.patch")}
    for file in sorted(gone - names):
        (directory / file).unlink(missing_ok=True)
        report.removed.append(file)
    entries = []
    for (name, _), was in zip(new, before, strict=True):
        prev = old.get(was) if was else None
        entries.append((was, PatchEntry(name, prev.generated if prev else (),
                                        prev.build if prev else ())))
    same_list = [e for _, e in entries] == list(series.patches)
    same_base = base is None or base == (series.base_commit, series.base_describe)
    if not (same_list and same_base):
        report.manifest_changed = manifest.save(
            series, base=None if same_base else base, patches=None if same_list else entries)
    return report


def refresh(ctx: Context, series: Series, source: str | None = None,
            base_ref: str | None = None) -> Report:
    """`tools/series refresh`: the commits of SOURCE (a branch or commit of the
    upstream cache, or a worktree directory; default covekit/<series>) since
    the series base (or BASE_REF) back into the series directory."""
    repo, _ = ctx.resolve(series.upstream)
    source = source or apply.branch_of(series)
    where = Path(source)
    if where.is_dir():
        wt = Path(git.run(where, "rev-parse", "--show-toplevel")).resolve()
        check_worktree(wt)
        repo_used, tip = wt, worktree.run(wt, "rev-parse", "HEAD")
    else:
        tip = worktree.rev(repo, source)
        if tip is None:
            raise SeriesError(f"{source!r} is not a branch or commit of the {series.upstream} "
                              f"upstream cache {repo}")
        ref = worktree.run(repo, "rev-parse", "--symbolic-full-name", source, check=False)
        for wt, branch in worktree.worktrees(repo).items():
            if ref and branch == ref:
                check_worktree(wt)
        repo_used = repo
    if base_ref is None:
        base = series.base_commit
        if worktree.rev(repo_used, base) is None:
            raise SeriesError(f"the base of {series.name} ({base[:12]}) is not in {repo_used}")
    else:
        found = worktree.rev(repo_used, base_ref)
        if found is None:
            raise SeriesError(f"{base_ref!r} is not a commit of {repo_used}")
        base = found
    since = base
    stack = apply.chain(series.store, series)
    if len(stack) > 1:
        with worktree.scratch(repo_used, base) as scratch:
            since = apply.apply_chain(scratch, repo_used, base, stack[:-1]).tip
    if not worktree.ok(repo_used, "merge-base", "--is-ancestor", since, tip):
        what = "the series base" if since == base else "the series base and prerequisites"
        raise SeriesError(f"{source} ({tip[:12]}) does not contain {what} ({since[:12]})",
                          ["if you moved it onto another base, say which: "
                           f"tools/series refresh {series.name} --from {source} --base REF"])
    new_base = None
    if base != series.base_commit:
        new_base = (base, apply.describe(repo_used, base, series))
    return write_back(series, repo_used, since, tip, base=new_base)


def check_worktree(wt: Path) -> None:
    """Refuse a worktree with a git am stopped in it, or uncommitted changes."""
    if worktree.am_in_progress(wt):
        raise SeriesError(f"git am is stopped in {wt}; finish it (cd {wt} && git am "
                          f"--continue) or abort it (git am --abort) first")
    worktree.refuse_dirty(wt, "they would not be in the patches")
