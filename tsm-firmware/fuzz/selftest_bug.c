// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * covh_fuzz_selftest only: proves the invariants catch a broken TSM.  The
 * link wraps gstage_map_attr() and gstage_unmap() (-Wl,--wrap), so the
 * firmware's own calls land here; FUZZ_SELFTEST_BUG picks the bug:
 *   remap (default)  reclaim_pages leaves the page out of the host's
 *                    G-stage: a HOST page the host cannot reach
 *   unmap            convert_pages leaves the page mapped: a
 *                    confidential page the host can still write
 */

#include <stdlib.h>
#include <string.h>

#include "machine.h"

int __real_gstage_map_attr(struct gstage_pool *pool, uint64_t gpa,
			   uint64_t hpa, uint64_t size, unsigned int prot,
			   unsigned int pbmt);
int __real_gstage_unmap(struct gstage_pool *pool, uint64_t gpa, uint64_t size);
int __wrap_gstage_map_attr(struct gstage_pool *pool, uint64_t gpa,
			   uint64_t hpa, uint64_t size, unsigned int prot,
			   unsigned int pbmt);
int __wrap_gstage_unmap(struct gstage_pool *pool, uint64_t gpa, uint64_t size);

static bool bug(const char *name)
{
	const char *which = getenv("FUZZ_SELFTEST_BUG");

	return !strcmp(which && *which ? which : "remap", name);
}

int __wrap_gstage_map_attr(struct gstage_pool *pool, uint64_t gpa,
			   uint64_t hpa, uint64_t size, unsigned int prot,
			   unsigned int pbmt)
{
	/* Boot maps whole ranges and the UART; reclaim maps single pages. */
	if (pool == &tsm.host_gstage && size == FUZZ_PAGE &&
	    gpa != FUZZ_UART_BASE && bug("remap"))
		return 0;
	return __real_gstage_map_attr(pool, gpa, hpa, size, prot, pbmt);
}

int __wrap_gstage_unmap(struct gstage_pool *pool, uint64_t gpa, uint64_t size)
{
	if (pool == &tsm.host_gstage && bug("unmap"))
		return 0;
	return __real_gstage_unmap(pool, gpa, size);
}
