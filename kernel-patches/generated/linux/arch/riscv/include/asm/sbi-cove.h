/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Generated from spec/cove.yaml, spec/kvm.yaml, spec/sbi.yaml, spec/tsm.yaml
 * by codegen/templates/linux/sbi-cove.h.j2.
 * Do not edit: change the spec and run ./tools/regen.
 */

/*
 * RISC-V CoVE SBI definitions: extension and function IDs, the error codes
 * asm/sbi.h lacks, and the enums and structures that cross the ABI.
 */
#ifndef __ASM_RISCV_SBI_COVE_H
#define __ASM_RISCV_SBI_COVE_H

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/types.h>

/* Error codes that asm/sbi.h does not define */
/*
 * The target object is in a state that does not permit the requested operation
 */
#define SBI_ERR_INVALID_STATE			-10
/*
 * A range argument (base and size or count) is invalid or exceeds what the call
 * supports
 */
#define SBI_ERR_BAD_RANGE			-11
/* The operation did not complete within the time the implementation allows */
#define SBI_ERR_TIMEOUT				-12
/* An input/output error occurred while serving the request */
#define SBI_ERR_IO				-13
/* The request was refused because the targeted setting has been locked */
#define SBI_ERR_DENIED_LOCKED			-14
/*
 * The TSM ran out of page-table pages donated for the TVM. Provisional: covekit
 * chose this value; no upstream source assigns one.
 */
#define SBI_ERR_OUT_OF_PTPAGES			-1001
/*
 * Local attestation of the TVM failed. Provisional: covekit chose this value;
 * no upstream source assigns one.
 */
#define SBI_ERR_AUTH				-1002
/*
 * There is not enough confidential memory to complete the request. Provisional:
 * covekit chose this value; no upstream source assigns one.
 */
#define SBI_ERR_OUT_OF_MEMORY			-1003
/*
 * A resource needed by the request is busy; the caller may retry. Provisional:
 * covekit chose this value; no upstream source assigns one.
 */
#define SBI_ERR_BUSY				-1004

#define SBI_EXT_COVH				0x434F5648	/* "COVH" */

/**
 * enum sbi_ext_covh_fid - Function IDs of COVH
 * @SBI_EXT_COVH_TSM_GET_INFO: Writes the TSM's state, version, capabilities and
 *	sizing parameters as a struct tsm_info to host memory
 * @SBI_EXT_COVH_CONVERT_PAGES: Starts converting num_pages contiguous 4 KiB
 *	pages of non-confidential memory into confidential memory
 * @SBI_EXT_COVH_RECLAIM_PAGES: Returns num_pages contiguous 4 KiB confidential
 *	pages to non-confidential use
 * @SBI_EXT_COVH_INITIATE_FENCE: Starts the global TLB invalidation sequence for
 *	pages queued by convert_pages; the sequence ends once every hart has
 *	called local_fence
 * @SBI_EXT_COVH_LOCAL_FENCE: Invalidates, on the calling hart, the TLB entries
 *	covered by the fence sequence in progress; the last hart to call it
 *	completes the conversion
 * @SBI_EXT_COVH_CREATE_TVM: Creates a TVM from a struct tvm_create_params in
 *	host memory
 * @SBI_EXT_COVH_FINALIZE_TVM: Commits the TVM's measurement and moves it from
 *	INITIALIZING to RUNNABLE; entry_sepc, entry_arg and the number of vCPUs
 *	are measured (a TVM_FINL record, see the measurement in spec/tsm.yaml),
 *	the identity buffer is not
 * @SBI_EXT_COVH_PROMOTE_TO_TVM: Converts a running VM into a TVM in one step:
 *	the TSM copies the VM's memory, G-stage page tables (from hgatp) and
 *	boot vCPU state (from NACL shared memory) into confidential memory,
 *	measures them, and leaves the TVM RUNNABLE
 * @SBI_EXT_COVH_DESTROY_TVM: Destroys a TVM whose vCPUs have all stopped
 *	running
 * @SBI_EXT_COVH_ADD_TVM_MEMORY_REGION: Reserves a guest-physical range of the
 *	TVM for confidential memory
 * @SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES: Donates num_pages contiguous 4 KiB
 *	confidential pages to the TVM's pool of G-stage page-table pages
 * @SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES: Copies pages from non-confidential
 *	memory into confidential pages, maps them at gpa inside a confidential
 *	region and extends the TVM's SHA-384 measurement for each 4 KiB page,
 *	GPA included (a TVM_PAGE record per page, in ascending GPA)
 * @SBI_EXT_COVH_ADD_TVM_ZERO_PAGES: Zeroes confidential pages and maps them at
 *	gpa inside a confidential region, typically in response to a guest page
 *	fault
 * @SBI_EXT_COVH_ADD_TVM_SHARED_PAGES: Maps non-confidential host pages into the
 *	TVM at gpa
 * @SBI_EXT_COVH_CREATE_TVM_VCPU: Adds vCPU vcpu_id to the TVM, keeping its
 *	state in confidential pages donated by the host
 * @SBI_EXT_COVH_RUN_TVM_VCPU: Runs a vCPU of a RUNNABLE TVM on the calling hart
 *	until it exits with a trap the TSM does not serve itself
 * @SBI_EXT_COVH_TVM_INITIATE_FENCE: Starts a TLB invalidation sequence for the
 *	TVM's pages invalidated since the last such fence
 * @SBI_EXT_COVH_TVM_INVALIDATE_PAGES: Blocks further TVM access to the mapped
 *	pages in a guest-physical range; a tvm_initiate_fence sequence must then
 *	complete the invalidation
 * @SBI_EXT_COVH_TVM_VALIDATE_PAGES: Makes pages previously blocked with
 *	tvm_invalidate_pages present again, restoring their earlier state;
 *	undoes an unfinished removal
 * @SBI_EXT_COVH_TVM_REMOVE_PAGES: Unmaps the pages in a guest-physical range
 *	that has been invalidated and fenced
 *
 * CoVE host interface: the host OS/VMM asks the TSM to convert memory and to
 * build, run and tear down TVMs. In a6, bits [15:0] hold the FID and bits
 * [31:26] a supervisor-domain ID. Source: CoVE-2025.
 */
