// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Host unit tests of the page tracker, conversion, fences and the TVM
 * lifecycle, through dispatch_sbi_call() as the host would call them:
 * directed tests of every outcome, then random call sequences with the
 * isolation invariants checked after every call.
 *
 * The TSM uses physical addresses directly, and Sv39x4 GPAs have 41 bits,
 * so the simulated RAM is mapped at 0x80000000 as on QEMU virt.
 */

#include <sys/mman.h>

#include "autoconf.h"
#include "sbi_cove_types.h"
#include "tsm/dispatch.h"
#include "tsm/tsm.h"
#include "unit.h"

#define RAM_BASE	0x80000000UL
#define RAM_PAGES	1024UL		/* 4 MiB */
#define PAGE(n)		(RAM_BASE + (n) * PAGE_SIZE)

static struct tsm tsm;
static struct page_info page_array[RAM_PAGES];
static uint64_t host_root[2048] __attribute__((aligned(16384)));
static uint64_t host_tables[16][512] __attribute__((aligned(4096)));
static uint64_t *host_table_list[16];

/* Fresh TSM state: all RAM the host's, mapped with 2 MiB leaves. */
static void reset(void)
{
	memset(&tsm, 0, sizeof(tsm));
	memset((void *)RAM_BASE, 0, RAM_PAGES * PAGE_SIZE);
	memset(host_root, 0, sizeof(host_root));
	tsm.host_mem.ranges[0] = (struct mem_range){ RAM_BASE, RAM_PAGES * PAGE_SIZE };
	tsm.host_mem.nr_ranges = 1;
	for (unsigned int i = 0; i < 16; i++)
		host_table_list[i] = host_tables[i];
	tsm.host_gstage = (struct gstage_pool){ .root = host_root,
						.pages = host_table_list,
						.nr_pages = 16 };
	gstage_map(&tsm.host_gstage, RAM_BASE, RAM_BASE, RAM_PAGES * PAGE_SIZE, GSTAGE_RWX);
	pages_init(&tsm.pages, &tsm.host_mem, page_array, RAM_PAGES);
	tsm.fence.online = 1;
	tsm.fence.first = ~0UL;	/* no CONVERTING page yet */
}

static struct sbiret covh(unsigned long fid, unsigned long a0, unsigned long a1,
			  unsigned long a2, unsigned long a3, unsigned long a4,
			  unsigned long a5)
{
	const unsigned long args[6] = { a0, a1, a2, a3, a4, a5 };
	struct sbiret ret = { -1000, 0 };

	dispatch_sbi_call(&tsm, DISPATCH_FROM_HOST, SBI_EXT_COVH, fid, args,
			  &ret);
	return ret;
}

#define CONVERT(b, n)		covh(SBI_EXT_COVH_CONVERT_PAGES, b, n, 0, 0, 0, 0)
#define RECLAIM(b, n)		covh(SBI_EXT_COVH_RECLAIM_PAGES, b, n, 0, 0, 0, 0)
#define INITIATE()		covh(SBI_EXT_COVH_INITIATE_FENCE, 0, 0, 0, 0, 0, 0)
#define LOCAL()			covh(SBI_EXT_COVH_LOCAL_FENCE, 0, 0, 0, 0, 0, 0)

static bool host_mapped(uint64_t addr)
{
	uint64_t hpa;
	unsigned int prot;

	return gstage_lookup(&tsm.host_gstage, addr, &hpa, &prot) == 0;
}

static unsigned int state(uint64_t addr)
{
	return pages_lookup(&tsm.pages, addr)->state;
}

/* Convert and fence n pages at base: they end CONFIDENTIAL. */
static void make_confidential(uint64_t base, unsigned long n)
{
	CONVERT(base, n);
	INITIATE();
	LOCAL();
}

