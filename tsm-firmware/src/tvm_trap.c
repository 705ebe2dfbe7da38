// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Traps while a TVM vCPU runs: the TSM serves what it can inside the TVM
 * (SBI BASE, TIME, IPI, RFENCE, HSM for its own vCPUs; faults outside
 * its memory become access faults in it) and exits to the host for the
 * rest, writing into the host's NACL area only what that exit exposes
 * (CoVE-2025; spec/cove.yaml run_tvm_vcpu).
 */

#include "covekit/riscv_asm.h"
#include "covekit/string.h"
#include "sbi_cove_types.h"
#include "tsm/console.h"
#include "tsm/dispatch.h"
#include "tsm/hart.h"
#include "tsm/sbi_call.h"
#include "tsm/sbiret.h"
#include "tsm/trap.h"
#include "tsm/tsm.h"
#include "tsm/vcpu.h"

#define CSR_HTIMEDELTA	0x605
#define INSN_WFI	0x10500073UL

/* The NACL csrs[] entry of a CSR number. */
static void nacl_csr(struct sbi_nacl_shmem *s, unsigned long csr,
		     unsigned long v)
{
	s->csrs[sbi_nacl_csr_index(csr)] = v;
}

/*
 * Write the exit into the host's area: every scratch GPR 0 except
 * gprs[10..17] when given (an ecall exit), the cause, tval for a fault
 * (htval and stval's low bits) or a virtual instruction (htinst), and
 * what the host needs to schedule the vCPU.
 */
static void nacl_write_exit(struct tsm *tsm, const struct tvm *tvm,
			    const struct vcpu_state *v,
			    unsigned long cause, const unsigned long *gprs,
			    unsigned long tval)
{
	uint64_t area = nacl_area(tsm);
	struct sbi_nacl_shmem *s = (void *)(uintptr_t)area;
	struct sbi_tsm_shmem_scratch *scratch;

	if (!area)
		return;	/* the host gave its area away meanwhile */
	scratch = (void *)s->scratch;
	memset(scratch->guest_gprs, 0, sizeof(scratch->guest_gprs));
	if (gprs)
		for (int i = 10; i <= 17; i++)
			scratch->guest_gprs[i] = gprs[i];
	nacl_csr(s, CSR_SCAUSE, cause);
	nacl_csr(s, CSR_HTVAL, 0);
	nacl_csr(s, CSR_STVAL, 0);
	nacl_csr(s, CSR_HTINST, 0);
	switch (cause) {
	case CAUSE_INSN_GUEST_PAGE_FAULT:
	case CAUSE_LOAD_GUEST_PAGE_FAULT:
	case CAUSE_STORE_GUEST_PAGE_FAULT:
		nacl_csr(s, CSR_HTVAL, tval >> 2);
		nacl_csr(s, CSR_STVAL, tval & 3);
		break;
	case CAUSE_VIRTUAL_INSN:
		nacl_csr(s, CSR_HTINST, tval);
		break;
	}
	nacl_csr(s, CSR_HTIMEDELTA, tvm->htimedelta);
	nacl_csr(s, CSR_VSTIMECMP, v->vs.vstimecmp);
	nacl_csr(s, CSR_VSIE, v->vs.vsie);
}

void vcpu_exit(struct tsm *tsm, struct hart *h, unsigned long cause,
	       unsigned long value, const unsigned long *gprs,
	       unsigned long tval)
{
	struct tvm *tvm = h->tvm;
	struct vcpu_state *v = h->vcpu;

	tsm_lock();
	vcpu_switch_to_host(tsm, h);
	nacl_write_exit(tsm, tvm, v, cause, gprs, tval);
	__atomic_store_n(&v->running, 0, __ATOMIC_RELEASE);
	tsm_unlock();
	/* The host's run_tvm_vcpu ecall returns. */
	h->frame.gpr[REG_A0] = SBI_ERR_SUCCESS;
	h->frame.gpr[REG_A0 + 1] = value;
	h->frame.sepc += 4;
}

/* Answer the TVM's SBI call in its registers and step past the ecall. */
static void answer(struct trap_frame *tf, struct sbiret ret)
{
	tf->gpr[REG_A0] = (unsigned long)ret.error;
	tf->gpr[REG_A0 + 1] = (unsigned long)ret.value;
	tf->sepc += 4;
}

