/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Generated from spec/cove.yaml, spec/kvm.yaml, spec/sbi.yaml, spec/tsm.yaml
 * by codegen/templates/selftests/sbi_ecall_stubs.h.j2.
 * Do not edit: change the spec and run ./tools/regen.
 */

/*
 * ecall stubs for bare-metal test payloads acting as a host (COVH, COVI)
 * or a guest (COVG), and for the standard extensions they use.
 * RISC-V only: the stubs are inline assembly.
 */
#ifndef __GENERATED_SBI_ECALL_STUBS_H__
#define __GENERATED_SBI_ECALL_STUBS_H__

#include "sbi_abi.h"

/* One SBI call: a7 = eid, a6 = fid, a0-a5 = arguments. */
static inline struct sbiret
covekit_ecall(unsigned long eid, unsigned long fid, unsigned long arg0,
	      unsigned long arg1, unsigned long arg2, unsigned long arg3,
	      unsigned long arg4, unsigned long arg5)
{
	register unsigned long a0 __asm__("a0") = arg0;
	register unsigned long a1 __asm__("a1") = arg1;
	register unsigned long a2 __asm__("a2") = arg2;
	register unsigned long a3 __asm__("a3") = arg3;
	register unsigned long a4 __asm__("a4") = arg4;
	register unsigned long a5 __asm__("a5") = arg5;
	register unsigned long a6 __asm__("a6") = fid;
	register unsigned long a7 __asm__("a7") = eid;

	__asm__ __volatile__("ecall"
			     : "+r"(a0), "+r"(a1)
			     : "r"(a2), "r"(a3), "r"(a4), "r"(a5),
			       "r"(a6), "r"(a7)
			     : "memory");
	return (struct sbiret){ .error = (long)a0, .value = (long)a1 };
}

/* COVH (0x434F5648) */

/**
 * sbi_covh_tsm_get_info() - Writes the TSM's state, version, capabilities and
 * sizing parameters as a struct tsm_info to host memory
 * @tsm_info_addr: Physical address of the buffer that receives struct tsm_info.
 * @tsm_info_len: Size of the buffer in bytes; at least 48, the size of the
 *	CoVE-2025 struct tsm_info. Must be at least 48.
 *
 * The host must see tsm_state == READY before making any other COVH call.
 *
 * Caller: host. COVH FID 0, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value:
 * Number of bytes written to the buffer.
 */
static inline struct sbiret
sbi_covh_tsm_get_info(unsigned long tsm_info_addr, unsigned long tsm_info_len)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_TSM_GET_INFO,
			     tsm_info_addr, tsm_info_len, 0, 0, 0, 0);
}

/**
 * sbi_covh_convert_pages() - Starts converting num_pages contiguous 4 KiB pages
 * of non-confidential memory into confidential memory
 * @base_page_addr: Physical address of the first page; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @num_pages: Number of 4 KiB pages to convert. Must be at least 1.
 *
 * The pages become usable for TVMs only after initiate_fence and a local_fence
 * on every hart.
 *
 * Caller: host. COVH FID 1, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covh_convert_pages(unsigned long base_page_addr, unsigned long num_pages)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_CONVERT_PAGES,
			     base_page_addr, num_pages, 0, 0, 0, 0);
}

/**
 * sbi_covh_reclaim_pages() - Returns num_pages contiguous 4 KiB confidential
 * pages to non-confidential use
 * @base_page_addr: Physical address of the first page; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @num_pages: Number of 4 KiB pages to reclaim. Must be at least 1.
 *
 * None of them may belong to an active TVM.
 *
 * Caller: host. COVH FID 2, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covh_reclaim_pages(unsigned long base_page_addr, unsigned long num_pages)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_RECLAIM_PAGES,
			     base_page_addr, num_pages, 0, 0, 0, 0);
}

/**
 * sbi_covh_initiate_fence() - Starts the global TLB invalidation sequence for
 * pages queued by convert_pages; the sequence ends once every hart has called
 * local_fence
 *
 * CoVE-2025 calls this function global_fence.
 *
 * Caller: host. COVH FID 3, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_ALREADY_STARTED, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covh_initiate_fence(void)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_INITIATE_FENCE, 0, 0, 0,
			     0, 0, 0);
}

/**
 * sbi_covh_local_fence() - Invalidates, on the calling hart, the TLB entries
 * covered by the fence sequence in progress; the last hart to call it completes
 * the conversion
 *
 * Caller: host. COVH FID 4, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED.
 * .value is unspecified.
 */
static inline struct sbiret
sbi_covh_local_fence(void)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_LOCAL_FENCE, 0, 0, 0, 0,
			     0, 0);
}

/**
 * sbi_covh_create_tvm() - Creates a TVM from a struct tvm_create_params in host
 * memory
 * @params_addr: Physical address of the struct tvm_create_params.
 * @params_len: Size of the parameter structure in bytes; at least 16, the size
 *	of struct tvm_create_params. Must be at least 16.
 *
 * The new TVM is in state INITIALIZING until finalize_tvm.
 *
 * Caller: host. COVH FID 5, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value: The
 * new TVM's ID, used as tvm_id in later calls.
 */
static inline struct sbiret
sbi_covh_create_tvm(unsigned long params_addr, unsigned long params_len)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_CREATE_TVM, params_addr,
			     params_len, 0, 0, 0, 0);
}

/**
 * sbi_covh_finalize_tvm() - Commits the TVM's measurement and moves it from
 * INITIALIZING to RUNNABLE; entry_sepc, entry_arg and the number of vCPUs are
 * measured (a TVM_FINL record, see the measurement in spec/tsm.yaml), the
 * identity buffer is not
 * @tvm_id: The TVM to finalize; it must be in state INITIALIZING.
 * @entry_sepc: Address at which the boot vCPU starts executing.
 * @entry_arg: Guest-physical address of the guest's flattened device tree,
 *	passed to the boot vCPU in a1.
 * @identity_addr: Physical address of a 64-byte, 64-byte-aligned host-defined
 *	identity buffer that is reported in attestation but not measured; 0 =
 *	none. CoVE-2023 has no such argument. Must be 64-byte aligned (0 is
 *	always accepted).
 *
 * After this, no measured pages or vCPUs can be added.
 *
 * Caller: host. COVH FID 6, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covh_finalize_tvm(unsigned long tvm_id, unsigned long entry_sepc,
		      unsigned long entry_arg, unsigned long identity_addr)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_FINALIZE_TVM, tvm_id,
			     entry_sepc, entry_arg, identity_addr, 0, 0);
}

/**
 * sbi_covh_promote_to_tvm() - Converts a running VM into a TVM in one step: the
 * TSM copies the VM's memory, G-stage page tables (from hgatp) and boot vCPU
 * state (from NACL shared memory) into confidential memory, measures them, and
 * leaves the TVM RUNNABLE
 * @fdt_addr: Guest-physical address of the guest's flattened device tree;
 *	8-byte aligned. Must be 8-byte aligned.
 * @tap_addr: Guest-physical address of the TVM attestation payload used for
 *	local attestation; 8-byte aligned, 0 when only remote attestation is
 *	wanted. Must be 8-byte aligned (0 is always accepted).
 * @entry_sepc: Address at which the promoted boot vCPU resumes.
 * @identity_addr: Physical address of a 64-byte host-defined identity buffer as
 *	for finalize_tvm; 0 = none. Must be 64-byte aligned (0 is always
 *	accepted).
 *
 * CoVE-2025 only; arguments follow CoVE-2025.
 *
 * Caller: host. COVH FID 7, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS, SBI_ERR_AUTH,
 * SBI_ERR_OUT_OF_MEMORY, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value: The
 * new TVM's ID, used as tvm_id in later calls.
 */
