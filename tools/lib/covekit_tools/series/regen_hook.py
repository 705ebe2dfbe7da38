# SPDX-License-Identifier: GPL-2.0-only
"""The series half of ./tools/regen: generated content inside patches.

A patch that owns generated kernel files (its `generated:` list) must carry
what codegen makes from the spec.  Checking needs no worktree: the base
versions of those few files go into a temporary directory and each patch's
hunks for them are applied with git apply --include.  Refreshing a stale
patch amends its commit in a scratch worktree and writes the series back
through `tools/series refresh`'s machinery, so only that patch changes.

The spec's standard SBI numbers (EIDs, FIDs, error codes, enums) are
checked against each series' base tree's arch/riscv/include/asm/sbi.h too:
a disagreement is a spec error (exit 2) naming both sides.

Without the upstream in the cache nothing can be checked; that is said
plainly, with the import command, and is not an error.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from covekit_codegen import api

from covekit_tools import git, scratch
from covekit_tools.kernel import generated

from . import apply, refresh, worktree
from .context import Context
from .errors import ManifestError, SeriesError
from .manifest import Series


def _base_file(repo: Path, base: str, path: str) -> bytes | None:
    if not worktree.ok(repo, "cat-file", "-e", f"{base}:{path}"):
        return None
    return worktree.run(repo, "show", f"{base}:{path}", strip=False).encode(
        "utf-8", "surrogateescape")


def stale(repo: Path, series: Series) -> list[tuple[str, str]]:
    """(patch file, path) for every generated file a patch carries wrongly."""
    stack = apply.chain(series.store, series)
    paths = sorted({p for s in stack for e in s.patches for p in e.generated})
    if not paths:
        return []
    base = series.base_commit
    originals = {p: _base_file(repo, base, p) for p in paths}
    found = []
    with scratch.tempdir("regen") as root:
        for path, data in originals.items():
            if data is not None:
                api.write_atomic(root / path, data)
        includes = [f"--include={p}" for p in paths]
        for s in stack:
            for entry in s.patches:
                patch = s.dir / entry.file if s.dir else None
                if patch is None:
                    raise SeriesError(f"{s.name}: not on disk")
                git.run(root, "apply", "--allow-empty", *includes, str(patch))
                if s is not series:
                    continue
                for path in entry.generated:
                    have = (root / path).read_bytes() if (root / path).is_file() else None
                    if have != generated.expected(path, originals[path]):
                        found.append((entry.file, path))
    return found


def refresh_generated(repo: Path, series: Series) -> refresh.Report:
    """Rewrite the patches of SERIES whose generated content is stale."""
    stack = apply.chain(series.store, series)
    base = series.base_commit
    with worktree.scratch(repo, base) as wt:
        since = apply.apply_chain(wt, repo, base, stack[:-1]).tip if len(stack) > 1 else base
        for entry in series.patches:
            apply.am(wt, [series.dir / entry.file])
            changed = False
            for path in entry.generated:
                want = generated.expected(path, _base_file(repo, base, path))
                target = wt / path
                if not target.is_file() or target.read_bytes() != want:
                    api.write_atomic(target, want)
                    worktree.run(wt, "add", path)
                    changed = True
            if changed:
                worktree.run(wt, "commit", "--quiet", "--amend", "--no-edit", "--no-verify")
        tip = worktree.run(wt, "rev-parse", "HEAD")
        return refresh.write_back(series, wt, since, tip)


def sbi_h_problems(repo: Path, upstream: str, base: str) -> list[str]:
    """Where the base tree's asm/sbi.h disagrees with the spec, one line each."""
    data = _base_file(repo, base, generated.SBI_H)
    name = f"{upstream}@{base[:12]}:{generated.SBI_H}"
    if data is None:
        return [f"{name}: not in the tree; the spec's SBI numbers cannot be checked"]
    try:
        generated.check_sbi_h(data, name)
    except api.SpecError as err:
        return [str(p) for p in err.problems]
    return []


def stamp_of(ctx: Context, names: list[str]) -> str:
    """Everything the check depends on: skip it when none of it changed."""
    h = hashlib.sha256(api.input_hash(ctx.root).encode())
    for name in names:
        for f in sorted((ctx.series_root / name).iterdir()):
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="tools/regen (series)")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("-q", "--quiet", action="store_true")
    args, _ = ap.parse_known_args(argv)  # the rest is codegen's
    ctx = Context.from_env()
    try:
        return run(ctx, args)
    except ManifestError as err:  # a broken series.yaml or patch file: what restores it
        for p in err.problems:
            print(p, file=sys.stderr)
        return 2
    except (SeriesError, git.GitError) as err:
        print(f"regen: {err}", file=sys.stderr)
        return 1
    except OSError as err:  # a full disk: the file named is as it was
        print(f"regen: {err.filename or ''}: {err.strerror}; that file is unchanged",
              file=sys.stderr)
        return 1


def run(ctx: Context, args: argparse.Namespace) -> int:
    scratch.sweep()  # what killed runs left in $TMPDIR
    store = apply.store_of(ctx)
    names = store.names()
    if not args.check:
        for name in names:
            api.sweep_temps(ctx.series_root / name)
    stamp = ctx.build / "regen-series.stamp"
    key = stamp_of(ctx, names)
    if stamp.is_file() and stamp.read_text() == key:
        return 0
    status, clean = 0, True
    checked: set[tuple[Path, str]] = set()
    for name in names:
        try:
            series = apply.load(ctx, name)
        except ManifestError as err:
            for p in err.problems:
                print(p, file=sys.stderr)
            status, clean = 2, False
            continue
        try:
            repo, _ = ctx.resolve(series.upstream)
        except SeriesError as err:
            clean = False
            print(f"regen: kernel-patches/{name}: generated content not checked: {err}",
                  file=sys.stderr)
            continue
        if (repo, series.base_commit) not in checked:
            checked.add((repo, series.base_commit))
            for line in sbi_h_problems(repo, series.upstream, series.base_commit):
                print(line, file=sys.stderr)
                status |= 2
        found = stale(repo, series)
        if args.check:
            for patch, path in found:
                print(f"regen --check: stale: kernel-patches/{name}/{patch}: {path} is not "
                      f"what the spec generates", file=sys.stderr)
            status = max(status, int(bool(found)))
        elif found:
            report = refresh_generated(repo, series)
            for patch in report.written:
                if not args.quiet:
                    print(f"  SERIES  kernel-patches/{name}/{patch}")
    if status == 0 and clean:
        api.write_atomic(stamp, stamp_of(ctx, names))  # after any rewrite
    return status


if __name__ == "__main__":
    sys.exit(main())
