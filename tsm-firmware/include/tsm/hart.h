/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Per-hart TSM state (src/hart.c): each hart's trap frame, stack and
 * what other harts ask of it, and the host's HSM, IPI, RFENCE and TIME
 * calls, which act on harts and so are the TSM's to carry out.
 */
#ifndef __TSM_HART_H__
#define __TSM_HART_H__

#include <stdbool.h>
#include <stdint.h>

#include "sbi_abi.h"
#include "tsm/trap.h"

struct tsm;
struct tvm;
struct vcpu_state;

/* The host's hart state run_tvm_vcpu swaps out (src/vcpu_switch.c). */
struct host_csrs {
	unsigned long vsstatus, vsie, vstvec, vsscratch, vsepc, vscause,
		vstval, vsatp, vstimecmp;
	unsigned long hvip, hgatp, henvcfg, hedeleg, hideleg, htimedelta;
	unsigned long stimecmp, sie;
	uint64_t fp[32];
	unsigned long fcsr;
};

/* Work another hart asks of a hart (struct hart.work), with an IPI. */
#define HART_WORK_HOST_IPI	(1UL << 0)	/* raise VSSIP for the host */
#define HART_WORK_HFENCE_VVMA	(1UL << 1)	/* flush the host's VS-stage */
/* For the TVM vCPU the hart runs (a kick: served without exiting). */
#define HART_WORK_VCPU_IPI	(1UL << 2)	/* take vcpu_state.ipi now */
#define HART_WORK_VCPU_HFENCE	(1UL << 3)	/* flush the TVM's VS-stage */
#define HART_WORK_HOST		(HART_WORK_HOST_IPI | HART_WORK_HFENCE_VVMA)

/* Where a hart is, as the TSM sees it (struct hart.state). */
enum hart_state {
	HART_OFF,		/* never started, or stopped */
	HART_STARTING,		/* hart_start forwarded, not in the TSM yet */
	HART_ONLINE,		/* running the host (or the TSM for it) */
	HART_SUSPENDED,		/* non-retentive suspend: resumes in the TSM */
};

/**
 * struct hart - One hart's TSM state.
 * @frame:	The host's registers while the TSM runs; first, so that
 *		sscratch (which points at it) also points at the hart.
 * @index:	0..CONFIG_TSM_MAX_HARTS-1: the hart's bit in fence masks.
 * @hartid:	Its hart ID.
 * @state:	enum hart_state, changed under the TSM lock.
 * @work:	HART_WORK_* bits other harts set (atomically) before an IPI.
 * @entry:	Where the host asked this hart to start or resume.
 * @arg:	The host's opaque value for it (a1 at @entry).
 * @vcpu:	The TVM vCPU running on this hart, NULL while the host runs:
 *		the trap entry routes by it (@frame then holds the TVM's).
 * @tvm, @tvm_id:	The TVM @vcpu belongs to.
 * @host_frame:	The host's registers while a TVM runs (it is in the
 *		middle of its run_tvm_vcpu ecall).
 * @host:	The host's CSRs and FP registers while a TVM runs.
 */
struct hart {
	struct trap_frame frame;
	unsigned int index;
	unsigned long hartid;
	volatile int state;
	volatile unsigned long work;
	unsigned long entry;
	unsigned long arg;
	struct vcpu_state *vcpu;
	struct tvm *tvm;
	unsigned long tvm_id;
	struct trap_frame host_frame;
	struct host_csrs host;
};

/* A trap taken while this hart ran a TVM vCPU (src/tvm_trap.c). */
void tvm_trap(struct tsm *tsm, struct hart *h, unsigned long cause,
	      unsigned long stval);

/* Stop running the TVM: write the exit to NACL, give the host its state. */
void vcpu_exit(struct tsm *tsm, struct hart *h, unsigned long cause,
	       unsigned long value, const unsigned long *gprs,
	       unsigned long tval);

/* Save the TVM's state into its vCPU, load the host's (vcpu_switch.c). */
void vcpu_switch_to_host(struct tsm *tsm, struct hart *h);

/* The hart running now (from sscratch). */
struct hart *hart_self(void);

/* The hart with this ID (0..nr_harts-1 on QEMU virt), or NULL. */
struct hart *hart_by_id(const struct tsm *tsm, unsigned long hartid);

/* Set up the boot hart's state; call first thing in tsm_main(). */
struct hart *hart_boot_init(unsigned long hartid);

/* The TSM's one lock: every COVH call and shared state. */
void tsm_lock(void);
void tsm_unlock(void);

/* CSRs for running the host, then sret to entry with a0, a1: no return. */
void hart_enter_host(struct tsm *tsm, struct hart *h, unsigned long entry,
		     unsigned long a0, unsigned long a1)
	__attribute__((noreturn));

/* A hart the host started or resumed: from tsm_hart_entry (entry.S). */
void hart_secondary(struct tsm *tsm, unsigned long hartid, struct hart *h)
	__attribute__((noreturn));

/* A host HSM, IPI, RFENCE or TIME call that dispatch gave to the TSM. */
struct sbiret hart_sbi_call(struct tsm *tsm, struct hart *h, unsigned long eid,
			    unsigned long fid, const unsigned long args[6]);

/* The IPI, RFENCE and TIME part of hart_sbi_call() (src/irq.c). */
struct sbiret irq_sbi_call(struct tsm *tsm, struct hart *h, unsigned long eid,
			   unsigned long fid, const unsigned long args[6]);

/* Ask the harts of set (by index) in one of states for work, one IPI. */
unsigned long hart_ask(struct tsm *tsm, unsigned long set, unsigned long work,
		       unsigned int states);

/*
 * Wait until each hart of asked has done work (or left the host),
 * serving this hart's own requests meanwhile so two harts asking each
 * other cannot deadlock.  From a vCPU's ecall only its vCPU work is
 * served here; the host's stays pending (SSIP) for the next trap.
 */
void hart_wait_done(struct tsm *tsm, struct hart *h, unsigned long asked,
		    unsigned long work);

/*
 * On this hart's IPI while it runs a vCPU: do the vCPU work asked.
 * True if the host was asked for nothing, so the vCPU resumes.
 */
bool hart_do_vcpu_work(struct hart *h);

/* An interrupt taken while the host ran (scause without the MSB). */
void hart_interrupt(struct tsm *tsm, struct hart *h, unsigned long irq);

/* Before every return to the host: keep hvip in step with the hart. */
void hart_sync_irqs(struct hart *h);

#endif /* __TSM_HART_H__ */
