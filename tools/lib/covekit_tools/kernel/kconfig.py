# SPDX-License-Identifier: GPL-2.0-only
"""Kernel config fragments: apply one on a base config with the tree's own
kconfig tools, then check that every option holds the value asked for.
(kconfiglib cannot parse Linux's Kconfig.)"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from .kbuild import ARCH, KbuildError, make

_SET = re.compile(r"^(CONFIG_\w+)=(.*)$")
_UNSET = re.compile(r"^# (CONFIG_\w+) is not set$")


class FragmentError(Exception):
    pass


def parse_config(text: str, name: str = "fragment") -> dict[str, str]:
    """CONFIG_X -> value ('n' for '# CONFIG_X is not set')."""
    values: dict[str, str] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if m := _SET.match(line):
            values[m.group(1)] = m.group(2)
        elif m := _UNSET.match(line):
            values[m.group(1)] = "n"
        elif line and not line.startswith("#"):
            raise FragmentError(f"{name}:{n}: not a config line: {line!r}")
    return values


def apply_fragment(tree: Path, build: Path, base: str, fragment: Path) -> None:
    """<base> (e.g. tinyconfig), the fragment merged in, then olddefconfig."""
    make(tree, build, base)
    env = dict(os.environ, ARCH=ARCH)
    argv = ["scripts/kconfig/merge_config.sh", "-m", "-O", str(build),
            str(build / ".config"), str(fragment)]
    proc = subprocess.run(argv, cwd=tree, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise KbuildError(argv, proc.stdout + proc.stderr)
    make(tree, build, "olddefconfig")


def check_fragment(config: Path, wanted: dict[str, str]) -> list[str]:
    """Options of the fragment that .config does not hold as asked."""
    have = parse_config(config.read_text(), str(config))
    problems = []
    for option, value in wanted.items():
        got = have.get(option, "n")
        if got != value:
            shown = "absent or not set" if got == "n" else got
            problems.append(f"{option}: asked {value}, after olddefconfig {shown}"
                            + (" (does the option exist, and are its dependencies met?)"
                               if got == "n" else ""))
    return problems
