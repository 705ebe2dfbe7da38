# SPDX-License-Identifier: GPL-2.0-only
"""The ABI lock: spec/abi.lock records every published number and layout.

Each line is ``KIND KEY VALUE``.  Entries within a group (the FIDs of one
extension, the members of one enum, the fields of one struct, ...) keep the
order they were published in.  A regen appends new entries; any change to a
locked one is refused unless accepted with --accept-break, which rewrites the
entry and appends a ``break`` line recording what changed and why.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .diagnostics import Collector, Pos, Problem, SpecError
from .loader import key_pos
from .model import Spec

HEADER = """\
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# covekit ABI lock: every published EID, FID, argument, error code, enum value
# and struct layout, in publication order.  ./tools/regen appends new entries
# and refuses a spec that renumbers, removes, renames or reorders a locked one.
# To break the ABI on purpose: ./tools/regen --accept-break 'KIND KEY' --reason '...'
# which updates the entry and records a 'break' line.  Do not edit by hand.
"""

# Groups whose member order is itself part of the ABI.
ORDERED_KINDS = ("enum", "kvm", "field")


@dataclass(frozen=True)
class Entry:
    kind: str
    key: str
    value: str
    group: str
    pos: Pos  # in the spec, or in the lock for a locked entry

    @property
    def ident(self) -> str:
        return f"{self.kind} {self.key}"

    def line(self) -> str:
        return f"{self.kind} {self.key} {self.value}"


@dataclass
class Lock:
    entries: list[Entry]
    breaks: list[str]
    path: str

    def text(self) -> str:
        body = "".join(e.line() + "\n" for e in self.entries)
        history = "".join(f"break {b}\n" for b in self.breaks)
        return HEADER + body + history


def spec_entries(spec: Spec) -> Iterator[Entry]:
    """Every lockable fact of the spec, in spec order."""
    for ext in spec.extensions:
        yield Entry("eid", ext.name, f"{ext.eid:#x}", "eid", ext.pos("eid"))
    for e in spec.errors:
        yield Entry("error", e.name, str(e.value), "error", e.pos("value"))
    for ext in spec.extensions:
        for fn in ext.functions:
            yield Entry("fid", fn.key, str(fn.fid), f"fid {ext.name}", fn.pos("fid"))
            for a in fn.args:
                yield Entry("arg", f"{fn.key}[{a.index}]", a.name, f"arg {fn.key}", a.pos("name"))
    for en in spec.enums:
        for m in en.members:
            yield Entry("enum", f"{en.name}.{m.name}", str(m.value), f"enum {en.name}",
                        m.pos("value"))
    for st in spec.structs:
        yield Entry("struct", st.name, str(st.size), "struct", st.pos("name"))
        for f in st.fields:
            yield Entry("field", f"{st.name}.{f.name}", f"{f.offset}:{f.type}",
                        f"field {st.name}", f.pos("name"))
    for ke in spec.kvm_enums:
        for km in ke.members:
            yield Entry("kvm", f"{ke.name}.{km.name}", str(km.value), f"kvm {ke.name}",
                        km.pos("value"))
    # Page states are locked like enum members: the firmware stores them.
    ps = spec.page_states
    if ps is not None:
        for s in ps.states:
            yield Entry("enum", f"{ps.name}.{s.name}", str(s.value), f"enum {ps.name}",
                        s.pos("value"))


def _list_pos(item: Any, key: str) -> Pos:
    """The 'functions:' (or 'args:', 'members:', ...) key of an item."""
    return key_pos(item.node.data, item.node.file, key)


def group_positions(spec: Spec) -> dict[str, Pos]:
    """Where each group lives in the spec, to point at when a member vanished.

    Besides the groups, 'eid', 'error', 'struct', 'enum' and 'kvm' name the
    first item of their kind: the fallback when a whole group vanished.
    """
    pos: dict[str, Pos] = {}
    for ext in spec.extensions:
        pos[f"fid {ext.name}"] = _list_pos(ext, "functions")
        for fn in ext.functions:
            pos[f"arg {fn.key}"] = _list_pos(fn, "args")
    for en in spec.enums:
        pos[f"enum {en.name}"] = _list_pos(en, "members")
    for st in spec.structs:
        pos[f"field {st.name}"] = _list_pos(st, "fields")
    for ke in spec.kvm_enums:
        pos[f"kvm {ke.name}"] = _list_pos(ke, "members")
    if spec.page_states is not None:
        pos[f"enum {spec.page_states.name}"] = _list_pos(spec.page_states, "states")
    for kind, items in (("eid", spec.extensions), ("error", spec.errors),
                        ("struct", spec.structs), ("enum", spec.enums),
                        ("kvm", spec.kvm_enums)):
        if items:
            pos[kind] = items[0].pos()
    return pos


def _vanished_pos(old: Entry, where: dict[str, Pos], spec: Spec) -> Pos:
    """Where to point for a locked entry that has no counterpart in the spec."""
    fallback = {"fid": "eid", "arg": "eid", "field": "struct"}.get(old.kind, old.kind)
    for group in (old.group, fallback):
        if group in where:
            return where[group]
    return Pos(spec.files[0].name, 1, 1)


def _group_of(kind: str, key: str) -> str:
    if kind in ("eid", "error", "struct"):
        return kind
    if kind == "arg":
        return f"arg {key.rsplit('[', 1)[0]}"
    if kind == "fid":
        return f"fid {key.split('.', 1)[0]}"
    return f"{kind} {key.rsplit('.', 1)[0]}"


KINDS = ("eid", "error", "fid", "arg", "enum", "struct", "field", "kvm")


def read_lock(path: Path, name: str) -> Lock:
    lock = Lock([], [], name)
    if not path.exists():
        return lock
    try:
        raw_text = path.read_bytes()
    except OSError as err:
        raise SpecError([Problem(Pos(name), f"cannot read the ABI lock: {err.strerror}")]) \
            from None
    try:
        text = raw_text.decode("utf-8")
    except UnicodeDecodeError as err:
        line_no = raw_text.count(b"\n", 0, err.start) + 1
        raise SpecError([Problem(Pos(name, line_no, 1), f"not UTF-8 text: byte "
                                 f"{raw_text[err.start]:#04x} ({err.reason})")]) from None
    problems = Collector()
    first_at: dict[str, Pos] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("break "):
            lock.breaks.append(line.removeprefix("break "))
            continue
        parts = line.split()
        if len(parts) != 3 or parts[0] not in KINDS:
            problems.add(Pos(name, n, 1), f"cannot parse lock entry {line!r}: expected "
                         f"'KIND KEY VALUE' with KIND one of {', '.join(KINDS)}")
            continue
        kind, key, value = parts
        entry = Entry(kind, key, value, _group_of(kind, key), Pos(name, n, 1))
        if entry.ident in first_at:
            problems.add(entry.pos, f"duplicate lock entry '{entry.ident}' (first at "
                         f"{first_at[entry.ident]}); a key is locked once")
            continue
        first_at[entry.ident] = entry.pos
        lock.entries.append(entry)
    problems.raise_if_any()
    return lock


@dataclass
class Break:
    """A change to a locked entry: what --accept-break would accept."""

    ident: str  # 'fid COVH.destroy_tvm', or 'order enum page_type'
    pos: Pos
    message: str
    locked: Entry | None  # the lock entry, None for a reorder
    new: Entry | None  # its replacement in the spec, None when removed


def _hint(ident: str) -> str:
    return (f"; to break the ABI on purpose: ./tools/regen --accept-break '{ident}' "
            f"--reason '...'")


def compare(lock: Lock, spec: Spec) -> tuple[list[Break], list[Entry]]:
    """The breaks the spec makes against the lock, and the new entries."""
    current = list(spec_entries(spec))
    by_ident = {e.ident: e for e in current}
    locked_idents = {e.ident for e in lock.entries}
    new = [e for e in current if e.ident not in locked_idents]
    where = group_positions(spec)
    breaks: list[Break] = []
    renamed: set[str] = set()
    changed_groups: set[str] = set()
    # Where each vanished function went (its rename, or its extension's
    # function list), so that its vanished arguments point there too.
    fn_went: dict[str, Pos] = {}
    # Arguments last: they need to know what happened to their function.
    for old in sorted(lock.entries, key=lambda e: e.kind == "arg"):
        cur = by_ident.get(old.ident)
        if cur is None:
            twin = next((e for e in new if e.group == old.group and e.value == old.value
                         and e.ident not in renamed and old.kind != "arg"), None)
            fn_key = old.key.rsplit("[", 1)[0]
            if twin is not None:
                renamed.add(twin.ident)
                if old.kind == "fid":
                    fn_went[old.key] = twin.pos
                breaks.append(Break(old.ident, twin.pos, f"{old.ident} ({old.value}), locked at "
                                    f"{old.pos}, is renamed to {twin.key}; published names "
                                    f"never change" + _hint(old.ident), old, twin))
            elif old.kind == "arg" and f"fid {fn_key}" not in by_ident:
                pos = fn_went.get(fn_key) or _vanished_pos(old, where, spec)
                breaks.append(Break(old.ident, pos, f"{old.ident} ({old.value}), locked at "
                                    f"{old.pos}, is gone from the spec with its function "
                                    f"{fn_key}; published ABI is never removed"
                                    + _hint(old.ident), old, None))
            else:
                pos = _vanished_pos(old, where, spec)
                if old.kind == "fid":
                    fn_went[old.key] = pos
                breaks.append(Break(old.ident, pos, f"{old.ident} ({old.value}), locked at "
                                    f"{old.pos}, is gone from the spec; published ABI is "
                                    f"never removed" + _hint(old.ident), old, None))
            changed_groups.add(old.group)
        elif cur.value != old.value:
            what = "changes layout" if old.kind in ("struct", "field") else "is renumbered"
            if old.kind == "arg":
                what = "changes name or position"
            breaks.append(Break(old.ident, cur.pos, f"{old.ident} {what}: the spec says "
                                f"{cur.value}, {old.pos} locks {old.value}" + _hint(old.ident),
                                old, cur))
            changed_groups.add(old.group)
    for group in dict.fromkeys(e.group for e in lock.entries):
        if group.split()[0] not in ORDERED_KINDS or group in changed_groups:
            continue
        locked = [e for e in lock.entries if e.group == group]
        locked_order = [e.ident for e in locked]
        spec_order = [e.ident for e in current if e.group == group and e.ident in locked_idents]
        if locked_order != spec_order:
            first = next(i for i, (a, b) in enumerate(zip(locked_order, spec_order, strict=True))
                         if a != b)
            cur = by_ident[spec_order[first]]
            ident = f"order {group}"
            was = locked[first]
            breaks.append(Break(ident, cur.pos, f"{group} is reordered: {cur.key} is now "
                                f"member {first + 1}, but {was.pos} locks {was.key} there; "
                                f"published order never changes" + _hint(ident), None, None))
    return breaks, new


def updated(lock: Lock, spec: Spec, accept: list[str], reason: str | None) -> tuple[Lock, int]:
    """The lock with new entries appended and accepted breaks applied.

    Raises SpecError for any break that no --accept-break pattern covers,
    and for a pattern that matches no break.
    """
    breaks, new = compare(lock, spec)
    # The reason becomes one 'break' line: a newline in it would corrupt the lock.
    reason = " ".join(reason.split()) if reason else reason
    matched: set[str] = set()
    refused: list[Problem] = []
    accepted: list[Break] = []
    for b in breaks:
        # A pattern equal to the ident matches it even though fnmatch would
        # read the '[0]' of 'arg COVH.f[0]' as a character class.
        pats = [p for p in accept if p == b.ident or fnmatch.fnmatchcase(b.ident, p)]
        if pats:
            matched.update(pats)
            accepted.append(b)
        else:
            refused.append(Problem(b.pos, b.message))
    for p in accept:
        if p not in matched:
            refused.append(Problem(Pos(lock.path), f"--accept-break {p!r} matches no ABI break "
                                   f"(breaks now: {', '.join(b.ident for b in breaks) or 'none'})"))
    if accepted and not (reason and reason.strip()):
        refused.append(Problem(Pos(lock.path), "--accept-break needs --reason 'why the ABI "
                               "must change' (it is recorded in the lock)"))
    if refused:
        raise SpecError(refused)

    entries = list(lock.entries)
    history = list(lock.breaks)
    current = list(spec_entries(spec))
    for b in accepted:
        if b.locked is None:  # reorder: rewrite the group in spec order
            group = b.ident.removeprefix("order ")
            entries = [e for e in entries if e.group != group]
            entries += [e for e in current if e.group == group]
            history.append(f"{b.ident}: {reason}")
            continue
        idx = entries.index(b.locked)
        if b.new is None:
            del entries[idx]
            history.append(f"{b.ident} {b.locked.value} -> removed: {reason}")
        else:
            entries[idx] = b.new
            history.append(f"{b.ident} {b.locked.value} -> {b.new.key} {b.new.value}: {reason}")
    have = {e.ident for e in entries}
    added = [e for e in new if e.ident not in have]
    entries += added
    return Lock(entries, history, lock.path), len(added)
