# SPDX-License-Identifier: GPL-2.0-only
"""Model classes built from schema-valid spec files.

Everything the emitters need is here, already derived: C names, struct
layouts, the errors an argument constraint returns.  Templates do no
arithmetic and no naming of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .diagnostics import Collector, Pos
from .loader import Node, SpecFile, key_pos

# Who makes SBI calls to the TSM, in the order of the generated caller bits.
CALLERS = ("host", "guest")
# RV64 sizes (= alignments) of the scalar field types.
SCALAR_SIZE = {"u8": 1, "s8": 1, "u16": 2, "s16": 2, "u32": 4, "s32": 4,
               "u64": 8, "s64": 8, "ulong": 8, "long": 8}
C_TYPE = {  # firmware / selftests (stdint), Linux kernel
    "u8": ("uint8_t", "u8"), "u16": ("uint16_t", "u16"), "u32": ("uint32_t", "u32"),
    "u64": ("uint64_t", "u64"), "s8": ("int8_t", "s8"), "s16": ("int16_t", "s16"),
    "s32": ("int32_t", "s32"), "s64": ("int64_t", "s64"),
    "ulong": ("unsigned long", "unsigned long"), "long": ("long", "long"),
}


@dataclass
class Documented:
    name: str
    doc: str
    source: str
    node: Node

    def pos(self, key: str | None = None) -> Pos:
        return self.node.pos(key)


@dataclass
class ErrorCode(Documented):
    value: int
    provisional: bool
    linux_name: str | None

    @property
    def c_name(self) -> str:
        return f"SBI_ERR_{self.name}"


@dataclass
class Arg(Documented):
    ctype: str
    kind: str
    align: int | None
    min: int | None
    max: int | None
    enum: str | None
    zero_ok: bool
    error: str | None
    index: int = 0

    @property
    def constraints(self) -> list[str]:
        """Human words for the constraints, for docs."""
        words = []
        if self.align:
            words.append(f"{self.align}-byte aligned")
        if self.min is not None:
            words.append(f"at least {self.min}")
        if self.max is not None:
            words.append(f"at most {self.max}")
        if self.enum:
            words.append(f"a member of enum sbi_{self.enum}")
        return words

    @property
    def constraint_text(self) -> str:
        if not self.constraints:
            return ""
        zero = " (0 is always accepted)" if self.zero_ok else ""
        return f"Must be {', '.join(self.constraints)}{zero}."

    @property
    def c_checks(self) -> list[tuple[str, str]]:
        """(what, C condition that is true when the argument is invalid)."""
        raw = f"args[{self.index}]"
        v = raw if self.ctype == "unsigned long" else f"(long){raw}"
        suffix = "UL" if self.ctype == "unsigned long" else "L"
        zero = f"{raw} != 0 && " if self.zero_ok else ""
        checks = []
        if self.align:
            mask = f"{raw} & {self.align - 1}UL"
            checks.append((f"{self.align}-byte aligned", f"{zero}({mask})" if zero else mask))
        if self.min is not None:
            checks.append((f"at least {self.min}", f"{zero}{v} < {self.min}{suffix}"))
        if self.max is not None:
            checks.append((f"at most {self.max}", f"{zero}{v} > {self.max}{suffix}"))
        if self.enum:
            checks.append((f"in enum sbi_{self.enum}", f"{zero}!sbi_{self.enum}_valid({raw})"))
        return checks

    def example(self, spec: Spec) -> str:
        """A C expression for a value that passes every constraint; addresses
        are SBI_ABI_EXAMPLE_ADDR, which the including payload defines."""
        if self.enum:
            en = spec.enum(self.enum)
            assert en is not None
            return en.members[0].c_name
        if self.kind == "address":
            return "SBI_ABI_EXAMPLE_ADDR"
        value = max(self.min if self.min is not None else 1, self.align or 1)
        if self.align:
            value = (value + self.align - 1) // self.align * self.align
        return f"{value}UL"

    @property
    def has_constraints(self) -> bool:
        return any(v is not None for v in (self.align, self.min, self.max, self.enum))

    @property
    def constraint_error(self) -> str:
        """The error a failed constraint check returns."""
        if self.error:
            return self.error
        return "INVALID_ADDRESS" if self.kind == "address" else "INVALID_PARAM"


@dataclass
class Function(Documented):
    fid: int
    caller: str
    args: list[Arg]
    returns: str | None
    errors: list[str]
    # Whether the TSM implements it: None for a forwarded extension's call
    # (checks require it exactly for the TSM's own calls).
    implemented: bool | None
    ext: Extension | None = None
    ours: bool = False  # covekit's choice where the source is silent
    linux_name: str | None = None  # Linux's name for the FID, where not c_fid

    @property
    def linux_fid(self) -> str:
        """The name Linux's asm/sbi.h gives (or would give) the FID."""
        return self.linux_name or self.c_fid

    @property
    def c_fid(self) -> str:
        assert self.ext is not None
        return f"SBI_EXT_{self.ext.name}_{self.name.upper()}"

    @property
    def c_symbol(self) -> str:
        """Handler (firmware) and stub (callers) name: covh_tsm_get_info."""
        assert self.ext is not None
        return f"{self.ext.name.lower()}_{self.name}"

    @property
    def key(self) -> str:
        assert self.ext is not None
        return f"{self.ext.name}.{self.name}"

    @property
    def c_params(self) -> list[str]:
        return [f"{a.ctype} {a.name}" for a in self.args] or ["void"]

    @property
    def c_arg_refs(self) -> list[str]:
        return [f"args[{a.index}]" for a in self.args]

    @property
    def stub_args(self) -> list[str]:
        """a0..a5 for an ecall stub: the arguments, then zeros."""
        names = [a.name if a.ctype == "unsigned long" else f"(unsigned long){a.name}"
                 for a in self.args]
        return names + ["0"] * (6 - len(names))

    @property
    def c_errors(self) -> list[str]:
        return [f"SBI_ERR_{name}" for name in self.errors]

    @property
    def checked_args(self) -> list[Arg]:
        return [a for a in self.args if a.has_constraints]

    @property
    def callers(self) -> list[str]:
        """The callers it serves: 'any' is both the host and a guest."""
        return list(CALLERS) if self.caller == "any" else [self.caller]


