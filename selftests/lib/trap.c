// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The payload's own trap handler: record expected traps, fail on others. */

#include "payload.h"

volatile struct payload_trap payload_last_trap;
static bool expecting;
static payload_irq_fn irq_handler;

void payload_trap(void);

void payload_expect_traps(bool expect)
{
	expecting = expect;
	payload_last_trap.count = 0;
}

void payload_set_irq_handler(payload_irq_fn fn)
{
	irq_handler = fn;
}

void payload_trap(void)
{
	unsigned long cause, epc, tval;
	uint16_t insn;

	__asm__ __volatile__("csrr %0, scause" : "=r"(cause));
	__asm__ __volatile__("csrr %0, sepc" : "=r"(epc));
	__asm__ __volatile__("csrr %0, stval" : "=r"(tval));
	/* An interrupt: resume where it struck. */
	if ((cause & CAUSE_INTERRUPT) && irq_handler) {
		irq_handler(cause & ~CAUSE_INTERRUPT);
		return;
	}
	if (!expecting) {
		payload_printf("# unexpected trap: scause %#lx sepc %#lx stval %#lx\n",
			       cause, epc, tval);
		payload_exit(2);
	}
	payload_last_trap.cause = cause;
	payload_last_trap.epc = epc;
	payload_last_trap.tval = tval;
	payload_last_trap.count++;
	/* Skip the instruction: 2 bytes if compressed (low bits != 11). */
	insn = *(const volatile uint16_t *)epc;
	epc += (insn & 3) == 3 ? 4 : 2;
	__asm__ __volatile__("csrw sepc, %0" :: "r"(epc));
}