static void test_convert_fence_reclaim(void)
{
	reset();
	memset((void *)PAGE(10), 0x5a, PAGE_SIZE);
	CHECK_SBI_ERR(CONVERT(PAGE(10), 2).error, SBI_ERR_SUCCESS, "COVH.convert_pages",
		      "convert two pages");
	CHECK(!host_mapped(PAGE(10)) && !host_mapped(PAGE(11)) && host_mapped(PAGE(12)),
	      "they leave the host's G-stage, their neighbour stays");
	CHECK_EQ(state(PAGE(10)), TSM_PAGE_CONVERTING, "and are CONVERTING");
	CHECK_SBI_ERR(CONVERT(PAGE(11), 1).error, SBI_ERR_INVALID_PARAM,
		      "COVH.convert_pages", "converting a converting page: INVALID_PARAM");
	CHECK_SBI_ERR(CONVERT(PAGE(RAM_PAGES), 1).error, SBI_ERR_INVALID_ADDRESS,
		      "COVH.convert_pages", "a page outside host memory: INVALID_ADDRESS");
	CHECK_SBI_ERR(CONVERT(PAGE(RAM_PAGES - 1), 2).error, SBI_ERR_INVALID_ADDRESS,
		      "COVH.convert_pages", "a span running off the end: INVALID_ADDRESS");
	CHECK_SBI_ERR(LOCAL().error, SBI_ERR_FAILED, "COVH.local_fence",
		      "local_fence with no fence started: FAILED");
	CHECK_SBI_ERR(INITIATE().error, SBI_ERR_SUCCESS, "COVH.initiate_fence",
		      "initiate_fence");
	CHECK_SBI_ERR(INITIATE().error, SBI_ERR_ALREADY_STARTED, "COVH.initiate_fence",
		      "a second one before the local fences: ALREADY_STARTED");
	/* A page converted after the fence started must wait for the next. */
	CONVERT(PAGE(20), 1);
	CHECK_SBI_ERR(LOCAL().error, SBI_ERR_SUCCESS, "COVH.local_fence",
		      "local_fence completes it");
	CHECK_EQ(state(PAGE(10)), TSM_PAGE_CONFIDENTIAL, "pages converted before it: CONFIDENTIAL");
	CHECK_EQ(state(PAGE(20)), TSM_PAGE_CONVERTING, "a page converted during it: still CONVERTING");
	make_confidential(PAGE(30), 0 + 1);
	CHECK_EQ(state(PAGE(20)), TSM_PAGE_CONFIDENTIAL, "the next fence covers it");

	memset((void *)PAGE(10), 0xa5, PAGE_SIZE);	/* the TSM's data, say */
	CHECK_SBI_ERR(RECLAIM(PAGE(10), 2).error, SBI_ERR_SUCCESS, "COVH.reclaim_pages",
		      "reclaim them");
	CHECK(host_mapped(PAGE(10)) && state(PAGE(10)) == TSM_PAGE_HOST, "back to the host");
	const uint8_t *p = (const uint8_t *)PAGE(10);
	unsigned long nonzero = 0;

	for (unsigned long i = 0; i < 2 * PAGE_SIZE; i++)
		nonzero += p[i] != 0;
	CHECK_EQ(nonzero, 0, "and zeroed");
	CHECK_SBI_ERR(RECLAIM(PAGE(12), 1).error, SBI_ERR_INVALID_PARAM,
		      "COVH.reclaim_pages", "reclaiming a host page: INVALID_PARAM");
	CHECK_SBI_ERR(RECLAIM(PAGE(RAM_PAGES + 4), 1).error, SBI_ERR_INVALID_ADDRESS,
		      "COVH.reclaim_pages", "reclaiming outside host memory: INVALID_ADDRESS");
	CHECK_SBI_ERR(RECLAIM(PAGE(20), 1).error, SBI_ERR_SUCCESS, "COVH.reclaim_pages",
		      "reclaim one more");
	CHECK_SBI_ERR(CONVERT(PAGE(40), 1).error, SBI_ERR_SUCCESS, "COVH.convert_pages",
		      "convert");
	CHECK_SBI_ERR(RECLAIM(PAGE(40), 1).error, SBI_ERR_SUCCESS, "COVH.reclaim_pages",
		      "a CONVERTING page can be reclaimed before any fence");
}