# How an array field may be indexed: key -> index, over every key.
INDEX_RULES = {
    # SBI 3.0 NACL shared memory: CSR number bits [11:10] and [7:0].
    "csr": (range(4096), lambda csr: ((csr & 0xC00) >> 2) | (csr & 0xFF)),
}


PBMT_VALUES = {"PMA": 0, "NC": 1, "IO": 2}  # Svpbmt's PTE bits 62:61


@dataclass
class HostMapping:
    name: str
    what: str
    pbmt: str
    why: str
    node: Node

    def pos(self, key: str | None = None) -> Pos:
        return self.node.pos(key)

    @property
    def c_name(self) -> str:
        return f"HOST_MAPPING_{self.name.upper()}"

    @property
    def pbmt_value(self) -> int:
        return PBMT_VALUES[self.pbmt]


@dataclass
class MemoryAttributes:
    """The 'memory_attributes:' section: the host's G-stage memory types."""
    source: str
    doc: str
    mappings: list[HostMapping]
    node: Node

    def pos(self, key: str | None = None) -> Pos:
        return self.node.pos(key)


@dataclass
class RefusedExtension:
    """A standard extension the TSM refuses: probe 0, calls NOT_SUPPORTED."""
    name: str
    eid: int
    source: str
    why: str
    node: Node

    def pos(self, key: str | None = None) -> Pos:
        return self.node.pos(key)

    @property
    def c_eid(self) -> str:
        return f"{self.eid:#x}UL"


