# SPDX-License-Identifier: GPL-2.0-only
"""Splice the spec's KVM ISA extension additions into kernel C sources.

vcpu_onereg.c gets the KVM -> host mapping (kvm_isa_ext_arr[]) and, for
an extension userspace may not disable, a case in
kvm_riscv_vcpu_isa_disable_allowed(); the get-reg-list selftest gets its
four alphabetically ordered entries.  Every insertion is anchored on the
code's syntax (a region's opening line, its entries' shape), never on a
line number; a tree whose code moved gets an error naming the anchor.
Entries are ordered among the multi-letter ones: a new line goes right
before the first entry that sorts after it, above that entry's own
comment, but below a section header.  Splicing twice changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .diagnostics import Pos, Problem, SpecError
from .model import KvmMember, Spec

ISA_ENUM = "KVM_RISCV_ISA_EXT_ID"
VCPU_ONEREG = "arch/riscv/kvm/vcpu_onereg.c"
GET_REG_LIST = "tools/testing/selftests/kvm/riscv/get-reg-list.c"


@dataclass(frozen=True)
class Region:
    what: str  # for messages
    start: str  # the exact (stripped) line that opens the region
    end: str  # regex of the line that closes it
    entry: str  # regex of an entry; group 1 is the KVM extension name
    line: Callable[[KvmMember], str | None]  # the new entry, or None: none needed
    header: str = r"$^"  # regex of comment lines that head a section (stay above)


def _onereg_mapping(m: KvmMember) -> str:
    if m.host_ext == f"RISCV_ISA_EXT_{m.name}":
        return f"KVM_ISA_EXT_ARR({m.name}),"
    return f"[KVM_RISCV_ISA_EXT_{m.name}] = {m.host_ext},"


def _onereg_never(m: KvmMember) -> str | None:
    if m.disable == "if_smstateen":
        raise SpecError([Problem(m.pos("disable"), f"{m.c_name}: 'if_smstateen' is not "
                                 f"generated for added members; write that case by hand")])
    return f"case KVM_RISCV_ISA_EXT_{m.name}:" if m.disable == "never" else None


REGIONS: dict[str, list[Region]] = {
    VCPU_ONEREG: [
        Region("the KVM -> host ISA extension map",
               "static const unsigned long kvm_isa_ext_arr[] = {", r"^};",
               r"^\s*(?:KVM_ISA_EXT_ARR\((\w+)\)|\[KVM_RISCV_ISA_EXT_(\w+)\] = \w+),$",
               _onereg_mapping, header=r"^\s*/\* (Single|Multi) letter"),
        Region("the extensions userspace may not disable",
               "/* Extensions which don't have any mechanism to disable */",
               r"^\s*return false;",
               r"^\s*case KVM_RISCV_ISA_EXT_(\w+):$", _onereg_never),
    ],
    GET_REG_LIST: [
        Region("filter_reg()", "bool filter_reg(__u64 reg)", r"^}",
               r"^\s*case KVM_REG_RISCV_ISA_EXT \| KVM_REG_RISCV_ISA_SINGLE \| "
               r"KVM_RISCV_ISA_EXT_(\w+):$",
               lambda m: f"case KVM_REG_RISCV_ISA_EXT | KVM_REG_RISCV_ISA_SINGLE | "
                         f"KVM_RISCV_ISA_EXT_{m.name}:"),
        Region("the ISA extension register names",
               "static const char * const kvm_isa_ext_reg_name[] = {", r"^\s*};",
               r"^\s*KVM_ISA_EXT_ARR\((\w+)\),$", lambda m: f"KVM_ISA_EXT_ARR({m.name}),"),
        Region("the ISA extension configs",
               "/* Note: The below list is alphabetically sorted. */",
               r"^struct vcpu_reg_list \*vcpu_configs\[\] = {",
               r"^KVM_ISA_EXT_(?:SIMPLE|SUBLIST)_CONFIG\(\w+, (\w+)\);$",
               lambda m: f"KVM_ISA_EXT_SIMPLE_CONFIG({m.name.lower()}, {m.name});"),
        Region("vcpu_configs[]", "struct vcpu_reg_list *vcpu_configs[] = {", r"^};",
               r"^\s*&config_(\w+),$", lambda m: f"&config_{m.name.lower()},"),
    ],
}


def _key(match: re.Match[str]) -> str:
    return next(g for g in match.groups() if g).upper()


def _splice_region(lines: list[str], region: Region, members: list[KvmMember],
                   name: str) -> None:
    start = next((i for i, line in enumerate(lines) if line.strip() == region.start), None)
    if start is None:
        raise SpecError([Problem(Pos(name), f"cannot find {region.what}: no line "
                                 f"{region.start!r}; the tree's code moved, so update "
                                 f"codegen/covekit_codegen/kvm_fragments.py")])
    end = next((i for i in range(start + 1, len(lines)) if re.match(region.end, lines[i])),
               None)
    if end is None:
        raise SpecError([Problem(Pos(name, start + 1, 1), f"{region.what}: no end "
                                 f"matching {region.end!r} after this line")])
    for m in members:
        new = region.line(m)
        if new is None:
            continue
        entries = [(i, _key(x)) for i in range(start + 1, end)
                   if (x := re.match(region.entry, lines[i]))]
        if not entries:
            raise SpecError([Problem(Pos(name, start + 1, 1), f"{region.what}: no entries "
                                     f"of the expected shape after this line")])
        if any(key == m.name for _, key in entries):
            continue  # spliced already, or upstream has it
        indent = re.match(r"\s*", lines[entries[-1][0]]).group(0)
        after = [i for i, key in entries if len(key) > 1 and key > m.name]
        if after:
            at = after[0]
            # A comment directly above an entry belongs to it; a header does not.
            while (at - 1 > start and lines[at - 1].lstrip().startswith(("/*", "*"))
                   and not re.match(region.header, lines[at - 1])):
                at -= 1
        else:
            at = entries[-1][0] + 1
        lines.insert(at, indent + new + "\n")
        end += 1


def splice_fragments(text: str, spec: Spec, name: str, path: str) -> str:
    """TEXT of the kernel file PATH with the spec's added ISA extensions."""
    members = [m for ke in spec.kvm_enums if ke.name == ISA_ENUM for m in ke.added]
    lines = text.splitlines(keepends=True)
    for region in REGIONS[path]:
        _splice_region(lines, region, members, name)
    return "".join(lines)
