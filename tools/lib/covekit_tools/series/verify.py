# SPDX-License-Identifier: GPL-2.0-only
"""tools/series verify SERIES: is the series fit for a maintainer to apply?

In a scratch worktree of the cached upstream, at the series' recorded base:
  1. each patch applies with git am exactly (no offset, no fuzz);
  2. the tree's own scripts/checkpatch.pl is clean on it, but for the
     findings justified in <series>/checkpatch-ignore.yaml;
  3. each generated file a patch owns equals what codegen makes from the
     spec (kvm.h: the upstream file with our members spliced in), and the
     spec's standard SBI numbers agree with arch/riscv/include/asm/sbi.h,
     at the base and after each patch that changes it;
  4. the config fragment holds: on tinyconfig, merged with the tree's
     merge_config.sh, every option keeps its value after olddefconfig;
  5. after each patch, its build targets build for ARCH=riscv with that
     config (one build directory, ccache), so the series bisects.

Kept between runs, so that a rerun rebuilds only what the patches touch:
the worktree (<cache>/verify/<series>/tree: a stable path keeps make's
dependency files and ccache's hashes valid, and moving it between commits
rewrites only the files that differ), the build directory
(<build>/series/<series>-kbuild), and the merged config with the key it
was made for (config fragment, base config, the tree it was made on, the
compiler): while the key holds, step 4 reuses it instead of rerunning
kconfig.  A lock file next to the worktree keeps two verifies of one
series apart.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from covekit_codegen import api

from covekit_tools.kernel import checkpatch, generated, kbuild, kconfig

from . import apply, rebase, worktree
from .cli import Command, register
from .context import Context
from .errors import ManifestError, SeriesError
from .manifest import Series

BASE_CONFIG = "tinyconfig"
IGNORE_FILE = "checkpatch-ignore.yaml"


@dataclass
class PatchReport:
    file: str
    apply: str = "not reached"
    checkpatch: list[str] = field(default_factory=list)
    generated: list[str] = field(default_factory=list)
    build: str = "not reached"

    @property
    def ok(self) -> bool:
        return (self.apply == "clean" and not self.checkpatch and not self.generated
                and self.build in ("ok", "nothing to build"))


@dataclass
class Report:
    series: str
    base: str
    patches: list[PatchReport]
    config: list[str] = field(default_factory=list)
    sbi_h: list[str] = field(default_factory=list)  # the base's asm/sbi.h vs the spec

    @property
    def ok(self) -> bool:
        return all(p.ok for p in self.patches) and not self.config and not self.sbi_h


def exemptions(series: Series) -> list[checkpatch.Exemption]:
    """The justified checkpatch findings of the series (<series>/checkpatch-ignore.yaml)."""
    try:
        raw = series.read(IGNORE_FILE)
    except FileNotFoundError:
        return []
    name = series.store.display(series.name, IGNORE_FILE)
    try:
        data = api.parse_yaml(api.decode_text(raw, name), name) or {}
    except api.SpecError as err:
        raise ManifestError(err.problems) from None
    items = data.get("ignore", []) if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ManifestError([api.Problem(api.node_pos(data, name, "ignore")
                                         if isinstance(data, dict) else api.Pos(name, 1, 1),
                                         "expected a mapping with 'ignore', a list")])
    found = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not item.get("type") or not item.get("why"):
            raise ManifestError([api.Problem(api.node_pos(items, name, n - 1),
                                             f"entry {n} needs 'type' and 'why' (the "
                                             f"justification)")])
        found.append(checkpatch.Exemption(str(item["type"]), tuple(item.get("patches") or []),
                                          str(item["why"])))
    return found


def check_generated(repo: Path, base: str, wt: Path, paths: tuple[str, ...]) -> list[str]:
    problems = []
    owned = generated.owned_paths()
    for path in paths:
        if path not in owned:
            problems.append(f"{path}: codegen generates no such file")
            continue
        upstream = (worktree.run(repo, "show", f"{base}:{path}", strip=False).encode()
                    if worktree.ok(repo, "cat-file", "-e", f"{base}:{path}") else None)
        have = (wt / path).read_bytes() if (wt / path).is_file() else None
        try:
            want = generated.expected(path, upstream)
        except Exception as err:  # the splice names what disagrees with upstream
            problems.append(f"{path}: {err}")
            continue
        if have != want:
            problems.append(f"{path}: differs from codegen's output (run ./tools/regen)")
    return problems


@contextmanager
def verify_worktree(ctx: Context, repo: Path, series: Series, base: str) -> Iterator[Path]:
    """SERIES's own verify worktree, detached at BASE; the same path every run."""
    home = ctx.cache / "verify" / series.name
    home.mkdir(parents=True, exist_ok=True)
    with open(home / "lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SeriesError(f"another tools/series verify {series.name} is running "
                              f"(it holds {home / 'lock'})") from None
        wt = home / "tree"
        if wt.resolve() in worktree.worktrees(repo):
            worktree.reset(wt, base)  # only files that differ from base are rewritten
        else:
            shutil.rmtree(wt, ignore_errors=True)  # left by a run killed while adding it
            worktree.run(repo, "worktree", "prune")
            worktree.run(repo, "worktree", "add", "--quiet", "--detach", str(wt), base)
        yield wt