@dataclass
class Extension(Documented):
    eid: int
    handled_by: str
    linux_upstream: bool
    functions: list[Function]
    checks: str | None = None  # forwarded: what the TSM checks first

    @property
    def c_fid_mask(self) -> str:
        """The FIDs it defines, as a bit mask (forwarded extensions)."""
        return f"{sum(1 << f.fid for f in self.functions):#x}UL"

    @property
    def c_eid(self) -> str:
        return f"SBI_EXT_{self.name}"

    @property
    def fid_count(self) -> int:
        return max(f.fid for f in self.functions) + 1

    @property
    def implemented(self) -> list[Function]:
        return [f for f in self.functions if f.implemented]

    @property
    def pending(self) -> list[Function]:
        """The TSM's calls it does not implement yet (answered NOT_SUPPORTED)."""
        return [f for f in self.functions if f.implemented is False]

    @property
    def available_to(self) -> list[str]:
        """The callers a BASE probe reports this TSM extension present to:
        those that at least one implemented call serves (CALLERS order)."""
        served = {c for f in self.implemented for c in f.callers}
        return [c for c in CALLERS if c in served]

    @property
    def c_available(self) -> str:
        """available_to as a mask of enum sbi_abi_caller bits."""
        return " | ".join(f"SBI_ABI_CALLER_{c.upper()}" for c in self.available_to) or "0"

    @property
    def ascii(self) -> str | None:
        """"COVH" for 0x434F5648, when every byte is a printable letter."""
        raw = self.eid.to_bytes(4, "big")
        return raw.decode() if self.eid > 0xFFFFFF and raw.isalpha() else None


@dataclass
class EnumMember(Documented):
    value: int
    provisional: bool
    c_name: str = ""
    linux_name: str | None = None  # Linux's name, where not the prefix rule's
    ours: bool = False


@dataclass
class Enum(Documented):
    kind: str
    sparse: bool
    linux_upstream: bool
    members: list[EnumMember]
    linux_prefix: str | None = None  # Linux's member prefix, where not c_prefix
    ours: bool = False

    @property
    def c_tag(self) -> str:
        return f"sbi_{self.name}"

    def linux_member(self, m: EnumMember) -> str:
        """The name Linux's asm/sbi.h gives (or would give) a member."""
        return m.linux_name or f"{self.linux_prefix or self.c_prefix}{m.name}"

    @property
    def c_prefix(self) -> str:
        return f"SBI_{self.name.upper()}_"

    @property
    def mask(self) -> int:
        """For a bits enum: every defined bit set."""
        return sum(1 << m.value for m in self.members)

    @property
    def max_value(self) -> int:
        return max(m.value for m in self.members)


@dataclass
class Field(Documented):
    type: str
    declared_offset: int | None
    enum: str | None
    addr_align: int | None
    base: str = ""
    count: int | None = None
    offset: int = 0
    linux_offset: str | None = None  # Linux's macro for the offset
    linux_size: str | None = None  # Linux's macro for the size in bytes
    index: str | None = None  # how an array is indexed (INDEX_RULES)
    linux_index: str | None = None  # Linux's function-like macro for index

    @property
    def elem_size(self) -> int:
        return SCALAR_SIZE[self.base]

    @property
    def size(self) -> int:
        return self.elem_size * (self.count or 1)

    def c_decl(self, flavor: int) -> str:
        """'uint32_t tsm_state' (flavor 0: stdint) or 'u32 tsm_state' (1: Linux)."""
        suffix = f"[{self.count}]" if self.count else ""
        return f"{C_TYPE[self.base][flavor]} {self.name}{suffix}"


@dataclass
class Struct(Documented):
    declared_size: int | None
    addr_align: int | None
    linux_upstream: bool
    fields: list[Field]
    size: int = 0
    align: int = 1
    linux_size: str | None = None  # Linux's macro for the size in bytes
    ours: bool = False

    @property
    def c_tag(self) -> str:
        return f"sbi_{self.name}"


@dataclass
class KvmMember:
    name: str
    value: int
    origin: str
    doc: str | None
    host_ext: str | None
    sbi_ext: str | None
    disable: str | None
    upstream_since: str | None
    node: Node
    enum: KvmEnum | None = None

    def pos(self, key: str | None = None) -> Pos:
        return self.node.pos(key)

    @property
    def c_name(self) -> str:
        assert self.enum is not None
        return f"{self.enum.prefix}{self.name}"


