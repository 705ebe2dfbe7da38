# SPDX-License-Identifier: GPL-2.0-only
"""Import a `source: debian` upstream: the linux-source tarball as one
commit with a fixed author, date and message (the same id everywhere)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

from . import tarball_import
from .cache import (
    Say,
    fresh_or_final,
    read_refs,
    read_stamp,
    set_refs,
    stamp_inputs,
    write_stamp,
)
from .errors import TarballMissing, UpstreamError
from .registry import Upstream

# 2000-01-01T00:00:00Z: author and committer date of every tarball import.
FIXED_DATE = 946684800


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 22):
            h.update(chunk)
    return h.hexdigest()


def _tarball_stamp(up: Upstream, commit: str, sha256: str, st: os.stat_result) -> dict[str, Any]:
    return {**stamp_inputs(up), "commit": commit, "sha256": sha256,
            "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _already_imported(up: Upstream, repo: Path, st: os.stat_result) -> str | None:
    """The commit when repo holds this tarball's import, as upstreams.yaml says."""
    stamp = read_stamp(repo)
    refs = read_refs(repo)
    commit = refs.get(up.ref_name)
    if (commit is None or refs.get(up.describe_ref) != commit or stamp.get("commit") != commit
            or any(stamp.get(k) != v for k, v in stamp_inputs(up).items())):
        return None
    if (stamp.get("size"), stamp.get("mtime_ns")) == (st.st_size, st.st_mtime_ns):
        return commit
    assert up.tarball is not None
    sha256 = _sha256(up.tarball)          # touched or reinstalled: same bytes?
    if sha256 != stamp.get("sha256"):
        return None
    write_stamp(repo, _tarball_stamp(up, commit, sha256, st))
    return commit


def _check_version(up: Upstream) -> None:
    """A pinned version must be the installed one (when dpkg knows the package)."""
    if not up.version or not shutil.which("dpkg-query"):
        return
    proc = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", str(up.package)],
                          capture_output=True, text=True)
    installed = proc.stdout.strip()
    if proc.returncode == 0 and installed and installed != up.version:
        where = up.positions.get("version", up.where)
        raise UpstreamError(f"{where}: {up.name}: version {up.version}, but the installed "
                            f"{up.package} is {installed}; update 'version' and 'describe'")


def commit_message(up: Upstream, top: str, sha256: str, gitignore_stripped: bool) -> str:
    version = f" {up.version}" if up.version else ""
    assert up.tarball is not None
    lines = [
        f"Import {up.package}{version} ({up.describe})",
        "",
        f"The kernel source of the Debian package {up.package}{version}, from",
        f"{up.tarball.name}, imported by covekit's tools/upstream as one commit",
        "with a fixed author, date and message, so that every machine gets the",
        f"same commit id.  The top-level directory {top}/ is stripped.",
    ]
    if gitignore_stripped:
        lines += [
            "",
            "The Debian block at the end of .gitignore (its comment, \"/*\" and",
            "\"!/debian/\", which ignore everything at the top level but debian/)",
            "is removed, so that worktrees behave like an upstream tree.",
        ]
    lines += ["", f"Tarball-SHA256: {sha256}"]
    return "\n".join(lines) + "\n"


def import_debian(up: Upstream, updir: Path, say: Say, progress: bool) -> str:
    assert up.tarball is not None
    try:
        st = up.tarball.stat()
    except FileNotFoundError:
        raise TarballMissing(f"{up.name}: {up.tarball} is missing (Debian package "
                             f"{up.package}); run: sudo tools/install-deps") from None
    _check_version(up)
    final = updir / f"{up.name}.git"
    if final.exists() and (commit := _already_imported(up, final, st)):
        say(f"already imported {commit}")
        return commit

    start = time.monotonic()

    def report(prog: tarball_import.Progress) -> None:
        done = f"{100 * prog.read // prog.total}%, " if prog.total else ""
        say(f"{done}{prog.files} files, {prog.bytes / 1e6:.0f} MB "
            f"({time.monotonic() - start:.0f}s)")

    say(f"importing {up.tarball}")
    repo, fresh = fresh_or_final(updir, up)
    try:
        try:
            result = tarball_import.import_tarball(
                repo, up.tarball,
                lambda top, sha, stripped: commit_message(up, top, sha, stripped),
                when=FIXED_DATE, progress=report if progress else None)
        except tarball_import.TarballError as err:
            raise UpstreamError(f"{up.tarball}: {err}") from None
        set_refs(repo, up, result.commit)
        write_stamp(repo, _tarball_stamp(up, result.commit, result.sha256, st))
        if fresh:
            os.rename(repo, final)
    except BaseException:
        if fresh:
            shutil.rmtree(repo, ignore_errors=True)
        raise
    note = ", .gitignore's Debian block removed" if result.gitignore_stripped else ""
    say(f"imported {result.files} files ({result.bytes / 1e6:.0f} MB{note}) as "
        f"{result.commit} in {time.monotonic() - start:.1f}s")
    return result.commit
