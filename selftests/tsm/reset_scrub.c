// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Confidential memory does not survive a reset the host causes.  QEMU
 * keeps RAM across an SRST reboot and runs OpenSBI, the TSM and this
 * payload again, so the suite spans boots, its state in a fixed page of
 * host memory outside the payload image, QEMU's FDT and the host's:
 *
 *   boot 1: build a TVM with a pattern; SRST warm reboot.
 *   boot 2: the former TVM range must be all zeros; plant again; SRST
 *           cold reboot.
 *   boot 3: all zeros again; a store to the test device must fault (not
 *           mapped for the host) and not reset; report everything.
 *
 * Only the last boot prints the KTAP plan and results: a boot that never
 * comes leaves no plan, and the runner reports a crash.
 */

#include "ktap.h"
#include "payload.h"
#include "reset_scrub_tvm.h"
#include "sbi_cove_types.h"

/*
 * Below QEMU's FDT and the host's (at the top of 256 MiB of RAM),
 * well above the payload (0x80400000) and the TVM range.
 */
#define STATE_ADDR	0x87f00000UL
/* Each QEMU run starts with zeroed RAM; this value does not occur there. */
#define STATE_MAGIC	0x5ce2b5c0fa11ed17ULL

#define TEST_DEVICE	0x100000UL
#define TEST_RESET	0x7777U		/* sifive,test1: reset the machine */
#define CAUSE_STORE_ACCESS	7
#define SBI_LEGACY_SHUTDOWN	0x08UL		/* SBI v0.1 sbi_shutdown() */
#define SBI_EXT_SUSP_ID		0x53555350UL	/* "SUSP", system_suspend = 0 */

enum { PROBE_NONE, PROBE_STARTED };

struct reset_state {
	uint64_t magic;
	uint32_t boots;			/* boots that finished their part */
	uint32_t probe;			/* PROBE_STARTED: the store came next */
	uint64_t tvm_base, tvm_pages;
	uint64_t built[2];		/* boots 1, 2: the TVM was built */
	uint64_t planted[2];		/* their pattern sums */
	int64_t reboot_err[2];		/* SRST's error, had it returned */
	struct rs_scan found[2];	/* boots 2, 3: what the scan found */
};

static volatile struct reset_state *const state =
	(volatile struct reset_state *)STATE_ADDR;

static void plant_and_reboot(unsigned int boot, unsigned long type,
			     const char *how)
{
	unsigned long planted = 0;
	struct sbiret ret;

	state->built[boot - 1] = rs_build_tvm(&planted);
	state->planted[boot - 1] = planted;
	state->tvm_base = RS_TVM_BASE;
	state->tvm_pages = RS_TVM_PAGES;
	state->boots = boot;
	ktap_diag("boot %u: TVM at %#lx-%#lx %s (pattern sum %lu); SRST %s",
		  boot, RS_TVM_BASE, RS_TVM_BASE + RS_TVM_PAGES * PAGE_SIZE,
		  state->built[boot - 1] ? "built" : "NOT built", planted, how);
	ret = sbi_srst_system_reset(type, SBI_SRST_RESET_REASON_NONE);
	/* Still here: the last boot's report says so. */
	state->reboot_err[boot - 1] = ret.error ? ret.error : -1000;
	ktap_diag("SRST %s returned %ld", how, ret.error);
}

static void scan(unsigned int boot)
{
	struct rs_scan s = rs_scan_range();

	state->found[boot - 2].nonzero = s.nonzero;
	state->found[boot - 2].pattern = s.pattern;
	ktap_diag("boot %u: %lu non-zero bytes in the former TVM range, "
		  "%lu of %lu planted bytes in place", boot, s.nonzero,
		  s.pattern, PAGE_SIZE);
}

static struct payload_trap probe_trap;

static void probe_test_device(void)
{
	state->probe = PROBE_STARTED;
	payload_expect_traps(true);
	*(volatile uint32_t *)TEST_DEVICE = TEST_RESET;
	probe_trap.count = payload_last_trap.count;
	probe_trap.cause = payload_last_trap.cause;
	probe_trap.tval = payload_last_trap.tval;
	payload_expect_traps(false);
	state->probe = PROBE_NONE;
}

static void report_reboot(unsigned int boot, const char *how)
{
	unsigned int i = boot - 1;

	ktap_ok(state->built[i], "boot %u: TVM built with a %lu-byte pattern "
		"(sum %lu)", boot, PAGE_SIZE, (unsigned long)state->planted[i]);
	if (state->reboot_err[i])
		ktap_diag("SRST %s returned %ld", how,
			  (long)state->reboot_err[i]);
	ktap_ok(!state->reboot_err[i] && state->boots > boot,
		"boot %u: SRST %s reached boot %u", boot, how, boot + 1);
}

