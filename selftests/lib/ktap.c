// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* KTAP v1 output for test payloads. */

#include <stdarg.h>

#include "ktap.h"
#include "payload.h"
#include "covekit/fmt.h"

static unsigned int plan, seen, passed, failed, skipped;

void ktap_start(unsigned int n)
{
	plan = n;
	payload_printf("KTAP version 1\n1..%u\n", n);
}

static void result(const char *status, const char *directive, const char *fmt,
		   va_list ap)
{
	char desc[160];

	fmt_vsnprintf(desc, sizeof(desc), fmt, ap);
	payload_printf("%s %u %s%s\n", status, ++seen, desc, directive);
}

bool ktap_ok(bool ok, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	result(ok ? "ok" : "not ok", "", fmt, ap);
	va_end(ap);
	if (ok)
		passed++;
	else
		failed++;
	return ok;
}

void ktap_skip(const char *reason, const char *fmt, ...)
{
	char directive[96];
	va_list ap;

	fmt_snprintf(directive, sizeof(directive), " # SKIP %s", reason);
	va_start(ap, fmt);
	result("ok", directive, fmt, ap);
	va_end(ap);
	skipped++;
}

void ktap_diag(const char *fmt, ...)
{
	char line[160];
	va_list ap;

	va_start(ap, fmt);
	fmt_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	payload_printf("# %s\n", line);
}

int ktap_finish(void)
{
	if (seen != plan)
		ktap_diag("planned %u results, reported %u", plan, seen);
	ktap_diag("totals: pass:%u fail:%u skip:%u", passed, failed, skipped);
	return failed || seen != plan;
}