static inline struct sbiret
sbi_covh_promote_to_tvm(unsigned long fdt_addr, unsigned long tap_addr,
			unsigned long entry_sepc, unsigned long identity_addr)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_PROMOTE_TO_TVM,
			     fdt_addr, tap_addr, entry_sepc, identity_addr, 0,
			     0);
}

/**
 * sbi_covh_destroy_tvm() - Destroys a TVM whose vCPUs have all stopped running
 * @tvm_id: The TVM to destroy.
 *
 * Its confidential pages become unassigned and can be given to other TVMs, or
 * returned with reclaim_pages.
 *
 * Caller: host. COVH FID 8, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covh_destroy_tvm(unsigned long tvm_id)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_DESTROY_TVM, tvm_id, 0,
			     0, 0, 0, 0);
}

/**
 * sbi_covh_add_tvm_memory_region() - Reserves a guest-physical range of the TVM
 * for confidential memory
 * @tvm_id: The TVM, still in state INITIALIZING.
 * @gpa: First guest-physical address of the region; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @len: Length of the region in bytes; a multiple of 4 KiB. Must be 4096-byte
 *	aligned.
 *
 * The range must not overlap an existing region; allowed only before
 * finalize_tvm. Its gpa and len are measured (a TVM_REGN record).
 *
 * Caller: host. COVH FID 9, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covh_add_tvm_memory_region(unsigned long tvm_id, unsigned long gpa,
			       unsigned long len)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_ADD_TVM_MEMORY_REGION,
			     tvm_id, gpa, len, 0, 0, 0);
}

/**
 * sbi_covh_add_tvm_page_table_pages() - Donates num_pages contiguous 4 KiB
 * confidential pages to the TVM's pool of G-stage page-table pages
 * @tvm_id: The TVM that receives the pages.
 * @base_page_addr: Physical address of the first confidential page; 4 KiB
 *	aligned. Must be 4096-byte aligned.
 * @num_pages: Number of 4 KiB pages to donate. Must be at least 1.
 *
 * Caller: host. COVH FID 10, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_OUT_OF_PTPAGES, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covh_add_tvm_page_table_pages(unsigned long tvm_id,
				  unsigned long base_page_addr,
				  unsigned long num_pages)
{
	return covekit_ecall(SBI_EXT_COVH,
			     SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES, tvm_id,
			     base_page_addr, num_pages, 0, 0, 0);
}

/**
 * sbi_covh_add_tvm_measured_pages() - Copies pages from non-confidential memory
 * into confidential pages, maps them at gpa inside a confidential region and
 * extends the TVM's SHA-384 measurement for each 4 KiB page, GPA included (a
 * TVM_PAGE record per page, in ascending GPA)
 * @tvm_id: The TVM, still in state INITIALIZING.
 * @src_addr: Physical address of the non-confidential source pages; 4 KiB
 *	aligned. Must be 4096-byte aligned.
 * @dest_addr: Physical address of the confidential destination pages; 4 KiB
 *	aligned. Must be 4096-byte aligned.
 * @page_type: Size of each page, a member of page_type. Must be a member of
 *	enum sbi_page_type.
 * @num_pages: Number of pages of size page_type. Must be at least 1.
 * @gpa: Guest-physical address at which the first page is mapped; at least 4
 *	KiB aligned. Must be 4096-byte aligned.
 *
 * Allowed only before finalize_tvm.
 *
 * Caller: host. COVH FID 11, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covh_add_tvm_measured_pages(unsigned long tvm_id, unsigned long src_addr,
				unsigned long dest_addr,
				unsigned long page_type,
				unsigned long num_pages, unsigned long gpa)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES,
			     tvm_id, src_addr, dest_addr, page_type, num_pages,
			     gpa);
}

/**
 * sbi_covh_add_tvm_zero_pages() - Zeroes confidential pages and maps them at
 * gpa inside a confidential region, typically in response to a guest page fault
 * @tvm_id: The TVM, in state RUNNABLE.
 * @base_page_addr: Physical address of the first confidential page; 4 KiB
 *	aligned. Must be 4096-byte aligned.
 * @page_type: Size of each page, a member of page_type. Must be a member of
 *	enum sbi_page_type.
 * @num_pages: Number of pages of size page_type. Must be at least 1.
 * @gpa: Guest-physical address at which the first page is mapped; at least 4
 *	KiB aligned. Must be 4096-byte aligned.
 *
 * Allowed only after finalize_tvm; not measured.
 *
 * Caller: host. COVH FID 12, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covh_add_tvm_zero_pages(unsigned long tvm_id, unsigned long base_page_addr,
			    unsigned long page_type, unsigned long num_pages,
			    unsigned long gpa)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_ADD_TVM_ZERO_PAGES,
			     tvm_id, base_page_addr, page_type, num_pages, gpa,
			     0);
}

/**
 * sbi_covh_add_tvm_shared_pages() - Maps non-confidential host pages into the
 * TVM at gpa
 * @tvm_id: The TVM that receives the mapping.
 * @base_page_addr: Physical address of the first non-confidential page; 4 KiB
 *	aligned. Must be 4096-byte aligned.
 * @page_type: Size of each page, a member of page_type. Must be a member of
 *	enum sbi_page_type.
 * @num_pages: Number of pages of size page_type. Must be at least 1.
 * @gpa: Guest-physical address at which the first page is mapped; at least 4
 *	KiB aligned. Must be 4096-byte aligned.
 *
 * The GPA range must lie in a region the guest has declared shared with
 * share_memory_region.
 *
 * Caller: host. COVH FID 13, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covh_add_tvm_shared_pages(unsigned long tvm_id,
			      unsigned long base_page_addr,
			      unsigned long page_type, unsigned long num_pages,
			      unsigned long gpa)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_ADD_TVM_SHARED_PAGES,
			     tvm_id, base_page_addr, page_type, num_pages, gpa,
			     0);
}

/**
 * sbi_covh_create_tvm_vcpu() - Adds vCPU vcpu_id to the TVM, keeping its state
 * in confidential pages donated by the host
 * @tvm_id: The TVM, still in state INITIALIZING.
 * @vcpu_id: ID of the new vCPU.
 * @state_page_addr: Physical address of the confidential pages that hold the
 *	vCPU state (tsm_info.tvm_vcpu_state_pages pages); 4 KiB aligned. Must be
 *	4096-byte aligned.
 *
 * Allowed only before finalize_tvm.
 *
 * Caller: host. COVH FID 14, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covh_create_tvm_vcpu(unsigned long tvm_id, unsigned long vcpu_id,
			 unsigned long state_page_addr)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_CREATE_TVM_VCPU, tvm_id,
			     vcpu_id, state_page_addr, 0, 0, 0);
}

/**
 * sbi_covh_run_tvm_vcpu() - Runs a vCPU of a RUNNABLE TVM on the calling hart
 * until it exits with a trap the TSM does not serve itself
 * @tvm_id: The TVM, in state RUNNABLE.
 * @vcpu_id: The vCPU to run.
 *
 * The calling hart must have a NACL shared-memory area (struct sbi_nacl_shmem):
 * the exit cause (a tvm_exit_cause, or a tvm_exit_interrupt with the MSB set)
 * is written to its csrs[] entry for scause, and only what the exit exposes is
 * written besides: a0-a7 in the scratch GPRs for an ecall (10; on the next run
 * the TSM reads a0 and a1 back and skips the ecall), htval and stval for a
 * guest page fault (20/21/23, at (htval << 2) | (stval & 3)), htinst for a
 * virtual instruction (22; WFI), and on every exit htimedelta, vstimecmp and
 * vsie so the host knows when to run the vCPU again. Every scratch GPR the exit
 * does not expose is written 0. The boot vCPU (0) must run first; it starts at
 * finalize_tvm's entry_sepc with a0 = 0 and a1 = entry_arg. Another vCPU runs
 * only once the TVM started it with HSM hart_start (that start also exits, as
 * an ecall, so the host learns it). Error choices, covekit's where CoVE-2025 is
 * silent: INVALID_PARAM for a bad id, a TVM not RUNNABLE, or a vCPU that is not
 * created, not started or dead; FAILED while the vCPU runs on another hart (a
 * vCPU runs on at most one hart at a time); NO_SHMEM without a NACL area on the
 * calling hart.
 *
 * Caller: host. COVH FID 15, CoVE-2025, covekit's choices where it is silent.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED,
 * SBI_ERR_NO_SHMEM, or SBI_ERR_NOT_SUPPORTED. .value: 0 if the exit can be
 * resumed; non-zero if the vCPU stopped for good (the TVM asked SRST
 * system_reset, or a fatal error) and cannot run again.
 */
