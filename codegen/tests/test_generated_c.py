# SPDX-License-Identifier: GPL-2.0-only
"""The generated C compiles under -Wall -Werror with host gcc and the riscv64
cross gcc, and the generated dispatch table behaves as the spec says."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from covekit_codegen.regen import Layout, load_spec

FIRMWARE_INC = ROOT / "tsm-firmware/include/generated"
SELFTESTS_INC = ROOT / "selftests/include/generated"
LINUX_TREE = ROOT / "kernel-patches/generated/linux"
CFLAGS = ["-std=gnu11", "-O2", "-Wall", "-Wextra", "-Werror"]
HOST_CC = "gcc"
CROSS_CC = "riscv64-linux-gnu-gcc"


def need(cc: str) -> None:
    if shutil.which(cc) is None:
        pytest.skip(f"{cc} is not installed: run sudo tools/install-deps")


def compile_c(cc: str, source: Path, out: Path, *extra: str) -> None:
    proc = subprocess.run([cc, *CFLAGS, *extra, str(source), "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


@pytest.fixture(scope="module")
def spec():
    return load_spec(Layout(ROOT))


def dispatcher_source(spec) -> str:
    """A dispatcher over the generated table plus one handler per implemented
    function that reports which function ran (value = EID ^ FID) and that
    the table passed the TSM's state down (else INVALID_STATE); pending
    functions get none, so the table must not need one."""
    handlers = []
    for ext in spec.tsm_extensions:
        for fn in ext.implemented:
            params = ", ".join(["struct tsm *tsm"] + [f"{a.ctype} {a.name}" for a in fn.args])
            unused = "".join(f"\t(void){a.name};\n" for a in fn.args)
            value = f"(long)({ext.c_eid} ^ {fn.fid})"
            handlers.append(f"struct sbiret {fn.c_symbol}({params})\n{{\n{unused}"
                            "\tif (tsm != &the_tsm)\n"
                            "\t\treturn (struct sbiret){ SBI_ERR_INVALID_STATE, 0 };\n"
                            f"\treturn (struct sbiret){{ 0, {value} }};\n}}\n")
    return "\n".join([
        '#include <stdio.h>\n#include <stdlib.h>\n#include "cove_dispatch_table.h"\n',
        "struct tsm { int unused; };\nstatic struct tsm the_tsm;\n",
        *handlers,
        """
