/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * CSR access and fences from C.  CSRs are named by number, so any
 * assembler will do.
 */
#ifndef __COVEKIT_RISCV_ASM_H__
#define __COVEKIT_RISCV_ASM_H__

#include "covekit/riscv_encoding.h"

#define csr_read(csr)							\
	({								\
		unsigned long __v;					\
		__asm__ __volatile__("csrr %0, %1"			\
				     : "=r"(__v) : "i"(csr) : "memory");\
		__v;							\
	})

#define csr_write(csr, val)						\
	__asm__ __volatile__("csrw %0, %1"				\
			     :: "i"(csr), "rK"(val) : "memory")

#define csr_set(csr, bits)						\
	__asm__ __volatile__("csrs %0, %1"				\
			     :: "i"(csr), "rK"(bits) : "memory")

#define csr_clear(csr, bits)						\
	__asm__ __volatile__("csrc %0, %1"				\
			     :: "i"(csr), "rK"(bits) : "memory")

/* hfence.gvma zero, zero: GCC 12 cannot be told about the H extension. */
static inline void hfence_gvma_all(void)
{
	__asm__ __volatile__(".insn r 0x73, 0, 0x31, x0, x0, x0" ::: "memory");
}

/* hfence.vvma zero, zero: VS-stage translations of the current VMID. */
static inline void hfence_vvma_all(void)
{
	__asm__ __volatile__(".insn r 0x73, 0, 0x11, x0, x0, x0" ::: "memory");
}

#endif /* __COVEKIT_RISCV_ASM_H__ */
