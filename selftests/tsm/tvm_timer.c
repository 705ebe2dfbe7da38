// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* A TVM's own timer: Sstc interrupts inside it, and WFI until it fires. */

#include "ktap.h"
#include "payload.h"
#include "vmm.h"

static struct vmm_tvm tvm;
static struct vmm_config cfg;

int payload_main(unsigned long hartid, unsigned long fdt)
{
	ktap_start(4);
	if (vmm_init(hartid)) {
		ktap_ok(false, "NACL set_shmem on hart %lu", hartid);
		return ktap_finish();
	}
	vmm_config_guest(&cfg, "timer", GUEST_TIMER, 1);
	vmm_guest(&tvm, &cfg);
	ktap_eq(vmm_exits(&tvm, CAUSE_VIRTUAL_INSN), 0,
		"the guest's timer interrupt needed no exit to the host");
	vmm_destroy(&tvm);

	vmm_config_guest(&cfg, "wfi", GUEST_WFI, 1);
	vmm_guest(&tvm, &cfg);
	ktap_ok(vmm_exits(&tvm, CAUSE_VIRTUAL_INSN) >= 1,
		"the host saw the WFI as a virtual-instruction exit");
	vmm_destroy(&tvm);
	return ktap_finish();
}
