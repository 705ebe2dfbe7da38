/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Generated from spec/cove.yaml, spec/kvm.yaml, spec/sbi.yaml, spec/tsm.yaml
 * by codegen/templates/firmware/sbi_cove_types.h.j2.
 * Do not edit: change the spec and run ./tools/regen.
 */

#ifndef __GENERATED_SBI_COVE_TYPES_H__
#define __GENERATED_SBI_COVE_TYPES_H__

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Struct layouts below are the RV64 (LP64) ABI. */
_Static_assert(sizeof(unsigned long) == 8, "covekit ABI types assume LP64");

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
 * enum sbi_srst_reset_type - Standard reset types for SRST system_reset
 * @SBI_SRST_RESET_TYPE_SHUTDOWN: Power the system off
 * @SBI_SRST_RESET_TYPE_COLD_REBOOT: Power-cycle the whole system
 * @SBI_SRST_RESET_TYPE_WARM_REBOOT: Power-cycle the main processor and part of
 *	the system, but not all of it
 *
 * Source: SBI-3.0.
 */
enum sbi_srst_reset_type {
	SBI_SRST_RESET_TYPE_SHUTDOWN		= 0,
	SBI_SRST_RESET_TYPE_COLD_REBOOT		= 1,
	SBI_SRST_RESET_TYPE_WARM_REBOOT		= 2,
};

/* Whether v is a member of enum sbi_srst_reset_type. */
static inline bool sbi_srst_reset_type_valid(unsigned long v)
{
	switch (v) {
	case SBI_SRST_RESET_TYPE_SHUTDOWN:
	case SBI_SRST_RESET_TYPE_COLD_REBOOT:
	case SBI_SRST_RESET_TYPE_WARM_REBOOT:
		return true;
	default:
		return false;
	}
}

/**
 * enum sbi_srst_reset_reason - Standard reset reasons for SRST system_reset
 * @SBI_SRST_RESET_REASON_NONE: No particular reason
 * @SBI_SRST_RESET_REASON_SYSTEM_FAILURE: The caller resets because of a system
 *	failure
 *
 * Source: SBI-3.0.
 */
enum sbi_srst_reset_reason {
	SBI_SRST_RESET_REASON_NONE			= 0,
	SBI_SRST_RESET_REASON_SYSTEM_FAILURE		= 1,
};

/* Whether v is a member of enum sbi_srst_reset_reason. */
static inline bool sbi_srst_reset_reason_valid(unsigned long v)
{
	switch (v) {
	case SBI_SRST_RESET_REASON_NONE:
	case SBI_SRST_RESET_REASON_SYSTEM_FAILURE:
		return true;
	default:
		return false;
	}
}

/**
 * enum sbi_hsm_hart_state - Hart states reported by HSM hart_get_status
 * @SBI_HSM_HART_STATE_STARTED: The hart is powered up and running normally
 * @SBI_HSM_HART_STATE_STOPPED: The hart is not running in supervisor mode or
 *	below and may be powered down
 * @SBI_HSM_HART_STATE_START_PENDING: A start has been requested and the SBI
 *	implementation is still bringing the hart up
 * @SBI_HSM_HART_STATE_STOP_PENDING: The hart asked to stop and the SBI
 *	implementation is still stopping it
 * @SBI_HSM_HART_STATE_SUSPENDED: The hart is in a platform-specific suspend
 *	(low-power) state
 * @SBI_HSM_HART_STATE_SUSPEND_PENDING: The hart asked to suspend and the SBI
 *	implementation is still suspending it
 * @SBI_HSM_HART_STATE_RESUME_PENDING: An interrupt or event woke the hart and
 *	the SBI implementation is still resuming it
 *
 * Source: SBI-3.0.
 */
enum sbi_hsm_hart_state {
	SBI_HSM_HART_STATE_STARTED			= 0,
	SBI_HSM_HART_STATE_STOPPED			= 1,
	SBI_HSM_HART_STATE_START_PENDING		= 2,
	SBI_HSM_HART_STATE_STOP_PENDING			= 3,
	SBI_HSM_HART_STATE_SUSPENDED			= 4,
	SBI_HSM_HART_STATE_SUSPEND_PENDING		= 5,
	SBI_HSM_HART_STATE_RESUME_PENDING		= 6,
};

