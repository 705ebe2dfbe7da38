/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Payload start: the TSM enters in VS-mode with a0 = hartid, a1 = FDT. */

	.section .text.entry
	.globl _start
_start:
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:	la	sp, payload_stack_top
	la	t0, payload_trap_vector
	csrw	stvec, t0
	call	payload_main
	call	payload_exit

	/* A started hart: a0 = hartid, a1 = its struct hart_start (hart.c). */
	.globl payload_hart_entry
payload_hart_entry:
	ld	sp, 0(a1)
	la	t0, payload_trap_vector
	csrw	stvec, t0
	ld	t0, 8(a1)
	ld	a1, 16(a1)
	jalr	t0
3:	j	3b

	.section .bss
	.balign 16
	.space	16384
payload_stack_top:
