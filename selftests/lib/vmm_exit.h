/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Where the VMM finds what an exit exposes (CoVE-2025 run_tvm_vcpu over
 * SBI-3.0 NACL shared memory): one place, so the reading of the protocol
 * is written once.
 */
#ifndef __VMM_EXIT_H__
#define __VMM_EXIT_H__

#include "payload.h"
#include "vmm.h"

#define CSR_HTIMEDELTA		0x605

#define VMM_NACL_EID		0x4E41434CUL
#define VMM_NACL_SET_SHMEM	1UL

/* NACL set_shmem(lo, hi, flags = 0) for this hart's area. */
static inline long vmm_nacl_set_shmem(unsigned long pa)
{
	register unsigned long a0 __asm__("a0") = pa;
	register unsigned long a1 __asm__("a1") = 0;
	register unsigned long a2 __asm__("a2") = 0;
	register unsigned long a6 __asm__("a6") = VMM_NACL_SET_SHMEM;
	register unsigned long a7 __asm__("a7") = VMM_NACL_EID;

	__asm__ __volatile__("ecall"
			     : "+r"(a0), "+r"(a1)
			     : "r"(a2), "r"(a6), "r"(a7)
			     : "memory");
	return (long)a0;
}

/* The exit cause: scause in the area's CSR array. */
static inline unsigned long vmm_exit_cause(const volatile struct vmm_nacl *nacl)
{
	return nacl->csrs[VMM_NACL_CSR(CSR_SCAUSE)];
}

/* A guest page fault's address: (htval << 2) | (stval & 3). */
static inline unsigned long vmm_exit_gpa(const volatile struct vmm_nacl *nacl)
{
	return (nacl->csrs[VMM_NACL_CSR(CSR_HTVAL)] << 2) |
	       (nacl->csrs[VMM_NACL_CSR(CSR_STVAL)] & 3);
}

/* The TSM served a TVM's hart_start; a0 holds its SBI error. */
static inline bool vmm_hsm_start_succeeded(const volatile struct vmm_nacl *nacl)
{
	return true;
}

#endif /* __VMM_EXIT_H__ */
