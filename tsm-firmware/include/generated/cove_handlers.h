/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Generated from spec/cove.yaml, spec/kvm.yaml, spec/sbi.yaml, spec/tsm.yaml
 * by codegen/templates/firmware/cove_handlers.h.j2.
 * Do not edit: change the spec and run ./tools/regen.
 */

#ifndef __GENERATED_COVE_HANDLERS_H__
#define __GENERATED_COVE_HANDLERS_H__

#include "sbi_abi.h"

struct tsm;

/*
 * The TSM implements one handler per function the spec marks
 * 'implemented: true' in every extension it handles itself.
 * cove_dispatch_table.h references each one, so a missing handler is a
 * link error, not a silent NOT_SUPPORTED.  The dispatcher has already
 * checked the argument constraints stated in the spec.  A function marked
 * 'implemented: false' has no handler: the table answers it NOT_SUPPORTED
 * once its arguments pass those checks.  Each handler gets the TSM's
 * state as its first argument and reaches no global behind it.
 */

/*
 * COVH (0x434F5648). Not implemented yet: promote_to_tvm, add_tvm_shared_pages,
 * tvm_initiate_fence, tvm_invalidate_pages, tvm_validate_pages,
 * tvm_remove_pages.
 */

/**
 * covh_tsm_get_info() - Writes the TSM's state, version, capabilities and
 * sizing parameters as a struct tsm_info to host memory
 * @tsm: The TSM's state (tsm/tsm.h), from the trap that brought the call.
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
struct sbiret covh_tsm_get_info(struct tsm *tsm, unsigned long tsm_info_addr,
				unsigned long tsm_info_len);

/**
 * covh_convert_pages() - Starts converting num_pages contiguous 4 KiB pages of
 * non-confidential memory into confidential memory
 * @tsm: The TSM's state (tsm/tsm.h), from the trap that brought the call.
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
struct sbiret covh_convert_pages(struct tsm *tsm, unsigned long base_page_addr,
				 unsigned long num_pages);

/**
 * covh_reclaim_pages() - Returns num_pages contiguous 4 KiB confidential pages
 * to non-confidential use
 * @tsm: The TSM's state (tsm/tsm.h), from the trap that brought the call.
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
struct sbiret covh_reclaim_pages(struct tsm *tsm, unsigned long base_page_addr,
				 unsigned long num_pages);

/**
 * covh_initiate_fence() - Starts the global TLB invalidation sequence for pages
 * queued by convert_pages; the sequence ends once every hart has called
 * local_fence
 * @tsm: The TSM's state (tsm/tsm.h), from the trap that brought the call.
 *
 * CoVE-2025 calls this function global_fence.
 *
 * Caller: host. COVH FID 3, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_ALREADY_STARTED, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
struct sbiret covh_initiate_fence(struct tsm *tsm);

/**
 * covh_local_fence() - Invalidates, on the calling hart, the TLB entries
 * covered by the fence sequence in progress; the last hart to call it completes
 * the conversion
 * @tsm: The TSM's state (tsm/tsm.h), from the trap that brought the call.
 *
 * Caller: host. COVH FID 4, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED.
 * .value is unspecified.
 */
struct sbiret covh_local_fence(struct tsm *tsm);

