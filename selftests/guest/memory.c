// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Guest tests of the TVM's memory: demand-zero pages, accesses outside
 * its region (its own fault, no exit), host RAM and another TVM's pages
 * seen through a GPA.
 */

#include "guest.h"

#define UART_PA		0x10000000UL

static unsigned long arg(unsigned long i)
{
	return vmm_call(VMM_FID_ARG, i).value;
}

int guest_zero(void)
{
	unsigned long e21, e23, nonzero = 0, wrong = 0;

	ktap_start(4);
	e21 = guest_exits(CAUSE_LOAD_GUEST_PAGE_FAULT);
	e23 = guest_exits(CAUSE_STORE_GUEST_PAGE_FAULT);
	for (unsigned long p = 0; p < GUEST_ZERO_PAGES; p++)
		for (unsigned long off = 0; off < PAGE_SIZE; off += 8)
			nonzero += payload_read64(GUEST_ZERO_GPA + p * PAGE_SIZE + off) != 0;
	ktap_eq(nonzero, 0, "%d demand-zero pages read as zero", GUEST_ZERO_PAGES);
	ktap_eq(guest_exits(CAUSE_LOAD_GUEST_PAGE_FAULT) - e21, GUEST_ZERO_PAGES,
		"one load guest-page fault exit per page");
	for (unsigned long p = 0; p < GUEST_ZERO_PAGES; p++)
		payload_write64(GUEST_ZERO_GPA + p * PAGE_SIZE + 8 * p, 0xd00d0000 + p);
	for (unsigned long p = 0; p < GUEST_ZERO_PAGES; p++)
		wrong += payload_read64(GUEST_ZERO_GPA + p * PAGE_SIZE + 8 * p) != 0xd00d0000 + p;
	ktap_eq(wrong, 0, "the pages keep what the guest writes");
	ktap_eq(guest_exits(CAUSE_STORE_GUEST_PAGE_FAULT) - e23, 0,
		"no exit for stores to pages already there");
	return ktap_finish();
}

/* Load and store at addr; both must fault inside the guest. */
static void probe_faults(unsigned long addr, const char *what)
{
	payload_expect_traps(true);
	payload_read64(addr);
	ktap_ok(payload_last_trap.count == 1 && payload_last_trap.cause == CAUSE_LOAD_ACCESS &&
		payload_last_trap.tval == addr,
		"load from %s (%#lx): access fault inside the TVM (cause %lu)", what, addr,
		payload_last_trap.cause);
	payload_expect_traps(true);
	payload_write64(addr, 0xbad0bad0bad0bad0UL);
	ktap_ok(payload_last_trap.count == 1 && payload_last_trap.cause == CAUSE_STORE_ACCESS &&
		payload_last_trap.tval == addr,
		"store to %s (%#lx): access fault inside the TVM (cause %lu)", what, addr,
		payload_last_trap.cause);
	payload_expect_traps(false);
}

int guest_outside(void)
{
	unsigned long e20, e21, e23;

	ktap_start(5);
	e20 = guest_exits(CAUSE_INSN_GUEST_PAGE_FAULT);
	e21 = guest_exits(CAUSE_LOAD_GUEST_PAGE_FAULT);
	e23 = guest_exits(CAUSE_STORE_GUEST_PAGE_FAULT);
	probe_faults(GUEST_GPA_BASE + GUEST_REGION_SIZE, "just past its region");
	probe_faults(UART_PA, "the host's UART");
	ktap_ok(guest_exits(CAUSE_INSN_GUEST_PAGE_FAULT) == e20 &&
		guest_exits(CAUSE_LOAD_GUEST_PAGE_FAULT) == e21 &&
		guest_exits(CAUSE_STORE_GUEST_PAGE_FAULT) == e23,
		"no guest-page fault reached the host");
	return ktap_finish();
}

int guest_hostmem(void)
{
	unsigned long pa;

	ktap_start(3);
	pa = arg(VMM_ARG_PEER_PA);
	ktap_ok(pa && (pa < GUEST_GPA_BASE || pa >= GUEST_GPA_BASE + GUEST_REGION_SIZE),
		"the host page %#lx lies outside the guest's region", pa);
	probe_faults(pa, "host RAM's address");
	return ktap_finish();
}

int guest_peer(void)
{
	unsigned long seed = arg(VMM_ARG_PEER_SEED), other = arg(VMM_ARG_OTHER_SEED);
	unsigned long pa = arg(VMM_ARG_PEER_PA), v;

	ktap_start(pa ? 5 : 2);
	v = payload_read64(GUEST_ZERO_GPA);
	ktap_eq(v, 0, "its page at %#lx starts zero (the other TVM wrote %#lx there)",
		(unsigned long)GUEST_ZERO_GPA, other);
	payload_write64(GUEST_ZERO_GPA, seed);
	ktap_eq(payload_read64(GUEST_ZERO_GPA), seed, "and holds its own value");
	if (pa)
		probe_faults(pa, "the other TVM's page");
	if (pa)
		ktap_ok(payload_read64(GUEST_ZERO_GPA) == seed,
			"its own page is unchanged");
	return ktap_finish();
}
