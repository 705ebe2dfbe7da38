/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Generated from spec/cove.yaml, spec/kvm.yaml, spec/sbi.yaml, spec/tsm.yaml
 * by codegen/templates/selftests/sbi_abi_expect.h.j2.
 * Do not edit: change the spec and run ./tools/regen.
 */

/*
 * What the spec promises about each call the TSM handles, for test
 * payloads: who may call it, arguments that pass every constraint the
 * spec states, and the errors it may return.  Define SBI_ABI_EXAMPLE_ADDR
 * (a host address aligned to at least 2 MiB) before including this.
 */
#ifndef __GENERATED_SBI_ABI_EXPECT_H__
#define __GENERATED_SBI_ABI_EXPECT_H__

#include <stdbool.h>

#include "sbi_abi.h"
#include "sbi_cove_types.h"

#ifndef SBI_ABI_EXAMPLE_ADDR
#error "define SBI_ABI_EXAMPLE_ADDR before including sbi_abi_expect.h"
#endif

/**
 * struct sbi_abi_expect - One function, as the spec declares it.
 * @eid, @fid:	Its IDs.
 * @name:	"COVH.convert_pages".
 * @caller:	"host", "guest" or "any".
 * @implemented: Whether the TSM implements it; if not, it answers
 *		NOT_SUPPORTED once its arguments pass the spec's checks.
 * @nargs:	Arguments it takes.
 * @args:	Values that pass every constraint (zero past @nargs).
 * @errors:	Errors it may return besides SUCCESS and NOT_SUPPORTED.
 * @nerrors:	Entries in @errors.
 */
struct sbi_abi_expect {
	unsigned long eid;
	unsigned long fid;
	const char *name;
	const char *caller;
	bool implemented;
	unsigned int nargs;
	unsigned long args[6];
	long errors[19];
	unsigned int nerrors;
};