static void report_scan(unsigned int boot, const char *after)
{
	const volatile struct rs_scan *s = &state->found[boot - 2];

	if (s->nonzero)
		ktap_diag("%lu non-zero bytes, %lu planted bytes found",
			  (unsigned long)s->nonzero, (unsigned long)s->pattern);
	ktap_ok(state->boots >= boot && !s->nonzero,
		"boot %u: every byte of the former TVM range is zero after a %s",
		boot, after);
}

/* An SBI call without a generated stub: the error in a0. */
static long raw_ecall(unsigned long eid, unsigned long fid)
{
	register unsigned long a0 __asm__("a0") = 0;
	register unsigned long a1 __asm__("a1") = 0;
	register unsigned long a6 __asm__("a6") = fid;
	register unsigned long a7 __asm__("a7") = eid;

	__asm__ __volatile__("ecall" : "+r"(a0), "+r"(a1) : "r"(a6), "r"(a7)
			     : "memory");
	return (long)a0;
}

static void report(bool probed_reset)
{
	ktap_start(14);
	report_reboot(1, "warm reboot");
	report_scan(2, "warm reboot");
	report_reboot(2, "cold reboot");
	report_scan(3, "cold reboot");
	ktap_ok(!probed_reset && probe_trap.count == 1 &&
		probe_trap.cause == CAUSE_STORE_ACCESS &&
		probe_trap.tval == TEST_DEVICE,
		"a store to the test device: store access fault at its address");
	ktap_ok(!probed_reset, "and the machine was not reset by it");
	ktap_sbi_err(sbi_srst_system_reset(3, 0).error, SBI_ERR_INVALID_PARAM,
		     "SRST.system_reset", "reserved reset type 3: INVALID_PARAM");
	ktap_sbi_err(sbi_srst_system_reset(0xf0000000UL, 0).error,
		     SBI_ERR_INVALID_PARAM, "SRST.system_reset",
		     "vendor reset type (none implemented): INVALID_PARAM");
	ktap_sbi_err(sbi_srst_system_reset(SBI_SRST_RESET_TYPE_COLD_REBOOT, 2).error,
		     SBI_ERR_INVALID_PARAM, "SRST.system_reset",
		     "reserved reset reason 2: INVALID_PARAM");
	ktap_sbi_err(sbi_srst_system_reset(SBI_SRST_RESET_TYPE_SHUTDOWN,
					   0xe0000000UL).error,
		     SBI_ERR_INVALID_PARAM, "SRST.system_reset",
		     "implementation-specific reason (none): INVALID_PARAM");
	ktap_eq(raw_ecall(SBI_LEGACY_SHUTDOWN, 0), SBI_ERR_NOT_SUPPORTED,
		"legacy SBI shutdown (EID 0x08) is not forwarded: NOT_SUPPORTED");
	ktap_eq(raw_ecall(SBI_EXT_SUSP_ID, 0), SBI_ERR_NOT_SUPPORTED,
		"SUSP system_suspend is not forwarded: NOT_SUPPORTED");
	/* No state for a later QEMU run or boot to mistake for its own. */
	for (unsigned long off = 0; off < sizeof(*state); off += 8)
		payload_write64(STATE_ADDR + off, 0);
}

int payload_main(unsigned long hartid, unsigned long fdt)
{
	bool resumed = state->magic == STATE_MAGIC;

	if (!resumed) {
		for (unsigned long off = 0; off < sizeof(*state); off += 8)
			payload_write64(STATE_ADDR + off, 0);
		state->magic = STATE_MAGIC;
		plant_and_reboot(1, SBI_SRST_RESET_TYPE_WARM_REBOOT, "warm reboot");
	} else if (state->boots == 1) {
		scan(2);
		plant_and_reboot(2, SBI_SRST_RESET_TYPE_COLD_REBOOT, "cold reboot");
	} else if (state->boots == 2) {
		scan(3);
		state->boots = 3;
		probe_test_device();
	} else if (state->probe != PROBE_STARTED) {
		ktap_diag("unexpected boot after %u boots",
			  (unsigned int)state->boots);
	}
	/* Here after boot 3, or after a boot that did not happen. */
	report(resumed && state->probe == PROBE_STARTED);
	return ktap_finish();
}