static void test_convert_out_of_tables(void)
{
	reset();
	/* The host pool has 16 tables; 1 holds the 2 MiB leaves. Splitting
	 * both 2 MiB leaves takes 2 more; take the rest away first. */
	tsm.host_gstage.used = tsm.host_gstage.nr_pages - 1;
	CHECK_SBI_ERR(CONVERT(PAGE(0), 1).error, SBI_ERR_SUCCESS, "COVH.convert_pages",
		      "the last free table splits the first 2 MiB");
	CHECK_SBI_ERR(CONVERT(PAGE(511), 2).error, SBI_ERR_FAILED, "COVH.convert_pages",
		      "a span needing one more split, with none left: FAILED");
	CHECK(host_mapped(PAGE(511)) && state(PAGE(511)) == TSM_PAGE_HOST,
	      "and nothing of it was taken");
}

/* A TVM with its page directory at PAGE(dir) and state at PAGE(dir + 4). */
static long create_tvm(unsigned long dir, struct sbi_tvm_create_params *params)
{
	params->tvm_page_directory_addr = PAGE(dir);
	params->tvm_state_addr = PAGE(dir + 4);
	memcpy((void *)PAGE(1000), params, sizeof(*params));
	struct sbiret r = covh(SBI_EXT_COVH_CREATE_TVM, PAGE(1000), sizeof(*params),
			       0, 0, 0, 0);

	return r.error ? r.error : r.value;
}