enum sbi_ext_covh_fid {
	SBI_EXT_COVH_TSM_GET_INFO			= 0,
	SBI_EXT_COVH_CONVERT_PAGES			= 1,
	SBI_EXT_COVH_RECLAIM_PAGES			= 2,
	SBI_EXT_COVH_INITIATE_FENCE			= 3,
	SBI_EXT_COVH_LOCAL_FENCE			= 4,
	SBI_EXT_COVH_CREATE_TVM				= 5,
	SBI_EXT_COVH_FINALIZE_TVM			= 6,
	SBI_EXT_COVH_PROMOTE_TO_TVM			= 7,
	SBI_EXT_COVH_DESTROY_TVM			= 8,
	SBI_EXT_COVH_ADD_TVM_MEMORY_REGION		= 9,
	SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES		= 10,
	SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES		= 11,
	SBI_EXT_COVH_ADD_TVM_ZERO_PAGES			= 12,
	SBI_EXT_COVH_ADD_TVM_SHARED_PAGES		= 13,
	SBI_EXT_COVH_CREATE_TVM_VCPU			= 14,
	SBI_EXT_COVH_RUN_TVM_VCPU			= 15,
	SBI_EXT_COVH_TVM_INITIATE_FENCE			= 16,
	SBI_EXT_COVH_TVM_INVALIDATE_PAGES		= 17,
	SBI_EXT_COVH_TVM_VALIDATE_PAGES			= 18,
	SBI_EXT_COVH_TVM_REMOVE_PAGES			= 19,
};

#define SBI_EXT_COVG				0x434F5647	/* "COVG" */

/**
 * enum sbi_ext_covg_fid - Function IDs of COVG
 * @SBI_EXT_COVG_ADD_MMIO_REGION: Declares a guest-physical range as emulated
 *	MMIO, as the guest's ioremap does
 * @SBI_EXT_COVG_REMOVE_MMIO_REGION: Removes a guest-physical range from the
 *	emulated MMIO regions; later accesses to it fault
 * @SBI_EXT_COVG_SHARE_MEMORY_REGION: Asks to turn a confidential guest-physical
 *	range into memory shared with the host; its contents are lost
 * @SBI_EXT_COVG_UNSHARE_MEMORY_REGION: Asks to turn a shared guest-physical
 *	range back into confidential memory; its contents are lost
 * @SBI_EXT_COVG_ALLOW_EXTERNAL_INTERRUPT: Lets the host inject the given
 *	external interrupt into the calling vCPU
 * @SBI_EXT_COVG_DENY_EXTERNAL_INTERRUPT: Stops the host from injecting the
 *	given external interrupt into the calling vCPU
 * @SBI_EXT_COVG_GET_ATTESTATION_CAPABILITIES: Writes the TSM's attestation
 *	capabilities (hash algorithm, certificate formats, measurement
 *	registers) to a guest buffer
 * @SBI_EXT_COVG_EXTEND_MEASUREMENT: Extends a runtime measurement register with
 *	a digest computed by the guest with the TSM's hash algorithm; later
 *	evidence includes it
 * @SBI_EXT_COVG_GET_EVIDENCE: Produces an attestation certificate, signed by
 *	the TSM attestation key, that binds the guest's public key and a relying
 *	party's challenge to the TVM's measurements
 * @SBI_EXT_COVG_RETRIEVE_SECRET: Copies to the guest the secret the TSM
 *	obtained from the TVM attestation payload during local attestation at
 *	promote_to_tvm
 * @SBI_EXT_COVG_READ_MEASUREMENT: Copies the value of an initial or runtime
 *	measurement register to a guest buffer
 *
 * CoVE guest interface: a TVM asks the TSM to declare MMIO and shared regions,
 * to filter interrupt injection and for attestation services. Calls that need
 * host action are forwarded to the host as a guest ECALL exit. Source:
 * CoVE-2025.
 */
