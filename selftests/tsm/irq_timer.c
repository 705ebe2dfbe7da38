// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The host's timer through the TSM: SBI set_timer (the TSM forwards it
 * and raises VSTIP through hvip when OpenSBI's STIP comes) and, where
 * the hart has Sstc, stimecmp written directly (vstimecmp, henvcfg.STCE).
 * irq_timer@nosstc.qemu runs it again on a CPU without Sstc.
 */

#include "ktap.h"
#include "payload.h"

#define CSR_STIMECMP_NUM	"0x14d"
#define WAIT_MS			500

static volatile unsigned int fired;
static volatile unsigned long fired_at;
static volatile bool sstc_mode;

static void on_irq(unsigned long irq)
{
	if (irq != IRQ_S_TIMER) {
		payload_printf("# unexpected interrupt %lu\n", irq);
		payload_exit(2);
	}
	fired++;
	fired_at = payload_time();
	/* Clear the source: VSTIP stays up until the next deadline is set. */
	if (sstc_mode)
		__asm__ __volatile__("csrw " CSR_STIMECMP_NUM ", %0" :: "r"(-1L));
	else
		sbi_time_set_timer(-1UL);
}

static bool wait_fired(unsigned int count)
{
	unsigned long end = payload_time() + WAIT_MS * PAYLOAD_TICKS_PER_MS;

	while (fired < count && payload_time() < end)
		__asm__ __volatile__("wfi");
	return fired >= count;
}

static unsigned long sip(void)
{
	unsigned long v;

	__asm__ __volatile__("csrr %0, sip" : "=r"(v));
	return v;
}

static void test_sbi_timer(void)
{
	unsigned long deadline;
	struct sbiret ret;

	fired = 0;
	deadline = payload_time() + 5 * PAYLOAD_TICKS_PER_MS;
	ret = sbi_time_set_timer(deadline);
	ktap_eq(ret.error, 0, "SBI set_timer: accepted");
	ktap_ok(wait_fired(1), "SBI timer: the interrupt reached the host");
	ktap_ok(fired_at >= deadline, "SBI timer: not before its deadline (%ld ticks after)",
		(long)(fired_at - deadline));
	ktap_eq(sip() & SIP_STIP, 0, "SBI timer: set_timer cleared the pending VSTIP");
	for (int i = 0; i < 100000; i++)
		__asm__ __volatile__("nop");
	ktap_eq(fired, 1, "SBI timer: fired once, not again once cleared");

	/* A deadline already past fires at once. */
	ret = sbi_time_set_timer(payload_time() - 1);
	ktap_ok(ret.error == 0 && wait_fired(2), "SBI timer: a past deadline fires");
}

/* stimecmp writable (Sstc, henvcfg.STCE): true; it trapped: false. */
static bool probe_sstc(void)
{
	unsigned int traps;

	payload_expect_traps(true);
	payload_last_trap.cause = 0;
	__asm__ __volatile__("csrw " CSR_STIMECMP_NUM ", %0" :: "r"(-1L) : "memory");
	traps = payload_last_trap.count;
	payload_expect_traps(false);
	return traps == 0;
}

/*
 * Whether the FDT lists Sstc: "sstc" as a whole riscv,isa-extensions
 * string or an "_sstc" part of riscv,isa (a byte scan is enough here).
 */
static bool fdt_lists_sstc(unsigned long fdt)
{
	const uint8_t *b = (const uint8_t *)fdt;
	unsigned long size = (unsigned long)b[4] << 24 | b[5] << 16 | b[6] << 8 | b[7];

	for (unsigned long i = 1; i + 5 < size; i++)
		if ((b[i - 1] == 0 || b[i - 1] == '_') && b[i] == 's' &&
		    b[i + 1] == 's' && b[i + 2] == 't' && b[i + 3] == 'c' &&
		    (b[i + 4] == 0 || b[i + 4] == '_'))
			return true;
	return false;
}

static void test_sstc(unsigned long fdt)
{
	unsigned long deadline;
	bool listed = fdt_lists_sstc(fdt), works = probe_sstc();

	if (!listed) {
		/* What the host may expect of a CPU without Sstc. */
		ktap_ok(!works, "no Sstc in the FDT: writing stimecmp traps");
		ktap_eq(payload_last_trap.cause, CAUSE_ILLEGAL_INSN,
			"no Sstc: as an illegal instruction");
		ktap_eq(sip() & SIP_STIP, 0, "no Sstc: no timer interrupt pending");
		return;
	}
	if (!ktap_ok(works, "Sstc in the FDT: stimecmp is the host's")) {
		ktap_diag("stimecmp trapped: cause %lu", payload_last_trap.cause);
		ktap_ok(false, "Sstc timer: the interrupt reached the host");
		ktap_ok(false, "Sstc timer: cleared by a new stimecmp");
		return;
	}
	sstc_mode = true;
	fired = 0;
	deadline = payload_time() + 5 * PAYLOAD_TICKS_PER_MS;
	__asm__ __volatile__("csrw " CSR_STIMECMP_NUM ", %0" :: "r"(deadline));
	ktap_ok(wait_fired(1) && fired_at >= deadline,
		"Sstc timer: the interrupt reached the host, not before its deadline");
	ktap_eq(sip() & SIP_STIP, 0, "Sstc timer: cleared by a new stimecmp");
	sstc_mode = false;
}

int payload_main(unsigned long hartid, unsigned long fdt)
{
	ktap_start(9);
	payload_set_irq_handler(on_irq);
	payload_irq_enable(SIP_STIP);
	test_sbi_timer();
	test_sstc(fdt);
	payload_irq_disable();
	return ktap_finish();
}