static void test_tvm_lifecycle(void)
{
	struct sbi_tvm_create_params params;
	const unsigned long state_pages = CONFIG_TSM_TVM_STATE_PAGES;
	long id;

	reset();
	make_confidential(PAGE(64), 128);
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_CREATE_TVM, PAGE(RAM_PAGES), 16, 0, 0, 0, 0).error,
		      SBI_ERR_INVALID_ADDRESS, "COVH.create_tvm",
		      "parameters outside host memory: INVALID_ADDRESS");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_CREATE_TVM, PAGE(64), 16, 0, 0, 0, 0).error,
		      SBI_ERR_INVALID_ADDRESS, "COVH.create_tvm",
		      "parameters in confidential memory: INVALID_ADDRESS");
	CHECK_SBI_ERR(create_tvm(65, &params), SBI_ERR_INVALID_ADDRESS, "COVH.create_tvm",
		      "page directory not 16 KiB aligned: INVALID_ADDRESS");
	CHECK_SBI_ERR(create_tvm(8, &params), SBI_ERR_INVALID_PARAM, "COVH.create_tvm",
		      "page directory in host pages: INVALID_PARAM");
	id = create_tvm(64, &params);
	CHECK_EQ(id, 1, "create_tvm returns TVM id 1");
	CHECK_EQ(state(PAGE(64)), TSM_PAGE_TVM_METADATA, "its page directory is TVM_METADATA");
	CHECK_EQ(state(PAGE(68)), TSM_PAGE_TVM_METADATA, "so are its state pages");

	/* Regions */
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_MEMORY_REGION, id, 0x80000000, 0x10000, 0, 0, 0).error,
		      SBI_ERR_SUCCESS, "COVH.add_tvm_memory_region", "add a region");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_MEMORY_REGION, id, 0x80008000, 0x10000, 0, 0, 0).error,
		      SBI_ERR_INVALID_PARAM, "COVH.add_tvm_memory_region",
		      "an overlapping region: INVALID_PARAM");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_MEMORY_REGION, id, (1UL << 41) - PAGE_SIZE, 2 * PAGE_SIZE, 0, 0, 0).error,
		      SBI_ERR_INVALID_ADDRESS, "COVH.add_tvm_memory_region",
		      "a region past the 41-bit GPA space: INVALID_ADDRESS");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_MEMORY_REGION, 9, 0x90000000, PAGE_SIZE, 0, 0, 0).error,
		      SBI_ERR_INVALID_PARAM, "COVH.add_tvm_memory_region",
		      "an unknown TVM: INVALID_PARAM");
	unsigned int added = 1;

	while (covh(SBI_EXT_COVH_ADD_TVM_MEMORY_REGION, id, 0x100000000UL + added * 0x100000,
		    PAGE_SIZE, 0, 0, 0).error == 0)
		added++;
	CHECK_EQ(added, CONFIG_TSM_TVM_MAX_REGIONS, "regions up to the Kconfig limit");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_MEMORY_REGION, id, 0x200000000UL, PAGE_SIZE, 0, 0, 0).error,
		      SBI_ERR_FAILED, "COVH.add_tvm_memory_region", "one more: FAILED");

	/* Page-table pages, measured pages */
	memset((void *)PAGE(900), 0x42, 2 * PAGE_SIZE);
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES, id, PAGE(900), PAGE(80),
			   SBI_PAGE_TYPE_PAGE_4K, 2, 0x80000000).error,
		      SBI_ERR_FAILED, "COVH.add_tvm_measured_pages",
		      "no page-table pages donated yet: FAILED");
	CHECK_EQ(state(PAGE(80)), TSM_PAGE_CONFIDENTIAL, "and nothing was taken");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES, id, PAGE(8), 2, 0, 0, 0).error,
		      SBI_ERR_INVALID_PARAM, "COVH.add_tvm_page_table_pages",
		      "host pages as page tables: INVALID_PARAM");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES, id, PAGE(RAM_PAGES), 2, 0, 0, 0).error,
		      SBI_ERR_INVALID_ADDRESS, "COVH.add_tvm_page_table_pages",
		      "pages outside host memory: INVALID_ADDRESS");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES, 3, PAGE(72), 2, 0, 0, 0).error,
		      SBI_ERR_INVALID_PARAM, "COVH.add_tvm_page_table_pages",
		      "an unknown TVM: INVALID_PARAM");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES, id, PAGE(72), 2, 0, 0, 0).error,
		      SBI_ERR_SUCCESS, "COVH.add_tvm_page_table_pages", "donate two");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES, id, PAGE(74),
			   CONFIG_TSM_TVM_MAX_PT_PAGES - 1, 0, 0, 0).error,
		      SBI_ERR_FAILED, "COVH.add_tvm_page_table_pages",
		      "past the Kconfig limit: FAILED");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES, id, PAGE(900), PAGE(80),
			   SBI_PAGE_TYPE_PAGE_4K, 2, 0x80000000).error,
		      SBI_ERR_SUCCESS, "COVH.add_tvm_measured_pages", "add two measured pages");
	CHECK_EQ(state(PAGE(80)), TSM_PAGE_TVM_MEMORY, "they are TVM_MEMORY");
	CHECK_EQ(*(const uint8_t *)PAGE(81), 0x42, "holding the host's data");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES, id, PAGE(900), PAGE(82),
			   SBI_PAGE_TYPE_PAGE_4K, 1, 0x80001000).error,
		      SBI_ERR_INVALID_PARAM, "COVH.add_tvm_measured_pages",
		      "a GPA already mapped: INVALID_PARAM");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES, id, PAGE(900), PAGE(82),
			   SBI_PAGE_TYPE_PAGE_4K, 1, 0x90000000).error,
		      SBI_ERR_INVALID_ADDRESS, "COVH.add_tvm_measured_pages",
		      "a GPA outside every region: INVALID_ADDRESS");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES, id, PAGE(80), PAGE(82),
			   SBI_PAGE_TYPE_PAGE_4K, 1, 0x80002000).error,
		      SBI_ERR_INVALID_ADDRESS, "COVH.add_tvm_measured_pages",
		      "a source in confidential memory: INVALID_ADDRESS");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES, id, PAGE(900), PAGE(82),
			   SBI_PAGE_TYPE_PAGE_2MB, 1, 0x80002000).error,
		      SBI_ERR_INVALID_PARAM, "COVH.add_tvm_measured_pages",
		      "2 MiB pages (not supported): INVALID_PARAM");

	/* vCPUs, finalize */
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_FINALIZE_TVM, id, 0x80000000, 0, 0, 0, 0).error,
		      SBI_ERR_FAILED, "COVH.finalize_tvm", "finalize with no vCPU: FAILED");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_CREATE_TVM_VCPU, id, CONFIG_TSM_MAX_VCPUS, PAGE(90), 0, 0, 0).error,
		      SBI_ERR_INVALID_PARAM, "COVH.create_tvm_vcpu", "vCPU id past the limit: INVALID_PARAM");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_CREATE_TVM_VCPU, id, 0, PAGE(RAM_PAGES), 0, 0, 0).error,
		      SBI_ERR_INVALID_ADDRESS, "COVH.create_tvm_vcpu",
		      "state page outside host memory: INVALID_ADDRESS");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_CREATE_TVM_VCPU, id, 0, PAGE(90), 0, 0, 0).error,
		      SBI_ERR_SUCCESS, "COVH.create_tvm_vcpu", "create vCPU 0");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_CREATE_TVM_VCPU, id, 0, PAGE(91), 0, 0, 0).error,
		      SBI_ERR_INVALID_PARAM, "COVH.create_tvm_vcpu", "vCPU 0 again: INVALID_PARAM");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_ZERO_PAGES, id, PAGE(92), SBI_PAGE_TYPE_PAGE_4K, 1,
			   0x80004000, 0).error,
		      SBI_ERR_INVALID_PARAM, "COVH.add_tvm_zero_pages",
		      "zero pages before finalize: INVALID_PARAM");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_FINALIZE_TVM, id, 0x80000000, 0, PAGE(RAM_PAGES), 0, 0).error,
		      SBI_ERR_INVALID_PARAM, "COVH.finalize_tvm",
		      "identity buffer outside host memory: INVALID_PARAM");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_FINALIZE_TVM, id, 0x80000000, 0x82200000, PAGE(900), 0, 0).error,
		      SBI_ERR_SUCCESS, "COVH.finalize_tvm", "finalize");
	CHECK_EQ(tsm.tvms[0].state, SBI_TVM_STATE_RUNNABLE, "the TVM is RUNNABLE");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_FINALIZE_TVM, id, 0x80000000, 0, 0, 0, 0).error,
		      SBI_ERR_INVALID_PARAM, "COVH.finalize_tvm", "finalize twice: INVALID_PARAM");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES, id, PAGE(900), PAGE(82),
			   SBI_PAGE_TYPE_PAGE_4K, 1, 0x80002000).error,
		      SBI_ERR_INVALID_PARAM, "COVH.add_tvm_measured_pages",
		      "measured pages after finalize: INVALID_PARAM");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_CREATE_TVM_VCPU, id, 1, PAGE(91), 0, 0, 0).error,
		      SBI_ERR_INVALID_PARAM, "COVH.create_tvm_vcpu", "vCPUs after finalize: INVALID_PARAM");
	memset((void *)PAGE(92), 0x77, PAGE_SIZE);
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_ZERO_PAGES, id, PAGE(92), SBI_PAGE_TYPE_PAGE_4K, 1,
			   0x80004000, 0).error,
		      SBI_ERR_SUCCESS, "COVH.add_tvm_zero_pages", "zero pages after finalize");
	CHECK_EQ(*(const uint8_t *)PAGE(92), 0, "are zeroed");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_ZERO_PAGES, id, PAGE(93), SBI_PAGE_TYPE_PAGE_4K, 1,
			   0x7ff00000, 0).error,
		      SBI_ERR_INVALID_ADDRESS, "COVH.add_tvm_zero_pages",
		      "a GPA outside every region: INVALID_ADDRESS");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_ZERO_PAGES, id, PAGE(93), SBI_PAGE_TYPE_PAGE_4K, 1,
			   0x80000000 + 0x10000 - PAGE_SIZE, 0).error,
		      SBI_ERR_SUCCESS, "COVH.add_tvm_zero_pages", "the region's last page");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_ADD_TVM_ZERO_PAGES, id, PAGE(94), SBI_PAGE_TYPE_PAGE_4K, 1,
			   0x100100000UL, 0).error,
		      SBI_ERR_FAILED, "COVH.add_tvm_zero_pages",
		      "a GPA needing more page tables than donated: FAILED");

	/* The TVM's pages stay out of the host's reach while it lives. */
	CHECK_SBI_ERR(RECLAIM(PAGE(80), 1).error, SBI_ERR_INVALID_PARAM, "COVH.reclaim_pages",
		      "reclaiming a TVM page while the TVM lives: INVALID_PARAM");
	CHECK_SBI_ERR(RECLAIM(PAGE(64), 4).error, SBI_ERR_INVALID_PARAM, "COVH.reclaim_pages",
		      "reclaiming its page directory: INVALID_PARAM");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_DESTROY_TVM, 7, 0, 0, 0, 0, 0).error,
		      SBI_ERR_INVALID_PARAM, "COVH.destroy_tvm", "destroying an unknown TVM: INVALID_PARAM");
	CHECK_SBI_ERR(covh(SBI_EXT_COVH_DESTROY_TVM, id, 0, 0, 0, 0, 0).error,
		      SBI_ERR_SUCCESS, "COVH.destroy_tvm", "destroy it");
	CHECK_EQ(state(PAGE(80)), TSM_PAGE_CONFIDENTIAL, "its memory is CONFIDENTIAL again");
	CHECK_EQ(state(PAGE(64 + 4 + state_pages - 1)), TSM_PAGE_CONFIDENTIAL,
		 "and so is its metadata");
	CHECK_SBI_ERR(RECLAIM(PAGE(64), 64).error, SBI_ERR_SUCCESS, "COVH.reclaim_pages",
		      "now every page can be reclaimed");
	CHECK_EQ(*(const uint8_t *)PAGE(81), 0, "and the TVM's data reads back as zero");
}

