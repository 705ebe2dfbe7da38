// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Host unit tests of dispatch_sbi_call(): the generated table's argument
 * checks, caller checks, probes, and the forwarding policy that keeps
 * OpenSBI from touching memory the host does not own.  tsm_get_info
 * writes into a buffer of this process, which plays the host's memory.
 */

#include "autoconf.h"
#include "cove_dispatch_table.h"
#include "covekit/util.h"
#include "sbi_cove_types.h"
#include "tsm/dispatch.h"
#include "tsm/sbiret.h"
#include "tsm/tsm.h"
#include "unit.h"

static struct tsm tsm;
static struct page_info page_array[64];

/* The host's memory: one page-aligned range inside this process. */
static uint8_t host_ram[4 * 4096] __attribute__((aligned(4096)));
#define HOST_ADDR	((unsigned long)host_ram)
#define NOT_HOST	((unsigned long)host_ram + sizeof(host_ram))

#define SBI_EXT_PMU	0x504D55UL

static enum dispatch_action call(unsigned int from, unsigned long eid,
				 unsigned long fid, unsigned long a0,
				 unsigned long a1, unsigned long a2,
				 unsigned long a3, struct sbiret *ret)
{
	const unsigned long args[6] = { a0, a1, a2, a3, 0, 0 };

	ret->error = 12345;	/* must be overwritten when answered */
	ret->value = 12345;
	return dispatch_sbi_call(&tsm, from, eid, fid, args, ret);
}

static long host_error(unsigned long eid, unsigned long fid, unsigned long a0,
		       unsigned long a1, unsigned long a2, unsigned long a3)
{
	struct sbiret ret;

	if (call(DISPATCH_FROM_HOST, eid, fid, a0, a1, a2, a3, &ret) !=
	    DISPATCH_ANSWERED)
		return 99;	/* forwarded: not an answer */
	return ret.error;
}

static void test_tsm_get_info(void)
{
	struct sbi_tsm_info info;
	struct sbiret ret;

	memset(host_ram, 0xaa, sizeof(host_ram));
	CHECK_EQ(call(DISPATCH_FROM_HOST, SBI_EXT_COVH, SBI_EXT_COVH_TSM_GET_INFO,
		      HOST_ADDR, 48, 0, 0, &ret), DISPATCH_ANSWERED,
		 "tsm_get_info is answered by the TSM");
	CHECK_EQ(ret.error, SBI_ERR_SUCCESS, "tsm_get_info succeeds");
	CHECK_EQ(ret.value, 48, "and reports 48 bytes written");
	memcpy(&info, host_ram, sizeof(info));
	CHECK_EQ(info.tsm_state, SBI_TSM_STATE_READY, "state READY");
	CHECK_EQ(info.tsm_impl_id, SBI_TSM_IMPL_ID_COVEKIT, "impl id covekit");
	CHECK_EQ(info.tvm_max_vcpus, CONFIG_TSM_MAX_VCPUS, "max vCPUs from Kconfig");
	CHECK_EQ(info.reserved, 0, "the reserved word is zero");
	CHECK_EQ(host_ram[48], 0xaa, "nothing written past the struct");

	CHECK_EQ(host_error(SBI_EXT_COVH, 0, HOST_ADDR, 47, 0, 0),
		 SBI_ERR_INVALID_PARAM, "47-byte buffer: INVALID_PARAM (generated check)");
	CHECK_EQ(host_error(SBI_EXT_COVH, 0, NOT_HOST, 48, 0, 0),
		 SBI_ERR_INVALID_ADDRESS, "buffer outside host memory: INVALID_ADDRESS");
	CHECK_EQ(host_error(SBI_EXT_COVH, 0, NOT_HOST - 8, 48, 0, 0),
		 SBI_ERR_INVALID_ADDRESS, "buffer straddling the end: INVALID_ADDRESS");
}

