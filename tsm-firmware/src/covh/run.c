// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Running TVMs, the portable part: NACL (the host's per-hart shared
 * memory for run_tvm_vcpu) and run_tvm_vcpu's checks and vCPU
 * bookkeeping.  The switch itself is arch_vcpu_enter() (tsm/vcpu.h).
 */

#include "cove_handlers.h"
#include "sbi_cove_types.h"
#include "tsm/arch.h"
#include "tsm/sbiret.h"
#include "tsm/vcpu.h"
#include "covekit/riscv_encoding.h"
#include "covekit/string.h"
#include "internal.h"

/* sstatus.FS = Initial: the TVM may use the FPU (saved on every switch). */
#define SSTATUS_FS_INITIAL	(1UL << 13)

_Static_assert(sizeof(struct sbi_tsm_shmem_scratch) <=
	       sizeof(((struct sbi_nacl_shmem *)0)->scratch),
	       "CoVE's scratch overlay must fit the NACL scratch");

/* The TSM offers none of NACL's optional features (spec/sbi.yaml). */
struct sbiret nacl_probe_feature(struct tsm *tsm, unsigned long feature_id)
{
	(void)tsm;
	(void)feature_id;
	return sbiret_value(0);
}

struct sbiret nacl_set_shmem(struct tsm *tsm, unsigned long shmem_phys_lo,
			     unsigned long shmem_phys_hi, unsigned long flags)
{
	unsigned int hart = arch_hart_index();

	if (flags)
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	if (shmem_phys_lo == -1UL && shmem_phys_hi == -1UL) {
		tsm->nacl_shmem[hart] = 0;
		return sbiret_value(0);
	}
	/* RV64: _hi is 0 for every real address. */
	if (shmem_phys_hi || shmem_phys_lo % 4096 ||
	    !host_accessible(&tsm->host_mem, &tsm->pages, shmem_phys_lo,
			     sizeof(struct sbi_nacl_shmem)))
		return sbiret_error(SBI_ERR_INVALID_ADDRESS);
	tsm->nacl_shmem[hart] = shmem_phys_lo;
	return sbiret_value(0);
}

uint64_t nacl_area(struct tsm *tsm)
{
	uint64_t area = tsm->nacl_shmem[arch_hart_index()];

	if (area && !host_accessible(&tsm->host_mem, &tsm->pages, area,
				     sizeof(struct sbi_nacl_shmem)))
		return 0;
	return area;
}

struct vcpu_state *vcpu_get(struct tvm *tvm, unsigned long vcpu_id)
{
	if (vcpu_id >= CONFIG_TSM_MAX_VCPUS || !tvm->vcpu_state[vcpu_id])
		return NULL;
	return (struct vcpu_state *)(uintptr_t)tvm->vcpu_state[vcpu_id];
}

void vcpu_reset(struct vcpu_state *vcpu, unsigned long vcpu_id,
		unsigned long entry, unsigned long arg)
{
	memset(vcpu->gpr, 0, sizeof(vcpu->gpr));
	memset(&vcpu->vs, 0, sizeof(vcpu->vs));
	memset(vcpu->fp, 0, sizeof(vcpu->fp));
	vcpu->fcsr = 0;
	vcpu->hvip = 0;
	vcpu->vs.vstimecmp = -1UL;
	vcpu->gpr[10] = vcpu_id;
	vcpu->gpr[11] = arg;
	vcpu->sepc = entry;
	/* VS-mode, supervisor privilege; vector state stays off (not saved). */
	vcpu->sstatus = SSTATUS_SPP | SSTATUS_FS_INITIAL;
	vcpu->hstatus = HSTATUS_SPVP;
	vcpu->resume = VCPU_RESUME_NONE;
	vcpu->status = VCPU_STARTED;
}

void vcpu_resume(struct vcpu_state *vcpu, uint64_t area)
{
	const struct sbi_nacl_shmem *shmem = (const void *)(uintptr_t)area;
	const struct sbi_tsm_shmem_scratch *scratch = (const void *)shmem->scratch;

	switch (vcpu->resume) {
	case VCPU_RESUME_ECALL:
		/* Only a0 and a1 come back from the host (CoVE-2025). */
		vcpu->gpr[10] = scratch->guest_gprs[10];
		vcpu->gpr[11] = scratch->guest_gprs[11];
		vcpu->sepc += 4;
		break;
	case VCPU_RESUME_SKIP:
		vcpu->sepc += 4;
		break;
	}
	vcpu->resume = VCPU_RESUME_NONE;
}

/*
 * Errors (spec/cove.yaml, covekit's choices where CoVE-2025 is silent):
 * INVALID_PARAM for anything about the ids or the vCPU's life, FAILED
 * while it runs on another hart, NO_SHMEM without a usable NACL area.
 */
struct sbiret covh_run_tvm_vcpu(struct tsm *tsm, unsigned long tvm_id,
				unsigned long vcpu_id)
{
	struct tvm *tvm = tvm_get(tsm, tvm_id);
	struct vcpu_state *vcpu;
	uint64_t area;

	if (!tvm || tvm->state != SBI_TVM_STATE_RUNNABLE)
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	vcpu = vcpu_get(tvm, vcpu_id);
	if (!vcpu || vcpu->status == VCPU_DEAD ||
	    vcpu->status == VCPU_STOPPED)
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	/* The boot vCPU first: it starts at finalize's entry. */
	if (vcpu->status == VCPU_CREATED && vcpu_id != 0)
		return sbiret_error(SBI_ERR_INVALID_PARAM);
	if (vcpu->running)
		return sbiret_error(SBI_ERR_FAILED);
	area = nacl_area(tsm);
	if (!area) {
		tsm->nacl_shmem[arch_hart_index()] = 0;
		return sbiret_error(SBI_ERR_NO_SHMEM);
	}
	if (vcpu->status == VCPU_CREATED)
		vcpu_reset(vcpu, 0, tvm->entry_sepc, tvm->entry_arg);
	vcpu_resume(vcpu, area);
	if (!tvm->started) {
		tvm->htimedelta = 0;	/* QEMU virt: one clock for all */
		tvm->started = true;
	}
	vcpu->running = arch_hart_index() + 1;
	return arch_vcpu_enter(tsm, tvm, tvm_id, vcpu);
}
