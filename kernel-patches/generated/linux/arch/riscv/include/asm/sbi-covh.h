/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Generated from spec/cove.yaml, spec/kvm.yaml, spec/sbi.yaml, spec/tsm.yaml
 * by codegen/templates/linux/sbi-ext-stubs.h.j2.
 * Do not edit: change the spec and run ./tools/regen.
 */

/*
 * COVH calls (CoVE-2025): one inline wrapper per function.
 * Each returns the raw struct sbiret; map .error with
 * sbi_err_map_linux_errno() where an errno is wanted (provisional CoVE
 * error codes map to -ENOTSUPP there).
 */
#ifndef __ASM_RISCV_SBI_COVH_H
#define __ASM_RISCV_SBI_COVH_H

#include <asm/sbi.h>
#include <asm/sbi-cove.h>

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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_TSM_GET_INFO, tsm_info_addr,
			 tsm_info_len, 0, 0, 0, 0);
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_CONVERT_PAGES,
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_RECLAIM_PAGES,
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_INITIATE_FENCE, 0, 0, 0, 0,
			 0, 0);
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_LOCAL_FENCE, 0, 0, 0, 0, 0,
			 0);
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_CREATE_TVM, params_addr,
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_FINALIZE_TVM, tvm_id,
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_PROMOTE_TO_TVM, fdt_addr,
			 tap_addr, entry_sepc, identity_addr, 0, 0);
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_DESTROY_TVM, tvm_id, 0, 0,
			 0, 0, 0);
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_ADD_TVM_MEMORY_REGION,
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES,
			 tvm_id, base_page_addr, num_pages, 0, 0, 0);
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES,
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_ADD_TVM_ZERO_PAGES, tvm_id,
			 base_page_addr, page_type, num_pages, gpa, 0);
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_ADD_TVM_SHARED_PAGES,
			 tvm_id, base_page_addr, page_type, num_pages, gpa, 0);
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_CREATE_TVM_VCPU, tvm_id,
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_RUN_TVM_VCPU, tvm_id,
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_TVM_INITIATE_FENCE, tvm_id,
			 0, 0, 0, 0, 0);
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_TVM_INVALIDATE_PAGES,
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_TVM_VALIDATE_PAGES, tvm_id,
			 gpa, len, 0, 0, 0);
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
	return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_TVM_REMOVE_PAGES, tvm_id,
			 gpa, len, 0, 0, 0);
}

#endif /* __ASM_RISCV_SBI_COVH_H */
