// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * A TVM with two vCPUs on two harts (tvm_smp.qemu: -smp 2): vCPU 0 runs
 * on hart 0, starts vCPU 1 with HSM, and the VMM runs that on hart 1.
 * Then IPIs and remote fences between the two vCPUs (guest/ipi.c).
 */

#include "ktap.h"
#include "payload.h"
#include "vmm.h"

static struct vmm_tvm tvm;
static struct vmm_config cfg;

int payload_main(unsigned long hartid, unsigned long fdt)
{
	ktap_start(5);
	if (hartid != 0) {
		ktap_diag("booted on hart %lu: this suite drives hart 1 from 0", hartid);
		return ktap_finish();
	}
	ktap_eq(vmm_init(hartid), 0, "NACL set_shmem on hart 0");
	ktap_eq(vmm_start_worker(1), 0, "hart 1 runs the VMM with its own NACL area");
	vmm_config_guest(&cfg, "smp", GUEST_SMP, 2);
	vmm_guest(&tvm, &cfg);
	ktap_eq(tvm.vcpu[1], VMM_VCPU_STOPPED, "the VMM saw vCPU 1 stop");
	vmm_destroy(&tvm);

	vmm_config_guest(&cfg, "ipi", GUEST_IPI, 2);
	vmm_guest(&tvm, &cfg);
	vmm_destroy(&tvm);
	return ktap_finish();
}
