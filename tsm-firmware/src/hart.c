// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Per-hart state and the harts' lives: the TSM's lock, entering the host
 * on a hart, and the host's HSM calls.  A hart the host starts (or that
 * resumes from a non-retentive suspend) always comes up in the TSM first,
 * at tsm_hart_entry with its struct hart, so OpenSBI never enters HS-mode
 * at an address the host chose.
 */

#include "covekit/riscv_asm.h"
#include "covekit/string.h"
#include "sbi_cove_types.h"
#include "tsm/console.h"
#include "tsm/hart.h"
#include "tsm/sbi_call.h"
#include "tsm/sbiret.h"
#include "tsm/tsm.h"

/* Exceptions the host handles itself (hedeleg). */
#define HOST_EXCEPTIONS							\
	(1UL << CAUSE_INSN_MISALIGNED | 1UL << CAUSE_INSN_ACCESS |	\
	 1UL << CAUSE_ILLEGAL_INSN | 1UL << CAUSE_BREAKPOINT |		\
	 1UL << CAUSE_LOAD_MISALIGNED | 1UL << CAUSE_LOAD_ACCESS |	\
	 1UL << CAUSE_STORE_MISALIGNED | 1UL << CAUSE_STORE_ACCESS |	\
	 1UL << CAUSE_USER_ECALL | 1UL << CAUSE_INSN_PAGE_FAULT |	\
	 1UL << CAUSE_LOAD_PAGE_FAULT | 1UL << CAUSE_STORE_PAGE_FAULT)

/* cycle, time, instret readable in VS-mode (hcounteren CY, TM, IR) */
#define HOST_COUNTERS	0x7UL

/* SBI HSM suspend types: bit 31 set is non-retentive. */
#define HSM_SUSPEND_NON_RETENTIVE	0x80000000UL

static struct hart harts[CONFIG_TSM_MAX_HARTS];
static uint8_t hart_stacks[CONFIG_TSM_MAX_HARTS][CONFIG_TSM_STACK_SIZE]
	__attribute__((aligned(16)));
static int tsm_lock_word;

extern char trap_vector[];
extern char tsm_hart_entry[];

void tsm_lock(void)
{
	/* amoswap.w.aq; spin on plain loads until it looks free. */
	while (__atomic_exchange_n(&tsm_lock_word, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&tsm_lock_word, __ATOMIC_RELAXED))
			;
}

void tsm_unlock(void)
{
	__atomic_store_n(&tsm_lock_word, 0, __ATOMIC_RELEASE);
}

struct hart *hart_self(void)
{
	return (struct hart *)csr_read(CSR_SSCRATCH);
}

/*
 * The hart with this ID, or NULL.  Hart IDs index the table: QEMU virt
 * numbers its harts 0..n-1 (a machine with sparse IDs needs a map).
 */
struct hart *hart_by_id(const struct tsm *tsm, unsigned long hartid)
{
	if (hartid >= CONFIG_TSM_MAX_HARTS || hartid >= tsm->plat.nr_harts)
		return NULL;
	return &harts[hartid];
}

static void hart_init(struct hart *h, unsigned long hartid)
{
	h->index = (unsigned int)hartid;
	h->hartid = hartid;
	h->work = 0;
	h->frame.tsm_sp = (unsigned long)hart_stacks[hartid] +
			  sizeof(hart_stacks[hartid]);
}

struct hart *hart_boot_init(unsigned long hartid)
{
	struct hart *h;

	if (hartid >= CONFIG_TSM_MAX_HARTS)
		tsm_panic("boot hart %lu: CONFIG_TSM_MAX_HARTS is %d", hartid,
			  CONFIG_TSM_MAX_HARTS);
	h = &harts[hartid];
	hart_init(h, hartid);
	h->state = HART_ONLINE;
	csr_write(CSR_SSCRATCH, h);
	csr_write(CSR_STVEC, trap_vector);
	return h;
}

void hart_enter_host(struct tsm *tsm, struct hart *h, unsigned long entry,
		     unsigned long a0, unsigned long a1)
{
	csr_write(CSR_HEDELEG, HOST_EXCEPTIONS);
	csr_write(CSR_HIDELEG, HIDELEG_VS);
	csr_write(CSR_HCOUNTEREN, HOST_COUNTERS);
	if (tsm->plat.sstc) {
		/* The host's stimecmp is vstimecmp: no trap, no SBI call. */
		csr_set(CSR_HENVCFG, HENVCFG_STCE);
		csr_write(CSR_VSTIMECMP, -1UL);
	}
	csr_write(CSR_HVIP, 0);
	csr_write(CSR_VSIE, 0);
	csr_clear(CSR_VSSTATUS, SSTATUS_SIE);
	csr_write(CSR_VSATP, 0);
	csr_write(CSR_HGATP, gstage_hgatp(&tsm->host_gstage, 0));
	hfence_gvma_all();
	hfence_vvma_all();
	/*
	 * What the TSM takes while the host runs (HS interrupts are always
	 * enabled with V=1): IPIs and the PLIC's line for this hart's S
	 * context; the timer once the host has set one (set_timer).
	 */
	csr_write(CSR_SIE, SIP_SSIP | SIP_SEIP);

	memset(h->frame.gpr, 0, sizeof(h->frame.gpr));
	h->frame.gpr[REG_A0] = a0;
	h->frame.gpr[REG_A0 + 1] = a1;
	h->frame.sepc = entry;
	/* sret to VS-mode (SPV), supervisor privilege (SPP), interrupts off. */
	h->frame.sstatus = (csr_read(CSR_SSTATUS) | SSTATUS_SPP) &
			   ~(SSTATUS_SPIE | SSTATUS_SIE);
	h->frame.hstatus = csr_read(CSR_HSTATUS) | HSTATUS_SPV | HSTATUS_SPVP;
	hart_sync_irqs(h);
	trap_resume(&h->frame);
}

