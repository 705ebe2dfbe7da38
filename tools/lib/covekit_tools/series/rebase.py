# SPDX-License-Identifier: GPL-2.0-only
"""Rebase a series onto another base commit, classifying every patch.

Each patch is tried, in order, on top of the ones that went in before it:

  clean             git apply accepts it as it is, at the lines it names
  offset            it applies with full context, at other line numbers
  already-upstream  it does not apply but its reverse does: the new base has it
  fuzz              it applies only with reduced context (git apply -C2 or -C1)
  3way              it needs a 3-way merge (git am -3) and merges cleanly
  conflict          none of these: the files and hunks that fail are named

Conflicting and already-upstream patches are skipped and the classification
goes on.  Checks in CHECKS then run on the result (the verify module adds
the uapi/ABI check there); with record, a result without conflicts or check
problems is written back: series.yaml's base and the patch files.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from covekit_codegen import api

from covekit_tools import git, scratch

from . import apply, patchfile, refresh, worktree
from .context import Context
from .errors import SeriesError
from .manifest import PatchEntry, Series


class Kind(StrEnum):
    CLEAN = "clean"
    OFFSET = "offset"
    FUZZ = "fuzz"
    THREEWAY = "3way"
    CONFLICT = "conflict"
    UPSTREAM = "already-upstream"


@dataclass
class Result:
    entry: PatchEntry
    kind: Kind
    commit: str | None       # the rebased commit; None when skipped
    detail: str = ""


@dataclass
class Outcome:
    """A series rebased in a scratch worktree (which exists while CHECKS run)."""

    series: Series
    repo: Path
    worktree: Path
    old_base: str
    new_base: str
    prereq_tip: str          # new_base with the prerequisite series applied
    tip: str                 # prereq_tip plus every patch that went in
    results: list[Result]
    problems: list[str] = field(default_factory=list)   # from CHECKS
    recorded: bool = False

    @property
    def conflicts(self) -> list[Result]:
        return [r for r in self.results if r.kind is Kind.CONFLICT]

    @property
    def recordable(self) -> bool:
        return not self.conflicts and not self.problems


# Run on every Outcome before anything is recorded; each returns problems (one
# line each) that block --record.  tools/series verify appends its ABI check.
Check = Callable[[Outcome], list[str]]
CHECKS: list[Check] = []


def _refused(wt: Path, path: Path, *options: str) -> git.GitError | None:
    """None when `git apply --check OPTIONS PATH` accepts the patch in WT, else why not."""
    try:
        worktree.run(wt, "apply", "--check", *options, str(path))
    except git.GitError as err:
        return err
    return None


def _head(wt: Path) -> str:
    return worktree.run(wt, "rev-parse", "HEAD")


def _offsets(raw: bytes, wt: Path) -> list[str]:
    """Hunks of RAW that HEAD's diff put at other lines: 'FILE: hunk N +K'."""
    before = patchfile.hunks(raw)
    after = patchfile.hunks(worktree.run(wt, "show", "--format=", "--full-index",
                                         "--no-color", "HEAD", strip=False))
    if len(before) != len(after):
        return ["hunks regrouped"]
    moved = []
    for old, new in zip(before, after, strict=True):
        if old.old_start != new.old_start:
            moved.append(f"{old.path}: hunk {old.number} {new.old_start - old.old_start:+d}")
    return moved


