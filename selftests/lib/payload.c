// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Console and exit for test payloads: both through the TSM. */

#include <stdarg.h>

#include "payload.h"
#include "sbi_cove_types.h"
#include "tsm/console.h"

/* QEMU virt's sifive,test1 device: pass, or fail with a status. */
#define TEST_DEVICE		0x100000UL
#define TEST_PASS		0x5555U
#define TEST_FAIL(status)	(((unsigned int)(status) << 16) | 0x3333U)

void payload_printf(const char *fmt, ...)
{
	static char line[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = tsm_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(line))
		n = sizeof(line) - 1;
	/* DBCN, forwarded by the TSM: printing exercises forwarding. */
	sbi_dbcn_console_write((unsigned long)n, (unsigned long)line, 0);
}

void payload_exit(int status)
{
	*(volatile unsigned int *)TEST_DEVICE =
		status ? TEST_FAIL(status & 0xffff) : TEST_PASS;
	/* Without a test device: shut down (QEMU then exits 0, sadly). */
	sbi_srst_system_reset(SBI_SRST_RESET_TYPE_SHUTDOWN,
			      status ? SBI_SRST_RESET_REASON_SYSTEM_FAILURE
				     : SBI_SRST_RESET_REASON_NONE);
	for (;;)
		;
}
