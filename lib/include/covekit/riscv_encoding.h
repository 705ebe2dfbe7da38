/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * RISC-V encodings the firmware and the payloads share (privileged spec,
 * with the hypervisor extension): CSR numbers and bits, exception codes,
 * the page size.  Usable from C and assembly.
 */
#ifndef __COVEKIT_RISCV_ENCODING_H__
#define __COVEKIT_RISCV_ENCODING_H__

#define CSR_SSTATUS		0x100
#define CSR_SIE			0x104
#define CSR_STVEC		0x105
#define CSR_SCOUNTEREN		0x106
#define CSR_SSCRATCH		0x140
#define CSR_SEPC		0x141
#define CSR_SCAUSE		0x142
#define CSR_STVAL		0x143
#define CSR_SIP			0x144
#define CSR_STIMECMP		0x14D
#define CSR_SATP		0x180

#define CSR_VSSTATUS		0x200
#define CSR_VSIE		0x204
#define CSR_VSTVEC		0x205
#define CSR_VSSCRATCH		0x240
#define CSR_VSEPC		0x241
#define CSR_VSCAUSE		0x242
#define CSR_VSTVAL		0x243
#define CSR_VSIP		0x244
#define CSR_VSATP		0x280
#define CSR_VSTIMECMP		0x24D

#define CSR_HSTATUS		0x600
#define CSR_HEDELEG		0x602
#define CSR_HIDELEG		0x603
#define CSR_HIE			0x604
#define CSR_HCOUNTEREN		0x606
#define CSR_HENVCFG		0x60A
#define CSR_HTVAL		0x643
#define CSR_HIP			0x644
#define CSR_HVIP		0x645
#define CSR_HTINST		0x64A
#define CSR_HGATP		0x680

#define CSR_CYCLE		0xC00
#define CSR_TIME		0xC01
#define CSR_INSTRET		0xC02

#define SSTATUS_SIE		(1UL << 1)
#define SSTATUS_SPIE		(1UL << 5)
#define SSTATUS_SPP		(1UL << 8)

#define HSTATUS_GVA		(1UL << 6)
#define HSTATUS_SPV		(1UL << 7)
#define HSTATUS_SPVP		(1UL << 8)

/* Interrupt numbers: bits of sip/sie, hip/hie/hvip, and scause codes. */
#define IRQ_S_SOFT		1
#define IRQ_VS_SOFT		2
#define IRQ_S_TIMER		5
#define IRQ_VS_TIMER		6
#define IRQ_S_EXT		9
#define IRQ_VS_EXT		10

#define SIP_SSIP		(1UL << IRQ_S_SOFT)
#define SIP_STIP		(1UL << IRQ_S_TIMER)
#define SIP_SEIP		(1UL << IRQ_S_EXT)
#define HVIP_VSSIP		(1UL << IRQ_VS_SOFT)
#define HVIP_VSTIP		(1UL << IRQ_VS_TIMER)
#define HVIP_VSEIP		(1UL << IRQ_VS_EXT)

/* Virtual supervisor interrupts: software, timer, external. */
#define HIDELEG_VS		(HVIP_VSSIP | HVIP_VSTIP | HVIP_VSEIP)

/* henvcfg.STCE: VS-mode's stimecmp is vstimecmp (Sstc). */
#define HENVCFG_STCE		(1UL << 63)

/* scause values (exception codes) */
#define CAUSE_INSN_MISALIGNED		0
#define CAUSE_INSN_ACCESS		1
#define CAUSE_ILLEGAL_INSN		2
#define CAUSE_BREAKPOINT		3
#define CAUSE_LOAD_MISALIGNED		4
#define CAUSE_LOAD_ACCESS		5
#define CAUSE_STORE_MISALIGNED		6
#define CAUSE_STORE_ACCESS		7
#define CAUSE_USER_ECALL		8
#define CAUSE_SUPERVISOR_ECALL		9
#define CAUSE_VS_ECALL			10
#define CAUSE_INSN_PAGE_FAULT		12
#define CAUSE_LOAD_PAGE_FAULT		13
#define CAUSE_STORE_PAGE_FAULT		15
#define CAUSE_INSN_GUEST_PAGE_FAULT	20
#define CAUSE_LOAD_GUEST_PAGE_FAULT	21
#define CAUSE_VIRTUAL_INSN		22
#define CAUSE_STORE_GUEST_PAGE_FAULT	23
#define CAUSE_INTERRUPT			(1UL << 63)

/* Base pages: 4 KiB. */
#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)

/* The G-stage\'s large leaves: a level-1 and a level-2 page. */
#define SZ_2M			(1UL << 21)
#define SZ_1G			(1UL << 30)

#endif /* __COVEKIT_RISCV_ENCODING_H__ */
