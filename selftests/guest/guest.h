/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* What guest payloads share: the VMM's calls, time, CSRs. */
#ifndef __GUEST_H__
#define __GUEST_H__

#include "ktap.h"
#include "payload.h"
#include "vmm_abi.h"

#define CSR_STIMECMP_NUM	"0x14d"

static inline struct sbiret vmm_call(unsigned long fid, unsigned long a0)
{
	return covekit_ecall(VMM_EID, fid, a0, 0, 0, 0, 0, 0);
}

static inline unsigned long guest_exits(unsigned long cause)
{
	return vmm_call(VMM_FID_EXITS, cause).value;
}

static inline void guest_set_timer(unsigned long when)
{
	__asm__ __volatile__("csrw " CSR_STIMECMP_NUM ", %0" :: "r"(when) : "memory");
}

/* Spin until cond() or ms milliseconds passed; returns cond(). */
bool guest_wait(bool (*cond)(void), unsigned long ms);

/* One guest test each; vcpu is the running vCPU, arg the test's. */
int guest_regs(void);
int guest_ecall(void);
int guest_timer(void);
int guest_wfi(void);
int guest_zero(void);
int guest_smp(void);
void guest_smp_secondary(unsigned long vcpu, unsigned long arg);
int guest_outside(void);
int guest_hostmem(void);
int guest_peer(void);
int guest_secret(void);
int guest_spin(void);
int guest_bench(void);
int guest_ipi(void);
void guest_ipi_secondary(void);
int guest_fp(void);

#endif /* __GUEST_H__ */
