# SPDX-License-Identifier: GPL-2.0-only
"""Where tools/series finds things: the series directory, the upstream cache,
the build directory, and how an upstream name becomes a repository.

environment (besides covekit_tools.context's COVEKIT_ROOT, COVEKIT_BUILD --
export writes under <build>/series -- and COVEKIT_CACHE):
  COVEKIT_SERIES_DIR  the directory of series (default: <checkout>/kernel-patches)
  COVEKIT_UPSTREAMS   the upstreams.yaml (default: <series dir>/upstreams.yaml)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from covekit_tools import context

from .errors import ManifestError, SeriesError

ROOT = context.CHECKOUT

# upstream name -> (bare cache repository, the upstream's commit id)
Resolver = Callable[[str], tuple[Path, str]]


def resolve_upstream(name: str) -> tuple[Path, str]:
    """tools/upstream's resolve(), with its failures turned into SeriesError."""
    try:
        from covekit_tools import upstream
    except ImportError as err:
        raise SeriesError(f"cannot resolve upstream {name!r}: covekit_tools.upstream is not "
                          f"available ({err})") from None
    try:
        return upstream.resolve(name)
    except upstream.UpstreamMissing as err:
        text = str(err)
        if text.startswith(("tools/upstream", "./tools/upstream")):
            text = f"upstream {name!r} is not in the cache; run: {text}"
        raise SeriesError(text) from None
    except upstream.UpstreamsFileError as err:
        raise ManifestError(err.problems) from None
    except upstream.UpstreamError as err:
        raise SeriesError(str(err)) from None


@dataclass
class Context:
    series_root: Path
    cache: Path
    build: Path
    upstreams: Path
    resolve: Resolver = field(default=resolve_upstream)
    root: Path = ROOT

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None,
                 resolve: Resolver = resolve_upstream) -> Context:
        env = os.environ if environ is None else environ
        root = context.root(env)
        series_root = Path(env.get("COVEKIT_SERIES_DIR") or root / "kernel-patches")
        return cls(series_root=series_root.absolute(),
                   cache=context.cache_dir(env).absolute(),
                   build=context.build_dir(env),
                   upstreams=Path(env.get("COVEKIT_UPSTREAMS")
                                  or series_root / "upstreams.yaml").absolute(),
                   resolve=resolve, root=root)

    def display(self, path: Path) -> str:
        """PATH as messages name it: relative to the checkout when inside it."""
        path = Path(path).absolute()
        for base in (self.root, Path.cwd()):
            try:
                return str(path.relative_to(base))
            except ValueError:
                continue
        return str(path)

    def worktree_dir(self, series: str) -> Path:
        """Default home of `tools/series apply`'s worktree for SERIES."""
        return self.cache / "worktrees" / series

    def export_dir(self, series: str, revision: int) -> Path:
        return self.build / "series" / f"{series}-v{revision}"
