# SPDX-License-Identifier: GPL-2.0-only
"""Semantic checks that the schema cannot express.

Each check adds positioned problems; check_spec() runs them all so that a
single run reports every problem in the spec.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .diagnostics import Collector, Pos
from .model import Spec

C_KEYWORDS = frozenset([
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
    "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
    "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch",
    "typedef", "union", "unsigned", "void", "volatile", "while", "_Alignas", "_Alignof",
    "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert",
    "_Thread_local", "bool", "true", "false", "asm", "typeof",
])

MAX_SBI_ARGS = 6      # a0..a5
MAX_COVE_FID = 0xFFFF  # CoVE: a6[15:0] is the FID, the upper bits are reserved
# Values a min/max constraint may take: the generated C compares against an
# UL or L literal (a negative long limit stays above LONG_MIN so that the
# literal -N is not an overflowing N).
ARG_RANGE = {"unsigned long": (0, 2**64 - 1), "long": (-(2**63 - 1), 2**63 - 1)}


def _duplicates(items: Iterable[Any], key: Callable[[Any], Any], what: str,
                pos_key: str, problems: Collector, where: str = "",
                show: Callable[[Any], str] = repr) -> None:
    """'COVH: duplicate FID 7 (first at FILE:LINE:COL)'."""
    seen: dict[Any, Any] = {}
    prefix = f"{where}: " if where else ""
    for item in items:
        k = key(item)
        if k in seen:
            problems.add(item.pos(pos_key), f"{prefix}duplicate {what} {show(k)} "
                         f"(first at {seen[k].pos(pos_key)})")
        else:
            seen[k] = item


def _check_identifiers(spec: Spec, problems: Collector) -> None:
    def ident(item: Any, label: str, where: str = "") -> None:
        if item.name in C_KEYWORDS:
            prefix = f"{where}: " if where else ""
            problems.add(item.pos("name"), f"{prefix}{label} name {item.name!r} is a C "
                         f"keyword; choose another name")

    for e in spec.errors:
        ident(e, "error")
    for ext in spec.extensions:
        ident(ext, "extension")
        for fn in ext.functions:
            ident(fn, "function", ext.name)
            for a in fn.args:
                ident(a, "argument", fn.key)
    for en in spec.enums:
        ident(en, "enum")
        for m in en.members:
            ident(m, "member", f"enum {en.name}")
    for st in spec.structs:
        ident(st, "struct")
        for f in st.fields:
            ident(f, "field", f"struct {st.name}")


def _check_sources(spec: Spec, problems: Collector) -> None:
    def ref(item: Any) -> None:
        # Items without their own 'source' inherit their parent's, which is
        # reported (once) where it is written.
        if item.node.get("source") is None:
            return
        if item.source and item.source not in spec.sources:
            known = ", ".join(sorted(spec.sources)) or "none"
            problems.add(item.pos("source"), f"source {item.source!r} is not in any "
                         f"'sources' map (known: {known})")

    for group in (spec.errors, spec.extensions, spec.enums, spec.structs, spec.kvm_enums):
        for item in group:
            ref(item)
    for ext in spec.extensions:
        for fn in ext.functions:
            ref(fn)
            for a in fn.args:
                ref(a)
    for en in spec.enums:
        for m in en.members:
            ref(m)
    for ps in spec.declared_page_states:
        ref(ps)
    for m in spec.declared_measurements:
        ref(m)


def _check_errors(spec: Spec, problems: Collector) -> None:
    _duplicates(spec.errors, lambda e: e.name, "error name", "name", problems)
    _duplicates(spec.errors, lambda e: e.value, "error value", "value", problems, show=str)
    if spec.errors and not spec.error("SUCCESS"):
        problems.add(spec.errors[0].pos(), "the error table has no SUCCESS (0)")


def _check_extensions(spec: Spec, problems: Collector) -> None:
    _duplicates(spec.extensions, lambda e: e.name, "extension name", "name", problems)
    _duplicates(spec.extensions, lambda e: e.eid, "EID", "eid", problems, show=hex)
    for ext in spec.extensions:
        _duplicates(ext.functions, lambda f: f.name, "function name", "name", problems,
                    where=ext.name)
        _duplicates(ext.functions, lambda f: f.fid, "FID", "fid", problems, where=ext.name,
                    show=str)
        for fn in ext.functions:
            _check_function(spec, ext.handled_by, fn, problems)
        if ext.handled_by == "forward" and not ext.checks:
            problems.add(ext.pos("name"), f"{ext.name}: a forwarded extension says what the "
                         f"TSM checks before forwarding it, and why that is safe: add 'checks:'")
        elif ext.handled_by == "forward" and max(f.fid for f in ext.functions) >= 64:
            problems.add(ext.pos("name"), f"{ext.name}: forwarded FIDs must be below 64 (the "
                         f"TSM keeps them in one mask)")
        elif ext.handled_by != "forward" and ext.checks:
            problems.add(ext.pos("checks"), f"{ext.name}: 'checks' is only for forwarded "
                         f"extensions")
    _duplicates(spec.refused, lambda e: e.name, "refused extension name", "name", problems)
    _duplicates(spec.refused, lambda e: e.eid, "refused EID", "eid", problems, show=hex)
    handled = {e.eid: e for e in spec.extensions}
    for ref in spec.refused:
        if ref.eid in handled:
            problems.add(ref.pos("eid"), f"{ref.name}: EID {ref.eid:#x} is also the extension "
                         f"{handled[ref.eid].name}, which the TSM handles or forwards")


def _check_function(spec: Spec, handled_by: str, fn: Any, problems: Collector) -> None:
    where = fn.key
    if handled_by == "tsm" and fn.fid > MAX_COVE_FID:
        problems.add(fn.pos("fid"), f"{where}: FID {fn.fid:#x} does not fit in a6[15:0]")
    # The one statement of what the TSM implements: its stubs, its probe
    # answers and tools/abi-coverage all follow it.
    if handled_by == "tsm" and fn.implemented is None:
        problems.add(fn.pos("name"), f"{where}: the TSM handles this call, so say whether it "
                     f"implements it: add 'implemented: true' or 'implemented: false'")
    elif handled_by == "forward" and fn.implemented is not None:
        problems.add(fn.pos("implemented"), f"{where}: 'implemented' is only for calls the TSM "
                     f"handles; this extension is forwarded to OpenSBI (handled_by: forward)")
    if len(fn.args) > MAX_SBI_ARGS:
        extra = fn.args[MAX_SBI_ARGS]
        problems.add(extra.pos("name"), f"{where}: {len(fn.args)} arguments, but SBI passes "
                     f"at most {MAX_SBI_ARGS} (a0-a5); {extra.name} is argument "
                     f"{MAX_SBI_ARGS + 1}")
    _duplicates(fn.args, lambda a: a.name, "argument name", "name", problems, where=where)
    errors_node = fn.node.get("errors")
    for i, name in enumerate(fn.errors):
        pos = Pos(fn.node.file, errors_node.lc.item(i)[0] + 1, errors_node.lc.item(i)[1] + 1)
        if spec.error(name) is None:
            problems.add(pos, f"{where}: error {name!r} is not in the error table")
        elif name in ("SUCCESS", "NOT_SUPPORTED"):
            problems.add(pos, f"{where}: {name} is implied for every call; do not list it")
        if fn.errors.index(name) != i:
            problems.add(pos, f"{where}: error {name!r} listed twice")
    for a in fn.args:
        if a.align is not None and a.align & (a.align - 1):
            problems.add(a.pos("align"), f"{where}: argument {a.name}: align {a.align} is "
                         f"not a power of two")
        lo, hi = ARG_RANGE.get(a.ctype, (None, None))
        for key in ("min", "max"):
            value = getattr(a, key)
            if value is not None and lo is not None and not lo <= value <= hi:
                problems.add(a.pos(key), f"{where}: argument {a.name}: {key} {value} does "
                             f"not fit in {a.ctype} ({lo} to {hi})")
        if a.min is not None and a.max is not None and a.min > a.max:
            problems.add(a.pos("min"), f"{where}: argument {a.name}: min {a.min} is above "
                         f"max {a.max}")
        if a.enum is not None and spec.enum(a.enum) is None:
            problems.add(a.pos("enum"), f"{where}: argument {a.name}: enum {a.enum!r} "
                         f"is not defined")
        if a.error is not None and spec.error(a.error) is None:
            problems.add(a.pos("error"), f"{where}: argument {a.name}: error {a.error!r} is "
                         f"not in the error table")
        elif a.has_constraints and a.constraint_error not in fn.errors:
            problems.add(a.pos("name"), f"{where}: argument {a.name} has constraints, so the "
                         f"call can return {a.constraint_error}; add it to 'errors'")


def _check_enums(spec: Spec, problems: Collector) -> None:
    _duplicates(spec.enums, lambda e: e.name, "enum name", "name", problems)
    for en in spec.enums:
        _duplicates(en.members, lambda m: m.name, "member name", "name", problems,
                    where=f"enum {en.name}")
        _duplicates(en.members, lambda m: m.value, "value", "value", problems,
                    where=f"enum {en.name}", show=str)
        if en.kind == "bits":
            for m in en.members:
                if m.value > 63:
                    problems.add(m.pos("value"), f"enum {en.name}: bit {m.value} of "
                                 f"{m.name} does not fit in 64 bits")
        values = sorted({m.value for m in en.members})
        if not en.sparse:
            missing = sorted(set(range(values[0], values[-1] + 1)) - set(values))
            if missing:
                after = max((m for m in en.members if m.value < missing[0]),
                            key=lambda m: m.value)
                problems.add(after.pos("value"), f"enum {en.name}: gap after {after.name} "
                             f"(no member has value {missing[0]}); fill it or mark the enum "
                             f"'sparse: true'")


def _check_structs(spec: Spec, problems: Collector) -> None:
    _duplicates(spec.structs, lambda s: s.name, "struct name", "name", problems)
    for st in spec.structs:
        _duplicates(st.fields, lambda f: f.name, "field name", "name", problems,
                    where=f"struct {st.name}")
        for f in st.fields:
            if f.enum is not None and spec.enum(f.enum) is None:
                problems.add(f.pos("enum"), f"struct {st.name}: field {f.name}: enum "
                             f"{f.enum!r} is not defined")
            if f.index is not None and f.count is None:
                problems.add(f.pos("index"), f"struct {st.name}: field {f.name}: 'index' "
                             f"needs an array field")
            if f.linux_index is not None and f.index is None:
                problems.add(f.pos("linux_index"), f"struct {st.name}: field {f.name}: "
                             f"'linux_index' names Linux's macro for 'index', which is not "
                             f"given")
        for item, value in [(st, st.addr_align)] + [(f, f.addr_align) for f in st.fields]:
            if value is not None and value & (value - 1):
                problems.add(item.pos("align"), f"struct {st.name}: align {value} is not a "
                             f"power of two")


def _check_kvm(spec: Spec, problems: Collector) -> None:
    _duplicates(spec.kvm_enums, lambda e: e.name, "KVM enum name", "name", problems)
    _duplicates(spec.kvm_enums, lambda e: e.prefix, "KVM enum prefix", "prefix", problems)
    for ke in spec.kvm_enums:
        _duplicates(ke.members, lambda m: m.name, "member name", "name", problems,
                    where=ke.name)
        _duplicates(ke.members, lambda m: m.value, "value", "value", problems, where=ke.name,
                    show=str)
        # uapi enum values are positional: member i must have value i.
        for i, m in enumerate(ke.members):
            if m.value != i:
                problems.add(m.pos("value"), f"{ke.name}: {m.name} has value {m.value} but "
                             f"is written at position {i} (counting from 0); C assigns "
                             f"values in order, so values must run 0, 1, 2, ... in the "
                             f"order written")
                break
        seen_added = None
        for m in ke.members:
            if m.origin == "covekit":
                seen_added = seen_added or m
            elif seen_added is not None:
                problems.add(m.pos("origin"), f"{ke.name}: upstream member {m.name} follows "
                             f"covekit member {seen_added.name}; our members are appended "
                             f"after every upstream one")
            if m.name == ke.max.removeprefix(ke.prefix):
                problems.add(m.pos("name"), f"{ke.name}: {m.name} is the count member "
                             f"'{ke.max}'; it is not listed")
            if m.sbi_ext is not None and spec.extension(m.sbi_ext) is None:
                problems.add(m.pos("sbi_ext"), f"{ke.name}: {m.name}: SBI extension "
                             f"{m.sbi_ext!r} is not defined in the spec")
        if not ke.max.startswith(ke.prefix):
            problems.add(ke.pos("max"), f"{ke.name}: count member {ke.max} does not start "
                         f"with the prefix {ke.prefix}")


PAGE_STATES = "page_states"  # the prefix of every page-state message


def _check_page_states(spec: Spec, problems: Collector) -> None:
    where = PAGE_STATES
    if len(spec.declared_page_states) > 1:
        first = spec.declared_page_states[0]
        for again in spec.declared_page_states[1:]:
            problems.add(again.declared_at, f"{where}: declared again (first at "
                         f"{first.declared_at}); at most one spec file declares the page states")
    ps = spec.page_states
    if ps is None:
        return
    clash = spec.enum(ps.name)
    if clash is not None:
        problems.add(ps.pos("name"), f"{where}: name {ps.name!r} is also the name of the enum "
                     f"at {clash.pos('name')}; both would be locked as 'enum {ps.name}.*'")
    _duplicates(ps.states, lambda s: s.name, "state name", "name", problems, where=where)
    _duplicates(ps.states, lambda s: s.value, "value", "value", problems, where=where, show=str)
    values = {s.value for s in ps.states}
    # The values index the generated tables: they run 0, 1, 2, ...
    missing = sorted(set(range(max(values) + 1)) - values)
    if missing and missing[0] == 0:
        problems.add(ps.states[0].pos("value"), f"{where}: no state has value 0; values index "
                     f"the generated tables, so they run 0, 1, 2, ... without gaps")
    elif missing:
        after = max((s for s in ps.states if s.value < missing[0]), key=lambda s: s.value)
        problems.add(after.pos("value"), f"{where}: gap after {after.name} (no state has value "
                     f"{missing[0]}); values index the generated tables, so they run 0, 1, "
                     f"2, ... without gaps")
    for s in ps.states:
        if s.host_access and s.confidential:
            problems.add(s.pos("confidential"), f"{where}: state {s.name} has both host_access "
                         f"and confidential; a page the host can reach cannot be confidential")
    names = ", ".join(s.name for s in ps.states)
    for t in ps.transitions:
        for key, name, state in (("from", t.from_name, t.from_state),
                                 ("to", t.to_name, t.to_state)):
            if state is None:
                problems.add(t.pos(key), f"{where}: transition {t.label}: state {name!r} is "
                             f"not defined (states: {names})")
        if t.function is None:
            ext_name, _, fn_name = t.call.partition(".")
            why = (f"{ext_name} has no function {fn_name!r}" if spec.extension(ext_name)
                   else f"extension {ext_name!r} is not defined")
            problems.add(t.pos("call"), f"{where}: transition {t.label}: {why}")
        if t.from_name == t.to_name:
            problems.add(t.pos("to"), f"{where}: transition {t.label} does not change the "
                         f"state; list only calls that move a page to another state")
    _duplicates(ps.transitions, lambda t: (t.from_name, t.to_name, t.call), "transition",
                "from", problems, where=where, show=lambda k: f"{k[0]} -> {k[1]} by {k[2]}")
    if any(t.from_state is None or t.to_state is None for t in ps.transitions):
        return  # reachability would only repeat the undefined state
    reached = {ps.initial.name}
    todo = [ps.initial.name]
    while todo:
        state = todo.pop()
        for t in ps.transitions:
            if t.from_name == state and t.to_name not in reached:
                reached.add(t.to_name)
                todo.append(t.to_name)
    for s in ps.states:
        if s.name not in reached:
            problems.add(s.pos("name"), f"{where}: state {s.name} is unreachable from "
                         f"{ps.initial.name}, the first state, where every page starts; add a "
                         f"transition into it")


MEASUREMENT = "measurement"  # the prefix of every measurement message


def _check_measurement(spec: Spec, problems: Collector) -> None:
    where = MEASUREMENT
    first = spec.measurement
    for again in spec.declared_measurements[1:]:
        assert first is not None
        problems.add(again.declared_at, f"{where}: declared again (first at "
                     f"{first.declared_at}); at most one spec file declares the measurement")
    if first is None:
        return
    _duplicates(first.records, lambda r: r.name, "record name", "name", problems, where=where)
    _duplicates(first.records, lambda r: r.tag, "record tag", "tag", problems, where=where)
    for r in first.records:
        _duplicates(r.fields, lambda f: f.name, "field name", "name", problems,
                    where=f"{where}: record {r.name}")
        if r.function is None:
            ext_name, _, fn_name = r.call.partition(".")
            why = (f"{ext_name} has no function {fn_name!r}" if spec.extension(ext_name)
                   else f"extension {ext_name!r} is not defined")
            problems.add(r.pos("call"), f"{where}: record {r.name}: {why}")
        elif r.function.ext is not None and r.function.ext.handled_by != "tsm":
            problems.add(r.pos("call"), f"{where}: record {r.name}: {r.call} is not a call "
                         f"the TSM handles, so it cannot extend a TVM's measurement")


def _c_names(spec: Spec) -> Iterable[tuple[str, Any, str]]:
    """Every C identifier the generated code defines at file scope."""
    for e in spec.errors:
        yield e.c_name, e, "name"
    for ext in spec.extensions:
        yield ext.c_eid, ext, "name"
        for fn in ext.functions:
            yield fn.c_fid, fn, "name"
    for en in spec.enums:
        for m in en.members:
            yield m.c_name, m, "name"
    for ke in spec.kvm_enums:
        for km in ke.members:
            yield km.c_name, km, "name"
    ps = spec.page_states  # a second declaration is refused on its own
    if ps is not None:
        yield ps.c_count, ps, "name"
        yield ps.c_transition_count, ps, "name"
        for s in ps.states:
            yield s.c_name, s, "name"


def _check_c_names(spec: Spec, problems: Collector) -> None:
    seen: dict[str, Any] = {}
    # A duplicate name is reported once, by the check that knows what it is.
    reported = {p.pos for p in problems.problems}
    for name, item, key in _c_names(spec):
        if name in seen and item.pos(key) in reported:
            continue
        if name in seen:
            problems.add(item.pos(key), f"generated C name {name} is also generated by the "
                         f"entry at {seen[name].pos(key)}")
        else:
            seen[name] = item


def _check_memory_attributes(spec: Spec, problems: Collector) -> None:
    for extra in spec.declared_memory_attributes[1:]:
        problems.add(extra.pos(), f"a second memory_attributes section (the first is at "
                     f"{spec.declared_memory_attributes[0].pos()})")
    ma = spec.memory_attributes
    if ma is None:
        return
    _duplicates(ma.mappings, lambda m: m.name.lower(), "host mapping", "name", problems)
    if ma.source not in spec.sources:
        problems.add(ma.pos("source"), f"source {ma.source!r} is not in any file's sources")


CHECKS = (_check_identifiers, _check_sources, _check_errors, _check_extensions, _check_enums,
          _check_structs, _check_kvm, _check_page_states, _check_measurement,
          _check_memory_attributes, _check_c_names)


def check_spec(spec: Spec, problems: Collector) -> None:
    for check in CHECKS:
        check(spec, problems)
