// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Interrupts for the host.  The TSM takes the supervisor (HS) software,
 * timer and external interrupts while the host runs and passes each on
 * through hvip:
 *
 * - timer: the host's SBI set_timer is forwarded (OpenSBI raises STIP
 *   when it expires); on STIP the TSM raises VSTIP and masks STIE until
 *   the host's next set_timer, which clears VSTIP.  With Sstc the host
 *   writes vstimecmp itself and the hart raises VSTIP (hart.c sets
 *   henvcfg.STCE).
 * - software: an IPI is an SSIP from OpenSBI; what it means is in the
 *   target's struct hart.work, set before the IPI: raise VSSIP for the
 *   host, or flush the host's VS-stage (RFENCE).  The host clears VSSIP
 *   through its sip.SSIP (the writable hvip.VSSIP).
 * - external: hvip.VSEIP follows sip.SEIP (the PLIC's level for this
 *   hart's S context): while it is raised the TSM masks SEIE, and every
 *   trap (among them each claim and completion: plic.c) recomputes it.
 */

#include "covekit/riscv_asm.h"
#include "tsm/console.h"
#include "tsm/hart.h"
#include "tsm/sbi_call.h"
#include "tsm/sbiret.h"
#include "tsm/tsm.h"
#include "tsm/vcpu.h"

/* Do what other harts asked; only then mark it done. */
static void hart_do_work(struct hart *h)
{
	unsigned long work = __atomic_load_n(&h->work, __ATOMIC_ACQUIRE);

	if (!work)
		return;
	/*
	 * The host runs here: a vCPU fence asked of a hart that has left
	 * the vCPU is done (every vCPU entry flushes), and a vCPU IPI is
	 * in its vcpu_state.ipi for that entry.
	 */
	if (work & (HART_WORK_HFENCE_VVMA | HART_WORK_VCPU_HFENCE))
		hfence_vvma_all();
	if (work & HART_WORK_HOST_IPI)
		csr_set(CSR_HVIP, HVIP_VSSIP);
	__atomic_fetch_and(&h->work, ~work, __ATOMIC_RELEASE);
}

bool hart_do_vcpu_work(struct hart *h)
{
	unsigned long work = __atomic_load_n(&h->work, __ATOMIC_ACQUIRE) &
			     (HART_WORK_VCPU_IPI | HART_WORK_VCPU_HFENCE);

	/* hgatp holds the TVM's VMID: this flushes its VS-stage only. */
	if (work & HART_WORK_VCPU_HFENCE) {
		__asm__ __volatile__("fence.i" ::: "memory");
		hfence_vvma_all();
	}
	if (h->vcpu && __atomic_exchange_n(&h->vcpu->ipi, 0, __ATOMIC_ACQ_REL))
		csr_set(CSR_HVIP, HVIP_VSSIP);
	if (work)
		__atomic_fetch_and(&h->work, ~work, __ATOMIC_RELEASE);
	return !(__atomic_load_n(&h->work, __ATOMIC_ACQUIRE) & HART_WORK_HOST);
}

void hart_sync_irqs(struct hart *h)
{
	(void)h;
	if (csr_read(CSR_SIP) & SIP_SEIP) {
		csr_set(CSR_HVIP, HVIP_VSEIP);
		csr_clear(CSR_SIE, SIP_SEIP);
	} else {
		csr_clear(CSR_HVIP, HVIP_VSEIP);
		csr_set(CSR_SIE, SIP_SEIP);
	}
}

void hart_interrupt(struct tsm *tsm, struct hart *h, unsigned long irq)
{
	switch (irq) {
	case IRQ_S_SOFT:
		csr_clear(CSR_SIP, SIP_SSIP);
		hart_do_work(h);
		break;
	case IRQ_S_TIMER:
		csr_set(CSR_HVIP, HVIP_VSTIP);
		csr_clear(CSR_SIE, SIP_STIP);
		break;
	case IRQ_S_EXT:
		break;	/* hart_sync_irqs() passes it on */
	default:
		/* Nothing else is enabled: say so, and never see it again. */
		tsm_printf("tsm: hart %lu: unexpected interrupt %lu, masked\n",
			   h->hartid, irq);
		if (irq < 64)
			csr_clear(CSR_SIE, 1UL << irq);
		break;
	}
	(void)tsm;
}

/*
 * The harts an SBI hart mask names (SBI: hart_mask_base -1 is every
 * hart), as a mask of hart indices; false if it names a hart that does
 * not exist.
 */
static bool hart_set(const struct tsm *tsm, unsigned long mask,
		     unsigned long base, unsigned long *set)
{
	*set = 0;
	if (base == -1UL) {
		for (unsigned long id = 0; hart_by_id(tsm, id); id++)
			*set |= 1UL << id;
		return true;
	}
	for (unsigned int bit = 0; bit < 64; bit++) {
		if (!(mask & (1UL << bit)))
			continue;
		if (base + bit < base || !hart_by_id(tsm, base + bit))
			return false;
		*set |= 1UL << (base + bit);
	}
	return true;
}

/*
 * Ask each hart of set in one of the states (a mask of 1 << enum
 * hart_state) for work, with one IPI through OpenSBI.
 */
unsigned long hart_ask(struct tsm *tsm, unsigned long set, unsigned long work,
		       unsigned int states)
{
	unsigned long asked = 0;
	unsigned long args[6] = { 0 };

	for (unsigned long id = 0; set >> id; id++) {
		struct hart *t = hart_by_id(tsm, id);

		if (!(set & (1UL << id)) || !(states & (1U << t->state)))
			continue;
		__atomic_fetch_or(&t->work, work, __ATOMIC_RELEASE);
		asked |= 1UL << id;
	}
	if (asked) {
		args[0] = asked;
		sbi_call(SBI_EXT_IPI, SBI_EXT_IPI_SEND_IPI, args);
	}
	return asked;
}

static struct sbiret send_ipi(struct tsm *tsm, const unsigned long args[6])
{
	unsigned long set;

	if (!hart_set(tsm, args[0], args[1], &set))
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	/* A suspended hart wakes on it, and its host takes it on resume. */
	hart_ask(tsm, set, HART_WORK_HOST_IPI,
		 1U << HART_ONLINE | 1U << HART_SUSPENDED);
	return sbiret_value(0);
}

/*
 * The host's remote sfence.vma: its translations are VS-stage ones, so
 * each target runs hfence.vvma (all of the host's VMID: a superset of
 * the range asked).  Like OpenSBI, return once every target has: spin
 * on their work bits, doing our own meanwhile (two harts may fence each
 * other), and stop waiting for a hart that stops or suspends (it
 * flushes when it comes back).
 */
static struct sbiret remote_hfence_vvma(struct tsm *tsm, struct hart *h,
					const unsigned long args[6])
{
	unsigned long set, asked;

	if (!hart_set(tsm, args[0], args[1], &set))
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	if (set & (1UL << h->index))
		hfence_vvma_all();
	asked = hart_ask(tsm, set & ~(1UL << h->index), HART_WORK_HFENCE_VVMA,
			 1U << HART_ONLINE);
	hart_wait_done(tsm, h, asked, HART_WORK_HFENCE_VVMA);
	return sbiret_value(0);
}

void hart_wait_done(struct tsm *tsm, struct hart *h, unsigned long asked,
		    unsigned long work)
{
	for (unsigned long id = 0; asked >> id; id++) {
		struct hart *t = hart_by_id(tsm, id);

		if (!(asked & (1UL << id)))
			continue;
		while ((__atomic_load_n(&t->work, __ATOMIC_ACQUIRE) & work) &&
		       t->state == HART_ONLINE) {
			if (h->vcpu)
				hart_do_vcpu_work(h);
			else
				hart_do_work(h);
		}
	}
}

struct sbiret irq_sbi_call(struct tsm *tsm, struct hart *h, unsigned long eid,
			   unsigned long fid, const unsigned long args[6])
{
	struct sbiret ret;

	switch (eid) {
	case SBI_EXT_TIME:
		csr_clear(CSR_HVIP, HVIP_VSTIP);
		ret = sbi_call(eid, fid, args);
		csr_set(CSR_SIE, SIP_STIP);
		return ret;
	case SBI_EXT_IPI:
		return send_ipi(tsm, args);
	case SBI_EXT_RFENCE:
		return remote_hfence_vvma(tsm, h, args);
	}
	return sbiret_error(SBI_ERR_NOT_SUPPORTED);
}
