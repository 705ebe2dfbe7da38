# SPDX-License-Identifier: GPL-2.0-only
"""The one place covekit runs git (through GitPython).

Every git command of tools/upstream and tools/series goes through run(), so
errors look the same everywhere: GitError names the command, the
repository and git's own message.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import git as gitpython


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
    full_env = dict(os.environ, LC_ALL="C", GIT_TERMINAL_PROMPT="0", **(env or {}))
    with tempfile.TemporaryFile() as stdin:  # GitPython wants a real file for stdin
        if input is not None:
            stdin.write(input.encode() if isinstance(input, str) else input)
            stdin.seek(0)
        status, out, err = gitpython.Git(str(repo)).execute(
            ["git", *args], istream=stdin if input is not None else None, env=full_env,
            with_extended_output=True, with_exceptions=False, strip_newline_in_stdout=strip)
    if check and status != 0:
        raise GitError(Path(repo), args, status, err)
    return out


def ok(repo: Path | str, *args: str, env: Mapping[str, str] | None = None) -> bool:
    """Whether git ARGS succeeds in repo (for questions such as --check)."""
    try:
        run(repo, *args, env=env)
    except GitError:
        return False
    return True