static void test_tvm_slots(void)
{
	struct sbi_tvm_create_params params;
	unsigned int made = 0;

	reset();
	make_confidential(PAGE(64), 8 * (CONFIG_TSM_MAX_TVMS + 1));
	for (unsigned int i = 0; i <= CONFIG_TSM_MAX_TVMS; i++) {
		long r = create_tvm(64 + 8 * i, &params);

		if (r > 0)
			made++;
		else
			CHECK_SBI_ERR(r, SBI_ERR_FAILED, "COVH.create_tvm",
				      "TVM %u past the Kconfig limit: FAILED", i + 1);
	}
	CHECK_EQ(made, CONFIG_TSM_MAX_TVMS, "%u TVMs fit", CONFIG_TSM_MAX_TVMS);
}

/* --- random call sequences ------------------------------------------------ */

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static unsigned long pick(unsigned long n)
{
	return next_random() % n;
}

/* Mostly page-aligned addresses in RAM, sometimes not. */
static unsigned long random_addr(void)
{
	switch (pick(16)) {
	case 0:
		return PAGE(RAM_PAGES + pick(8));
	case 1:
		return PAGE(pick(RAM_PAGES)) + 8;
	default:
		return PAGE(pick(RAM_PAGES - 8));
	}
}

static struct sbiret random_call(unsigned long *fid)
{
	static const unsigned long fids[] = {
		SBI_EXT_COVH_CONVERT_PAGES, SBI_EXT_COVH_CONVERT_PAGES,
		SBI_EXT_COVH_RECLAIM_PAGES, SBI_EXT_COVH_INITIATE_FENCE,
		SBI_EXT_COVH_LOCAL_FENCE, SBI_EXT_COVH_CREATE_TVM,
		SBI_EXT_COVH_ADD_TVM_MEMORY_REGION, SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES,
		SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES, SBI_EXT_COVH_ADD_TVM_ZERO_PAGES,
		SBI_EXT_COVH_CREATE_TVM_VCPU, SBI_EXT_COVH_FINALIZE_TVM,
		SBI_EXT_COVH_DESTROY_TVM,
	};
	unsigned long tvm = 1 + pick(CONFIG_TSM_MAX_TVMS + 1);

