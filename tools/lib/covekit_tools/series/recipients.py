# SPDX-License-Identifier: GPL-2.0-only
"""To: and Cc: for an exported series, from the upstream tree's own
scripts/get_maintainer.pl.

The script runs in the worktree where the series is applied (so a MAINTAINERS
entry the series adds counts), over all of the series' patches at once; every
exported file gets the same recipients, so each reviewer sees the whole series
(as b4 does). To: is the maintainers and reviewers (M:, R:), Cc: the lists
(L:). Git history is not consulted (--no-git --no-git-fallback --no-fixes):
the cache's history is one imported commit, and the result must not depend
on it.
"""

from __future__ import annotations

import email.utils
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SeriesError

SCRIPT = "scripts/get_maintainer.pl"
COMMON = ["--no-git", "--no-git-fallback", "--no-git-chief-penguins", "--no-fixes",
          "--no-rolestats", "--no-roles", "--multiline", "--remove-duplicates"]
TO = ["--m", "--r", "--no-l"]     # maintainers and reviewers
CC = ["--no-m", "--no-r", "--l"]  # mailing lists


@dataclass
class Recipients:
    to: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)

    def add(self, to: Iterable[str] = (), cc: Iterable[str] = ()) -> Recipients:
        """Append TO and CC, each address once: one in To: is dropped from Cc:."""
        for dest, new in ((self.to, to), (self.cc, cc)):
            seen = {address(a) for a in dest}
            for a in new:
                if address(a) not in seen:
                    dest.append(a)
                    seen.add(address(a))
        in_to = {address(a) for a in self.to}
        self.cc[:] = [a for a in self.cc if address(a) not in in_to]
        return self

    def format_patch_args(self) -> list[str]:
        return [*(f"--to={header(a)}" for a in self.to), *(f"--cc={header(a)}" for a in self.cc)]


def address(entry: str) -> str:
    """The bare, lower-cased e-mail address of 'Name <addr>' or 'addr'."""
    return email.utils.parseaddr(entry)[1].lower() or entry.strip().lower()


def header(entry: str) -> str:
    """ENTRY for a mail header: a non-ASCII name RFC 2047 encoded."""
    name, addr = email.utils.parseaddr(entry)
    if not addr:
        return entry.strip()
    return email.utils.formataddr((name, addr), charset="utf-8")


def get_maintainer(tree: Path, patches: Sequence[Path]) -> Recipients:
    """Run TREE's scripts/get_maintainer.pl over PATCHES; SeriesError when it
    is missing, perl is missing, or it fails."""
    script = tree / SCRIPT
    if not script.is_file():
        raise SeriesError(f"{script} does not exist; pass --no-maintainers (and --to/--cc) "
                          f"to export without it")
    perl = shutil.which("perl")
    if perl is None:
        raise SeriesError("perl is not installed; it runs scripts/get_maintainer.pl "
                          "(or pass --no-maintainers)")

    def run(roles: list[str]) -> list[str]:
        argv = [perl, SCRIPT, *COMMON, *roles, *(str(p) for p in patches)]
        proc = subprocess.run(argv, cwd=tree, capture_output=True, text=True)
        if proc.returncode != 0:
            cmd = " ".join(argv)
            reason = proc.stderr.strip().splitlines()
            raise SeriesError(f"get_maintainer.pl failed (exit {proc.returncode}) in {tree}: "
                              f"{reason[-1] if reason else 'no message'}",
                              [f"command: {cmd}", "pass --no-maintainers to export without it"])
        return [ln.strip() for ln in proc.stdout.splitlines() if ln.strip()]

    return Recipients().add(to=run(TO), cc=run(CC))
