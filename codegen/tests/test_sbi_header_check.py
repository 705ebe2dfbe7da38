# SPDX-License-Identifier: GPL-2.0-only
"""The spec's standard SBI numbers against Linux's arch/riscv/include/asm/sbi.h."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, Checkout, pos
from covekit_codegen.c_header import Header
from covekit_codegen.diagnostics import SpecError
from covekit_codegen.model import INDEX_RULES
from covekit_codegen.regen import Layout, load_spec
from covekit_codegen.sbi_header_check import check_sbi_h

SBI = "spec/sbi.yaml"
NAME = "linux/sbi.h"

# Shaped like Linux 6.12's asm/sbi.h (comments, an #ifdef inside an enum,
# implicit values, #defines, names the spec does not have), with the
# numbers of the SBI specification written out here: independent of
# spec/sbi.yaml, so agreement is evidence.
SBI_H_6_12 = """\
/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _ASM_RISCV_SBI_H
#define _ASM_RISCV_SBI_H

#ifdef CONFIG_RISCV_SBI
enum sbi_ext_id {
#ifdef CONFIG_RISCV_SBI_V01
	SBI_EXT_0_1_SET_TIMER = 0x0,
	SBI_EXT_0_1_SHUTDOWN = 0x8,
#endif
	SBI_EXT_BASE = 0x10,
	SBI_EXT_TIME = 0x54494D45,
	SBI_EXT_IPI = 0x735049,
	SBI_EXT_RFENCE = 0x52464E43,
	SBI_EXT_HSM = 0x48534D,
	SBI_EXT_SRST = 0x53525354,
	SBI_EXT_SUSP = 0x53555350,
	SBI_EXT_PMU = 0x504D55,
	SBI_EXT_DBCN = 0x4442434E,
	SBI_EXT_STA = 0x535441,

	/* Experimentals extensions must lie within this range */
	SBI_EXT_EXPERIMENTAL_START = 0x08000000,
	SBI_EXT_EXPERIMENTAL_END = 0x08FFFFFF,
};

enum sbi_ext_base_fid {
	SBI_EXT_BASE_GET_SPEC_VERSION = 0,
	SBI_EXT_BASE_GET_IMP_ID,
	SBI_EXT_BASE_GET_IMP_VERSION,
	SBI_EXT_BASE_PROBE_EXT,
	SBI_EXT_BASE_GET_MVENDORID,
	SBI_EXT_BASE_GET_MARCHID,
	SBI_EXT_BASE_GET_MIMPID,
};

enum sbi_ext_time_fid {
	SBI_EXT_TIME_SET_TIMER = 0,
};

enum sbi_ext_ipi_fid {
	SBI_EXT_IPI_SEND_IPI = 0,
};

enum sbi_ext_rfence_fid {
	SBI_EXT_RFENCE_REMOTE_FENCE_I = 0,
	SBI_EXT_RFENCE_REMOTE_SFENCE_VMA,
	SBI_EXT_RFENCE_REMOTE_SFENCE_VMA_ASID,
	SBI_EXT_RFENCE_REMOTE_HFENCE_GVMA_VMID,
	SBI_EXT_RFENCE_REMOTE_HFENCE_GVMA,
	SBI_EXT_RFENCE_REMOTE_HFENCE_VVMA_ASID,
	SBI_EXT_RFENCE_REMOTE_HFENCE_VVMA,
};

enum sbi_ext_hsm_fid {
	SBI_EXT_HSM_HART_START = 0,
	SBI_EXT_HSM_HART_STOP,
	SBI_EXT_HSM_HART_STATUS,
	SBI_EXT_HSM_HART_SUSPEND,
};

enum sbi_hsm_hart_state {
	SBI_HSM_STATE_STARTED = 0,
	SBI_HSM_STATE_STOPPED,
	SBI_HSM_STATE_START_PENDING,
	SBI_HSM_STATE_STOP_PENDING,
	SBI_HSM_STATE_SUSPENDED,
	SBI_HSM_STATE_SUSPEND_PENDING,
	SBI_HSM_STATE_RESUME_PENDING,
};

#define SBI_HSM_SUSP_NON_RET_BIT		0x80000000

enum sbi_ext_srst_fid {
	SBI_EXT_SRST_RESET = 0,
};

