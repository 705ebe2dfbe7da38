/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The host's PLIC (src/plic.c).  The host's G-stage maps the PLIC up to
 * its context registers (priorities, pending bits, enables: the enables
 * of a hart's M and S contexts share pages); each context's threshold and
 * claim/complete page stays unmapped, so every claim and completion traps
 * and the TSM performs it for the host, then brings hvip.VSEIP in step.
 */
#ifndef __TSM_PLIC_H__
#define __TSM_PLIC_H__

#include <stdbool.h>
#include <stdint.h>

#include "tsm/platform.h"
#include "tsm/trap.h"

/* Offset of context 0's threshold register (PLIC memory map). */
#define PLIC_CONTEXT_BASE	0x200000UL

/* How much of a PLIC of this size the host's G-stage maps directly. */
static inline uint64_t plic_host_mapped(uint64_t size)
{
	return size < PLIC_CONTEXT_BASE ? size : PLIC_CONTEXT_BASE;
}

/*
 * A guest-page fault at gpa: if it is a 32-bit load or store to a PLIC
 * context register, do it for the host and step past the instruction.
 * False for anything else (the caller reports an access fault).
 */
bool plic_emulate(const struct platform *plat, struct trap_frame *tf,
		  unsigned long gpa);

#endif /* __TSM_PLIC_H__ */
