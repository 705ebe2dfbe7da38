/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * What a test payload (the TSM's host, in VS-mode) can use: console
 * output, exit (SRST shutdown through the TSM), and expected traps.
 */
#ifndef __PAYLOAD_H__
#define __PAYLOAD_H__

#include <stdbool.h>
#include <stdint.h>

#include "covekit/riscv_encoding.h"
#include "covekit/util.h"
#include "sbi_ecall_stubs.h"

/* Each payload defines this; its return value is the exit status. */
int payload_main(unsigned long hartid, unsigned long fdt);

void payload_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* SRST shutdown: status 0 passes, anything else fails (QEMU exits 1). */
void payload_exit(int status) __attribute__((noreturn));

/**
 * struct payload_trap - The last trap the payload expected and took.
 * @cause:	scause as VS-mode saw it.
 * @epc:	Address of the trapping instruction.
 * @tval:	stval (the faulting address for access faults).
 * @count:	Traps taken since payload_expect_traps(true).
 */
struct payload_trap {
	unsigned long cause;
	unsigned long epc;
	unsigned long tval;
	unsigned int count;
};

extern volatile struct payload_trap payload_last_trap;

/*
 * While expected, a trap is recorded in payload_last_trap and the
 * trapping instruction is skipped; otherwise a trap ends the payload with
 * a "# unexpected trap" line and a failing exit.
 */
void payload_expect_traps(bool expect);

/* Read / write through volatile pointers, for probing memory. */
static inline uint64_t payload_read64(unsigned long addr)
{
	return *(volatile uint64_t *)addr;
}

static inline void payload_write64(unsigned long addr, uint64_t v)
{
	*(volatile uint64_t *)addr = v;
}

#endif /* __PAYLOAD_H__ */
