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

/*
 * Interrupts, as the host sees them (scause without its top bit:
 * IRQ_S_SOFT, IRQ_S_TIMER, IRQ_S_EXT).  The handler runs with
 * interrupts off and must clear the source, else it is called again.
 * With no handler set, an interrupt is an unexpected trap.
 */
typedef void (*payload_irq_fn)(unsigned long irq);
void payload_set_irq_handler(payload_irq_fn fn);

/* Enable (sie bits, then sstatus.SIE) or disable interrupts. */
static inline void payload_irq_enable(unsigned long sie_bits)
{
	__asm__ __volatile__("csrs sie, %0" :: "r"(sie_bits) : "memory");
	__asm__ __volatile__("csrsi sstatus, 2" ::: "memory");
}

static inline void payload_irq_disable(void)
{
	__asm__ __volatile__("csrci sstatus, 2" ::: "memory");
	__asm__ __volatile__("csrw sie, zero" ::: "memory");
}

static inline unsigned long payload_time(void)
{
	unsigned long t;

	__asm__ __volatile__("rdtime %0" : "=r"(t));
	return t;
}

/* QEMU virt's timebase-frequency: 10 MHz. */
#define PAYLOAD_TICKS_PER_MS	10000UL

/*
 * Start another hart in fn(hartid, arg) on a stack of its own, with the
 * payload's trap vector (SBI HSM hart_start through the TSM).  fn must
 * not return: it ends with sbi_hsm_hart_stop().  Returns the SBI error.
 */
#define PAYLOAD_MAX_HARTS	4
long payload_start_hart(unsigned long hartid,
			void (*fn)(unsigned long hartid, unsigned long arg),
			unsigned long arg);

/* Read / write through volatile pointers, for probing memory. */
static inline uint64_t payload_read64(unsigned long addr)
{
	return *(volatile uint64_t *)addr;
}

static inline void payload_write64(unsigned long addr, uint64_t v)
{
	*(volatile uint64_t *)addr = v;
}

/* Whether [addr, addr + len) reads as zeros (len a multiple of 8). */
static inline bool payload_all_zero(unsigned long addr, unsigned long len)
{
	for (unsigned long off = 0; off < len; off += 8)
		if (payload_read64(addr + off))
			return false;
	return true;
}

/*
 * initiate_fence, then local_fence on this hart: completes the fence when
 * this is the only online hart.
 */
static inline bool payload_fence_this_hart(void)
{
	return sbi_covh_initiate_fence().error == 0 &&
	       sbi_covh_local_fence().error == 0;
}

#endif /* __PAYLOAD_H__ */