static inline struct sbiret
sbi_covh_run_tvm_vcpu(unsigned long tvm_id, unsigned long vcpu_id)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_RUN_TVM_VCPU, tvm_id,
			     vcpu_id, 0, 0, 0, 0);
}

/**
 * sbi_covh_tvm_initiate_fence() - Starts a TLB invalidation sequence for the
 * TVM's pages invalidated since the last such fence
 * @tvm_id: The TVM to fence.
 *
 * It completes once every vCPU that was running has trapped into the TSM, which
 * the host can force with IPIs.
 *
 * Caller: host. COVH FID 16, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_ALREADY_STARTED, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covh_tvm_initiate_fence(unsigned long tvm_id)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_TVM_INITIATE_FENCE,
			     tvm_id, 0, 0, 0, 0, 0);
}

/**
 * sbi_covh_tvm_invalidate_pages() - Blocks further TVM access to the mapped
 * pages in a guest-physical range; a tvm_initiate_fence sequence must then
 * complete the invalidation
 * @tvm_id: The TVM whose pages are invalidated.
 * @gpa: First guest-physical address of the range; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @len: Length of the range in bytes; a multiple of 4 KiB. Must be 4096-byte
 *	aligned.
 *
 * Faults on the blocked pages are still reported to the host.
 *
 * Caller: host. COVH FID 17, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM,
 * SBI_ERR_INVALID_ADDRESS, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covh_tvm_invalidate_pages(unsigned long tvm_id, unsigned long gpa,
			      unsigned long len)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_TVM_INVALIDATE_PAGES,
			     tvm_id, gpa, len, 0, 0, 0);
}

/**
 * sbi_covh_tvm_validate_pages() - Makes pages previously blocked with
 * tvm_invalidate_pages present again, restoring their earlier state; undoes an
 * unfinished removal
 * @tvm_id: The TVM whose pages are validated.
 * @gpa: First guest-physical address of the range; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @len: Length of the range in bytes; a multiple of 4 KiB. Must be 4096-byte
 *	aligned.
 *
 * Caller: host. COVH FID 18, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM,
 * SBI_ERR_INVALID_ADDRESS, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covh_tvm_validate_pages(unsigned long tvm_id, unsigned long gpa,
			    unsigned long len)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_TVM_VALIDATE_PAGES,
			     tvm_id, gpa, len, 0, 0, 0);
}

/**
 * sbi_covh_tvm_remove_pages() - Unmaps the pages in a guest-physical range that
 * has been invalidated and fenced
 * @tvm_id: The TVM whose pages are removed.
 * @gpa: First guest-physical address of the range; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @len: Length of the range in bytes; a multiple of 4 KiB. Must be 4096-byte
 *	aligned.
 *
 * Removed confidential pages become unassigned; removed shared pages return to
 * the host.
 *
 * Caller: host. COVH FID 19, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM,
 * SBI_ERR_INVALID_ADDRESS, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covh_tvm_remove_pages(unsigned long tvm_id, unsigned long gpa,
			  unsigned long len)
{
	return covekit_ecall(SBI_EXT_COVH, SBI_EXT_COVH_TVM_REMOVE_PAGES,
			     tvm_id, gpa, len, 0, 0, 0);
}

/* COVG (0x434F5647) */

