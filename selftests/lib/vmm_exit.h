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

/* NACL set_shmem(lo, hi = 0, flags = 0) for this hart's area. */
static inline long vmm_nacl_set_shmem(unsigned long pa)
{
	return sbi_nacl_set_shmem(pa, 0, 0).error;
}

/* The exit cause: scause in the area's CSR array. */
static inline unsigned long vmm_exit_cause(const volatile struct sbi_nacl_shmem *nacl)
{
	return nacl->csrs[SBI_NACL_CSR_INDEX(CSR_SCAUSE)];
}

/* A guest page fault's address: (htval << 2) | (stval & 3). */
static inline unsigned long vmm_exit_gpa(const volatile struct sbi_nacl_shmem *nacl)
{
	return (nacl->csrs[SBI_NACL_CSR_INDEX(CSR_HTVAL)] << 2) |
	       (nacl->csrs[SBI_NACL_CSR_INDEX(CSR_STVAL)] & 3);
}

#endif /* __VMM_EXIT_H__ */
