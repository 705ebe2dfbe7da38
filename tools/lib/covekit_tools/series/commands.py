# SPDX-License-Identifier: GPL-2.0-only
"""The built-in subcommands of tools/series: argument parsing and printing;
the work is done by the module each one names."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from .cli import Command, register

if TYPE_CHECKING:
    from .context import Context

# Each command imports the modules doing its work when it runs: tools/series
# apply starts faster without export's email parsing or rebase's machinery.


def _series_arg(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("series", help="the series: a directory of kernel-patches/")


def _table(rows: list[list[str]], indent: str = "") -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(indent + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True))
                     .rstrip() for r in rows)


# list ----------------------------------------------------------------------

def _list_run(args: argparse.Namespace, ctx: Context) -> int:
    from . import apply, manifest

    store = apply.store_of(ctx)
    all_series = manifest.load_all(store, manifest.known_upstreams(ctx.upstreams))
    if not all_series:
        print(f"no series in {ctx.display(ctx.series_root)}")
        return 0
    rows = [["series", "upstream", "base", "revision", "patches"]]
    rows += [[s.name, s.upstream, s.base_describe, f"v{s.revision}", str(len(s.patches))]
             for s in all_series]
    print(_table(rows))
    return 0


register(Command("list", "list the series: upstream, base, revision, patch count",
                 lambda ap: None, _list_run))


# apply ---------------------------------------------------------------------

def _apply_configure(ap: argparse.ArgumentParser) -> None:
    _series_arg(ap)
    ap.add_argument("--onto", metavar="REF",
                    help="apply onto REF (a ref or commit of the upstream cache) instead of "
                         "the series base")
    ap.add_argument("--worktree", metavar="DIR", type=Path,
                    help="the worktree to use (default: <cache>/worktrees/<series>)")
    ap.add_argument("--abort", action="store_true",
                    help="abort a git am left stopped in the worktree")


def _apply_run(args: argparse.Namespace, ctx: Context) -> int:
    from . import apply

    series = apply.load(ctx, args.series)
    if args.abort:
        print(apply.abort(ctx, series, args.worktree))
        return 0
    applied, notes = apply.apply_series(ctx, series, onto=args.onto, wt=args.worktree)
    for note in notes:
        print(f"note: {note}")
    where = apply.describe(applied.repo, applied.base, series)
    print(f"applied {len(applied.commits)} patches of {series.name} onto {where} "
          f"({applied.base[:12]}) in {applied.worktree}, branch {apply.branch_of(series)} "
          f"at {applied.tip[:12]}")
    return 0


register(Command("apply", "apply a series in its worktree, on branch covekit/<series>",
                 _apply_configure, _apply_run))


# rebase --------------------------------------------------------------------

def _rebase_configure(ap: argparse.ArgumentParser) -> None:
    _series_arg(ap)
    ap.add_argument("--onto", metavar="REF",
                    help="the new base: a ref or commit of the upstream cache (default: the "
                         "upstream's current commit)")
    ap.add_argument("--record", action="store_true",
                    help="when no patch conflicts, write the new base and patches back")


def _rebase_run(args: argparse.Namespace, ctx: Context) -> int:
    from . import apply, rebase

    series = apply.load(ctx, args.series)
    outcome = rebase.rebase(ctx, series, args.onto, args.record)
    where = apply.describe(outcome.repo, outcome.new_base, series)
    print(f"{series.name}: from {series.base_describe} ({series.base_commit[:12]}) onto "
          f"{where} ({outcome.new_base[:12]})")
    rows = [["patch", "result", "detail"]]
    rows += [[r.entry.file, str(r.kind), r.detail] for r in outcome.results]
    print(_table(rows, "  "))
    counts = Counter(str(r.kind) for r in outcome.results)
    print("summary: " + (", ".join(f"{n} {k}" for k in rebase.Kind if (n := counts[str(k)]))
                         or "no patches"))
    for problem in outcome.problems:
        print(f"problem: {problem}")
    if outcome.recorded:
        print(f"recorded: {series.manifest} now has base {where}; patch files refreshed")
    status = 0 if outcome.recordable else 1
    if outcome.conflicts:
        onto = args.onto or outcome.new_base[:12]
        n = len(outcome.conflicts)
        print(f"series: {n} patch{'es conflict' if n > 1 else ' conflicts'}"
              f"{'; nothing recorded' if args.record else ''}", file=sys.stderr)
        print(f"  to resolve them: tools/series apply {series.name} --onto {onto}, fix each "
              f"patch where git am stops (git am --continue; git am --skip for one already "
              f"upstream), then tools/series refresh {series.name} --base {onto}",
              file=sys.stderr)
    elif outcome.problems and args.record:
        print("series: checks found problems; nothing recorded", file=sys.stderr)
    return status


register(Command("rebase", "rebase a series onto another base and classify each patch",
                 _rebase_configure, _rebase_run))


# refresh -------------------------------------------------------------------

def _refresh_configure(ap: argparse.ArgumentParser) -> None:
    _series_arg(ap)
    ap.add_argument("--from", dest="source", metavar="BRANCH",
                    help="a branch or commit of the upstream cache, or a worktree directory "
                         "(default: covekit/<series>)")
    ap.add_argument("--base", metavar="REF",
                    help="the branch's base when it is not the series base (records it)")


def _refresh_run(args: argparse.Namespace, ctx: Context) -> int:
    from . import apply, refresh

    # refresh restores broken patch files, and finishes a refresh that was killed
    series = apply.load(ctx, args.series, patch_files=False)
    report = refresh.refresh(ctx, series, args.source, args.base)
    for line in report.lines():
        print(line)
    return 0


register(Command("refresh", "write a branch's commits back into the series' patch files",
                 _refresh_configure, _refresh_run))


# export --------------------------------------------------------------------

def _export_configure(ap: argparse.ArgumentParser) -> None:
    _series_arg(ap)
    ap.add_argument("-o", "--output", metavar="DIR", type=Path,
                    help="output directory (default: build/series/<series>-v<N>/)")
    ap.add_argument("--force", action="store_true",
                    help="overwrite the .patch files of a non-empty output directory")
    ap.add_argument("--to", metavar="ADDR", action="append", default=[],
                    help="add ADDR to To: of every file (repeatable)")
    ap.add_argument("--cc", metavar="ADDR", action="append", default=[],
                    help="add ADDR to Cc: of every file (repeatable)")
    ap.add_argument("--no-maintainers", dest="maintainers", action="store_false",
                    help="do not run the tree's scripts/get_maintainer.pl (by default its "
                         "maintainers and reviewers go to To:, its lists to Cc:)")


def _export_run(args: argparse.Namespace, ctx: Context) -> int:
    from . import apply, export

    series = apply.load(ctx, args.series)
    out, files = export.export(ctx, series, args.output, args.force, to=args.to, cc=args.cc,
                               maintainers=args.maintainers)
    print(f"wrote {len(files)} files to {ctx.display(out)}; send them with: "
          f"git send-email {ctx.display(out)}/*.patch")
    return 0


register(Command("export", "write a numbered cover letter and patches for git send-email",
                 _export_configure, _export_run))


# range-diff ----------------------------------------------------------------

def _range_diff_configure(ap: argparse.ArgumentParser) -> None:
    _series_arg(ap)
    ap.add_argument("--from", dest="rev", metavar="REV", required=True,
                    help="a commit of this covekit repository to compare with")


def _range_diff_run(args: argparse.Namespace, ctx: Context) -> int:
    from . import apply, rangediff

    series = apply.load(ctx, args.series)
    sys.stdout.write(rangediff.range_diff(ctx, series, args.rev))
    return 0


register(Command("range-diff", "compare a series with itself at an earlier covekit commit",
                 _range_diff_configure, _range_diff_run))
