# SPDX-License-Identifier: GPL-2.0-only
"""Splicing our KVM uapi members into an upstream kvm.h."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, Checkout
from covekit_codegen.diagnostics import SpecError
from covekit_codegen.kvm_splice import parse_enum, splice_kvm_h
from covekit_codegen.regen import Layout, load_spec

# Linux 6.12's members, in order (values are implicit, from 0), as the ABI
# facts list them: independent of spec/kvm.yaml, so these tests also check
# the spec against upstream.
ISA_6_12 = """A C D F H I M SVPBMT SSTC SVINVAL ZIHINTPAUSE ZICBOM ZICBOZ ZBB SSAIA V SVNAPOT
ZBA ZBS ZICNTR ZICSR ZIFENCEI ZIHPM SMSTATEEN ZICOND ZBC ZBKB ZBKC ZBKX ZKND ZKNE ZKNH ZKR
ZKSED ZKSH ZKT ZVBB ZVBC ZVKB ZVKG ZVKNED ZVKNHA ZVKNHB ZVKSED ZVKSH ZVKT ZFH ZFHMIN
ZIHINTNTL ZVFH ZVFHMIN ZFA ZTSO ZACAS SSCOFPMF ZIMOP ZCA ZCB ZCD ZCF ZCMOP ZAWRS""".split()
SBI_6_12 = "V01 TIME IPI RFENCE SRST HSM PMU EXPERIMENTAL VENDOR DBCN STA".split()


def kvm_h(isa: list[str] = ISA_6_12, sbi: list[str] = SBI_6_12) -> str:
    """A header shaped like 6.12's: comments, other enums, first value explicit."""
    isa_lines = "".join(f"\tKVM_RISCV_ISA_EXT_{n}{' = 0' if i == 0 else ''},\n"
                        for i, n in enumerate(isa))
    sbi_lines = "".join(f"\tKVM_RISCV_SBI_EXT_{n}{' = 0' if i == 0 else ''},\n"
                        for i, n in enumerate(sbi))
    return (
        "/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */\n"
        "#ifndef __LINUX_KVM_RISCV_H\n#define __LINUX_KVM_RISCV_H\n\n"
        "enum KVM_RISCV_HFENCE_TYPE {\n\tKVM_RISCV_HFENCE_UNKNOWN = 0,\n};\n\n"
        "/* ISA Extension IDs */\n"
        f"enum KVM_RISCV_ISA_EXT_ID {{\n{isa_lines}\tKVM_RISCV_ISA_EXT_MAX,\n}};\n\n"
        "/* SBI extension IDs */\n"
        f"enum KVM_RISCV_SBI_EXT_ID {{\n{sbi_lines}\tKVM_RISCV_SBI_EXT_MAX,\n}};\n\n"
        "#endif /* __LINUX_KVM_RISCV_H */\n"
    )


@pytest.fixture(scope="module")
def spec():
    return load_spec(Layout(ROOT))