/**
 * sbi_covg_add_mmio_region() - Declares a guest-physical range as emulated
 * MMIO, as the guest's ioremap does
 * @gpa: First guest-physical address of the range; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @len: Length of the range in bytes; a multiple of 4 KiB. Must be 4096-byte
 *	aligned.
 *
 * The TSM then decodes faulting accesses in the range and forwards them to the
 * host for emulation.
 *
 * Caller: guest. COVG FID 0, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covg_add_mmio_region(unsigned long gpa, unsigned long len)
{
	return covekit_ecall(SBI_EXT_COVG, SBI_EXT_COVG_ADD_MMIO_REGION, gpa,
			     len, 0, 0, 0, 0);
}

/**
 * sbi_covg_remove_mmio_region() - Removes a guest-physical range from the
 * emulated MMIO regions; later accesses to it fault
 * @gpa: First guest-physical address of the range; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @len: Length of the range in bytes; a multiple of 4 KiB. Must be 4096-byte
 *	aligned.
 *
 * Caller: guest. COVG FID 1, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covg_remove_mmio_region(unsigned long gpa, unsigned long len)
{
	return covekit_ecall(SBI_EXT_COVG, SBI_EXT_COVG_REMOVE_MMIO_REGION, gpa,
			     len, 0, 0, 0, 0);
}

/**
 * sbi_covg_share_memory_region() - Asks to turn a confidential guest-physical
 * range into memory shared with the host; its contents are lost
 * @gpa: First guest-physical address of the range; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @len: Length of the range in bytes; a multiple of 4 KiB. Must be 4096-byte
 *	aligned.
 *
 * The calling vCPU is blocked until the host has acted.
 *
 * Caller: guest. COVG FID 2, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covg_share_memory_region(unsigned long gpa, unsigned long len)
{
	return covekit_ecall(SBI_EXT_COVG, SBI_EXT_COVG_SHARE_MEMORY_REGION,
			     gpa, len, 0, 0, 0, 0);
}

/**
 * sbi_covg_unshare_memory_region() - Asks to turn a shared guest-physical range
 * back into confidential memory; its contents are lost
 * @gpa: First guest-physical address of the range; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @len: Length of the range in bytes; a multiple of 4 KiB. Must be 4096-byte
 *	aligned.
 *
 * The calling vCPU is blocked until the host has acted.
 *
 * Caller: guest. COVG FID 3, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covg_unshare_memory_region(unsigned long gpa, unsigned long len)
{
	return covekit_ecall(SBI_EXT_COVG, SBI_EXT_COVG_UNSHARE_MEMORY_REGION,
			     gpa, len, 0, 0, 0, 0);
}

/**
 * sbi_covg_allow_external_interrupt() - Lets the host inject the given external
 * interrupt into the calling vCPU
 * @interrupt_id: The external interrupt ID to allow; -1 allows all.
 *
 * All external interrupts are denied when a vCPU starts.
 *
 * Caller: guest. COVG FID 4, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covg_allow_external_interrupt(long interrupt_id)
{
	return covekit_ecall(SBI_EXT_COVG,
			     SBI_EXT_COVG_ALLOW_EXTERNAL_INTERRUPT,
			     (unsigned long)interrupt_id, 0, 0, 0, 0, 0);
}

/**
 * sbi_covg_deny_external_interrupt() - Stops the host from injecting the given
 * external interrupt into the calling vCPU
 * @interrupt_id: The external interrupt ID to deny; -1 denies all.
 *
 * Caller: guest. COVG FID 5, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covg_deny_external_interrupt(long interrupt_id)
{
	return covekit_ecall(SBI_EXT_COVG, SBI_EXT_COVG_DENY_EXTERNAL_INTERRUPT,
			     (unsigned long)interrupt_id, 0, 0, 0, 0, 0);
}

/**
 * sbi_covg_get_attestation_capabilities() - Writes the TSM's attestation
 * capabilities (hash algorithm, certificate formats, measurement registers) to
 * a guest buffer
 * @caps_addr: Guest-physical address of the buffer; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @caps_size: Size of the buffer in bytes; a multiple of 4 KiB. Must be
 *	4096-byte aligned.
 *
 * Arguments as in CoVE-2025.
 *
 * Caller: guest. COVG FID 6, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covg_get_attestation_capabilities(unsigned long caps_addr,
				      unsigned long caps_size)
{
	return covekit_ecall(SBI_EXT_COVG,
			     SBI_EXT_COVG_GET_ATTESTATION_CAPABILITIES,
			     caps_addr, caps_size, 0, 0, 0, 0);
}

/**
 * sbi_covg_extend_measurement() - Extends a runtime measurement register with a
 * digest computed by the guest with the TSM's hash algorithm; later evidence
 * includes it
 * @msmt_buf_addr: Guest-physical address of the digest; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @msmt_buf_len: Length of the digest in bytes; must equal the hash algorithm's
 *	output length.
 * @msmt_index: Index of a runtime measurement register.
 *
 * Arguments as in CoVE-2025.
 *
 * Caller: guest. COVG FID 7, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covg_extend_measurement(unsigned long msmt_buf_addr,
			    unsigned long msmt_buf_len,
			    unsigned long msmt_index)
{
	return covekit_ecall(SBI_EXT_COVG, SBI_EXT_COVG_EXTEND_MEASUREMENT,
			     msmt_buf_addr, msmt_buf_len, msmt_index, 0, 0, 0);
}

/**
 * sbi_covg_get_evidence() - Produces an attestation certificate, signed by the
 * TSM attestation key, that binds the guest's public key and a relying party's
 * challenge to the TVM's measurements
 * @pub_key_addr: Guest-physical address of the TVM public key, in confidential
 *	memory; 4 KiB aligned. Must be 4096-byte aligned.
 * @pub_key_size: Size of the public key in bytes.
 * @challenge_data_addr: Guest-physical address of the challenge, in
 *	confidential memory; 4 KiB aligned. Must be 4096-byte aligned.
 * @cert_format: Requested certificate format, one of the formats
 *	get_attestation_capabilities reports.
 * @cert_addr: Guest-physical address of the output buffer for the certificate;
 *	4 KiB aligned. Must be 4096-byte aligned.
 * @cert_size: Size of the output buffer in bytes.
 *
 * Arguments as in CoVE-2025.
 *
 * Caller: guest. COVG FID 8, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_BUSY, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covg_get_evidence(unsigned long pub_key_addr, unsigned long pub_key_size,
		      unsigned long challenge_data_addr,
		      unsigned long cert_format, unsigned long cert_addr,
		      unsigned long cert_size)
{
	return covekit_ecall(SBI_EXT_COVG, SBI_EXT_COVG_GET_EVIDENCE,
			     pub_key_addr, pub_key_size, challenge_data_addr,
			     cert_format, cert_addr, cert_size);
}

/**
 * sbi_covg_retrieve_secret() - Copies to the guest the secret the TSM obtained
 * from the TVM attestation payload during local attestation at promote_to_tvm
 * @buf_addr: Guest-physical address of the output buffer; 4 KiB aligned. Must
 *	be 4096-byte aligned.
 * @buf_size: Size of the output buffer in bytes; at most 4096. Must be at most
 *	4096.
 *
 * CoVE-2025 only; arguments as in CoVE-2025.
 *
 * Caller: guest. COVG FID 9, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_AUTH, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covg_retrieve_secret(unsigned long buf_addr, unsigned long buf_size)
{
	return covekit_ecall(SBI_EXT_COVG, SBI_EXT_COVG_RETRIEVE_SECRET,
			     buf_addr, buf_size, 0, 0, 0, 0);
}

/**
 * sbi_covg_read_measurement() - Copies the value of an initial or runtime
 * measurement register to a guest buffer
 * @msmt_buf_addr: Guest-physical address of the output buffer; 4 KiB aligned.
 *	Must be 4096-byte aligned.
 * @msmt_buf_size: Size of the output buffer in bytes; at least the hash
 *	algorithm's output length.
 * @msmt_index: Index of the measurement register to read.
 *
 * CoVE-2025 only; arguments as in CoVE-2025.
 *
 * Caller: guest. COVG FID 10, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covg_read_measurement(unsigned long msmt_buf_addr,
			  unsigned long msmt_buf_size, unsigned long msmt_index)
{
	return covekit_ecall(SBI_EXT_COVG, SBI_EXT_COVG_READ_MEASUREMENT,
			     msmt_buf_addr, msmt_buf_size, msmt_index, 0, 0, 0);
}

/* COVI (0x434F5649) */

