// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The generated dispatch table, end to end: unknown FIDs, calls not yet
 * implemented, argument checks that run before any handler, and calls
 * the spec reserves for guests.
 */

#include "ktap.h"
#include "payload.h"
#include "sbi_cove_types.h"

#define PAGE			0x80800000UL	/* a host page, 2 MiB aligned */
#define SBI_ABI_EXAMPLE_ADDR	PAGE
#include "sbi_abi_expect.h"

static struct sbiret call(const struct sbi_abi_expect *e)
{
	return covekit_ecall(e->eid, e->fid, e->args[0], e->args[1], e->args[2],
			     e->args[3], e->args[4], e->args[5]);
}

int payload_main(unsigned long hartid, unsigned long fdt)
{
	struct sbiret ret;

	ktap_start(10);

	ret = covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_FID_COUNT, 0, 0, 0, 0, 0, 0);
	ktap_eq(ret.error, SBI_ERR_NOT_SUPPORTED, "FID past the table: NOT_SUPPORTED");
	ret = covekit_ecall(SBI_EXT_COVH, 0xffff, 0, 0, 0, 0, 0, 0);
	ktap_eq(ret.error, SBI_ERR_NOT_SUPPORTED, "FID 0xffff: NOT_SUPPORTED");
	ret = covekit_ecall(SBI_EXT_COVH, 1UL << 26 | SBI_EXT_COVH_TSM_GET_INFO,
			    0, 0, 0, 0, 0, 0);
	ktap_eq(ret.error, SBI_ERR_NOT_SUPPORTED,
		"supervisor domain 1 in a6[31:26]: NOT_SUPPORTED");

	ret = sbi_covh_tvm_initiate_fence(1);
	ktap_eq(ret.error, SBI_ERR_NOT_SUPPORTED,
		"tvm_initiate_fence: not implemented yet");
	ret = sbi_covh_convert_pages(PAGE + 8, 1);
	ktap_eq(ret.error, SBI_ERR_INVALID_ADDRESS,
		"misaligned base_page_addr: INVALID_ADDRESS (checked first)");
	ret = sbi_covh_convert_pages(PAGE, 0);
	ktap_eq(ret.error, SBI_ERR_INVALID_PARAM, "zero num_pages: INVALID_PARAM");
	ret = sbi_covh_add_tvm_measured_pages(1, PAGE, PAGE, 7, 1, 0);
	ktap_eq(ret.error, SBI_ERR_INVALID_PARAM, "page_type 7: INVALID_PARAM");

	/* COVG is the guest's: from the host it does not exist. */
	ret = sbi_covg_add_mmio_region(0x10000000UL, 0x1000);
	ktap_eq(ret.error, SBI_ERR_NOT_SUPPORTED, "COVG from the host: NOT_SUPPORTED");

	/* With arguments that pass the spec's checks, a call reaches its
	 * handler: a pending one answers NOT_SUPPORTED, an implemented one
	 * anything else. */
	unsigned int reached = 0, host_calls = 0, refused = 0, guest_calls = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(sbi_abi_expectations); i++) {
		const struct sbi_abi_expect *e = &sbi_abi_expectations[i];

		ret = call(e);
		if (e->caller[0] == 'g') {
			guest_calls++;
			refused += ret.error == SBI_ERR_NOT_SUPPORTED;
		} else if (e->eid == SBI_EXT_COVH) {
			host_calls++;
			/* Pending: the spec's 'implemented: false'. */
			if ((ret.error == SBI_ERR_NOT_SUPPORTED) == !e->implemented)
				reached++;
			else
				ktap_diag("%s: error %ld", e->name, ret.error);
		}
	}
	ktap_eq(reached, host_calls,
		"all %u COVH calls reach their handler: pending ones NOT_SUPPORTED",
		host_calls);
	ktap_eq(refused, guest_calls, "all %u guest calls refused to the host",
		guest_calls);
	return ktap_finish();
}