enum sbi_srst_reset_type {
	SBI_SRST_RESET_TYPE_SHUTDOWN = 0,
	SBI_SRST_RESET_TYPE_COLD_REBOOT,
	SBI_SRST_RESET_TYPE_WARM_REBOOT,
};

enum sbi_srst_reset_reason {
	SBI_SRST_RESET_REASON_NONE = 0,
	SBI_SRST_RESET_REASON_SYS_FAILURE,
};

enum sbi_ext_pmu_fid {
	SBI_EXT_PMU_NUM_COUNTERS = 0,
	SBI_EXT_PMU_COUNTER_GET_INFO,
};

#define SBI_PMU_CFG_FLAG_SKIP_MATCH	BIT(0)

enum sbi_ext_dbcn_fid {
	SBI_EXT_DBCN_CONSOLE_WRITE = 0,
	SBI_EXT_DBCN_CONSOLE_READ = 1,
	SBI_EXT_DBCN_CONSOLE_WRITE_BYTE = 2,
};

/* SBI return error codes */
#define SBI_SUCCESS		0
#define SBI_ERR_FAILURE		-1
#define SBI_ERR_NOT_SUPPORTED	-2
#define SBI_ERR_INVALID_PARAM	-3
#define SBI_ERR_DENIED		-4
#define SBI_ERR_INVALID_ADDRESS	-5
#define SBI_ERR_ALREADY_AVAILABLE -6
#define SBI_ERR_ALREADY_STARTED -7
#define SBI_ERR_ALREADY_STOPPED -8
#define SBI_ERR_NO_SHMEM	-9

