// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Console output through OpenSBI's debug console (DBCN), and panic.
 * Single hart for now: no lock around the line buffer.
 */

#include <stdarg.h>

#include "covekit/sifive_test.h"
#include "sbi_cove_types.h"
#include "tsm/console.h"
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
	va_list ap;

	tsm_printf("tsm: PANIC: ");
	va_start(ap, fmt);
	vprint(fmt, ap);
	va_end(ap);
	tsm_printf("\n");

	/* QEMU exits non-zero through the test device; else reset. */
	for (unsigned int i = 0; i < tsm.plat.nr_devices; i++) {
		if (tsm.plat.devices[i].kind == DEVICE_TEST)
			*(volatile unsigned int *)(unsigned long)
				tsm.plat.devices[i].range.base = SIFIVE_TEST_FAIL(1);
	}
	sbi_call(SBI_EXT_SRST, SBI_EXT_SRST_SYSTEM_RESET,
		 (const unsigned long[6]){ SBI_SRST_RESET_TYPE_SHUTDOWN,
					   SBI_SRST_RESET_REASON_SYSTEM_FAILURE });
	for (;;)
		__asm__ __volatile__("wfi");
}
