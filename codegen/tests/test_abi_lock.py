# SPDX-License-Identifier: GPL-2.0-only
"""spec/abi.lock: changes to published ABI are refused, naming both the spec
position and the lock entry, and nothing is written; new ABI is appended;
--accept-break records a deliberate break; a broken lock is reported by line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from conftest import Checkout, pos

COVE, SBI, LOCK = "spec/cove.yaml", "spec/sbi.yaml", "spec/abi.lock"



def locked(c: Checkout, entry: str) -> str:
    """'spec/abi.lock:LINE:1' of a lock line, matched whole."""
    lines = c.read(LOCK).splitlines()
    assert lines.count(entry) == 1, entry
    return f"{LOCK}:{lines.index(entry) + 1}:1"


def hint(ident: str) -> str:
    return f"; to break the ABI on purpose: ./tools/regen --accept-break '{ident}' --reason '...'"


def changed(spec_pos: str, ident: str, new: str, lock_pos: str, old: str,
            what: str = "is renumbered") -> str:
    """The refusal of a locked entry whose value changed."""
    return f"{spec_pos}: {ident} {what}: the spec says {new}, {lock_pos} locks {old}" + hint(ident)


def swap(c: Checkout, rel: str, a: str, b: str) -> None:
    """Exchange two adjacent blocks of text: a, immediately followed by b."""
    c.edit(rel, a + b, b + a)


# --- spec mutations ----------------------------------------------------------

def _fid(name: str, old: int, new: int) -> Callable[[Checkout], None]:
    return lambda c: c.edit(COVE, f"- name: {name}\n        fid: {old}\n",
                            f"- name: {name}\n        fid: {new}\n")


def _swap_fids(c: Checkout) -> None:
    _fid("convert_pages", 1, 2)(c)
    _fid("reclaim_pages", 2, 1)(c)


REBIND_END = """      - name: rebind_aia_imsic_end
        fid: 10
        caller: host
        implemented: false
        doc: >-
          Finishes moving a vCPU, restoring the cloned interrupt state into the
          new guest interrupt file. Call on the CPU that called
          rebind_aia_imsic_begin; arguments as in CoVE-2025.
        args:
          - name: tvm_id
            type: unsigned long
            kind: id
            doc: The TVM that owns the vCPU.
          - name: vcpu_id
            type: unsigned long
            kind: id
            doc: The vCPU being moved.
        errors: [INVALID_PARAM, FAILED]
"""
PAGE_1GB = """      - name: PAGE_1GB
        value: 2
        doc: 1 GiB pages.
"""
PAGE_512GB = """      - name: PAGE_512GB
        value: 3
        doc: 512 GiB pages.
"""
BUF_ADDR = """          - name: buf_addr
            type: unsigned long
            kind: address
            align: 4096
            doc: Guest-physical address of the output buffer; 4 KiB aligned.
"""
BUF_SIZE = """          - name: buf_size
            type: unsigned long
            kind: size
            max: 4096
            doc: Size of the output buffer in bytes; at most 4096.