enum sbi_ext_covg_fid {
	SBI_EXT_COVG_ADD_MMIO_REGION				= 0,
	SBI_EXT_COVG_REMOVE_MMIO_REGION				= 1,
	SBI_EXT_COVG_SHARE_MEMORY_REGION			= 2,
	SBI_EXT_COVG_UNSHARE_MEMORY_REGION			= 3,
	SBI_EXT_COVG_ALLOW_EXTERNAL_INTERRUPT			= 4,
	SBI_EXT_COVG_DENY_EXTERNAL_INTERRUPT			= 5,
	SBI_EXT_COVG_GET_ATTESTATION_CAPABILITIES		= 6,
	SBI_EXT_COVG_EXTEND_MEASUREMENT				= 7,
	SBI_EXT_COVG_GET_EVIDENCE				= 8,
	SBI_EXT_COVG_RETRIEVE_SECRET				= 9,
	SBI_EXT_COVG_READ_MEASUREMENT				= 10,
};

#define SBI_EXT_COVI				0x434F5649	/* "COVI" */

/**
 * enum sbi_ext_covi_fid - Function IDs of COVI
 * @SBI_EXT_COVI_INIT_TVM_AIA: Configures AIA virtualization for a TVM from a
 *	parameter structure in non-confidential memory
 * @SBI_EXT_COVI_SET_TVM_AIA_CPU_IMSIC_ADDR: Sets the guest-physical address of
 *	one vCPU's virtual IMSIC; no two vCPUs may share one
 * @SBI_EXT_COVI_CONVERT_AIA_IMSIC: Starts converting a non-confidential IMSIC
 *	guest interrupt file for use by TVMs; initiate_fence and local_fence
 *	must follow
 * @SBI_EXT_COVI_RECLAIM_TVM_AIA_IMSIC: Returns a confidential IMSIC guest
 *	interrupt file to the host; it must not be assigned to a TVM
 * @SBI_EXT_COVI_BIND_AIA_IMSIC: Binds an unbound vCPU to the calling physical
 *	CPU and the confidential guest interrupt files in imsic_mask, after
 *	which it can run there
 * @SBI_EXT_COVI_UNBIND_AIA_IMSIC_BEGIN: Starts unbinding a vCPU from its guest
 *	interrupt files; a TVM fence sequence must complete before
 *	unbind_aia_imsic_end
 * @SBI_EXT_COVI_UNBIND_AIA_IMSIC_END: Finishes unbinding a vCPU, saving its
 *	interrupt state in software so the interrupt files can be reclaimed or
 *	reused
 * @SBI_EXT_COVI_INJECT_TVM_CPU: Injects an external interrupt, which the guest
 *	must have allowed with allow_external_interrupt, into a vCPU; it is
 *	delivered when the vCPU is next bound if it is not bound now
 * @SBI_EXT_COVI_REBIND_AIA_IMSIC_BEGIN: Starts moving a vCPU to the calling
 *	physical CPU and the guest interrupt files in imsic_mask; a TVM fence
 *	sequence must complete before rebind_aia_imsic_clone
 * @SBI_EXT_COVI_REBIND_AIA_IMSIC_CLONE: Saves a copy of the vCPU's old guest
 *	interrupt file inside the TSM, after which that file can be reclaimed or
 *	reused
 * @SBI_EXT_COVI_REBIND_AIA_IMSIC_END: Finishes moving a vCPU, restoring the
 *	cloned interrupt state into the new guest interrupt file
 *
 * CoVE interrupt interface: the host sets up and manages AIA IMSIC interrupt
 * virtualization for TVMs on platforms that have AIA. Source: CoVE-2025.
 */
