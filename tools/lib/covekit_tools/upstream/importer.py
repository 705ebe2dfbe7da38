# SPDX-License-Identifier: GPL-2.0-only
"""Import an upstream into the cache, locked against a concurrent import,
by the module for its source kind."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from . import tarball_import
from .cache import Say, cache_dir
from .debian import import_debian
from .git_source import import_git
from .registry import get_upstream


@contextlib.contextmanager
def _locked(path: Path, say: Say) -> Iterator[None]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say("waiting for another import of it to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _clean_stale(updir: Path, name: str) -> None:
    """Leftovers of an import that was killed (we hold the lock: none is running)."""
    for tmp in updir.glob(f"{name}.git.tmp-*"):
        shutil.rmtree(tmp, ignore_errors=True)
    for tmp in (updir / f"{name}.git" / "objects" / "pack").glob(
            f"{tarball_import.TMP_PREFIX}*"):
        tmp.unlink(missing_ok=True)


def import_upstream(name: str, progress: bool = True, root: Path | None = None) -> str:
    """Import upstream NAME into the cache (a no-op when it is there); its commit id.

    progress: report on stderr (progress every few seconds, a final line).
    Interrupting it leaves the cache as it was; the next run starts clean.
    """
    up = get_upstream(name, root)
    updir = cache_dir() / "upstream"
    updir.mkdir(parents=True, exist_ok=True)
    say = Say(name, progress)
    with _locked(updir / f"{name}.lock", say):
        _clean_stale(updir, name)
        if up.source == "debian":
            return import_debian(up, updir, say, progress)
        return import_git(up, updir, say)