static void test_table(void)
{
	CHECK_EQ(host_error(SBI_EXT_COVH, SBI_EXT_COVH_CONVERT_PAGES,
			    HOST_ADDR + 8, 1, 0, 0),
		 SBI_ERR_INVALID_ADDRESS, "misaligned page address: INVALID_ADDRESS");
	CHECK_EQ(host_error(SBI_EXT_COVH, SBI_EXT_COVH_CONVERT_PAGES,
			    HOST_ADDR, 0, 0, 0),
		 SBI_ERR_INVALID_PARAM, "zero pages: INVALID_PARAM");
	CHECK_EQ(host_error(SBI_EXT_COVH, SBI_EXT_COVH_TVM_INITIATE_FENCE, 1, 0, 0, 0),
		 SBI_ERR_NOT_SUPPORTED, "valid arguments reach a pending handler");
	CHECK_EQ(host_error(SBI_EXT_COVH, SBI_EXT_COVH_PROMOTE_TO_TVM, HOST_ADDR,
			    0, 0, 0x1010),
		 SBI_ERR_INVALID_ADDRESS, "identity_addr misaligned: INVALID_ADDRESS");
	CHECK_EQ(host_error(SBI_EXT_COVH, SBI_EXT_COVH_FINALIZE_TVM, 1, 0, 0, 0x1010),
		 SBI_ERR_INVALID_PARAM, "finalize: misaligned identity_addr is the spec's INVALID_PARAM");
	CHECK_EQ(host_error(SBI_EXT_COVH, SBI_EXT_COVH_PROMOTE_TO_TVM, HOST_ADDR,
			    0, 0, 0),
		 SBI_ERR_NOT_SUPPORTED, "identity_addr 0 is accepted (zero_ok)");
	CHECK_EQ(host_error(SBI_EXT_COVH, SBI_EXT_COVH_FID_COUNT, 0, 0, 0, 0),
		 SBI_ERR_NOT_SUPPORTED, "FID past the table: NOT_SUPPORTED");
	CHECK_EQ(host_error(SBI_EXT_COVH, 1UL << 26, HOST_ADDR, 48, 0, 0),
		 SBI_ERR_NOT_SUPPORTED, "supervisor domain 1: NOT_SUPPORTED");
	CHECK_EQ(host_error(SBI_EXT_COVH, 1UL << 16, HOST_ADDR, 48, 0, 0),
		 SBI_ERR_NOT_SUPPORTED, "reserved a6 bits: NOT_SUPPORTED");
}

static void test_callers(void)
{
	struct sbiret ret;

	/* add_mmio_region(gpa, len): 4 KiB aligned; a bad gpa shows the
	 * call got past the caller check to the argument checks. */
	CHECK_EQ(host_error(SBI_EXT_COVG, SBI_EXT_COVG_ADD_MMIO_REGION, 8, 4096,
			    0, 0),
		 SBI_ERR_NOT_SUPPORTED, "COVG from the host: NOT_SUPPORTED");
	call(DISPATCH_FROM_GUEST, SBI_EXT_COVG, SBI_EXT_COVG_ADD_MMIO_REGION, 8,
	     4096, 0, 0, &ret);
	CHECK_EQ(ret.error, SBI_ERR_INVALID_ADDRESS,
		 "COVG from a guest reaches its argument checks");
	call(DISPATCH_FROM_GUEST, SBI_EXT_COVH, SBI_EXT_COVH_TSM_GET_INFO,
	     HOST_ADDR, 48, 0, 0, &ret);
	CHECK_EQ(ret.error, SBI_ERR_NOT_SUPPORTED, "COVH from a guest: NOT_SUPPORTED");
}

static void test_probes(void)
{
	struct sbiret ret;
	unsigned long probe = SBI_EXT_BASE_PROBE_EXTENSION;

	call(DISPATCH_FROM_HOST, SBI_EXT_BASE, probe, SBI_EXT_COVH, 0, 0, 0, &ret);
	CHECK(ret.error == 0 && ret.value == 1, "host probe of COVH: 1");
	call(DISPATCH_FROM_GUEST, SBI_EXT_BASE, probe, SBI_EXT_COVH, 0, 0, 0, &ret);
	CHECK(ret.error == 0 && ret.value == 0, "guest probe of COVH: 0");
	call(DISPATCH_FROM_HOST, SBI_EXT_BASE, probe, SBI_EXT_COVG, 0, 0, 0, &ret);
	CHECK(ret.error == 0 && ret.value == 0, "host probe of COVG: 0");
	CHECK_EQ(call(DISPATCH_FROM_HOST, SBI_EXT_BASE, probe, SBI_EXT_DBCN, 0, 0,
		      0, &ret), DISPATCH_FORWARD, "probe of DBCN goes to OpenSBI");
	call(DISPATCH_FROM_HOST, SBI_EXT_BASE, probe, SBI_EXT_PMU, 0, 0, 0, &ret);
	CHECK(ret.error == 0 && ret.value == 0, "probe of PMU (not forwarded): 0");
}

