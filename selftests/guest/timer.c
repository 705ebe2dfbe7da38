// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Guest tests of the TVM's timer: Sstc interrupts inside it, and WFI. */

#include "guest.h"

static volatile unsigned int fired;
static volatile unsigned long fired_at;

static void on_irq(unsigned long irq)
{
	if (irq != IRQ_S_TIMER) {
		payload_printf("# unexpected interrupt %lu\n", irq);
		payload_exit(2);
	}
	fired++;
	fired_at = payload_time();
	guest_set_timer(-1UL);	/* clears the pending STIP */
}

static bool one_fired(void) { return fired >= 1; }
static bool two_fired(void) { return fired >= 2; }

static unsigned long sip(void)
{
	unsigned long v;

	__asm__ __volatile__("csrr %0, sip" : "=r"(v));
	return v;
}

int guest_timer(void)
{
	unsigned long deadline, cmp;

	ktap_start(5);
	payload_set_irq_handler(on_irq);
	deadline = payload_time() + 2 * PAYLOAD_TICKS_PER_MS;
	guest_set_timer(deadline);
	__asm__ __volatile__("csrr %0, 0x14d" : "=r"(cmp));
	ktap_eq(cmp, deadline, "stimecmp (vstimecmp) holds what the guest wrote");
	payload_irq_enable(SIP_STIP);
	ktap_ok(guest_wait(one_fired, 500), "the timer interrupt arrived inside the TVM");
	ktap_ok(fired_at >= deadline, "not before its deadline (%ld ticks after)",
		(long)(fired_at - deadline));
	ktap_eq(sip() & SIP_STIP, 0, "writing stimecmp cleared the pending STIP");
	guest_set_timer(payload_time() - 1);
	ktap_ok(guest_wait(two_fired, 500), "a deadline already past fires at once");
	payload_irq_disable();
	return ktap_finish();
}

int guest_wfi(void)
{
	unsigned long deadline, e22, wfis = 0;

	ktap_start(4);
	payload_irq_disable();
	__asm__ __volatile__("csrw sie, %0" :: "r"(SIP_STIP));
	e22 = guest_exits(CAUSE_VIRTUAL_INSN);
	deadline = payload_time() + 5 * PAYLOAD_TICKS_PER_MS;
	guest_set_timer(deadline);
	while (payload_time() < deadline && wfis < 1000) {
		__asm__ __volatile__("wfi");
		wfis++;
	}
	ktap_ok(payload_time() >= deadline, "WFI woke at the deadline");
	ktap_eq(wfis, 1, "one WFI parked the vCPU until its timer");
	ktap_ok(guest_exits(CAUSE_VIRTUAL_INSN) > e22, "the WFI exited to the host");
	ktap_ok(sip() & SIP_STIP, "the timer is pending: it is what woke the vCPU");
	guest_set_timer(-1UL);
	return ktap_finish();
}
