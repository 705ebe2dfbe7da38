// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Resets and stops.  Single hart: no other hart can touch confidential
 * memory while it is scrubbed (with SMP, the others stop first).
 */

#include "covekit/sifive_test.h"
#include "sbi_cove_types.h"
#include "tsm/console.h"
#include "tsm/reset.h"
#include "tsm/sbi_call.h"
#include "tsm/scrub.h"
#include "tsm/global.h"

void reset_scrub(void)
{
	static bool started;
	unsigned long pages;

	if (started)
		return;
	started = true;
	pages = scrub_for_reset(&tsm.pages, tsm.tvms, CONFIG_TSM_MAX_TVMS);
	if (tsm.trace)
		tsm_printf("tsm: scrubbed %lu confidential pages\n", pages);
}

static void __attribute__((noreturn)) wait_forever(void)
{
	for (;;)
		__asm__ __volatile__("wfi");
}

void reset_test_fail(void)
{
	for (unsigned int i = 0; i < tsm.plat.nr_devices; i++) {
		if (tsm.plat.devices[i].kind != DEVICE_TEST)
			continue;
		*(volatile unsigned int *)(unsigned long)
			tsm.plat.devices[i].range.base = SIFIVE_TEST_FAIL(1);
		/*
		 * QEMU acts on the write later, from its main loop: a
		 * shutdown through OpenSBI now would overwrite the status
		 * with 0.  Nothing more to do but wait.
		 */
		wait_forever();
	}
}

void reset_system(unsigned long eid, unsigned long fid,
		  const unsigned long args[6])
{
	struct sbiret ret;

	reset_scrub();
	/*
	 * OpenSBI powers QEMU off with status 0 whatever the reason; the
	 * test device keeps a failure visible to whoever runs QEMU.
	 */
	if (args[0] == SBI_SRST_RESET_TYPE_SHUTDOWN &&
	    args[1] == SBI_SRST_RESET_REASON_SYSTEM_FAILURE)
		reset_test_fail();
	ret = sbi_call(eid, fid, args);
	tsm_panic("OpenSBI refused system_reset(%lu, %lu): error %ld",
		  args[0], args[1], ret.error);
}

void reset_stop(void)
{
	reset_test_fail();
	/* Power off, never reboot: a stop must not start a new boot. */
	sbi_call(SBI_EXT_SRST, SBI_EXT_SRST_SYSTEM_RESET,
		 (const unsigned long[6]){ SBI_SRST_RESET_TYPE_SHUTDOWN,
					   SBI_SRST_RESET_REASON_SYSTEM_FAILURE });
	wait_forever();
}
