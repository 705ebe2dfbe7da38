// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Console and exit for test payloads: both SBI calls through the TSM. */

#include <stdarg.h>

#include "payload.h"
#include "sbi_cove_types.h"
#include "covekit/fmt.h"

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
	/* DBCN, forwarded by the TSM: printing exercises forwarding. */
	sbi_dbcn_console_write((unsigned long)n, (unsigned long)line, 0);
}

/*
 * SRST shutdown: the test device is the TSM's, not the host's.  The TSM
 * turns a shutdown for SYSTEM_FAILURE into a failing QEMU exit status
 * (Documentation/isolation.rst); the status's value is not passed on.
 */
void payload_exit(int status)
{
	sbi_srst_system_reset(SBI_SRST_RESET_TYPE_SHUTDOWN,
			      status ? SBI_SRST_RESET_REASON_SYSTEM_FAILURE
				     : SBI_SRST_RESET_REASON_NONE);
	for (;;)
		;
}
