// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Traps from the host: SBI calls, and faults the host must see as its own
 * (a G-stage fault becomes an access fault: the host is told "no", never
 * what lies behind the boundary).
 */

#include "tsm/console.h"
#include "covekit/riscv_asm.h"
#include "tsm/dispatch.h"
#include "tsm/hart.h"
#include "tsm/plic.h"
#include "tsm/reset.h"
#include "tsm/sbi_call.h"
#include "tsm/trap.h"
#include "tsm/global.h"

void trap_inject_vs(struct trap_frame *tf, unsigned long cause,
		    unsigned long tval)
{
	unsigned long vsstatus = csr_read(CSR_VSSTATUS);

	/* As the hardware would: SPP = the mode trapped from, SPIE = SIE. */
	vsstatus &= ~(SSTATUS_SPP | SSTATUS_SPIE);
	vsstatus |= tf->sstatus & SSTATUS_SPP;
	if (vsstatus & SSTATUS_SIE)
		vsstatus |= SSTATUS_SPIE;
	vsstatus &= ~SSTATUS_SIE;
	csr_write(CSR_VSSTATUS, vsstatus);
	csr_write(CSR_VSEPC, tf->sepc);
	csr_write(CSR_VSCAUSE, cause);
	csr_write(CSR_VSTVAL, tval);
	/* Exceptions always go to the vector base, in VS (supervisor) mode. */
	tf->sepc = csr_read(CSR_VSTVEC) & ~3UL;
	tf->sstatus |= SSTATUS_SPP;
}

static void host_ecall(struct hart *h, struct trap_frame *tf)
{
	const unsigned long *a = &tf->gpr[REG_A0];
	const unsigned long args[6] = { a[0], a[1], a[2], a[3], a[4], a[5] };
	unsigned long eid = tf->gpr[REG_A7], fid = tf->gpr[REG_A6];
	struct sbiret ret;
	enum dispatch_action action;

	/* One lock: every call is atomic with respect to the others. */
	tsm_lock();
	action = dispatch_sbi_call(&tsm, DISPATCH_FROM_HOST, eid, fid, args, &ret);
	if (action == DISPATCH_RESET) {
		if (tsm.trace)
			tsm_printf("tsm: host SRST.system_reset(%#lx, %#lx)\n",
				   args[0], args[1]);
		reset_system(eid, fid, args);
	}
	tsm_unlock();
	/* Unlocked: a hart may stop, suspend or wait for other harts here. */
	if (action == DISPATCH_FORWARD)
		ret = sbi_call(eid, fid, args);
	if (action == DISPATCH_HART)
		ret = hart_sbi_call(&tsm, h, eid, fid, args);
	if (tsm.trace) {
		char name[48];

		tsm_printf("tsm: host %s(%#lx, %#lx, %#lx) = %ld, %#lx%s\n",
			   dispatch_call_name(eid, fid, name, sizeof(name)),
			   args[0], args[1], args[2], ret.error,
			   (unsigned long)ret.value,
			   action == DISPATCH_FORWARD ? " [OpenSBI]" : "");
	}
	tf->gpr[REG_A0] = (unsigned long)ret.error;
	tf->gpr[REG_A0 + 1] = (unsigned long)ret.value;
	tf->sepc += 4;
}

/* The guest physical address of a guest-page fault (htval, stval). */
static unsigned long fault_gpa(unsigned long stval)
{
	return csr_read(CSR_HTVAL) << 2 | (stval & 3);
}

/* The frame is the first member of its hart (struct hart). */
void trap_handle(struct trap_frame *tf)
{
	struct hart *h = (struct hart *)tf;
	unsigned long cause = csr_read(CSR_SCAUSE);
	unsigned long stval = csr_read(CSR_STVAL);

	if (!(tf->hstatus & HSTATUS_SPV))
		tsm_panic("trap in the TSM: scause %#lx sepc %#lx stval %#lx",
			  cause, tf->sepc, stval);
	if (h->vcpu) {
		tvm_trap(&tsm, h, cause, stval);
		return;
	}
	if (cause & CAUSE_INTERRUPT) {
		hart_interrupt(&tsm, h, cause & ~CAUSE_INTERRUPT);
		hart_sync_irqs(h);
		return;
	}

	switch (cause) {
	case CAUSE_VS_ECALL:
		host_ecall(h, tf);
		break;
	case CAUSE_INSN_GUEST_PAGE_FAULT:
		trap_inject_vs(tf, CAUSE_INSN_ACCESS, stval);
		break;
	case CAUSE_LOAD_GUEST_PAGE_FAULT:
		if (!plic_emulate(&tsm.plat, tf, fault_gpa(stval)))
			trap_inject_vs(tf, CAUSE_LOAD_ACCESS, stval);
		break;
	case CAUSE_STORE_GUEST_PAGE_FAULT:
		if (!plic_emulate(&tsm.plat, tf, fault_gpa(stval)))
			trap_inject_vs(tf, CAUSE_STORE_ACCESS, stval);
		break;
	case CAUSE_VIRTUAL_INSN:
		/* A privileged instruction VS-mode may not run: illegal to it. */
		trap_inject_vs(tf, CAUSE_ILLEGAL_INSN, stval);
		break;
	default:
		/* Anything hedeleg could not pass down: the host's own fault. */
		trap_inject_vs(tf, cause, stval);
		break;
	}
	hart_sync_irqs(h);
}