def _failed_hunks(wt: Path, raw: bytes, only: set[str]) -> list[str]:
    """'FILE hunk N (@@ ... @@)' for every hunk of RAW that git apply refuses on
    its own in WT (in the files ONLY, when given); 'FILE (missing)' and the
    like when the file itself is the problem."""
    by_number = {(h.path, h.number): h for h in patchfile.hunks(raw)}
    out: list[str] = []
    failed_files: set[str] = set()
    with scratch.tempdir("hunk") as tmp:
        piece_path = tmp / "piece.patch"
        for path, number, piece in patchfile.pieces(raw):
            if (only and path not in only) or path in failed_files:
                continue
            api.write_atomic(piece_path, piece)
            err = _refused(wt, piece_path)
            if err is None:
                continue
            whole = re.search(r"error: [^\n]*: (does not exist in index|No such file or "
                              r"directory|already exists in (?:index|working directory))",
                              err.stderr)
            if whole or not number:
                failed_files.add(path)
                what = ("missing" if whole and "exist" in whole.group(1).replace(
                    "already exists", "") else "already exists" if whole else "does not apply")
                out.append(f"{path} ({what})")
            else:
                hunk = by_number.get((path, number))
                out.append(f"{path} hunk {number}" + (f" ({hunk.header()})" if hunk else ""))
    return out


def classify(wt: Path, entry: PatchEntry, path: Path) -> Result:
    """Try one patch on WT's HEAD; commit it when it goes in; say how it went."""
    raw = path.read_bytes()
    refused = _refused(wt, path)
    if refused is None:
        try:
            apply.am(wt, [path])
        except git.GitError as err:   # git apply takes it, git am does not (an empty patch)
            worktree.abort_am(wt)
            return Result(entry, Kind.CONFLICT, None, apply.git_reason(err))
        moved = _offsets(raw, wt)
        return Result(entry, Kind.OFFSET if moved else Kind.CLEAN, _head(wt), ", ".join(moved))
    if _refused(wt, path, "--reverse") is None:
        return Result(entry, Kind.UPSTREAM, None, "its reverse applies: the base has it")
    for context in (2, 1):
        if _refused(wt, path, f"-C{context}") is None:
            apply.am(wt, [path], context=context)
            return Result(entry, Kind.FUZZ, _head(wt),
                          f"context reduced to {context} line{'s' if context > 1 else ''}")
    try:
        apply.am(wt, [path], three_way=True)
    except git.GitError as err:
        unmerged = set(worktree.run(wt, "diff", "--name-only", "--diff-filter=U").split())
        why = apply.git_reason(err) if not unmerged else ""
        worktree.abort_am(wt)
        named = _failed_hunks(wt, raw, unmerged)
        named += sorted(f for f in unmerged if not any(n.startswith(f"{f} ") for n in named))
        if not named and why:
            named = [why]
        return Result(entry, Kind.CONFLICT, None, "; ".join(named))
    into = worktree.run(wt, "diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD").split()
    return Result(entry, Kind.THREEWAY, _head(wt), f"merged into {', '.join(into)}")


def rebase(ctx: Context, series: Series, onto: str | None = None,
           record: bool = False) -> Outcome:
    """Rebase SERIES onto ONTO (default: its upstream's current commit) in a
    scratch worktree, classify every patch, run CHECKS, and with RECORD write
    the result back when every patch went in (or is already upstream)."""
    repo, upstream_commit = ctx.resolve(series.upstream)
    repo, new_base = apply.upstream(ctx, series, onto or upstream_commit)
    stack = apply.chain(series.store, series)
    with worktree.scratch(repo, new_base) as wt:
        prereq_tip = new_base
        if len(stack) > 1:
            try:
                prereq_tip = apply.apply_chain(wt, repo, new_base, stack[:-1]).tip
            except apply.AmStopped as err:
                raise SeriesError(f"prerequisite series {err.item.series.name} does not apply "
                                  f"onto {apply.describe(repo, new_base)}: {err.reason}; "
                                  f"rebase it first") from None
        with apply.files([series]) as items:
            results = [classify(wt, item.entry, item.path) for item in items]
        outcome = Outcome(series, repo, wt, series.base_commit, new_base, prereq_tip,
                          _head(wt), results)
        for check in CHECKS:
            outcome.problems.extend(check(outcome))
        if record and outcome.recordable:
            refresh.write_back(series, repo, prereq_tip, outcome.tip,
                               base=(new_base, apply.describe(repo, new_base, series)))
            outcome.recorded = True
    return outcome
