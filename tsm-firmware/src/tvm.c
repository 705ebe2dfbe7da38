// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * COVH TVM lifecycle: create, add regions, page-table pages, measured and
 * zero pages, vCPUs; finalize; destroy.  Each call checks everything
 * before it changes anything, so a refused call leaves no trace.
 *
 * Measurement (spec/tsm.yaml, measurement; Documentation/abi/measurement.rst):
 * m starts as 48 zero bytes at create_tvm, and each measured step extends
 * it with one record, in call order: m = SHA-384(m || record).  A record
 * is an 8-byte ASCII tag naming it, then its fields, u64 little-endian:
 *	TVM_REGN gpa size		add_tvm_memory_region
 *	TVM_PAGE gpa, 4096 bytes	each page of add_tvm_measured_pages
 *	TVM_FINL entry_sepc entry_arg vcpus	finalize_tvm
 * Each record is extended only once its call can no longer fail.
 */

#include "cove_handlers.h"
#include "sbi_cove_types.h"
#include "tsm/arch.h"
#include "tsm/sbiret.h"
#include "covekit/string.h"
#include "tsm/tsm.h"

#define CONFIDENTIAL_ONLY	PAGE_STATE_BIT(TSM_PAGE_CONFIDENTIAL)

static struct tvm *tvm_get(unsigned long tvm_id)
{
	if (tvm_id < 1 || tvm_id > CONFIG_TSM_MAX_TVMS ||
	    !tsm.tvms[tvm_id - 1].in_use)
		return NULL;
	return &tsm.tvms[tvm_id - 1];
}

/* Move n confidential pages from base to the TVM, as state to. */
static void give_pages(uint64_t base, unsigned long n, enum tsm_page_state to,
		       unsigned long tvm_id, unsigned long fid)
{
	for (unsigned long i = 0; i < n; i++) {
		struct page_info *p = pages_lookup(&tsm.pages, base + i * PAGE_SIZE);

		page_set_state(p, to, SBI_EXT_COVH, fid);
		p->tvm = (uint8_t)tvm_id;
	}
}

static bool ranges_overlap(uint64_t a, uint64_t a_size, uint64_t b,
			   uint64_t b_size)
{
	return a < b + b_size && b < a + a_size;
}

#define MEASURE_TAG_SIZE	8
#define MEASURE_MAX_WORDS	3	/* the most u64 fields a record has */

/*
 * m = SHA-384(m || tag || each word as u64 little-endian || data): extend
 * the TVM's measurement with one record (the tag is 8 ASCII bytes).
 */
static void measure_record(struct tvm *tvm, const char *tag, const uint64_t *words,
			   unsigned int nr_words, const void *data, size_t len)
{
	uint8_t le[MEASURE_MAX_WORDS * 8];
	struct sha384_ctx ctx;

	for (unsigned int w = 0; w < nr_words; w++)
		for (unsigned int i = 0; i < 8; i++)
			le[w * 8 + i] = (uint8_t)(words[w] >> (8 * i));
	sha384_init(&ctx);
	sha384_update(&ctx, tvm->measurement, sizeof(tvm->measurement));
	sha384_update(&ctx, tag, MEASURE_TAG_SIZE);
	sha384_update(&ctx, le, nr_words * 8);
	if (len)
		sha384_update(&ctx, data, len);
	sha384_final(&ctx, tvm->measurement);
}

struct sbiret covh_create_tvm(unsigned long params_addr, unsigned long params_len)
{
	struct sbi_tvm_create_params params;
	const unsigned long dir_pages = TVM_PAGE_DIRECTORY_SIZE / PAGE_SIZE;
	const unsigned long state_pages = CONFIG_TSM_TVM_STATE_PAGES;
	unsigned long id;
	struct tvm *tvm;
	long err;

	if (!host_accessible(params_addr, sizeof(params)))
		return sbiret_error(SBI_ERR_INVALID_ADDRESS);
	memcpy(&params, (const void *)(uintptr_t)params_addr, sizeof(params));
	if (params.tvm_page_directory_addr % TVM_PAGE_DIRECTORY_SIZE)
		return sbiret_error(SBI_ERR_INVALID_ADDRESS);
	err = pages_check(&tsm.pages, params.tvm_page_directory_addr, dir_pages,
			  CONFIDENTIAL_ONLY, SBI_ERR_INVALID_PARAM);
	if (!err)
		err = pages_check(&tsm.pages, params.tvm_state_addr, state_pages,
				  CONFIDENTIAL_ONLY, SBI_ERR_INVALID_PARAM);
	if (err)
		return sbiret_error(err);
	if (ranges_overlap(params.tvm_page_directory_addr, TVM_PAGE_DIRECTORY_SIZE,
			   params.tvm_state_addr, state_pages * PAGE_SIZE))
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	for (id = 1; id <= CONFIG_TSM_MAX_TVMS; id++)
		if (!tsm.tvms[id - 1].in_use)
			break;
	if (id > CONFIG_TSM_MAX_TVMS)
		return sbiret_error(SBI_ERR_FAILED);	/* every slot taken */

