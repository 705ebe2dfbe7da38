/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Formatted output into a buffer, for the firmware's and payloads' consoles. */
#ifndef __COVEKIT_FMT_H__
#define __COVEKIT_FMT_H__

#include <stdarg.h>
#include <stddef.h>

/*
 * A small vsnprintf: %c %s %d %i %u %x %p %%, with 'l'/'ll' and 'z'
 * length modifiers, a field width, '0' padding and '#' (0x before %x).
 * Always NUL-terminates (when size > 0); returns the length the whole
 * output would have had.
 */
int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* __COVEKIT_FMT_H__ */