"""


@dataclass(frozen=True)
class Break:
    id: str
    mutate: Callable[[Checkout], None]
    expect: Callable[[Checkout], list[str]]  # every line regen prints, sorted


def _removed(c: Checkout) -> list[str]:
    where = pos(c, COVE, "functions:", start="- name: COVI")
    gone = "is gone from the spec"
    return [
        f"{where}: arg COVI.rebind_aia_imsic_end[0] (tvm_id), locked at "
        f"{locked(c, 'arg COVI.rebind_aia_imsic_end[0] tvm_id')}, {gone} with its function "
        f"COVI.rebind_aia_imsic_end; published ABI is never removed"
        + hint("arg COVI.rebind_aia_imsic_end[0]"),
        f"{where}: arg COVI.rebind_aia_imsic_end[1] (vcpu_id), locked at "
        f"{locked(c, 'arg COVI.rebind_aia_imsic_end[1] vcpu_id')}, {gone} with its function "
        f"COVI.rebind_aia_imsic_end; published ABI is never removed"
        + hint("arg COVI.rebind_aia_imsic_end[1]"),
        f"{where}: fid COVI.rebind_aia_imsic_end (10), locked at "
        f"{locked(c, 'fid COVI.rebind_aia_imsic_end 10')}, {gone}; published ABI is never "
        f"removed" + hint("fid COVI.rebind_aia_imsic_end"),
    ]


def _renamed(c: Checkout) -> list[str]:
    # The arguments' keys name the function, so they go with the old name.
    where = pos(c, COVE, "fid: 10", at="10", start="- name: rebind_aia_imsic_finish")
    return [
        f"{where}: arg COVI.rebind_aia_imsic_end[0] (tvm_id), locked at "
        f"{locked(c, 'arg COVI.rebind_aia_imsic_end[0] tvm_id')}, is gone from the spec with "
        f"its function COVI.rebind_aia_imsic_end; published ABI is never removed"
        + hint("arg COVI.rebind_aia_imsic_end[0]"),
        f"{where}: arg COVI.rebind_aia_imsic_end[1] (vcpu_id), locked at "
        f"{locked(c, 'arg COVI.rebind_aia_imsic_end[1] vcpu_id')}, is gone from the spec with "
        f"its function COVI.rebind_aia_imsic_end; published ABI is never removed"
        + hint("arg COVI.rebind_aia_imsic_end[1]"),
        f"{where}: fid COVI.rebind_aia_imsic_end (10), locked at "
        f"{locked(c, 'fid COVI.rebind_aia_imsic_end 10')}, is renamed to "
        f"COVI.rebind_aia_imsic_finish; published names never change"
        + hint("fid COVI.rebind_aia_imsic_end"),
    ]


def _reordered(c: Checkout) -> list[str]:
    where = pos(c, COVE, "value: 3", at="3", start="- name: PAGE_512GB")
    return [f"{where}: enum page_type is reordered: page_type.PAGE_512GB is now member 3, but "
            f"{locked(c, 'enum page_type.PAGE_1GB 2')} locks page_type.PAGE_1GB there; "
            f"published order never changes" + hint("order enum page_type")]


BREAKS = [
    Break("fid-renumbered", _fid("tvm_remove_pages", 19, 20), lambda c: [changed(
        pos(c, COVE, "fid: 20", at="20"), "fid COVH.tvm_remove_pages", "20",
        locked(c, "fid COVH.tvm_remove_pages 19"), "19")]),
    Break("fids-swapped", _swap_fids, lambda c: [
        changed(pos(c, COVE, "fid: 2", at="2", start="- name: convert_pages"),
                   "fid COVH.convert_pages", "2", locked(c, "fid COVH.convert_pages 1"), "1"),
        changed(pos(c, COVE, "fid: 1", at="1", start="- name: reclaim_pages"),
                   "fid COVH.reclaim_pages", "1", locked(c, "fid COVH.reclaim_pages 2"), "2")]),
    Break("error-renumbered", lambda c: c.edit(SBI, "value: -1004", "value: -1005"),
          lambda c: [changed(pos(c, SBI, "value: -1005", at="-"), "error BUSY", "-1005",
                                locked(c, "error BUSY -1004"), "-1004")]),
    Break("function-removed", lambda c: c.edit(COVE, REBIND_END, ""), _removed),
    Break("function-renamed",
          lambda c: c.edit(COVE, "- name: rebind_aia_imsic_end", "- name: rebind_aia_imsic_finish"),
          _renamed),
    Break("enum-reordered", lambda c: swap(c, COVE, PAGE_1GB, PAGE_512GB), _reordered),
    Break("struct-field-type",
          lambda c: c.edit(COVE, "type: u64\n        offset: 32", "type: s64\n        offset: 32"),
          lambda c: [changed(pos(c, COVE, "- name: tvm_max_vcpus", at="tvm_max_vcpus"),
                                "field tsm_info.tvm_max_vcpus", "32:s64",
                                locked(c, "field tsm_info.tvm_max_vcpus 32:u64"), "32:u64",
                                what="changes layout")]),
    Break("argument-renamed",
          lambda c: c.edit(COVE, "- name: imsic_page_addr\n", "- name: imsic_addr\n"),
          lambda c: [changed(pos(c, COVE, "- name: imsic_addr", at="imsic_addr"),
                                "arg COVI.convert_aia_imsic[0]", "imsic_addr",
                                locked(c, "arg COVI.convert_aia_imsic[0] imsic_page_addr"),
                                "imsic_page_addr", what="changes name or position")]),
    Break("arguments-reordered", lambda c: swap(c, COVE, BUF_ADDR, BUF_SIZE), lambda c: [
        changed(pos(c, COVE, "- name: buf_size", at="buf_size"), "arg COVG.retrieve_secret[0]",
                   "buf_size", locked(c, "arg COVG.retrieve_secret[0] buf_addr"), "buf_addr",
                   what="changes name or position"),
        changed(pos(c, COVE, "- name: buf_addr", at="buf_addr"), "arg COVG.retrieve_secret[1]",
                   "buf_addr", locked(c, "arg COVG.retrieve_secret[1] buf_size"), "buf_size",
                   what="changes name or position")]),
]


def refused(c: Checkout, *args: str) -> list[str]:
    """Run regen expecting a refusal that writes nothing; its message lines."""
    before = c.snapshot()
    r = c.regen(*args)
    assert "Traceback" not in r.stderr, r.stderr
    assert "internal error" not in r.stderr, r.stderr
    assert r.returncode == 2, r.stderr
    assert c.snapshot() == before, "a refused regen wrote files"
    return r.lines


@pytest.mark.parametrize("case", BREAKS, ids=[b.id for b in BREAKS])
def test_abi_break_is_refused(checkout: Checkout, case: Break) -> None:
    case.mutate(checkout)
    assert refused(checkout) == case.expect(checkout)


# --- what the lock accepts ---------------------------------------------------

NEW_FUNCTION = """      - name: get_tsm_time
        fid: 11
        caller: guest
        implemented: false
        doc: Reads the TSM's clock.
        args:
          - name: out_addr
            type: unsigned long
            kind: address
            doc: Guest-physical address that receives the time.
        errors: [FAILED]

  - name: COVI
