/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * KTAP output (Documentation/dev-tools/ktap.rst) for test payloads:
 *
 *	ktap_start(3);
 *	ktap_ok(ret.error == 0, "probe COVH");
 *	...
 *	return ktap_finish();
 */
#ifndef __KTAP_H__
#define __KTAP_H__

#include <stdbool.h>

void ktap_start(unsigned int plan);

/* Report one result; returns ok so callers can chain diagnostics. */
bool ktap_ok(bool ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

void ktap_skip(const char *reason, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A "# ..." diagnostic line. */
void ktap_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Report equality of two longs, printing both on a mismatch. */
#define ktap_eq(got, want, ...)						\
	({								\
		long __g = (long)(got), __w = (long)(want);		\
		if (__g != __w)						\
			ktap_diag("%s = %ld (%#lx), want %ld (%#lx)",	\
				  #got, __g, __g, __w, __w);		\
		ktap_ok(__g == __w, __VA_ARGS__);			\
	})

/*
 * Report an SBI error code: ktap_sbi_err(ret.error, SBI_ERR_X,
 * "COVH.convert_pages", "description").  On success also prints
 * "# abi-error: COVH.convert_pages X", which tools/abi-coverage counts.
 */
#define ktap_sbi_err(got, want, call, ...)				\
	({								\
		bool __ok = ktap_eq((got), (want), __VA_ARGS__);	\
		if (__ok && (want) != 0)				\
			ktap_diag("abi-error: %s %s", (call), #want + 8);\
		__ok;							\
	})

/* Totals line; the exit status: 0 when every result passed or skipped. */
int ktap_finish(void);

#endif /* __KTAP_H__ */