/* Which SBI extensions a TVM sees: served here, or by the host (DBCN). */
static long guest_probe(struct tsm *tsm, unsigned long eid)
{
	struct sbiret ret;
	const unsigned long args[6] = { eid };

	switch (eid) {
	case SBI_EXT_BASE:
	case SBI_EXT_IPI:
	case SBI_EXT_RFENCE:
	case SBI_EXT_HSM:
	case SBI_EXT_SRST:
	case SBI_EXT_DBCN:
		return 1;
	case SBI_EXT_TIME:
		return tsm->plat.sstc;
	}
	/* The CoVE extensions: by the spec's implemented guest calls. */
	dispatch_sbi_call(tsm, DISPATCH_FROM_GUEST, SBI_EXT_BASE,
			  SBI_EXT_BASE_PROBE_EXTENSION, args, &ret);
	return ret.error ? 0 : ret.value;
}

/* The TVM's vCPUs an IPI or fence names (hart ids are vCPU ids). */
static bool vcpu_set(struct tvm *tvm, unsigned long mask, unsigned long base,
		     unsigned long *set)
{
	*set = 0;
	for (unsigned long id = 0; id < CONFIG_TSM_MAX_VCPUS; id++) {
		bool named = base == -1UL ||
			     (id >= base && id - base < 64 &&
			      (mask >> (id - base) & 1));

		if (named && vcpu_get(tvm, id))
			*set |= 1UL << id;
	}
	/* A named vCPU that does not exist is INVALID_PARAM. */
	if (base != -1UL)
		for (unsigned int bit = 0; bit < 64; bit++) {
			unsigned long id = base + bit;

			if (!(mask >> bit & 1))
				continue;
			if (id < base || id >= CONFIG_TSM_MAX_VCPUS ||
			    !(*set >> id & 1))
				return false;
		}
	return true;
}

/*
 * The harts (by index) other than h running a vCPU of set now, under
 * the TSM lock.  One that leaves its vCPU before the request reaches it
 * serves it in the host (irq.c), and the vCPU's next entry takes the
 * IPI and flushes: either way the request is done.
 */
static unsigned long running_harts(struct hart *h, unsigned long set)
{
	unsigned long harts = 0;

	for (unsigned long id = 0; set >> id; id++) {
		struct vcpu_state *t = vcpu_get(h->tvm, id);
		uint32_t running;

		if (!(set >> id & 1) || t == h->vcpu)
			continue;
		running = __atomic_load_n(&t->running, __ATOMIC_ACQUIRE);
		if (running && running - 1 != h->index)
			harts |= 1UL << (running - 1);
	}
	return harts;
}

static struct sbiret guest_ipi(struct tsm *tsm, struct hart *h,
			       const unsigned long *a)
{
	unsigned long set, harts;

	tsm_lock();
	if (!vcpu_set(h->tvm, a[0], a[1], &set)) {
		tsm_unlock();
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	}
	for (unsigned long id = 0; set >> id; id++) {
		struct vcpu_state *t = vcpu_get(h->tvm, id);

		if (!(set >> id & 1))
			continue;
		if (t == h->vcpu)
			csr_set(CSR_HVIP, HVIP_VSSIP);
		else	/* taken at its next entry (vcpu_switch.c) ... */
			__atomic_store_n(&t->ipi, 1, __ATOMIC_RELEASE);
	}
	harts = running_harts(h, set);
	tsm_unlock();
	/* ... or now, by the hart running it, without exiting (tvm_trap). */
	hart_ask(tsm, harts, HART_WORK_VCPU_IPI, 1U << HART_ONLINE);
	return sbiret_value(0);
}

/*
 * A TVM's remote fence: flush here, and have each hart running one of
 * the named vCPUs flush the TVM's VS-stage; return once all have.
 */