def config_key(wt: Path, fragment: Path) -> str:
    """What the merged config depends on: the fragment, the base config, the
    tree it is made on (its Kconfig files), and the compiler (Kconfig asks it)."""
    h = hashlib.sha256(f"{BASE_CONFIG}\n{worktree.run(wt, 'rev-parse', 'HEAD^{tree}')}\n"
                       .encode())
    h.update(fragment.read_bytes())
    gcc = subprocess.run([f"{kbuild.CROSS_COMPILE}gcc", "--version"], capture_output=True)
    h.update(gcc.stdout)
    return h.hexdigest()


def write_if_changed(path: Path, data: bytes) -> None:
    """Leave an unchanged file's mtime alone: make rebuilds from mtimes."""
    if not path.is_file() or path.read_bytes() != data:
        api.write_atomic(path, data)


def check_sbi_h(wt: Path, name: str) -> list[str]:
    """Where the worktree's asm/sbi.h disagrees with the spec's SBI numbers."""
    path = wt / generated.SBI_H
    if not path.is_file():
        return [f"{name}: not in the tree, so the spec's SBI numbers cannot be checked"]
    try:
        generated.check_sbi_h(path.read_bytes(), name)
    except api.SpecError as err:
        return [str(p) for p in err.problems]
    return []


def _changes_sbi_h(wt: Path, commit: str) -> bool:
    return generated.SBI_H in worktree.run(wt, "diff-tree", "--no-commit-id", "--name-only",
                                           "-r", commit).splitlines()


