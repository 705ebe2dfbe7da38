// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The host's accesses to the PLIC's context registers (threshold, claim,
 * complete), done by the TSM: a claim or completion changes the level
 * of the hart's SEIP, which the host cannot see the TSM mirror into
 * hvip.VSEIP otherwise (no AIA here: no hgeie/hgeip to do it in
 * hardware).  trap_handle() resyncs hvip after each one.
 *
 * The host may reach every context, the M-mode ones included: OpenSBI
 * 1.5 sets them up at boot (everything disabled, threshold 7) and never
 * takes machine external interrupts on QEMU virt (mie.MEIE stays 0),
 * so the host could only disturb its own interrupts.
 */

#include "covekit/riscv_asm.h"
#include "tsm/plic.h"

#define OPCODE_LOAD	0x03
#define OPCODE_STORE	0x23
#define FUNCT3_W	2
#define FUNCT3_WU	6

/* hlvx.hu: a halfword of the host's code, through its VS-stage. */
static unsigned long host_fetch16(unsigned long addr)
{
	unsigned long v;

	__asm__ __volatile__(".insn r 0x73, 4, 0x32, %0, %1, x3"
			     : "=r"(v) : "r"(addr) : "memory");
	return v;
}

/*
 * The trapping instruction as a 32-bit encoding, and its length: from
 * htinst when the hart gives the transformed instruction (bit 1 clear:
 * it was compressed), else read with hlvx (SPVP is set: VS privilege).
 * Compressed loads and stores become their 32-bit forms; 0 if unknown.
 */
static uint32_t trapped_insn(const struct trap_frame *tf, unsigned int *len)
{
	unsigned long insn = csr_read(CSR_HTINST);
	unsigned int rd, op;

	if (insn & 1) {
		*len = (insn & 2) ? 4 : 2;
		return (uint32_t)(insn | 2);
	}
	insn = host_fetch16(tf->sepc);
	if ((insn & 3) == 3) {
		*len = 4;
		return (uint32_t)(insn | host_fetch16(tf->sepc + 2) << 16);
	}
	*len = 2;
	/* c.lw rd', off(rs1') / c.sw rs2', off(rs1'): register in 4:2. */
	rd = 8 + ((insn >> 2) & 7);
	op = (unsigned int)(insn >> 13);
	if ((insn & 3) == 0 && op == 2)
		return OPCODE_LOAD | rd << 7 | FUNCT3_W << 12;
	if ((insn & 3) == 0 && op == 6)
		return OPCODE_STORE | FUNCT3_W << 12 | rd << 20;
	return 0;
}

static bool in_plic_contexts(const struct platform *plat, unsigned long gpa)
{
	for (unsigned int i = 0; i < plat->nr_devices; i++) {
		const struct platform_device *d = &plat->devices[i];

		if (d->kind == DEVICE_PLIC &&
		    gpa >= d->range.base + PLIC_CONTEXT_BASE &&
		    gpa - d->range.base < d->range.size)
			return true;
	}
	return false;
}

bool plic_emulate(const struct platform *plat, struct trap_frame *tf,
		  unsigned long gpa)
{
	volatile uint32_t *reg = (volatile uint32_t *)gpa;
	unsigned int len, rd, funct3;
	uint32_t insn;

	if ((gpa & 3) || !in_plic_contexts(plat, gpa))
		return false;
	insn = trapped_insn(tf, &len);
	funct3 = (insn >> 12) & 7;
	if ((insn & 0x7f) == OPCODE_LOAD &&
	    (funct3 == FUNCT3_W || funct3 == FUNCT3_WU)) {
		uint32_t v = *reg;

		rd = (insn >> 7) & 31;
		if (rd)
			tf->gpr[rd] = funct3 == FUNCT3_W ?
				      (unsigned long)(long)(int32_t)v : v;
	} else if ((insn & 0x7f) == OPCODE_STORE && funct3 == FUNCT3_W) {
		*reg = (uint32_t)tf->gpr[(insn >> 20) & 31];
	} else {
		return false;
	}
	tf->sepc += len;
	return true;
}