enum sbi_ext_covi_fid {
	SBI_EXT_COVI_INIT_TVM_AIA			= 0,
	SBI_EXT_COVI_SET_TVM_AIA_CPU_IMSIC_ADDR		= 1,
	SBI_EXT_COVI_CONVERT_AIA_IMSIC			= 2,
	SBI_EXT_COVI_RECLAIM_TVM_AIA_IMSIC		= 3,
	SBI_EXT_COVI_BIND_AIA_IMSIC			= 4,
	SBI_EXT_COVI_UNBIND_AIA_IMSIC_BEGIN		= 5,
	SBI_EXT_COVI_UNBIND_AIA_IMSIC_END		= 6,
	SBI_EXT_COVI_INJECT_TVM_CPU			= 7,
	SBI_EXT_COVI_REBIND_AIA_IMSIC_BEGIN		= 8,
	SBI_EXT_COVI_REBIND_AIA_IMSIC_CLONE		= 9,
	SBI_EXT_COVI_REBIND_AIA_IMSIC_END		= 10,
};

#define SBI_EXT_NACL				0x4E41434C	/* "NACL" */

/**
 * enum sbi_ext_nacl_fid - Function IDs of NACL
 * @SBI_EXT_NACL_PROBE_FEATURE: Asks whether a NACL feature is available
 * @SBI_EXT_NACL_SET_SHMEM: Registers the calling hart's NACL shared-memory
 *	area, or disables it when shmem_phys_lo and shmem_phys_hi are both all
 *	ones
 * @SBI_EXT_NACL_SYNC_CSR: Synchronizes CSRs in the area with the hart (SYNC_CSR
 *	feature)
 * @SBI_EXT_NACL_SYNC_HFENCE: Processes hfence requests in the area (SYNC_HFENCE
 *	feature)
 * @SBI_EXT_NACL_SYNC_SRET: Synchronizes and enters the nested guest with sret
 *	(SYNC_SRET feature)
 *
 * Nested acceleration: a shared-memory area per hart between a hypervisor and
 * the SBI implementation below it. CoVE-2025 uses it between the host and the
 * TSM for run_tvm_vcpu: the TSM writes what an exit exposes (the TVM's GPRs in
 * the scratch, the exit's CSRs in csrs[]) and reads the host's answer from it
 * (struct sbi_nacl_shmem). Source: SBI-3.0.
 */
enum sbi_ext_nacl_fid {
	SBI_EXT_NACL_PROBE_FEATURE		= 0,
	SBI_EXT_NACL_SET_SHMEM			= 1,
	SBI_EXT_NACL_SYNC_CSR			= 2,
	SBI_EXT_NACL_SYNC_HFENCE		= 3,
	SBI_EXT_NACL_SYNC_SRET			= 4,
};

/**
 * enum sbi_page_type - Size of the pages passed to the add_tvm_*_pages calls
 * @SBI_PAGE_TYPE_PAGE_4K: 4 KiB pages
 * @SBI_PAGE_TYPE_PAGE_2MB: 2 MiB pages
 * @SBI_PAGE_TYPE_PAGE_1GB: 1 GiB pages
 * @SBI_PAGE_TYPE_PAGE_512GB: 512 GiB pages
 *
 * Source: CoVE-2025.
 */
enum sbi_page_type {
	SBI_PAGE_TYPE_PAGE_4K			= 0,
	SBI_PAGE_TYPE_PAGE_2MB			= 1,
	SBI_PAGE_TYPE_PAGE_1GB			= 2,
	SBI_PAGE_TYPE_PAGE_512GB		= 3,
};

/* Whether v is a member of enum sbi_page_type. */
static inline bool sbi_page_type_valid(unsigned long v)
{
	switch (v) {
	case SBI_PAGE_TYPE_PAGE_4K:
	case SBI_PAGE_TYPE_PAGE_2MB:
	case SBI_PAGE_TYPE_PAGE_1GB:
	case SBI_PAGE_TYPE_PAGE_512GB:
		return true;
	default:
		return false;
	}
}

/**
 * enum sbi_tvm_state - Lifecycle state of a TVM
 * @SBI_TVM_STATE_INITIALIZING: Created by create_tvm and being assembled; its
 *	vCPUs cannot run yet
 * @SBI_TVM_STATE_RUNNABLE: Finalized (or promoted); its vCPUs can be run with
 *	run_tvm_vcpu
 *
 * Source: CoVE-2025.
 */
enum sbi_tvm_state {
	SBI_TVM_STATE_INITIALIZING		= 0,
	SBI_TVM_STATE_RUNNABLE			= 1,
};