def verify(ctx: Context, series: Series, jobs: int | None = None,
           progress: Callable[[str], None] = print) -> Report:
    repo, base = apply.upstream(ctx, series)
    stack = apply.chain(series.store, series)
    ignore = exemptions(series)
    report = Report(series.name, base, [PatchReport(e.file) for e in series.patches])
    build_dir = ctx.build / "series" / f"{series.name}-kbuild"
    commits: list[str | None] = []
    with verify_worktree(ctx, repo, series, base) as wt:
        report.sbi_h = check_sbi_h(wt, f"{series.upstream}@{base[:12]}:{generated.SBI_H}")
        if len(stack) > 1:
            apply.apply_chain(wt, repo, base, stack[:-1])
        for entry, pr in zip(series.patches, report.patches, strict=True):
            path = series.dir / entry.file if series.dir else None
            if path is None:
                raise SeriesError(f"{series.name}: verify needs the series on disk")
            progress(f"verify: {entry.file}: apply, checkpatch, generated content")
            result = rebase.classify(wt, entry, path)
            pr.apply = ("clean" if result.kind == rebase.Kind.CLEAN
                        else f"{result.kind}: {result.detail}")
            if result.commit is None:
                break  # later patches cannot be checked on top of a missing one
            commits.append(result.commit)
            pr.checkpatch = [str(f) for f in checkpatch.unjustified(
                checkpatch.checkpatch(wt, path), entry.file, ignore)]
            pr.generated = check_generated(repo, base, wt, entry.generated)
            if _changes_sbi_h(wt, result.commit):
                pr.generated += check_sbi_h(wt, f"{entry.file}:{generated.SBI_H}")

        config = build_dir / ".config"
        fragment = series.config_path()
        if fragment is not None and len(commits) == len(series.patches):
            final_config = build_dir / "final.config"
            key_file = build_dir / "final.config.key"
            key = config_key(wt, fragment)
            if (final_config.is_file() and key_file.is_file()
                    and key_file.read_text().strip() == key):
                progress(f"verify: config fragment {series.config} on {BASE_CONFIG}: "
                         f"unchanged since the last run")
            else:
                progress(f"verify: config fragment {series.config} on {BASE_CONFIG}")
                key_file.unlink(missing_ok=True)
                kconfig.apply_fragment(wt, build_dir, BASE_CONFIG, fragment)
                api.write_atomic(final_config, config.read_bytes())
                api.write_atomic(key_file, (key + "\n").encode())
            report.config = kconfig.check_fragment(
                final_config, kconfig.parse_config(fragment.read_text(), str(fragment)))
            wanted = final_config.read_bytes()
            for entry, pr, commit in zip(series.patches, report.patches, commits,
                                         strict=True):
                if not entry.build:
                    pr.build = "nothing to build"
                    continue
                progress(f"verify: {entry.file}: build {' '.join(entry.build)}")
                worktree.run(wt, "checkout", "--quiet", "--detach", commit)
                # kbuild's own syncconfig brings .config in step with this
                # commit's Kconfig (as olddefconfig would) whenever either changed.
                write_if_changed(config, wanted)
                try:
                    kbuild.make(wt, build_dir, *entry.build, jobs=jobs)
                    pr.build = "ok"
                except kbuild.KbuildError as err:
                    pr.build = f"failed: {err}"
        elif fragment is None:
            report.config = [f"{series.name} has no config fragment: nothing to build with"]
    return report


def print_report(report: Report) -> None:
    width = max(len(p.file) for p in report.patches)
    print(f"{'patch':<{width}}  {'apply':<8} {'checkpatch':<10} {'generated':<9} build")
    for p in report.patches:
        cp = "ok" if not p.checkpatch else f"{len(p.checkpatch)} issue(s)"
        gen = "ok" if not p.generated else "STALE"
        build = p.build if len(p.build) < 20 else "FAILED"
        apply_word = p.apply if len(p.apply) < 8 else p.apply.split()[0].upper()
        print(f"{p.file:<{width}}  {apply_word:<8} {cp:<10} {gen:<9} {build}")
        for line in p.checkpatch + p.generated:
            print(f"    {line}")
        if p.build.startswith("failed"):
            print("    " + p.build.replace("\n", "\n    "))
    for line in report.sbi_h:
        print(f"sbi.h: {line}")
    for line in report.config:
        print(f"config: {line}")
    verdict = "verified" if report.ok else "NOT verified"
    print(f"verify: {report.series} at {report.base[:12]}: {verdict}")


def configure(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("series")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON ('-': stdout)")
    ap.add_argument("-j", "--jobs", type=int, help="make -j (default: all cores)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    series = apply.load(ctx, args.series)
    report = verify(ctx, series, args.jobs,
                    progress=lambda line: print(line, file=sys.stderr, flush=True))
    if args.json:
        text = json.dumps({**asdict(report), "ok": report.ok}, indent=2) + "\n"
        if args.json == "-":
            sys.stdout.write(text)
        else:
            api.write_atomic(Path(args.json), text)
    if args.json != "-":
        print_report(report)
    return 0 if report.ok else 1


register(Command("verify", "check a series patch by patch: strict apply, checkpatch, "
                 "generated content, config fragment, per-patch build", configure, run))
