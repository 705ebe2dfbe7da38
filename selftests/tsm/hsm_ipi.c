// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Two harts through the TSM (hsm_ipi.qemu: -smp 2): HSM start, stop,
 * status and suspend (retentive and not), IPIs from the other hart and
 * to oneself reaching the host as its software interrupt, and RFENCE
 * reaching an online hart and a stopped one.
 */

#include "ktap.h"
#include "payload.h"
#include "sbi_cove_types.h"

#define OTHER		1UL
#define TSM_ADDR	0x80200000UL	/* the TSM's own code */
#define WAIT_MS		2000
#define NON_RETENTIVE	0x80000000UL

static volatile unsigned int ipis;
static volatile unsigned long seen_hartid = -1UL, seen_arg;
static volatile bool go;
static unsigned long me;

static void on_irq(unsigned long irq)
{
	if (irq != IRQ_S_SOFT) {
		payload_printf("# unexpected interrupt %lu\n", irq);
		payload_exit(2);
	}
	ipis++;
	/* The host's sip.SSIP is the TSM's hvip.VSSIP. */
	__asm__ __volatile__("csrc sip, %0" :: "r"(SIP_SSIP));
}

/* Spin (interrupts on) until cond() or WAIT_MS. */
static bool wait_for(bool (*cond)(void))
{
	unsigned long end = payload_time() + WAIT_MS * PAYLOAD_TICKS_PER_MS;

	while (!cond() && payload_time() < end)
		;
	return cond();
}

static unsigned int ipis_before;
static bool got_ipi(void) { return ipis > ipis_before; }
static bool other_started(void) { return seen_hartid != -1UL; }

static long status(unsigned long hartid)
{
	struct sbiret ret = sbi_hsm_hart_get_status(hartid);

	return ret.error ? ret.error : ret.value;
}

static bool other_stopped(void)
{
	return status(OTHER) == SBI_HSM_HART_STATE_STOPPED;
}

static bool me_suspended(void)
{
	return status(me) == SBI_HSM_HART_STATE_SUSPENDED;
}

/* Hart 1: say who it is, IPI hart 0, wait, stop. */
static void other_main(unsigned long hartid, unsigned long arg)
{
	seen_arg = arg;
	seen_hartid = hartid;
	sbi_ipi_send_ipi(1UL << me, 0);
	while (!go)
		;
	sbi_hsm_hart_stop();
}

/* Hart 1 again: wake hart 0 from its suspend with an IPI, then stop. */
static void waker_main(unsigned long hartid, unsigned long arg)
{
	wait_for(me_suspended);
	sbi_ipi_send_ipi(1UL << me, 0);
	sbi_hsm_hart_stop();
}

static void test_self_ipi(void)
{
	ipis_before = ipis;
	ktap_eq(sbi_ipi_send_ipi(1UL << me, 0).error, 0, "send_ipi to oneself");
	ktap_ok(wait_for(got_ipi), "self IPI: reached the host as its SSI");
	ktap_eq(ipis - ipis_before, 1, "self IPI: taken once (cleared through sip)");
	ktap_eq(sbi_ipi_send_ipi(1UL << 5, 0).error, SBI_ERR_INVALID_PARAM,
		"send_ipi to a hart that does not exist: INVALID_PARAM");
}

static void test_start(void)
{
	ktap_eq(status(OTHER), SBI_HSM_HART_STATE_STOPPED, "hart 1 starts STOPPED");
	ktap_eq(sbi_hsm_hart_start(OTHER, TSM_ADDR, 0).error,
		SBI_ERR_INVALID_ADDRESS, "hart_start into TSM memory: INVALID_ADDRESS");
	ktap_eq(sbi_hsm_hart_start(7, 0x80400000UL, 0).error,
		SBI_ERR_INVALID_PARAM, "hart_start of a hart that does not exist: INVALID_PARAM");
	ktap_eq(sbi_hsm_hart_start(me, 0x80400000UL, 0).error,
		SBI_ERR_ALREADY_AVAILABLE, "hart_start of a running hart: ALREADY_AVAILABLE");

	ipis_before = ipis;
	ktap_eq(payload_start_hart(OTHER, other_main, 0x5eed), 0, "hart_start hart 1");
	ktap_ok(wait_for(other_started), "hart 1 runs the host's code");
	ktap_eq(seen_hartid, OTHER, "hart 1 entered with a0 = its hart ID");
	ktap_eq(seen_arg, 0x5eed, "hart 1 entered with a1 = the opaque value");
	ktap_ok(wait_for(got_ipi), "IPI from hart 1 reached hart 0's host");
	ktap_eq(status(OTHER), SBI_HSM_HART_STATE_STARTED, "hart 1 is STARTED");
	ktap_eq(sbi_hsm_hart_start(OTHER, 0x80400000UL, 0).error,
		SBI_ERR_ALREADY_AVAILABLE, "hart_start of hart 1 again: ALREADY_AVAILABLE");
}