/* Whether v is a member of enum sbi_tvm_state. */
static inline bool sbi_tvm_state_valid(unsigned long v)
{
	switch (v) {
	case SBI_TVM_STATE_INITIALIZING:
	case SBI_TVM_STATE_RUNNABLE:
		return true;
	default:
		return false;
	}
}

/**
 * enum sbi_tsm_state - State of the TSM as reported in tsm_info.tsm_state
 * @SBI_TSM_STATE_NOT_LOADED: No TSM has been loaded on this platform
 * @SBI_TSM_STATE_LOADED: A TSM has been loaded but is not initialized yet
 * @SBI_TSM_STATE_READY: The TSM is initialized and accepts calls; the other
 *	tsm_info fields are valid
 *
 * Source: CoVE-2025.
 */
enum sbi_tsm_state {
	SBI_TSM_STATE_NOT_LOADED		= 0,
	SBI_TSM_STATE_LOADED			= 1,
	SBI_TSM_STATE_READY			= 2,
};

/* Whether v is a member of enum sbi_tsm_state. */
static inline bool sbi_tsm_state_valid(unsigned long v)
{
	switch (v) {
	case SBI_TSM_STATE_NOT_LOADED:
	case SBI_TSM_STATE_LOADED:
	case SBI_TSM_STATE_READY:
		return true;
	default:
		return false;
	}
}

/**
 * enum sbi_tsm_capabilities_bit - Bit numbers in tsm_info.tsm_capabilities; a
 * set bit means both the TSM and the hardware support the feature
 * @SBI_TSM_CAPABILITIES_PROMOTE_TVM_BIT: Single-step TVM creation with
 *	promote_to_tvm
 * @SBI_TSM_CAPABILITIES_ATTESTATION_LOCAL_BIT: Local attestation
 * @SBI_TSM_CAPABILITIES_ATTESTATION_REMOTE_BIT: Remote attestation
 * @SBI_TSM_CAPABILITIES_AIA_BIT: AIA interrupt virtualization (the COVI
 *	extension); clear means legacy interrupt handling
 * @SBI_TSM_CAPABILITIES_MRIF_BIT: Memory-resident interrupt files
 * @SBI_TSM_CAPABILITIES_MEMORY_ALLOCATION_BIT: Dynamic memory allocation; clear
 *	means the TSM uses static memory allocation
 *
 * Source: CoVE-2025.
 */
enum sbi_tsm_capabilities_bit {
	SBI_TSM_CAPABILITIES_PROMOTE_TVM_BIT			= 0,
	SBI_TSM_CAPABILITIES_ATTESTATION_LOCAL_BIT		= 1,
	SBI_TSM_CAPABILITIES_ATTESTATION_REMOTE_BIT		= 2,
	SBI_TSM_CAPABILITIES_AIA_BIT				= 3,
	SBI_TSM_CAPABILITIES_MRIF_BIT				= 4,
	SBI_TSM_CAPABILITIES_MEMORY_ALLOCATION_BIT		= 5,
};

#define SBI_TSM_CAPABILITIES_PROMOTE_TVM			(1ULL << 0)
#define SBI_TSM_CAPABILITIES_ATTESTATION_LOCAL			(1ULL << 1)
#define SBI_TSM_CAPABILITIES_ATTESTATION_REMOTE			(1ULL << 2)
#define SBI_TSM_CAPABILITIES_AIA				(1ULL << 3)
#define SBI_TSM_CAPABILITIES_MRIF				(1ULL << 4)
#define SBI_TSM_CAPABILITIES_MEMORY_ALLOCATION			(1ULL << 5)
#define SBI_TSM_CAPABILITIES_ALL				0x3FULL

/* Whether v sets only bits that sbi_tsm_capabilities_bit defines. */
static inline bool sbi_tsm_capabilities_valid(unsigned long v)
{
	return (v & ~(unsigned long)SBI_TSM_CAPABILITIES_ALL) == 0;
}

/**
 * enum sbi_tsm_impl_id - Known TSM implementations, as reported in
 * tsm_info.tsm_impl_id; higher values are reserved for future ones
 * @SBI_TSM_IMPL_ID_SALUS: The Salus TSM
 * @SBI_TSM_IMPL_ID_ACE: The Assured Confidential Execution (ACE) TSM
 * @SBI_TSM_IMPL_ID_COVEKIT: The covekit TSM (tsm-firmware/). Provisional:
 *	covekit's value
 *
 * Source: CoVE-2025.
 */
enum sbi_tsm_impl_id {
	SBI_TSM_IMPL_ID_SALUS		= 1,
	SBI_TSM_IMPL_ID_ACE		= 2,
	SBI_TSM_IMPL_ID_COVEKIT		= 3,
};

