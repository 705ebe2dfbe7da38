// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Not a suite: tools/tests/test_reset_shutdown.py boots it in a QEMU that
 * pauses on shutdown and reads the former TVM range through the monitor.
 * It builds a TVM with a pattern, says where and what it planted, and
 * asks for an SRST shutdown.
 */

#include "ktap.h"
#include "payload.h"
#include "reset_scrub_tvm.h"
#include "sbi_cove_types.h"

int payload_main(unsigned long hartid, unsigned long fdt)
{
	unsigned long planted = 0;
	bool built = rs_build_tvm(&planted);
	struct sbiret ret;

	ktap_diag("reset-scrub: tvm %#lx-%#lx built %d planted-sum %lu",
		  RS_TVM_BASE, RS_TVM_BASE + RS_TVM_PAGES * PAGE_SIZE, built,
		  planted);
	ret = sbi_srst_system_reset(SBI_SRST_RESET_TYPE_SHUTDOWN,
				    SBI_SRST_RESET_REASON_NONE);
	ktap_diag("reset-scrub: SRST shutdown returned %ld", ret.error);
	return 1;
}