/**
 * sbi_covi_init_tvm_aia() - Configures AIA virtualization for a TVM from a
 * parameter structure in non-confidential memory
 * @tvm_id: The TVM, still in state INITIALIZING.
 * @params_addr: Physical address of the AIA parameter structure.
 * @params_len: Size of the AIA parameter structure in bytes.
 *
 * Allowed only before finalize_tvm.
 *
 * Caller: host. COVI FID 0, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covi_init_tvm_aia(unsigned long tvm_id, unsigned long params_addr,
		      unsigned long params_len)
{
	return covekit_ecall(SBI_EXT_COVI, SBI_EXT_COVI_INIT_TVM_AIA, tvm_id,
			     params_addr, params_len, 0, 0, 0);
}

/**
 * sbi_covi_set_tvm_aia_cpu_imsic_addr() - Sets the guest-physical address of
 * one vCPU's virtual IMSIC; no two vCPUs may share one
 * @tvm_id: The TVM, still in state INITIALIZING.
 * @vcpu_id: The vCPU whose IMSIC address is set.
 * @imsic_gpa: Guest-physical address of the vCPU's virtual IMSIC, valid for the
 *	TVM's AIA configuration.
 *
 * Allowed between init_tvm_aia and finalize_tvm; arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 1, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covi_set_tvm_aia_cpu_imsic_addr(unsigned long tvm_id, unsigned long vcpu_id,
				    unsigned long imsic_gpa)
{
	return covekit_ecall(SBI_EXT_COVI,
			     SBI_EXT_COVI_SET_TVM_AIA_CPU_IMSIC_ADDR, tvm_id,
			     vcpu_id, imsic_gpa, 0, 0, 0);
}

/**
 * sbi_covi_convert_aia_imsic() - Starts converting a non-confidential IMSIC
 * guest interrupt file for use by TVMs; initiate_fence and local_fence must
 * follow
 * @imsic_page_addr: Physical address of the guest interrupt file.
 *
 * Arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 2, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covi_convert_aia_imsic(unsigned long imsic_page_addr)
{
	return covekit_ecall(SBI_EXT_COVI, SBI_EXT_COVI_CONVERT_AIA_IMSIC,
			     imsic_page_addr, 0, 0, 0, 0, 0);
}

/**
 * sbi_covi_reclaim_tvm_aia_imsic() - Returns a confidential IMSIC guest
 * interrupt file to the host; it must not be assigned to a TVM
 * @imsic_page_addr: Physical address of the guest interrupt file.
 *
 * Arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 3, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covi_reclaim_tvm_aia_imsic(unsigned long imsic_page_addr)
{
	return covekit_ecall(SBI_EXT_COVI, SBI_EXT_COVI_RECLAIM_TVM_AIA_IMSIC,
			     imsic_page_addr, 0, 0, 0, 0, 0);
}

/**
 * sbi_covi_bind_aia_imsic() - Binds an unbound vCPU to the calling physical CPU
 * and the confidential guest interrupt files in imsic_mask, after which it can
 * run there
 * @tvm_id: The TVM that owns the vCPU.
 * @vcpu_id: The vCPU to bind.
 * @imsic_mask: Guest interrupt files to use, in hgeie layout (bit N = file N-1,
 *	bit 0 clear); one bit per interrupt file of the vCPU's IMSIC.
 *
 * Arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 4, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covi_bind_aia_imsic(unsigned long tvm_id, unsigned long vcpu_id,
			unsigned long imsic_mask)
{
	return covekit_ecall(SBI_EXT_COVI, SBI_EXT_COVI_BIND_AIA_IMSIC, tvm_id,
			     vcpu_id, imsic_mask, 0, 0, 0);
}

/**
 * sbi_covi_unbind_aia_imsic_begin() - Starts unbinding a vCPU from its guest
 * interrupt files; a TVM fence sequence must complete before
 * unbind_aia_imsic_end
 * @tvm_id: The TVM that owns the vCPU.
 * @vcpu_id: The vCPU to unbind.
 *
 * Call on the CPU the vCPU is bound to; arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 5, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covi_unbind_aia_imsic_begin(unsigned long tvm_id, unsigned long vcpu_id)
{
	return covekit_ecall(SBI_EXT_COVI, SBI_EXT_COVI_UNBIND_AIA_IMSIC_BEGIN,
			     tvm_id, vcpu_id, 0, 0, 0, 0);
}

/**
 * sbi_covi_unbind_aia_imsic_end() - Finishes unbinding a vCPU, saving its
 * interrupt state in software so the interrupt files can be reclaimed or reused
 * @tvm_id: The TVM that owns the vCPU.
 * @vcpu_id: The vCPU to unbind.
 *
 * Call on the CPU the vCPU is bound to; arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 6, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covi_unbind_aia_imsic_end(unsigned long tvm_id, unsigned long vcpu_id)
{
	return covekit_ecall(SBI_EXT_COVI, SBI_EXT_COVI_UNBIND_AIA_IMSIC_END,
			     tvm_id, vcpu_id, 0, 0, 0, 0);
}

/**
 * sbi_covi_inject_tvm_cpu() - Injects an external interrupt, which the guest
 * must have allowed with allow_external_interrupt, into a vCPU; it is delivered
 * when the vCPU is next bound if it is not bound now
 * @tvm_id: The TVM that owns the vCPU.
 * @vcpu_id: The vCPU that receives the interrupt.
 * @interrupt_id: The external interrupt ID to inject.
 *
 * Arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 7, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covi_inject_tvm_cpu(unsigned long tvm_id, unsigned long vcpu_id,
			unsigned long interrupt_id)
{
	return covekit_ecall(SBI_EXT_COVI, SBI_EXT_COVI_INJECT_TVM_CPU, tvm_id,
			     vcpu_id, interrupt_id, 0, 0, 0);
}

/**
 * sbi_covi_rebind_aia_imsic_begin() - Starts moving a vCPU to the calling
 * physical CPU and the guest interrupt files in imsic_mask; a TVM fence
 * sequence must complete before rebind_aia_imsic_clone
 * @tvm_id: The TVM that owns the vCPU.
 * @vcpu_id: The vCPU to move.
 * @imsic_mask: New guest interrupt files, in hgeie layout (bit N = file N-1,
 *	bit 0 clear).
 *
 * Arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 8, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covi_rebind_aia_imsic_begin(unsigned long tvm_id, unsigned long vcpu_id,
				unsigned long imsic_mask)
{
	return covekit_ecall(SBI_EXT_COVI, SBI_EXT_COVI_REBIND_AIA_IMSIC_BEGIN,
			     tvm_id, vcpu_id, imsic_mask, 0, 0, 0);
}

/**
 * sbi_covi_rebind_aia_imsic_clone() - Saves a copy of the vCPU's old guest
 * interrupt file inside the TSM, after which that file can be reclaimed or
 * reused
 * @tvm_id: The TVM that owns the vCPU.
 * @vcpu_id: The vCPU being moved.
 *
 * Call on the old physical CPU; arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 9, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covi_rebind_aia_imsic_clone(unsigned long tvm_id, unsigned long vcpu_id)
{
	return covekit_ecall(SBI_EXT_COVI, SBI_EXT_COVI_REBIND_AIA_IMSIC_CLONE,
			     tvm_id, vcpu_id, 0, 0, 0, 0);
}

/**
 * sbi_covi_rebind_aia_imsic_end() - Finishes moving a vCPU, restoring the
 * cloned interrupt state into the new guest interrupt file
 * @tvm_id: The TVM that owns the vCPU.
 * @vcpu_id: The vCPU being moved.
 *
 * Call on the CPU that called rebind_aia_imsic_begin; arguments as in
 * CoVE-2025.
 *
 * Caller: host. COVI FID 10, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covi_rebind_aia_imsic_end(unsigned long tvm_id, unsigned long vcpu_id)
{
	return covekit_ecall(SBI_EXT_COVI, SBI_EXT_COVI_REBIND_AIA_IMSIC_END,
			     tvm_id, vcpu_id, 0, 0, 0, 0);
}

/* BASE (0x10) */

