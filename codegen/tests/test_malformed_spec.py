# SPDX-License-Identifier: GPL-2.0-only
"""A malformed spec is refused with exit 2 and one FILE:LINE:COL: message line
per problem, pointing at the place to fix, and nothing is written.

Each case mutates a scratch copy of the real spec (or adds a tiny spec file)
and states the exact line regen must print.  Positions are computed from the
mutated file, so the cases follow the spec as it grows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from conftest import Checkout, assert_regen_refused, pos

SBI, COVE, KVM, EXTRA = "spec/sbi.yaml", "spec/cove.yaml", "spec/kvm.yaml", "spec/extra.yaml"
TSM = "spec/tsm.yaml"
SCHEMA = "spec/schema.json"



@dataclass(frozen=True)
class Case:
    id: str
    mutate: Callable[[Checkout], None]
    # Every line regen prints, given the mutated checkout.  A line ending in
    # '...' need only start with the text before it.
    expect: Callable[[Checkout], list[str]]


def one(rel: str, needle: str, message: str, at: str | None = None,
        start: str | int | None = None) -> Callable[[Checkout], list[str]]:
    return lambda c: [f"{pos(c, rel, needle, at, start)}: {message}"]


def edit(rel: str, old: str, new: str) -> Callable[[Checkout], None]:
    return lambda c: c.edit(rel, old, new)


def write(rel: str, data: bytes) -> Callable[[Checkout], None]:
    return lambda c: c.path(rel).write_bytes(data)


DESTROY = "- name: destroy_tvm"
DESTROY_HEAD = "      - name: destroy_tvm\n        fid: 8\n        caller: host\n"
DESTROY_IMPLEMENTED = DESTROY_HEAD + "        implemented: true\n"
SPEC_VERSION_HEAD = "      - name: get_spec_version\n        fid: 0\n        caller: any\n"
PROMOTE_ERRORS = "errors: [INVALID_ADDRESS, AUTH, OUT_OF_MEMORY, FAILED]"
GET_INFO_ERRORS = "errors: [INVALID_ADDRESS, INVALID_PARAM, FAILED]"
PAGE_TYPE_TAIL = """      - name: PAGE_1GB
        value: 2
        doc: 1 GiB pages.
      - name: PAGE_512GB
        value: 3
