// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * COVH TVM lifecycle: create_tvm, finalize_tvm, destroy_tvm.  A TVM is
 * built in between (tvm_memory.c, vcpu.c).  Each call checks everything
 * before it changes anything, so a refused call leaves no trace.
 */

#include "cove_handlers.h"
#include "sbi_cove_types.h"
#include "tsm/arch.h"
#include "tsm/sbiret.h"
#include "tsm/vcpu.h"
#include "covekit/string.h"
#include "internal.h"

struct tvm *tvm_get(struct tsm *tsm, unsigned long tvm_id)
{
	if (tvm_id < 1 || tvm_id > CONFIG_TSM_MAX_TVMS ||
	    !tsm->tvms[tvm_id - 1].in_use)
		return NULL;
	return &tsm->tvms[tvm_id - 1];
}

void give_pages(struct page_tracker *pages, uint64_t base, unsigned long n,
		enum tsm_page_state to, unsigned long tvm_id, unsigned long fid)
{
	for (unsigned long i = 0; i < n; i++) {
		struct page_info *p = pages_lookup(pages, base + i * PAGE_SIZE);

		page_set_state(p, to, SBI_EXT_COVH, fid);
		p->tvm = (uint8_t)tvm_id;
	}
}

struct sbiret covh_create_tvm(struct tsm *tsm, unsigned long params_addr,
			      unsigned long params_len)
{
	struct sbi_tvm_create_params params;
	const unsigned long dir_pages = TVM_PAGE_DIRECTORY_SIZE / PAGE_SIZE;
	const unsigned long state_pages = CONFIG_TSM_TVM_STATE_PAGES;
	unsigned long id;
	struct tvm *tvm;
	long err;

	if (!host_accessible(&tsm->host_mem, &tsm->pages, params_addr,
			     sizeof(params)))
		return sbiret_error(SBI_ERR_INVALID_ADDRESS);
	memcpy(&params, (const void *)(uintptr_t)params_addr, sizeof(params));
	if (params.tvm_page_directory_addr % TVM_PAGE_DIRECTORY_SIZE)
		return sbiret_error(SBI_ERR_INVALID_ADDRESS);
	err = pages_check(&tsm->pages, params.tvm_page_directory_addr, dir_pages,
			  CONFIDENTIAL_ONLY, SBI_ERR_INVALID_PARAM);
	if (!err)
		err = pages_check(&tsm->pages, params.tvm_state_addr, state_pages,
				  CONFIDENTIAL_ONLY, SBI_ERR_INVALID_PARAM);
	if (err)
		return sbiret_error(err);
	if (ranges_overlap(params.tvm_page_directory_addr, TVM_PAGE_DIRECTORY_SIZE,
			   params.tvm_state_addr, state_pages * PAGE_SIZE))
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	for (id = 1; id <= CONFIG_TSM_MAX_TVMS; id++)
		if (!tsm->tvms[id - 1].in_use)
			break;
	if (id > CONFIG_TSM_MAX_TVMS)
		return sbiret_error(SBI_ERR_FAILED);	/* every slot taken */

	tvm = &tsm->tvms[id - 1];
	memset(tvm, 0, sizeof(*tvm));
	tvm->in_use = true;
	tvm->state = SBI_TVM_STATE_INITIALIZING;
	tvm->page_directory = params.tvm_page_directory_addr;
	tvm->state_addr = params.tvm_state_addr;
	give_pages(&tsm->pages, tvm->page_directory, dir_pages,
		   TSM_PAGE_TVM_METADATA, id, SBI_EXT_COVH_CREATE_TVM);
	give_pages(&tsm->pages, tvm->state_addr, state_pages,
		   TSM_PAGE_TVM_METADATA, id, SBI_EXT_COVH_CREATE_TVM);
	memset((void *)(uintptr_t)tvm->page_directory, 0, TVM_PAGE_DIRECTORY_SIZE);
	memset((void *)(uintptr_t)tvm->state_addr, 0, state_pages * PAGE_SIZE);
	tvm->gstage.root = (uint64_t *)(uintptr_t)tvm->page_directory;
	tvm->gstage.pages = tvm->pt_pages;
	return sbiret_value((long)id);
}

struct sbiret covh_finalize_tvm(struct tsm *tsm, unsigned long tvm_id,
				unsigned long entry_sepc, unsigned long entry_arg,
				unsigned long identity_addr)
{
	struct tvm *tvm = tvm_get(tsm, tvm_id);
	uint64_t nr_vcpus = 0;

	if (!tvm || tvm->state != SBI_TVM_STATE_INITIALIZING ||
	    (identity_addr && !host_accessible(&tsm->host_mem, &tsm->pages,
					       identity_addr, TVM_IDENTITY_SIZE)))
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

struct sbiret covh_destroy_tvm(struct tsm *tsm, unsigned long tvm_id)
{
	struct tvm *tvm = tvm_get(tsm, tvm_id);

	if (!tvm)
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	/* A vCPU running on a hart still uses its pages: not now. */
	for (unsigned long i = 0; i < CONFIG_TSM_MAX_VCPUS; i++) {
		struct vcpu_state *v = vcpu_get(tvm, i);

		if (v && v->running)
			return sbiret_error(SBI_ERR_FAILED);
	}
	/* Its pages stay confidential until the host reclaims (and so zeroes) them. */
	for (unsigned long i = 0; i < tsm->pages.count; i++) {
		struct page_info *p = &tsm->pages.pages[i];

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
