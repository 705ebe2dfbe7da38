# SPDX-License-Identifier: GPL-2.0-only
"""Where every tool finds things; the one place that reads these variables.

environment:
  COVEKIT_ROOT   the checkout (tools/lib/venv.sh sets it; default: the
                 checkout holding this file)
  COVEKIT_BUILD  the build root (default: <root>/build, as tools/test uses)
  COVEKIT_CACHE  the cache: upstream trees, series worktrees (default:
                 ~/.cache/covekit)

Each function reads os.environ when called (or the mapping given), so a
test can point a tool elsewhere with the variables alone.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# The checkout this code lives in: tools/lib/covekit_tools/context.py.
CHECKOUT = Path(__file__).resolve().parents[3]


def _env(environ: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if environ is None else environ


def root(environ: Mapping[str, str] | None = None) -> Path:
    """The checkout: $COVEKIT_ROOT, else the one holding this code."""
    env = _env(environ)
    return Path(env["COVEKIT_ROOT"]).expanduser() if env.get("COVEKIT_ROOT") else CHECKOUT


def build_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The build root: $COVEKIT_BUILD, else <root>/build; absolute."""
    env = _env(environ)
    return Path(env.get("COVEKIT_BUILD") or root(env) / "build").expanduser().absolute()


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The cache: $COVEKIT_CACHE, else ~/.cache/covekit."""
    env = _env(environ)
    if env.get("COVEKIT_CACHE"):
        return Path(env["COVEKIT_CACHE"]).expanduser()
    return Path.home() / ".cache" / "covekit"


def display(path: Path, base: Path | None = None) -> str:
    """path as messages name it: relative to the checkout (or base) when inside it."""
    try:
        return str(Path(path).relative_to(base or root()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Context:
    """The three places, read once: for code that passes them around."""

    root: Path
    build: Path
    cache: Path

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Context:
        env = _env(environ)
        return cls(root(env), build_dir(env), cache_dir(env))
