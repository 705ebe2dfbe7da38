/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * What the portable logic needs from the hart (src/arch.c); host unit
 * tests provide their own.
 */
#ifndef __TSM_ARCH_H__
#define __TSM_ARCH_H__

/* Flush this hart's G-stage translations (hfence.gvma, all VMIDs). */
void arch_hfence_gvma(void);

/* Index (0..CONFIG_TSM_MAX_HARTS-1) of the hart running the TSM now. */
unsigned int arch_hart_index(void);

#endif /* __TSM_ARCH_H__ */