@dataclass
class KvmEnum(Documented):
    prefix: str
    max: str
    header: str
    members: list[KvmMember]

    @property
    def upstream(self) -> list[KvmMember]:
        return [m for m in self.members if m.origin == "upstream"]

    @property
    def added(self) -> list[KvmMember]:
        return [m for m in self.members if m.origin == "covekit"]


@dataclass
class PageState(Documented):
    value: int
    host_access: bool
    confidential: bool
    c_name: str = ""


@dataclass
class PageTransition:
    """One allowed change of a page's state: from_name --call--> to_name."""

    from_name: str
    to_name: str
    call: str  # EXT.function, as written
    doc: str
    node: Node
    # Resolved by build(); None when the spec names no such state or function.
    from_state: PageState | None = None
    to_state: PageState | None = None
    function: Function | None = None

    def pos(self, key: str | None = None) -> Pos:
        return self.node.pos(key)

    @property
    def label(self) -> str:
        return f"{self.from_name} -> {self.to_name} by {self.call}"


@dataclass
class PageStates(Documented):
    """The TSM's page states; the first state listed is every page's initial one.

    C names derive from the spec's name: page_state gives enum tsm_page_state,
    members TSM_PAGE_<STATE>, and tables tsm_page_*.
    """

    states: list[PageState]
    transitions: list[PageTransition]
    declared_at: Pos = field(default_factory=lambda: Pos(""))  # the 'page_states:' key

    @property
    def stem(self) -> str:
        return self.name.removesuffix("_state")

    @property
    def c_tag(self) -> str:
        return f"tsm_{self.name}"

    @property
    def c_prefix(self) -> str:
        return f"TSM_{self.stem.upper()}_"

    @property
    def c_count(self) -> str:
        return f"{self.c_tag.upper()}_COUNT"

    @property
    def c_valid(self) -> str:
        return f"{self.c_tag}_valid"

    @property
    def c_names(self) -> str:
        return f"{self.c_tag}_names"

    @property
    def c_host_access(self) -> str:
        return f"tsm_{self.stem}_host_access"

    @property
    def c_confidential(self) -> str:
        return f"tsm_{self.stem}_confidential"

    @property
    def c_transition(self) -> str:
        """The struct tag; the table is its plural."""
        return f"tsm_{self.stem}_transition"

    @property
    def c_transitions(self) -> str:
        return f"{self.c_transition}s"

    @property
    def c_transition_count(self) -> str:
        return f"{self.c_transition.upper()}_COUNT"

    @property
    def c_allowed(self) -> str:
        return f"{self.c_transition}_allowed"

    @property
    def initial(self) -> PageState:
        return self.states[0]

    @property
    def by_value(self) -> list[PageState]:
        return sorted(self.states, key=lambda s: s.value)

    def state(self, name: str) -> PageState | None:
        return next((s for s in self.states if s.name == name), None)


# Digest size in bytes of each hash a measurement may use.
HASH_DIGEST_SIZE = {"SHA-384": 48}
MEASURE_TAG_SIZE = 8  # a record starts with its tag, 8 ASCII bytes


@dataclass
class MeasureField:
    """One field of a measurement record: u64 (little-endian) or u8[N]."""

    name: str
    type: str
    doc: str
    node: Node
    offset: int = 0

    def pos(self, key: str | None = None) -> Pos:
        return self.node.pos(key)

    @property
    def size(self) -> int:
        if self.type == "u64":
            return 8
        return int(self.type.removeprefix("u8[").rstrip("]"))


@dataclass
class MeasureRecord:
    """One kind of extend step: hash(m || tag || fields)."""

    name: str
    tag: str
    call: str  # EXT.function, as written
    when: str
    doc: str
    fields: list[MeasureField]
    node: Node
    function: Function | None = None  # resolved by build()

    def pos(self, key: str | None = None) -> Pos:
        return self.node.pos(key)

    @property
    def tag_size(self) -> int:
        return MEASURE_TAG_SIZE

    @property
    def tag_hex(self) -> str:
        return self.tag.encode("ascii").hex(" ")

    @property
    def size(self) -> int:
        return MEASURE_TAG_SIZE + sum(f.size for f in self.fields)


