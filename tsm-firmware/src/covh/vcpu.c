// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * COVH vCPUs: create_tvm_vcpu gives a TVM, before finalize_tvm, a vCPU
 * whose state lives in confidential pages the host donates.
 */

#include "cove_handlers.h"
#include "sbi_cove_types.h"
#include "tsm/sbiret.h"
#include "covekit/string.h"
#include "internal.h"

struct sbiret covh_create_tvm_vcpu(struct tsm *tsm, unsigned long tvm_id,
				   unsigned long vcpu_id,
				   unsigned long state_page_addr)
{
	struct tvm *tvm = tvm_get(tsm, tvm_id);
	long err;

	if (!tvm || tvm->state != SBI_TVM_STATE_INITIALIZING ||
	    vcpu_id >= CONFIG_TSM_MAX_VCPUS || tvm->vcpu_state[vcpu_id])
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	err = pages_check(&tsm->pages, state_page_addr, CONFIG_TSM_VCPU_STATE_PAGES,
			  CONFIDENTIAL_ONLY, SBI_ERR_INVALID_PARAM);
	if (err)
		return sbiret_error(err);
	give_pages(&tsm->pages, state_page_addr, CONFIG_TSM_VCPU_STATE_PAGES,
		   TSM_PAGE_TVM_METADATA, tvm_id, SBI_EXT_COVH_CREATE_TVM_VCPU);
	memset((void *)(uintptr_t)state_page_addr, 0,
	       CONFIG_TSM_VCPU_STATE_PAGES * PAGE_SIZE);
	tvm->vcpu_state[vcpu_id] = state_page_addr;
	return sbiret_value(0);
}
