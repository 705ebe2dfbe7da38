# SPDX-License-Identifier: GPL-2.0-only
"""The upstream trees our kernel series apply to (./tools/upstream; its
usage is in cli).

One job a module: registry (upstreams.yaml), cache (the bare repositories,
their refs and stamps, resolve), debian and git_source (the import of each
source kind, tarball_import doing the tarball), importer (locking, dispatch),
cli (the command line).
"""

from __future__ import annotations

from .cache import cache_dir, repo_path, resolve
from .errors import (
           TarballMissing,
           UnknownUpstream,
           UpstreamError,
           UpstreamMissing,
           UpstreamsFileError,
)
from .registry import Upstream, get_upstream, load_upstreams, upstreams_path

__all__ = ["TarballMissing", "UnknownUpstream", "Upstream", "UpstreamError", "UpstreamMissing",
           "UpstreamsFileError", "cache_dir", "get_upstream", "import_upstream", "load_upstreams",
           "repo_path", "resolve", "upstreams_path"]


def __getattr__(name: str) -> object:
    # The import machinery (tarball, Debian and git sources) loads on first
    # use: tools/series only resolves upstreams, and starts faster without it.
    if name == "import_upstream":
        from .importer import import_upstream
        return import_upstream
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