/* A started or resumed hart, from tsm_hart_entry (entry.S) via main.c. */
void hart_secondary(struct tsm *tsm, unsigned long hartid, struct hart *h)
{
	csr_write(CSR_STVEC, trap_vector);
	if (h->hartid != hartid)
		tsm_panic("hart %lu entered with hart %lu's state", hartid,
			  h->hartid);
	tsm_lock();
	h->state = HART_ONLINE;
	fence_hart_join(&tsm->fence, h->index);
	tsm_unlock();
	hart_enter_host(tsm, h, h->entry, hartid, h->arg);
}

/* The host's code must be its own memory: else INVALID_ADDRESS. */
static bool host_entry_ok(const struct tsm *tsm, unsigned long addr)
{
	return !(addr & 1) && host_accessible(&tsm->host_mem, &tsm->pages,
					      addr, 4);
}

static struct sbiret hsm_start(struct tsm *tsm, const unsigned long args[6])
{
	struct hart *t = hart_by_id(tsm, args[0]);
	const unsigned long fwd[6] = { args[0], (unsigned long)tsm_hart_entry,
				       (unsigned long)t };
	struct sbiret ret;

	if (!t)
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	if (!host_entry_ok(tsm, args[1]))
		return sbiret_error(SBI_ERR_INVALID_ADDRESS);
	tsm_lock();
	if (t->state != HART_OFF) {
		tsm_unlock();
		return sbiret_error(SBI_ERR_ALREADY_AVAILABLE);
	}
	hart_init(t, args[0]);
	t->entry = args[1];
	t->arg = args[2];
	t->state = HART_STARTING;
	tsm_unlock();
	ret = sbi_call(SBI_EXT_HSM, SBI_EXT_HSM_HART_START, fwd);
	if (ret.error) {
		tsm_lock();
		t->state = HART_OFF;
		tsm_unlock();
	}
	return ret;
}

/* This hart stops running the host: no fence waits for it any more. */
static void hart_leave(struct tsm *tsm, struct hart *h, int state)
{
	tsm_lock();
	h->state = state;
	fence_hart_leave(tsm, h->index);
	tsm_unlock();
}

/* Back after leaving: rejoin, and drop what changed meanwhile. */
static void hart_rejoin(struct tsm *tsm, struct hart *h)
{
	tsm_lock();
	h->state = HART_ONLINE;
	fence_hart_join(&tsm->fence, h->index);
	tsm_unlock();
	hfence_gvma_all();
	hfence_vvma_all();
}

static struct sbiret hsm_stop(struct tsm *tsm, struct hart *h)
{
	struct sbiret ret;

	hart_leave(tsm, h, HART_OFF);
	csr_write(CSR_SIE, 0);
	ret = sbi_call0(SBI_EXT_HSM, SBI_EXT_HSM_HART_STOP);
	/* Only a failed stop returns. */
	hart_rejoin(tsm, h);
	csr_write(CSR_SIE, SIP_SSIP | SIP_SEIP);
	return ret;
}

static struct sbiret hsm_suspend(struct tsm *tsm, struct hart *h,
				 const unsigned long args[6])
{
	const unsigned long fwd[6] = { args[0], (unsigned long)tsm_hart_entry,
				       (unsigned long)h };
	struct sbiret ret;

	/* Retentive: OpenSBI returns here, the TSM's state untouched. */
	if (!(args[0] & HSM_SUSPEND_NON_RETENTIVE))
		return sbi_call(SBI_EXT_HSM, SBI_EXT_HSM_HART_SUSPEND, args);
	if (!host_entry_ok(tsm, args[1]))
		return sbiret_error(SBI_ERR_INVALID_ADDRESS);
	h->entry = args[1];
	h->arg = args[2];
	hart_leave(tsm, h, HART_SUSPENDED);
	ret = sbi_call(SBI_EXT_HSM, SBI_EXT_HSM_HART_SUSPEND, fwd);
	/* A resume enters tsm_hart_entry: only a failure returns here. */
	hart_rejoin(tsm, h);
	return ret;
}

struct sbiret hart_sbi_call(struct tsm *tsm, struct hart *h, unsigned long eid,
			    unsigned long fid, const unsigned long args[6])
{
	if (eid == SBI_EXT_HSM) {
		switch (fid) {
		case SBI_EXT_HSM_HART_START:
			return hsm_start(tsm, args);
		case SBI_EXT_HSM_HART_STOP:
			return hsm_stop(tsm, h);
		case SBI_EXT_HSM_HART_SUSPEND:
			return hsm_suspend(tsm, h, args);
		}
	}
	return irq_sbi_call(tsm, h, eid, fid, args);
}
