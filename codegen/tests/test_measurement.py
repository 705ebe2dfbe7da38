# SPDX-License-Identifier: GPL-2.0-only
"""spec/tsm.yaml's measurement section: the model lays out each record as
the docs page says, and a malformed section is refused with one
FILE:LINE:COL: message per problem and nothing written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from conftest import ROOT, Checkout, assert_regen_refused, pos
from covekit_codegen.regen import Layout, load_spec

TSM, EXTRA = "spec/tsm.yaml", "spec/extra.yaml"
RST = ROOT / "Documentation/abi/measurement.rst"


def test_records_lay_out_as_documented() -> None:
    m = load_spec(Layout(ROOT)).measurement
    assert m is not None and m.ours and m.hash == "SHA-384" and m.digest_size == 48
    layout = {r.tag: (r.call, r.size, [(f.name, f.offset, f.size) for f in r.fields])
              for r in m.records}
    assert layout == {
        "TVM_REGN": ("COVH.add_tvm_memory_region", 24, [("gpa", 8, 8), ("size", 16, 8)]),
        "TVM_PAGE": ("COVH.add_tvm_measured_pages", 4112,
                     [("gpa", 8, 8), ("data", 16, 4096)]),
        "TVM_FINL": ("COVH.finalize_tvm", 32,
                     [("entry_sepc", 8, 8), ("entry_arg", 16, 8), ("vcpus", 24, 8)]),
    }
    text = RST.read_text()
    for r in m.records:
        assert f"``{r.tag}``: {r.name}" in text and f"{r.size} bytes:" in text
    assert "48 zero bytes" in text and "m = SHA-384(m || record)" in text


@dataclass(frozen=True)
class Case:
    id: str
    mutate: Callable[[Checkout], None]
    expect: Callable[[Checkout], list[str]]


def edit(old: str, new: str) -> Callable[[Checkout], None]:
    return lambda c: c.edit(TSM, old, new)


def one(needle: str, message: str, at: str | None = None,
        start: str | None = None) -> Callable[[Checkout], list[str]]:
    return lambda c: [f"{pos(c, TSM, needle, at, start)}: {message}"]


EXTRA_SPEC = """title: Another measurement
measurement:
  name: other
  source: CoVE-2025
  ours: true
  doc: A second algorithm.
  hash: SHA-384
  initial: zero
  byte_order: little
  order: Call order.
  records:
    - name: only
      tag: OTHER___
      call: COVH.finalize_tvm
      when: Once.
      doc: The end.
      fields:
        - name: entry
          type: u64
          doc: The entry.
  not_measured: []
"""


def _declared_twice(c: Checkout) -> list[str]:
    # Files load in name order: extra.yaml's declaration is the first.
    return [f"{TSM}:{c.line_of(TSM, 'measurement:')}:1: measurement: declared again (first "
            f"at {EXTRA}:2:1); at most one spec file declares the measurement"]


def _duplicate_tag(c: Checkout) -> list[str]:
    first = pos(c, TSM, "tag: TVM_REGN", at="TVM_REGN")
    second = pos(c, TSM, "tag: TVM_REGN", at="TVM_REGN", start="- name: page")
    return [f"{second}: measurement: duplicate record tag 'TVM_REGN' (first at {first})"]


CASES = [
    Case("short-tag", edit("tag: TVM_FINL", "tag: TVM_FIN"),
         one("tag: TVM_FIN", "measurement.records[finalize].tag: 'TVM_FIN' is not a record "
             "tag: expected exactly 8 characters, each A-Z, 0-9 or '_'", at="TVM_FIN")),
    Case("duplicate-tag", edit("tag: TVM_PAGE", "tag: TVM_REGN"), _duplicate_tag),
    Case("unknown-call", edit("call: COVH.finalize_tvm", "call: COVH.finalise_tvm"),
         one("call: COVH.finalise_tvm", "measurement: record finalize: COVH has no "
             "function 'finalise_tvm'", at="COVH")),
    Case("forwarded-call", edit("call: COVH.finalize_tvm", "call: BASE.get_spec_version"),
         one("call: BASE.get_spec_version", "measurement: record finalize: "
             "BASE.get_spec_version is not a call the TSM handles, so it cannot extend a "
             "TVM's measurement", at="BASE")),
    Case("bad-field-type", edit("type: u8[4096]", "type: u32"),
         one("type: u32", "measurement.records[page].fields[data].type: 'u32' is not a "
             "record field type: expected u64 or u8[N] (N bytes, e.g. u8[4096])", at="u32")),
    Case("misspelt-key", edit("  byte_order: little", "  byteorder: little"),
         one("byteorder: little", "measurement: unknown key 'byteorder' (did you mean "
             "'byte_order'?)", at="byteorder")),
    Case("unknown-hash", edit("hash: SHA-384", "hash: SHA-256"),
         one("hash: SHA-256", "measurement.hash: string 'SHA-256' is not one of: SHA-384",
             at="SHA-256")),
    Case("declared-twice", lambda c: c.write(EXTRA, EXTRA_SPEC), _declared_twice),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_measurement_is_refused(checkout: Checkout, case: Case) -> None:
    case.mutate(checkout)
    assert_regen_refused(checkout, case.expect(checkout))
