# SPDX-License-Identifier: GPL-2.0-only
"""Check the spec's standard SBI numbers against Linux's asm/sbi.h.

Every number the spec gives that Linux may also define has a Linux name:
  EID     SBI_EXT_<EXT>                          (extensions, refused ones too)
  FID     SBI_EXT_<EXT>_<FUNCTION>, or the function's linux_name
  error   SBI_ERR_<NAME>, or the error's linux_name
  enum    <linux_prefix or SBI_<ENUM>_><MEMBER>, or the member's linux_name
  struct  its linux_size; a field's linux_offset and linux_size (no
          mechanical names: shared-memory layouts are named freely)
  index   a field's linux_index, a function-like macro: for every key of
          the field's index rule (every CSR number, for 'csr') it must give
          the index the spec's rule gives
The rule:
  * the header defines the name (an enum member or a #define): the two
    values must be equal, or it is an error naming both sides;
  * the header lacks it: an error only where the spec says Linux has it
    (the extension or enum says linux_upstream: true; an error code has a
    linux_name), so a Linux without NACL, or CoVE's own error codes, pass;
  * names only Linux defines are none of the spec's business.
"""

from __future__ import annotations

from dataclasses import dataclass

from .c_header import Header, Unknown
from .diagnostics import Pos, Problem, SpecError
from .model import INDEX_RULES, Spec

SBI_H = "arch/riscv/include/asm/sbi.h"


@dataclass
class Expected:
    """One number of the spec, and the name Linux gives it."""

    linux_name: str
    value: int
    pos: Pos  # where the spec gives the value
    what: str  # 'the EID of HSM', 'FID of HSM.hart_stop', ...
    required: str | None  # why the header must define it, or None if it need not
    group: str  # what a wholly missing set of names is reported as
    group_pos: Pos
    hex: bool = False

    def show(self, value: int) -> str:
        return f"{value:#x}" if self.hex else str(value)


def expected(spec: Spec) -> list[Expected]:
    """Every standard SBI number of the spec with its Linux name."""
    out: list[Expected] = []
    for ext in spec.extensions:
        why = "linux_upstream: true" if ext.linux_upstream else None
        group, gpos = f"extension {ext.name}", ext.pos("name")
        out.append(Expected(ext.c_eid, ext.eid, ext.pos("eid"), f"the EID of {ext.name}", why,
                            group, gpos, hex=True))
        for fn in ext.functions:
            out.append(Expected(fn.linux_fid, fn.fid, fn.pos("fid"), f"the FID of {fn.key}",
                                why, group, gpos))
    for ref in spec.refused:
        out.append(Expected(f"SBI_EXT_{ref.name}", ref.eid, ref.pos("eid"),
                            f"the EID of {ref.name}", None, f"extension {ref.name}",
                            ref.pos("name"), hex=True))
    for err in spec.errors:
        why = f"linux_name: {err.linux_name}" if err.linux_name else None
        out.append(Expected(err.linux_name or err.c_name, err.value, err.pos("value"),
                            f"error {err.name}", why, f"error {err.name}", err.pos("name")))
    for en in spec.enums:
        why = "linux_upstream: true" if en.linux_upstream else None
        for m in en.members:
            out.append(Expected(en.linux_member(m), m.value, m.pos("value"),
                                f"{en.name}.{m.name}", why, f"enum {en.name}",
                                en.pos("name")))
    for st in spec.structs:
        why = "linux_upstream: true" if st.linux_upstream else None
        group, gpos = f"struct {st.name}", st.pos("name")
        if st.linux_size:
            out.append(Expected(st.linux_size, st.size, st.pos("linux_size"),
                                f"the size of struct {st.name}", why, group, gpos))
        for f in st.fields:
            where = f"struct {st.name}.{f.name}"
            if f.linux_offset:
                out.append(Expected(f.linux_offset, f.offset, f.pos("linux_offset"),
                                    f"the offset of {where}", why, group, gpos, hex=True))
            if f.linux_size:
                out.append(Expected(f.linux_size, f.size, f.pos("linux_size"),
                                    f"the size of {where}", why, group, gpos, hex=True))
    return out


def index_problems(header: Header, spec: Spec) -> list[Problem]:
    """Linux's index macros against the spec's index rules, key by key."""
    found: list[Problem] = []
    for st in spec.structs:
        for f in st.fields:
            if not f.linux_index or not f.index:
                continue
            where = f"struct {st.name}.{f.name}"
            macro = header.macros.get(f.linux_index)
            if macro is None:
                if st.linux_upstream:
                    found.append(Problem(f.pos("linux_index"), f"{where}: the spec says "
                                         f"Linux indexes it with {f.linux_index}() "
                                         f"(linux_upstream: true), but {header.name} does not "
                                         f"define that macro"))
                continue
            keys, rule = INDEX_RULES[f.index]
            for key in keys:
                try:
                    got: int | None = header.call(f.linux_index, [key])
                except Unknown:
                    got = None
                want = rule(key)
                if got != want:
                    shown = "cannot be evaluated" if got is None else f"gives {got:#x}"
                    found.append(Problem(f.pos("index"), f"{where} is indexed by rule "
                                         f"'{f.index}', which maps {key:#x} to {want:#x}, but "
                                         f"{f.linux_index}({key:#x}) in {header.name}:"
                                         f"{macro.line} {shown}"))
                    break  # one key is enough to show the macro differs
    return found


def problems(header: Header, spec: Spec) -> list[Problem]:
    """What disagrees between the spec and the header."""
    found: list[Problem] = []
    missing: dict[str, list[Expected]] = {}
    for e in expected(spec):
        c = header.constants.get(e.linux_name)
        if c is None:
            if e.required:
                missing.setdefault(e.group, []).append(e)
            continue
        where = f"{header.name}:{c.line}"
        if c.value is None:
            found.append(Problem(e.pos, f"{e.what} is {e.show(e.value)} in the spec, but "
                                 f"{where} defines {e.linux_name} as {c.text!r}, which this "
                                 f"check cannot evaluate to a number"))
        elif c.value != e.value:
            found.append(Problem(e.pos, f"{e.what} is {e.show(e.value)} in the spec but "
                                 f"{e.show(c.value)} in {where} ({e.linux_name}); the spec "
                                 f"must match the upstream tree"))
    for group, items in missing.items():
        first = items[0]
        if len(items) > 1:  # one line for a missing enum, not one per member
            names = ", ".join(e.linux_name for e in items)
            found.append(Problem(first.group_pos, f"{group} says {first.required}, but "
                                 f"{header.name} does not define {names}"))
            continue
        for e in items:
            found.append(Problem(e.pos, f"{e.what} is {e.show(e.value)} in the spec, which "
                                 f"says {e.required}, but {header.name} does not define "
                                 f"{e.linux_name}"))
    return found


def check_sbi_h(text: str, spec: Spec, name: str = SBI_H) -> None:
    """Raise SpecError, naming the spec's position and the header's line with
    both values, for every standard SBI number the two disagree on."""
    header = Header(text, name)
    found = problems(header, spec) + index_problems(header, spec)
    if found:
        raise SpecError(found)