/**
 * sbi_base_get_spec_version() - Reports the SBI specification version the
 * implementation conforms to
 *
 * Caller: any. BASE FID 0, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS or SBI_ERR_NOT_SUPPORTED. .value: The version:
 * minor number in bits [23:0], major number in bits [30:24]; bit 31 and, on
 * RV64, bits [63:32] are zero.
 */
static inline struct sbiret
sbi_base_get_spec_version(void)
{
	return covekit_ecall(SBI_EXT_BASE, SBI_EXT_BASE_GET_SPEC_VERSION, 0, 0,
			     0, 0, 0, 0);
}

/**
 * sbi_base_get_impl_id() - Reports which SBI implementation is running, so
 * callers can work around its known quirks
 *
 * Caller: any. BASE FID 1, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS or SBI_ERR_NOT_SUPPORTED. .value: The SBI
 * implementation ID (for example 1 for OpenSBI).
 */
static inline struct sbiret
sbi_base_get_impl_id(void)
{
	return covekit_ecall(SBI_EXT_BASE, SBI_EXT_BASE_GET_IMPL_ID, 0, 0, 0, 0,
			     0, 0);
}

/**
 * sbi_base_get_impl_version() - Reports the version of the running SBI
 * implementation
 *
 * Caller: any. BASE FID 2, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS or SBI_ERR_NOT_SUPPORTED. .value: The
 * implementation version, in an encoding chosen by the implementation.
 */
static inline struct sbiret
sbi_base_get_impl_version(void)
{
	return covekit_ecall(SBI_EXT_BASE, SBI_EXT_BASE_GET_IMPL_VERSION, 0, 0,
			     0, 0, 0, 0);
}

/**
 * sbi_base_probe_extension() - Asks whether the extension with the given EID is
 * available
 * @extension_id: The extension ID (EID) to look up.
 *
 * The TSM answers probes for the CoVE EIDs itself and forwards all other probes
 * to OpenSBI.
 *
 * Caller: any. BASE FID 3, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS or SBI_ERR_NOT_SUPPORTED. .value: 0 if the
 * extension is not available; otherwise 1 or another non-zero value the
 * extension defines.
 */
static inline struct sbiret
sbi_base_probe_extension(unsigned long extension_id)
{
	return covekit_ecall(SBI_EXT_BASE, SBI_EXT_BASE_PROBE_EXTENSION,
			     extension_id, 0, 0, 0, 0, 0);
}

/**
 * sbi_base_get_mvendorid() - Reports a value that is legal for the mvendorid
 * CSR
 *
 * Caller: any. BASE FID 4, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS or SBI_ERR_NOT_SUPPORTED. .value: The mvendorid
 * value; 0 is always legal.
 */
static inline struct sbiret
sbi_base_get_mvendorid(void)
{
	return covekit_ecall(SBI_EXT_BASE, SBI_EXT_BASE_GET_MVENDORID, 0, 0, 0,
			     0, 0, 0);
}

/**
 * sbi_base_get_marchid() - Reports a value that is legal for the marchid CSR
 *
 * Caller: any. BASE FID 5, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS or SBI_ERR_NOT_SUPPORTED. .value: The marchid
 * value; 0 is always legal.
 */
static inline struct sbiret
sbi_base_get_marchid(void)
{
	return covekit_ecall(SBI_EXT_BASE, SBI_EXT_BASE_GET_MARCHID, 0, 0, 0, 0,
			     0, 0);
}

/**
 * sbi_base_get_mimpid() - Reports a value that is legal for the mimpid CSR
 *
 * Caller: any. BASE FID 6, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS or SBI_ERR_NOT_SUPPORTED. .value: The mimpid
 * value; 0 is always legal.
 */
static inline struct sbiret
sbi_base_get_mimpid(void)
{
	return covekit_ecall(SBI_EXT_BASE, SBI_EXT_BASE_GET_MIMPID, 0, 0, 0, 0,
			     0, 0);
}

/* TIME (0x54494D45) */

/**
 * sbi_time_set_timer() - Schedules the next supervisor timer event at an
 * absolute time and clears a pending timer interrupt if that time lies in the
 * future
 * @stime_value: Absolute time of the event, in ticks of the time CSR.
 *
 * To cancel the timer, pass an all-ones value or mask sie.STIE instead.
 *
 * Caller: any. TIME FID 0, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_time_set_timer(unsigned long stime_value)
{
	return covekit_ecall(SBI_EXT_TIME, SBI_EXT_TIME_SET_TIMER, stime_value,
			     0, 0, 0, 0, 0);
}

/* IPI (0x735049) */

/**
 * sbi_ipi_send_ipi() - Raises a supervisor software interrupt on every hart
 * selected by hart_mask and hart_mask_base
 * @hart_mask: Bit N selects hart hart_mask_base + N.
 * @hart_mask_base: Hart ID that bit 0 of hart_mask stands for; all ones selects
 *	every hart and ignores hart_mask.
 *
 * Caller: any. IPI FID 0, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_ipi_send_ipi(unsigned long hart_mask, unsigned long hart_mask_base)
{
	return covekit_ecall(SBI_EXT_IPI, SBI_EXT_IPI_SEND_IPI, hart_mask,
			     hart_mask_base, 0, 0, 0, 0);
}

/* RFENCE (0x52464E43) */