struct sbiret {
	long error;
	long value;
};
#endif /* CONFIG_RISCV_SBI */
#endif /* _ASM_RISCV_SBI_H */
"""


@pytest.fixture(scope="module")
def spec():
    return load_spec(Layout(ROOT))


def changed(old: str, new: str, text: str = SBI_H_6_12) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def spec_pos(item: str, key: str, start: str | None = None) -> str:
    """Where spec/sbi.yaml gives KEY of the item named ITEM (after START)."""
    c = Checkout(ROOT)
    first = c.line_of(SBI, start) if start else 1
    return pos(c, SBI, f"{key}:", at=f"{key}:", start=c.line_of(SBI, f"- name: {item}", first))


def value_pos(item: str, key: str, start: str | None = None) -> str:
    """As spec_pos, with the column of the value (where the error points)."""
    file, line, col = spec_pos(item, key, start).rsplit(":", 2)
    return f"{file}:{line}:{int(col) + len(key) + 2}"


def problems(text: str, spec) -> list[str]:
    with pytest.raises(SpecError) as err:
        check_sbi_h(text, spec, NAME)
    return [str(p) for p in err.value.problems]


def test_agreeing_header_passes(spec):
    check_sbi_h(SBI_H_6_12, spec, NAME)


def test_changed_fid_names_both_sides(spec):
    text = changed("\tSBI_EXT_HSM_HART_STOP,\n", "\tSBI_EXT_HSM_HART_STOP = 5,\n")
    line = line_of(text, "SBI_EXT_HSM_HART_STOP")
    # The implicit values after it move too: each is reported.
    assert problems(text, spec) == [
        f"{value_pos('hart_stop', 'fid')}: the FID of HSM.hart_stop is 1 in the spec but 5 "
        f"in {NAME}:{line} (SBI_EXT_HSM_HART_STOP); the spec must match the upstream tree",
        f"{value_pos('hart_get_status', 'fid')}: the FID of HSM.hart_get_status is 2 in the "
        f"spec but 6 in {NAME}:{line + 1} (SBI_EXT_HSM_HART_STATUS); the spec must match "
        f"the upstream tree",
        f"{value_pos('hart_suspend', 'fid')}: the FID of HSM.hart_suspend is 3 in the spec "
        f"but 7 in {NAME}:{line + 2} (SBI_EXT_HSM_HART_SUSPEND); the spec must match the "
        f"upstream tree",
    ]


def test_changed_error_code(spec):
    text = changed("#define SBI_ERR_DENIED\t\t-4\n", "#define SBI_ERR_DENIED\t\t(-40)\n")
    assert problems(text, spec) == [
        f"{value_pos('DENIED', 'value')}: error DENIED is -4 in the spec but -40 in "
        f"{NAME}:{line_of(text, 'SBI_ERR_DENIED')} (SBI_ERR_DENIED); the spec must match "
        f"the upstream tree"]


def test_renumbered_eid_is_shown_in_hex(spec):
    text = changed("SBI_EXT_HSM = 0x48534D,", "SBI_EXT_HSM = 0x48534E,")
    assert problems(text, spec) == [
        f"{value_pos('HSM', 'eid')}: the EID of HSM is 0x48534d in the spec but 0x48534e in "
        f"{NAME}:{line_of(text, 'SBI_EXT_HSM =')} (SBI_EXT_HSM); the spec must match the "
        f"upstream tree"]


def test_refused_extension_eid_is_checked_when_linux_has_it(spec):
    text = changed("SBI_EXT_PMU = 0x504D55,", "SBI_EXT_PMU = 0x504D56,")
    assert problems(text, spec) == [
        f"{value_pos('PMU', 'eid')}: the EID of PMU is 0x504d55 in the spec but 0x504d56 in "
        f"{NAME}:{line_of(text, 'SBI_EXT_PMU =')} (SBI_EXT_PMU); the spec must match the "
        f"upstream tree"]


def test_missing_enum_is_one_error(spec):
    start = SBI_H_6_12.index("enum sbi_srst_reset_type {")
    end = SBI_H_6_12.index("};\n", start) + 3
    text = SBI_H_6_12[:start] + SBI_H_6_12[end:]
    assert problems(text, spec) == [
        f"{pos(Checkout(ROOT), SBI, '- name: srst_reset_type', at='srst_reset_type')}: enum "
        f"srst_reset_type says linux_upstream: true, but {NAME} does not define "
        f"SBI_SRST_RESET_TYPE_SHUTDOWN, SBI_SRST_RESET_TYPE_COLD_REBOOT, "
        f"SBI_SRST_RESET_TYPE_WARM_REBOOT"]


def test_missing_single_names(spec):
    text = changed("\tSBI_EXT_SRST_RESET = 0,\n", "\tSBI_EXT_SRST_SHUTDOWN = 0,\n")
    text = changed("#define SBI_ERR_NO_SHMEM\t-9\n", "", text)
    assert problems(text, spec) == [
        f"{value_pos('NO_SHMEM', 'value')}: error NO_SHMEM is -9 in the spec, which says "
        f"linux_name: SBI_ERR_NO_SHMEM, but {NAME} does not define SBI_ERR_NO_SHMEM",
        f"{value_pos('system_reset', 'fid')}: the FID of SRST.system_reset is 0 in the spec, "
        f"which says linux_upstream: true, but {NAME} does not define SBI_EXT_SRST_RESET",
    ]


def test_spec_only_numbers_pass_unless_linux_has_the_name(spec):
    # CoVE's provisional errors and INVALID_STATE have no Linux name in 6.12;
    # a Linux that defines one must agree.
    text = changed("#define SBI_ERR_NO_SHMEM\t-9\n",
                   "#define SBI_ERR_NO_SHMEM\t-9\n#define SBI_ERR_INVALID_STATE\t-11\n")
    assert problems(text, spec) == [
        f"{value_pos('INVALID_STATE', 'value')}: error INVALID_STATE is -10 in the spec but "
        f"-11 in {NAME}:{line_of(text, 'SBI_ERR_INVALID_STATE')} (SBI_ERR_INVALID_STATE); "
        f"the spec must match the upstream tree"]


def test_value_the_check_cannot_evaluate_is_an_error(spec):
    text = changed("#define SBI_ERR_DENIED\t\t-4\n", "#define SBI_ERR_DENIED\t\t-EPERM\n")
    assert problems(text, spec) == [
        f"{value_pos('DENIED', 'value')}: error DENIED is -4 in the spec, but "
        f"{NAME}:{line_of(text, 'SBI_ERR_DENIED')} defines SBI_ERR_DENIED as '-EPERM', "
        f"which this check cannot evaluate to a number"]


def test_header_reader_evaluates_c_constants():
    h = Header("#define A\t0x10UL\n#define B\t(A << 2) /* x */\n"
               "#define C\t(BIT(3) | \\\n\t\t GENMASK(1, 0))\n"
               "#define IDX(__n)\t((((__n) & 0xc00) >> 2) | ((__n) & 0xff))\n"
               "#define D\tIDX(0x142)\n#define E\t((__riscv_xlen / 8) * 1024)\n"
               "#define F\t(-7 / 2)\n#define G\tsizeof(long)\n"
               "enum e {\n\tM0 = A,\n\t// comment\n\tM1,\n\tM2 = C + 1,\n};\n", "h.h")
    got = {n: (c.value, c.line) for n, c in h.constants.items()}
    assert got == {"A": (16, 1), "B": (64, 2), "C": (11, 3), "D": (0x42, 6),
                   "E": (8192, 6 + 1), "F": (-3, 8), "G": (None, 8 + 1),
                   "M0": (16, 11), "M1": (17, 13), "M2": (12, 14)}
    assert h.call("IDX", [0x5A8]) == 0x1A8


UPSTREAM = Path(os.environ.get("COVEKIT_CACHE") or Path.home() / ".cache/covekit") \
    / "upstream/linux.git"


def real_sbi_h() -> str:
    if not (UPSTREAM / "HEAD").is_file():
        pytest.skip(f"no upstream Linux in the cache ({UPSTREAM}); run: tools/upstream "
                    f"import linux")
    proc = subprocess.run(["git", "-C", str(UPSTREAM), "show",
                           "refs/covekit/upstream/linux:arch/riscv/include/asm/sbi.h"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"the cached upstream has no refs/covekit/upstream/linux: {proc.stderr}")
    return proc.stdout


def test_the_spec_agrees_with_the_real_linux_6_12(spec):
    check_sbi_h(real_sbi_h(), spec, "linux:arch/riscv/include/asm/sbi.h")


def test_the_real_header_reads_as_the_fixture_does():
    # The fixture is a faithful excerpt: every name it defines has the same
    # value in the real file.
    real = Header(real_sbi_h(), "sbi.h").constants
    fixture = Header(SBI_H_6_12, "fixture").constants
    wrong = {n: (c.value, real[n].value if n in real else "absent")
             for n, c in fixture.items() if n not in real or real[n].value != c.value}
    assert wrong == {}


# NACL, which Linux defines from 6.13 on: a spec of its own (the extension,
# its feature enum and the shared-memory layout with Linux's names), so
# this does not depend on how much of NACL spec/ describes.
NACL_SPEC = """\
title: NACL fixture
sources:
  SBI-3.0: The SBI specification, version 3.0.
