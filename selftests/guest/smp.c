// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Guest tests with a second vCPU (HSM inside the TVM), and the bench's
 * guest side.
 */

#include "guest.h"
#include "sbi_cove_types.h"

#define OPAQUE	0x5eedUL

static volatile unsigned long v1_id = -1UL, v1_arg, v1_hart = -1UL;

void guest_smp_secondary(unsigned long vcpu, unsigned long arg)
{
	v1_arg = arg;
	v1_hart = vmm_call(VMM_FID_HART, 0).value;
	__sync_synchronize();
	v1_id = vcpu;
	sbi_hsm_hart_stop();
}

static bool v1_ran(void) { return v1_id != -1UL; }

static long status(unsigned long vcpu)
{
	struct sbiret r = sbi_hsm_hart_get_status(vcpu);

	return r.error ? r.error : r.value;
}

static bool v1_stopped(void)
{
	return status(1) == SBI_HSM_HART_STATE_STOPPED;
}

int guest_smp(void)
{
	unsigned long me;

	ktap_start(7);
	me = vmm_call(VMM_FID_HART, 0).value;
	ktap_eq(status(1), SBI_HSM_HART_STATE_STOPPED, "vCPU 1 starts STOPPED");
	ktap_eq(sbi_hsm_hart_start(1, GUEST_GPA_BASE, OPAQUE).error, 0,
		"hart_start vCPU 1");
	ktap_ok(guest_wait(v1_ran, 2000), "vCPU 1 runs the guest's code");
	ktap_eq(v1_id, 1, "vCPU 1 entered with a0 = its ID");
	ktap_eq(v1_arg, OPAQUE, "vCPU 1 entered with a1 = the opaque value");
	ktap_ok(v1_hart != me && v1_hart != -1UL,
		"vCPU 1 ran on another host hart (%lu; vCPU 0 on %lu)", v1_hart, me);
	ktap_ok(guest_wait(v1_stopped, 2000), "hart_stop: vCPU 1 is STOPPED");
	return ktap_finish();
}

static inline unsigned long mark(unsigned long i)
{
	return vmm_call(VMM_FID_MARK, i).error;
}

int guest_bench(void)
{
	long bad = 0;

	ktap_start(2);
	ktap_ok(true, "first result");
	mark(0);
	for (int i = 0; i < BENCH_ECALLS; i++)
		bad |= mark(1);
	mark(2);
	/*
	 * The spec implements no COVG call yet, so a TVM's probe of COVG
	 * answers 0 (tsm.rst, "Running TVMs"); the TSM serves it either way.
	 */
	for (int i = 0; i < BENCH_PROBES; i++) {
		struct sbiret r = sbi_base_probe_extension(SBI_EXT_COVG);

		bad |= r.error || r.value != 0;
	}
	mark(3);
	ktap_ok(!bad, "%d host ecalls and %d BASE probes of COVG (answer 0)", BENCH_ECALLS,
		BENCH_PROBES);
	return ktap_finish();
}