@dataclass
class NotMeasured:
    what: str
    why: str


@dataclass
class Measurement(Documented):
    """The TVM measurement algorithm (spec 'measurement:' section)."""

    ours: bool
    hash: str
    initial: str
    byte_order: str
    order: str
    records: list[MeasureRecord]
    not_measured: list[NotMeasured]
    declared_at: Pos = field(default_factory=lambda: Pos(""))  # the 'measurement:' key

    @property
    def digest_size(self) -> int:
        return HASH_DIGEST_SIZE[self.hash]


@dataclass
class Source:
    name: str
    citation: str
    pos: Pos


@dataclass
class Spec:
    files: list[SpecFile]
    sources: dict[str, Source] = field(default_factory=dict)
    errors: list[ErrorCode] = field(default_factory=list)
    extensions: list[Extension] = field(default_factory=list)
    refused: list[RefusedExtension] = field(default_factory=list)
    # Every file's memory_attributes section; checks refuse more than one.
    declared_memory_attributes: list[MemoryAttributes] = field(default_factory=list)
    enums: list[Enum] = field(default_factory=list)
    structs: list[Struct] = field(default_factory=list)
    kvm_enums: list[KvmEnum] = field(default_factory=list)
    # Every file's page_states; checks refuse more than one.
    declared_page_states: list[PageStates] = field(default_factory=list)
    # Every file's measurement section; checks refuse more than one.
    declared_measurements: list[Measurement] = field(default_factory=list)

    @property
    def memory_attributes(self) -> MemoryAttributes | None:
        d = self.declared_memory_attributes
        return d[0] if d else None

    @property
    def measurement(self) -> Measurement | None:
        return self.declared_measurements[0] if self.declared_measurements else None

    @property
    def page_states(self) -> PageStates | None:
        return self.declared_page_states[0] if self.declared_page_states else None

    @property
    def file_names(self) -> list[str]:
        return [f.name for f in self.files]

    def error(self, name: str) -> ErrorCode | None:
        return next((e for e in self.errors if e.name == name), None)

    def enum(self, name: str) -> Enum | None:
        return next((e for e in self.enums if e.name == name), None)

    def struct(self, name: str) -> Struct | None:
        return next((s for s in self.structs if s.name == name), None)

    def extension(self, name: str) -> Extension | None:
        return next((e for e in self.extensions if e.name == name), None)

    def function(self, key: str) -> Function | None:
        """The function a key such as 'COVH.convert_pages' names."""
        ext_name, _, fn_name = key.partition(".")
        ext = self.extension(ext_name)
        if ext is None:
            return None
        return next((f for f in ext.functions if f.name == fn_name), None)

    @property
    def tsm_extensions(self) -> list[Extension]:
        return [e for e in self.extensions if e.handled_by == "tsm"]

    @property
    def provisional_errors(self) -> list[ErrorCode]:
        return [e for e in self.errors if e.provisional]


# --- building ---------------------------------------------------------------

def _documented(n: Node, default_source: str = "") -> dict[str, Any]:
    return {"name": n["name"], "doc": n.get("doc", ""),
            "source": n.get("source", default_source), "node": n}


def _build_arg(n: Node, index: int, source: str) -> Arg:
    return Arg(**_documented(n, source), ctype=n["type"], kind=n.get("kind", "value"),
               align=n.get("align"), min=n.get("min"), max=n.get("max"),
               enum=n.get("enum"), zero_ok=bool(n.get("zero_ok", False)),
               error=n.get("error"), index=index)


def _build_function(n: Node, ext_source: str) -> Function:
    source = n.get("source", ext_source)
    return Function(**_documented(n, ext_source), fid=int(n["fid"]), caller=n["caller"],
                    args=[_build_arg(a, i, source) for i, a in enumerate(n.child("args"))],
                    returns=n.get("returns"), errors=[str(e) for e in n["errors"]],
                    implemented=n.get("implemented"), linux_name=n.get("linux_name"),
                    ours=bool(n.get("ours", False)))


