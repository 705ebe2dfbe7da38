// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * A TVM's memory: demand-zero pages the host supplies on faults; outside
 * its region it faults inside itself (no exit); host RAM and another
 * TVM's pages, named by their physical address, are outside it too.
 */

#include "ktap.h"
#include "payload.h"
#include "vmm.h"

#define HOST_PATTERN	0x4057beef4057beefUL

static struct vmm_tvm tvm, peer;
static struct vmm_config cfg;

static unsigned long fault_exits(const struct vmm_tvm *t)
{
	return vmm_exits(t, CAUSE_INSN_GUEST_PAGE_FAULT) +
	       vmm_exits(t, CAUSE_LOAD_GUEST_PAGE_FAULT) +
	       vmm_exits(t, CAUSE_STORE_GUEST_PAGE_FAULT);
}

static void test_outside(void)
{
	vmm_config_guest(&cfg, "outside", GUEST_OUTSIDE, 1);
	vmm_guest(&tvm, &cfg);
	ktap_eq(fault_exits(&tvm), 0, "the host saw no fault exit from that TVM");
	vmm_destroy(&tvm);
}

static void test_hostmem(void)
{
	unsigned long page = vmm_host_page();

	for (unsigned long off = 0; off < PAGE_SIZE; off += 8)
		payload_write64(page + off, HOST_PATTERN);
	vmm_config_guest(&cfg, "hostmem", GUEST_HOSTMEM, 1);
	cfg.args[VMM_ARG_PEER_PA] = page;
	vmm_guest(&tvm, &cfg);
	ktap_eq(fault_exits(&tvm), 0, "no fault exit: the TSM kept it inside");
	ktap_ok(payload_read64(page) == HOST_PATTERN, "the host page is unchanged");
	vmm_destroy(&tvm);
}

static void test_peers(void)
{
	vmm_config_guest(&cfg, "peer_a", GUEST_PEER, 1);
	cfg.args[VMM_ARG_PEER_SEED] = 0xaaaa0001;
	vmm_guest(&tvm, &cfg);
	/* A stays: B probes A's page while it is still A's. */
	vmm_config_guest(&cfg, "peer_b", GUEST_PEER, 1);
	cfg.args[VMM_ARG_PEER_SEED] = 0xbbbb0002;
	cfg.args[VMM_ARG_OTHER_SEED] = 0xaaaa0001;
	cfg.args[VMM_ARG_PEER_PA] = tvm.last_zero_hpa;
	vmm_guest(&peer, &cfg);
	ktap_ok(tvm.last_zero_hpa && tvm.last_zero_hpa != peer.last_zero_hpa,
		"the two TVMs got different pages at the same GPA");
	vmm_destroy(&peer);
	vmm_destroy(&tvm);
}

int payload_main(unsigned long hartid, unsigned long fdt)
{
	ktap_start(9);
	if (vmm_init(hartid)) {
		ktap_ok(false, "NACL set_shmem on hart %lu", hartid);
		return ktap_finish();
	}
	vmm_config_guest(&cfg, "zero", GUEST_ZERO, 1);
	vmm_guest(&tvm, &cfg);
	vmm_destroy(&tvm);
	test_outside();
	test_hostmem();
	test_peers();
	return ktap_finish();
}