/* Whether v is a member of enum sbi_tsm_impl_id. */
static inline bool sbi_tsm_impl_id_valid(unsigned long v)
{
	switch (v) {
	case SBI_TSM_IMPL_ID_SALUS:
	case SBI_TSM_IMPL_ID_ACE:
	case SBI_TSM_IMPL_ID_COVEKIT:
		return true;
	default:
		return false;
	}
}

/**
 * enum sbi_tvm_exit_cause - Exit causes run_tvm_vcpu reports for exceptions:
 * the scause value the TSM writes to the NACL csrs[] entry for scause
 * @SBI_TVM_EXIT_CAUSE_ECALL_VS: The TVM made an SBI call the TSM does not serve
 *	itself; a0-a7 are in the scratch GPRs
 * @SBI_TVM_EXIT_CAUSE_INSN_GUEST_PAGE_FAULT: Instruction guest-page fault at
 *	(htval << 2) | (stval & 3)
 * @SBI_TVM_EXIT_CAUSE_LOAD_GUEST_PAGE_FAULT: Load guest-page fault at (htval <<
 *	2) | (stval & 3)
 * @SBI_TVM_EXIT_CAUSE_VIRTUAL_INSN: Virtual instruction (WFI); htinst holds the
 *	instruction
 * @SBI_TVM_EXIT_CAUSE_STORE_GUEST_PAGE_FAULT: Store or AMO guest-page fault at
 *	(htval << 2) | (stval & 3)
 *
 * Source: CoVE-2025.
 */
enum sbi_tvm_exit_cause {
	SBI_TVM_EXIT_CAUSE_ECALL_VS				= 10,
	SBI_TVM_EXIT_CAUSE_INSN_GUEST_PAGE_FAULT		= 20,
	SBI_TVM_EXIT_CAUSE_LOAD_GUEST_PAGE_FAULT		= 21,
	SBI_TVM_EXIT_CAUSE_VIRTUAL_INSN				= 22,
	SBI_TVM_EXIT_CAUSE_STORE_GUEST_PAGE_FAULT		= 23,
};

/* Whether v is a member of enum sbi_tvm_exit_cause. */
static inline bool sbi_tvm_exit_cause_valid(unsigned long v)
{
	switch (v) {
	case SBI_TVM_EXIT_CAUSE_ECALL_VS:
	case SBI_TVM_EXIT_CAUSE_INSN_GUEST_PAGE_FAULT:
	case SBI_TVM_EXIT_CAUSE_LOAD_GUEST_PAGE_FAULT:
	case SBI_TVM_EXIT_CAUSE_VIRTUAL_INSN:
	case SBI_TVM_EXIT_CAUSE_STORE_GUEST_PAGE_FAULT:
		return true;
	default:
		return false;
	}
}

/**
 * enum sbi_tvm_exit_interrupt - Exit causes run_tvm_vcpu reports for the host's
 * own interrupts that arrived while the TVM ran: scause is the member with the
 * MSB set (SBI_TVM_EXIT_INTERRUPT_FLAG)
 * @SBI_TVM_EXIT_INTERRUPT_SOFTWARE: A supervisor software interrupt (IPI) for
 *	the host
 * @SBI_TVM_EXIT_INTERRUPT_TIMER: The host's supervisor timer
 * @SBI_TVM_EXIT_INTERRUPT_EXTERNAL: A supervisor external interrupt for the
 *	host
 *
 * The host's interrupt stays pending for the host and is delivered once it
 * enables it. CoVE-2025 only says the MSB marks an interrupt; the numbers are
 * the supervisor-level ones the host sees for its own interrupts. Source:
 * CoVE-2025, covekit's choice where it is silent.
 */
enum sbi_tvm_exit_interrupt {
	SBI_TVM_EXIT_INTERRUPT_SOFTWARE		= 1,
	SBI_TVM_EXIT_INTERRUPT_TIMER		= 5,
	SBI_TVM_EXIT_INTERRUPT_EXTERNAL		= 9,
};

/* Whether v is a member of enum sbi_tvm_exit_interrupt. */
static inline bool sbi_tvm_exit_interrupt_valid(unsigned long v)
{
	switch (v) {
	case SBI_TVM_EXIT_INTERRUPT_SOFTWARE:
	case SBI_TVM_EXIT_INTERRUPT_TIMER:
	case SBI_TVM_EXIT_INTERRUPT_EXTERNAL:
		return true;
	default:
		return false;
	}
}

