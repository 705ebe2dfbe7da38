// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * tools/bench tsm, TVM part (under -icount): instructions for a TVM
 * ecall the host serves (TVM -> TSM -> host -> run_tvm_vcpu -> TVM), for
 * a BASE probe the TSM serves inside the TVM, and from the start of
 * building a TVM to its first KTAP result.  The host reads instret at
 * the guest's marks (guest/smp.c, guest_bench()).
 */

#include "ktap.h"
#include "payload.h"
#include "vmm.h"

static struct vmm_tvm tvm;
static struct vmm_config cfg;

int payload_main(unsigned long hartid, unsigned long fdt)
{
	unsigned long round_trip, probes;
	ktap_start(1);
	if (vmm_init(hartid)) {
		ktap_ok(false, "NACL set_shmem on hart %lu", hartid);
		return ktap_finish() | 1;
	}
	vmm_config_guest(&cfg, "bench", GUEST_BENCH, 1);
	if (!vmm_guest(&tvm, &cfg) || tvm.nr_marks != BENCH_ECALLS + 3)
		return ktap_finish() | 1;
	round_trip = (tvm.marks[1] - tvm.marks[0]) / BENCH_ECALLS;
	/* marks 2 -> 3: the probes and one round trip. */
	probes = (tvm.marks[3] - tvm.marks[2] - round_trip) / BENCH_PROBES;
	payload_printf("bench: tvm_ecall_host %lu instructions\n", round_trip);
	payload_printf("bench: tvm_base_probe %lu instructions\n", probes);
	payload_printf("bench: tvm_create_to_first_result %lu instructions\n",
		       tvm.first_result_at - tvm.created_at);
	vmm_destroy(&tvm);
	return ktap_finish();
}