	tvm = &tsm.tvms[id - 1];
	memset(tvm, 0, sizeof(*tvm));
	tvm->in_use = true;
	tvm->state = SBI_TVM_STATE_INITIALIZING;
	tvm->page_directory = params.tvm_page_directory_addr;
	tvm->state_addr = params.tvm_state_addr;
	give_pages(tvm->page_directory, dir_pages, TSM_PAGE_TVM_METADATA, id,
		   SBI_EXT_COVH_CREATE_TVM);
	give_pages(tvm->state_addr, state_pages, TSM_PAGE_TVM_METADATA, id,
		   SBI_EXT_COVH_CREATE_TVM);
	memset((void *)(uintptr_t)tvm->page_directory, 0, TVM_PAGE_DIRECTORY_SIZE);
	memset((void *)(uintptr_t)tvm->state_addr, 0, state_pages * PAGE_SIZE);
	tvm->gstage.root = (uint64_t *)(uintptr_t)tvm->page_directory;
	tvm->gstage.pages = tvm->pt_pages;
	return sbiret_value((long)id);
}

struct sbiret covh_add_tvm_memory_region(unsigned long tvm_id,
					 unsigned long gpa, unsigned long len)
{
	struct tvm *tvm = tvm_get(tvm_id);

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

struct sbiret covh_add_tvm_page_table_pages(unsigned long tvm_id,
					    unsigned long base_page_addr,
					    unsigned long num_pages)
{
	struct tvm *tvm = tvm_get(tvm_id);
	long err;

	if (!tvm)
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	err = pages_check(&tsm.pages, base_page_addr, num_pages,
			  CONFIDENTIAL_ONLY, SBI_ERR_INVALID_PARAM);
	if (err)
		return sbiret_error(err);
	if (num_pages > CONFIG_TSM_TVM_MAX_PT_PAGES - tvm->gstage.nr_pages)
		return sbiret_error(SBI_ERR_FAILED);
	give_pages(base_page_addr, num_pages, TSM_PAGE_TVM_METADATA, tvm_id,
		   SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES);
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
static long check_add_pages(struct tvm *tvm, unsigned long page_type,
			    uint64_t dest, unsigned long n, uint64_t gpa)
{
	uint64_t size = n * PAGE_SIZE;
	uint64_t hpa;
	unsigned int prot;
	long err;

	if (page_type != SBI_PAGE_TYPE_PAGE_4K)
		return SBI_ERR_INVALID_PARAM;	/* only 4 KiB pages so far */
	err = pages_check(&tsm.pages, dest, n, CONFIDENTIAL_ONLY,
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
static void add_tvm_page(struct tvm *tvm, unsigned long tvm_id, uint64_t gpa,
			 uint64_t hpa, unsigned long fid)
{
	/* check_add_pages() made sure this cannot fail. */
	gstage_map(&tvm->gstage, gpa, hpa, PAGE_SIZE, GSTAGE_RWX);
	give_pages(hpa, 1, TSM_PAGE_TVM_MEMORY, tvm_id, fid);
}

struct sbiret covh_add_tvm_measured_pages(unsigned long tvm_id,
					  unsigned long src_addr,
					  unsigned long dest_addr,
					  unsigned long page_type,
					  unsigned long num_pages,
					  unsigned long gpa)
{
	struct tvm *tvm = tvm_get(tvm_id);
	long err;

	if (!tvm || tvm->state != SBI_TVM_STATE_INITIALIZING)
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	if (num_pages > UINT64_MAX / PAGE_SIZE ||
	    !host_accessible(src_addr, num_pages * PAGE_SIZE))
		return sbiret_error(SBI_ERR_INVALID_ADDRESS);
	err = check_add_pages(tvm, page_type, dest_addr, num_pages, gpa);
	if (err)
		return sbiret_error(err);
	for (unsigned long i = 0; i < num_pages; i++) {
		uint64_t dest = dest_addr + i * PAGE_SIZE;
		void *page = (void *)(uintptr_t)dest;

		memcpy(page, (const void *)(uintptr_t)(src_addr + i * PAGE_SIZE),
		       PAGE_SIZE);
		uint64_t page_gpa = gpa + i * PAGE_SIZE;

		measure_record(tvm, "TVM_PAGE", &page_gpa, 1, page, PAGE_SIZE);
		add_tvm_page(tvm, tvm_id, gpa + i * PAGE_SIZE, dest,
			     SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES);
	}
	return sbiret_value(0);
}

struct sbiret covh_add_tvm_zero_pages(unsigned long tvm_id,
				      unsigned long base_page_addr,
				      unsigned long page_type,
				      unsigned long num_pages, unsigned long gpa)
{
	struct tvm *tvm = tvm_get(tvm_id);
	long err;

	/* Zero pages are for memory the guest faults in after finalize. */
	if (!tvm || tvm->state != SBI_TVM_STATE_RUNNABLE)
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	err = check_add_pages(tvm, page_type, base_page_addr, num_pages, gpa);
	if (err)
		return sbiret_error(err);
	for (unsigned long i = 0; i < num_pages; i++) {
		uint64_t page = base_page_addr + i * PAGE_SIZE;

		memset((void *)(uintptr_t)page, 0, PAGE_SIZE);
		add_tvm_page(tvm, tvm_id, gpa + i * PAGE_SIZE, page,
			     SBI_EXT_COVH_ADD_TVM_ZERO_PAGES);
	}
	return sbiret_value(0);
}

struct sbiret covh_create_tvm_vcpu(unsigned long tvm_id, unsigned long vcpu_id,
				   unsigned long state_page_addr)
{
	struct tvm *tvm = tvm_get(tvm_id);
	long err;

	if (!tvm || tvm->state != SBI_TVM_STATE_INITIALIZING ||
	    vcpu_id >= CONFIG_TSM_MAX_VCPUS || tvm->vcpu_state[vcpu_id])
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	err = pages_check(&tsm.pages, state_page_addr, CONFIG_TSM_VCPU_STATE_PAGES,
			  CONFIDENTIAL_ONLY, SBI_ERR_INVALID_PARAM);
	if (err)
		return sbiret_error(err);
	give_pages(state_page_addr, CONFIG_TSM_VCPU_STATE_PAGES,
		   TSM_PAGE_TVM_METADATA, tvm_id, SBI_EXT_COVH_CREATE_TVM_VCPU);
	memset((void *)(uintptr_t)state_page_addr, 0,
	       CONFIG_TSM_VCPU_STATE_PAGES * PAGE_SIZE);
	tvm->vcpu_state[vcpu_id] = state_page_addr;
	return sbiret_value(0);
}

struct sbiret covh_finalize_tvm(unsigned long tvm_id, unsigned long entry_sepc,
				unsigned long entry_arg,
				unsigned long identity_addr)
{
	struct tvm *tvm = tvm_get(tvm_id);
	uint64_t nr_vcpus = 0;

	if (!tvm || tvm->state != SBI_TVM_STATE_INITIALIZING ||
	    (identity_addr && !host_accessible(identity_addr, TVM_IDENTITY_SIZE)))
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	if (!tvm->vcpu_state[0])
		return sbiret_error(SBI_ERR_FAILED);	/* no boot vCPU to run */
	if (identity_addr)
		memcpy(tvm->identity, (const void *)(uintptr_t)identity_addr,
		       TVM_IDENTITY_SIZE);
	tvm->entry_sepc = entry_sepc;
	tvm->entry_arg = entry_arg;
	for (unsigned int i = 0; i < CONFIG_TSM_MAX_VCPUS; i++)
		nr_vcpus += tvm->vcpu_state[i] != 0;
	/* The identity is reported in evidence on its own, not measured. */
	measure_record(tvm, "TVM_FINL",
		       (const uint64_t[]){ entry_sepc, entry_arg, nr_vcpus }, 3, NULL, 0);
	tvm->state = SBI_TVM_STATE_RUNNABLE;
	return sbiret_value(0);
}

struct sbiret covh_destroy_tvm(unsigned long tvm_id)
{
	struct tvm *tvm = tvm_get(tvm_id);

	if (!tvm)
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	/* Its pages stay confidential until the host reclaims (and so zeroes) them. */
	for (unsigned long i = 0; i < tsm.pages.count; i++) {
		struct page_info *p = &tsm.pages.pages[i];

		if (p->tvm != tvm_id || (p->state != TSM_PAGE_TVM_METADATA &&
					 p->state != TSM_PAGE_TVM_MEMORY))
			continue;
		page_set_state(p, TSM_PAGE_CONFIDENTIAL, SBI_EXT_COVH,
			       SBI_EXT_COVH_DESTROY_TVM);
		p->tvm = 0;
	}
	tvm->in_use = false;
	arch_hfence_gvma();
	return sbiret_value(0);
}