static struct sbiret guest_rfence(struct tsm *tsm, struct hart *h,
				  const unsigned long *a)
{
	unsigned long set, harts;

	/* The same hart mask rules as an IPI. */
	tsm_lock();
	if (!vcpu_set(h->tvm, a[0], a[1], &set)) {
		tsm_unlock();
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	}
	harts = running_harts(h, set);
	tsm_unlock();
	__asm__ __volatile__("fence.i" ::: "memory");
	hfence_vvma_all();
	harts = hart_ask(tsm, harts, HART_WORK_VCPU_HFENCE, 1U << HART_ONLINE);
	hart_wait_done(tsm, h, harts, HART_WORK_VCPU_HFENCE);
	return sbiret_value(0);
}

/*
 * HSM for the TVM's own vCPUs.  Returns true when the call must also
 * exit to the host (a start or a stop changes what it may run).
 */
static bool guest_hsm(struct hart *h, unsigned long fid, const unsigned long *a,
		      struct sbiret *ret)
{
	struct vcpu_state *t;
	bool exit = false;

	tsm_lock();
	switch (fid) {
	case SBI_EXT_HSM_HART_START:
		t = vcpu_get(h->tvm, a[0]);
		if (!t)
			*ret = sbiret_error(SBI_ERR_INVALID_PARAM);
		else if (t->status == VCPU_STARTED || t->status == VCPU_DEAD)
			*ret = sbiret_error(SBI_ERR_ALREADY_AVAILABLE);
		else {
			vcpu_reset(t, a[0], a[1], a[2]);
			*ret = sbiret_value(0);
			exit = true;
		}
		break;
	case SBI_EXT_HSM_HART_STOP:
		h->vcpu->status = VCPU_STOPPED;
		*ret = sbiret_value(0);
		exit = true;
		break;
	case SBI_EXT_HSM_HART_GET_STATUS:
		t = vcpu_get(h->tvm, a[0]);
		if (!t)
			*ret = sbiret_error(SBI_ERR_INVALID_PARAM);
		else
			*ret = sbiret_value(t->status == VCPU_STARTED ?
					    SBI_HSM_HART_STATE_STARTED :
					    SBI_HSM_HART_STATE_STOPPED);
		break;
	default:
		*ret = sbiret_error(SBI_ERR_NOT_SUPPORTED);
		break;
	}
	tsm_unlock();
	return exit;
}

/* SRST from the TVM: the TVM is over; every vCPU of it is dead. */
static void guest_reset(struct hart *h)
{
	tsm_lock();
	for (unsigned long id = 0; id < CONFIG_TSM_MAX_VCPUS; id++) {
		struct vcpu_state *t = vcpu_get(h->tvm, id);

		if (t)
			t->status = VCPU_DEAD;
	}
	tsm_unlock();
}

static void guest_ecall(struct tsm *tsm, struct hart *h, struct trap_frame *tf)
{
	unsigned long gprs[32];
	const unsigned long *a = &tf->gpr[REG_A0];
	unsigned long eid = tf->gpr[REG_A7], fid = tf->gpr[REG_A6];
	struct sbiret ret = sbiret_error(SBI_ERR_NOT_SUPPORTED);

	memcpy(gprs, tf->gpr, sizeof(gprs));
	switch (eid) {
	case SBI_EXT_BASE:
		if (fid == SBI_EXT_BASE_PROBE_EXTENSION)
			ret = sbiret_value(guest_probe(tsm, a[0]));
		else if (fid <= SBI_EXT_BASE_GET_MIMPID)
			ret = sbi_call(eid, fid, a);
		answer(tf, ret);
		return;
	case SBI_EXT_TIME:
		if (fid == SBI_EXT_TIME_SET_TIMER && tsm->plat.sstc) {
			csr_write(CSR_VSTIMECMP, a[0]);
			ret = sbiret_value(0);
		}
		answer(tf, ret);
		return;
	case SBI_EXT_IPI:
		if (fid == SBI_EXT_IPI_SEND_IPI)
			ret = guest_ipi(tsm, h, a);
		answer(tf, ret);
		return;
	case SBI_EXT_RFENCE:
		/* Every vCPU entry also flushes the TVM's VS-stage. */
		if (fid <= SBI_EXT_RFENCE_REMOTE_SFENCE_VMA_ASID)
			ret = guest_rfence(tsm, h, a);
		answer(tf, ret);
		return;
	case SBI_EXT_HSM:
		if (guest_hsm(h, fid, a, &ret)) {
			answer(tf, ret);
			h->vcpu->resume = VCPU_RESUME_NONE;
			vcpu_exit(tsm, h, CAUSE_VS_ECALL, 0, gprs, 0);
			return;
		}
		answer(tf, ret);
		return;
	case SBI_EXT_SRST:
		guest_reset(h);
		vcpu_exit(tsm, h, CAUSE_VS_ECALL, 1, gprs, 0);
		return;
	case SBI_EXT_COVH:
	case SBI_EXT_COVG:
	case SBI_EXT_COVI:
	case SBI_EXT_NACL:
		tsm_lock();
		dispatch_sbi_call(tsm, DISPATCH_FROM_GUEST, eid, fid, a, &ret);
		tsm_unlock();
		answer(tf, ret);
		return;
	}
	/* Everything else is the host's to serve (DBCN, vendor calls ...). */
	h->vcpu->resume = VCPU_RESUME_ECALL;
	vcpu_exit(tsm, h, CAUSE_VS_ECALL, 0, gprs, 0);
}

