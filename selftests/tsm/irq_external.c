// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * External interrupts through the PLIC to the host: the UART's
 * transmitter-empty interrupt (virt: PLIC source 10) raised, claimed and
 * completed by the host in the hart's S context.  It must reach the
 * host, not be lost when raised again during the host's handler, and be
 * gone once claimed and let go (QEMU's PLIC pends a source when the
 * device raises its line, not while the line stays high).
 */

#include "ktap.h"
#include "payload.h"

#define PLIC		0x0c000000UL
#define UART		0x10000000UL
#define UART_IRQ	10
#define UART_IER	(UART + 1)
#define IER_ETBEI	0x02	/* transmitter holding register empty */
#define WAIT_MS		200

static unsigned long ctx;	/* this hart's S context: 2 * hartid + 1 */
static volatile unsigned int taken, claimed_id, disable_after;

static void w32(unsigned long addr, uint32_t v)
{
	*(volatile uint32_t *)addr = v;
}

static uint32_t r32(unsigned long addr)
{
	return *(volatile uint32_t *)addr;
}

static void uart_ier(uint8_t v)
{
	*(volatile uint8_t *)UART_IER = v;
}

static unsigned long claim_reg(void)
{
	return PLIC + 0x200004 + 0x1000 * ctx;
}

static void on_irq(unsigned long irq)
{
	uint32_t id;

	if (irq != IRQ_S_EXT) {
		payload_printf("# unexpected interrupt %lu\n", irq);
		payload_exit(2);
	}
	id = r32(claim_reg());
	claimed_id = id;
	if (id == 0)
		return;	/* nothing pending: a stale VSEIP */
	taken++;
	uart_ier(0);	/* the device lets go of the line */
	/* Raised again while this one is being handled: must not be lost. */
	if (taken < disable_after)
		uart_ier(IER_ETBEI);
	w32(claim_reg(), id);	/* complete */
}

static unsigned long sip(void)
{
	unsigned long v;

	__asm__ __volatile__("csrr %0, sip" : "=r"(v));
	return v;
}

static void wait_ms(unsigned long ms)
{
	unsigned long end = payload_time() + ms * PAYLOAD_TICKS_PER_MS;

	while (payload_time() < end)
		;
}

static bool wait_taken(unsigned int n)
{
	unsigned long end = payload_time() + WAIT_MS * PAYLOAD_TICKS_PER_MS;

	while (taken < n && payload_time() < end)
		;
	return taken >= n;
}

int payload_main(unsigned long hartid, unsigned long fdt)
{
	ktap_start(9);
	ctx = 2 * hartid + 1;
	payload_set_irq_handler(on_irq);

	w32(PLIC + 4 * UART_IRQ, 1);			/* priority 1 */
	w32(PLIC + 0x2000 + 0x80 * ctx, 1U << UART_IRQ);	/* enable */
	w32(PLIC + 0x200000 + 0x1000 * ctx, 0);		/* threshold 0 */
	ktap_eq(r32(PLIC + 0x200000 + 0x1000 * ctx), 0,
		"threshold reads back through the TSM");
	payload_irq_enable(SIP_SEIP);

	/* One interrupt, claimed and let go: taken once, then gone. */
	disable_after = 1;
	uart_ier(IER_ETBEI);
	ktap_ok(wait_taken(1), "UART interrupt reached the host through the PLIC");
	ktap_eq(claimed_id, UART_IRQ, "the host claimed source %d", UART_IRQ);
	wait_ms(20);
	ktap_eq(taken, 1, "taken once: completed and deasserted, it is not pending");
	ktap_eq(sip() & SIP_SEIP, 0, "the host's SEIP is clear");

	/* Raised again before the completion: it comes back after it. */
	taken = 0;
	disable_after = 3;
	uart_ier(IER_ETBEI);
	ktap_ok(wait_taken(3), "raised again during the handler: taken again after completion (%u)",
		taken);

	/* Masked by the threshold, it waits; lowered again, it arrives. */
	taken = 0;
	disable_after = 1;
	w32(PLIC + 0x200000 + 0x1000 * ctx, 1);
	uart_ier(IER_ETBEI);
	wait_ms(20);
	ktap_eq(taken, 0, "masked by the threshold: not taken");
	w32(PLIC + 0x200000 + 0x1000 * ctx, 0);
	ktap_ok(wait_taken(1), "threshold lowered: taken");
	wait_ms(20);
	ktap_eq(taken, 1, "and only once");

	payload_irq_disable();
	return ktap_finish();
}
