# SPDX-License-Identifier: GPL-2.0-only
"""The one place covekit runs git.

Every git command of tools/upstream and tools/series goes through run(), so
errors look the same everywhere: GitError names the command, the
repository and git's own message.  Plain subprocess, not GitPython: its
import and its `git version` probes cost more than most of the git
commands a tool runs (tools/bench series).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path


class GitError(Exception):
    def __init__(self, repo: Path, args: tuple[str, ...], status: int, stderr: str):
        self.repo, self.args_, self.status, self.stderr = repo, args, status, stderr.strip()
        last = self.stderr.splitlines()[-1] if self.stderr else f"exit status {status}"
        super().__init__(f"git {' '.join(args)} (in {repo}): {last}")


# Commits made by covekit are reproducible: same content, same id.
FIXED_IDENTITY = {
    "GIT_AUTHOR_NAME": "covekit", "GIT_AUTHOR_EMAIL": "covekit@invalid",
    "GIT_COMMITTER_NAME": "covekit", "GIT_COMMITTER_EMAIL": "covekit@invalid",
}


def run(repo: Path | str, *args: str, input: str | bytes | None = None,
        env: Mapping[str, str] | None = None, check: bool = True,
        strip: bool = True) -> str:
    """git ARGS in repo; its stdout.  Raises GitError when it fails and check."""
    full_env = dict(os.environ, LC_ALL="C", LANGUAGE="C", GIT_TERMINAL_PROMPT="0",
                    **(env or {}))
    data = input.encode() if isinstance(input, str) else input
    try:
        proc = subprocess.run(["git", *args], cwd=repo, env=full_env, input=data,
                              stdin=subprocess.DEVNULL if data is None else None,
                              capture_output=True)
    except OSError as err:  # no such directory, or no git
        raise GitError(Path(repo), args, -1, f"cannot run git in {repo}: {err}") from None
    out = proc.stdout.decode("utf-8", "surrogateescape")
    if strip and out.endswith("\n"):
        out = out[:-1]
    if check and proc.returncode != 0:
        raise GitError(Path(repo), args, proc.returncode,
                       proc.stderr.decode("utf-8", "surrogateescape"))
    return out


def ok(repo: Path | str, *args: str, env: Mapping[str, str] | None = None) -> bool:
    """Whether git ARGS succeeds in repo (for questions such as --check)."""
    try:
        run(repo, *args, env=env)
    except GitError:
        return False
    return True