/* Whether v is a member of enum sbi_hsm_hart_state. */
static inline bool sbi_hsm_hart_state_valid(unsigned long v)
{
	switch (v) {
	case SBI_HSM_HART_STATE_STARTED:
	case SBI_HSM_HART_STATE_STOPPED:
	case SBI_HSM_HART_STATE_START_PENDING:
	case SBI_HSM_HART_STATE_STOP_PENDING:
	case SBI_HSM_HART_STATE_SUSPENDED:
	case SBI_HSM_HART_STATE_SUSPEND_PENDING:
	case SBI_HSM_HART_STATE_RESUME_PENDING:
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
	uint32_t tsm_state;
	uint32_t tsm_impl_id;
	uint32_t tsm_version;
	uint32_t reserved;
	uint64_t tsm_capabilities;
	unsigned long tvm_state_pages;
	uint64_t tvm_max_vcpus;
	unsigned long tvm_vcpu_state_pages;
};

_Static_assert(sizeof(struct sbi_tsm_info) == 48,
	       "struct sbi_tsm_info must be 48 bytes");
_Static_assert(offsetof(struct sbi_tsm_info, tsm_state) == 0,
	       "sbi_tsm_info.tsm_state must be at offset 0");
_Static_assert(offsetof(struct sbi_tsm_info, tsm_impl_id) == 4,
	       "sbi_tsm_info.tsm_impl_id must be at offset 4");
_Static_assert(offsetof(struct sbi_tsm_info, tsm_version) == 8,
	       "sbi_tsm_info.tsm_version must be at offset 8");
_Static_assert(offsetof(struct sbi_tsm_info, reserved) == 12,
	       "sbi_tsm_info.reserved must be at offset 12");
_Static_assert(offsetof(struct sbi_tsm_info, tsm_capabilities) == 16,
	       "sbi_tsm_info.tsm_capabilities must be at offset 16");
_Static_assert(offsetof(struct sbi_tsm_info, tvm_state_pages) == 24,
	       "sbi_tsm_info.tvm_state_pages must be at offset 24");
_Static_assert(offsetof(struct sbi_tsm_info, tvm_max_vcpus) == 32,
	       "sbi_tsm_info.tvm_max_vcpus must be at offset 32");
_Static_assert(offsetof(struct sbi_tsm_info, tvm_vcpu_state_pages) == 40,
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
	uint64_t tvm_page_directory_addr;
	uint64_t tvm_state_addr;
};

_Static_assert(sizeof(struct sbi_tvm_create_params) == 16,
	       "struct sbi_tvm_create_params must be 16 bytes");
_Static_assert(offsetof(struct sbi_tvm_create_params, tvm_page_directory_addr) == 0,
	       "sbi_tvm_create_params.tvm_page_directory_addr must be at offset 0");
_Static_assert(offsetof(struct sbi_tvm_create_params, tvm_state_addr) == 8,
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
	uint64_t guest_gprs[32];
	uint64_t reserved[224];
};

_Static_assert(sizeof(struct sbi_tsm_shmem_scratch) == 2048,
	       "struct sbi_tsm_shmem_scratch must be 2048 bytes");
_Static_assert(offsetof(struct sbi_tsm_shmem_scratch, guest_gprs) == 0,
	       "sbi_tsm_shmem_scratch.guest_gprs must be at offset 0");
_Static_assert(offsetof(struct sbi_tsm_shmem_scratch, reserved) == 256,
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
	uint64_t scratch[256];
	uint64_t reserved[240];
	uint64_t dirty_bitmap[16];
	uint64_t csrs[1024];
};

_Static_assert(sizeof(struct sbi_nacl_shmem) == 12288,
	       "struct sbi_nacl_shmem must be 12288 bytes");
_Static_assert(offsetof(struct sbi_nacl_shmem, scratch) == 0,
	       "sbi_nacl_shmem.scratch must be at offset 0");
_Static_assert(offsetof(struct sbi_nacl_shmem, reserved) == 2048,
	       "sbi_nacl_shmem.reserved must be at offset 2048");
_Static_assert(offsetof(struct sbi_nacl_shmem, dirty_bitmap) == 3968,
	       "sbi_nacl_shmem.dirty_bitmap must be at offset 3968");
_Static_assert(offsetof(struct sbi_nacl_shmem, csrs) == 4096,
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

#endif /* __GENERATED_SBI_COVE_TYPES_H__ */
