# SPDX-License-Identifier: GPL-2.0-only
"""series.yaml: load and validate a series manifest (every problem reported as
FILE:LINE:COL: message), and write back the parts tools/series changes (base,
patch list) keeping the rest of the file, comments included, as it was."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from covekit_codegen import api
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from covekit_tools import git

from . import patchfile
from .errors import ManifestError, SeriesError, problem
from .store import Store

MANIFEST = "series.yaml"
COVER_LETTER = "cover-letter.txt"
CHANGE_ID = re.compile(r"^\d{8}-[a-z0-9][a-z0-9-]*-[0-9a-f]{12}$")
COMMIT = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")
PATCH_FILE = re.compile(r"^\d{4}-[A-Za-z0-9._+-]+\.patch$")
KEYS = ("title", "upstream", "base", "change-id", "revision", "prerequisites", "patches",
        "config", "history")
REQUIRED = ("title", "upstream", "base", "change-id", "revision", "patches")


@dataclass(frozen=True)
class PatchEntry:
    """One patch of a series, in order."""

    file: str                       # NNNN-slug.patch, in the series directory
    generated: tuple[str, ...] = ()  # kernel-tree paths whose generated content it owns
    build: tuple[str, ...] = ()      # make targets that must build once it is applied


@dataclass(frozen=True)
class HistoryEntry:
    revision: int
    changes: tuple[str, ...]


@dataclass
class Series:
    name: str
    store: Store
    title: str
    upstream: str
    base_commit: str
    base_describe: str
    change_id: str
    revision: int
    prerequisites: tuple[str, ...]
    patches: tuple[PatchEntry, ...]
    config: str | None
    history: tuple[HistoryEntry, ...]
    data: CommentedMap = field(repr=False)

    @property
    def dir(self) -> Path | None:
        """The series directory on disk (None for a series read from a git commit)."""
        return self.store.directory(self.name)

    @property
    def manifest(self) -> str:
        return self.store.display(self.name, MANIFEST)

    def read(self, file: str) -> bytes:
        return self.store.read(self.name, file)

    def cover_letter(self) -> str | None:
        try:
            return self.read(COVER_LETTER).decode("utf-8", "surrogateescape")
        except FileNotFoundError:
            return None

    def config_path(self) -> Path | None:
        """The kernel config fragment on disk, if the series has one."""
        return self.dir / self.config if self.config and self.dir else None


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 100
    yaml.preserve_quotes = True
    return yaml


def _pos(node: Any, key: str | int | None = None) -> tuple[int, int]:
    """1-based position of a node, or of one key's value / item in it."""
    # codegen's lookup: one place knows ruamel's position quirks.
    pos = api.node_pos(node, "", key)
    return (pos.line or 1, pos.col or 1)


def _key_pos(node: CommentedMap, key: str) -> tuple[int, int]:
    pos = api.key_pos(node, "", key)
    return (pos.line or 1, pos.col or 1)


