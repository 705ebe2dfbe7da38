// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * CoVE calls the TSM does not implement yet: each answers NOT_SUPPORTED
 * through the same generated table (its argument checks still run first).
 * A call leaves this file when it is implemented; cove_handlers.h keeps
 * every signature honest, and a call missing from both fails to link.
 */

#include "cove_handlers.h"
#include "tsm/sbiret.h"

#define PENDING(handler, ...)						\
	struct sbiret handler(__VA_ARGS__)				\
	{								\
		return sbiret_error(SBI_ERR_NOT_SUPPORTED);		\
	}

/* COVH */
PENDING(covh_promote_to_tvm,
	unsigned long fdt_addr, unsigned long tap_addr,
	unsigned long entry_sepc, unsigned long identity_addr)
PENDING(covh_add_tvm_shared_pages,
	unsigned long tvm_id, unsigned long base_page_addr,
	unsigned long page_type, unsigned long num_pages, unsigned long gpa)
PENDING(covh_run_tvm_vcpu, unsigned long tvm_id, unsigned long vcpu_id)
PENDING(covh_tvm_initiate_fence, unsigned long tvm_id)
PENDING(covh_tvm_invalidate_pages,
	unsigned long tvm_id, unsigned long gpa, unsigned long len)
PENDING(covh_tvm_validate_pages,
	unsigned long tvm_id, unsigned long gpa, unsigned long len)
PENDING(covh_tvm_remove_pages,
	unsigned long tvm_id, unsigned long gpa, unsigned long len)

/* COVG */
PENDING(covg_add_mmio_region, unsigned long gpa, unsigned long len)
PENDING(covg_remove_mmio_region, unsigned long gpa, unsigned long len)
PENDING(covg_share_memory_region, unsigned long gpa, unsigned long len)
PENDING(covg_unshare_memory_region, unsigned long gpa, unsigned long len)
PENDING(covg_allow_external_interrupt, long interrupt_id)
PENDING(covg_deny_external_interrupt, long interrupt_id)
PENDING(covg_get_attestation_capabilities,
	unsigned long caps_addr, unsigned long caps_size)
PENDING(covg_extend_measurement,
	unsigned long msmt_buf_addr, unsigned long msmt_buf_len,
	unsigned long msmt_index)
PENDING(covg_get_evidence,
	unsigned long pub_key_addr, unsigned long pub_key_size,
	unsigned long challenge_data_addr, unsigned long cert_format,
	unsigned long cert_addr, unsigned long cert_size)
PENDING(covg_retrieve_secret, unsigned long buf_addr, unsigned long buf_size)
PENDING(covg_read_measurement,
	unsigned long msmt_buf_addr, unsigned long msmt_buf_size,
	unsigned long msmt_index)

/* COVI */
PENDING(covi_init_tvm_aia,
	unsigned long tvm_id, unsigned long params_addr,
	unsigned long params_len)
PENDING(covi_set_tvm_aia_cpu_imsic_addr,
	unsigned long tvm_id, unsigned long vcpu_id, unsigned long imsic_gpa)
PENDING(covi_convert_aia_imsic, unsigned long imsic_page_addr)
PENDING(covi_reclaim_tvm_aia_imsic, unsigned long imsic_page_addr)
PENDING(covi_bind_aia_imsic,
	unsigned long tvm_id, unsigned long vcpu_id, unsigned long imsic_mask)
PENDING(covi_unbind_aia_imsic_begin,
	unsigned long tvm_id, unsigned long vcpu_id)
PENDING(covi_unbind_aia_imsic_end, unsigned long tvm_id, unsigned long vcpu_id)
PENDING(covi_inject_tvm_cpu,
	unsigned long tvm_id, unsigned long vcpu_id, unsigned long interrupt_id)
PENDING(covi_rebind_aia_imsic_begin,
	unsigned long tvm_id, unsigned long vcpu_id, unsigned long imsic_mask)
PENDING(covi_rebind_aia_imsic_clone,
	unsigned long tvm_id, unsigned long vcpu_id)
PENDING(covi_rebind_aia_imsic_end, unsigned long tvm_id, unsigned long vcpu_id)