"""
SEVENTH_ARG = """          - name: cert_nonce
            type: unsigned long
            kind: value
            doc: One argument more than SBI can pass.
        errors: [INVALID_ADDRESS, INVALID_PARAM, BUSY, FAILED]"""


def _seven_args(c: Checkout) -> None:
    c.edit(COVE, "        errors: [INVALID_ADDRESS, INVALID_PARAM, BUSY, FAILED]", SEVENTH_ARG)


def _indent_expect(c: Checkout) -> list[str]:
    block = pos(c, COVE, "- name: tsm_get_info", at="-").split(":")
    return [f"{pos(c, COVE, '       caller: host', at='caller')}: invalid YAML: bad "
            f"indentation: this line does not line up with the block that starts at line "
            f"{block[1]}, column {block[2]}"]


def _bracket_expect(c: Checkout) -> list[str]:
    _, line, col = pos(c, COVE, "- name: convert_pages", at=":").split(":")
    return [f"{pos(c, COVE, 'INVALID_PARAM, FAILED', at='[')}: invalid YAML: this '[' is "
            f"never closed: expected ',' or ']' but found ':' at line {line}, column {col}"]


def _dup_key_expect(c: Checkout) -> list[str]:
    first = c.line_of(COVE, "fid: 0")
    return [f"{pos(c, COVE, 'fid: 1', at='fid')}: invalid YAML: duplicate key \"fid\" "
            f"(first at line {first})"]


def _quote_expect(c: Checkout) -> list[str]:
    # The string runs on to the next quote character: the "'" of "TVM's".
    opened = "- name: 'destroy_tvm"
    runs_to = c.line_of(COVE, "TVM's", c.line_of(COVE, opened))
    return [f"{pos(c, COVE, opened, at=chr(39))}: invalid YAML: the quoted string that "
            f"starts here is not closed on its line; it runs on to line {runs_to}, where YAML "
            f"fails ..."]


def _first(needle: str, at: str, start: str | None = None) -> Callable[[Checkout], str]:
    return lambda c: pos(c, COVE, needle, at, start)


def _dup_fn_expect(c: Checkout) -> list[str]:
    first = pos(c, COVE, "- name: promote_to_tvm", at="promote")
    after = c.line_of(COVE, "- name: promote_to_tvm") + 1
    second = pos(c, COVE, "- name: promote_to_tvm", at="promote", start=after)
    # destroy_tvm is gone, so the page-state transitions it made name nothing.
    gone = [f"{pos(c, TSM, 'call: COVH.destroy_tvm', at='COVH', start=f'from: {state}')}: "
            f"page_states: transition {state} -> CONFIDENTIAL by COVH.destroy_tvm: COVH has no "
            f"function 'destroy_tvm'" for state in ("TVM_METADATA", "TVM_MEMORY")]
    return [f"{second}: COVH: duplicate function name 'promote_to_tvm' (first at {first})"] + gone


def _dup_fid_expect(c: Checkout) -> list[str]:
    first = pos(c, COVE, "fid: 7", at="7")
    second = pos(c, COVE, "fid: 7", at="7", start=DESTROY)
    return [f"{second}: COVH: duplicate FID 7 (first at {first})"]


def _dup_eid_expect(c: Checkout) -> list[str]:
    first = pos(c, COVE, "eid: 0x434F5647", at="0x")
    second = pos(c, COVE, "eid: 0x434F5647", at="0x", start="- name: COVI")
    return [f"{second}: duplicate EID 0x434f5647 (first at {first})"]


def _dup_enum_value_expect(c: Checkout) -> list[str]:
    first = pos(c, COVE, "value: 2", at="2", start="- name: PAGE_1GB")
    second = pos(c, COVE, "value: 2", at="2", start="- name: PAGE_512GB")
    return [f"{second}: enum page_type: duplicate value 2 (first at {first})"]


def _two_files_mutate(c: Checkout) -> None:
    # Found in this order: the unknown source (kvm.yaml) by an earlier check
    # than the duplicate FID (cove.yaml); printed sorted by file and line.
    c.edit(KVM, "    source: Linux-6.12\n    members:", "    source: Linux-6.21\n    members:")
    c.edit(COVE, DESTROY_HEAD, DESTROY_HEAD.replace("fid: 8", "fid: 7"))


def _two_files_expect(c: Checkout) -> list[str]:
    return _dup_fid_expect(c) + [
        f"{pos(c, KVM, 'source: Linux-6.21', at='Linux')}: source 'Linux-6.21' is not in any "
        f"'sources' map (known: CoVE-2023, CoVE-2025, Linux-6.12, Linux-6.13, RISCV-PRIV, "
        f"SBI-3.0, covekit)"]


CASES = [
    # --- YAML syntax -------------------------------------------------------
    Case("yaml-bad-indentation",
         edit(COVE, "        fid: 0\n        caller: host", "        fid: 0\n       caller: host"),
         _indent_expect),
    Case("yaml-unclosed-bracket",
         edit(COVE, GET_INFO_ERRORS, GET_INFO_ERRORS.rstrip("]")), _bracket_expect),
    Case("yaml-unclosed-quote",
         edit(COVE, DESTROY, "- name: 'destroy_tvm"), _quote_expect),
    Case("yaml-tab",
         edit(COVE, "        fid: 0\n        caller: host", "        fid: 0\n\tcaller: host"),
         one(COVE, "\tcaller: host", "invalid YAML: tab character; use spaces (YAML does not "
             "allow tabs here)")),
    Case("yaml-duplicate-key",
         edit(COVE, "        fid: 0\n", "        fid: 0\n        fid: 1\n"), _dup_key_expect),
    Case("yaml-control-character",
         edit(COVE, "fid: 8\n", "fid: 8\x01\n"),
         one(COVE, "fid: 8\x01", "invalid YAML: control character U+0001 is not allowed in "
             "YAML text", at="\x01")),
    Case("not-utf8",
         write(EXTRA, b"title: Extra\nsources:\n  X: caf\xe9\n"),
         lambda c: [f"{EXTRA}:3:9: not UTF-8 text: byte 0xe9 (invalid continuation byte)"]),
    Case("schema-not-json",  # used to end in an internal error
         edit(SCHEMA, '"type": "object",\n  "additionalProperties"',
              '"type": "object"\n  "additionalProperties"'),
         one(SCHEMA, '"additionalProperties": false', "invalid JSON: Expecting ',' delimiter",
             at='"')),
    Case("empty-file", write(EXTRA, b""),
         lambda c: [f"{EXTRA}:1:1: empty file: expected a mapping with 'title'"]),
    Case("top-level-list", write(EXTRA, b"- title: Extra\n"),
         lambda c: [f"{EXTRA}:1:1: expected a mapping at the top level, got a list"]),
    # --- schema ------------------------------------------------------------
    Case("string-for-integer", edit(COVE, "fid: 8\n", "fid: eight\n"),
         one(COVE, "fid: eight", "extensions[COVH].functions[destroy_tvm].fid: expected an "
             "integer, got string 'eight'", at="eight")),
    Case("float-for-integer", edit(COVE, "min: 48\n", "min: 48.0\n"),
         one(COVE, "min: 48.0", "extensions[COVH].functions[tsm_get_info].args[tsm_info_len]"
             ".min: expected an integer, got number 48.0", at="48")),
    Case("boolean-for-integer", edit(COVE, "fid: 8\n", "fid: true\n"),
         one(COVE, "fid: true", "extensions[COVH].functions[destroy_tvm].fid: expected an "
             "integer, got boolean true", at="true")),
    Case("empty-value-points-at-its-key", edit(COVE, "fid: 8\n", "fid:\n"),
         one(COVE, "fid:", "extensions[COVH].functions[destroy_tvm].fid: expected an "
             "integer, got nothing (null)", start=DESTROY)),
    Case("missing-required-keys", edit(COVE, DESTROY_HEAD, "      - name: destroy_tvm\n"),
         one(COVE, DESTROY, "extensions[COVH].functions[destroy_tvm]: missing required keys "
             "'fid', 'caller'", at="name")),
    Case("unknown-key-typo",  # one message: not also "missing required key 'caller'"
         edit(COVE, DESTROY_HEAD, DESTROY_HEAD.replace("caller:", "caler:")),
         one(COVE, "caler: host", "extensions[COVH].functions[destroy_tvm]: unknown key "
             "'caler' (did you mean 'caller'?)", at="caler")),
    Case("unknown-keys-of-mixed-types",
         edit(COVE, DESTROY_HEAD, DESTROY_HEAD + "        zeta: 1\n        7: 2\n"),
         lambda c: [f"{pos(c, COVE, 'zeta: 1', at='zeta')}: extensions[COVH].functions"
                    f"[destroy_tvm]: unknown key 'zeta' (allowed: args, caller, doc, errors, "
                    f"fid, implemented, linux_name, name, ours, returns, source)",
                    f"{pos(c, COVE, '        7: 2', at='7')}: extensions[COVH].functions"
                    f"[destroy_tvm]: unknown key 7 (allowed: args, caller, doc, errors, fid, "
                    f"implemented, linux_name, name, ours, returns, source)"]),
    Case("value-not-in-enum",
         edit(COVE, DESTROY_HEAD, DESTROY_HEAD.replace("caller: host", "caller: hots")),
         one(COVE, "caller: hots", "extensions[COVH].functions[destroy_tvm].caller: string "
             "'hots' is not one of: host, guest, any; did you mean 'host'?", at="hots")),
    Case("implemented-not-boolean",
         edit(COVE, DESTROY_IMPLEMENTED, DESTROY_HEAD + "        implemented: yes\n"),
         one(COVE, "implemented: yes", "extensions[COVH].functions[destroy_tvm].implemented: "
             "expected true or false, got string 'yes'", at="yes")),
    Case("invalid-c-identifier", edit(COVE, DESTROY, "- name: destroy-tvm"),
         one(COVE, "destroy-tvm", "extensions[COVH].functions[destroy-tvm].name: "
             "'destroy-tvm' is not a valid C identifier (letters, digits and '_', not "
             "starting with a digit)")),
    Case("bad-field-type", edit(COVE, "type: u64\n        offset: 32", "type: u63\n        "
                                "offset: 32"),
         one(COVE, "type: u63", "structs[tsm_info].fields[tvm_max_vcpus].type: 'u63' is not a "
             "field type: expected one of u8, u16, u32, u64, s8, s16, s32, s64, ulong, long, "
             "optionally followed by an array length such as [4]", at="u63")),
    # --- semantic checks ---------------------------------------------------
    Case("c-keyword",
         edit(COVE, "- name: tvm_id\n            type: unsigned long\n            kind: id\n"
              "            doc: The TVM to destroy.", "- name: default\n            type: "
              "unsigned long\n            kind: id\n            doc: The TVM to destroy."),
         one(COVE, "- name: default", "COVH.destroy_tvm: argument name 'default' is a C "
             "keyword; choose another name", at="default")),
    Case("duplicate-function-name",  # once, not again as a duplicate C name
         edit(COVE, DESTROY, "- name: promote_to_tvm"), _dup_fn_expect),
    Case("duplicate-fid", edit(COVE, DESTROY_HEAD, DESTROY_HEAD.replace("fid: 8", "fid: 7")),
         _dup_fid_expect),
    Case("duplicate-eid", edit(COVE, "eid: 0x434F5649", "eid: 0x434F5647"), _dup_eid_expect),
    Case("error-not-in-table",
         edit(COVE, PROMOTE_ERRORS, PROMOTE_ERRORS.replace("AUTH", "AUTHENTICATION")),
         one(COVE, "AUTHENTICATION", "COVH.promote_to_tvm: error 'AUTHENTICATION' is not in "
             "the error table")),
    Case("error-listed-twice",
         edit(COVE, PROMOTE_ERRORS, PROMOTE_ERRORS.replace("FAILED]", "FAILED, AUTH]")),
         one(COVE, "FAILED, AUTH]", "COVH.promote_to_tvm: error 'AUTH' listed twice",
             at="AUTH]")),
    Case("success-listed",
         edit(COVE, PROMOTE_ERRORS, PROMOTE_ERRORS.replace("[", "[SUCCESS, ")),
         one(COVE, "[SUCCESS,", "COVH.promote_to_tvm: SUCCESS is implied for every call; do "
             "not list it", at="SUCCESS")),
    Case("seven-arguments", _seven_args,
         one(COVE, "- name: cert_nonce", "COVG.get_evidence: 7 arguments, but SBI passes at "
             "most 6 (a0-a5); cert_nonce is argument 7", at="cert_nonce")),
    Case("align-not-power-of-two", edit(COVE, "align: 64\n", "align: 48\n"),
         one(COVE, "align: 48", "COVH.finalize_tvm: argument identity_addr: align 48 is not a "
             "power of two", at="48")),
    Case("min-above-max", edit(COVE, "max: 4096\n", "min: 8192\n            max: 4096\n"),
         one(COVE, "min: 8192", "COVG.retrieve_secret: argument buf_size: min 8192 is above "
             "max 4096", at="8192")),
    Case("negative-min-for-unsigned", edit(COVE, "max: 4096\n", "min: -1\n            max: "
                                           "4096\n"),
         one(COVE, "min: -1", "COVG.retrieve_secret: argument buf_size: min -1 does not fit "
             "in unsigned long (0 to 18446744073709551615)", at="-1")),
    Case("unknown-enum", edit(COVE, "enum: page_type\n", "enum: page_size\n"),
         one(COVE, "enum: page_size", "COVH.add_tvm_measured_pages: argument page_type: enum "
             "'page_size' is not defined", at="page_size")),
    Case("duplicate-enum-value",
         edit(COVE, PAGE_TYPE_TAIL, PAGE_TYPE_TAIL.replace("value: 3", "value: 2")),
         _dup_enum_value_expect),
    Case("enum-gap",  # used to crash comparing EnumMember objects
         edit(COVE, PAGE_TYPE_TAIL, PAGE_TYPE_TAIL.replace("value: 3", "value: 4")),
         one(COVE, "value: 2", "enum page_type: gap after PAGE_1GB (no member has value 3); "
             "fill it or mark the enum 'sparse: true'", at="2", start="- name: PAGE_1GB")),
    Case("field-offset", edit(COVE, "offset: 24\n", "offset: 28\n"),
         one(COVE, "offset: 28", "struct tsm_info: field tvm_state_pages is declared at offset "
             "28 but the layout puts it at 24", at="28")),
    Case("struct-size", edit(COVE, "size: 48\n", "size: 56\n"),
         one(COVE, "size: 56", "struct tsm_info: declared size 56 but the fields lay out to 48 "
             "bytes", at="56")),
    Case("implicit-padding",
         edit(COVE, "type: u32\n        offset: 12\n", "type: u16\n        offset: 12\n"),
         one(COVE, "- name: tsm_capabilities", "struct tsm_info: 2 byte(s) of implicit padding "
             "before field tsm_capabilities (u64 aligns to 8); declare a reserved field so the "
             "layout is explicit", at="tsm_capabilities", start="structs:")),
    Case("unknown-source",  # once, where written; not again at each argument inheriting it
         edit(COVE, "        source: CoVE-2025\n        doc: >-\n          Copies to the guest",
              "        source: CoVE-2026\n        doc: >-\n          Copies to the guest"),
         one(COVE, "source: CoVE-2026", "source 'CoVE-2026' is not in any 'sources' map "
             "(known: CoVE-2023, CoVE-2025, Linux-6.12, Linux-6.13, RISCV-PRIV, SBI-3.0, "
             "covekit)", at="CoVE")),
    Case("kvm-value-out-of-order", edit(KVM, "value: 47\n", "value: 74\n"),
         one(KVM, "value: 74", "KVM_RISCV_ISA_EXT_ID: ZFHMIN has value 74 but is written at "
             "position 47 (counting from 0); C assigns values in order, so values must run 0, "
             "1, 2, ... in the order written", at="74")),
    Case("kvm-upstream-after-covekit",
         edit(KVM, "        value: 63\n        origin: covekit",
              "        value: 63\n        origin: upstream"),
         one(KVM, "origin: upstream", "KVM_RISCV_ISA_EXT_ID: upstream member SSNPM follows "
             "covekit member SMNPM; our members are appended after every upstream one",
             at="upstream", start="- name: SSNPM")),
    Case("constraint-error-not-listed",
         edit(COVE, GET_INFO_ERRORS, "errors: [INVALID_ADDRESS, FAILED]"),
         one(COVE, "- name: tsm_info_len", "COVH.tsm_get_info: argument tsm_info_len has "
             "constraints, so the call can return INVALID_PARAM; add it to 'errors'",
             at="tsm_info_len")),
    Case("implemented-missing",  # the TSM's calls say it, each one
         edit(COVE, DESTROY_IMPLEMENTED, DESTROY_HEAD),
         one(COVE, DESTROY, "COVH.destroy_tvm: the TSM handles this call, so say whether it "
             "implements it: add 'implemented: true' or 'implemented: false'",
             at="destroy_tvm")),
    Case("implemented-on-a-forwarded-call",  # OpenSBI implements those
         edit(SBI, SPEC_VERSION_HEAD, SPEC_VERSION_HEAD + "        implemented: false\n"),
         one(SBI, "implemented: false", "BASE.get_spec_version: 'implemented' is only for "
             "calls the TSM handles; this extension is forwarded to OpenSBI (handled_by: "
             "forward)", at="false")),
    Case("two-files-sorted", _two_files_mutate, _two_files_expect),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_spec_is_refused(checkout: Checkout, case: Case) -> None:
    case.mutate(checkout)
    assert_regen_refused(checkout, case.expect(checkout))


def test_cases_are_distinct() -> None:
    assert len({c.id for c in CASES}) == len(CASES) >= 20
