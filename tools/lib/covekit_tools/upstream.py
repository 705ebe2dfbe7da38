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
import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from covekit_codegen import api
from ruamel.yaml.comments import CommentedMap

from . import context, errors, git, tarball_import
from .errors import ToolError, UsageError

UPSTREAMS_FILE = "kernel-patches/upstreams.yaml"
REF_PREFIX = "refs/covekit/upstream/"
# 2000-01-01T00:00:00Z: author and committer date of every tarball import.
FIXED_DATE = 946684800
# Bump when an import of the same tarball would give a different commit, so
# that caches made by an older importer are redone.
IMPORTER_VERSION = 1
STAMP = "covekit-upstream.json"

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_KEYS = {
    "debian": {"source", "package", "tarball", "describe", "version"},
    "git": {"source", "git", "ref", "describe"},
}
_REQUIRED = {"debian": ["package", "tarball", "describe"], "git": ["git", "ref"]}


class UpstreamError(ToolError):
    """Something the user must fix; the message is one line (or several for files)."""


class UpstreamsFileError(UpstreamError):
    """upstreams.yaml is malformed; each problem is FILE:LINE:COL: message (exit 2)."""

    status = UsageError.status

    def __init__(self, problems: list[api.Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class UnknownUpstream(UpstreamError):
    status = UsageError.status

    def __init__(self, name: str, known: list[str]):
        self.name, self.known = name, known
        super().__init__(f"unknown upstream '{name}'; known: {', '.join(known) or '(none)'}")


class UpstreamMissing(UpstreamError):
    """The upstream is not imported (or not as upstreams.yaml now describes it).

    The message is exactly the command that imports it.
    """

    def __init__(self, name: str):
        self.name = name
        super().__init__(f"tools/upstream import {name}")


class TarballMissing(UpstreamError):
    pass


@dataclass(frozen=True)
class Upstream:
    name: str
    source: str                 # "debian" or "git"
    describe: str               # names the import: refs/covekit/upstream/NAME-DESCRIBE
    package: str | None = None  # debian: the package that installs the tarball
    tarball: Path | None = None  # debian
    version: str | None = None  # debian: the package version, when pinned
    git: str | None = None      # git: path or URL
    ref: str | None = None      # git: what to fetch
    where: str = ""             # FILE:LINE:COL of the entry, for messages
    positions: dict[str, str] = field(default_factory=dict, compare=False)  # of each value

    @property
    def ref_name(self) -> str:
        return f"{REF_PREFIX}{self.name}"

    @property
    def describe_ref(self) -> str:
        return f"{REF_PREFIX}{self.name}-{self.describe}"


# --- upstreams.yaml ---------------------------------------------------------

def upstreams_path(root: Path | None = None) -> tuple[Path, str]:
    """The upstreams.yaml to read, and its name as messages print it."""
    root = root or context.root()
    env = os.environ.get("COVEKIT_UPSTREAMS")
    path = Path(env).expanduser() if env else root / UPSTREAMS_FILE
    try:
        shown = str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        shown = str(path)
    return path, shown


def _valid_ref_part(text: str) -> bool:
    """Whether text may follow refs/covekit/upstream/NAME- (git check-ref-format)."""
    if not text or text.startswith(("/", "-")) or text.endswith(("/", ".")):
        return False
    if re.search(r"[\x00-\x20\x7f~^:?*\[\\]|\.\.|@\{|//", text):
        return False
    return all(p and not p.startswith(".") and not p.endswith(".lock")
               for p in text.split("/"))


def _is_url(text: str) -> bool:
    return "://" in text or bool(re.match(r"[^/:]+@[^/:]+:", text))


def _short_ref(ref: str) -> str:
    for prefix in ("refs/heads/", "refs/tags/", "refs/"):
        if ref.startswith(prefix):
            return ref[len(prefix):]
    return ref


class _Problems:
    def __init__(self, shown: str):
        self.shown = shown
        self.items: list[api.Problem] = []

    def pos(self, data: Any, key: str | None = None, *, of_key: bool = False) -> api.Pos:
        if of_key and key is not None:
            return api.key_pos(data, self.shown, key)
        return api.node_pos(data, self.shown, key)

    def add(self, where: api.Pos, message: str) -> None:
        self.items.append(api.Problem(where, message))


def _load_yaml(path: Path, shown: str) -> Any:
    if not path.exists():
        raise UpstreamsFileError([api.Problem(api.Pos(shown), "no such file")])
    try:
        return api.load_yaml(path, shown)
    except api.SpecError as err:
        raise UpstreamsFileError(err.problems) from None


def load_upstreams(root: Path | None = None) -> dict[str, Upstream]:
    """Every upstream of upstreams.yaml, by name.  Raises UpstreamsFileError."""
    path, shown = upstreams_path(root)
    data = _load_yaml(path, shown)
    p = _Problems(shown)
    if not isinstance(data, CommentedMap) or "upstreams" not in data:
        where = p.pos(data) if isinstance(data, CommentedMap) else api.Pos(shown, 1, 1)
        raise UpstreamsFileError([api.Problem(where, "expected a mapping with 'upstreams'")])
    for key in data:
        if key != "upstreams":
            p.add(p.pos(data, key, of_key=True), f"unknown key '{key}' (expected 'upstreams')")
    entries = data["upstreams"]
    if not isinstance(entries, CommentedMap):
        p.add(p.pos(data, "upstreams"), "'upstreams' must map each name to its source")
        raise UpstreamsFileError(p.items)
    base = path.parent
    result: dict[str, Upstream] = {}
    for name, entry in entries.items():
        name_pos = p.pos(entries, name, of_key=True)
        if not isinstance(name, str) or not _NAME.fullmatch(name) or name.endswith(".lock"):
            p.add(name_pos, f"bad upstream name '{name}': use letters, digits, '.', '_', '-'")
            continue
        if not isinstance(entry, CommentedMap):
            p.add(p.pos(entries, name), f"{name}: expected a mapping with 'source'")
            continue
        up = _parse_entry(p, name, entry, name_pos, base)
        if up is not None:
            result[name] = up
    if p.items:
        raise UpstreamsFileError(p.items)
    return result


def _parse_entry(p: _Problems, name: str, entry: CommentedMap, name_pos: api.Pos,
                 base: Path) -> Upstream | None:
    before = len(p.items)
    source = entry.get("source")
    if source not in _KEYS:
        where = p.pos(entry, "source") if "source" in entry else name_pos
        p.add(where, f"{name}: 'source' must be 'debian' or 'git'"
              + (f", not '{source}'" if source is not None else ""))
        return None
    for key in entry:
        if key not in _KEYS[source]:
            p.add(p.pos(entry, key, of_key=True), f"{name}: unknown key '{key}' for source "
                  f"{source} (expected {', '.join(sorted(_KEYS[source]))})")
    values: dict[str, str] = {}
    for key in _KEYS[source]:
        if key not in entry:
            if key in _REQUIRED[source]:
                p.add(name_pos, f"{name}: missing '{key}' (source {source} needs "
                      f"{', '.join(_REQUIRED[source])})")
            continue
        value = entry[key]
        if isinstance(value, bool) or not isinstance(value, str | int | float) \
                or not str(value).strip():
            p.add(p.pos(entry, key), f"{name}: '{key}' must be a non-empty string")
            continue
        values[key] = str(value).strip()
    if "describe" in values and not _valid_ref_part(values["describe"]):
        p.add(p.pos(entry, "describe"), f"{name}: describe '{values['describe']}' cannot be "
              f"part of a git ref name")
    if len(p.items) > before:
        return None
    where = str(p.pos(entry))
    positions = {key: str(p.pos(entry, key)) for key in values}
    if source == "debian":
        tarball = Path(values["tarball"]).expanduser()
        return Upstream(name, source, values["describe"], package=values["package"],
                        tarball=tarball if tarball.is_absolute() else base / tarball,
                        version=values.get("version"), where=where, positions=positions)
    url = values["git"]
    if not _is_url(url):
        local = Path(url).expanduser()
        url = str(local if local.is_absolute() else (base / local).resolve())
    return Upstream(name, source, values.get("describe") or _short_ref(values["ref"]),
                    git=url, ref=values["ref"], where=where, positions=positions)


def get_upstream(name: str, root: Path | None = None) -> Upstream:
    ups = load_upstreams(root)
    if name not in ups:
        raise UnknownUpstream(name, sorted(ups))
    return ups[name]


# --- the cache ----------------------------------------------------------------

cache_dir = context.cache_dir


def repo_path(name: str) -> Path:
    return cache_dir() / "upstream" / f"{name}.git"


def _git(repo: Path, *args: str) -> str:
    return git.run(repo, f"--git-dir={repo}", *args)


def _refs(repo: Path) -> dict[str, str]:
    """refs/covekit/upstream/* of repo, each peeled to the object it names."""
    out = _git(repo, "for-each-ref", "--format=%(refname) %(objectname) %(*objectname)",
               REF_PREFIX)
    refs = {}
    for line in out.splitlines():
        ref, obj, *peeled = line.split()
        refs[ref] = peeled[0] if peeled else obj
    return refs


def resolve(name: str, root: Path | None = None) -> tuple[Path, str]:
    """(bare repository, commit id) of an imported upstream.

    Raises UnknownUpstream, or UpstreamMissing (its message is the command to
    run) when it is not imported as upstreams.yaml describes it.
    """
    up = get_upstream(name, root)
    repo = repo_path(name)
    if not repo.is_dir():
        raise UpstreamMissing(name)
    try:
        refs = _refs(repo)
    except git.GitError:
        raise UpstreamMissing(name) from None
    commit = refs.get(up.ref_name)
    stamp = _read_stamp(repo)
    if (commit is None or refs.get(up.describe_ref) != commit or stamp.get("commit") != commit
            or any(stamp.get(k) != v for k, v in _stamp_inputs(up).items())):
        raise UpstreamMissing(name)
    return repo, commit


# --- import -------------------------------------------------------------------

class _Say:
    def __init__(self, name: str, enabled: bool):
        self.name, self.enabled = name, enabled

    def __call__(self, message: str) -> None:
        if self.enabled:
            print(f"upstream {self.name}: {message}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def _locked(path: Path, say: _Say) -> Iterator[None]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say("waiting for another import of it to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _clean_stale(updir: Path, name: str) -> None:
    """Leftovers of an import that was killed (we hold the lock: none is running)."""
    for tmp in updir.glob(f"{name}.git.tmp-*"):
        shutil.rmtree(tmp, ignore_errors=True)
    for tmp in (updir / f"{name}.git" / "objects" / "pack").glob(
            f"{tarball_import.TMP_PREFIX}*"):
        tmp.unlink(missing_ok=True)


def _init_bare(repo: Path) -> None:
    git.run(repo.parent, f"--git-dir={repo}", "init", "--bare", "-q")


def _set_refs(repo: Path, up: Upstream, commit: str) -> None:
    # HEAD detached at the commit, so that `git log` in the repository shows it.
    _git(repo, "update-ref", "--no-deref", "HEAD", commit)
    _git(repo, "update-ref", up.describe_ref, commit)
    _git(repo, "update-ref", up.ref_name, commit)


def _fresh_or_final(updir: Path, up: Upstream) -> tuple[Path, bool]:
    """Where to import: a new temporary repository, or the existing one."""
    final = updir / f"{up.name}.git"
    if final.exists():
        if not git.ok(final, f"--git-dir={final}", "rev-parse", "--git-dir"):
            raise UpstreamError(f"{final} is not a git repository; remove it and rerun")
        return final, False
    tmp = updir / f"{up.name}.git.tmp-{os.getpid()}"
    _init_bare(tmp)
    return tmp, True


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 22):
            h.update(chunk)
    return h.hexdigest()


def _stamp_inputs(up: Upstream) -> dict[str, Any]:
    """What the import depends on in upstreams.yaml (for debian: besides the
    tarball's bytes); resolve() wants the stamp to match it."""
    if up.source == "git":
        return {"source": "git", "git": up.git, "ref": up.ref, "describe": up.describe}
    return {"source": "debian", "importer": IMPORTER_VERSION, "package": up.package,
            "version": up.version, "describe": up.describe, "tarball": str(up.tarball)}


def _read_stamp(repo: Path) -> dict[str, Any]:
    try:
        data = json.loads((repo / STAMP).read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_stamp(repo: Path, data: dict[str, Any]) -> None:
    tmp = repo / f"{STAMP}.tmp"
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    os.replace(tmp, repo / STAMP)


def _tarball_stamp(up: Upstream, commit: str, sha256: str, st: os.stat_result) -> dict[str, Any]:
    return {**_stamp_inputs(up), "commit": commit, "sha256": sha256,
            "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _already_imported(up: Upstream, repo: Path, st: os.stat_result) -> str | None:
    """The commit when repo holds this tarball's import, as upstreams.yaml says."""
    stamp = _read_stamp(repo)
    refs = _refs(repo)
    commit = refs.get(up.ref_name)
    if (commit is None or refs.get(up.describe_ref) != commit or stamp.get("commit") != commit
            or any(stamp.get(k) != v for k, v in _stamp_inputs(up).items())):
        return None
    if (stamp.get("size"), stamp.get("mtime_ns")) == (st.st_size, st.st_mtime_ns):
        return commit
    assert up.tarball is not None
    sha256 = _sha256(up.tarball)          # touched or reinstalled: same bytes?
    if sha256 != stamp.get("sha256"):
        return None
    _write_stamp(repo, _tarball_stamp(up, commit, sha256, st))
    return commit


def _check_version(up: Upstream) -> None:
    """A pinned version must be the installed one (when dpkg knows the package)."""
    if not up.version or not shutil.which("dpkg-query"):
        return
    proc = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", str(up.package)],
                          capture_output=True, text=True)
    installed = proc.stdout.strip()
    if proc.returncode == 0 and installed and installed != up.version:
        where = up.positions.get("version", up.where)
        raise UpstreamError(f"{where}: {up.name}: version {up.version}, but the installed "
                            f"{up.package} is {installed}; update 'version' and 'describe'")


def commit_message(up: Upstream, top: str, sha256: str, gitignore_stripped: bool) -> str:
    version = f" {up.version}" if up.version else ""
    assert up.tarball is not None
    lines = [
        f"Import {up.package}{version} ({up.describe})",
        "",
        f"The kernel source of the Debian package {up.package}{version}, from",
        f"{up.tarball.name}, imported by covekit's tools/upstream as one commit",
        "with a fixed author, date and message, so that every machine gets the",
        f"same commit id.  The top-level directory {top}/ is stripped.",
    ]
    if gitignore_stripped:
        lines += [
            "",
            "The Debian block at the end of .gitignore (its comment, \"/*\" and",
            "\"!/debian/\", which ignore everything at the top level but debian/)",
            "is removed, so that worktrees behave like an upstream tree.",
        ]
    lines += ["", f"Tarball-SHA256: {sha256}"]
    return "\n".join(lines) + "\n"


def _import_debian(up: Upstream, updir: Path, say: _Say, progress: bool) -> str:
    assert up.tarball is not None
    try:
        st = up.tarball.stat()
    except FileNotFoundError:
        raise TarballMissing(f"{up.name}: {up.tarball} is missing (Debian package "
                             f"{up.package}); run: sudo tools/install-deps") from None
    _check_version(up)
    final = updir / f"{up.name}.git"
    if final.exists() and (commit := _already_imported(up, final, st)):
        say(f"already imported {commit}")
        return commit

    start = time.monotonic()

    def report(prog: tarball_import.Progress) -> None:
        done = f"{100 * prog.read // prog.total}%, " if prog.total else ""
        say(f"{done}{prog.files} files, {prog.bytes / 1e6:.0f} MB "
            f"({time.monotonic() - start:.0f}s)")

    say(f"importing {up.tarball}")
    repo, fresh = _fresh_or_final(updir, up)
    try:
        try:
            result = tarball_import.import_tarball(
                repo, up.tarball,
                lambda top, sha, stripped: commit_message(up, top, sha, stripped),
                when=FIXED_DATE, progress=report if progress else None)
        except tarball_import.TarballError as err:
            raise UpstreamError(f"{up.tarball}: {err}") from None
        _set_refs(repo, up, result.commit)
        _write_stamp(repo, _tarball_stamp(up, result.commit, result.sha256, st))
        if fresh:
            os.rename(repo, final)
    except BaseException:
        if fresh:
            shutil.rmtree(repo, ignore_errors=True)
        raise
    note = ", .gitignore's Debian block removed" if result.gitignore_stripped else ""
    say(f"imported {result.files} files ({result.bytes / 1e6:.0f} MB{note}) as "
        f"{result.commit} in {time.monotonic() - start:.1f}s")
    return result.commit


def _import_git(up: Upstream, updir: Path, say: _Say) -> str:
    assert up.git is not None and up.ref is not None
    start = time.monotonic()
    repo, fresh = _fresh_or_final(updir, up)
    try:
        old = None if fresh else _refs(repo).get(up.ref_name)
        say(f"fetching {up.ref} from {up.git}")
        _git(repo, "fetch", "--no-tags", "--quiet", up.git, f"+{up.ref}:{up.ref_name}")
        commit = _git(repo, "rev-parse", "--verify", "--quiet", f"{up.ref_name}^{{commit}}")
        _set_refs(repo, up, commit)
        _write_stamp(repo, {**_stamp_inputs(up), "commit": commit})
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


def import_upstream(name: str, progress: bool = True, root: Path | None = None) -> str:
    """Import upstream NAME into the cache (a no-op when it is there); its commit id.

    progress: report on stderr (progress every few seconds, a final line).
    Interrupting it leaves the cache as it was; the next run starts clean.
    """
    up = get_upstream(name, root)
    updir = cache_dir() / "upstream"
    updir.mkdir(parents=True, exist_ok=True)
    say = _Say(name, progress)
    with _locked(updir / f"{name}.lock", say):
        _clean_stale(updir, name)
        if up.source == "debian":
            return _import_debian(up, updir, say, progress)
        return _import_git(up, updir, say)


# --- command line -------------------------------------------------------------

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


if __name__ == "__main__":
    sys.exit(main())
