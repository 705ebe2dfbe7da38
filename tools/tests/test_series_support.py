# SPDX-License-Identifier: GPL-2.0-only
"""A tiny synthetic upstream and a series against it, for the tools/series
tests (no tests here).

The upstream has files f1.c .. f7.c of 20 lines each.  Series "demo" has one
patch per file, each changing line 10 of it.  Branch "next" of the upstream
makes each patch rebase differently:

  f1.c  untouched                          -> clean
  f2.c  three lines inserted at the top    -> offset
  f3.c  line 7 changed (outer context)     -> fuzz
  f4.c  renamed to g4.c                    -> 3way
  f5.c  line 10 changed differently        -> conflict
  f6.c  the very change of patch 6         -> already-upstream
  f7.c  untouched                          -> clean

Branch "calm" is "next" without the f5.c change (nothing conflicts).
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

from covekit_tools import git
from covekit_tools.series import apply, cli, manifest, refresh
from covekit_tools.series.context import Context

CHANGE_ID = "20261121-demo-series-1a2b3c4d5e6f"
FILES = [f"f{i}.c" for i in range(1, 8)]


def lines(name: str, n: int = 20) -> list[str]:
    return [f"{name} line {i}" for i in range(1, n + 1)]


def text(rows: list[str]) -> str:
    return "\n".join(rows) + "\n"


def sh(cwd: Path, *args: str, date: str = "2026-01-01 12:00:00 +0000") -> str:
    """git ARGS in CWD with a fixed identity and date and no user configuration."""
    env = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Ada Author", "GIT_AUTHOR_EMAIL": "ada@example.org",
           "GIT_COMMITTER_NAME": "Ada Author", "GIT_COMMITTER_EMAIL": "ada@example.org",
           "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    return git.run(cwd, *args, env=env)


def commit(repo: Path, files: dict[str, str | None], message: str, date: str) -> str:
    for name, content in files.items():
        if content is None:
            sh(repo, "rm", "-q", name)
        else:
            (repo / name).write_text(content)
            sh(repo, "add", name)
    sh(repo, "commit", "-q", "-m", message, date=date)
    return sh(repo, "rev-parse", "HEAD")


def edit(name: str, line: int, new: str, rows: list[str] | None = None) -> str:
    rows = list(rows or lines(name.split(".")[0]))
    rows[line - 1] = new
    return text(rows)


@dataclass
class World:
    tmp: Path
    src: Path          # a normal repository: the upstream's history
    bare: Path         # the cache repository
    base: str
    ctx: Context

    @property
    def series_dir(self) -> Path:
        return self.ctx.series_root / "demo"

    def series(self, name: str = "demo") -> manifest.Series:
        return apply.load(self.ctx, name)

    def rev(self, ref: str) -> str:
        return sh(self.bare, "rev-parse", ref)

    def cli(self, *argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = cli.main(list(argv), ctx=self.ctx)
        return status, out.getvalue(), err.getvalue()


def make_world(tmp: Path, patches: int = 7, base_files: dict[str, str] | None = None) -> World:
    """The world above; BASE_FILES are more files of the base commit (path: text)."""
    src = tmp / "src"
    src.mkdir()
    sh(src, "init", "-q", "-b", "master")
    for name in base_files or {}:
        (src / name).parent.mkdir(parents=True, exist_ok=True)
    base = commit(src, {**{f: text(lines(f.split(".")[0])) for f in FILES}, **(base_files or {})},
                  "base", "2025-12-01 00:00:00 +0000")
    sh(src, "tag", "v1")

    sh(src, "checkout", "-q", "-b", "series", base)
    for i in range(1, patches + 1):
        f = f"f{i}"
        commit(src, {f"{f}.c": edit(f"{f}.c", 10, f"{f} line 10 patched")},
               f"{f}: patch line 10\n\nBody of patch {i}.\n\nSigned-off-by: Ada Author "
               f"<ada@example.org>", f"2026-01-0{i} 12:00:00 +0100")

    sh(src, "checkout", "-q", "-b", "calm", base)
    commit(src, {
        "f2.c": text(["new 1", "new 2", "new 3", *lines("f2")]),
        "f3.c": edit("f3.c", 7, "f3 line 7 upstream"),
        "f6.c": edit("f6.c", 10, "f6 line 10 patched"),
    }, "upstream: move things", "2026-02-01 00:00:00 +0000")
    sh(src, "mv", "f4.c", "g4.c")
    sh(src, "commit", "-q", "-m", "upstream: rename f4.c", date="2026-02-02 00:00:00 +0000")
    sh(src, "tag", "v2-calm")
    sh(src, "checkout", "-q", "-b", "next")
    commit(src, {"f5.c": edit("f5.c", 10, "f5 line 10 upstream")},
           "upstream: change f5", "2026-02-03 00:00:00 +0000")
    sh(src, "tag", "v2")
    sh(src, "checkout", "-q", "master")

    bare = tmp / "cache" / "linux.git"
    sh(tmp, "init", "-q", "--bare", str(bare))
    sh(src, "push", "-q", str(bare), "master", "series", "calm", "next", "--tags")
    # as tools/upstream import leaves it: HEAD outside refs/heads
    sh(bare, "update-ref", "refs/covekit/upstream/linux", base)
    sh(bare, "update-ref", "refs/covekit/upstream/linux-v1", base)
    sh(bare, "symbolic-ref", "HEAD", "refs/covekit/upstream/linux")

    root = tmp / "covekit" / "kernel-patches"
    root.mkdir(parents=True)
    (root / "upstreams.yaml").write_text("upstreams:\n  linux:\n    source: git\n")
    ctx = Context(series_root=root, cache=tmp / "cache", build=tmp / "build",
                  upstreams=root / "upstreams.yaml", resolve=lambda name: (bare, base),
                  root=tmp / "covekit")
    world = World(tmp, src, bare, base, ctx)
    d = world.series_dir
    d.mkdir()
    (d / "series.yaml").write_text(manifest_text(base))
    (d / "cover-letter.txt").write_text("This series patches line 10 of every file.\n\n"
                                        "It is a test.\n")
    series = world.series()
    refresh.refresh(ctx, series, source=sh(bare, "rev-parse", "series"))
    return world


def manifest_text(base: str) -> str:
    return f"""\
# A test series.
title: "demo: patch line 10 everywhere"
upstream: linux
base:
  commit: {base}
  describe: v1
change-id: {CHANGE_ID}
revision: 2
prerequisites: []
patches: []
history:
  - revision: 2
    changes:
      - patch f7.c too
"""
