// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The hart side of run_tvm_vcpu: swap the host's and a vCPU's registers,
 * VS CSRs, hypervisor CSRs and FP state.  The hart's trap frame holds
 * whoever runs; hart.vcpu says which (trap.c routes by it).  The TSM is
 * built without FP, so FP registers are saved eagerly here with the D
 * extension enabled for these few instructions only.  Vector state is
 * not swapped: a TVM runs with sstatus.VS = Off, so the host's vector
 * registers stay untouched (and the TVM's vector instructions trap).
 */

#include "covekit/riscv_asm.h"
#include "covekit/string.h"
#include "sbi_cove_types.h"
#include "tsm/console.h"
#include "tsm/hart.h"
#include "tsm/sbiret.h"
#include "tsm/tsm.h"
#include "tsm/vcpu.h"

#define CSR_HEDELEG_	0x602
#define CSR_HTIMEDELTA	0x605
#define CSR_FCSR	0x003

#define SSTATUS_VS_MASK	(3UL << 9)
#define SSTATUS_FS_MASK	(3UL << 13)
#define HSTATUS_VTVM	(1UL << 20)
#define HSTATUS_VTW	(1UL << 21)
#define HSTATUS_VTSR	(1UL << 22)
#define HSTATUS_VGEIN	(0x3fUL << 12)

/* Exceptions a TVM handles itself (hedeleg), as the host's. */
#define TVM_EXCEPTIONS							\
	(1UL << CAUSE_INSN_MISALIGNED | 1UL << CAUSE_INSN_ACCESS |	\
	 1UL << CAUSE_ILLEGAL_INSN | 1UL << CAUSE_BREAKPOINT |		\
	 1UL << CAUSE_LOAD_MISALIGNED | 1UL << CAUSE_LOAD_ACCESS |	\
	 1UL << CAUSE_STORE_MISALIGNED | 1UL << CAUSE_STORE_ACCESS |	\
	 1UL << CAUSE_USER_ECALL | 1UL << CAUSE_INSN_PAGE_FAULT |	\
	 1UL << CAUSE_LOAD_PAGE_FAULT | 1UL << CAUSE_STORE_PAGE_FAULT)

static void fp_save(uint64_t *f, unsigned long *fcsr)
{
	unsigned long fs = csr_read(CSR_SSTATUS) & SSTATUS_FS_MASK;

	csr_set(CSR_SSTATUS, SSTATUS_FS_MASK);
	__asm__ __volatile__(
		".option push\n.option arch, +d\n"
		"fsd f0, 0(%0)\n fsd f1, 8(%0)\n fsd f2, 16(%0)\n fsd f3, 24(%0)\n"
		"fsd f4, 32(%0)\n fsd f5, 40(%0)\n fsd f6, 48(%0)\n fsd f7, 56(%0)\n"
		"fsd f8, 64(%0)\n fsd f9, 72(%0)\n fsd f10, 80(%0)\n fsd f11, 88(%0)\n"
		"fsd f12, 96(%0)\n fsd f13, 104(%0)\n fsd f14, 112(%0)\n fsd f15, 120(%0)\n"
		"fsd f16, 128(%0)\n fsd f17, 136(%0)\n fsd f18, 144(%0)\n fsd f19, 152(%0)\n"
		"fsd f20, 160(%0)\n fsd f21, 168(%0)\n fsd f22, 176(%0)\n fsd f23, 184(%0)\n"
		"fsd f24, 192(%0)\n fsd f25, 200(%0)\n fsd f26, 208(%0)\n fsd f27, 216(%0)\n"
		"fsd f28, 224(%0)\n fsd f29, 232(%0)\n fsd f30, 240(%0)\n fsd f31, 248(%0)\n"
		".option pop\n" :: "r"(f) : "memory");
	*fcsr = csr_read(CSR_FCSR);
	csr_clear(CSR_SSTATUS, SSTATUS_FS_MASK);
	csr_set(CSR_SSTATUS, fs);
}

static void fp_restore(const uint64_t *f, unsigned long fcsr)
{
	unsigned long fs = csr_read(CSR_SSTATUS) & SSTATUS_FS_MASK;

	csr_set(CSR_SSTATUS, SSTATUS_FS_MASK);
	__asm__ __volatile__(
		".option push\n.option arch, +d\n"
		"fld f0, 0(%0)\n fld f1, 8(%0)\n fld f2, 16(%0)\n fld f3, 24(%0)\n"
		"fld f4, 32(%0)\n fld f5, 40(%0)\n fld f6, 48(%0)\n fld f7, 56(%0)\n"
		"fld f8, 64(%0)\n fld f9, 72(%0)\n fld f10, 80(%0)\n fld f11, 88(%0)\n"
		"fld f12, 96(%0)\n fld f13, 104(%0)\n fld f14, 112(%0)\n fld f15, 120(%0)\n"
		"fld f16, 128(%0)\n fld f17, 136(%0)\n fld f18, 144(%0)\n fld f19, 152(%0)\n"
		"fld f20, 160(%0)\n fld f21, 168(%0)\n fld f22, 176(%0)\n fld f23, 184(%0)\n"
		"fld f24, 192(%0)\n fld f25, 200(%0)\n fld f26, 208(%0)\n fld f27, 216(%0)\n"
		"fld f28, 224(%0)\n fld f29, 232(%0)\n fld f30, 240(%0)\n fld f31, 248(%0)\n"
		".option pop\n" :: "r"(f) : "memory");
	csr_write(CSR_FCSR, fcsr);
	csr_clear(CSR_SSTATUS, SSTATUS_FS_MASK);
	csr_set(CSR_SSTATUS, fs);
}

/* hfence.gvma zero, vmid: only the TVM's G-stage translations. */
static void hfence_gvma_vmid(unsigned long vmid)
{
	__asm__ __volatile__(".insn r 0x73, 0, 0x31, x0, x0, %0"
			     :: "r"(vmid) : "memory");
}

static void save_host(struct tsm *tsm, struct hart *h)
{
	struct host_csrs *c = &h->host;

	h->host_frame = h->frame;
	c->vsstatus = csr_read(CSR_VSSTATUS);
	c->vsie = csr_read(CSR_VSIE);
	c->vstvec = csr_read(CSR_VSTVEC);
	c->vsscratch = csr_read(CSR_VSSCRATCH);
	c->vsepc = csr_read(CSR_VSEPC);
	c->vscause = csr_read(CSR_VSCAUSE);
	c->vstval = csr_read(CSR_VSTVAL);
	c->vsatp = csr_read(CSR_VSATP);
	c->hvip = csr_read(CSR_HVIP);
	c->hgatp = csr_read(CSR_HGATP);
	c->henvcfg = csr_read(CSR_HENVCFG);
	c->hedeleg = csr_read(CSR_HEDELEG_);
	c->hideleg = csr_read(CSR_HIDELEG);
	c->htimedelta = csr_read(CSR_HTIMEDELTA);
	c->sie = csr_read(CSR_SIE);
	if (tsm->plat.sstc) {
		c->vstimecmp = csr_read(CSR_VSTIMECMP);
		c->stimecmp = csr_read(CSR_STIMECMP);
	}
	fp_save(c->fp, &c->fcsr);
}

static void load_host(struct tsm *tsm, struct hart *h)
{
	const struct host_csrs *c = &h->host;

	csr_write(CSR_VSSTATUS, c->vsstatus);
	csr_write(CSR_VSIE, c->vsie);
	csr_write(CSR_VSTVEC, c->vstvec);
	csr_write(CSR_VSSCRATCH, c->vsscratch);
	csr_write(CSR_VSEPC, c->vsepc);
	csr_write(CSR_VSCAUSE, c->vscause);
	csr_write(CSR_VSTVAL, c->vstval);
	csr_write(CSR_VSATP, c->vsatp);
	csr_write(CSR_HVIP, c->hvip);
	csr_write(CSR_HGATP, c->hgatp);
	csr_write(CSR_HENVCFG, c->henvcfg);
	csr_write(CSR_HEDELEG_, c->hedeleg);
	csr_write(CSR_HIDELEG, c->hideleg);
	csr_write(CSR_HTIMEDELTA, c->htimedelta);
	if (tsm->plat.sstc) {
		csr_write(CSR_VSTIMECMP, c->vstimecmp);
		csr_write(CSR_STIMECMP, c->stimecmp);
	}
	csr_write(CSR_SIE, c->sie);
	fp_restore(c->fp, c->fcsr);
	/* The host's VMID 0 translations were never touched: no flush. */
	h->frame = h->host_frame;
}

static void load_vcpu(struct tsm *tsm, struct hart *h)
{
	struct vcpu_state *v = h->vcpu;
	unsigned long hstatus, sstatus;

	csr_write(CSR_VSSTATUS, v->vs.vsstatus);
	csr_write(CSR_VSIE, v->vs.vsie);
	csr_write(CSR_VSTVEC, v->vs.vstvec);
	csr_write(CSR_VSSCRATCH, v->vs.vsscratch);
	csr_write(CSR_VSEPC, v->vs.vsepc);
	csr_write(CSR_VSCAUSE, v->vs.vscause);
	csr_write(CSR_VSTVAL, v->vs.vstval);
	csr_write(CSR_VSATP, v->vs.vsatp);
	if (__atomic_exchange_n(&v->ipi, 0, __ATOMIC_ACQ_REL))
		v->hvip |= HVIP_VSSIP;
	csr_write(CSR_HVIP, v->hvip & HIDELEG_VS);
	csr_write(CSR_HEDELEG_, TVM_EXCEPTIONS);
	csr_write(CSR_HIDELEG, HIDELEG_VS);
	csr_write(CSR_HTIMEDELTA, h->tvm->htimedelta);
	csr_write(CSR_HENVCFG, tsm->plat.sstc ? HENVCFG_STCE : 0);
	if (tsm->plat.sstc) {
		unsigned long deadline = h->host.vstimecmp;

		/*
		 * The host's timer must still fire while the TVM runs: arm the
		 * TSM's own timer for the earlier of the host's deadlines.
		 */
		if ((h->host.sie & SIP_STIP) && h->host.stimecmp < deadline)
			deadline = h->host.stimecmp;
		csr_write(CSR_STIMECMP, deadline);
		csr_write(CSR_VSTIMECMP, v->vs.vstimecmp);
		csr_set(CSR_SIE, SIP_STIP);
	}
	csr_write(CSR_HGATP, gstage_hgatp(&h->tvm->gstage, (unsigned int)h->tvm_id));
	hfence_gvma_vmid(h->tvm_id);
	hfence_vvma_all();
	fp_restore(v->fp, v->fcsr);

	memcpy(h->frame.gpr, v->gpr, sizeof(v->gpr));
	h->frame.gpr[0] = 0;
	h->frame.sepc = v->sepc;
	sstatus = csr_read(CSR_SSTATUS) &
		  ~(SSTATUS_SPP | SSTATUS_SPIE | SSTATUS_FS_MASK | SSTATUS_VS_MASK);
	h->frame.sstatus = sstatus | (v->sstatus & (SSTATUS_SPP | SSTATUS_FS_MASK));
	hstatus = h->host_frame.hstatus & ~(HSTATUS_SPVP | HSTATUS_VTW |
					    HSTATUS_VTSR | HSTATUS_VTVM |
					    HSTATUS_GVA | HSTATUS_VGEIN);
	/* WFI traps (virtual instruction) so the host can park the vCPU. */
	h->frame.hstatus = hstatus | HSTATUS_SPV | HSTATUS_VTW |
			   (v->hstatus & HSTATUS_SPVP);
}

struct sbiret arch_vcpu_enter(struct tsm *tsm, struct tvm *tvm,
			      unsigned long tvm_id, struct vcpu_state *vcpu)
{
	struct hart *h = hart_self();

	save_host(tsm, h);
	h->vcpu = vcpu;
	h->tvm = tvm;
	h->tvm_id = tvm_id;
	load_vcpu(tsm, h);
	/* host_ecall() took the lock; the exit path takes it again. */
	tsm_unlock();
	trap_resume(&h->frame);
}

void vcpu_switch_to_host(struct tsm *tsm, struct hart *h)
{
	struct vcpu_state *v = h->vcpu;

	memcpy(v->gpr, h->frame.gpr, sizeof(v->gpr));
	v->sepc = h->frame.sepc;
	v->sstatus = h->frame.sstatus & (SSTATUS_SPP | SSTATUS_FS_MASK);
	v->hstatus = h->frame.hstatus & HSTATUS_SPVP;
	v->vs.vsstatus = csr_read(CSR_VSSTATUS);
	v->vs.vsie = csr_read(CSR_VSIE);
	v->vs.vstvec = csr_read(CSR_VSTVEC);
	v->vs.vsscratch = csr_read(CSR_VSSCRATCH);
	v->vs.vsepc = csr_read(CSR_VSEPC);
	v->vs.vscause = csr_read(CSR_VSCAUSE);
	v->vs.vstval = csr_read(CSR_VSTVAL);
	v->vs.vsatp = csr_read(CSR_VSATP);
	v->hvip = csr_read(CSR_HVIP) & HIDELEG_VS;
	if (tsm->plat.sstc)
		v->vs.vstimecmp = csr_read(CSR_VSTIMECMP);
	fp_save(v->fp, &v->fcsr);
	load_host(tsm, h);
	h->vcpu = NULL;
	h->tvm = NULL;
}
