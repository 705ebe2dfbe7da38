/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * A TVM vCPU's state, kept in the confidential pages the host donated at
 * create_tvm_vcpu, and what run_tvm_vcpu (src/covh/run.c) needs from the
 * hart to switch to it (src/vcpu_switch.c; tests/arch_stub.c natively).
 */
#ifndef __TSM_VCPU_H__
#define __TSM_VCPU_H__

#include <stdbool.h>
#include <stdint.h>

#include "autoconf.h"

struct tsm;
struct tvm;

/* Where a vCPU is in its life (struct vcpu_state.status). */
enum vcpu_status {
	VCPU_CREATED,	/* created; not started (the boot vCPU starts on its first run) */
	VCPU_STARTED,	/* runnable: started by finalize (boot) or the TVM's HSM */
	VCPU_STOPPED,	/* the TVM stopped it (HSM hart_stop); a hart_start revives it */
	VCPU_DEAD,	/* stopped for good (SRST, fatal error): never runs again */
};

/* What the next run does first, after an exit (struct vcpu_state.resume). */
enum vcpu_resume {
	VCPU_RESUME_NONE,
	VCPU_RESUME_ECALL,	/* take a0, a1 from the NACL scratch, skip the ecall */
	VCPU_RESUME_SKIP,	/* the TSM already answered: skip the ecall or WFI */
};

/**
 * struct vcpu_state - One vCPU, in its donated state page(s).
 * @gpr:	x0..x31 while it does not run.
 * @sepc, @sstatus, @hstatus:	Where and how it resumes (sstatus.SPP,
 *		FS; hstatus.SPVP).
 * @vs:		Its VS CSRs (vsstatus .. vstimecmp), swapped on every run.
 * @hvip:	Its pending virtual interrupts (VSSIP from the TVM's IPIs).
 * @fp:		f0..f31 and @fcsr, saved eagerly (the TSM has no FP itself).
 * @status:	enum vcpu_status.
 * @resume:	enum vcpu_resume.
 * @running:	1 + the index of the hart running it, 0 when none.
 * @ipi:	Set atomically by another vCPU's send_ipi; taken on entry.
 * @entry, @arg:	Where an HSM hart_start asked it to start (a1 = @arg).
 */
struct vcpu_state {
	unsigned long gpr[32];
	unsigned long sepc;
	unsigned long sstatus;
	unsigned long hstatus;
	struct {
		unsigned long vsstatus, vsie, vstvec, vsscratch, vsepc, vscause,
			vstval, vsatp, vstimecmp;
	} vs;
	unsigned long hvip;
	uint64_t fp[32];
	unsigned long fcsr;
	uint8_t status;
	uint8_t resume;
	volatile uint32_t running;
	volatile uint32_t ipi;
	unsigned long entry;
	unsigned long arg;
};

_Static_assert(sizeof(struct vcpu_state) <= CONFIG_TSM_VCPU_STATE_PAGES * 4096,
	       "struct vcpu_state must fit the donated vCPU state pages");

/*
 * This hart's NACL area, if it is still the host's own memory (the host
 * may have converted it since set_shmem), else 0 (src/covh/run.c).
 */
uint64_t nacl_area(struct tsm *tsm);

/*
 * Before a run: apply the host's answer to the last exit (a0, a1 from
 * the NACL scratch after an ecall exit) and step past the trapped
 * instruction when the exit asked for it.
 */
void vcpu_resume(struct vcpu_state *vcpu, uint64_t area);

/* The state of vCPU vcpu_id of tvm, or NULL if it was not created. */
struct vcpu_state *vcpu_get(struct tvm *tvm, unsigned long vcpu_id);

/*
 * Switch this hart from the host to vcpu of tvm (id tvm_id) and run it.
 * Called with the TSM lock held.  On the hardware it never returns: the
 * exit path (src/tvm_trap.c) answers the host's run_tvm_vcpu ecall and
 * drops the lock before the TVM runs.  Host unit tests provide a stub
 * that returns the run's result.
 */
struct sbiret;
struct sbiret arch_vcpu_enter(struct tsm *tsm, struct tvm *tvm,
			      unsigned long tvm_id, struct vcpu_state *vcpu);

/* First run of a started vCPU: its registers at entry (a0 = id, a1 = arg). */
void vcpu_reset(struct vcpu_state *vcpu, unsigned long vcpu_id,
		unsigned long entry, unsigned long arg);

#endif /* __TSM_VCPU_H__ */
