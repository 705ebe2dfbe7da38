/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Generated from spec/cove.yaml, spec/kvm.yaml, spec/sbi.yaml, spec/tsm.yaml
 * by codegen/templates/firmware/sbi_abi.h.j2.
 * Do not edit: change the spec and run ./tools/regen.
 */

#ifndef __GENERATED_SBI_ABI_H__
#define __GENERATED_SBI_ABI_H__

/*
 * SBI calling convention: a7 holds the extension ID (EID), a6 the function
 * ID (FID), a0-a5 the arguments.  a0 returns the error code, a1 the value.
 */
struct sbiret {
	long error;
	long value;
};

/* SBI error codes (struct sbiret.error) */
/*
 * The call completed successfully; sbiret.value holds its result, if it has one
 */
#define SBI_ERR_SUCCESS				0
/* The call failed for a reason that no more specific error code describes */
#define SBI_ERR_FAILED				-1
/*
 * The extension or function is not implemented, or a valid request cannot be
 * served because something it depends on is missing
 */
#define SBI_ERR_NOT_SUPPORTED			-2
/*
 * A non-address argument is out of range, malformed, or refers to an object
 * that does not exist
 */
#define SBI_ERR_INVALID_PARAM			-3
/* The caller is not allowed to perform the requested operation */
#define SBI_ERR_DENIED				-4
/*
 * An address argument is invalid: misaligned, outside the memory the caller may
 * name, or otherwise unusable for the request
 */
#define SBI_ERR_INVALID_ADDRESS			-5
/*
 * The resource is already available, e.g. the hart to be started is already
 * running
 */
#define SBI_ERR_ALREADY_AVAILABLE		-6
/* The operation has already been started and is still in progress */
#define SBI_ERR_ALREADY_STARTED			-7
/* The operation or resource has already been stopped */
#define SBI_ERR_ALREADY_STOPPED			-8
/* The call needs a shared-memory area that the caller has not set up */
#define SBI_ERR_NO_SHMEM			-9
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

/* Extension IDs (a7) */
#define SBI_EXT_COVH				0x434F5648UL	/* "COVH" */
#define SBI_EXT_COVG				0x434F5647UL	/* "COVG" */
#define SBI_EXT_COVI				0x434F5649UL	/* "COVI" */
#define SBI_EXT_BASE				0x10UL
#define SBI_EXT_TIME				0x54494D45UL	/* "TIME" */
#define SBI_EXT_IPI				0x735049UL
#define SBI_EXT_RFENCE				0x52464E43UL	/* "RFNC" */
#define SBI_EXT_HSM				0x48534DUL
#define SBI_EXT_SRST				0x53525354UL	/* "SRST" */
#define SBI_EXT_DBCN				0x4442434EUL	/* "DBCN" */
#define SBI_EXT_NACL				0x4E41434CUL	/* "NACL" */

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

/* One past the highest COVH FID: the size of its dispatch table. */
#define SBI_EXT_COVH_FID_COUNT			20

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

/* One past the highest COVG FID: the size of its dispatch table. */
#define SBI_EXT_COVG_FID_COUNT			11

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

/* One past the highest COVI FID: the size of its dispatch table. */
#define SBI_EXT_COVI_FID_COUNT			11

/**
 * enum sbi_ext_base_fid - Function IDs of BASE
 * @SBI_EXT_BASE_GET_SPEC_VERSION: Reports the SBI specification version the
 *	implementation conforms to
 * @SBI_EXT_BASE_GET_IMPL_ID: Reports which SBI implementation is running, so
 *	callers can work around its known quirks
 * @SBI_EXT_BASE_GET_IMPL_VERSION: Reports the version of the running SBI
 *	implementation
 * @SBI_EXT_BASE_PROBE_EXTENSION: Asks whether the extension with the given EID
 *	is available
 * @SBI_EXT_BASE_GET_MVENDORID: Reports a value that is legal for the mvendorid
 *	CSR
 * @SBI_EXT_BASE_GET_MARCHID: Reports a value that is legal for the marchid CSR
 * @SBI_EXT_BASE_GET_MIMPID: Reports a value that is legal for the mimpid CSR
 *
 * Version and implementation queries and extension probing; every SBI
 * implementation provides it. Source: SBI-3.0.
 */
enum sbi_ext_base_fid {
	SBI_EXT_BASE_GET_SPEC_VERSION		= 0,
	SBI_EXT_BASE_GET_IMPL_ID		= 1,
	SBI_EXT_BASE_GET_IMPL_VERSION		= 2,
	SBI_EXT_BASE_PROBE_EXTENSION		= 3,
	SBI_EXT_BASE_GET_MVENDORID		= 4,
	SBI_EXT_BASE_GET_MARCHID		= 5,
	SBI_EXT_BASE_GET_MIMPID			= 6,
};

/* One past the highest BASE FID: the size of its dispatch table. */
#define SBI_EXT_BASE_FID_COUNT			7

/**
 * enum sbi_ext_time_fid - Function IDs of TIME
 * @SBI_EXT_TIME_SET_TIMER: Schedules the next supervisor timer event at an
 *	absolute time and clears a pending timer interrupt if that time lies in
 *	the future
 *
 * Supervisor timer programming. Source: SBI-3.0.
 */
enum sbi_ext_time_fid {
	SBI_EXT_TIME_SET_TIMER		= 0,
};

/* One past the highest TIME FID: the size of its dispatch table. */
#define SBI_EXT_TIME_FID_COUNT			1

/**
 * enum sbi_ext_ipi_fid - Function IDs of IPI
 * @SBI_EXT_IPI_SEND_IPI: Raises a supervisor software interrupt on every hart
 *	selected by hart_mask and hart_mask_base
 *
 * Inter-processor interrupts between supervisor harts. Source: SBI-3.0.
 */
enum sbi_ext_ipi_fid {
	SBI_EXT_IPI_SEND_IPI		= 0,
};

/* One past the highest IPI FID: the size of its dispatch table. */
#define SBI_EXT_IPI_FID_COUNT			1

/**
 * enum sbi_ext_rfence_fid - Function IDs of RFENCE
 * @SBI_EXT_RFENCE_REMOTE_FENCE_I: Makes the selected harts execute FENCE.I
 * @SBI_EXT_RFENCE_REMOTE_SFENCE_VMA: Makes the selected harts execute
 *	SFENCE.VMA over a virtual address range, for every ASID
 * @SBI_EXT_RFENCE_REMOTE_SFENCE_VMA_ASID: Makes the selected harts execute
 *	SFENCE.VMA over a virtual address range for one ASID only
 * @SBI_EXT_RFENCE_REMOTE_HFENCE_GVMA_VMID: Makes the selected harts execute
 *	HFENCE.GVMA over a guest-physical range for one VMID; only harts with
 *	the hypervisor extension can serve it
 * @SBI_EXT_RFENCE_REMOTE_HFENCE_GVMA: Makes the selected harts execute
 *	HFENCE.GVMA over a guest-physical range for all VMIDs; only harts with
 *	the hypervisor extension can serve it
 * @SBI_EXT_RFENCE_REMOTE_HFENCE_VVMA_ASID: Makes the selected harts execute
 *	HFENCE.VVMA over a guest-virtual range for one ASID of the calling
 *	hart's current VMID (from hgatp)
 * @SBI_EXT_RFENCE_REMOTE_HFENCE_VVMA: Makes the selected harts execute
 *	HFENCE.VVMA over a guest-virtual range for every ASID of the calling
 *	hart's current VMID (from hgatp)
 *
 * Remote fences: makes other harts execute FENCE.I, SFENCE.VMA or hypervisor
 * fences. An address range covers the whole address space when start_addr and
 * size are both 0 or size is all ones. Source: SBI-3.0.
 */
enum sbi_ext_rfence_fid {
	SBI_EXT_RFENCE_REMOTE_FENCE_I			= 0,
	SBI_EXT_RFENCE_REMOTE_SFENCE_VMA		= 1,
	SBI_EXT_RFENCE_REMOTE_SFENCE_VMA_ASID		= 2,
	SBI_EXT_RFENCE_REMOTE_HFENCE_GVMA_VMID		= 3,
	SBI_EXT_RFENCE_REMOTE_HFENCE_GVMA		= 4,
	SBI_EXT_RFENCE_REMOTE_HFENCE_VVMA_ASID		= 5,
	SBI_EXT_RFENCE_REMOTE_HFENCE_VVMA		= 6,
};

/* One past the highest RFENCE FID: the size of its dispatch table. */
#define SBI_EXT_RFENCE_FID_COUNT		7

/**
 * enum sbi_ext_hsm_fid - Function IDs of HSM
 * @SBI_EXT_HSM_HART_START: Starts a stopped hart in supervisor mode at
 *	start_addr, with satp = 0, sstatus.SIE = 0, a0 = its hart ID and a1 =
 *	opaque
 * @SBI_EXT_HSM_HART_STOP: Stops the calling hart and hands it back to the SBI
 *	implementation; must be called with supervisor interrupts disabled and
 *	returns only on failure
 * @SBI_EXT_HSM_HART_GET_STATUS: Reports the HSM state of a hart; the state may
 *	have changed by the time the caller looks at it
 * @SBI_EXT_HSM_HART_SUSPEND: Puts the calling hart into a retentive or
 *	non-retentive suspend state
 *
 * Hart state management; starting, stopping, suspending and querying harts.
 * Source: SBI-3.0.
 */
enum sbi_ext_hsm_fid {
	SBI_EXT_HSM_HART_START			= 0,
	SBI_EXT_HSM_HART_STOP			= 1,
	SBI_EXT_HSM_HART_GET_STATUS		= 2,
	SBI_EXT_HSM_HART_SUSPEND		= 3,
};

/* One past the highest HSM FID: the size of its dispatch table. */
#define SBI_EXT_HSM_FID_COUNT			4

/**
 * enum sbi_ext_srst_fid - Function IDs of SRST
 * @SBI_EXT_SRST_SYSTEM_RESET: Shuts down or reboots the system as seen by the
 *	caller; does not return on success
 *
 * System reset; shutdown and reboot requests. Source: SBI-3.0.
 */
enum sbi_ext_srst_fid {
	SBI_EXT_SRST_SYSTEM_RESET		= 0,
};

/* One past the highest SRST FID: the size of its dispatch table. */
#define SBI_EXT_SRST_FID_COUNT			1

/**
 * enum sbi_ext_dbcn_fid - Function IDs of DBCN
 * @SBI_EXT_DBCN_CONSOLE_WRITE: Writes bytes from memory to the debug console
 *	without blocking; it may write only part of the buffer, or nothing
 * @SBI_EXT_DBCN_CONSOLE_READ: Reads pending bytes from the debug console into
 *	memory without blocking; writes nothing if no input is waiting
 * @SBI_EXT_DBCN_CONSOLE_WRITE_BYTE: Writes one byte to the debug console,
 *	blocking until it has been written
 *
 * Debug console for early and debugging output and input. Source: SBI-3.0.
 */
enum sbi_ext_dbcn_fid {
	SBI_EXT_DBCN_CONSOLE_WRITE		= 0,
	SBI_EXT_DBCN_CONSOLE_READ		= 1,
	SBI_EXT_DBCN_CONSOLE_WRITE_BYTE		= 2,
};

/* One past the highest DBCN FID: the size of its dispatch table. */
#define SBI_EXT_DBCN_FID_COUNT			3

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

/* One past the highest NACL FID: the size of its dispatch table. */
#define SBI_EXT_NACL_FID_COUNT			5

#endif /* __GENERATED_SBI_ABI_H__ */