"""


def test_new_function_is_appended_to_the_lock(checkout: Checkout) -> None:
    old = checkout.read(LOCK).splitlines()
    checkout.edit(COVE, "\n  - name: COVI\n", "\n" + NEW_FUNCTION)
    r = checkout.regen()
    assert r.returncode == 0, r.stderr
    assert "LOCK    spec/abi.lock (+2 entries)" in r.stdout
    new = checkout.read(LOCK).splitlines()
    assert new[:len(old)] == old
    assert new[len(old):] == ["fid COVG.get_tsm_time 11", "arg COVG.get_tsm_time[0] out_addr"]
    assert checkout.regen("--check").returncode == 0


def test_accept_break_rewrites_the_entry_and_records_it(checkout: Checkout) -> None:
    old = checkout.read(LOCK).splitlines()
    at = old.index("fid COVH.tvm_remove_pages 19")
    _fid("tvm_remove_pages", 19, 20)(checkout)
    # A newline in the reason must not break the lock's one-entry-per-line form.
    r = checkout.regen("--accept-break", "fid COVH.tvm_remove_pages",
                       "--reason", "CoVE-2026 moves it\nto make room")
    assert r.returncode == 0, r.stderr
    new = checkout.read(LOCK).splitlines()
    assert new[at] == "fid COVH.tvm_remove_pages 20"
    assert new[:at] + new[at + 1:len(old)] == old[:at] + old[at + 1:]
    assert new[len(old):] == ["break fid COVH.tvm_remove_pages 19 -> COVH.tvm_remove_pages 20: "
                              "CoVE-2026 moves it to make room"]
    # --check plans a full regen in memory: the lock, as rewritten, is what it
    # would write, and the outputs match.
    check = checkout.regen("--check")
    assert check.returncode == 0, check.stderr


def test_accept_break_takes_the_ident_the_hint_prints(checkout: Checkout) -> None:
    # 'arg X[0]' is what the refusal tells the user to pass; as a glob its
    # '[0]' is a character class, which must not stop it matching itself.
    checkout.edit(COVE, "- name: imsic_page_addr\n", "- name: imsic_addr\n")
    r = checkout.regen("--accept-break", "arg COVI.convert_aia_imsic[0]", "--reason", "clearer")
    assert r.returncode == 0, r.stderr
    lock = checkout.read(LOCK).splitlines()
    assert "arg COVI.convert_aia_imsic[0] imsic_addr" in lock
    assert lock[-1] == ("break arg COVI.convert_aia_imsic[0] imsic_page_addr -> "
                        "COVI.convert_aia_imsic[0] imsic_addr: clearer")
    assert checkout.regen("--check").returncode == 0


def test_accept_break_needs_a_reason(checkout: Checkout) -> None:
    _fid("tvm_remove_pages", 19, 20)(checkout)
    assert refused(checkout, "--accept-break", "fid COVH.tvm_remove_pages") == [
        f"{LOCK}: --accept-break needs --reason 'why the ABI must change' (it is recorded in "
        f"the lock)"]


def test_accept_break_pattern_must_match_a_break(checkout: Checkout) -> None:
    _fid("tvm_remove_pages", 19, 20)(checkout)
    lines = refused(checkout, "--accept-break", "fid COVH.tvm_remove_page", "--reason", "typo")
    assert lines == [
        f"{LOCK}: --accept-break 'fid COVH.tvm_remove_page' matches no ABI break (breaks now: "
        f"fid COVH.tvm_remove_pages)",
        changed(pos(checkout, COVE, "fid: 20", at="20"), "fid COVH.tvm_remove_pages", "20",
                   locked(checkout, "fid COVH.tvm_remove_pages 19"), "19")]


# --- a broken lock -----------------------------------------------------------

KINDS = "eid, error, fid, arg, enum, struct, field, kvm"


def _unparsable(c: Checkout) -> None:
    c.edit(LOCK, "fid COVH.local_fence 4\n", "fid COVH.local_fence\n")
    c.edit(LOCK, "fid COVH.create_tvm 5\n", "fn COVH.create_tvm 5\n")


def _unparsable_expect(c: Checkout) -> list[str]:
    # Every bad line, in line order.
    return [f"{locked(c, line)}: cannot parse lock entry '{line}': expected 'KIND KEY VALUE' "
            f"with KIND one of {KINDS}"
            for line in ("fid COVH.local_fence", "fn COVH.create_tvm 5")]


def _duplicate_entry(c: Checkout) -> list[str]:
    first = c.read(LOCK).splitlines().index("fid COVH.local_fence 4") + 1
    return [f"{LOCK}:{first + 1}:1: duplicate lock entry 'fid COVH.local_fence' (first at "
            f"{LOCK}:{first}:1); a key is locked once"]


BAD_LOCKS = [
    ("unparsable-lines", _unparsable, _unparsable_expect),
    ("duplicate-entry", lambda c: c.edit(LOCK, "fid COVH.local_fence 4\n",
                                         "fid COVH.local_fence 4\nfid COVH.local_fence 4\n"),
     _duplicate_entry),
]


@pytest.mark.parametrize(("mutate", "expect"), [pytest.param(m, e, id=i) for i, m, e in BAD_LOCKS])
def test_malformed_lock_is_refused(checkout: Checkout, mutate: Callable[[Checkout], None],
                                   expect: Callable[[Checkout], list[str]]) -> None:
    mutate(checkout)
    assert refused(checkout) == expect(checkout)


def test_lock_that_is_not_utf8_is_refused(checkout: Checkout) -> None:
    data = checkout.path(LOCK).read_bytes()
    checkout.path(LOCK).write_bytes(data + b"fid COVH.caf\xe9 99\n")
    line = data.count(b"\n") + 1
    assert refused(checkout) == [f"{LOCK}:{line}:1: not UTF-8 text: byte 0xe9 (invalid "
                                 f"continuation byte)"]