static void test_rfence(void)
{
	ktap_eq(sbi_rfence_remote_sfence_vma(1UL << OTHER, 0, 0, -1UL).error, 0,
		"remote_sfence_vma on running hart 1: done");
	ktap_eq(sbi_rfence_remote_sfence_vma_asid(-1UL, -1UL, 0, -1UL, 0).error, 0,
		"remote_sfence_vma_asid on every hart: done");
	ktap_eq(sbi_rfence_remote_sfence_vma(1UL << 9, 0, 0, -1UL).error,
		SBI_ERR_INVALID_PARAM, "remote_sfence_vma to no such hart: INVALID_PARAM");
	go = true;
	ktap_ok(wait_for(other_stopped), "hart_stop: hart 1 is STOPPED");
	ktap_eq(sbi_rfence_remote_sfence_vma(1UL << OTHER, 0, 0, -1UL).error, 0,
		"remote_sfence_vma on stopped hart 1: returns");
}

static void test_retentive_suspend(void)
{
	struct sbiret ret;

	ipis_before = ipis;
	ktap_eq(payload_start_hart(OTHER, waker_main, 0), 0,
		"hart_start hart 1 again after its stop");
	ret = sbi_hsm_hart_suspend(0, 0, 0);
	ktap_eq(ret.error, 0, "retentive suspend: woken by hart 1's IPI");
	ktap_ok(wait_for(got_ipi), "retentive suspend: the IPI reached the host");
	ktap_ok(wait_for(other_stopped), "hart 1 stopped again");
}

/* Non-retentive resume: a0 = hartid, a1 = the opaque value (a stack). */
void resume_entry(void);
void resumed(unsigned long hartid, unsigned long opaque);
static uint8_t resume_stack[8192] __attribute__((aligned(16)));

__asm__(".pushsection .text\n"
	".globl resume_entry\n"
	"resume_entry:\n"
	"	mv sp, a1\n"
	"	la t0, payload_trap_vector\n"
	"	csrw stvec, t0\n"
	"	call resumed\n"
	"1:	j 1b\n"
	".popsection\n");

static void test_non_retentive_suspend(void)
{
	unsigned long stack = (unsigned long)resume_stack + sizeof(resume_stack);
	struct sbiret ret;

	ret = sbi_hsm_hart_suspend(NON_RETENTIVE, TSM_ADDR, stack);
	ktap_eq(ret.error, SBI_ERR_INVALID_ADDRESS,
		"non-retentive suspend resuming in TSM memory: INVALID_ADDRESS");
	ipis_before = ipis;
	payload_start_hart(OTHER, waker_main, 0);
	payload_irq_disable();
	ret = sbi_hsm_hart_suspend(NON_RETENTIVE, (unsigned long)resume_entry, stack);
	ktap_diag("non-retentive suspend returned %ld", ret.error);
	ktap_ok(false, "non-retentive suspend: resumed at its resume address");
	payload_exit(ktap_finish());
}

void resumed(unsigned long hartid, unsigned long opaque)
{
	ktap_ok(true, "non-retentive suspend: resumed at its resume address");
	ktap_eq(hartid, me, "resumed with a0 = hart ID");
	ktap_eq(opaque, (unsigned long)resume_stack + sizeof(resume_stack),
		"resumed with a1 = the opaque value");
	/* The waking IPI is still the host's to take. */
	payload_irq_enable(SIP_SSIP);
	ktap_ok(wait_for(got_ipi), "non-retentive suspend: the IPI reached the host");
	ktap_ok(wait_for(other_stopped), "hart 1 stopped again");
	payload_exit(ktap_finish());
}

int payload_main(unsigned long hartid, unsigned long fdt)
{
	me = hartid;
	ktap_start(30);
	if (hartid != 0) {
		ktap_diag("booted on hart %lu: this suite drives hart 1 from 0", hartid);
		return ktap_finish();
	}
	payload_set_irq_handler(on_irq);
	payload_irq_enable(SIP_SSIP);
	test_self_ipi();
	test_start();
	test_rfence();
	test_retentive_suspend();
	test_non_retentive_suspend();
	return ktap_finish();
}