/**
 * enum sbi_nacl_feature - Optional NACL features, asked for with NACL
 * probe_feature
 * @SBI_NACL_FEATURE_SYNC_CSR: The sync_csr call
 * @SBI_NACL_FEATURE_SYNC_HFENCE: The sync_hfence call
 * @SBI_NACL_FEATURE_SYNC_SRET: The sync_sret call
 * @SBI_NACL_FEATURE_AUTOSWAP_CSR: CSRs swapped automatically by sync_sret
 *
 * Source: SBI-3.0.
 */
enum sbi_nacl_feature {
	SBI_NACL_FEATURE_SYNC_CSR		= 0,
	SBI_NACL_FEATURE_SYNC_HFENCE		= 1,
	SBI_NACL_FEATURE_SYNC_SRET		= 2,
	SBI_NACL_FEATURE_AUTOSWAP_CSR		= 3,
};

/* Whether v is a member of enum sbi_nacl_feature. */
static inline bool sbi_nacl_feature_valid(unsigned long v)
{
	switch (v) {
	case SBI_NACL_FEATURE_SYNC_CSR:
	case SBI_NACL_FEATURE_SYNC_HFENCE:
	case SBI_NACL_FEATURE_SYNC_SRET:
	case SBI_NACL_FEATURE_AUTOSWAP_CSR:
		return true;
	default:
		return false;
	}
}

/**
 * struct sbi_tsm_info - TSM state and parameters written by tsm_get_info; the
 * CoVE-2025 layout, which replaced the 32-byte CoVE-2023 one
 * @tsm_state: Current TSM state; unless it is READY, the other fields are 0
 *	(enum sbi_tsm_state)
 * @tsm_impl_id: Which TSM implementation is running, a tsm_impl_id value
 * @tsm_version: Version of the running TSM
 * @reserved: Padding that keeps tsm_capabilities 8-byte aligned; carries no
 *	information
 * @tsm_capabilities: Mask of supported features; bit i stands for
 *	tsm_capabilities member i (enum sbi_tsm_capabilities)
 * @tvm_state_pages: Number of 4 KiB confidential pages to donate for a TVM's
 *	state (tvm_create_params.tvm_state_addr)
 * @tvm_max_vcpus: Maximum number of vCPUs a TVM can have
 * @tvm_vcpu_state_pages: Number of 4 KiB confidential pages to donate per vCPU
 *	in create_tvm_vcpu
 *
 * 48 bytes; source: CoVE-2025.
 */
struct sbi_tsm_info {
	u32 tsm_state;
	u32 tsm_impl_id;
	u32 tsm_version;
	u32 reserved;
	u64 tsm_capabilities;
	unsigned long tvm_state_pages;
	u64 tvm_max_vcpus;
	unsigned long tvm_vcpu_state_pages;
};

static_assert(sizeof(struct sbi_tsm_info) == 48,
	      "struct sbi_tsm_info must be 48 bytes");
static_assert(offsetof(struct sbi_tsm_info, tsm_state) == 0,
	      "sbi_tsm_info.tsm_state must be at offset 0");
static_assert(offsetof(struct sbi_tsm_info, tsm_impl_id) == 4,
	      "sbi_tsm_info.tsm_impl_id must be at offset 4");
static_assert(offsetof(struct sbi_tsm_info, tsm_version) == 8,
	      "sbi_tsm_info.tsm_version must be at offset 8");
static_assert(offsetof(struct sbi_tsm_info, reserved) == 12,
	      "sbi_tsm_info.reserved must be at offset 12");
static_assert(offsetof(struct sbi_tsm_info, tsm_capabilities) == 16,
	      "sbi_tsm_info.tsm_capabilities must be at offset 16");
static_assert(offsetof(struct sbi_tsm_info, tvm_state_pages) == 24,
	      "sbi_tsm_info.tvm_state_pages must be at offset 24");
static_assert(offsetof(struct sbi_tsm_info, tvm_max_vcpus) == 32,
	      "sbi_tsm_info.tvm_max_vcpus must be at offset 32");
static_assert(offsetof(struct sbi_tsm_info, tvm_vcpu_state_pages) == 40,
	      "sbi_tsm_info.tvm_vcpu_state_pages must be at offset 40");

/**
 * struct sbi_tvm_create_params - Parameters of create_tvm, read from host
 * memory
 * @tvm_page_directory_addr: Physical address of the 16 KiB confidential region
 *	for the TVM's G-stage root page table; 16 KiB aligned
 * @tvm_state_addr: Physical address of the confidential pages
 *	(tsm_info.tvm_state_pages of them) for the TVM's state; 4 KiB aligned
 *
 * 16 bytes; source: CoVE-2025.
 */
