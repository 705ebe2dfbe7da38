// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Host isolation, proven from the host's side: a converted page faults
 * when the host touches it, cannot be named in a call, comes back zeroed;
 * a TVM's pages stay out of reach while it lives and read as zeros after
 * destroy and reclaim.
 */

#include "ktap.h"
#include "payload.h"
#include "sbi_cove_types.h"

#define AREA		0x81000000UL	/* host memory, away from the payload */
#define PAGE(n)		(AREA + (n) * PAGE_SIZE)

static struct sbi_tvm_create_params params;
static uint8_t measured_src[PAGE_SIZE] __attribute__((aligned(4096)));

static void converted_page_faults(void)
{
	payload_write64(PAGE(0), 0x5eC2e7);
	ktap_sbi_err(sbi_covh_convert_pages(PAGE(0), 1).error, 0, "COVH.convert_pages",
		     "convert a page");

	payload_expect_traps(true);
	(void)payload_read64(PAGE(0));
	ktap_ok(payload_last_trap.count == 1 &&
		payload_last_trap.cause == CAUSE_LOAD_ACCESS &&
		payload_last_trap.tval == PAGE(0),
		"reading it: load access fault at its address");
	payload_write64(PAGE(0) + 8, 1);
	ktap_ok(payload_last_trap.count == 2 &&
		payload_last_trap.cause == CAUSE_STORE_ACCESS &&
		payload_last_trap.tval == PAGE(0) + 8,
		"writing it: store access fault at its address");
	payload_expect_traps(false);

	ktap_ok(payload_fence_this_hart(), "initiate_fence and local_fence complete the conversion");
	ktap_sbi_err(sbi_covh_tsm_get_info(PAGE(0), sizeof(struct sbi_tsm_info)).error,
		     SBI_ERR_INVALID_ADDRESS, "COVH.tsm_get_info",
		     "a confidential page as a call's buffer: INVALID_ADDRESS");
	ktap_eq(sbi_dbcn_console_write(8, PAGE(0), 0).error, SBI_ERR_INVALID_PARAM,
		"nor can OpenSBI be asked to print it: INVALID_PARAM");
	ktap_sbi_err(sbi_covh_reclaim_pages(PAGE(0), 1).error, 0, "COVH.reclaim_pages",
		     "reclaim it");
	ktap_ok(payload_all_zero(PAGE(0), PAGE_SIZE), "it reads back as zeros, without a fault");
}

static void tvm_pages_stay_confidential(void)
{
	struct sbiret ret;
	long id;

	/* 4 pages of page directory, then state, page tables, memory, vCPU. */
	ktap_ok(sbi_covh_convert_pages(PAGE(16), 16).error == 0 && payload_fence_this_hart(),
		"convert and fence 16 pages for a TVM");
	params.tvm_page_directory_addr = PAGE(16);
	params.tvm_state_addr = PAGE(20);
	ret = sbi_covh_create_tvm((unsigned long)&params, sizeof(params));
	id = ret.value;
	ktap_ok(ret.error == 0 && id > 0, "create_tvm: TVM %ld", id);
	for (unsigned long i = 0; i < PAGE_SIZE; i++)
		measured_src[i] = (uint8_t)(i * 7 + 3);
	ret = sbi_covh_add_tvm_memory_region(id, 0x80000000UL, 16 * PAGE_SIZE);
	ret.error |= sbi_covh_add_tvm_page_table_pages(id, PAGE(22), 2).error;
	ret.error |= sbi_covh_add_tvm_measured_pages(id, (unsigned long)measured_src,
						      PAGE(24), SBI_PAGE_TYPE_PAGE_4K, 1,
						      0x80000000UL).error;
	ret.error |= sbi_covh_create_tvm_vcpu(id, 0, PAGE(25)).error;
	ret.error |= sbi_covh_finalize_tvm(id, 0x80000000UL, 0, 0).error;
	ktap_eq(ret.error, 0, "region, page tables, a measured page, a vCPU, finalize");

	payload_expect_traps(true);
	(void)payload_read64(PAGE(24));
	ktap_ok(payload_last_trap.count == 1 && payload_last_trap.cause == CAUSE_LOAD_ACCESS,
		"the TVM's memory faults when the host reads it");
	payload_expect_traps(false);
	ktap_sbi_err(sbi_covh_reclaim_pages(PAGE(24), 1).error, SBI_ERR_INVALID_PARAM,
		     "COVH.reclaim_pages",
		     "the TVM's memory cannot be reclaimed while it lives");
	ktap_sbi_err(sbi_covh_reclaim_pages(PAGE(16), 4).error, SBI_ERR_INVALID_PARAM,
		     "COVH.reclaim_pages",
		     "nor can its page directory");
	ktap_sbi_err(sbi_covh_destroy_tvm(id).error, 0, "COVH.destroy_tvm", "destroy the TVM");
	ktap_sbi_err(sbi_covh_reclaim_pages(PAGE(16), 16).error, 0, "COVH.reclaim_pages",
		     "then all 16 pages can be reclaimed");
	ktap_ok(payload_all_zero(PAGE(16), 16 * PAGE_SIZE),
		"and read back as zeros, the measured copy of the host's data included");
}

static void host_tables_run_out(void)
{
	unsigned long converted = 0;
	struct sbiret ret = { 0 };

	/* Each 2 MiB of host memory converted from costs a page table. */
	while (converted < 128) {
		ret = sbi_covh_convert_pages(0x82000000UL + converted * 0x200000UL, 1);
		if (ret.error)
			break;
		converted++;
	}
	ktap_diag("converted one page in each of %lu 2 MiB regions", converted);
	ktap_sbi_err(ret.error, SBI_ERR_FAILED, "COVH.convert_pages",
		     "when the host's G-stage pool is empty: FAILED, nothing taken");
	ret = sbi_covh_reclaim_pages(0x82000000UL + converted * 0x200000UL, 1);
	ktap_sbi_err(ret.error, SBI_ERR_INVALID_PARAM, "COVH.reclaim_pages",
		     "the refused page is still the host's: INVALID_PARAM");
	payload_expect_traps(true);
	(void)payload_read64(0x82000000UL + converted * 0x200000UL);
	ktap_eq(payload_last_trap.count, 0, "and still readable without a fault");
	payload_expect_traps(false);
}

int payload_main(unsigned long hartid, unsigned long fdt)
{
	ktap_start(20);
	converted_page_faults();
	tvm_pages_stay_confidential();
	host_tables_run_out();
	return ktap_finish();
}
