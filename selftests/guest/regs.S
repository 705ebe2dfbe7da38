/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Register patterns across exits.  guest_regs_exits(out) fills every GPR
 * with a pattern, then takes three exits in a row (a store guest-page
 * fault on a demand-zero page, an ecall the host serves, a WFI) and
 * stores x0-x31 to out[] as they came back.  guest_secret_exits() does
 * the same with VMM_SECRET in every register no exit exposes.
 */
#include "vmm_abi.h"

#define PAT(n)		(0x6c0de00000000000 + ((n) << 32) + (n) * 0x1111)
#define SECRET(n)	(VMM_SECRET + (n))
#define FAULT_PAGE	(GUEST_ZERO_GPA + 3 * 4096)
#define FRAME		(16 * 8)

	.macro	save
	addi	sp, sp, -FRAME
	sd	ra, 0(sp)
	sd	gp, 8(sp)
	sd	tp, 16(sp)
	sd	s0, 24(sp)
	sd	s1, 32(sp)
	sd	s2, 40(sp)
	sd	s3, 48(sp)
	sd	s4, 56(sp)
	sd	s5, 64(sp)
	sd	s6, 72(sp)
	sd	s7, 80(sp)
	sd	s8, 88(sp)
	sd	s9, 96(sp)
	sd	s10, 104(sp)
	sd	s11, 112(sp)
	.endm

	.macro	restore
	ld	ra, 0(sp)
	ld	gp, 8(sp)
	ld	tp, 16(sp)
	ld	s0, 24(sp)
	ld	s1, 32(sp)
	ld	s2, 40(sp)
	ld	s3, 48(sp)
	ld	s4, 56(sp)
	ld	s5, 64(sp)
	ld	s6, 72(sp)
	ld	s7, 80(sp)
	ld	s8, 88(sp)
	ld	s9, 96(sp)
	ld	s10, 104(sp)
	ld	s11, 112(sp)
	addi	sp, sp, FRAME
	.endm

	.text
	.globl	guest_regs_exits
guest_regs_exits:
	save
	sd	sp, 256(a0)	/* out[32]: where to come back to */
	mv	gp, a0		/* out[] */
	li	tp, FAULT_PAGE
	li	x1, PAT(1)
	li	x2, PAT(2)
	li	x5, PAT(5)
	li	x6, PAT(6)
	li	x7, PAT(7)
	li	x8, PAT(8)
	li	x9, PAT(9)
	li	x10, PAT(10)
	li	x11, PAT(11)
	li	x12, PAT(12)
	li	x13, PAT(13)
	li	x14, PAT(14)
	li	x15, PAT(15)
	li	x16, VMM_FID_ECHO_NUM
	li	x17, VMM_EID
	li	x18, PAT(18)
	li	x19, PAT(19)
	li	x20, PAT(20)
	li	x21, PAT(21)
	li	x22, PAT(22)
	li	x23, PAT(23)
	li	x24, PAT(24)
	li	x25, PAT(25)
	li	x26, PAT(26)
	li	x27, PAT(27)
	li	x28, PAT(28)
	li	x29, PAT(29)
	li	x30, PAT(30)
	li	x31, PAT(31)
	sd	zero, 0(tp)	/* exit: store guest-page fault */
	ecall			/* exit: VMM echo */
	wfi			/* exit: virtual instruction */
	sd	x0, 0(gp)
	sd	x1, 8(gp)
	sd	x2, 16(gp)
	sd	x3, 24(gp)
	sd	x4, 32(gp)
	sd	x5, 40(gp)
	sd	x6, 48(gp)
	sd	x7, 56(gp)
	sd	x8, 64(gp)
	sd	x9, 72(gp)
	sd	x10, 80(gp)
	sd	x11, 88(gp)
	sd	x12, 96(gp)
	sd	x13, 104(gp)
	sd	x14, 112(gp)
	sd	x15, 120(gp)
	sd	x16, 128(gp)
	sd	x17, 136(gp)
	sd	x18, 144(gp)
	sd	x19, 152(gp)
	sd	x20, 160(gp)
	sd	x21, 168(gp)
	sd	x22, 176(gp)
	sd	x23, 184(gp)
	sd	x24, 192(gp)
	sd	x25, 200(gp)
	sd	x26, 208(gp)
	sd	x27, 216(gp)
	sd	x28, 224(gp)
	sd	x29, 232(gp)
	sd	x30, 240(gp)
	sd	x31, 248(gp)
	ld	sp, 256(gp)
	restore
	ret

	.globl	guest_secret_exits
guest_secret_exits:
	save
	li	ra, SECRET(1)
	li	gp, SECRET(3)
	li	tp, SECRET(4)
	li	t0, SECRET(5)
	li	t1, SECRET(6)
	li	t2, SECRET(7)
	li	s0, SECRET(8)
	li	s1, SECRET(9)
	li	s2, SECRET(18)
	li	s3, SECRET(19)
	li	s4, SECRET(20)
	li	s5, SECRET(21)
	li	s6, SECRET(22)
	li	s7, SECRET(23)
	li	s8, SECRET(24)
	li	s9, SECRET(25)
	li	s10, SECRET(26)
	li	s11, SECRET(27)
	li	t3, SECRET(28)
	li	t4, SECRET(29)
	li	t5, SECRET(30)
	li	t6, SECRET(31)
	/* Only a0-a7 leave: an address and the call's own numbers. */
	li	a0, FAULT_PAGE
	sd	zero, 0(a0)	/* exit: store guest-page fault */
	li	a0, 0
	li	a1, 0
	li	a2, 0
	li	a3, 0
	li	a4, 0
	li	a5, 0
	li	a6, VMM_FID_MARK_NUM
	li	a7, VMM_EID
	ecall			/* exit: VMM mark */
	wfi			/* exit: virtual instruction */
	li	a0, FAULT_PAGE + 4096
	ld	a1, 0(a0)	/* exit: load guest-page fault */
	li	a0, 0
	li	a6, VMM_FID_MARK_NUM
	ecall			/* exit: VMM mark */
	restore
	ret
