// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * COVH TVM memory: guest-physical regions, page-table pages donated for
 * the TVM's G-stage, measured pages (copied in before finalize_tvm) and
 * zero pages (faulted in after).  Each call checks everything before it
 * changes anything, so a refused call leaves no trace.
 */

#include "cove_handlers.h"
#include "sbi_cove_types.h"
#include "tsm/sbiret.h"
#include "covekit/string.h"
#include "internal.h"

struct sbiret covh_add_tvm_memory_region(struct tsm *tsm, unsigned long tvm_id,
					 unsigned long gpa, unsigned long len)
{
	struct tvm *tvm = tvm_get(tsm, tvm_id);

	if (!tvm || tvm->state != SBI_TVM_STATE_INITIALIZING || !len)
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	if (gpa + len < gpa || gpa + len > 1ULL << GSTAGE_GPA_BITS)
		return sbiret_error(SBI_ERR_INVALID_ADDRESS);
	for (unsigned int i = 0; i < tvm->nr_regions; i++)
		if (ranges_overlap(gpa, len, tvm->regions[i].gpa,
				   tvm->regions[i].size))
			return sbiret_error(SBI_ERR_INVALID_PARAM);
	if (tvm->nr_regions == CONFIG_TSM_TVM_MAX_REGIONS)
		return sbiret_error(SBI_ERR_FAILED);
	tvm->regions[tvm->nr_regions].gpa = gpa;
	tvm->regions[tvm->nr_regions].size = len;
	tvm->nr_regions++;
	measure_record(tvm, "TVM_REGN", (const uint64_t[]){ gpa, len }, 2, NULL, 0);
	return sbiret_value(0);
}

struct sbiret covh_add_tvm_page_table_pages(struct tsm *tsm,
					    unsigned long tvm_id,
					    unsigned long base_page_addr,
					    unsigned long num_pages)
{
	struct tvm *tvm = tvm_get(tsm, tvm_id);
	long err;

	if (!tvm)
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	err = pages_check(&tsm->pages, base_page_addr, num_pages,
			  CONFIDENTIAL_ONLY, SBI_ERR_INVALID_PARAM);
	if (err)
		return sbiret_error(err);
	if (num_pages > CONFIG_TSM_TVM_MAX_PT_PAGES - tvm->gstage.nr_pages)
		return sbiret_error(SBI_ERR_FAILED);
	give_pages(&tsm->pages, base_page_addr, num_pages, TSM_PAGE_TVM_METADATA,
		   tvm_id, SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES);
	for (unsigned long i = 0; i < num_pages; i++)
		tvm->pt_pages[tvm->gstage.nr_pages++] =
			(uint64_t *)(uintptr_t)(base_page_addr + i * PAGE_SIZE);
	return sbiret_value(0);
}

/* Whether [gpa, gpa + size) lies inside one of the TVM's regions. */
static bool in_region(const struct tvm *tvm, uint64_t gpa, uint64_t size)
{
	for (unsigned int i = 0; i < tvm->nr_regions; i++)
		if (gpa >= tvm->regions[i].gpa &&
		    gpa + size <= tvm->regions[i].gpa + tvm->regions[i].size)
			return true;
	return false;
}

/*
 * The checks add_tvm_measured_pages and add_tvm_zero_pages share: the
 * pages to map are confidential, the GPAs lie in a region, none is mapped
 * yet, and the TVM has the page-table pages the mappings need.
 */
