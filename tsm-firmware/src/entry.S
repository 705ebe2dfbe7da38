/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * OpenSBI (fw_dynamic) enters here in HS-mode on the boot hart with
 * a0 = hartid and a1 = the FDT's address.  Harts the host starts, and
 * harts resuming from a non-retentive suspend, enter at tsm_hart_entry
 * with a0 = hartid and a1 = their struct hart (the opaque value the TSM
 * gave OpenSBI): its frame is the hart's sscratch, its stack the hart's.
 */

#include "autoconf.h"
#include "tsm/trap.h"

	.section .text.entry
	.globl _start
_start:
	csrw	sie, zero
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:	la	sp, tsm_boot_stack
	li	t0, CONFIG_TSM_STACK_SIZE
	add	sp, sp, t0
	call	tsm_main
3:	wfi
	j	3b

	.section .text
	.balign 4
	.globl tsm_hart_entry
tsm_hart_entry:
	csrw	sie, zero
	csrw	sscratch, a1
	ld	sp, TRAP_FRAME_TSM_SP(a1)
	call	tsm_secondary_main
4:	wfi
	j	4b