static const struct sbi_abi_expect sbi_abi_expectations[] = {
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_TSM_GET_INFO,
		.name = "COVH.tsm_get_info",
		.caller = "host",
		.implemented = true,
		.nargs = 2,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
			48UL,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_CONVERT_PAGES,
		.name = "COVH.convert_pages",
		.caller = "host",
		.implemented = true,
		.nargs = 2,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_RECLAIM_PAGES,
		.name = "COVH.reclaim_pages",
		.caller = "host",
		.implemented = true,
		.nargs = 2,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_INITIATE_FENCE,
		.name = "COVH.initiate_fence",
		.caller = "host",
		.implemented = true,
		.nargs = 0,
		.errors = {
			SBI_ERR_ALREADY_STARTED,
			SBI_ERR_FAILED,
		},
		.nerrors = 2,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_LOCAL_FENCE,
		.name = "COVH.local_fence",
		.caller = "host",
		.implemented = true,
		.nargs = 0,
		.errors = {
			SBI_ERR_FAILED,
		},
		.nerrors = 1,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_CREATE_TVM,
		.name = "COVH.create_tvm",
		.caller = "host",
		.implemented = true,
		.nargs = 2,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
			16UL,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_FINALIZE_TVM,
		.name = "COVH.finalize_tvm",
		.caller = "host",
		.implemented = true,
		.nargs = 4,
		.args = {
			1UL,
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
			SBI_ABI_EXAMPLE_ADDR,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 2,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_PROMOTE_TO_TVM,
		.name = "COVH.promote_to_tvm",
		.caller = "host",
		.implemented = false,
		.nargs = 4,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
			SBI_ABI_EXAMPLE_ADDR,
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_AUTH,
			SBI_ERR_OUT_OF_MEMORY,
			SBI_ERR_FAILED,
		},
		.nerrors = 4,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_DESTROY_TVM,
		.name = "COVH.destroy_tvm",
		.caller = "host",
		.implemented = true,
		.nargs = 1,
		.args = {
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 2,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_ADD_TVM_MEMORY_REGION,
		.name = "COVH.add_tvm_memory_region",
		.caller = "host",
		.implemented = true,
		.nargs = 3,
		.args = {
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
			4096UL,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES,
		.name = "COVH.add_tvm_page_table_pages",
		.caller = "host",
		.implemented = true,
		.nargs = 3,
		.args = {
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_OUT_OF_PTPAGES,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 4,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES,
		.name = "COVH.add_tvm_measured_pages",
		.caller = "host",
		.implemented = true,
		.nargs = 6,
		.args = {
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
			SBI_ABI_EXAMPLE_ADDR,
			SBI_PAGE_TYPE_PAGE_4K,
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_ADD_TVM_ZERO_PAGES,
		.name = "COVH.add_tvm_zero_pages",
		.caller = "host",
		.implemented = true,
		.nargs = 5,
		.args = {
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
			SBI_PAGE_TYPE_PAGE_4K,
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_ADD_TVM_SHARED_PAGES,
		.name = "COVH.add_tvm_shared_pages",
		.caller = "host",
		.implemented = false,
		.nargs = 5,
		.args = {
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
			SBI_PAGE_TYPE_PAGE_4K,
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_CREATE_TVM_VCPU,
		.name = "COVH.create_tvm_vcpu",
		.caller = "host",
		.implemented = true,
		.nargs = 3,
		.args = {
			1UL,
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_RUN_TVM_VCPU,
		.name = "COVH.run_tvm_vcpu",
		.caller = "host",
		.implemented = true,
		.nargs = 2,
		.args = {
			1UL,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
			SBI_ERR_NO_SHMEM,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_TVM_INITIATE_FENCE,
		.name = "COVH.tvm_initiate_fence",
		.caller = "host",
		.implemented = false,
		.nargs = 1,
		.args = {
			1UL,
		},
		.errors = {
			SBI_ERR_ALREADY_STARTED,
			SBI_ERR_FAILED,
		},
		.nerrors = 2,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_TVM_INVALIDATE_PAGES,
		.name = "COVH.tvm_invalidate_pages",
		.caller = "host",
		.implemented = false,
		.nargs = 3,
		.args = {
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
			4096UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_TVM_VALIDATE_PAGES,
		.name = "COVH.tvm_validate_pages",
		.caller = "host",
		.implemented = false,
		.nargs = 3,
		.args = {
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
			4096UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVH,
		.fid = SBI_EXT_COVH_TVM_REMOVE_PAGES,
		.name = "COVH.tvm_remove_pages",
		.caller = "host",
		.implemented = false,
		.nargs = 3,
		.args = {
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
			4096UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVG,
		.fid = SBI_EXT_COVG_ADD_MMIO_REGION,
		.name = "COVG.add_mmio_region",
		.caller = "guest",
		.implemented = false,
		.nargs = 2,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
			4096UL,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVG,
		.fid = SBI_EXT_COVG_REMOVE_MMIO_REGION,
		.name = "COVG.remove_mmio_region",
		.caller = "guest",
		.implemented = false,
		.nargs = 2,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
			4096UL,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVG,
		.fid = SBI_EXT_COVG_SHARE_MEMORY_REGION,
		.name = "COVG.share_memory_region",
		.caller = "guest",
		.implemented = false,
		.nargs = 2,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
			4096UL,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVG,
		.fid = SBI_EXT_COVG_UNSHARE_MEMORY_REGION,
		.name = "COVG.unshare_memory_region",
		.caller = "guest",
		.implemented = false,
		.nargs = 2,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
			4096UL,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVG,
		.fid = SBI_EXT_COVG_ALLOW_EXTERNAL_INTERRUPT,
		.name = "COVG.allow_external_interrupt",
		.caller = "guest",
		.implemented = false,
		.nargs = 1,
		.args = {
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 2,
	},
	{
		.eid = SBI_EXT_COVG,
		.fid = SBI_EXT_COVG_DENY_EXTERNAL_INTERRUPT,
		.name = "COVG.deny_external_interrupt",
		.caller = "guest",
		.implemented = false,
		.nargs = 1,
		.args = {
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 2,
	},
	{
		.eid = SBI_EXT_COVG,
		.fid = SBI_EXT_COVG_GET_ATTESTATION_CAPABILITIES,
		.name = "COVG.get_attestation_capabilities",
		.caller = "guest",
		.implemented = false,
		.nargs = 2,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
			4096UL,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVG,
		.fid = SBI_EXT_COVG_EXTEND_MEASUREMENT,
		.name = "COVG.extend_measurement",
		.caller = "guest",
		.implemented = false,
		.nargs = 3,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
			1UL,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVG,
		.fid = SBI_EXT_COVG_GET_EVIDENCE,
		.name = "COVG.get_evidence",
		.caller = "guest",
		.implemented = false,
		.nargs = 6,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_BUSY,
			SBI_ERR_FAILED,
		},
		.nerrors = 4,
	},
	{
		.eid = SBI_EXT_COVG,
		.fid = SBI_EXT_COVG_RETRIEVE_SECRET,
		.name = "COVG.retrieve_secret",
		.caller = "guest",
		.implemented = false,
		.nargs = 2,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_AUTH,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVG,
		.fid = SBI_EXT_COVG_READ_MEASUREMENT,
		.name = "COVG.read_measurement",
		.caller = "guest",
		.implemented = false,
		.nargs = 3,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
			1UL,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVI,
		.fid = SBI_EXT_COVI_INIT_TVM_AIA,
		.name = "COVI.init_tvm_aia",
		.caller = "host",
		.implemented = false,
		.nargs = 3,
		.args = {
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVI,
		.fid = SBI_EXT_COVI_SET_TVM_AIA_CPU_IMSIC_ADDR,
		.name = "COVI.set_tvm_aia_cpu_imsic_addr",
		.caller = "host",
		.implemented = false,
		.nargs = 3,
		.args = {
			1UL,
			1UL,
			SBI_ABI_EXAMPLE_ADDR,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVI,
		.fid = SBI_EXT_COVI_CONVERT_AIA_IMSIC,
		.name = "COVI.convert_aia_imsic",
		.caller = "host",
		.implemented = false,
		.nargs = 1,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_FAILED,
		},
		.nerrors = 2,
	},
	{
		.eid = SBI_EXT_COVI,
		.fid = SBI_EXT_COVI_RECLAIM_TVM_AIA_IMSIC,
		.name = "COVI.reclaim_tvm_aia_imsic",
		.caller = "host",
		.implemented = false,
		.nargs = 1,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
		},
		.errors = {
			SBI_ERR_INVALID_ADDRESS,
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 3,
	},
	{
		.eid = SBI_EXT_COVI,
		.fid = SBI_EXT_COVI_BIND_AIA_IMSIC,
		.name = "COVI.bind_aia_imsic",
		.caller = "host",
		.implemented = false,
		.nargs = 3,
		.args = {
			1UL,
			1UL,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 2,
	},
	{
		.eid = SBI_EXT_COVI,
		.fid = SBI_EXT_COVI_UNBIND_AIA_IMSIC_BEGIN,
		.name = "COVI.unbind_aia_imsic_begin",
		.caller = "host",
		.implemented = false,
		.nargs = 2,
		.args = {
			1UL,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 2,
	},
	{
		.eid = SBI_EXT_COVI,
		.fid = SBI_EXT_COVI_UNBIND_AIA_IMSIC_END,
		.name = "COVI.unbind_aia_imsic_end",
		.caller = "host",
		.implemented = false,
		.nargs = 2,
		.args = {
			1UL,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 2,
	},
	{
		.eid = SBI_EXT_COVI,
		.fid = SBI_EXT_COVI_INJECT_TVM_CPU,
		.name = "COVI.inject_tvm_cpu",
		.caller = "host",
		.implemented = false,
		.nargs = 3,
		.args = {
			1UL,
			1UL,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 2,
	},
	{
		.eid = SBI_EXT_COVI,
		.fid = SBI_EXT_COVI_REBIND_AIA_IMSIC_BEGIN,
		.name = "COVI.rebind_aia_imsic_begin",
		.caller = "host",
		.implemented = false,
		.nargs = 3,
		.args = {
			1UL,
			1UL,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 2,
	},
	{
		.eid = SBI_EXT_COVI,
		.fid = SBI_EXT_COVI_REBIND_AIA_IMSIC_CLONE,
		.name = "COVI.rebind_aia_imsic_clone",
		.caller = "host",
		.implemented = false,
		.nargs = 2,
		.args = {
			1UL,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 2,
	},
	{
		.eid = SBI_EXT_COVI,
		.fid = SBI_EXT_COVI_REBIND_AIA_IMSIC_END,
		.name = "COVI.rebind_aia_imsic_end",
		.caller = "host",
		.implemented = false,
		.nargs = 2,
		.args = {
			1UL,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_FAILED,
		},
		.nerrors = 2,
	},
	{
		.eid = SBI_EXT_NACL,
		.fid = SBI_EXT_NACL_PROBE_FEATURE,
		.name = "NACL.probe_feature",
		.caller = "host",
		.implemented = true,
		.nargs = 1,
		.args = {
			1UL,
		},
		.nerrors = 0,
	},
	{
		.eid = SBI_EXT_NACL,
		.fid = SBI_EXT_NACL_SET_SHMEM,
		.name = "NACL.set_shmem",
		.caller = "host",
		.implemented = true,
		.nargs = 3,
		.args = {
			SBI_ABI_EXAMPLE_ADDR,
			1UL,
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
			SBI_ERR_INVALID_ADDRESS,
		},
		.nerrors = 2,
	},
	{
		.eid = SBI_EXT_NACL,
		.fid = SBI_EXT_NACL_SYNC_CSR,
		.name = "NACL.sync_csr",
		.caller = "host",
		.implemented = false,
		.nargs = 1,
		.args = {
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
		},
		.nerrors = 1,
	},
	{
		.eid = SBI_EXT_NACL,
		.fid = SBI_EXT_NACL_SYNC_HFENCE,
		.name = "NACL.sync_hfence",
		.caller = "host",
		.implemented = false,
		.nargs = 1,
		.args = {
			1UL,
		},
		.errors = {
			SBI_ERR_INVALID_PARAM,
		},
		.nerrors = 1,
	},
	{
		.eid = SBI_EXT_NACL,
		.fid = SBI_EXT_NACL_SYNC_SRET,
		.name = "NACL.sync_sret",
		.caller = "host",
		.implemented = false,
		.nargs = 0,
		.nerrors = 0,
	},
};

/*
 * Extensions the TSM forwards to OpenSBI, with the FIDs the spec defines
 * (bit N: FID N); any other FID is NOT_SUPPORTED from the TSM.
 */
static const struct {
	unsigned long eid;
	const char *name;
	unsigned long fids;
} sbi_abi_forwarded[] __attribute__((unused)) = {
	{ SBI_EXT_BASE, "BASE", 0x7fUL },
	{ SBI_EXT_TIME, "TIME", 0x1UL },
	{ SBI_EXT_IPI, "IPI", 0x1UL },
	{ SBI_EXT_RFENCE, "RFENCE", 0x7fUL },
	{ SBI_EXT_HSM, "HSM", 0xfUL },
	{ SBI_EXT_SRST, "SRST", 0x1UL },
	{ SBI_EXT_DBCN, "DBCN", 0x7UL },
};

/* Extensions the TSM refuses: probe 0, every call NOT_SUPPORTED. */
static const struct {
	unsigned long eid;
	const char *name;
} sbi_abi_refused[] __attribute__((unused)) = {
	{ 0x504d55UL, "PMU" },
	{ 0x53555350UL, "SUSP" },
	{ 0x43505043UL, "CPPC" },
	{ 0x535441UL, "STA" },
	{ 0x535345UL, "SSE" },
	{ 0x46574654UL, "FWFT" },
	{ 0x44425452UL, "DBTR" },
	{ 0x4d505859UL, "MPXY" },
};

#endif /* __GENERATED_SBI_ABI_EXPECT_H__ */