/**
 * sbi_rfence_remote_fence_i() - Makes the selected harts execute FENCE.I
 * @hart_mask: Bit N selects hart hart_mask_base + N.
 * @hart_mask_base: Hart ID that bit 0 of hart_mask stands for; all ones selects
 *	every hart.
 *
 * Caller: any. RFENCE FID 0, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_rfence_remote_fence_i(unsigned long hart_mask, unsigned long hart_mask_base)
{
	return covekit_ecall(SBI_EXT_RFENCE, SBI_EXT_RFENCE_REMOTE_FENCE_I,
			     hart_mask, hart_mask_base, 0, 0, 0, 0);
}

/**
 * sbi_rfence_remote_sfence_vma() - Makes the selected harts execute SFENCE.VMA
 * over a virtual address range, for every ASID
 * @hart_mask: Bit N selects hart hart_mask_base + N.
 * @hart_mask_base: Hart ID that bit 0 of hart_mask stands for; all ones selects
 *	every hart.
 * @start_addr: First virtual address of the range.
 * @size: Length of the range in bytes.
 *
 * Caller: any. RFENCE FID 1, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_rfence_remote_sfence_vma(unsigned long hart_mask,
			     unsigned long hart_mask_base,
			     unsigned long start_addr, unsigned long size)
{
	return covekit_ecall(SBI_EXT_RFENCE, SBI_EXT_RFENCE_REMOTE_SFENCE_VMA,
			     hart_mask, hart_mask_base, start_addr, size, 0, 0);
}

/**
 * sbi_rfence_remote_sfence_vma_asid() - Makes the selected harts execute
 * SFENCE.VMA over a virtual address range for one ASID only
 * @hart_mask: Bit N selects hart hart_mask_base + N.
 * @hart_mask_base: Hart ID that bit 0 of hart_mask stands for; all ones selects
 *	every hart.
 * @start_addr: First virtual address of the range.
 * @size: Length of the range in bytes.
 * @asid: Address-space ID whose translations are flushed.
 *
 * Caller: any. RFENCE FID 2, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_rfence_remote_sfence_vma_asid(unsigned long hart_mask,
				  unsigned long hart_mask_base,
				  unsigned long start_addr, unsigned long size,
				  unsigned long asid)
{
	return covekit_ecall(SBI_EXT_RFENCE,
			     SBI_EXT_RFENCE_REMOTE_SFENCE_VMA_ASID, hart_mask,
			     hart_mask_base, start_addr, size, asid, 0);
}

/**
 * sbi_rfence_remote_hfence_gvma_vmid() - Makes the selected harts execute
 * HFENCE.GVMA over a guest-physical range for one VMID; only harts with the
 * hypervisor extension can serve it
 * @hart_mask: Bit N selects hart hart_mask_base + N.
 * @hart_mask_base: Hart ID that bit 0 of hart_mask stands for; all ones selects
 *	every hart.
 * @start_addr: First guest-physical address of the range.
 * @size: Length of the range in bytes.
 * @vmid: Virtual-machine ID whose G-stage translations are flushed.
 *
 * Caller: any. RFENCE FID 3, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_rfence_remote_hfence_gvma_vmid(unsigned long hart_mask,
				   unsigned long hart_mask_base,
				   unsigned long start_addr, unsigned long size,
				   unsigned long vmid)
{
	return covekit_ecall(SBI_EXT_RFENCE,
			     SBI_EXT_RFENCE_REMOTE_HFENCE_GVMA_VMID, hart_mask,
			     hart_mask_base, start_addr, size, vmid, 0);
}

/**
 * sbi_rfence_remote_hfence_gvma() - Makes the selected harts execute
 * HFENCE.GVMA over a guest-physical range for all VMIDs; only harts with the
 * hypervisor extension can serve it
 * @hart_mask: Bit N selects hart hart_mask_base + N.
 * @hart_mask_base: Hart ID that bit 0 of hart_mask stands for; all ones selects
 *	every hart.
 * @start_addr: First guest-physical address of the range.
 * @size: Length of the range in bytes.
 *
 * Caller: any. RFENCE FID 4, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_rfence_remote_hfence_gvma(unsigned long hart_mask,
			      unsigned long hart_mask_base,
			      unsigned long start_addr, unsigned long size)
{
	return covekit_ecall(SBI_EXT_RFENCE, SBI_EXT_RFENCE_REMOTE_HFENCE_GVMA,
			     hart_mask, hart_mask_base, start_addr, size, 0, 0);
}

/**
 * sbi_rfence_remote_hfence_vvma_asid() - Makes the selected harts execute
 * HFENCE.VVMA over a guest-virtual range for one ASID of the calling hart's
 * current VMID (from hgatp)
 * @hart_mask: Bit N selects hart hart_mask_base + N.
 * @hart_mask_base: Hart ID that bit 0 of hart_mask stands for; all ones selects
 *	every hart.
 * @start_addr: First guest-virtual address of the range.
 * @size: Length of the range in bytes.
 * @asid: Guest address-space ID whose translations are flushed.
 *
 * Caller: any. RFENCE FID 5, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_rfence_remote_hfence_vvma_asid(unsigned long hart_mask,
				   unsigned long hart_mask_base,
				   unsigned long start_addr, unsigned long size,
				   unsigned long asid)
{
	return covekit_ecall(SBI_EXT_RFENCE,
			     SBI_EXT_RFENCE_REMOTE_HFENCE_VVMA_ASID, hart_mask,
			     hart_mask_base, start_addr, size, asid, 0);
}

/**
 * sbi_rfence_remote_hfence_vvma() - Makes the selected harts execute
 * HFENCE.VVMA over a guest-virtual range for every ASID of the calling hart's
 * current VMID (from hgatp)
 * @hart_mask: Bit N selects hart hart_mask_base + N.
 * @hart_mask_base: Hart ID that bit 0 of hart_mask stands for; all ones selects
 *	every hart.
 * @start_addr: First guest-virtual address of the range.
 * @size: Length of the range in bytes.
 *
 * Caller: any. RFENCE FID 6, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_rfence_remote_hfence_vvma(unsigned long hart_mask,
			      unsigned long hart_mask_base,
			      unsigned long start_addr, unsigned long size)
{
	return covekit_ecall(SBI_EXT_RFENCE, SBI_EXT_RFENCE_REMOTE_HFENCE_VVMA,
			     hart_mask, hart_mask_base, start_addr, size, 0, 0);
}

/* HSM (0x48534D) */

/**
 * sbi_hsm_hart_start() - Starts a stopped hart in supervisor mode at
 * start_addr, with satp = 0, sstatus.SIE = 0, a0 = its hart ID and a1 = opaque
 * @hartid: The hart to start.
 * @start_addr: Physical address where the hart begins executing, with the MMU
 *	off.
 * @opaque: Value passed to the started hart in a1.
 *
 * May return before the hart actually runs.
 *
 * Caller: any. HSM FID 0, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_ALREADY_AVAILABLE, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_hsm_hart_start(unsigned long hartid, unsigned long start_addr,
		   unsigned long opaque)
{
	return covekit_ecall(SBI_EXT_HSM, SBI_EXT_HSM_HART_START, hartid,
			     start_addr, opaque, 0, 0, 0);
}

/**
 * sbi_hsm_hart_stop() - Stops the calling hart and hands it back to the SBI
 * implementation; must be called with supervisor interrupts disabled and
 * returns only on failure
 *
 * Caller: any. HSM FID 1, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED.
 * .value is unspecified.
 */
static inline struct sbiret
sbi_hsm_hart_stop(void)
{
	return covekit_ecall(SBI_EXT_HSM, SBI_EXT_HSM_HART_STOP, 0, 0, 0, 0, 0,
			     0);
}

/**
 * sbi_hsm_hart_get_status() - Reports the HSM state of a hart; the state may
 * have changed by the time the caller looks at it
 * @hartid: The hart to query.
 *
 * Caller: any. HSM FID 2, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, or
 * SBI_ERR_NOT_SUPPORTED. .value: The hart's state, a member of hsm_hart_state.
 */
static inline struct sbiret
sbi_hsm_hart_get_status(unsigned long hartid)
{
	return covekit_ecall(SBI_EXT_HSM, SBI_EXT_HSM_HART_GET_STATUS, hartid,
			     0, 0, 0, 0, 0);
}

/**
 * sbi_hsm_hart_suspend() - Puts the calling hart into a retentive or
 * non-retentive suspend state
 * @suspend_type: 32-bit suspend type: 0 default retentive, 0x80000000 default
 *	non-retentive, platform-specific ranges above those.
 * @resume_addr: Physical address where the hart resumes after a non-retentive
 *	suspend; unused otherwise.
 * @opaque: Value passed in a1 when the hart resumes at resume_addr.
 *
 * After a non-retentive suspend the hart resumes at resume_addr with satp = 0,
 * sstatus.SIE = 0, a0 = its hart ID and a1 = opaque.
 *
 * Caller: any. HSM FID 3, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM,
 * SBI_ERR_INVALID_ADDRESS, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_hsm_hart_suspend(unsigned long suspend_type, unsigned long resume_addr,
		     unsigned long opaque)
{
	return covekit_ecall(SBI_EXT_HSM, SBI_EXT_HSM_HART_SUSPEND,
			     suspend_type, resume_addr, opaque, 0, 0, 0);
}

/* SRST (0x53525354) */

