// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Console output through OpenSBI's debug console (DBCN), and panic.
 * Single hart for now: no lock around the line buffer.
 */

#include <stdarg.h>

#include "sbi_cove_types.h"
#include "tsm/console.h"
#include "tsm/reset.h"
#include "tsm/sbi_call.h"
#include "tsm/tsm.h"

static void console_write(const char *s, unsigned long len)
{
	const unsigned long args[6] = { len, (unsigned long)s, 0 };
	struct sbiret ret = sbi_call(SBI_EXT_DBCN, SBI_EXT_DBCN_CONSOLE_WRITE,
				     args);

	if (ret.error == SBI_ERR_SUCCESS)
		return;
	/* No DBCN: the legacy putchar (EID 0x01) is always there. */
	for (unsigned long i = 0; i < len; i++) {
		const unsigned long c[6] = { (unsigned char)s[i] };

		sbi_call(0x01, 0, c);
	}
}

static void vprint(const char *fmt, va_list ap)
{
	static char line[256];
	int n = fmt_vsnprintf(line, sizeof(line), fmt, ap);

	if (n >= (int)sizeof(line))
		n = sizeof(line) - 1;
	console_write(line, (unsigned long)n);
}

void tsm_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint(fmt, ap);
	va_end(ap);
}

void tsm_panic(const char *fmt, ...)
{
	static unsigned int depth;
	va_list ap;

	/*
	 * A panic while printing or scrubbing for a panic only stops: no
	 * second scrub, so no endless recursion.  The stop powers off and
	 * never reboots, so memory a failed scrub left is not handed on.
	 */
	if (depth++ == 0) {
		tsm_printf("tsm: PANIC: ");
		va_start(ap, fmt);
		vprint(fmt, ap);
		va_end(ap);
		tsm_printf("\n");
		reset_scrub();
	}
	reset_stop();
}