/* Whether gpa lies in one of the TVM's memory regions. */
static bool in_region(const struct tvm *tvm, unsigned long gpa)
{
	for (unsigned int i = 0; i < tvm->nr_regions; i++)
		if (gpa >= tvm->regions[i].gpa &&
		    gpa - tvm->regions[i].gpa < tvm->regions[i].size)
			return true;
	return false;
}

static void guest_page_fault(struct tsm *tsm, struct hart *h,
			     unsigned long cause, unsigned long stval)
{
	unsigned long gpa = csr_read(CSR_HTVAL) << 2 | (stval & 3);
	unsigned long access = cause == CAUSE_INSN_GUEST_PAGE_FAULT ?
		CAUSE_INSN_ACCESS : cause == CAUSE_LOAD_GUEST_PAGE_FAULT ?
		CAUSE_LOAD_ACCESS : CAUSE_STORE_ACCESS;

	/* Regions are fixed at finalize: no lock needed to read them. */
	if (in_region(h->tvm, gpa)) {
		h->vcpu->resume = VCPU_RESUME_NONE;	/* retried on resume */
		vcpu_exit(tsm, h, cause, 0, NULL, gpa);
		return;
	}
	/* Not the TVM's memory: its own access fault, the host sees nothing. */
	trap_inject_vs(&h->frame, access, stval);
}

void tvm_trap(struct tsm *tsm, struct hart *h, unsigned long cause,
	      unsigned long stval)
{
	struct trap_frame *tf = &h->frame;

	if (cause & CAUSE_INTERRUPT) {
		unsigned long irq = cause & ~CAUSE_INTERRUPT;

		/*
		 * Another hart's kick for this vCPU (an IPI, a fence): serve
		 * it and resume, unless the host was asked for something.
		 */
		if (irq == IRQ_S_SOFT) {
			csr_clear(CSR_SIP, SIP_SSIP);
			if (hart_do_vcpu_work(h))
				return;
		}
		h->vcpu->resume = VCPU_RESUME_NONE;
		vcpu_exit(tsm, h, cause, 0, NULL, 0);
		/* Now the host's: its interrupt goes to it as usual. */
		if (irq != IRQ_S_TIMER || (csr_read(CSR_SIP) & SIP_STIP &
					    csr_read(CSR_SIE)))
			hart_interrupt(tsm, h, irq);
		hart_sync_irqs(h);
		return;
	}
	switch (cause) {
	case CAUSE_VS_ECALL:
		guest_ecall(tsm, h, tf);
		break;
	case CAUSE_INSN_GUEST_PAGE_FAULT:
	case CAUSE_LOAD_GUEST_PAGE_FAULT:
	case CAUSE_STORE_GUEST_PAGE_FAULT:
		guest_page_fault(tsm, h, cause, stval);
		break;
	case CAUSE_VIRTUAL_INSN:
		if (stval == INSN_WFI) {
			h->vcpu->resume = VCPU_RESUME_SKIP;
			vcpu_exit(tsm, h, cause, 0, NULL, INSN_WFI);
			break;
		}
		trap_inject_vs(tf, CAUSE_ILLEGAL_INSN, stval);
		break;
	default:
		trap_inject_vs(tf, cause, stval);
		break;
	}
	if (!h->vcpu)
		hart_sync_irqs(h);
}