def _build_field(n: Node) -> Field:
    f = Field(**_documented(n), type=n["type"], declared_offset=n.get("offset"),
              enum=n.get("enum"), addr_align=n.get("align"),
              linux_offset=n.get("linux_offset"), linux_size=n.get("linux_size"),
              index=n.get("index"), linux_index=n.get("linux_index"))
    base, _, count = f.type.partition("[")
    f.base = base
    f.count = int(count.rstrip("]")) if count else None
    return f


def layout(struct: Struct, problems: Collector) -> None:
    """Compute RV64 offsets and size; declared ones must agree, and every
    byte must belong to a field (no implicit padding crosses the ABI)."""
    offset = 0
    align = 1
    for f in struct.fields:
        a = f.elem_size
        aligned = (offset + a - 1) // a * a
        if aligned != offset:
            problems.add(f.pos("name"), f"struct {struct.name}: {aligned - offset} byte(s) of "
                         f"implicit padding before field {f.name} ({f.type} aligns to {a}); "
                         f"declare a reserved field so the layout is explicit")
        f.offset = aligned
        if f.declared_offset is not None and f.declared_offset != f.offset:
            problems.add(f.pos("offset"), f"struct {struct.name}: field {f.name} is declared at "
                         f"offset {f.declared_offset} but the layout puts it at {f.offset}")
        offset = aligned + f.size
        align = max(align, a)
    struct.align = align
    struct.size = (offset + align - 1) // align * align
    if struct.size != offset:
        problems.add(struct.pos("name"), f"struct {struct.name}: {struct.size - offset} "
                     f"byte(s) of implicit tail padding; declare a reserved field so the "
                     f"layout is explicit")
    if struct.declared_size is not None and struct.declared_size != struct.size:
        problems.add(struct.pos("size"), f"struct {struct.name}: declared size "
                     f"{struct.declared_size} but the fields lay out to {struct.size} bytes")


