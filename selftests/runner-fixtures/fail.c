// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Runner fixture: a suite with one failing test. */

#include "ktap.h"
#include "payload.h"

int payload_main(unsigned long hartid, unsigned long fdt)
{
	ktap_start(3);
	ktap_ok(true, "passes");
	ktap_ok(false, "fails on purpose");
	ktap_skip("nothing to do", "skips");
	return ktap_finish();
}