/**
 * covh_create_tvm() - Creates a TVM from a struct tvm_create_params in host
 * memory
 * @tsm: The TSM's state (tsm/tsm.h), from the trap that brought the call.
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
struct sbiret covh_create_tvm(struct tsm *tsm, unsigned long params_addr,
			      unsigned long params_len);

/**
 * covh_finalize_tvm() - Commits the TVM's measurement and moves it from
 * INITIALIZING to RUNNABLE; entry_sepc, entry_arg and the number of vCPUs are
 * measured (a TVM_FINL record, see the measurement in spec/tsm.yaml), the
 * identity buffer is not
 * @tsm: The TSM's state (tsm/tsm.h), from the trap that brought the call.
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
struct sbiret covh_finalize_tvm(struct tsm *tsm, unsigned long tvm_id,
				unsigned long entry_sepc,
				unsigned long entry_arg,
				unsigned long identity_addr);

/**
 * covh_destroy_tvm() - Destroys a TVM whose vCPUs have all stopped running
 * @tsm: The TSM's state (tsm/tsm.h), from the trap that brought the call.
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
struct sbiret covh_destroy_tvm(struct tsm *tsm, unsigned long tvm_id);

/**
 * covh_add_tvm_memory_region() - Reserves a guest-physical range of the TVM for
 * confidential memory
 * @tsm: The TSM's state (tsm/tsm.h), from the trap that brought the call.
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
struct sbiret covh_add_tvm_memory_region(struct tsm *tsm, unsigned long tvm_id,
					 unsigned long gpa, unsigned long len);

/**
 * covh_add_tvm_page_table_pages() - Donates num_pages contiguous 4 KiB
 * confidential pages to the TVM's pool of G-stage page-table pages
 * @tsm: The TSM's state (tsm/tsm.h), from the trap that brought the call.
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
struct sbiret covh_add_tvm_page_table_pages(struct tsm *tsm,
					    unsigned long tvm_id,
					    unsigned long base_page_addr,
					    unsigned long num_pages);

/**
 * covh_add_tvm_measured_pages() - Copies pages from non-confidential memory
 * into confidential pages, maps them at gpa inside a confidential region and
 * extends the TVM's SHA-384 measurement for each 4 KiB page, GPA included (a
 * TVM_PAGE record per page, in ascending GPA)
 * @tsm: The TSM's state (tsm/tsm.h), from the trap that brought the call.
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
struct sbiret covh_add_tvm_measured_pages(struct tsm *tsm, unsigned long tvm_id,
					  unsigned long src_addr,
					  unsigned long dest_addr,
					  unsigned long page_type,
					  unsigned long num_pages,
					  unsigned long gpa);

/**
 * covh_add_tvm_zero_pages() - Zeroes confidential pages and maps them at gpa
 * inside a confidential region, typically in response to a guest page fault
 * @tsm: The TSM's state (tsm/tsm.h), from the trap that brought the call.
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
struct sbiret covh_add_tvm_zero_pages(struct tsm *tsm, unsigned long tvm_id,
				      unsigned long base_page_addr,
				      unsigned long page_type,
				      unsigned long num_pages,
				      unsigned long gpa);

/**
 * covh_create_tvm_vcpu() - Adds vCPU vcpu_id to the TVM, keeping its state in
 * confidential pages donated by the host
 * @tsm: The TSM's state (tsm/tsm.h), from the trap that brought the call.
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
struct sbiret covh_create_tvm_vcpu(struct tsm *tsm, unsigned long tvm_id,
				   unsigned long vcpu_id,
				   unsigned long state_page_addr);

/**
 * covh_run_tvm_vcpu() - Runs a vCPU of a RUNNABLE TVM on the calling hart until
 * it exits with a trap the TSM does not serve itself
 * @tsm: The TSM's state (tsm/tsm.h), from the trap that brought the call.
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
struct sbiret covh_run_tvm_vcpu(struct tsm *tsm, unsigned long tvm_id,
				unsigned long vcpu_id);

/*
 * COVG (0x434F5647). Not implemented yet: add_mmio_region, remove_mmio_region,
 * share_memory_region, unshare_memory_region, allow_external_interrupt,
 * deny_external_interrupt, get_attestation_capabilities, extend_measurement,
 * get_evidence, retrieve_secret, read_measurement.
 */

/*
 * COVI (0x434F5649). Not implemented yet: init_tvm_aia,
 * set_tvm_aia_cpu_imsic_addr, convert_aia_imsic, reclaim_tvm_aia_imsic,
 * bind_aia_imsic, unbind_aia_imsic_begin, unbind_aia_imsic_end, inject_tvm_cpu,
 * rebind_aia_imsic_begin, rebind_aia_imsic_clone, rebind_aia_imsic_end.
 */

/* NACL (0x4E41434C). Not implemented yet: sync_csr, sync_hfence, sync_sret. */

/**
 * nacl_probe_feature() - Asks whether a NACL feature is available
 * @tsm: The TSM's state (tsm/tsm.h), from the trap that brought the call.
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
struct sbiret nacl_probe_feature(struct tsm *tsm, unsigned long feature_id);

/**
 * nacl_set_shmem() - Registers the calling hart's NACL shared-memory area, or
 * disables it when shmem_phys_lo and shmem_phys_hi are both all ones
 * @tsm: The TSM's state (tsm/tsm.h), from the trap that brought the call.
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
struct sbiret nacl_set_shmem(struct tsm *tsm, unsigned long shmem_phys_lo,
			     unsigned long shmem_phys_hi, unsigned long flags);

#endif /* __GENERATED_COVE_HANDLERS_H__ */
