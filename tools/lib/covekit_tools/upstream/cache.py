# SPDX-License-Identifier: GPL-2.0-only
"""The cache of upstream trees: <cache>/upstream/NAME.git, bare, with
refs/covekit/upstream/NAME and a stamp saying what was imported."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from covekit_codegen import api

from covekit_tools import context, git

from .errors import UpstreamError, UpstreamMissing
from .registry import REF_PREFIX, Upstream, get_upstream

# Bump when an import of the same tarball would give a different commit, so
# that caches made by an older importer are redone.
IMPORTER_VERSION = 1


STAMP = "covekit-upstream.json"


cache_dir = context.cache_dir


def repo_path(name: str) -> Path:
    return cache_dir() / "upstream" / f"{name}.git"


def run_git(repo: Path, *args: str) -> str:
    return git.run(repo, f"--git-dir={repo}", *args)


def read_refs(repo: Path) -> dict[str, str]:
    """refs/covekit/upstream/* of repo, each peeled to the object it names."""
    out = run_git(repo, "for-each-ref", "--format=%(refname) %(objectname) %(*objectname)",
               REF_PREFIX)
    refs = {}
    for line in out.splitlines():
        ref, obj, *peeled = line.split()
        refs[ref] = peeled[0] if peeled else obj
    return refs


def resolve(name: str, root: Path | None = None) -> tuple[Path, str]:
    """(bare repository, commit id) of an imported upstream.

    Raises UnknownUpstream, or UpstreamMissing (its message is the command to
    run) when it is not imported as upstreams.yaml describes it.
    """
    up = get_upstream(name, root)
    repo = repo_path(name)
    if not repo.is_dir():
        raise UpstreamMissing(name)
    try:
        refs = read_refs(repo)
    except git.GitError:
        raise UpstreamMissing(name) from None
    commit = refs.get(up.ref_name)
    stamp = read_stamp(repo)
    if (commit is None or refs.get(up.describe_ref) != commit or stamp.get("commit") != commit
            or any(stamp.get(k) != v for k, v in stamp_inputs(up).items())):
        raise UpstreamMissing(name)
    return repo, commit


def init_bare(repo: Path) -> None:
    git.run(repo.parent, f"--git-dir={repo}", "init", "--bare", "-q")


def set_refs(repo: Path, up: Upstream, commit: str) -> None:
    # HEAD detached at the commit, so that `git log` in the repository shows it.
    run_git(repo, "update-ref", "--no-deref", "HEAD", commit)
    run_git(repo, "update-ref", up.describe_ref, commit)
    run_git(repo, "update-ref", up.ref_name, commit)


def fresh_or_final(updir: Path, up: Upstream) -> tuple[Path, bool]:
    """Where to import: a new temporary repository, or the existing one."""
    final = updir / f"{up.name}.git"
    if final.exists():
        if not git.ok(final, f"--git-dir={final}", "rev-parse", "--git-dir"):
            raise UpstreamError(f"{final} is not a git repository; remove it and rerun")
        return final, False
    tmp = updir / f"{up.name}.git.tmp-{os.getpid()}"
    init_bare(tmp)
    return tmp, True


def stamp_inputs(up: Upstream) -> dict[str, Any]:
    """What the import depends on in upstreams.yaml (for debian: besides the
    tarball's bytes); resolve() wants the stamp to match it."""
    if up.source == "git":
        return {"source": "git", "git": up.git, "ref": up.ref, "describe": up.describe}
    return {"source": "debian", "importer": IMPORTER_VERSION, "package": up.package,
            "version": up.version, "describe": up.describe, "tarball": str(up.tarball)}


def read_stamp(repo: Path) -> dict[str, Any]:
    try:
        data = json.loads((repo / STAMP).read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_stamp(repo: Path, data: dict[str, Any]) -> None:
    api.write_atomic(repo / STAMP, json.dumps(data, indent=1, sort_keys=True) + "\n")


class Say:
    def __init__(self, name: str, enabled: bool):
        self.name, self.enabled = name, enabled

    def __call__(self, message: str) -> None:
        if self.enabled:
            print(f"upstream {self.name}: {message}", file=sys.stderr, flush=True)