errors:
  - name: SUCCESS
    value: 0
    doc: Done.
    linux_name: SBI_SUCCESS
  - name: INVALID_PARAM
    value: -3
    doc: Bad argument.
    linux_name: SBI_ERR_INVALID_PARAM
  - name: INVALID_ADDRESS
    value: -5
    doc: Bad address.
    linux_name: SBI_ERR_INVALID_ADDRESS
extensions:
  - name: NACL
    eid: 0x4E41434C
    doc: Nested acceleration.
    source: SBI-3.0
    handled_by: tsm
    linux_upstream: {upstream}
    functions:
      - {{name: probe_feature, fid: 0, caller: host, implemented: true, doc: Probe.,
          args: [], errors: []}}
      - {{name: set_shmem, fid: 1, caller: host, implemented: true, doc: Set.,
          args: [], errors: [INVALID_PARAM, INVALID_ADDRESS]}}
      - {{name: sync_csr, fid: 2, caller: host, implemented: false, doc: Sync.,
          args: [], errors: []}}
      - {{name: sync_hfence, fid: 3, caller: host, implemented: false, doc: Sync.,
          args: [], errors: []}}
      - {{name: sync_sret, fid: 4, caller: host, implemented: false, doc: Sync.,
          args: [], errors: []}}
enums:
  - name: nacl_feature
    doc: NACL features.
    source: SBI-3.0
    linux_upstream: {upstream}
    linux_prefix: SBI_NACL_FEAT_
    members:
      - {{name: SYNC_CSR, value: 0, doc: x}}
      - {{name: SYNC_HFENCE, value: 1, doc: x}}
      - {{name: SYNC_SRET, value: 2, doc: x}}
      - {{name: AUTOSWAP_CSR, value: 3, doc: x}}
