/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* The TSM's console: formatted output through OpenSBI's debug console. */
#ifndef __TSM_CONSOLE_H__
#define __TSM_CONSOLE_H__

#include "covekit/fmt.h"

/* Print to the console; the firmware implements the output side. */
void tsm_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Stop the machine after printing "tsm: PANIC: ..." (the runner's marker). */
void tsm_panic(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

#endif /* __TSM_CONSOLE_H__ */