struct sbi_tvm_create_params {
	u64 tvm_page_directory_addr;
	u64 tvm_state_addr;
};

static_assert(sizeof(struct sbi_tvm_create_params) == 16,
	      "struct sbi_tvm_create_params must be 16 bytes");
static_assert(offsetof(struct sbi_tvm_create_params, tvm_page_directory_addr) == 0,
	      "sbi_tvm_create_params.tvm_page_directory_addr must be at offset 0");
static_assert(offsetof(struct sbi_tvm_create_params, tvm_state_addr) == 8,
	      "sbi_tvm_create_params.tvm_state_addr must be at offset 8");

/**
 * struct sbi_tsm_shmem_scratch - What CoVE-2025 puts in the NACL scratch
 * (struct sbi_nacl_shmem scratch) for run_tvm_vcpu: the TVM's GPRs, written by
 * the TSM only as far as the exit exposes them and read back (a0, a1) after an
 * ecall exit
 * @guest_gprs: The TVM's x0-x31 (xN at 8 * N); every entry the exit does not
 *	expose is 0
 * @reserved: Rest of the scratch; the TSM leaves it alone
 *
 * 2048 bytes; source: CoVE-2025.
 */
struct sbi_tsm_shmem_scratch {
	u64 guest_gprs[32];
	u64 reserved[224];
};

static_assert(sizeof(struct sbi_tsm_shmem_scratch) == 2048,
	      "struct sbi_tsm_shmem_scratch must be 2048 bytes");
static_assert(offsetof(struct sbi_tsm_shmem_scratch, guest_gprs) == 0,
	      "sbi_tsm_shmem_scratch.guest_gprs must be at offset 0");
static_assert(offsetof(struct sbi_tsm_shmem_scratch, reserved) == 256,
	      "sbi_tsm_shmem_scratch.reserved must be at offset 256");

/**
 * struct sbi_nacl_shmem - The NACL shared-memory area of one hart (RV64),
 * registered with NACL set_shmem; 4 KiB aligned
 * @scratch: Scratch space whose use the extension using the area defines (CoVE
 *	- struct sbi_tsm_shmem_scratch)
 * @reserved: Reserved for future use; zero
 * @dirty_bitmap: One bit per csrs[] entry the caller changed (SYNC_CSR,
 *	AUTOSWAP_CSR); CoVE does not use it
 * @csrs: CSR values, indexed by sbi_nacl_csr_index(csr number)
 *
 * A CSR number maps to its csrs[] index as ((csr & 0xC00) >> 2) | (csr & 0xFF)
 * (sbi_nacl_csr_index() in the generated headers): numbers that differ only in
 * bits [9:8] (the privilege level) share an entry. For run_tvm_vcpu, CoVE-2025
 * overlays struct sbi_tsm_shmem_scratch on scratch. The structure must be
 * 4096-byte aligned in memory. 12288 bytes; source: SBI-3.0.
 */
struct sbi_nacl_shmem {
	u64 scratch[256];
	u64 reserved[240];
	u64 dirty_bitmap[16];
	u64 csrs[1024];
};

static_assert(sizeof(struct sbi_nacl_shmem) == 12288,
	      "struct sbi_nacl_shmem must be 12288 bytes");
static_assert(offsetof(struct sbi_nacl_shmem, scratch) == 0,
	      "sbi_nacl_shmem.scratch must be at offset 0");
static_assert(offsetof(struct sbi_nacl_shmem, reserved) == 2048,
	      "sbi_nacl_shmem.reserved must be at offset 2048");
static_assert(offsetof(struct sbi_nacl_shmem, dirty_bitmap) == 3968,
	      "sbi_nacl_shmem.dirty_bitmap must be at offset 3968");
static_assert(offsetof(struct sbi_nacl_shmem, csrs) == 4096,
	      "sbi_nacl_shmem.csrs must be at offset 4096");

/*
 * Index into struct sbi_nacl_shmem.csrs[] of a CSR number (SBI-3.0 NACL):
 * bits [11:10] of the number go to [9:8] of the index, bits [7:0] stay.
 */
#define SBI_NACL_CSR_INDEX(csr)	((((csr) & 0xc00UL) >> 2) | ((csr) & 0xffUL))

static inline unsigned long sbi_nacl_csr_index(unsigned long csr)
{
	return SBI_NACL_CSR_INDEX(csr);
}

/* scause's interrupt bit: set in a tvm_exit_interrupt exit cause. */
#define SBI_TVM_EXIT_INTERRUPT_FLAG	(1UL << 63)

#endif /* __ASM_RISCV_SBI_COVE_H */
