/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* The TSM's console: formatted output through OpenSBI's debug console. */
#ifndef __TSM_CONSOLE_H__
#define __TSM_CONSOLE_H__

#include <stdarg.h>
#include <stddef.h>

/*
 * A small vsnprintf: %c %s %d %i %u %x %p %%, with 'l'/'ll' and 'z'
 * length modifiers, a field width, '0' padding and '#' (0x before %x).  Always NUL-terminates
 * (when size > 0); returns the length the whole output would have had.
 */
int tsm_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int tsm_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Print to the console; the firmware implements the output side. */
void tsm_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Stop the machine after printing "tsm: PANIC: ..." (the runner's marker). */
void tsm_panic(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

#endif /* __TSM_CONSOLE_H__ */
