// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Runner fixture: dies after one of three results (the machine resets). */

#include "ktap.h"
#include "payload.h"
#include "sbi_cove_types.h"

int payload_main(unsigned long hartid, unsigned long fdt)
{
	ktap_start(3);
	ktap_ok(true, "the only result");
	payload_printf("# powering off mid-suite\n");
	sbi_srst_system_reset(SBI_SRST_RESET_TYPE_SHUTDOWN,
			      SBI_SRST_RESET_REASON_NONE);
	return 0;
}