/**
 * sbi_srst_system_reset() - Shuts down or reboots the system as seen by the
 * caller; does not return on success
 * @reset_type: 32-bit reset type, normally a member of srst_reset_type; values
 *	from 0xF0000000 are vendor or platform specific.
 * @reset_reason: 32-bit reset reason, normally a member of srst_reset_reason;
 *	higher ranges are implementation, vendor or platform specific.
 *
 * Caller: any. SRST FID 0, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_srst_system_reset(unsigned long reset_type, unsigned long reset_reason)
{
	return covekit_ecall(SBI_EXT_SRST, SBI_EXT_SRST_SYSTEM_RESET,
			     reset_type, reset_reason, 0, 0, 0, 0);
}

/* DBCN (0x4442434E) */

/**
 * sbi_dbcn_console_write() - Writes bytes from memory to the debug console
 * without blocking; it may write only part of the buffer, or nothing
 * @num_bytes: Number of bytes in the buffer.
 * @base_addr_lo: Low XLEN bits of the buffer's physical address.
 * @base_addr_hi: High XLEN bits of the buffer's physical address (0 on RV64 for
 *	any real address).
 *
 * Caller: any. DBCN FID 0, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_DENIED,
 * SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value: Number of bytes written.
 */
static inline struct sbiret
sbi_dbcn_console_write(unsigned long num_bytes, unsigned long base_addr_lo,
		       unsigned long base_addr_hi)
{
	return covekit_ecall(SBI_EXT_DBCN, SBI_EXT_DBCN_CONSOLE_WRITE,
			     num_bytes, base_addr_lo, base_addr_hi, 0, 0, 0);
}

/**
 * sbi_dbcn_console_read() - Reads pending bytes from the debug console into
 * memory without blocking; writes nothing if no input is waiting
 * @num_bytes: Capacity of the buffer in bytes.
 * @base_addr_lo: Low XLEN bits of the buffer's physical address.
 * @base_addr_hi: High XLEN bits of the buffer's physical address (0 on RV64 for
 *	any real address).
 *
 * Caller: any. DBCN FID 1, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_DENIED,
 * SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value: Number of bytes read.
 */
static inline struct sbiret
sbi_dbcn_console_read(unsigned long num_bytes, unsigned long base_addr_lo,
		      unsigned long base_addr_hi)
{
	return covekit_ecall(SBI_EXT_DBCN, SBI_EXT_DBCN_CONSOLE_READ, num_bytes,
			     base_addr_lo, base_addr_hi, 0, 0, 0);
}

/**
 * sbi_dbcn_console_write_byte() - Writes one byte to the debug console,
 * blocking until it has been written
 * @byte: The byte to write, in bits [7:0].
 *
 * Caller: any. DBCN FID 2, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_DENIED, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value: Always 0.
 */
static inline struct sbiret
sbi_dbcn_console_write_byte(unsigned long byte)
{
	return covekit_ecall(SBI_EXT_DBCN, SBI_EXT_DBCN_CONSOLE_WRITE_BYTE,
			     byte, 0, 0, 0, 0, 0);
}

/* NACL (0x4E41434C) */

/**
 * sbi_nacl_probe_feature() - Asks whether a NACL feature is available
 * @feature_id: The feature, a member of nacl_feature (other values answer 0).
 *
 * The TSM implements none of the optional features (no synchronize calls, no
 * CSR autoswap): run_tvm_vcpu exchanges everything through the area itself, and
 * the host must read and write csrs[] and the scratch directly. So every probe
 * answers 0.
 *
 * Caller: host. NACL FID 0, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS or SBI_ERR_NOT_SUPPORTED. .value: 1 if the
 * feature is available, 0 if not (always 0 from this TSM).
 */
static inline struct sbiret
sbi_nacl_probe_feature(unsigned long feature_id)
{
	return covekit_ecall(SBI_EXT_NACL, SBI_EXT_NACL_PROBE_FEATURE,
			     feature_id, 0, 0, 0, 0, 0);
}

/**
 * sbi_nacl_set_shmem() - Registers the calling hart's NACL shared-memory area,
 * or disables it when shmem_phys_lo and shmem_phys_hi are both all ones
 * @shmem_phys_lo: Low XLEN bits of the area's physical address; all ones (with
 *	_hi all ones) disables.
 * @shmem_phys_hi: High XLEN bits of the physical address; 0 on RV64 for any
 *	real address.
 * @flags: Reserved, must be 0.
 *
 * The area is 4 KiB aligned, sizeof(struct sbi_nacl_shmem) = 12288 bytes long
 * and must be host memory (the host's own, neither the TSM's nor confidential)
 * for its whole length. The TSM writes and reads it only during run_tvm_vcpu on
 * that hart. One area per hart; a new call replaces the previous one.
 *
 * Caller: host. NACL FID 1, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM,
 * SBI_ERR_INVALID_ADDRESS, or SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_nacl_set_shmem(unsigned long shmem_phys_lo, unsigned long shmem_phys_hi,
		   unsigned long flags)
{
	return covekit_ecall(SBI_EXT_NACL, SBI_EXT_NACL_SET_SHMEM,
			     shmem_phys_lo, shmem_phys_hi, flags, 0, 0, 0);
}

/**
 * sbi_nacl_sync_csr() - Synchronizes CSRs in the area with the hart (SYNC_CSR
 * feature)
 * @csr_num: One CSR number, or all ones for every CSR.
 *
 * Not implemented: the TSM does not offer the feature.
 *
 * Caller: host. NACL FID 2, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_nacl_sync_csr(unsigned long csr_num)
{
	return covekit_ecall(SBI_EXT_NACL, SBI_EXT_NACL_SYNC_CSR, csr_num, 0, 0,
			     0, 0, 0);
}

/**
 * sbi_nacl_sync_hfence() - Processes hfence requests in the area (SYNC_HFENCE
 * feature)
 * @entry_index: One hfence entry, or all ones for every entry.
 *
 * Not implemented: the TSM does not offer the feature.
 *
 * Caller: host. NACL FID 3, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_nacl_sync_hfence(unsigned long entry_index)
{
	return covekit_ecall(SBI_EXT_NACL, SBI_EXT_NACL_SYNC_HFENCE,
			     entry_index, 0, 0, 0, 0, 0);
}

/**
 * sbi_nacl_sync_sret() - Synchronizes and enters the nested guest with sret
 * (SYNC_SRET feature)
 *
 * Not implemented: the TSM does not offer the feature; TVMs run through COVH
 * run_tvm_vcpu.
 *
 * Caller: host. NACL FID 4, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_nacl_sync_sret(void)
{
	return covekit_ecall(SBI_EXT_NACL, SBI_EXT_NACL_SYNC_SRET, 0, 0, 0, 0,
			     0, 0);
}

#endif /* __GENERATED_SBI_ECALL_STUBS_H__ */
