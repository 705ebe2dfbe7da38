// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * COVH memory conversion: convert_pages takes pages from the host's
 * G-stage; they become CONFIDENTIAL only once a fence started after the
 * conversion has run on every hart (fence.c: no stale translation can
 * remain); reclaim_pages zeroes them before the host sees them again and
 * merges the host's tables back into large leaves where it can.
 */

#include "cove_handlers.h"
#include "host_memory_attributes.h"
#include "tsm/arch.h"
#include "tsm/sbiret.h"
#include "covekit/string.h"
#include "internal.h"

#define HOST_PAGE_PROT	GSTAGE_RWX

struct sbiret covh_convert_pages(struct tsm *tsm, unsigned long base_page_addr,
				 unsigned long num_pages)
{
	uint64_t size = num_pages * PAGE_SIZE;
	long err = pages_check(&tsm->pages, base_page_addr, num_pages,
			       PAGE_STATE_BIT(TSM_PAGE_HOST), SBI_ERR_INVALID_PARAM);

	if (err)
		return sbiret_error(err);
	/* All or nothing: the unmap below must not run out of tables. */
	if (gstage_unmap_tables(&tsm->host_gstage, base_page_addr, size) >
	    gstage_free_tables(&tsm->host_gstage))
		return sbiret_error(SBI_ERR_FAILED);
	for (unsigned long i = 0; i < num_pages; i++) {
		uint64_t addr = base_page_addr + i * PAGE_SIZE;
		struct page_info *p = pages_lookup(&tsm->pages, addr);

		gstage_unmap(&tsm->host_gstage, addr, PAGE_SIZE);
		fence_add_converting(&tsm->fence, p,
				     (unsigned long)(p - tsm->pages.pages));
		page_set_state(p, TSM_PAGE_CONVERTING, SBI_EXT_COVH,
			       SBI_EXT_COVH_CONVERT_PAGES);
	}
	arch_hfence_gvma();
	return sbiret_value(0);
}

struct sbiret covh_reclaim_pages(struct tsm *tsm, unsigned long base_page_addr,
				 unsigned long num_pages)
{
	long err = pages_check(&tsm->pages, base_page_addr, num_pages,
			       PAGE_STATE_BIT(TSM_PAGE_CONVERTING) |
			       PAGE_STATE_BIT(TSM_PAGE_CONFIDENTIAL),
			       SBI_ERR_INVALID_PARAM);
	int merged = 0;

	if (err)
		return sbiret_error(err);
	for (unsigned long i = 0; i < num_pages; i++) {
		uint64_t addr = base_page_addr + i * PAGE_SIZE;

		/* Nothing confidential may leak back to the host. */
		memset((void *)(uintptr_t)addr, 0, PAGE_SIZE);
		/* Its 4 KiB table survived the unmap: no allocation, no failure. */
		gstage_map_attr(&tsm->host_gstage, addr, addr, PAGE_SIZE,
				HOST_PAGE_PROT,
				host_mapping_pbmt[HOST_MAPPING_RAM]);
		page_set_state(pages_lookup(&tsm->pages, addr), TSM_PAGE_HOST,
			       SBI_EXT_COVH,
			       SBI_EXT_COVH_RECLAIM_PAGES);
		/*
		 * Once a 2 MiB range has all its pages back, its table goes
		 * back to the pool (else every split would use a table up
		 * for good).  Try at the last page of each range only: a
		 * range with a page still out cannot merge.
		 */
		if (i + 1 == num_pages || !((addr + PAGE_SIZE) & (SZ_2M - 1)))
			merged += gstage_merge(&tsm->host_gstage, addr);
	}
	/*
	 * Translations did not change, but no hart may keep walking a freed
	 * table once it is reused.  This hart fences now; another hart's
	 * stale walk can only reach what the reused table maps, host pages
	 * or pages still CONVERTING, which no TVM gets before the next
	 * global fence has run on every hart.
	 */
	if (merged)
		arch_hfence_gvma();
	return sbiret_value(0);
}
