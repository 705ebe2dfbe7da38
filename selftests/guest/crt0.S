/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Guest start, at GUEST_GPA_BASE in VS-mode inside a TVM: a0 = the vCPU
 * ID, a1 = finalize_tvm's argument (boot vCPU) or hart_start's opaque
 * value.  Every vCPU enters here; .bss is part of the measured image, so
 * nothing needs clearing.
 */
#include "vmm_abi.h"

	.section .text.entry
	.globl _start
_start:
	li	t0, GUEST_MAX_VCPUS
	bgeu	a0, t0, 2f
	la	sp, guest_stacks
	addi	t0, a0, 1
	li	t1, GUEST_STACK_SIZE
	mul	t0, t0, t1
	add	sp, sp, t0
	la	t0, payload_trap_vector
	csrw	stvec, t0
	call	guest_main
	call	payload_exit
2:	wfi
	j	2b

	.section .bss
	.balign 16
guest_stacks:
	.space	GUEST_STACK_SIZE * GUEST_MAX_VCPUS
