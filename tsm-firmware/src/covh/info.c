// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* COVH tsm_get_info: what the host needs to know before anything else. */

#include "autoconf.h"
#include "cove_handlers.h"
#include "sbi_cove_types.h"
#include "tsm/sbiret.h"
#include "covekit/string.h"
#include "tsm/tsm.h"

/* tsm_version: major in bits 31:16, minor in bits 15:0. */
#define TSM_VERSION	(CONFIG_TSM_VERSION_MAJOR << 16 | CONFIG_TSM_VERSION_MINOR)

struct sbiret covh_tsm_get_info(struct tsm *tsm, unsigned long tsm_info_addr,
				unsigned long tsm_info_len)
{
	const struct sbi_tsm_info info = {
		.tsm_state = SBI_TSM_STATE_READY,
		.tsm_impl_id = SBI_TSM_IMPL_ID_COVEKIT,
		.tsm_version = TSM_VERSION,
		.tsm_capabilities = 0,
		.tvm_state_pages = CONFIG_TSM_TVM_STATE_PAGES,
		.tvm_max_vcpus = CONFIG_TSM_MAX_VCPUS,
		.tvm_vcpu_state_pages = CONFIG_TSM_VCPU_STATE_PAGES,
	};

	/* The generated check has already refused a buffer under 48 bytes. */
	if (!host_accessible(&tsm->host_mem, &tsm->pages, tsm_info_addr,
			     sizeof(info)))
		return sbiret_error(SBI_ERR_INVALID_ADDRESS);
	memcpy((void *)tsm_info_addr, &info, sizeof(info));
	return sbiret_value(sizeof(info));
}