class _Checker:
    def __init__(self, file: str):
        self.file, self.problems = file, []

    def add(self, where: tuple[int, int], message: str) -> None:
        self.problems.append(problem(self.file, where[0], where[1], message))

    def string(self, node: Any, key: str | int, what: str) -> str | None:
        value = node[key]
        if not isinstance(value, str) or not value.strip():
            self.add(_pos(node, key), f"{what} must be a non-empty string")
            return None
        return str(value)

    def strings(self, node: CommentedMap, key: str, what: str) -> tuple[str, ...]:
        value = node.get(key, [])
        if value is None:
            value = []
        if not isinstance(value, list):
            self.add(_pos(node, key), f"{what} must be a list of strings")
            return ()
        return tuple(s for i in range(len(value)) if (s := self.string(value, i, f"{what} "
                                                                         f"item")) is not None)

    def integer(self, node: Any, key: str, what: str) -> int | None:
        value = node[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.add(_pos(node, key), f"{what} must be a whole number >= 1")
            return None
        return int(value)

    def keys(self, node: CommentedMap, allowed: Iterable[str], required: Iterable[str],
             what: str) -> bool:
        allowed = tuple(allowed)
        for key in node:
            if key not in allowed:
                self.add(_key_pos(node, key), f"unknown key {key!r} in {what} (expected one "
                         f"of: {', '.join(allowed)})")
        missing = [k for k in required if k not in node]
        for key in missing:
            self.add(_pos(node), f"{what} lacks {key!r}")
        return not missing


def parse_yaml(text: str, file: str) -> CommentedMap:
    try:
        data = api.parse_yaml(text, file, _yaml())
    except api.SpecError as err:
        raise ManifestError(err.problems) from None
    if not isinstance(data, CommentedMap):
        raise ManifestError([problem(file, 1, 1, "expected a mapping with 'title', 'upstream', "
                                     "'base', 'change-id', 'revision' and 'patches'")])
    return data


def known_upstreams(path: Path) -> set[str] | None:
    """The upstream names in upstreams.yaml; None when it cannot be read."""
    try:
        data = YAML(typ="safe").load(path.read_text())
    except (OSError, YAMLError):
        return None
    upstreams = data.get("upstreams") if isinstance(data, dict) else None
    return set(upstreams) if isinstance(upstreams, dict) else None


def load(store: Store, name: str, upstreams: set[str] | None = None,
         patch_files: bool = True) -> Series:
    """Read and check kernel-patches/NAME/series.yaml; ManifestError lists every
    problem.  PATCH_FILES: also check that the patch files are those listed,
    each whole (not empty, not truncated); refresh, which rewrites them, does
    not ask (a killed refresh leaves the list and the files out of step)."""
    file = store.display(name, MANIFEST)
    try:
        raw = store.read(name, MANIFEST)
    except FileNotFoundError:
        raise SeriesError(f"no series {name!r}: {file} does not exist") from None
    try:
        data = parse_yaml(api.decode_text(raw, file), file)
    except (api.SpecError, ManifestError) as err:  # unreadable as a whole: say how to get it back
        hint = restore_command(store, name, MANIFEST, fallback=None)
        raise ManifestError([problem(p.pos.file, p.pos.line, p.pos.col,
                                     f"{p.message}; restore it: {hint}" if hint else p.message)
                             for p in err.problems]) from None
    c = _Checker(file)
    complete = c.keys(data, KEYS, REQUIRED, "the manifest")

    title = c.string(data, "title", "title") if "title" in data else None
    upstream = c.string(data, "upstream", "upstream") if "upstream" in data else None
    if upstream and upstreams is not None and upstream not in upstreams:
        c.add(_pos(data, "upstream"), f"upstream {upstream!r} is not in upstreams.yaml "
              f"(known: {', '.join(sorted(upstreams)) or 'none'})")

    base_commit = base_describe = None
    if "base" in data:
        base = data["base"]
        if not isinstance(base, CommentedMap):
            c.add(_pos(data, "base"), "base must be a mapping with 'commit' and 'describe'")
        elif c.keys(base, ("commit", "describe"), ("commit", "describe"), "base"):
            base_commit = c.string(base, "commit", "base commit")
            if base_commit and not COMMIT.match(base_commit):
                c.add(_pos(base, "commit"), f"base commit {base_commit!r} is not a full "
                      f"commit id (40 lowercase hex digits)")
            base_describe = c.string(base, "describe", "base describe")

    change_id = c.string(data, "change-id", "change-id") if "change-id" in data else None
    if change_id and not CHANGE_ID.match(change_id):
        c.add(_pos(data, "change-id"), f"change-id {change_id!r} is not of the form "
              f"YYYYMMDD-slug-<12 hex digits> (b4 style)")
    revision = c.integer(data, "revision", "revision") if "revision" in data else None

    prerequisites = c.strings(data, "prerequisites", "prerequisites")
    for i, cid in enumerate(prerequisites):
        if not CHANGE_ID.match(cid):
            c.add(_pos(data["prerequisites"], i), f"prerequisite {cid!r} is not a change-id "
                  f"(YYYYMMDD-slug-<12 hex digits>)")
        elif cid == change_id:
            c.add(_pos(data["prerequisites"], i), "a series cannot be its own prerequisite")

    files = set(store.files(name))
    patches: list[PatchEntry] = []
    if "patches" in data:
        patches = _patches(c, data, files if patch_files else None)
        if patch_files and store.directory(name) is not None:
            _whole_patches(c, store, name, [p.file for p in patches if p.file in files])

    config = None
    if data.get("config") is not None:
        config = c.string(data, "config", "config")
        if config and ("/" in config or config not in files):
            c.add(_pos(data, "config"), f"config fragment {config!r} is not a file in the "
                  f"series directory")
    history = _history(c, data, revision) if "history" in data else []

    if c.problems or not complete:
        raise ManifestError(c.problems)
    assert title and upstream and base_commit and base_describe and change_id and revision
    return Series(name=name, store=store, title=title, upstream=upstream,
                  base_commit=base_commit, base_describe=base_describe, change_id=change_id,
                  revision=revision, prerequisites=prerequisites, patches=tuple(patches),
                  config=config, history=tuple(history), data=data)


def _patches(c: _Checker, data: CommentedMap, files: set[str] | None) -> list[PatchEntry]:
    """The patch list; FILES, when given, must be exactly the files it lists."""
    seq = data["patches"]
    if seq is None:
        seq = CommentedSeq()
    if not isinstance(seq, list):
        c.add(_pos(data, "patches"), "patches must be a list of {file, generated, build}")
        return []
    patches, seen = [], {}
    for i, item in enumerate(seq):
        if not isinstance(item, CommentedMap):
            c.add(_pos(seq, i), "a patch must be a mapping with 'file' (and optionally "
                  "'generated' and 'build')")
            continue
        if not c.keys(item, ("file", "generated", "build"), ("file",), "a patch"):
            continue
        file = c.string(item, "file", "patch file")
        if file is None:
            continue
        if not PATCH_FILE.match(file):
            c.add(_pos(item, "file"), f"patch file {file!r} is not named NNNN-slug.patch")
        elif file in seen:
            c.add(_pos(item, "file"), f"{file} is listed twice (first at line {seen[file]})")
        elif files is not None and file not in files:
            c.add(_pos(item, "file"), f"{file} does not exist in the series directory")
        seen.setdefault(file, _pos(item, "file")[0])
        generated = c.strings(item, "generated", "generated")
        for j, path in enumerate(generated):
            if path.startswith("/") or ".." in path.split("/"):
                c.add(_pos(item["generated"], j), f"generated path {path!r} must be relative "
                      f"to the kernel tree")
        build = c.strings(item, "build", "build")
        for j, target in enumerate(build):
            if any(ch.isspace() for ch in target):
                c.add(_pos(item["build"], j), f"build target {target!r} contains whitespace")
        patches.append(PatchEntry(file, generated, build))
    for extra in sorted(f for f in files or () if f.endswith(".patch") and f not in seen):
        c.add(_key_pos(data, "patches"), f"{extra} is in the series directory but not in "
              f"patches")
    return patches


def restore_command(store: Store, name: str, file: str,
                    fallback: str | None = "./tools/series refresh {name}") -> str | None:
    """The command that brings FILE of series NAME back: git's copy when git
    knows the file, else FALLBACK (refresh rewrites the patch files)."""
    directory = store.directory(name)
    if directory is not None and git.ok(directory, "ls-files", "--error-unmatch", "--", file):
        return f"git checkout -- {store.display(name, file)}"
    return fallback.format(name=name) if fallback else None


def _whole_patches(c: _Checker, store: Store, name: str, files: list[str]) -> None:
    """A problem for every patch file that is empty, truncated or not a
    patch (a write cut short by a full disk, or a run killed by old tools)."""
    for file in files:
        why = patchfile.problem(store.read(name, file))
        if why:
            c.problems.append(problem(store.display(name, file), 0, 0,
                                      f"{why}; restore it: {restore_command(store, name, file)}"))


def _history(c: _Checker, data: CommentedMap, revision: int | None) -> list[HistoryEntry]:
    seq = data["history"]
    if seq is None:
        return []
    if not isinstance(seq, list):
        c.add(_pos(data, "history"), "history must be a list of {revision, changes}")
        return []
    history, seen = [], set()
    for i, item in enumerate(seq):
        if not isinstance(item, CommentedMap):
            c.add(_pos(seq, i), "a history entry must be a mapping with 'revision' and "
                  "'changes'")
            continue
        if not c.keys(item, ("revision", "changes"), ("revision", "changes"),
                      "a history entry"):
            continue
        rev = c.integer(item, "revision", "history revision")
        changes = c.strings(item, "changes", "changes")
        if rev is None:
            continue
        if rev in seen:
            c.add(_pos(item, "revision"), f"revision {rev} appears twice in history")
        elif revision is not None and rev > revision:
            c.add(_pos(item, "revision"), f"history revision {rev} is newer than the "
                  f"series revision {revision}")
        seen.add(rev)
        history.append(HistoryEntry(rev, changes))
    return history


def load_all(store: Store, upstreams: set[str] | None = None) -> list[Series]:
    """Every series of the store; ManifestError lists the problems of all of them."""
    series, problems = [], []
    for name in store.names():
        try:
            series.append(load(store, name, upstreams))
        except ManifestError as err:
            problems.extend(err.problems)
    if problems:
        raise ManifestError(problems)
    return series


def by_change_id(store: Store, change_id: str,
                 upstreams: set[str] | None = None) -> Series | None:
    for name in store.names():
        s = load(store, name, upstreams)
        if s.change_id == change_id:
            return s
    return None


def save(series: Series, *, base: tuple[str, str] | None = None,
         patches: list[tuple[str | None, PatchEntry]] | None = None) -> bool:
    """Write series.yaml with a new base (commit, describe) and/or patch list.

    PATCHES pairs each new entry with the file name it had before (None for a
    new patch), so that its mapping, comments included, is kept.  Returns
    whether the file changed.
    """
    directory = series.dir
    if directory is None:
        raise SeriesError(f"{series.manifest} is not on disk; cannot rewrite it")
    data = series.data
    if base is not None:
        data["base"]["commit"], data["base"]["describe"] = base
    if patches is not None:
        old = {str(m["file"]): m for m in (data["patches"] or [])}
        seq = CommentedSeq()
        for before, entry in patches:
            item = old.get(before) if before else None
            if item is None:
                item = CommentedMap()
                item["file"] = entry.file
                item["generated"] = _flow(entry.generated)
                item["build"] = _flow(entry.build)
            else:
                item["file"] = entry.file
            seq.append(item)
        data["patches"] = seq
    out = io.StringIO()
    _yaml().dump(data, out)
    path = directory / MANIFEST
    text = out.getvalue()
    if path.read_text() == text:
        return False
    api.write_atomic(path, text)
    return True


def _flow(items: Iterable[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq
