/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * A small VMM for host payloads: builds a TVM from a guest image, runs
 * its vCPUs through run_tvm_vcpu on this hart and on hart 1, and serves
 * the exits the CoVE-2025 protocol gives the host (ecalls: the guest's
 * console, HSM starts, the VMM's own calls of guest/vmm_abi.h;
 * demand-zero faults; WFI until the guest's timer).
 *
 *	vmm_init(hartid);
 *	vmm_create(&tvm, &cfg);
 *	vmm_run(&tvm);		// guest KTAP nested, 4 spaces in
 *	vmm_destroy(&tvm);
 */
#ifndef __VMM_H__
#define __VMM_H__

#include <stdbool.h>
#include <stdint.h>

#include "sbi_cove_types.h"
#include "vmm_abi.h"

#define VMM_MAX_VCPUS		GUEST_MAX_VCPUS
#define VMM_MAX_HARTS		2
#define VMM_CAUSES		64
#define VMM_ARGS		4

/* The NACL area (generated from the spec): 12 KiB per hart. */
#define VMM_NACL_SIZE		sizeof(struct sbi_nacl_shmem)

enum vmm_vcpu_state {
	VMM_VCPU_NONE,		/* not created */
	VMM_VCPU_STOPPED,	/* created; not started (or hart_stop) */
	VMM_VCPU_RUNNABLE,	/* boot vCPU, or started with HSM */
	VMM_VCPU_DEAD,		/* run said so: never again */
};

/**
 * struct vmm_exit - One exit, as the host saw it.
 * @cause:	scause from the NACL area (CAUSE_INTERRUPT set: interrupt).
 * @gpa:	Faulting guest physical address (guest page faults).
 * @gprs:	a0-a7 (ecall exits).
 * @hart:	The host hart that ran the vCPU.
 * @vcpu:	Which vCPU exited.
 */
struct vmm_exit {
	unsigned long cause;
	unsigned long gpa;
	unsigned long gprs[8];
	unsigned long hart;
	unsigned int vcpu;
};

struct vmm_tvm;
/* Called after every exit with the NACL area still as the TSM left it. */
typedef void (*vmm_exit_fn)(struct vmm_tvm *tvm, const struct vmm_exit *exit,
			    const volatile struct sbi_nacl_shmem *nacl);

struct vmm_config {
	const char *name;	/* the nested KTAP's "# Subtest:" name */
	const void *image;
	unsigned long image_size;
	unsigned int vcpus;
	unsigned long arg;	/* finalize_tvm's entry argument */
	unsigned long args[VMM_ARGS];	/* VMM_FID_ARG answers */
};

struct vmm_tvm {
	struct vmm_config cfg;
	unsigned long id;
	bool created;
	/* Confidential pages it was built from: [base, base + pages). */
	unsigned long base, pages;
	/* Pages converted at build for demand-zero faults. */
	unsigned long zero_next, zero_left;
	/* The confidential page the last demand-zero fault got. */
	unsigned long last_zero_hpa;
	volatile enum vmm_vcpu_state vcpu[VMM_MAX_VCPUS];
	volatile unsigned long exits[VMM_CAUSES];	/* by exception cause */
	volatile unsigned long irq_exits[VMM_CAUSES];	/* by interrupt cause */
	volatile unsigned long nr_exits;
	/* The guest's VMM_FID_EXIT status; -1 until it says. */
	volatile long status;
	/* Why the VMM gave up on it (NULL while all is well). */
	const char *volatile error;
	/* The last VMM_FID_ECHO's a0-a7. */
	unsigned long echo[8];
	/* instret at the last VMM_FID_MARK(i), for the bench. */
	unsigned long marks[4];
	unsigned int nr_marks;
	/* instret at vmm_create() and at the guest's first result line. */
	unsigned long created_at, first_result_at;
	vmm_exit_fn on_exit;
	char line[192];
	unsigned int line_len;
	/* Serialises the console between the two harts. */
	volatile int lock;
};

/* Set up this hart: its NACL area (set_shmem). Returns the SBI error. */
long vmm_init(unsigned long hartid);

/* Start hart 1 as a VMM worker (its own NACL area); for vCPU 1. */
long vmm_start_worker(unsigned long hartid);

/* Convert [base, base + pages): convert_pages and the global fence. */
long vmm_convert(unsigned long base, unsigned long pages);

/* Build a TVM from cfg; diagnostics say which step failed. */
long vmm_create(struct vmm_tvm *tvm, const struct vmm_config *cfg);

/*
 * Run the boot vCPU here (and any vCPU it starts on hart 1) until it is
 * dead, printing the guest's console as a nested KTAP subtest.  Returns
 * true when the guest reported status 0 and nothing went wrong.
 */
bool vmm_run(struct vmm_tvm *tvm);

/* One run_tvm_vcpu of vcpu and the host's service of the exit. */
bool vmm_run_once(struct vmm_tvm *tvm, unsigned int vcpu, struct vmm_exit *exit);

/* destroy_tvm and reclaim_pages: back to host memory. */
long vmm_destroy(struct vmm_tvm *tvm);

/* This hart's NACL area. */
volatile struct sbi_nacl_shmem *vmm_nacl(void);

/* A host page the VMM never converts, for isolation probes. */
unsigned long vmm_host_page(void);

/* Exits of exception cause `cause` so far. */
static inline unsigned long vmm_exits(const struct vmm_tvm *tvm, unsigned long cause)
{
	return cause < VMM_CAUSES ? tvm->exits[cause] : 0;
}

/* A config for the embedded guest image running test (GUEST_*). */
void vmm_config_guest(struct vmm_config *cfg, const char *name,
		      unsigned long test, unsigned int vcpus);

/*
 * Create, run, and report the guest as one result `ok N name` over its
 * nested KTAP.  The TVM stays (its counters too): vmm_destroy() it.
 */
bool vmm_guest(struct vmm_tvm *tvm, const struct vmm_config *cfg);

extern const uint8_t guest_image[], guest_image_end[];

#endif /* __VMM_H__ */
