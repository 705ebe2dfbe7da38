/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Generated from spec/cove.yaml, spec/kvm.yaml, spec/sbi.yaml, spec/tsm.yaml
 * by codegen/templates/firmware/cove_dispatch_table.h.j2.
 * Do not edit: change the spec and run ./tools/regen.
 */

/*
 * Dispatch tables for the extensions the TSM handles: FID -> checked call.
 * Defines static tables: include it from the dispatcher only, once.
 */
#ifndef __GENERATED_COVE_DISPATCH_TABLE_H__
#define __GENERATED_COVE_DISPATCH_TABLE_H__

#include "cove_handlers.h"
#include "sbi_cove_types.h"

/* Who may make a call, from the spec's 'caller'. */
enum sbi_abi_caller {
	SBI_ABI_CALLER_HOST = 1 << 0,
	SBI_ABI_CALLER_GUEST = 1 << 1,
	SBI_ABI_CALLER_ANY = SBI_ABI_CALLER_HOST | SBI_ABI_CALLER_GUEST,
};

/**
 * struct sbi_abi_call - One function of an extension.
 * @name:	Function name, for traces.
 * @nargs:	Arguments it takes (a0 upwards).
 * @callers:	Mask of enum sbi_abi_caller allowed to make the call.
 * @call:	Checks the spec's argument constraints, then calls the handler
 *		with tsm and args[0..nargs-1].
 */
struct sbi_abi_call {
	const char *name;
	unsigned int nargs;
	unsigned int callers;
	struct sbiret (*call)(struct tsm *tsm, const unsigned long *args);
};

/**
 * struct sbi_abi_extension - Dispatch table of one extension.
 * @eid:	Extension ID.
 * @name:	Extension name.
 * @calls:	Indexed by FID; an entry with no @call is NOT_SUPPORTED.
 * @ncalls:	Entries in @calls.
 * @available:	Mask of enum sbi_abi_caller that a BASE probe reports the
 *		extension present to: the callers of its implemented calls.
 */
struct sbi_abi_extension {
	unsigned long eid;
	const char *name;
	const struct sbi_abi_call *calls;
	unsigned long ncalls;
	unsigned int available;
};

static inline struct sbiret sbi_abi_error(long error)
{
	return (struct sbiret){ .error = error, .value = 0 };
}

