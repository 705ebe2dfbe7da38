# SPDX-License-Identifier: GPL-2.0-only
"""Splicing our KVM ISA extensions into vcpu_onereg.c and get-reg-list.c."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from covekit_codegen.diagnostics import SpecError
from covekit_codegen.kvm_fragments import GET_REG_LIST, VCPU_ONEREG, splice_fragments
from covekit_codegen.regen import Layout, load_spec

# Shaped like Linux 6.12's vcpu_onereg.c (the parts the splice reads).
ONEREG = """\
static const unsigned long kvm_isa_ext_arr[] = {
\t/* Single letter extensions (alphabetically sorted) */
\t[KVM_RISCV_ISA_EXT_A] = RISCV_ISA_EXT_a,
\t[KVM_RISCV_ISA_EXT_V] = RISCV_ISA_EXT_v,
\t/* Multi letter extensions (alphabetically sorted) */
\tKVM_ISA_EXT_ARR(SMSTATEEN),
\tKVM_ISA_EXT_ARR(SSCOFPMF),
\tKVM_ISA_EXT_ARR(SSTC),
};

static bool kvm_riscv_vcpu_isa_disable_allowed(unsigned long ext)
{
\tswitch (ext) {
\t/* Extensions which don't have any mechanism to disable */
\tcase KVM_RISCV_ISA_EXT_A:
\tcase KVM_RISCV_ISA_EXT_M:
\t/* There is not architectural config bit to disable sscofpmf completely */
\tcase KVM_RISCV_ISA_EXT_SSCOFPMF:
\tcase KVM_RISCV_ISA_EXT_SSTC:
\t\treturn false;
\tdefault:
\t\tbreak;
\t}
\treturn true;
}
"""


@pytest.fixture(scope="module")
def spec():
    return load_spec(Layout(ROOT))


def test_onereg_gets_the_mapping_and_the_cannot_disable_cases(spec):
    out = splice_fragments(ONEREG, spec, "vcpu_onereg.c", VCPU_ONEREG)
    assert ("\t/* Multi letter extensions (alphabetically sorted) */\n"
            "\t[KVM_RISCV_ISA_EXT_SMNPM] = RISCV_ISA_EXT_SSNPM,\n"
            "\tKVM_ISA_EXT_ARR(SMSTATEEN),\n"
            "\tKVM_ISA_EXT_ARR(SSCOFPMF),\n"
            "\tKVM_ISA_EXT_ARR(SSNPM),\n"
            "\tKVM_ISA_EXT_ARR(SSTC),\n") in out
    # The comment stays with SSCOFPMF; SMNPM goes above it, after M.
    assert ("\tcase KVM_RISCV_ISA_EXT_M:\n"
            "\tcase KVM_RISCV_ISA_EXT_SMNPM:\n"
            "\t/* There is not architectural config bit to disable sscofpmf completely */\n"
            "\tcase KVM_RISCV_ISA_EXT_SSCOFPMF:\n"
            "\tcase KVM_RISCV_ISA_EXT_SSNPM:\n") in out
    assert splice_fragments(out, spec, "vcpu_onereg.c", VCPU_ONEREG) == out


def test_a_member_userspace_may_disable_gets_no_case(spec):
    ke = next(k for k in spec.kvm_enums if k.name == "KVM_RISCV_ISA_EXT_ID")
    smnpm = next(m for m in ke.members if m.name == "SMNPM")
    allowed = dataclasses.replace(spec, kvm_enums=[dataclasses.replace(
        ke, members=[dataclasses.replace(m, disable="allowed") if m is smnpm else m
                     for m in ke.members])])
    for m in allowed.kvm_enums[0].members:
        m.enum = allowed.kvm_enums[0]
    out = splice_fragments(ONEREG, allowed, "vcpu_onereg.c", VCPU_ONEREG)
    assert "case KVM_RISCV_ISA_EXT_SMNPM:" not in out
    assert "[KVM_RISCV_ISA_EXT_SMNPM] = RISCV_ISA_EXT_SSNPM," in out


def test_a_missing_anchor_is_named(spec):
    moved = ONEREG.replace("static const unsigned long kvm_isa_ext_arr[] = {",
                           "static const unsigned long kvm_isa_ext_map[] = {")
    with pytest.raises(SpecError) as err:
        splice_fragments(moved, spec, "vcpu_onereg.c", VCPU_ONEREG)
    assert [str(p) for p in err.value.problems] == [
        "vcpu_onereg.c: cannot find the KVM -> host ISA extension map: no line "
        "'static const unsigned long kvm_isa_ext_arr[] = {'; the tree's code moved, so "
        "update codegen/covekit_codegen/kvm_fragments.py"]


TARBALL = Path("/usr/src/linux-source-6.12.tar.xz")


@pytest.mark.skipif(not TARBALL.exists(),
                    reason="linux-source-6.12 is not installed: run sudo tools/install-deps")
@pytest.mark.parametrize("path, additions", [(VCPU_ONEREG, 4), (GET_REG_LIST, 8)])
def test_real_linux_6_12_files(spec, path, additions):
    text = subprocess.run(["tar", "-xJf", str(TARBALL), "-O", f"linux-source-6.12/{path}"],
                          capture_output=True, text=True, check=True, timeout=300).stdout
    out = splice_fragments(text, spec, path, path)
    assert len(out.splitlines()) - len(text.splitlines()) == additions
    assert splice_fragments(out, spec, path, path) == out