def line_no(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def messages(err: pytest.ExceptionInfo[SpecError]) -> list[str]:
    return [str(p) for p in err.value.problems]


def test_adds_our_members_before_max(spec):
    out = splice_kvm_h(kvm_h(), spec)
    isa = parse_enum(out, "KVM_RISCV_ISA_EXT_ID", "kvm.h").members
    assert [(m.name, m.value) for m in isa[-3:]] == [
        ("KVM_RISCV_ISA_EXT_SMNPM", 62), ("KVM_RISCV_ISA_EXT_SSNPM", 63),
        ("KVM_RISCV_ISA_EXT_MAX", 64)]
    assert "\tKVM_RISCV_ISA_EXT_ZAWRS,\n\tKVM_RISCV_ISA_EXT_SMNPM,\n" \
           "\tKVM_RISCV_ISA_EXT_SSNPM,\n\tKVM_RISCV_ISA_EXT_MAX,\n" in out
    # Only the added lines differ; the SBI enum has no additions.
    assert out.replace("\tKVM_RISCV_ISA_EXT_SMNPM,\n\tKVM_RISCV_ISA_EXT_SSNPM,\n", "") == kvm_h()


def test_splice_is_idempotent(spec):
    once = splice_kvm_h(kvm_h(), spec)
    assert splice_kvm_h(once, spec) == once


def test_tree_that_already_has_them_upstream_is_unchanged(spec):
    text = kvm_h(isa=ISA_6_12 + ["SMNPM", "SSNPM"])  # as Linux 6.13 has it
    assert splice_kvm_h(text, spec) == text


def spec_value_pos(member: str) -> str:
    """spec/kvm.yaml:LINE:COL of a member's value."""
    lines = (ROOT / "spec/kvm.yaml").read_text().splitlines()
    n = next(i for i, line in enumerate(lines) if line.strip() == f"- name: {member}")
    n += next(i for i, line in enumerate(lines[n:]) if "value:" in line)
    col = lines[n].index("value:") + len("value: ") + 1
    return f"spec/kvm.yaml:{n + 1}:{col}"


def test_upstream_value_mismatch_names_both(spec):
    # A tree where upstream inserted a member: ZAWRS moved from 61 to 62.
    text = kvm_h(isa=ISA_6_12[:-1] + ["ZFOO", "ZAWRS"])
    with pytest.raises(SpecError) as err:
        splice_kvm_h(text, spec, "linux/kvm.h")
    foo, zawrs = line_no(text, "EXT_ZFOO,"), line_no(text, "EXT_ZAWRS,")
    got = messages(err)
    assert got[:2] == [
        f"linux/kvm.h:{foo}:2: KVM_RISCV_ISA_EXT_ZFOO = 61 is in the upstream enum "
        f"KVM_RISCV_ISA_EXT_ID but not in the spec; add it to spec/kvm.yaml "
        f"(origin: upstream) before splicing",
        f"linux/kvm.h:{zawrs}:2: KVM_RISCV_ISA_EXT_ZAWRS is 62 upstream but 61 in the spec "
        f"({spec_value_pos('ZAWRS')}); the spec must match the upstream tree",
    ]
    # Appending would also shift our members: both are reported, at the spec.
    assert got[2:] == [
        f"{spec_value_pos('SMNPM')}: KVM_RISCV_ISA_EXT_SMNPM is 62 in the spec, but "
        f"appending it to enum KVM_RISCV_ISA_EXT_ID of linux/kvm.h would give it 63",
        f"{spec_value_pos('SSNPM')}: KVM_RISCV_ISA_EXT_SSNPM is 63 in the spec, but "
        f"appending it to enum KVM_RISCV_ISA_EXT_ID of linux/kvm.h would give it 64",
    ]


def test_upstream_value_conflict_with_our_member(spec):
    # Upstream assigned 62 to something else: our SMNPM must not silently become 63.
    text = kvm_h(isa=ISA_6_12 + ["ZNEW"])
    with pytest.raises(SpecError) as err:
        splice_kvm_h(text, spec, "kvm.h")
    assert any("KVM_RISCV_ISA_EXT_ZNEW = 62 is in the upstream enum" in m for m in messages(err))
    assert any("KVM_RISCV_ISA_EXT_SMNPM is 62 in the spec, but appending it" in m
               for m in messages(err))


def test_missing_upstream_member(spec):
    text = kvm_h(isa=[n for n in ISA_6_12 if n != "ZTSO"])
    with pytest.raises(SpecError) as err:
        splice_kvm_h(text, spec, "kvm.h")
    assert any("upstream member KVM_RISCV_ISA_EXT_ZTSO (52) is not in enum "
               "KVM_RISCV_ISA_EXT_ID of kvm.h" in m for m in messages(err))


def test_missing_enum_or_max(spec):
    with pytest.raises(SpecError) as err:
        splice_kvm_h("enum KVM_RISCV_SBI_EXT_ID {\n\tKVM_RISCV_SBI_EXT_V01 = 0,\n};\n", spec, "k.h")
    assert messages(err) == ["k.h: no 'enum KVM_RISCV_ISA_EXT_ID {' in k.h",
                             "k.h:2:2: enum KVM_RISCV_SBI_EXT_ID: expected "
                             "KVM_RISCV_SBI_EXT_MAX as the last member"]


def test_comments_and_explicit_values_are_understood(spec):
    text = kvm_h().replace("\tKVM_RISCV_ISA_EXT_C,\n",
                           "\t/* compressed */ KVM_RISCV_ISA_EXT_C = 1, // two bytes\n")
    out = splice_kvm_h(text, spec)
    assert "KVM_RISCV_ISA_EXT_SMNPM," in out


def test_regen_linux_out_writes_a_tree(checkout: Checkout, tmp_path: Path):
    tree = tmp_path / "linux"
    uapi = tree / "arch/riscv/include/uapi/asm"
    uapi.mkdir(parents=True)
    (uapi / "kvm.h").write_text(kvm_h())
    r = checkout.regen("--linux-out", str(tree))
    assert r.returncode == 0, r.stderr
    asm = tree / "arch/riscv/include/asm"
    for name in ("sbi-cove.h", "sbi-covh.h", "sbi-covg.h", "sbi-covi.h"):
        assert (asm / name).read_bytes() == (
            ROOT / "kernel-patches/generated/linux/arch/riscv/include/asm" / name).read_bytes()
    assert "KVM_RISCV_ISA_EXT_SSNPM," in (uapi / "kvm.h").read_text()
    r = checkout.regen("--linux-out", str(tree))
    assert r.returncode == 0 and "SPLICE" not in r.stdout and "  GEN" not in r.stdout


def test_regen_linux_out_never_overwrites_foreign_files(checkout: Checkout, tmp_path: Path):
    tree = tmp_path / "linux"
    (tree / "arch/riscv/include/uapi/asm").mkdir(parents=True)
    (tree / "arch/riscv/include/uapi/asm/kvm.h").write_text(kvm_h())
    mine = tree / "arch/riscv/include/asm/sbi-cove.h"
    mine.parent.mkdir(parents=True)
    mine.write_text("/* my own work */\n")
    r = checkout.regen("--linux-out", str(tree))
    assert r.returncode == 2
    assert r.lines == [f"{mine}: exists and was not generated by covekit; not overwriting it "
                       f"(move it away first)"]
    assert mine.read_text() == "/* my own work */\n"
    assert "SMNPM" not in (tree / "arch/riscv/include/uapi/asm/kvm.h").read_text()
    r = checkout.regen("--linux-out", str(tmp_path / "nowhere"))
    assert r.returncode == 2
    assert "arch/riscv/include/uapi/asm/kvm.h is missing" in r.stderr


TARBALL = Path("/usr/src/linux-source-6.12.tar.xz")


@pytest.mark.skipif(not TARBALL.exists() or not shutil.which("tar"),
                    reason="linux-source-6.12 is not installed: run sudo tools/install-deps")
def test_real_linux_6_12_kvm_h(spec):
    text = subprocess.run(["tar", "-xJf", str(TARBALL), "-O",
                           "linux-source-6.12/arch/riscv/include/uapi/asm/kvm.h"],
                          capture_output=True, text=True, check=True, timeout=300).stdout
    out = splice_kvm_h(text, spec, "kvm.h")
    isa = parse_enum(out, "KVM_RISCV_ISA_EXT_ID", "kvm.h").members
    assert [(m.name, m.value) for m in isa[-3:]] == [
        ("KVM_RISCV_ISA_EXT_SMNPM", 62), ("KVM_RISCV_ISA_EXT_SSNPM", 63),
        ("KVM_RISCV_ISA_EXT_MAX", 64)]
    assert splice_kvm_h(out, spec, "kvm.h") == out