	*fid = fids[pick(sizeof(fids) / sizeof(fids[0]))];
	switch (*fid) {
	case SBI_EXT_COVH_CREATE_TVM: {
		struct sbi_tvm_create_params p = {
			PAGE(pick(RAM_PAGES / 4) * 4), random_addr() & ~(PAGE_SIZE - 1),
		};

		memcpy((void *)PAGE(RAM_PAGES - 1), &p, sizeof(p));
		return covh(*fid, PAGE(RAM_PAGES - 1), sizeof(p), 0, 0, 0, 0);
	}
	case SBI_EXT_COVH_ADD_TVM_MEMORY_REGION:
		return covh(*fid, tvm, 0x80000000 + pick(64) * 0x10000, PAGE_SIZE * (1 + pick(32)),
			    0, 0, 0);
	case SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES:
		return covh(*fid, tvm, random_addr(), random_addr(), pick(2), 1 + pick(2),
			    0x80000000 + pick(1024) * PAGE_SIZE);
	case SBI_EXT_COVH_ADD_TVM_ZERO_PAGES:
		return covh(*fid, tvm, random_addr(), pick(2), 1 + pick(2),
			    0x80000000 + pick(1024) * PAGE_SIZE, 0);
	case SBI_EXT_COVH_CREATE_TVM_VCPU:
		return covh(*fid, tvm, pick(CONFIG_TSM_MAX_VCPUS + 1), random_addr(), 0, 0, 0);
	case SBI_EXT_COVH_FINALIZE_TVM:
		return covh(*fid, tvm, 0x80000000, 0, pick(2) ? 0 : random_addr() & ~63UL,
			    0, 0);
	case SBI_EXT_COVH_DESTROY_TVM:
		return covh(*fid, tvm, 0, 0, 0, 0, 0);
	case SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES:
		return covh(*fid, tvm, random_addr(), 1 + pick(4), 0, 0, 0);
	default:
		return covh(*fid, random_addr(), 1 + pick(pick(8) ? 4 : 64), 0, 0, 0, 0);
	}
}