static struct sbiret dispatch(unsigned long eid, unsigned long fid, const unsigned long *args)
{
	for (size_t i = 0; i < sizeof(sbi_tsm_extensions) / sizeof(sbi_tsm_extensions[0]); i++) {
		const struct sbi_abi_extension *e = &sbi_tsm_extensions[i];

		if (e->eid != eid)
			continue;
		if (fid >= e->ncalls || !e->calls[fid].call)
			return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
		return e->calls[fid].call(&the_tsm, args);
	}
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

/* What a BASE probe of eid answers the callers in mask "from". */
static long probe(unsigned int from, unsigned long eid)
{
	for (size_t i = 0; i < sizeof(sbi_tsm_extensions) / sizeof(sbi_tsm_extensions[0]); i++)
		if (sbi_tsm_extensions[i].eid == eid)
			return (sbi_tsm_extensions[i].available & from) != 0;
	return -1;
}

int main(int argc, char **argv)
{
	unsigned long v[8] = { 0 };

	if (argc == 4 && argv[1][0] == 'p') {
		printf("%ld\\n", probe(strtoul(argv[2], NULL, 0), strtoul(argv[3], NULL, 0)));
		return 0;
	}
	if (argc < 3)
		return 2;
	for (int i = 1; i < argc && i < 9; i++)
		v[i - 1] = strtoul(argv[i], NULL, 0);
	struct sbiret r = dispatch(v[0], v[1], &v[2]);
	printf("%ld %ld\\n", r.error, r.value);
	return 0;
}
"""])


@pytest.fixture(scope="module")
def dispatcher(spec, tmp_path_factory) -> Path:
    need(HOST_CC)
    tmp = tmp_path_factory.mktemp("dispatch")
    (tmp / "dispatch.c").write_text(dispatcher_source(spec))
    compile_c(HOST_CC, tmp / "dispatch.c", tmp / "dispatch", f"-I{FIRMWARE_INC}")
    return tmp / "dispatch"


def call(dispatcher: Path, eid: int, fid: int, *args: int) -> tuple[int, int]:
    out = subprocess.run([str(dispatcher), hex(eid), str(fid), *map(hex, args)],
                         capture_output=True, text=True, check=True, timeout=30).stdout
    error, value = out.split()
    return int(error), int(value)


COVH, COVG = 0x434F5648, 0x434F5647
OK, INVALID_ADDRESS, INVALID_PARAM, NOT_SUPPORTED = 0, -5, -3, -2


def test_dispatch_reaches_each_handler(spec, dispatcher):
    for ext in spec.tsm_extensions:
        for fn in ext.functions:
            # Arguments that pass every constraint: aligned, in range, in enum.
            args = [max(a.min or 0, a.align or 0) if a.enum is None else 0 for a in fn.args]
            want = (OK, ext.eid ^ fn.fid) if fn.implemented else (NOT_SUPPORTED, 0)
            assert call(dispatcher, ext.eid, fn.fid, *args) == want, fn.key


def test_pending_calls_check_their_arguments_first(spec, dispatcher):
    fn = spec.function("COVH.tvm_remove_pages")  # (tvm_id, gpa: 4 KiB aligned, len)
    assert fn.implemented is False
    assert call(dispatcher, COVH, fn.fid, 1, 0x1000, 0x1000) == (NOT_SUPPORTED, 0)
    assert call(dispatcher, COVH, fn.fid, 1, 0x1008, 0x1000)[0] == INVALID_ADDRESS


def probe(dispatcher: Path, callers: int, eid: int) -> int:
    out = subprocess.run([str(dispatcher), "probe", hex(callers), hex(eid)],
                         capture_output=True, text=True, check=True, timeout=30).stdout
    return int(out)


HOST, GUEST = 1, 2  # enum sbi_abi_caller
COVI = 0x434F5649


def test_probe_reports_what_is_implemented_for_each_caller(spec, dispatcher):
    # Today: COVH's implemented calls are the host's; COVG and COVI have none.
    assert [probe(dispatcher, c, COVH) for c in (HOST, GUEST)] == [1, 0]
    assert [probe(dispatcher, c, COVG) for c in (HOST, GUEST)] == [0, 0]
    assert [probe(dispatcher, c, COVI) for c in (HOST, GUEST)] == [0, 0]
    for ext in spec.tsm_extensions:
        for bit, caller in ((HOST, "host"), (GUEST, "guest")):
            serves = any(fn.implemented and fn.caller in (caller, "any")
                         for fn in ext.functions)
            assert probe(dispatcher, bit, ext.eid) == int(serves), (ext.name, caller)


def test_dispatch_checks_argument_constraints(dispatcher):
    convert = 1  # convert_pages(base_page_addr: 4 KiB aligned, num_pages >= 1)
    assert call(dispatcher, COVH, convert, 0x80001000, 1)[0] == OK
    assert call(dispatcher, COVH, convert, 0x80001008, 1)[0] == INVALID_ADDRESS
    assert call(dispatcher, COVH, convert, 0x80001000, 0)[0] == INVALID_PARAM
    measured = 11  # add_tvm_measured_pages(tvm_id, src, dest, page_type, num_pages, gpa)
    assert call(dispatcher, COVH, measured, 1, 0x1000, 0x2000, 3, 1, 0x3000)[0] == OK
    assert call(dispatcher, COVH, measured, 1, 0x1000, 0x2000, 4, 1, 0x3000)[0] == INVALID_PARAM
    finalize = 6  # identity_addr: 64-byte aligned, 0 = none, bad value -> INVALID_PARAM
    assert call(dispatcher, COVH, finalize, 1, 0x80200000, 0x82200000, 0)[0] == OK
    assert call(dispatcher, COVH, finalize, 1, 0x80200000, 0x82200000, 0x1040)[0] == OK
    assert call(dispatcher, COVH, finalize, 1, 0x80200000, 0x82200000, 0x1010)[0] \
        == INVALID_PARAM


def test_dispatch_unknown_fid_and_eid(spec, dispatcher):
    covh = spec.extension("COVH")
    assert call(dispatcher, COVH, covh.fid_count)[0] == NOT_SUPPORTED
    assert call(dispatcher, COVH, 0xFFFF)[0] == NOT_SUPPORTED
    assert call(dispatcher, 0x10, 3)[0] == NOT_SUPPORTED  # BASE is not the TSM's table


def test_firmware_headers_cross_compile(spec, tmp_path):
    need(CROSS_CC)
    src = tmp_path / "dispatch.c"
    src.write_text(dispatcher_source(spec).replace("#include <stdio.h>\n#include <stdlib.h>\n",
                                                   "").split("int main")[0]
                   + "struct sbiret (*keep)(unsigned long, unsigned long, const unsigned long *)"
                   " = dispatch;\nlong (*keep_probe)(unsigned int, unsigned long) = probe;\n")
    compile_c(CROSS_CC, src, tmp_path / "dispatch.o", "-c", "-ffreestanding",
              f"-I{FIRMWARE_INC}")


def test_selftest_stubs_emit_the_right_ecall(spec, tmp_path):
    need(CROSS_CC)
    src = tmp_path / "stubs.c"
    src.write_text('#include "sbi_ecall_stubs.h"\n'
                   "long probe(void) { return sbi_base_probe_extension(SBI_EXT_COVH).value; }\n"
                   "long convert(void) { return sbi_covh_convert_pages(0x80000000, 1).error; }\n")
    obj = tmp_path / "stubs.o"
    compile_c(CROSS_CC, src, obj, "-c", "-ffreestanding", f"-I{FIRMWARE_INC}",
              f"-I{SELFTESTS_INC}")
    objdump = shutil.which("riscv64-linux-gnu-objdump")
    if objdump is None:
        pytest.skip("riscv64-linux-gnu-objdump is not installed: run sudo tools/install-deps")
    dis = subprocess.run([objdump, "-d", str(obj)], capture_output=True, text=True,
                         check=True).stdout
    convert = dis[dis.index("<convert>:"):]
    assert "ecall" in convert
    assert "li\ta6,1" in convert  # FID of convert_pages
    assert "lui\ta7,0x434f5" in convert  # EID COVH, upper bits


# Just enough of Linux's headers to type-check our Linux-side files; the
# kernel-patches series verify them inside a real tree.
LINUX_SHIM = {
    "linux/types.h": "#include <stdint.h>\n#include <stdbool.h>\ntypedef uint8_t u8;\n"
                     "typedef uint16_t u16;\ntypedef uint32_t u32;\ntypedef uint64_t u64;\n"
                     "typedef int32_t s32;\ntypedef int64_t s64;\n",
    "linux/build_bug.h": "#include <assert.h>\n",
    "linux/stddef.h": "#include <stddef.h>\n",
    "linux/bits.h": "",
    "asm/sbi.h": "struct sbiret {\n\tlong error;\n\tlong value;\n};\n"
                 "struct sbiret __sbi_ecall(unsigned long arg0, unsigned long arg1,\n"
                 "\t\tunsigned long arg2, unsigned long arg3, unsigned long arg4,\n"
                 "\t\tunsigned long arg5, int fid, int ext);\n"
                 "#define sbi_ecall(e, f, a0, a1, a2, a3, a4, a5) "
                 "__sbi_ecall(a0, a1, a2, a3, a4, a5, f, e)\n",
}


def test_linux_files_compile_against_the_6_12_interfaces(tmp_path):
    need(CROSS_CC)
    for rel, text in LINUX_SHIM.items():
        (tmp_path / "shim" / rel).parent.mkdir(parents=True, exist_ok=True)
        guard = "SHIM_" + rel.replace("/", "_").replace(".", "_").upper()
        (tmp_path / "shim" / rel).write_text(f"#ifndef {guard}\n#define {guard}\n{text}#endif\n")
    headers = sorted(p.name for p in (LINUX_TREE / "arch/riscv/include/asm").glob("*.h"))
    assert headers == ["sbi-cove.h", "sbi-covg.h", "sbi-covh.h", "sbi-covi.h", "sbi-nacl.h"]
    src = tmp_path / "linux.c"
    src.write_text("".join(f"#include <asm/{h}>\n" for h in headers)
                   + "long f(void) { return sbi_covh_tsm_get_info(0, 48).error +\n"
                   "\tsbi_nacl_set_shmem(-1UL, -1UL, 0).error +\n"
                   "\t(long)sbi_nacl_csr_index(0x142); }\n")
    compile_c(CROSS_CC, src, tmp_path / "linux.o", "-c", "-ffreestanding",
              f"-I{tmp_path / 'shim'}", f"-I{LINUX_TREE / 'arch/riscv/include'}")
