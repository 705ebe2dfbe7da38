# SPDX-License-Identifier: GPL-2.0-only
"""Import a `source: git` upstream: fetch its ref from any repository."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from .cache import Say, fresh_or_final, read_refs, run_git, set_refs, stamp_inputs, write_stamp
from .registry import Upstream


def import_git(up: Upstream, updir: Path, say: Say) -> str:
    assert up.git is not None and up.ref is not None
    start = time.monotonic()
    repo, fresh = fresh_or_final(updir, up)
    try:
        old = None if fresh else read_refs(repo).get(up.ref_name)
        say(f"fetching {up.ref} from {up.git}")
        run_git(repo, "fetch", "--no-tags", "--quiet", up.git, f"+{up.ref}:{up.ref_name}")
        commit = run_git(repo, "rev-parse", "--verify", "--quiet", f"{up.ref_name}^{{commit}}")
        set_refs(repo, up, commit)
        write_stamp(repo, {**stamp_inputs(up), "commit": commit})
        if fresh:
            os.rename(repo, final := updir / f"{up.name}.git")
            repo = final
    except BaseException:
        if fresh:
            shutil.rmtree(repo, ignore_errors=True)
        raise
    if old == commit and not fresh:
        say(f"already imported {commit}")
    else:
        say(f"imported {commit} in {time.monotonic() - start:.1f}s")
    return commit
