// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The host's G-stage table pool refills: converting a page splits the
 * 2 MiB leaf that maps it (a table from the TSM's pool of
 * CONFIG_TSM_GSTAGE_POOL_PAGES), and reclaiming it must give that table
 * back.  The host converts, fences and reclaims one page in 2 MiB region
 * after 2 MiB region, 4x as many rounds as the pool has pages, going
 * through every region of its RAM more than once; every call must
 * succeed, and every page come back zeroed and writable.
 */

#include "autoconf.h"
#include "ktap.h"
#include "payload.h"
#include "sbi_cove_types.h"

/* The 256 MiB machine of tools/lib/covekit_tools/qemu.py. */
#define RAM_END		0x90000000UL
#define ROUNDS		(4 * CONFIG_TSM_GSTAGE_POOL_PAGES)

extern char __bss_end[];	/* payload.ld: the payload's image ends here */

static unsigned long first_region, nr_regions;
static unsigned long fdt_region = ~0UL;	/* a 2 MiB region to leave out */

/* The page for round i: region by region, at a new offset each pass. */
static unsigned long round_page(unsigned int i)
{
	unsigned long region = first_region + (i % nr_regions) * SZ_2M;

	if (region >= fdt_region)
		region += SZ_2M;	/* step over the FDT's 2 MiB */
	return region + (i * 37UL + i / nr_regions * 101UL) % 512 * PAGE_SIZE;
}

static void churn(void)
{
	const char *failed = NULL;
	unsigned int i;
	long err = 0;

	for (i = 0; i < ROUNDS; i++) {
		unsigned long page = round_page(i);

		payload_write64(page, 0x5eC2e7 + i);
		payload_write64(page + PAGE_SIZE - 8, ~0UL);
		err = sbi_covh_convert_pages(page, 1).error;
		if (err) {
			failed = "convert_pages";
			break;
		}
		if (!payload_fence_this_hart()) {
			failed = "initiate_fence/local_fence";
			break;
		}
		err = sbi_covh_reclaim_pages(page, 1).error;
		if (err) {
			failed = "reclaim_pages";
			break;
		}
		if (!payload_all_zero(page, PAGE_SIZE)) {
			failed = "the zero read-back";
			break;
		}
		payload_write64(page + 8, i);
		if (payload_read64(page + 8) != i) {
			failed = "the write-back";
			break;
		}
	}
	if (failed)
		ktap_diag("round %u, page %#lx: %s failed (error %ld)",
			  i, round_page(i), failed, err);
	ktap_eq(i, ROUNDS, "%u convert/fence/reclaim rounds over %lu distinct 2 MiB regions",
		ROUNDS, nr_regions);
}

/*
 * A whole 2 MiB region at once, then one page of it again: the region
 * split, merged and splits anew.
 */
static void whole_region(void)
{
	unsigned long base = round_page(0) & ~(SZ_2M - 1);

	ktap_ok(sbi_covh_convert_pages(base, 512).error == 0 && payload_fence_this_hart() &&
		sbi_covh_reclaim_pages(base, 512).error == 0,
		"convert, fence and reclaim a whole 2 MiB region in one call each");
	ktap_ok(payload_all_zero(base, SZ_2M), "it reads back as zeros");
	ktap_ok(sbi_covh_convert_pages(base + 5 * PAGE_SIZE, 1).error == 0 && payload_fence_this_hart() &&
		sbi_covh_reclaim_pages(base + 5 * PAGE_SIZE, 1).error == 0,
		"and one page of it converts and reclaims again");
}

int payload_main(unsigned long hartid, unsigned long fdt)
{
	first_region = ((unsigned long)__bss_end + SZ_2M - 1) & ~(SZ_2M - 1);
	nr_regions = (RAM_END - first_region) / SZ_2M;
	if (fdt >= first_region && fdt < RAM_END) {
		fdt_region = fdt & ~(SZ_2M - 1);
		nr_regions--;
	}
	ktap_start(4);
	ktap_diag("regions %#lx-%#lx, FDT at %#lx, pool of %d pages",
		  first_region, RAM_END, fdt, CONFIG_TSM_GSTAGE_POOL_PAGES);
	churn();
	whole_region();
	return ktap_finish();
}
