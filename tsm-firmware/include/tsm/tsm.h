/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* The TSM's global state, set up once at boot. */
#ifndef __TSM_TSM_H__
#define __TSM_TSM_H__

#include <stdbool.h>

#include "tsm/gstage.h"
#include "tsm/memory.h"
#include "tsm/platform.h"

/**
 * struct tsm - What the TSM knows and owns.
 * @plat:	The machine, from the FDT.
 * @image:	The TSM's own memory (code, data, stacks, page tables).
 * @host_mem:	Memory the host owns and may name in calls.
 * @host_gstage:	The host's G-stage table.
 * @fdt_addr:	The FDT's address, passed on to the host.
 * @trace:	Print every host call ("tsm.trace" in bootargs, or Kconfig).
 */
struct tsm {
	struct platform plat;
	struct mem_range image;
	struct host_memory host_mem;
	struct gstage_pool host_gstage;
	unsigned long fdt_addr;
	bool trace;
};

extern struct tsm tsm;

#endif /* __TSM_TSM_H__ */
