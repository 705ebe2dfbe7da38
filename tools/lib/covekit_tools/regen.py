# SPDX-License-Identifier: GPL-2.0-only
"""./tools/regen: codegen's outputs, then the generated content in the
kernel series' patches, in one process; a no-op costs one stamp check.

The stamp (<build>/regen.stamp) is a digest of every input and of the
outputs' present state: codegen's code and templates and the spec
(api.input_hash), every output and codegen/outputs.sum (api.outputs_hash),
every file of every series directory, upstreams.yaml, the upstream caches'
refs and import stamps, the tools' own Python (the series half is theirs),
and the paths all of these were read from.  A plain `./tools/regen` (or with
-q) whose digest matches the stamp prints "regen: up to date" having
imported nothing but os, hashlib and sys.  Any change -- an input edited, an
output edited or deleted, a series patch touched, an upstream re-imported
-- misses, and the full run decides.  The stamp is written only after a run
in which both halves succeeded and every series could be checked.

--check never reads the stamp: it is the gate that CI and reviewers trust,
and a stamp is only as good as the build directory it sits in (copied,
shared between checkouts, or edited).  The digest covers every output, so
a hand edit cannot hide behind it in a plain run either.

Environment: as covekit_tools.context and covekit_tools.series.context
(COVEKIT_ROOT, COVEKIT_BUILD, COVEKIT_CACHE, COVEKIT_SERIES_DIR,
COVEKIT_UPSTREAMS); they are read here directly, with the same defaults
(tools/tests/test_regen_stamp.py checks they agree), because importing
those modules would cost more than the whole check.
"""

from __future__ import annotations

import hashlib
import os
import sys

from covekit_codegen import api

STAMP = "regen.stamp"
# Arguments that leave a run a plain one: anything else skips the stamp.
PLAIN = {"-q", "--quiet"}
LIB = os.path.dirname(os.path.abspath(__file__))


def places(env: dict[str, str] | os._Environ[str] = os.environ) -> dict[str, str]:
    """root, build, cache, series and upstreams, as the tools' contexts find them."""
    here = os.path.dirname(os.path.dirname(os.path.dirname(LIB)))
    root = os.path.expanduser(env["COVEKIT_ROOT"]) if env.get("COVEKIT_ROOT") else here
    build = os.path.abspath(os.path.expanduser(env.get("COVEKIT_BUILD")
                                               or os.path.join(root, "build")))
    cache = (os.path.expanduser(env["COVEKIT_CACHE"]) if env.get("COVEKIT_CACHE")
             else os.path.join(os.path.expanduser("~"), ".cache", "covekit"))
    series = os.path.abspath(env.get("COVEKIT_SERIES_DIR")
                             or os.path.join(root, "kernel-patches"))
    upstreams = os.path.abspath(env.get("COVEKIT_UPSTREAMS")
                                or os.path.join(series, "upstreams.yaml"))
    return {"root": root, "build": build, "cache": os.path.abspath(cache), "series": series,
            "upstreams": upstreams}


def _files(top: str, suffix: str = "") -> list[str]:
    """Every file under top (ending in suffix), sorted; [] if top is absent."""
    found = []
    for d, dirs, names in os.walk(top):
        dirs[:] = sorted(n for n in dirs if n != "__pycache__")
        found += [os.path.join(d, n) for n in names if n.endswith(suffix)]
    return sorted(found)


def _upstream_state(cache: str) -> list[str]:
    """What says which commit each cached upstream is: its refs and import stamp."""
    up = os.path.join(cache, "upstream")
    try:
        repos = sorted(e.path for e in os.scandir(up) if e.name.endswith(".git"))
    except FileNotFoundError:
        return []
    found = []
    for repo in repos:
        found += [os.path.join(repo, n) for n in ("HEAD", "packed-refs", "covekit-upstream.json")]
        found += _files(os.path.join(repo, "refs", "covekit"))
    return found


def digest(env: dict[str, str] | os._Environ[str] = os.environ) -> str:
    """Everything a plain regen depends on; see the module's docstring."""
    where = places(env)
    h = hashlib.sha256()
    for key in sorted(where):
        h.update(f"{key}={where[key]}\n".encode())
    h.update(f"codegen {api.input_hash(where['root'])}\n".encode())
    h.update(f"outputs {api.outputs_hash(where['root'])}\n".encode())
    files = (_files(where["series"]) + [where["upstreams"]] + _upstream_state(where["cache"])
             + _files(LIB, ".py"))
    for path in files:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except (FileNotFoundError, IsADirectoryError):
            data = None
        h.update(path.encode() + b"\0")
        h.update(b"-\n" if data is None else hashlib.sha256(data).hexdigest().encode() + b"\n")
    return h.hexdigest()


def stamp_path(env: dict[str, str] | os._Environ[str] = os.environ) -> str:
    return os.path.join(places(env)["build"], STAMP)


def up_to_date(argv: list[str]) -> bool:
    """True when a plain run's stamp matches: nothing to do."""
    if not set(argv) <= PLAIN:
        return False
    try:
        with open(stamp_path(), encoding="utf-8") as f:
            have = f.read().strip()
        return have == digest()
    except OSError:  # no stamp, or an input unreadable: the full run says what
        return False


def write_stamp(key: str) -> None:
    # After a full run: the codegen API is imported already, so no cost.
    from pathlib import Path

    from covekit_codegen import api

    path = Path(stamp_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    api.write_atomic(path, (key + "\n").encode())


def series_clean() -> bool:
    """True when the series half checked every series (its own stamp is current)."""
    from .series import apply, regen_hook
    from .series.context import Context

    ctx = Context.from_env()
    stamp = ctx.build / "regen-series.stamp"
    names = apply.store_of(ctx).names()
    return stamp.is_file() and stamp.read_text() == regen_hook.stamp_of(ctx, names)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if up_to_date(argv):
        if not set(argv) & {"-q", "--quiet"}:
            print("regen: up to date")
        return 0
    try:
        status = api.regen_main(argv)
    except SystemExit as done:  # --help, or a usage error
        return done.code if isinstance(done.code, int) else 2
    if status > 1:  # a spec error: the series cannot be checked against it
        return status
    from .series import regen_hook

    status |= regen_hook.main(argv)
    if status == 0 and set(argv) <= PLAIN and series_clean():
        write_stamp(digest())
    return status


if __name__ == "__main__":
    sys.exit(main())
