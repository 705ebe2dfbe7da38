# SPDX-License-Identifier: GPL-2.0-only
"""./tools/upstream: the upstream trees our kernel series apply to.

  tools/upstream list          each upstream of kernel-patches/upstreams.yaml,
                               its source and whether it is imported
  tools/upstream import NAME   bring one into the cache, as a bare repository
                               <cache>/upstream/NAME.git (cache: $COVEKIT_CACHE,
                               default ~/.cache/covekit)

A `source: debian` upstream (a linux-source tarball) is imported as one
commit with a fixed author, date and message, so every machine gets the same
commit id; a `source: git` upstream is fetched from any repository (your own
clone, a URL).  Either way refs/covekit/upstream/NAME and
refs/covekit/upstream/NAME-DESCRIBE point at the commit, and the import
prints the commit id as its last line on stdout.  COVEKIT_UPSTREAMS=FILE
reads another upstreams.yaml.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from covekit_tools import errors, git, scratch
from covekit_tools.errors import ToolError

from . import tarball_import
from .cache import resolve
from .errors import UpstreamMissing, UpstreamsFileError
from .importer import import_upstream
from .registry import load_upstreams, upstreams_path


def _list(root: Path | None) -> int:
    ups = load_upstreams(root)
    _, shown = upstreams_path(root)
    if not ups:
        print(f"no upstreams in {shown}")
    width = max((len(n) for n in ups), default=0)
    pad = " " * (width + 2)
    for name, up in ups.items():
        if up.source == "debian":
            assert up.tarball is not None
            version = f" {up.version}" if up.version else ""
            print(f"{name:<{width}}  debian {up.package}{version} ({up.describe}): {up.tarball}")
        else:
            print(f"{name:<{width}}  git {up.git} {up.ref} ({up.describe})")
        try:
            repo, commit = resolve(name, root)
            print(f"{pad}imported: {commit} in {repo}")
        except UpstreamMissing as err:
            print(f"{pad}not imported: run {err}")
        if up.tarball is not None and not up.tarball.exists():
            print(f"{pad}tarball missing: run sudo tools/install-deps")
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="tools/upstream", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser("list", help="each upstream, its source and whether it is imported")
    imp = sub.add_parser("import", help="import an upstream into the cache")
    imp.add_argument("name", metavar="NAME")
    imp.add_argument("-q", "--quiet", action="store_true", help="print only the commit id")
    args = ap.parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupt)
    scratch.sweep()  # scratch worktrees of killed runs in the caches
    try:
        if args.command == "list":
            return _list(None)
        print(import_upstream(args.name, progress=not args.quiet))
        return 0
    except UpstreamsFileError as err:  # FILE:LINE:COL: message lines, in file order
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return err.status
    except ToolError as err:
        return errors.report("upstream", err)
    except KeyboardInterrupt:
        print("upstream: interrupted; nothing was changed", file=sys.stderr)
        return 130
    except (tarball_import.TarballError, git.GitError, OSError) as err:
        return errors.report("upstream", ToolError(str(err)))