static void test_forwarding(void)
{
	struct sbiret ret;

	CHECK_EQ(call(DISPATCH_FROM_HOST, SBI_EXT_BASE,
		      SBI_EXT_BASE_GET_SPEC_VERSION, 0, 0, 0, 0, &ret),
		 DISPATCH_FORWARD, "BASE get_spec_version is forwarded");
	CHECK_EQ(call(DISPATCH_FROM_HOST, SBI_EXT_DBCN,
		      SBI_EXT_DBCN_CONSOLE_WRITE, 16, HOST_ADDR, 0, 0, &ret),
		 DISPATCH_FORWARD, "DBCN write of a host buffer is forwarded");
	CHECK_EQ(host_error(SBI_EXT_DBCN, SBI_EXT_DBCN_CONSOLE_WRITE, 16, NOT_HOST,
			    0, 0),
		 SBI_ERR_INVALID_PARAM, "DBCN write of TSM memory: INVALID_PARAM");
	CHECK_EQ(host_error(SBI_EXT_DBCN, SBI_EXT_DBCN_CONSOLE_READ, 16,
			    NOT_HOST - 8, 0, 0),
		 SBI_ERR_INVALID_PARAM, "DBCN read into a straddling buffer: refused");
	CHECK_EQ(host_error(SBI_EXT_DBCN, SBI_EXT_DBCN_CONSOLE_WRITE, 16, HOST_ADDR,
			    1, 0),
		 SBI_ERR_INVALID_PARAM, "DBCN with base_addr_hi set: refused");
	CHECK_EQ(call(DISPATCH_FROM_HOST, SBI_EXT_DBCN,
		      SBI_EXT_DBCN_CONSOLE_WRITE_BYTE, 'x', 0, 0, 0, &ret),
		 DISPATCH_FORWARD, "DBCN write_byte is forwarded");
	/* The TSM starts, stops and suspends harts itself (hart.c). */
	CHECK_EQ(call(DISPATCH_FROM_HOST, SBI_EXT_HSM, SBI_EXT_HSM_HART_START,
		      1, HOST_ADDR, 0, 0, &ret), DISPATCH_HART,
		 "HSM hart_start: the TSM's");
	CHECK_EQ(call(DISPATCH_FROM_HOST, SBI_EXT_HSM, SBI_EXT_HSM_HART_STOP,
		      0, 0, 0, 0, &ret), DISPATCH_HART, "HSM hart_stop: the TSM's");
	CHECK_EQ(call(DISPATCH_FROM_HOST, SBI_EXT_HSM, SBI_EXT_HSM_HART_SUSPEND,
		      0x80000000, HOST_ADDR, 0, 0, &ret), DISPATCH_HART,
		 "HSM hart_suspend: the TSM's");
	CHECK_EQ(call(DISPATCH_FROM_HOST, SBI_EXT_TIME, SBI_EXT_TIME_SET_TIMER,
		      1000, 0, 0, 0, &ret), DISPATCH_HART,
		 "TIME set_timer: the TSM's (VSTIP through hvip)");
	CHECK_EQ(call(DISPATCH_FROM_HOST, SBI_EXT_IPI, SBI_EXT_IPI_SEND_IPI,
		      1, 0, 0, 0, &ret), DISPATCH_HART,
		 "IPI send_ipi: the TSM's (VSSIP through hvip)");
	CHECK_EQ(call(DISPATCH_FROM_HOST, SBI_EXT_RFENCE,
		      SBI_EXT_RFENCE_REMOTE_SFENCE_VMA, 1, 0, 0, 0, &ret),
		 DISPATCH_HART, "RFENCE remote_sfence_vma: the TSM's (hfence.vvma)");
	CHECK_EQ(call(DISPATCH_FROM_HOST, SBI_EXT_RFENCE,
		      SBI_EXT_RFENCE_REMOTE_SFENCE_VMA_ASID, 1, 0, 0, 0, &ret),
		 DISPATCH_HART, "RFENCE remote_sfence_vma_asid: the TSM's");
	CHECK_EQ(call(DISPATCH_FROM_HOST, SBI_EXT_RFENCE,
		      SBI_EXT_RFENCE_REMOTE_FENCE_I, 1, 0, 0, 0, &ret),
		 DISPATCH_FORWARD, "RFENCE remote_fence_i: forwarded");
	CHECK_EQ(call(DISPATCH_FROM_HOST, SBI_EXT_HSM,
		      SBI_EXT_HSM_HART_GET_STATUS, 0, 0, 0, 0, &ret),
		 DISPATCH_FORWARD, "HSM hart_get_status is forwarded");
	CHECK_EQ(host_error(SBI_EXT_PMU, 0, 0, 0, 0, 0), SBI_ERR_NOT_SUPPORTED,
		 "an extension the spec does not forward: NOT_SUPPORTED");
	CHECK_EQ(host_error(0x0A000000, 0, 0, 0, 0, 0), SBI_ERR_NOT_SUPPORTED,
		 "an unknown EID: NOT_SUPPORTED");
}

