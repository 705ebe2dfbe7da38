# SPDX-License-Identifier: GPL-2.0-only
"""kernel-patches/upstreams.yaml: each upstream, where it comes from and
what its import is called; every problem at FILE:LINE:COL."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from covekit_codegen import api
from ruamel.yaml.comments import CommentedMap

from covekit_tools import context

from .errors import UnknownUpstream, UpstreamsFileError

UPSTREAMS_FILE = "kernel-patches/upstreams.yaml"


REF_PREFIX = "refs/covekit/upstream/"


_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


_KEYS = {
    "debian": {"source", "package", "tarball", "describe", "version"},
    "git": {"source", "git", "ref", "describe"},
}


_REQUIRED = {"debian": ["package", "tarball", "describe"], "git": ["git", "ref"]}


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