structs:
  - name: nacl_shmem
    doc: The NACL shared memory.
    source: SBI-3.0
    linux_upstream: {upstream}
    linux_size: SBI_NACL_SHMEM_SIZE
    fields:
      - {{name: scratch, type: "u64[496]", doc: x, linux_offset: SBI_NACL_SHMEM_SCRATCH_OFFSET}}
      - {{name: dirty_bitmap, type: "u64[16]", doc: x,
          linux_offset: SBI_NACL_SHMEM_DBITMAP_OFFSET, linux_size: SBI_NACL_SHMEM_DBITMAP_SIZE}}
      - {{name: csrs, type: "u64[1024]", doc: x, linux_offset: SBI_NACL_SHMEM_CSR_OFFSET,
          linux_size: SBI_NACL_SHMEM_CSR_SIZE, index: csr,
          linux_index: SBI_NACL_SHMEM_CSR_INDEX}}
"""

# Shaped like the NACL part of Linux 6.13's asm/sbi.h (offsets built from
# one another, the size from __riscv_xlen), numbers from the SBI spec.
SBI_H_NACL = """\
enum sbi_ext_id {
	SBI_EXT_BASE = 0x10,
	SBI_EXT_NACL = 0x4E41434C,
};

#define SBI_SUCCESS		0
#define SBI_ERR_INVALID_PARAM	-3
#define SBI_ERR_INVALID_ADDRESS	-5

/* SBI NACL extension */
enum sbi_ext_nacl_fid {
	SBI_EXT_NACL_PROBE_FEATURE = 0x0,
	SBI_EXT_NACL_SET_SHMEM = 0x1,
	SBI_EXT_NACL_SYNC_CSR = 0x2,
	SBI_EXT_NACL_SYNC_HFENCE = 0x3,
	SBI_EXT_NACL_SYNC_SRET = 0x4,
};

enum sbi_ext_nacl_feature {
	SBI_NACL_FEAT_SYNC_CSR = 0x0,
	SBI_NACL_FEAT_SYNC_HFENCE = 0x1,
	SBI_NACL_FEAT_SYNC_SRET = 0x2,
	SBI_NACL_FEAT_AUTOSWAP_CSR = 0x3,
};

#define SBI_NACL_SHMEM_ADDR_SHIFT	12
#define SBI_NACL_SHMEM_SCRATCH_OFFSET	0x0000
#define SBI_NACL_SHMEM_SCRATCH_SIZE	0x1000
#define SBI_NACL_SHMEM_SRET_OFFSET	0x0000
#define SBI_NACL_SHMEM_SRET_SIZE	0x0200
#define SBI_NACL_SHMEM_AUTOSWAP_OFFSET	(SBI_NACL_SHMEM_SRET_OFFSET + \\
						SBI_NACL_SHMEM_SRET_SIZE)
#define SBI_NACL_SHMEM_AUTOSWAP_SIZE	0x0080
#define SBI_NACL_SHMEM_UNUSED_OFFSET	(SBI_NACL_SHMEM_AUTOSWAP_OFFSET + \\
						SBI_NACL_SHMEM_AUTOSWAP_SIZE)
#define SBI_NACL_SHMEM_UNUSED_SIZE	0x0580
#define SBI_NACL_SHMEM_HFENCE_OFFSET	(SBI_NACL_SHMEM_UNUSED_OFFSET + \\
						SBI_NACL_SHMEM_UNUSED_SIZE)
#define SBI_NACL_SHMEM_HFENCE_SIZE	0x0780
#define SBI_NACL_SHMEM_DBITMAP_OFFSET	(SBI_NACL_SHMEM_HFENCE_OFFSET + \\
						SBI_NACL_SHMEM_HFENCE_SIZE)
#define SBI_NACL_SHMEM_DBITMAP_SIZE	0x0080
#define SBI_NACL_SHMEM_CSR_OFFSET	(SBI_NACL_SHMEM_DBITMAP_OFFSET + \\
						SBI_NACL_SHMEM_DBITMAP_SIZE)
#define SBI_NACL_SHMEM_CSR_SIZE		((__riscv_xlen / 8) * 1024)
#define SBI_NACL_SHMEM_SIZE		(SBI_NACL_SHMEM_CSR_OFFSET + \\
						SBI_NACL_SHMEM_CSR_SIZE)

#define SBI_NACL_SHMEM_CSR_INDEX(__csr_num)	\\
		((((__csr_num) & 0xc00) >> 2) | ((__csr_num) & 0xff))
