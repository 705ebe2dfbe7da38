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
        f"srst_reset_type says linux_upstream: true, but {NAME} defines none of its names: "
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
