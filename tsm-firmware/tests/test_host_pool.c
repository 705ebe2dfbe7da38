// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Host unit tests of the host's G-stage table pool through the COVH
 * calls, as the host makes them: converting a page splits a large leaf
 * (a table from the pool), reclaiming it must give that table back, so
 * that any number of convert/reclaim rounds over distinct 2 MiB regions
 * keeps working.  The pool is the firmware's real size
 * (CONFIG_TSM_GSTAGE_POOL_PAGES).
 *
 * The simulated RAM sits at 0x80000000 as on QEMU virt; it is reserved
 * lazily, so only the pages a test touches cost memory.
 */

#include <sys/mman.h>

#include "autoconf.h"
#include "sbi_cove_types.h"
#include "tsm/dispatch.h"
#include "tsm/tsm.h"
#include "unit.h"

#define RAM_BASE	0x80000000UL
#define RAM_MAX		0x40000000UL	/* 1 GiB: one root leaf */
#define POOL		CONFIG_TSM_GSTAGE_POOL_PAGES

static struct tsm tsm;
extern unsigned int arch_hfence_count;	/* arch_stub.c */
static struct page_info page_array[RAM_MAX / PAGE_SIZE];
static uint64_t host_root[2048] __attribute__((aligned(16384)));
static uint64_t host_tables[POOL][512] __attribute__((aligned(4096)));
static uint64_t *host_table_list[POOL];

/* Fresh TSM state: ram_size bytes of host RAM, mapped as large as can be. */
static void reset(uint64_t ram_size)
{
	memset(&tsm, 0, sizeof(tsm));
	memset(host_root, 0, sizeof(host_root));
	tsm.host_mem.ranges[0] = (struct mem_range){ RAM_BASE, ram_size };
	tsm.host_mem.nr_ranges = 1;
	for (unsigned int i = 0; i < POOL; i++)
		host_table_list[i] = host_tables[i];
	tsm.host_gstage = (struct gstage_pool){ .root = host_root,
						.pages = host_table_list,
						.nr_pages = POOL };
	gstage_map(&tsm.host_gstage, RAM_BASE, RAM_BASE, ram_size, GSTAGE_RWX);
	pages_init(&tsm.pages, &tsm.host_mem, page_array, RAM_MAX / PAGE_SIZE);
	tsm.fence.online = 1;
	tsm.fence.first = ~0UL;	/* no CONVERTING page yet */
}

static long covh(unsigned long fid, unsigned long a0, unsigned long a1)
{
	const unsigned long args[6] = { a0, a1 };
	struct sbiret ret = { -1000, 0 };

	dispatch_sbi_call(&tsm, DISPATCH_FROM_HOST, SBI_EXT_COVH, fid, args,
			  &ret);
	return ret.error;
}

/* The host can use addr: it maps RWX onto itself. */
static bool host_mapped(uint64_t addr)
{
	uint64_t hpa;
	unsigned int prot;

	return gstage_lookup(&tsm.host_gstage, addr, &hpa, &prot) == 0 &&
	       hpa == addr && prot == GSTAGE_RWX;
}

/* The walk finds exactly the pages the pool counts as taken. */
static void check_count(const char *what, const char *after, unsigned int i,
			unsigned int *miscounted)
{
	unsigned int walked = gstage_count_tables(&tsm.host_gstage);

	if (walked != tsm.host_gstage.used && !(*miscounted)++)
		CHECK_EQ(walked, tsm.host_gstage.used,
			 "%s: after %s in region %u a walk counts the pool's tables",
			 what, after, i);
}

/*
 * Convert, fence and reclaim one page in each of 4 * POOL distinct 2 MiB
 * regions; every call must succeed and the pool end where it started.
 * The page sits at a different offset in each region, so that regions
 * do not all split alike.
 */
static void churn(const char *what, uint64_t ram_size)
{
	unsigned int regions = 4 * POOL;
	unsigned int used_before, failed = 0, leaked = 0, miscounted = 0;
	unsigned int unfenced = 0;
	unsigned int fences;

	if (!CHECK(regions * SZ_2M <= ram_size, "%s: %u regions fit", what, regions))
		return;
	reset(ram_size);
	used_before = tsm.host_gstage.used;
	for (unsigned int i = 0; i < regions; i++) {
		uint64_t addr = RAM_BASE + i * SZ_2M + (i * 37 % 512) * PAGE_SIZE;
		long err;

		memset((void *)addr, 0xa5, PAGE_SIZE);
		err = covh(SBI_EXT_COVH_CONVERT_PAGES, addr, 1);
		if (err) {
			CHECK_EQ(err, SBI_ERR_SUCCESS,
				 "%s: convert_pages in region %u of %u (pool used %u of %u)",
				 what, i, regions, tsm.host_gstage.used, POOL);
			failed = 1;
			break;
		}
		check_count(what, "convert", i, &miscounted);
		if (covh(SBI_EXT_COVH_INITIATE_FENCE, 0, 0) ||
		    covh(SBI_EXT_COVH_LOCAL_FENCE, 0, 0) ||
		    pages_lookup(&tsm.pages, addr)->state != TSM_PAGE_CONFIDENTIAL) {
			CHECK(false, "%s: fence in region %u", what, i);
			failed = 1;
			break;
		}
		check_count(what, "fence", i, &miscounted);
		fences = arch_hfence_count;
		err = covh(SBI_EXT_COVH_RECLAIM_PAGES, addr, 1);
		if (err || !host_mapped(addr) || *(volatile uint8_t *)addr != 0) {
			CHECK(false, "%s: reclaim_pages in region %u: error %ld, "
			      "mapped %d, first byte %#x", what, i, err,
			      host_mapped(addr), *(volatile uint8_t *)addr);
			failed = 1;
			break;
		}
		check_count(what, "reclaim", i, &miscounted);
		if (arch_hfence_count == fences && !unfenced++)
			CHECK(false, "%s: reclaim in region %u fenced after merging",
			      what, i);
		if (tsm.host_gstage.used != used_before && !leaked++)
			CHECK_EQ(tsm.host_gstage.used, used_before,
				 "%s: after region %u the pool is back where it was",
				 what, i);
	}
	if (!failed && !leaked && !miscounted && !unfenced)
		CHECK(true, "%s: %u convert/fence/reclaim rounds in distinct 2 MiB regions",
		      what, regions);
	CHECK_EQ(tsm.host_gstage.used, used_before,
		 "%s: the pool's used count ends where it started", what);
}

int main(int argc, char **argv)
{
	void *ram = mmap((void *)RAM_BASE, RAM_MAX, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
			 MAP_FIXED_NOREPLACE, -1, 0);

	unit_init(argc, argv);
	if (ram != (void *)RAM_BASE) {
		unit_skip("cannot map the simulated RAM at 0x80000000",
			  "host pool tests");
		return unit_done();
	}
	/* Less than 1 GiB: 2 MiB leaves under one table that stays. */
	churn("512 MiB of 2 MiB leaves", 512UL << 20);
	/* 1 GiB: one root leaf, split twice and merged back twice. */
	churn("1 GiB leaf", RAM_MAX);
	return unit_done();
}
