// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The guest's side of payload.h: its console is DBCN console_write_byte
 * (the host cannot read a buffer in confidential memory, so one byte per
 * call, in a0), and its exit reports the verdict to the VMM, then asks
 * SRST for a shutdown, which ends the vCPU for good.
 */

#include <stdarg.h>

#include "covekit/fmt.h"
#include "guest.h"
#include "sbi_cove_types.h"

void payload_printf(const char *fmt, ...)
{
	static char line[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(line))
		n = sizeof(line) - 1;
	for (int i = 0; i < n; i++)
		sbi_dbcn_console_write_byte((unsigned char)line[i]);
}

void payload_exit(int status)
{
	vmm_call(VMM_FID_EXIT, status);
	sbi_srst_system_reset(SBI_SRST_RESET_TYPE_SHUTDOWN,
			      status ? SBI_SRST_RESET_REASON_SYSTEM_FAILURE
				     : SBI_SRST_RESET_REASON_NONE);
	for (;;)
		__asm__ __volatile__("wfi");
}

bool guest_wait(bool (*cond)(void), unsigned long ms)
{
	unsigned long end = payload_time() + ms * PAYLOAD_TICKS_PER_MS;

	while (!cond() && payload_time() < end)
		;
	return cond();
}

static int (*const tests[GUEST_NR_TESTS])(void) = {
	[GUEST_REGS] = guest_regs,
	[GUEST_ECALL] = guest_ecall,
	[GUEST_TIMER] = guest_timer,
	[GUEST_WFI] = guest_wfi,
	[GUEST_ZERO] = guest_zero,
	[GUEST_SMP] = guest_smp,
	[GUEST_OUTSIDE] = guest_outside,
	[GUEST_HOSTMEM] = guest_hostmem,
	[GUEST_PEER] = guest_peer,
	[GUEST_SECRET] = guest_secret,
	[GUEST_SPIN] = guest_spin,
	[GUEST_BENCH] = guest_bench,
	[GUEST_IPI] = guest_ipi,
	[GUEST_FP] = guest_fp,
};

int guest_main(unsigned long vcpu, unsigned long arg)
{
	if (vcpu != 0) {
		if (arg == GUEST_IPI_OPAQUE)
			guest_ipi_secondary();
		else
			guest_smp_secondary(vcpu, arg);
		for (;;)
			;
	}
	if (arg >= GUEST_NR_TESTS || !tests[arg]) {
		ktap_start(1);
		ktap_ok(false, "no guest test %lu", arg);
		return ktap_finish();
	}
	return tests[arg]();
}
