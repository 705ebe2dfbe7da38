// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* tsm/arch.h for host unit tests: count fences, run as arch_stub_hart. */

#include "tsm/arch.h"
#include "tsm/sbiret.h"
#include "tsm/vcpu.h"

unsigned int arch_hfence_count;
unsigned int arch_stub_hart;	/* the hart the next call runs on */

void arch_hfence_gvma(void)
{
	arch_hfence_count++;
}

unsigned int arch_hart_index(void)
{
	return arch_stub_hart;
}

/* run_tvm_vcpu's switch: record it; the "exit" leaves the vCPU resumable. */
unsigned int arch_vcpu_enters;
struct vcpu_state *arch_stub_vcpu;	/* the vCPU the last run entered */
bool arch_stub_keep_running;		/* leave it marked as running */

struct sbiret arch_vcpu_enter(struct tsm *tsm, struct tvm *tvm,
			      unsigned long tvm_id, struct vcpu_state *vcpu)
{
	(void)tsm;
	(void)tvm;
	(void)tvm_id;
	arch_vcpu_enters++;
	arch_stub_vcpu = vcpu;
	if (!arch_stub_keep_running)
		vcpu->running = 0;
	return sbiret_value(0);
}
