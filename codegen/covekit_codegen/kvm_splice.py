# SPDX-License-Identifier: GPL-2.0-only
"""Splice the spec's KVM uapi enum additions into an upstream kvm.h.

Upstream members are checked against the spec by name and value first: a
tree whose enum disagrees with the spec is an error naming both sides,
never a silent renumbering.  Our members go right before the _MAX member,
in upstream's style (implicit values).  Splicing twice changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .diagnostics import Pos, Problem, SpecError
from .model import KvmEnum, Spec

_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
_MEMBER = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*([^,}]+?))?\s*(?:,|$)")


@dataclass
class ParsedMember:
    name: str
    value: int
    line: int  # 1-based line in the header
    col: int


@dataclass
class ParsedEnum:
    members: list[ParsedMember]
    close_line: int  # line holding the closing brace


def _blank_comments(text: str) -> str:
    # Keep offsets (and so line numbers) while hiding comment text.
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def parse_enum(text: str, tag: str, name: str) -> ParsedEnum:
    """Members of ``enum TAG { ... };`` with their values and lines."""
    code = _blank_comments(text)
    start = re.search(rf"\benum\s+{re.escape(tag)}\s*\{{", code)
    if start is None:
        raise SpecError([Problem(Pos(name), f"no 'enum {tag} {{' in {name}")])
    end = code.find("}", start.end())
    if end < 0:
        line = code.count("\n", 0, start.start()) + 1
        raise SpecError([Problem(Pos(name, line, 1), f"enum {tag} is not closed")])
    members: list[ParsedMember] = []
    value = -1
    offset = start.end()
    for piece in code[start.end():end].split(","):
        stripped = piece.strip()
        at = offset + (piece.find(stripped) if stripped else 0)
        offset += len(piece) + 1
        if not stripped:
            continue
        m = _MEMBER.fullmatch(stripped)
        line = code.count("\n", 0, at) + 1
        col = at - (code.rfind("\n", 0, at) + 1) + 1
        if m is None:
            raise SpecError([Problem(Pos(name, line, col), f"enum {tag}: cannot parse member "
                                     f"{stripped!r}")])
        if m.group(2) is not None:
            try:
                value = int(m.group(2).strip(), 0)
            except ValueError:
                raise SpecError([Problem(Pos(name, line, col), f"enum {tag}: {m.group(1)} has "
                                         f"a value that is not a number: "
                                         f"{m.group(2).strip()!r}")]) from None
        else:
            value += 1
        members.append(ParsedMember(m.group(1), value, line, col))
    return ParsedEnum(members, code.count("\n", 0, end) + 1)


def _splice_one(text: str, ke: KvmEnum, name: str) -> str:
    parsed = parse_enum(text, ke.name, name)
    problems: list[Problem] = []
    if not parsed.members or parsed.members[-1].name != ke.max:
        last = parsed.members[-1] if parsed.members else None
        pos = Pos(name, last.line, last.col) if last else Pos(name, parsed.close_line, 1)
        raise SpecError([Problem(pos, f"enum {ke.name}: expected {ke.max} as the last member")])
    max_member = parsed.members[-1]
    in_text = {m.name: m for m in parsed.members[:-1]}
    spec_by_c = {m.c_name: m for m in ke.members}
    for pm in parsed.members[:-1]:
        sm = spec_by_c.get(pm.name)
        pos = Pos(name, pm.line, pm.col)
        if sm is None:
            problems.append(Problem(pos, f"{pm.name} = {pm.value} is in the upstream enum "
                                    f"{ke.name} but not in the spec; add it to "
                                    f"{ke.node.file} (origin: upstream) before "
                                    f"splicing"))
        elif sm.value != pm.value:
            problems.append(Problem(pos, f"{pm.name} is {pm.value} upstream but "
                                    f"{sm.value} in the spec ({sm.pos('value')}); "
                                    f"the spec must match the upstream tree"))
    for sm in ke.upstream:
        if sm.c_name not in in_text:
            problems.append(Problem(sm.pos("name"), f"upstream member {sm.c_name} "
                                    f"({sm.value}) is not in enum {ke.name} of {name}"))
    todo = [sm for sm in ke.added if sm.c_name not in in_text]
    next_value = max_member.value
    for sm in todo:
        if sm.value != next_value:
            problems.append(Problem(sm.pos("value"), f"{sm.c_name} is {sm.value} in the spec, "
                                    f"but appending it to enum {ke.name} of {name} would "
                                    f"give it {next_value}"))
        next_value += 1
    if problems:
        raise SpecError(problems)
    if not todo:
        return text
    lines = text.splitlines(keepends=True)
    max_line = lines[max_member.line - 1]
    indent = max_line[: len(max_line) - len(max_line.lstrip())]
    insert = [f"{indent}{sm.c_name},\n" for sm in todo]
    lines[max_member.line - 1:max_member.line - 1] = insert
    return "".join(lines)


def splice_kvm_h(text: str, spec: Spec, name: str = "kvm.h",
                 header: str = "arch/riscv/include/uapi/asm/kvm.h") -> str:
    """Return kvm.h text with the spec's covekit members added.

    Raises SpecError, with positions in both the header and the spec, when
    any upstream member disagrees with the spec.
    """
    problems: list[Problem] = []
    for ke in spec.kvm_enums:
        if ke.header != header:
            continue
        try:
            text = _splice_one(text, ke, name)
        except SpecError as err:
            problems.extend(err.problems)
    if problems:
        raise SpecError(problems)
    return text
