/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The host's memory: RAM less what others own (OpenSBI's reserved
 * regions, the TSM's own image).  The G-stage maps exactly these ranges,
 * and an address the host passes in a call must lie inside one of them.
 */
#ifndef __TSM_HOST_MEMORY_H__
#define __TSM_HOST_MEMORY_H__

#include <stdbool.h>
#include <stdint.h>

#include "tsm/platform.h"

#define HOST_MAX_RANGES		(PLATFORM_MAX_RAM + PLATFORM_MAX_RESERVED + 1)

struct host_memory {
	struct mem_range ranges[HOST_MAX_RANGES];	/* sorted, disjoint */
	unsigned int nr_ranges;
};

/*
 * Compute the host's ranges: RAM minus every reserved range and minus
 * tsm_image, each cut rounded out to 4 KiB so the host gets whole pages.
 * 0, or -1 if the result has more ranges than fit.
 */
int host_memory_init(struct host_memory *hm, const struct platform *plat,
		     struct mem_range tsm_image);

/* Whether [base, base + size) lies wholly inside one host range. */
bool host_memory_owns(const struct host_memory *hm, uint64_t base,
		      uint64_t size);

#endif /* __TSM_HOST_MEMORY_H__ */
