/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Generated from spec/cove.yaml, spec/kvm.yaml, spec/sbi.yaml, spec/tsm.yaml
 * by codegen/templates/firmware/page_states.h.j2.
 * Do not edit: change the spec and run ./tools/regen.
 */

/*
 * The TSM's page states and the calls that move a page between them.
 * Defines static tables: include it where page states change.
 */
#ifndef __GENERATED_PAGE_STATES_H__
#define __GENERATED_PAGE_STATES_H__

#include <stdbool.h>
#include <stdint.h>

#include "sbi_abi.h"

/**
 * enum tsm_page_state - Ownership state of one 4 KiB page of DRAM
 * @TSM_PAGE_HOST: Owned by the host and mapped in its G-stage
 * @TSM_PAGE_CONVERTING: Unmapped from the host by convert_pages; not yet
 *	usable, because a hart may still hold a stale translation of it until
 *	the fence sequence (initiate_fence, then local_fence on every hart)
 *	completes
 * @TSM_PAGE_CONFIDENTIAL: Confidential and free, ready to be given to a TVM
 * @TSM_PAGE_TVM_METADATA: Holds a TVM's state for the TSM: its G-stage page
 *	directory and page tables, its state pages, its vCPUs' state
 * @TSM_PAGE_TVM_MEMORY: Mapped into a TVM's guest physical memory (measured or
 *	zeroed pages)
 *
 * Pages the host owns are mapped in its G-stage; every other state is unmapped
 * there. Every page starts in TSM_PAGE_HOST; only the calls in
 * tsm_page_transitions[] change a page's state. Source: covekit.
 */
enum tsm_page_state {
	TSM_PAGE_HOST			= 0,
	TSM_PAGE_CONVERTING		= 1,
	TSM_PAGE_CONFIDENTIAL		= 2,
	TSM_PAGE_TVM_METADATA		= 3,
	TSM_PAGE_TVM_MEMORY		= 4,
};

#define TSM_PAGE_STATE_COUNT		5

/* Whether v is a member of enum tsm_page_state. */
static inline bool tsm_page_state_valid(unsigned long v)
{
	return v < TSM_PAGE_STATE_COUNT;
}

/* Name of each state, for traces. */
__attribute__((unused))
static const char *const tsm_page_state_names[TSM_PAGE_STATE_COUNT] = {
	[TSM_PAGE_HOST] = "HOST",
	[TSM_PAGE_CONVERTING] = "CONVERTING",
	[TSM_PAGE_CONFIDENTIAL] = "CONFIDENTIAL",
	[TSM_PAGE_TVM_METADATA] = "TVM_METADATA",
	[TSM_PAGE_TVM_MEMORY] = "TVM_MEMORY",
};

/* Whether the host can reach a page in each state (it is in its G-stage). */
__attribute__((unused))
static const bool tsm_page_host_access[TSM_PAGE_STATE_COUNT] = {
	[TSM_PAGE_HOST] = true,
	[TSM_PAGE_CONVERTING] = false,
	[TSM_PAGE_CONFIDENTIAL] = false,
	[TSM_PAGE_TVM_METADATA] = false,
	[TSM_PAGE_TVM_MEMORY] = false,
};

/* Whether a page in each state holds confidential data. */
__attribute__((unused))
static const bool tsm_page_confidential[TSM_PAGE_STATE_COUNT] = {
	[TSM_PAGE_HOST] = false,
	[TSM_PAGE_CONVERTING] = false,
	[TSM_PAGE_CONFIDENTIAL] = true,
	[TSM_PAGE_TVM_METADATA] = true,
	[TSM_PAGE_TVM_MEMORY] = true,
};

/**
 * struct tsm_page_transition - One allowed change of a page's state
 * @from:	State before the call (enum tsm_page_state).
 * @to:		State after it.
 * @eid:	Extension ID of the call that makes the change.
 * @fid:	Its function ID.
 */
struct tsm_page_transition {
	uint8_t from, to;
	unsigned long eid, fid;
};

#define TSM_PAGE_TRANSITION_COUNT	11