"""
NACL = "spec/nacl.yaml"


def nacl_spec(tmp_path: Path, upstream: bool = False):
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec/schema.json").write_bytes((ROOT / "spec/schema.json").read_bytes())
    (tmp_path / NACL).write_text(NACL_SPEC.format(upstream=str(upstream).lower()))
    return load_spec(Layout(tmp_path)), Checkout(tmp_path)


def test_nacl_agrees_with_a_linux_that_has_it(tmp_path):
    spec, _ = nacl_spec(tmp_path)
    check_sbi_h(SBI_H_NACL, spec, NAME)


def test_nacl_is_not_required_of_a_linux_without_it(tmp_path):
    spec, _ = nacl_spec(tmp_path)
    check_sbi_h("#define SBI_SUCCESS 0\n#define SBI_ERR_INVALID_PARAM -3\n"
                "#define SBI_ERR_INVALID_ADDRESS -5\n", spec, NAME)


def test_nacl_marked_upstream_must_be_there(tmp_path):
    spec, c = nacl_spec(tmp_path, upstream=True)
    text = SBI_H_NACL[:SBI_H_NACL.index("/* SBI NACL extension */")]
    got = problems(text, spec)
    assert got == [
        f"{pos(c, NACL, '- name: NACL', at='NACL')}: extension NACL says linux_upstream: "
        f"true, but {NAME} does not define SBI_EXT_NACL_PROBE_FEATURE, "
        f"SBI_EXT_NACL_SET_SHMEM, SBI_EXT_NACL_SYNC_CSR, SBI_EXT_NACL_SYNC_HFENCE, "
        f"SBI_EXT_NACL_SYNC_SRET",
        f"{pos(c, NACL, '- name: nacl_feature', at='nacl_feature')}: enum nacl_feature says "
        f"linux_upstream: true, but {NAME} does not define SBI_NACL_FEAT_SYNC_CSR, "
        f"SBI_NACL_FEAT_SYNC_HFENCE, SBI_NACL_FEAT_SYNC_SRET, SBI_NACL_FEAT_AUTOSWAP_CSR",
        f"{pos(c, NACL, '- name: nacl_shmem', at='nacl_shmem')}: struct nacl_shmem says "
        f"linux_upstream: true, but {NAME} does not define SBI_NACL_SHMEM_SIZE, "
        f"SBI_NACL_SHMEM_SCRATCH_OFFSET, SBI_NACL_SHMEM_DBITMAP_OFFSET, "
        f"SBI_NACL_SHMEM_DBITMAP_SIZE, SBI_NACL_SHMEM_CSR_OFFSET, SBI_NACL_SHMEM_CSR_SIZE",
        f"{pos(c, NACL, 'linux_index:', at='SBI_NACL_SHMEM_CSR_INDEX')}: struct "
        f"nacl_shmem.csrs: the spec says Linux indexes it with SBI_NACL_SHMEM_CSR_INDEX() "
        f"(linux_upstream: true), but {NAME} does not define that macro",
    ]


def test_nacl_fid_feature_and_layout_changes_name_both_sides(tmp_path):
    spec, c = nacl_spec(tmp_path)
    text = changed("SBI_EXT_NACL_SYNC_HFENCE = 0x3,", "SBI_EXT_NACL_SYNC_HFENCE = 0x5,",
                   SBI_H_NACL)
    text = changed("SBI_NACL_FEAT_AUTOSWAP_CSR = 0x3,", "SBI_NACL_FEAT_AUTOSWAP_CSR = 0x4,",
                   text)
    text = changed("#define SBI_NACL_SHMEM_HFENCE_SIZE\t0x0780",
                   "#define SBI_NACL_SHMEM_HFENCE_SIZE\t0x0700", text)
    fid = pos(c, NACL, "fid: 3", at="3")
    feat = pos(c, NACL, "AUTOSWAP_CSR, value: 3", at="3")
    offset = pos(c, NACL, "linux_offset: SBI_NACL_SHMEM_DBITMAP_OFFSET",
                 at="SBI_NACL_SHMEM_DBITMAP_OFFSET")
    csr = pos(c, NACL, "linux_offset: SBI_NACL_SHMEM_CSR_OFFSET",
              at="SBI_NACL_SHMEM_CSR_OFFSET")
    size = pos(c, NACL, "linux_size: SBI_NACL_SHMEM_SIZE", at="SBI_NACL_SHMEM_SIZE")
    dbitmap, csr_off = (line_of(text, f"#define SBI_NACL_SHMEM_{n}_OFFSET")
                        for n in ("DBITMAP", "CSR"))
    # In the spec's order: the FID, the feature, the struct's size, its fields.
    assert problems(text, spec) == [
        f"{fid}: the FID of NACL.sync_hfence is 3 in the spec but 5 in "
        f"{NAME}:{line_of(text, 'SYNC_HFENCE = 0x5')} (SBI_EXT_NACL_SYNC_HFENCE); the spec "
        f"must match the upstream tree",
        f"{feat}: nacl_feature.AUTOSWAP_CSR is 3 in the spec but 4 in "
        f"{NAME}:{line_of(text, 'AUTOSWAP_CSR = 0x4')} (SBI_NACL_FEAT_AUTOSWAP_CSR); the spec "
        f"must match the upstream tree",
        f"{size}: the size of struct nacl_shmem is 12288 in the spec but 12160 in "
        f"{NAME}:{line_of(text, '#define SBI_NACL_SHMEM_SIZE')} (SBI_NACL_SHMEM_SIZE); the "
        f"spec must match the upstream tree",
        f"{offset}: the offset of struct nacl_shmem.dirty_bitmap is 0xf80 in the spec but "
        f"0xf00 in {NAME}:{dbitmap} (SBI_NACL_SHMEM_DBITMAP_OFFSET); the spec must match the "
        f"upstream tree",
        f"{csr}: the offset of struct nacl_shmem.csrs is 0x1000 in the spec but 0xf80 in "
        f"{NAME}:{csr_off} (SBI_NACL_SHMEM_CSR_OFFSET); the spec must match the upstream "
        f"tree",
    ]


def test_nacl_csr_index_macro_is_checked_for_every_csr(tmp_path):
    spec, c = nacl_spec(tmp_path)
    # Off by one bit for the hypervisor CSRs (0x6xx) only.
    text = changed("((((__csr_num) & 0xc00) >> 2) | ((__csr_num) & 0xff))",
                   "((((__csr_num) & 0xc00) >> 2) | ((__csr_num) & 0x1ff))", SBI_H_NACL)
    assert problems(text, spec) == [
        f"{pos(c, NACL, 'index: csr', at='csr,')}: struct nacl_shmem.csrs is indexed by "
        f"rule 'csr', which maps 0x100 to 0x0, but SBI_NACL_SHMEM_CSR_INDEX(0x100) in "
        f"{NAME}:{line_of(text, '#define SBI_NACL_SHMEM_CSR_INDEX')} gives 0x100"]


def test_the_spec_agrees_with_a_linux_that_has_nacl(spec):
    # The checkout's own NACL description against a 6.13-shaped header:
    # EID, FIDs, feature ids, layout and the CSR index macro all checked.
    text = SBI_H_6_12.replace("#endif /* CONFIG_RISCV_SBI */\n",
                              SBI_H_NACL.split("/* SBI NACL extension */\n")[1]
                              + "#endif /* CONFIG_RISCV_SBI */\n")
    text = changed("\tSBI_EXT_STA = 0x535441,\n",
                   "\tSBI_EXT_STA = 0x535441,\n\tSBI_EXT_NACL = 0x4E41434C,\n", text)
    check_sbi_h(text, spec, NAME)
    broken = changed("& 0xff))", "& 0x1ff))", text)
    assert [p.split(": ", 1)[1] for p in problems(broken, spec)] == [
        f"struct nacl_shmem.csrs is indexed by rule 'csr', which maps 0x100 to 0x0, but "
        f"SBI_NACL_SHMEM_CSR_INDEX(0x100) in {NAME}:"
        f"{line_of(broken, '#define SBI_NACL_SHMEM_CSR_INDEX')} gives 0x100"]


def test_generated_csr_index_follows_the_rule():
    # The generated headers' own index macro, read back like Linux's.
    text = (ROOT / "tsm-firmware/include/generated/sbi_cove_types.h").read_text()
    h = Header(text, "sbi_cove_types.h")
    keys, rule = INDEX_RULES["csr"]
    assert [k for k in keys if h.call("SBI_NACL_CSR_INDEX", [k]) != rule(k)] == []