static struct sbiret
covh_tsm_get_info_checked(struct tsm *tsm, const unsigned long *args)
{
	/* tsm_info_len: at least 48 */
	if (args[1] < 48UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	return covh_tsm_get_info(tsm, args[0], args[1]);
}

static struct sbiret
covh_convert_pages_checked(struct tsm *tsm, const unsigned long *args)
{
	/* base_page_addr: 4096-byte aligned */
	if (args[0] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* num_pages: at least 1 */
	if (args[1] < 1UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	return covh_convert_pages(tsm, args[0], args[1]);
}

static struct sbiret
covh_reclaim_pages_checked(struct tsm *tsm, const unsigned long *args)
{
	/* base_page_addr: 4096-byte aligned */
	if (args[0] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* num_pages: at least 1 */
	if (args[1] < 1UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	return covh_reclaim_pages(tsm, args[0], args[1]);
}

static struct sbiret
covh_initiate_fence_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)args;
	return covh_initiate_fence(tsm);
}

static struct sbiret
covh_local_fence_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)args;
	return covh_local_fence(tsm);
}

static struct sbiret
covh_create_tvm_checked(struct tsm *tsm, const unsigned long *args)
{
	/* params_len: at least 16 */
	if (args[1] < 16UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	return covh_create_tvm(tsm, args[0], args[1]);
}

static struct sbiret
covh_finalize_tvm_checked(struct tsm *tsm, const unsigned long *args)
{
	/* identity_addr: 64-byte aligned */
	if (args[3] != 0 && (args[3] & 63UL))
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	return covh_finalize_tvm(tsm, args[0], args[1], args[2], args[3]);
}

static struct sbiret
covh_promote_to_tvm_checked(struct tsm *tsm, const unsigned long *args)
{
	/* fdt_addr: 8-byte aligned */
	if (args[0] & 7UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* tap_addr: 8-byte aligned */
	if (args[1] != 0 && (args[1] & 7UL))
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* identity_addr: 64-byte aligned */
	if (args[3] != 0 && (args[3] & 63UL))
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	(void)tsm;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covh_destroy_tvm_checked(struct tsm *tsm, const unsigned long *args)
{
	return covh_destroy_tvm(tsm, args[0]);
}

static struct sbiret
covh_add_tvm_memory_region_checked(struct tsm *tsm, const unsigned long *args)
{
	/* gpa: 4096-byte aligned */
	if (args[1] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* len: 4096-byte aligned */
	if (args[2] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	return covh_add_tvm_memory_region(tsm, args[0], args[1], args[2]);
}

static struct sbiret
covh_add_tvm_page_table_pages_checked(struct tsm *tsm, const unsigned long *args)
{
	/* base_page_addr: 4096-byte aligned */
	if (args[1] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* num_pages: at least 1 */
	if (args[2] < 1UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	return covh_add_tvm_page_table_pages(tsm, args[0], args[1], args[2]);
}

static struct sbiret
covh_add_tvm_measured_pages_checked(struct tsm *tsm, const unsigned long *args)
{
	/* src_addr: 4096-byte aligned */
	if (args[1] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* dest_addr: 4096-byte aligned */
	if (args[2] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* page_type: in enum sbi_page_type */
	if (!sbi_page_type_valid(args[3]))
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	/* num_pages: at least 1 */
	if (args[4] < 1UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	/* gpa: 4096-byte aligned */
	if (args[5] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	return covh_add_tvm_measured_pages(tsm, args[0], args[1], args[2],
					   args[3], args[4], args[5]);
}

static struct sbiret
covh_add_tvm_zero_pages_checked(struct tsm *tsm, const unsigned long *args)
{
	/* base_page_addr: 4096-byte aligned */
	if (args[1] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* page_type: in enum sbi_page_type */
	if (!sbi_page_type_valid(args[2]))
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	/* num_pages: at least 1 */
	if (args[3] < 1UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	/* gpa: 4096-byte aligned */
	if (args[4] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	return covh_add_tvm_zero_pages(tsm, args[0], args[1], args[2], args[3],
				       args[4]);
}

static struct sbiret
covh_add_tvm_shared_pages_checked(struct tsm *tsm, const unsigned long *args)
{
	/* base_page_addr: 4096-byte aligned */
	if (args[1] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* page_type: in enum sbi_page_type */
	if (!sbi_page_type_valid(args[2]))
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	/* num_pages: at least 1 */
	if (args[3] < 1UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	/* gpa: 4096-byte aligned */
	if (args[4] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	(void)tsm;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covh_create_tvm_vcpu_checked(struct tsm *tsm, const unsigned long *args)
{
	/* state_page_addr: 4096-byte aligned */
	if (args[2] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	return covh_create_tvm_vcpu(tsm, args[0], args[1], args[2]);
}

static struct sbiret
covh_run_tvm_vcpu_checked(struct tsm *tsm, const unsigned long *args)
{
	return covh_run_tvm_vcpu(tsm, args[0], args[1]);
}

static struct sbiret
covh_tvm_initiate_fence_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covh_tvm_invalidate_pages_checked(struct tsm *tsm, const unsigned long *args)
{
	/* gpa: 4096-byte aligned */
	if (args[1] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* len: 4096-byte aligned */
	if (args[2] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	(void)tsm;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covh_tvm_validate_pages_checked(struct tsm *tsm, const unsigned long *args)
{
	/* gpa: 4096-byte aligned */
	if (args[1] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* len: 4096-byte aligned */
	if (args[2] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	(void)tsm;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covh_tvm_remove_pages_checked(struct tsm *tsm, const unsigned long *args)
{
	/* gpa: 4096-byte aligned */
	if (args[1] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* len: 4096-byte aligned */
	if (args[2] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	(void)tsm;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static const struct sbi_abi_call sbi_covh_calls[SBI_EXT_COVH_FID_COUNT] = {
	[SBI_EXT_COVH_TSM_GET_INFO] = {
		.name = "tsm_get_info",
		.nargs = 2,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_tsm_get_info_checked,
	},
	[SBI_EXT_COVH_CONVERT_PAGES] = {
		.name = "convert_pages",
		.nargs = 2,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_convert_pages_checked,
	},
	[SBI_EXT_COVH_RECLAIM_PAGES] = {
		.name = "reclaim_pages",
		.nargs = 2,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_reclaim_pages_checked,
	},
	[SBI_EXT_COVH_INITIATE_FENCE] = {
		.name = "initiate_fence",
		.nargs = 0,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_initiate_fence_checked,
	},
	[SBI_EXT_COVH_LOCAL_FENCE] = {
		.name = "local_fence",
		.nargs = 0,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_local_fence_checked,
	},
	[SBI_EXT_COVH_CREATE_TVM] = {
		.name = "create_tvm",
		.nargs = 2,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_create_tvm_checked,
	},
	[SBI_EXT_COVH_FINALIZE_TVM] = {
		.name = "finalize_tvm",
		.nargs = 4,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_finalize_tvm_checked,
	},
	[SBI_EXT_COVH_PROMOTE_TO_TVM] = {
		.name = "promote_to_tvm",
		.nargs = 4,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_promote_to_tvm_checked,
	},
	[SBI_EXT_COVH_DESTROY_TVM] = {
		.name = "destroy_tvm",
		.nargs = 1,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_destroy_tvm_checked,
	},
	[SBI_EXT_COVH_ADD_TVM_MEMORY_REGION] = {
		.name = "add_tvm_memory_region",
		.nargs = 3,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_add_tvm_memory_region_checked,
	},
	[SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES] = {
		.name = "add_tvm_page_table_pages",
		.nargs = 3,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_add_tvm_page_table_pages_checked,
	},
	[SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES] = {
		.name = "add_tvm_measured_pages",
		.nargs = 6,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_add_tvm_measured_pages_checked,
	},
	[SBI_EXT_COVH_ADD_TVM_ZERO_PAGES] = {
		.name = "add_tvm_zero_pages",
		.nargs = 5,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_add_tvm_zero_pages_checked,
	},
	[SBI_EXT_COVH_ADD_TVM_SHARED_PAGES] = {
		.name = "add_tvm_shared_pages",
		.nargs = 5,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_add_tvm_shared_pages_checked,
	},
	[SBI_EXT_COVH_CREATE_TVM_VCPU] = {
		.name = "create_tvm_vcpu",
		.nargs = 3,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_create_tvm_vcpu_checked,
	},
	[SBI_EXT_COVH_RUN_TVM_VCPU] = {
		.name = "run_tvm_vcpu",
		.nargs = 2,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_run_tvm_vcpu_checked,
	},
	[SBI_EXT_COVH_TVM_INITIATE_FENCE] = {
		.name = "tvm_initiate_fence",
		.nargs = 1,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_tvm_initiate_fence_checked,
	},
	[SBI_EXT_COVH_TVM_INVALIDATE_PAGES] = {
		.name = "tvm_invalidate_pages",
		.nargs = 3,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_tvm_invalidate_pages_checked,
	},
	[SBI_EXT_COVH_TVM_VALIDATE_PAGES] = {
		.name = "tvm_validate_pages",
		.nargs = 3,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_tvm_validate_pages_checked,
	},
	[SBI_EXT_COVH_TVM_REMOVE_PAGES] = {
		.name = "tvm_remove_pages",
		.nargs = 3,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covh_tvm_remove_pages_checked,
	},
};

_Static_assert(sizeof(sbi_covh_calls) ==
	       SBI_EXT_COVH_FID_COUNT * sizeof(struct sbi_abi_call),
	       "one COVH entry per FID");

static struct sbiret
covg_add_mmio_region_checked(struct tsm *tsm, const unsigned long *args)
{
	/* gpa: 4096-byte aligned */
	if (args[0] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* len: 4096-byte aligned */
	if (args[1] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	(void)tsm;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covg_remove_mmio_region_checked(struct tsm *tsm, const unsigned long *args)
{
	/* gpa: 4096-byte aligned */
	if (args[0] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* len: 4096-byte aligned */
	if (args[1] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	(void)tsm;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covg_share_memory_region_checked(struct tsm *tsm, const unsigned long *args)
{
	/* gpa: 4096-byte aligned */
	if (args[0] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* len: 4096-byte aligned */
	if (args[1] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	(void)tsm;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covg_unshare_memory_region_checked(struct tsm *tsm, const unsigned long *args)
{
	/* gpa: 4096-byte aligned */
	if (args[0] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* len: 4096-byte aligned */
	if (args[1] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	(void)tsm;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covg_allow_external_interrupt_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covg_deny_external_interrupt_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covg_get_attestation_capabilities_checked(struct tsm *tsm, const unsigned long *args)
{
	/* caps_addr: 4096-byte aligned */
	if (args[0] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* caps_size: 4096-byte aligned */
	if (args[1] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	(void)tsm;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covg_extend_measurement_checked(struct tsm *tsm, const unsigned long *args)
{
	/* msmt_buf_addr: 4096-byte aligned */
	if (args[0] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	(void)tsm;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covg_get_evidence_checked(struct tsm *tsm, const unsigned long *args)
{
	/* pub_key_addr: 4096-byte aligned */
	if (args[0] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* challenge_data_addr: 4096-byte aligned */
	if (args[2] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* cert_addr: 4096-byte aligned */
	if (args[4] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	(void)tsm;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covg_retrieve_secret_checked(struct tsm *tsm, const unsigned long *args)
{
	/* buf_addr: 4096-byte aligned */
	if (args[0] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	/* buf_size: at most 4096 */
	if (args[1] > 4096UL)
		return sbi_abi_error(SBI_ERR_INVALID_PARAM);
	(void)tsm;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covg_read_measurement_checked(struct tsm *tsm, const unsigned long *args)
{
	/* msmt_buf_addr: 4096-byte aligned */
	if (args[0] & 4095UL)
		return sbi_abi_error(SBI_ERR_INVALID_ADDRESS);
	(void)tsm;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static const struct sbi_abi_call sbi_covg_calls[SBI_EXT_COVG_FID_COUNT] = {
	[SBI_EXT_COVG_ADD_MMIO_REGION] = {
		.name = "add_mmio_region",
		.nargs = 2,
		.callers = SBI_ABI_CALLER_GUEST,
		.call = covg_add_mmio_region_checked,
	},
	[SBI_EXT_COVG_REMOVE_MMIO_REGION] = {
		.name = "remove_mmio_region",
		.nargs = 2,
		.callers = SBI_ABI_CALLER_GUEST,
		.call = covg_remove_mmio_region_checked,
	},
	[SBI_EXT_COVG_SHARE_MEMORY_REGION] = {
		.name = "share_memory_region",
		.nargs = 2,
		.callers = SBI_ABI_CALLER_GUEST,
		.call = covg_share_memory_region_checked,
	},
	[SBI_EXT_COVG_UNSHARE_MEMORY_REGION] = {
		.name = "unshare_memory_region",
		.nargs = 2,
		.callers = SBI_ABI_CALLER_GUEST,
		.call = covg_unshare_memory_region_checked,
	},
	[SBI_EXT_COVG_ALLOW_EXTERNAL_INTERRUPT] = {
		.name = "allow_external_interrupt",
		.nargs = 1,
		.callers = SBI_ABI_CALLER_GUEST,
		.call = covg_allow_external_interrupt_checked,
	},
	[SBI_EXT_COVG_DENY_EXTERNAL_INTERRUPT] = {
		.name = "deny_external_interrupt",
		.nargs = 1,
		.callers = SBI_ABI_CALLER_GUEST,
		.call = covg_deny_external_interrupt_checked,
	},
	[SBI_EXT_COVG_GET_ATTESTATION_CAPABILITIES] = {
		.name = "get_attestation_capabilities",
		.nargs = 2,
		.callers = SBI_ABI_CALLER_GUEST,
		.call = covg_get_attestation_capabilities_checked,
	},
	[SBI_EXT_COVG_EXTEND_MEASUREMENT] = {
		.name = "extend_measurement",
		.nargs = 3,
		.callers = SBI_ABI_CALLER_GUEST,
		.call = covg_extend_measurement_checked,
	},
	[SBI_EXT_COVG_GET_EVIDENCE] = {
		.name = "get_evidence",
		.nargs = 6,
		.callers = SBI_ABI_CALLER_GUEST,
		.call = covg_get_evidence_checked,
	},
	[SBI_EXT_COVG_RETRIEVE_SECRET] = {
		.name = "retrieve_secret",
		.nargs = 2,
		.callers = SBI_ABI_CALLER_GUEST,
		.call = covg_retrieve_secret_checked,
	},
	[SBI_EXT_COVG_READ_MEASUREMENT] = {
		.name = "read_measurement",
		.nargs = 3,
		.callers = SBI_ABI_CALLER_GUEST,
		.call = covg_read_measurement_checked,
	},
};

_Static_assert(sizeof(sbi_covg_calls) ==
	       SBI_EXT_COVG_FID_COUNT * sizeof(struct sbi_abi_call),
	       "one COVG entry per FID");

static struct sbiret
covi_init_tvm_aia_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covi_set_tvm_aia_cpu_imsic_addr_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covi_convert_aia_imsic_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covi_reclaim_tvm_aia_imsic_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covi_bind_aia_imsic_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covi_unbind_aia_imsic_begin_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covi_unbind_aia_imsic_end_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covi_inject_tvm_cpu_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covi_rebind_aia_imsic_begin_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covi_rebind_aia_imsic_clone_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
covi_rebind_aia_imsic_end_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static const struct sbi_abi_call sbi_covi_calls[SBI_EXT_COVI_FID_COUNT] = {
	[SBI_EXT_COVI_INIT_TVM_AIA] = {
		.name = "init_tvm_aia",
		.nargs = 3,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covi_init_tvm_aia_checked,
	},
	[SBI_EXT_COVI_SET_TVM_AIA_CPU_IMSIC_ADDR] = {
		.name = "set_tvm_aia_cpu_imsic_addr",
		.nargs = 3,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covi_set_tvm_aia_cpu_imsic_addr_checked,
	},
	[SBI_EXT_COVI_CONVERT_AIA_IMSIC] = {
		.name = "convert_aia_imsic",
		.nargs = 1,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covi_convert_aia_imsic_checked,
	},
	[SBI_EXT_COVI_RECLAIM_TVM_AIA_IMSIC] = {
		.name = "reclaim_tvm_aia_imsic",
		.nargs = 1,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covi_reclaim_tvm_aia_imsic_checked,
	},
	[SBI_EXT_COVI_BIND_AIA_IMSIC] = {
		.name = "bind_aia_imsic",
		.nargs = 3,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covi_bind_aia_imsic_checked,
	},
	[SBI_EXT_COVI_UNBIND_AIA_IMSIC_BEGIN] = {
		.name = "unbind_aia_imsic_begin",
		.nargs = 2,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covi_unbind_aia_imsic_begin_checked,
	},
	[SBI_EXT_COVI_UNBIND_AIA_IMSIC_END] = {
		.name = "unbind_aia_imsic_end",
		.nargs = 2,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covi_unbind_aia_imsic_end_checked,
	},
	[SBI_EXT_COVI_INJECT_TVM_CPU] = {
		.name = "inject_tvm_cpu",
		.nargs = 3,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covi_inject_tvm_cpu_checked,
	},
	[SBI_EXT_COVI_REBIND_AIA_IMSIC_BEGIN] = {
		.name = "rebind_aia_imsic_begin",
		.nargs = 3,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covi_rebind_aia_imsic_begin_checked,
	},
	[SBI_EXT_COVI_REBIND_AIA_IMSIC_CLONE] = {
		.name = "rebind_aia_imsic_clone",
		.nargs = 2,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covi_rebind_aia_imsic_clone_checked,
	},
	[SBI_EXT_COVI_REBIND_AIA_IMSIC_END] = {
		.name = "rebind_aia_imsic_end",
		.nargs = 2,
		.callers = SBI_ABI_CALLER_HOST,
		.call = covi_rebind_aia_imsic_end_checked,
	},
};

_Static_assert(sizeof(sbi_covi_calls) ==
	       SBI_EXT_COVI_FID_COUNT * sizeof(struct sbi_abi_call),
	       "one COVI entry per FID");

static struct sbiret
nacl_probe_feature_checked(struct tsm *tsm, const unsigned long *args)
{
	return nacl_probe_feature(tsm, args[0]);
}

static struct sbiret
nacl_set_shmem_checked(struct tsm *tsm, const unsigned long *args)
{
	return nacl_set_shmem(tsm, args[0], args[1], args[2]);
}

static struct sbiret
nacl_sync_csr_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
nacl_sync_hfence_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static struct sbiret
nacl_sync_sret_checked(struct tsm *tsm, const unsigned long *args)
{
	(void)tsm;
	(void)args;
	/* Not implemented yet: the spec says 'implemented: false'. */
	return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);
}

static const struct sbi_abi_call sbi_nacl_calls[SBI_EXT_NACL_FID_COUNT] = {
	[SBI_EXT_NACL_PROBE_FEATURE] = {
		.name = "probe_feature",
		.nargs = 1,
		.callers = SBI_ABI_CALLER_HOST,
		.call = nacl_probe_feature_checked,
	},
	[SBI_EXT_NACL_SET_SHMEM] = {
		.name = "set_shmem",
		.nargs = 3,
		.callers = SBI_ABI_CALLER_HOST,
		.call = nacl_set_shmem_checked,
	},
	[SBI_EXT_NACL_SYNC_CSR] = {
		.name = "sync_csr",
		.nargs = 1,
		.callers = SBI_ABI_CALLER_HOST,
		.call = nacl_sync_csr_checked,
	},
	[SBI_EXT_NACL_SYNC_HFENCE] = {
		.name = "sync_hfence",
		.nargs = 1,
		.callers = SBI_ABI_CALLER_HOST,
		.call = nacl_sync_hfence_checked,
	},
	[SBI_EXT_NACL_SYNC_SRET] = {
		.name = "sync_sret",
		.nargs = 0,
		.callers = SBI_ABI_CALLER_HOST,
		.call = nacl_sync_sret_checked,
	},
};

_Static_assert(sizeof(sbi_nacl_calls) ==
	       SBI_EXT_NACL_FID_COUNT * sizeof(struct sbi_abi_call),
	       "one NACL entry per FID");

/*
 * The extensions the TSM answers itself; every other EID is forwarded.
 * A probe reports one present to a caller when at least one call the spec
 * marks 'implemented: true' serves that caller.
 */
static const struct sbi_abi_extension sbi_tsm_extensions[] = {
	{
		.eid = SBI_EXT_COVH,
		.name = "COVH",
		.calls = sbi_covh_calls,
		.ncalls = SBI_EXT_COVH_FID_COUNT,
		.available = SBI_ABI_CALLER_HOST,
	},
	{
		.eid = SBI_EXT_COVG,
		.name = "COVG",
		.calls = sbi_covg_calls,
		.ncalls = SBI_EXT_COVG_FID_COUNT,
		.available = 0,
	},
	{
		.eid = SBI_EXT_COVI,
		.name = "COVI",
		.calls = sbi_covi_calls,
		.ncalls = SBI_EXT_COVI_FID_COUNT,
		.available = 0,
	},
	{
		.eid = SBI_EXT_NACL,
		.name = "NACL",
		.calls = sbi_nacl_calls,
		.ncalls = SBI_EXT_NACL_FID_COUNT,
		.available = SBI_ABI_CALLER_HOST,
	},
};

/**
 * struct sbi_forwarded_extension - An extension the spec marks 'forward'.
 * @eid:	Its EID.
 * @fids:	Bit N set: FID N is defined.  Other FIDs are NOT_SUPPORTED
 *		and never reach OpenSBI.
 *
 * The TSM passes these to OpenSBI after the checks their spec entry's
 * 'checks' states; every other EID is refused.
 */
struct sbi_forwarded_extension {
	unsigned long eid;
	unsigned long fids;
};

static const struct sbi_forwarded_extension sbi_forwarded_extensions[] = {
	{ SBI_EXT_BASE, 0x7fUL },
	{ SBI_EXT_TIME, 0x1UL },
	{ SBI_EXT_IPI, 0x1UL },
	{ SBI_EXT_RFENCE, 0x7fUL },
	{ SBI_EXT_HSM, 0xfUL },
	{ SBI_EXT_SRST, 0x1UL },
	{ SBI_EXT_DBCN, 0x7UL },
};

/*
 * Standard extensions the spec lists as refused (refused_extensions, each
 * with its reason): probes answer 0 and calls NOT_SUPPORTED, as for any
 * EID the TSM does not know.  Named here for tests and traces.
 */
static const struct {
	unsigned long eid;
	const char *name;
} sbi_refused_extensions[] __attribute__((unused)) = {
	{ 0x504d55UL, "PMU" },
	{ 0x53555350UL, "SUSP" },
	{ 0x43505043UL, "CPPC" },
	{ 0x535441UL, "STA" },
	{ 0x535345UL, "SSE" },
	{ 0x46574654UL, "FWFT" },
	{ 0x44425452UL, "DBTR" },
	{ 0x4d505859UL, "MPXY" },
};

#endif /* __GENERATED_COVE_DISPATCH_TABLE_H__ */