static long check_add_pages(struct tsm *tsm, struct tvm *tvm,
			    unsigned long page_type, uint64_t dest,
			    unsigned long n, uint64_t gpa)
{
	uint64_t size = n * PAGE_SIZE;
	uint64_t hpa;
	unsigned int prot;
	long err;

	if (page_type != SBI_PAGE_TYPE_PAGE_4K)
		return SBI_ERR_INVALID_PARAM;	/* only 4 KiB pages so far */
	err = pages_check(&tsm->pages, dest, n, CONFIDENTIAL_ONLY,
			  SBI_ERR_INVALID_PARAM);
	if (err)
		return err;
	if (n > UINT64_MAX / PAGE_SIZE || gpa + size < gpa ||
	    !in_region(tvm, gpa, size))
		return SBI_ERR_INVALID_ADDRESS;
	for (unsigned long i = 0; i < n; i++)
		if (!gstage_lookup(&tvm->gstage, gpa + i * PAGE_SIZE, &hpa, &prot))
			return SBI_ERR_INVALID_PARAM;	/* already mapped */
	if (gstage_map_tables(&tvm->gstage, gpa, size) >
	    gstage_free_tables(&tvm->gstage))
		return SBI_ERR_FAILED;	/* donate more page-table pages */
	return SBI_ERR_SUCCESS;
}

/* Map a filled confidential page at gpa; it becomes the TVM's memory. */
static void add_tvm_page(struct tsm *tsm, struct tvm *tvm,
			 unsigned long tvm_id, uint64_t gpa, uint64_t hpa,
			 unsigned long fid)
{
	/* check_add_pages() made sure this cannot fail. */
	gstage_map(&tvm->gstage, gpa, hpa, PAGE_SIZE, GSTAGE_RWX);
	give_pages(&tsm->pages, hpa, 1, TSM_PAGE_TVM_MEMORY, tvm_id, fid);
}

struct sbiret covh_add_tvm_measured_pages(struct tsm *tsm,
					  unsigned long tvm_id,
					  unsigned long src_addr,
					  unsigned long dest_addr,
					  unsigned long page_type,
					  unsigned long num_pages,
					  unsigned long gpa)
{
	struct tvm *tvm = tvm_get(tsm, tvm_id);
	long err;

	if (!tvm || tvm->state != SBI_TVM_STATE_INITIALIZING)
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	if (num_pages > UINT64_MAX / PAGE_SIZE ||
	    !host_accessible(&tsm->host_mem, &tsm->pages, src_addr,
			     num_pages * PAGE_SIZE))
		return sbiret_error(SBI_ERR_INVALID_ADDRESS);
	err = check_add_pages(tsm, tvm, page_type, dest_addr, num_pages, gpa);
	if (err)
		return sbiret_error(err);
	for (unsigned long i = 0; i < num_pages; i++) {
		uint64_t dest = dest_addr + i * PAGE_SIZE;
		void *page = (void *)(uintptr_t)dest;

		memcpy(page, (const void *)(uintptr_t)(src_addr + i * PAGE_SIZE),
		       PAGE_SIZE);
		uint64_t page_gpa = gpa + i * PAGE_SIZE;

		measure_record(tvm, "TVM_PAGE", &page_gpa, 1, page, PAGE_SIZE);
		add_tvm_page(tsm, tvm, tvm_id, gpa + i * PAGE_SIZE, dest,
			     SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES);
	}
	return sbiret_value(0);
}

struct sbiret covh_add_tvm_zero_pages(struct tsm *tsm, unsigned long tvm_id,
				      unsigned long base_page_addr,
				      unsigned long page_type,
				      unsigned long num_pages, unsigned long gpa)
{
	struct tvm *tvm = tvm_get(tsm, tvm_id);
	long err;

	/* Zero pages are for memory the guest faults in after finalize. */
	if (!tvm || tvm->state != SBI_TVM_STATE_RUNNABLE)
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	err = check_add_pages(tsm, tvm, page_type, base_page_addr, num_pages,
			      gpa);
	if (err)
		return sbiret_error(err);
	for (unsigned long i = 0; i < num_pages; i++) {
		uint64_t page = base_page_addr + i * PAGE_SIZE;

		memset((void *)(uintptr_t)page, 0, PAGE_SIZE);
		add_tvm_page(tsm, tvm, tvm_id, gpa + i * PAGE_SIZE, page,
			     SBI_EXT_COVH_ADD_TVM_ZERO_PAGES);
	}
	return sbiret_value(0);
}