def build(files: list[SpecFile], problems: Collector) -> Spec:
    """Turn schema-valid files into a Spec; layout problems go to problems."""
    spec = Spec(files=files)
    for sf in files:
        root = sf.root
        sources = root.get("sources") or {}
        for name, citation in sources.items():
            pos = root.pos() if not hasattr(sources, "lc") else Pos(
                sf.name, sources.lc.key(name)[0] + 1, sources.lc.key(name)[1] + 1)
            old = spec.sources.get(name)
            if old and old.citation != citation:
                problems.add(pos, f"source {name!r} is cited differently at {old.pos}")
            spec.sources.setdefault(name, Source(name, str(citation), pos))
        for n in root.child("errors"):
            spec.errors.append(ErrorCode(**_documented(n), value=int(n["value"]),
                                         provisional=bool(n.get("provisional", False)),
                                         linux_name=n.get("linux_name")))
        for n in root.child("extensions"):
            ext = Extension(**_documented(n), eid=int(n["eid"]), handled_by=n["handled_by"],
                            linux_upstream=bool(n.get("linux_upstream", False)),
                            functions=[_build_function(f, n["source"])
                                       for f in n.child("functions")],
                            checks=n.get("checks"))
            for fn in ext.functions:
                fn.ext = ext
            spec.extensions.append(ext)
        for n in root.child("refused_extensions"):
            spec.refused.append(RefusedExtension(
                name=n["name"], eid=int(n["eid"]), source=n["source"], why=n["why"],
                node=n))
        for n in root.child("enums"):
            en = Enum(**_documented(n), kind=n.get("kind", "values"),
                      sparse=bool(n.get("sparse", False)),
                      linux_upstream=bool(n.get("linux_upstream", False)),
                      linux_prefix=n.get("linux_prefix"),
                      members=[EnumMember(**_documented(m, n["source"]), value=int(m["value"]),
                                          provisional=bool(m.get("provisional", False)),
                                          linux_name=m.get("linux_name"),
                                          ours=bool(m.get("ours", False)))
                               for m in n.child("members")],
                      ours=bool(n.get("ours", False)))
            for m in en.members:
                m.c_name = f"{en.c_prefix}{m.name}"
            spec.enums.append(en)
        for n in root.child("structs"):
            st = Struct(**_documented(n), declared_size=n.get("size"),
                        addr_align=n.get("align"),
                        linux_upstream=bool(n.get("linux_upstream", False)),
                        linux_size=n.get("linux_size"),
                        fields=[_build_field(f) for f in n.child("fields")],
                        ours=bool(n.get("ours", False)))
            layout(st, problems)
            spec.structs.append(st)
        for n in root.child("kvm_enums"):
            ke = KvmEnum(**_documented(n), prefix=n["prefix"], max=n["max"], header=n["header"],
                         members=[KvmMember(name=m["name"], value=int(m["value"]),
                                            origin=m["origin"], doc=m.get("doc"),
                                            host_ext=m.get("host_ext"), sbi_ext=m.get("sbi_ext"),
                                            disable=m.get("disable"),
                                            upstream_since=m.get("upstream_since"), node=m)
                                  for m in n.child("members")])
            for m in ke.members:
                m.enum = ke
            spec.kvm_enums.append(ke)
        if root.get("page_states") is not None:
            spec.declared_page_states.append(_build_page_states(sf, root))
        if root.get("measurement") is not None:
            spec.declared_measurements.append(_build_measurement(sf, root))
        if root.get("memory_attributes") is not None:
            ma = Node(root["memory_attributes"], sf.name)
            spec.declared_memory_attributes.append(MemoryAttributes(
                source=ma["source"], doc=ma["doc"], node=ma,
                mappings=[HostMapping(name=m["name"], what=m["what"], pbmt=m["pbmt"],
                                      why=m["why"], node=m)
                          for m in ma.child("mappings")]))
    # Transitions name states of their own file and functions of any file.
    for ps in spec.declared_page_states:
        for t in ps.transitions:
            t.from_state = ps.state(t.from_name)
            t.to_state = ps.state(t.to_name)
            t.function = spec.function(t.call)
    for m in spec.declared_measurements:
        for r in m.records:
            r.function = spec.function(r.call)
    return spec


def _build_measurement(sf: SpecFile, root: Node) -> Measurement:
    n = Node(root["measurement"], sf.name)
    records = []
    for r in n.child("records"):
        fields = [MeasureField(name=f["name"], type=f["type"], doc=f["doc"], node=f)
                  for f in r.child("fields")]
        offset = MEASURE_TAG_SIZE
        for f in fields:
            f.offset = offset
            offset += f.size
        records.append(MeasureRecord(name=r["name"], tag=r["tag"], call=r["call"],
                                     when=r["when"], doc=r["doc"], fields=fields, node=r))
    return Measurement(**_documented(n), declared_at=key_pos(root.data, sf.name, "measurement"),
                       ours=bool(n["ours"]), hash=n["hash"], initial=n["initial"],
                       byte_order=n["byte_order"], order=n["order"], records=records,
                       not_measured=[NotMeasured(what=x["what"], why=x["why"])
                                     for x in n.child("not_measured")])


def _build_page_states(sf: SpecFile, root: Node) -> PageStates:
    n = Node(root["page_states"], sf.name)
    ps = PageStates(**_documented(n), declared_at=key_pos(root.data, sf.name, "page_states"),
                    states=[PageState(**_documented(s, n["source"]), value=int(s["value"]),
                                      host_access=bool(s["host_access"]),
                                      confidential=bool(s["confidential"]))
                            for s in n.child("states")],
                    transitions=[PageTransition(from_name=t["from"], to_name=t["to"],
                                                call=t["call"], doc=t["doc"], node=t)
                                 for t in n.child("transitions")])
    for s in ps.states:
        s.c_name = f"{ps.c_prefix}{s.name}"
    return ps