/*
 * Every rule of spec/sbi.yaml's forwarding, from the generated tables:
 * undefined FIDs of a forwarded extension never reach OpenSBI, refused
 * extensions probe 0 and answer NOT_SUPPORTED.
 */
static void test_forwarding_spec(void)
{
	static const unsigned long fids[] = {
		0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 63, 64, 65, 0x10000,
		~0UL,
	};
	struct sbiret ret;

	for (unsigned int i = 0; i < ARRAY_SIZE(sbi_forwarded_extensions); i++) {
		const struct sbi_forwarded_extension *f =
			&sbi_forwarded_extensions[i];
		unsigned int undefined = 0, wrong = 0;

		CHECK_EQ(call(DISPATCH_FROM_HOST, SBI_EXT_BASE,
			      SBI_EXT_BASE_PROBE_EXTENSION, f->eid, 0, 0, 0,
			      &ret), DISPATCH_FORWARD,
			 "probe of forwarded %#lx: OpenSBI answers", f->eid);
		for (unsigned int j = 0; j < ARRAY_SIZE(fids); j++) {
			if (fids[j] < 64 && (f->fids >> fids[j] & 1))
				continue;
			undefined++;
			ret = sbiret_value(0x5a);
			if (call(DISPATCH_FROM_HOST, f->eid, fids[j], 0, 0, 0,
				 0, &ret) != DISPATCH_ANSWERED ||
			    ret.error != SBI_ERR_NOT_SUPPORTED) {
				printf("# eid %#lx fid %#lx reached OpenSBI or "
				       "answered %ld\n", f->eid, fids[j],
				       ret.error);
				wrong++;
			}
		}
		CHECK(undefined > 0 && wrong == 0,
		      "eid %#lx: %u undefined FIDs NOT_SUPPORTED, not forwarded",
		      f->eid, undefined);
	}
	CHECK_EQ(host_error(SBI_EXT_HSM, 4, 0, 0, 0, 0), SBI_ERR_NOT_SUPPORTED,
		 "HSM FID 4 (undefined): NOT_SUPPORTED, not DENIED");
	CHECK_EQ(host_error(SBI_EXT_SRST, 1, 0, 0, 0, 0), SBI_ERR_NOT_SUPPORTED,
		 "SRST FID 1 (undefined): NOT_SUPPORTED");

	CHECK(ARRAY_SIZE(sbi_refused_extensions) >= 8,
	      "the spec refuses PMU, SUSP, CPPC, STA, SSE, FWFT, DBTR, MPXY");
	for (unsigned int i = 0; i < ARRAY_SIZE(sbi_refused_extensions); i++) {
		unsigned long eid = sbi_refused_extensions[i].eid;
		const char *name = sbi_refused_extensions[i].name;
		bool all = true;

		ret = sbiret_value(0x5a);
		CHECK(call(DISPATCH_FROM_HOST, SBI_EXT_BASE,
			   SBI_EXT_BASE_PROBE_EXTENSION, eid, 0, 0, 0,
			   &ret) == DISPATCH_ANSWERED &&
		      ret.error == 0 && ret.value == 0,
		      "probe of refused %s: 0", name);
		for (unsigned long fid = 0; fid < 12; fid++)
			all &= host_error(eid, fid, 0, 0, 0, 0) ==
			       SBI_ERR_NOT_SUPPORTED;
		CHECK(all, "every call of refused %s: NOT_SUPPORTED", name);
	}
}

static void test_names(void)
{
	char buf[48];

	CHECK_STR(dispatch_call_name(SBI_EXT_COVH, 0, buf, sizeof(buf)),
		  "COVH.tsm_get_info", "trace name of a CoVE call");
	CHECK_STR(dispatch_call_name(SBI_EXT_TIME, 0, buf, sizeof(buf)),
		  "eid 0x54494d45 fid 0", "trace name of a forwarded call");
}

int main(int argc, char **argv)
{
	unit_init(argc, argv);
	tsm.host_mem.ranges[0].base = HOST_ADDR;
	tsm.host_mem.ranges[0].size = sizeof(host_ram);
	tsm.host_mem.nr_ranges = 1;
	pages_init(&tsm.pages, &tsm.host_mem, page_array, 64);

	test_tsm_get_info();
	test_table();
	test_callers();
	test_probes();
	test_forwarding();
	test_forwarding_spec();
	test_names();
	return unit_done();
}