/* Every change of state the spec allows; no other is. */
__attribute__((unused))
static const struct tsm_page_transition tsm_page_transitions[] = {
	/*
	 * HOST -> CONVERTING by convert_pages: Unmapped from the host's
	 * G-stage.
	 */
	{ TSM_PAGE_HOST, TSM_PAGE_CONVERTING,
	  SBI_EXT_COVH, SBI_EXT_COVH_CONVERT_PAGES },
	/*
	 * CONVERTING -> CONFIDENTIAL by local_fence: The last hart's local
	 * fence completes the fence the page waited for.
	 */
	{ TSM_PAGE_CONVERTING, TSM_PAGE_CONFIDENTIAL,
	  SBI_EXT_COVH, SBI_EXT_COVH_LOCAL_FENCE },
	/*
	 * CONVERTING -> HOST by reclaim_pages: Zeroed and mapped back before
	 * any TVM used it.
	 */
	{ TSM_PAGE_CONVERTING, TSM_PAGE_HOST,
	  SBI_EXT_COVH, SBI_EXT_COVH_RECLAIM_PAGES },
	/*
	 * CONFIDENTIAL -> HOST by reclaim_pages: Zeroed, then mapped back into
	 * the host's G-stage.
	 */
	{ TSM_PAGE_CONFIDENTIAL, TSM_PAGE_HOST,
	  SBI_EXT_COVH, SBI_EXT_COVH_RECLAIM_PAGES },
	/*
	 * CONFIDENTIAL -> TVM_METADATA by create_tvm: The page directory and
	 * the TVM state pages.
	 */
	{ TSM_PAGE_CONFIDENTIAL, TSM_PAGE_TVM_METADATA,
	  SBI_EXT_COVH, SBI_EXT_COVH_CREATE_TVM },
	/*
	 * CONFIDENTIAL -> TVM_METADATA by add_tvm_page_table_pages: Page-table
	 * pages for the TVM's G-stage.
	 */
	{ TSM_PAGE_CONFIDENTIAL, TSM_PAGE_TVM_METADATA,
	  SBI_EXT_COVH, SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES },
	/*
	 * CONFIDENTIAL -> TVM_METADATA by create_tvm_vcpu: The vCPU's state
	 * pages.
	 */
	{ TSM_PAGE_CONFIDENTIAL, TSM_PAGE_TVM_METADATA,
	  SBI_EXT_COVH, SBI_EXT_COVH_CREATE_TVM_VCPU },
	/*
	 * CONFIDENTIAL -> TVM_MEMORY by add_tvm_measured_pages: Filled from a
	 * host page, measured, and mapped at its GPA.
	 */
	{ TSM_PAGE_CONFIDENTIAL, TSM_PAGE_TVM_MEMORY,
	  SBI_EXT_COVH, SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES },
	/*
	 * CONFIDENTIAL -> TVM_MEMORY by add_tvm_zero_pages: Zeroed and mapped
	 * at its GPA.
	 */
	{ TSM_PAGE_CONFIDENTIAL, TSM_PAGE_TVM_MEMORY,
	  SBI_EXT_COVH, SBI_EXT_COVH_ADD_TVM_ZERO_PAGES },
	/*
	 * TVM_METADATA -> CONFIDENTIAL by destroy_tvm: Released with the TVM;
	 * still confidential until reclaimed.
	 */
	{ TSM_PAGE_TVM_METADATA, TSM_PAGE_CONFIDENTIAL,
	  SBI_EXT_COVH, SBI_EXT_COVH_DESTROY_TVM },
	/*
	 * TVM_MEMORY -> CONFIDENTIAL by destroy_tvm: Unmapped from the dead
	 * TVM; still confidential until reclaimed.
	 */
	{ TSM_PAGE_TVM_MEMORY, TSM_PAGE_CONFIDENTIAL,
	  SBI_EXT_COVH, SBI_EXT_COVH_DESTROY_TVM },
};

_Static_assert(sizeof(tsm_page_transitions) ==
	       TSM_PAGE_TRANSITION_COUNT * sizeof(struct tsm_page_transition),
	       "TSM_PAGE_TRANSITION_COUNT counts tsm_page_transitions[]");

/**
 * tsm_page_transition_allowed() - Whether a call may change a page's state
 * @from:	The page's state now (enum tsm_page_state).
 * @to:		The state the call would leave it in.
 * @eid:	Extension ID of the call.
 * @fid:	Function ID of the call.
 *
 * Return: true if tsm_page_transitions[] lists the change, false otherwise.
 */
static inline bool
tsm_page_transition_allowed(unsigned int from, unsigned int to,
			    unsigned long eid, unsigned long fid)
{
	for (unsigned int i = 0; i < TSM_PAGE_TRANSITION_COUNT; i++) {
		const struct tsm_page_transition *t = &tsm_page_transitions[i];

		if (t->from == from && t->to == to && t->eid == eid && t->fid == fid)
			return true;
	}
	return false;
}

#endif /* __GENERATED_PAGE_STATES_H__ */
