/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Trap entry and exit.  While the host runs, sscratch holds its
 * struct trap_frame; t6 is swapped with it to get a base register.
 */

#include "covekit/riscv_encoding.h"
#include "tsm/trap.h"

.macro save_or_load op
	\op	x1, TRAP_FRAME_GPR(1)(t6)
	\op	x2, TRAP_FRAME_GPR(2)(t6)
	\op	x3, TRAP_FRAME_GPR(3)(t6)
	\op	x4, TRAP_FRAME_GPR(4)(t6)
	\op	x5, TRAP_FRAME_GPR(5)(t6)
	\op	x6, TRAP_FRAME_GPR(6)(t6)
	\op	x7, TRAP_FRAME_GPR(7)(t6)
	\op	x8, TRAP_FRAME_GPR(8)(t6)
	\op	x9, TRAP_FRAME_GPR(9)(t6)
	\op	x10, TRAP_FRAME_GPR(10)(t6)
	\op	x11, TRAP_FRAME_GPR(11)(t6)
	\op	x12, TRAP_FRAME_GPR(12)(t6)
	\op	x13, TRAP_FRAME_GPR(13)(t6)
	\op	x14, TRAP_FRAME_GPR(14)(t6)
	\op	x15, TRAP_FRAME_GPR(15)(t6)
	\op	x16, TRAP_FRAME_GPR(16)(t6)
	\op	x17, TRAP_FRAME_GPR(17)(t6)
	\op	x18, TRAP_FRAME_GPR(18)(t6)
	\op	x19, TRAP_FRAME_GPR(19)(t6)
	\op	x20, TRAP_FRAME_GPR(20)(t6)
	\op	x21, TRAP_FRAME_GPR(21)(t6)
	\op	x22, TRAP_FRAME_GPR(22)(t6)
	\op	x23, TRAP_FRAME_GPR(23)(t6)
	\op	x24, TRAP_FRAME_GPR(24)(t6)
	\op	x25, TRAP_FRAME_GPR(25)(t6)
	\op	x26, TRAP_FRAME_GPR(26)(t6)
	\op	x27, TRAP_FRAME_GPR(27)(t6)
	\op	x28, TRAP_FRAME_GPR(28)(t6)
	\op	x29, TRAP_FRAME_GPR(29)(t6)
	\op	x30, TRAP_FRAME_GPR(30)(t6)
.endm

	.section .text
	.balign 4
	.globl trap_vector
trap_vector:
	csrrw	t6, CSR_SSCRATCH, t6
	save_or_load sd
	csrr	t5, CSR_SSCRATCH	/* the interrupted t6 */
	sd	t5, TRAP_FRAME_GPR(31)(t6)
	csrw	CSR_SSCRATCH, t6
	csrr	t5, CSR_SEPC
	sd	t5, TRAP_FRAME_SEPC(t6)
	csrr	t5, CSR_SSTATUS
	sd	t5, TRAP_FRAME_SSTATUS(t6)
	csrr	t5, CSR_HSTATUS
	sd	t5, TRAP_FRAME_HSTATUS(t6)
	ld	sp, TRAP_FRAME_TSM_SP(t6)
	mv	a0, t6
	call	trap_handle
	csrr	a0, CSR_SSCRATCH
	/* fall through */

	.globl trap_resume
trap_resume:
	mv	t6, a0
	ld	t5, TRAP_FRAME_SEPC(t6)
	csrw	CSR_SEPC, t5
	ld	t5, TRAP_FRAME_SSTATUS(t6)
	csrw	CSR_SSTATUS, t5
	ld	t5, TRAP_FRAME_HSTATUS(t6)
	csrw	CSR_HSTATUS, t5
	csrw	CSR_SSCRATCH, t6
	save_or_load ld
	ld	t6, TRAP_FRAME_GPR(31)(t6)
	sret