static void test_random_sequences(void)
{
	static uint8_t before[RAM_PAGES];
	unsigned long calls = 0, changes = 0, bad_map = 0, bad_move = 0, failed_moved = 0,
		      orphans = 0;

	for (unsigned int seq = 0; seq < 40; seq++) {
		reset();
		for (unsigned int step = 0; step < 400; step++, calls++) {
			unsigned long fid;
			struct sbiret ret;

			for (unsigned long i = 0; i < RAM_PAGES; i++)
				before[i] = page_array[i].state;
			ret = random_call(&fid);
			for (unsigned long i = 0; i < RAM_PAGES; i++) {
				const struct page_info *p = &page_array[i];
				bool mapped = host_mapped(PAGE(i));

				/* No page is both the host's to touch and not HOST. */
				if (mapped != (p->state == TSM_PAGE_HOST) ||
				    (mapped && tsm_page_confidential[p->state]))
					bad_map++;
				if ((p->state == TSM_PAGE_TVM_METADATA ||
				     p->state == TSM_PAGE_TVM_MEMORY) &&
				    (!p->tvm || !tsm.tvms[p->tvm - 1].in_use))
					orphans++;
				if (p->state == before[i])
					continue;
				changes++;
				if (ret.error)
					failed_moved++;
				if (!tsm_page_transition_allowed(before[i], p->state,
								 SBI_EXT_COVH, fid))
					bad_move++;
			}
		}
	}
	printf("# %lu random calls, %lu page state changes\n", calls, changes);
	CHECK(changes > 1000, "random calls changed page states (%lu times)", changes);
	CHECK_EQ(bad_map, 0, "no page is host-mapped unless HOST, none confidential and mapped");
	CHECK_EQ(bad_move, 0, "every state change is one spec/tsm.yaml allows for its call");
	CHECK_EQ(failed_moved, 0, "a call that returns an error changes no page");
	CHECK_EQ(orphans, 0, "every TVM page belongs to a live TVM");
}

int main(int argc, char **argv)
{
	void *ram = mmap((void *)RAM_BASE, RAM_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);

	unit_init(argc, argv);
	if (ram != (void *)RAM_BASE) {
		unit_skip("cannot map the simulated RAM at 0x80000000", "TVM tests");
		return unit_done();
	}
	test_convert_fence_reclaim();
	test_convert_out_of_tables();
	test_tvm_lifecycle();
	test_tvm_slots();
	test_random_sequences();
	return unit_done();
}
