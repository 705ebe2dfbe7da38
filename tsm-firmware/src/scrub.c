// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Scrub confidential memory before a reset or a stop.  Inputs come as
 * arguments (no globals) so the host unit tests can run it on their own
 * buffers.
 */

#include <stdint.h>

#include "tsm/scrub.h"

void scrub_bytes(void *p, size_t n)
{
	volatile uint8_t *b = p;

	/* Volatile: nothing reads these bytes again before the reset. */
	for (size_t i = 0; i < n; i++)
		b[i] = 0;
}

/* One page, 8 bytes a store: pages are 4 KiB aligned. */
static void scrub_page(uint64_t addr)
{
	volatile uint64_t *w = (volatile uint64_t *)(uintptr_t)addr;

	for (unsigned long i = 0; i < PAGE_SIZE / sizeof(*w); i++)
		w[i] = 0;
}

unsigned long scrub_pages(const struct page_tracker *pt)
{
	unsigned long zeroed = 0;

	for (unsigned int r = 0; r < pt->nr_ranges; r++) {
		const struct page_info *info = &pt->pages[pt->ranges[r].first];

		for (unsigned long i = 0; i < pt->ranges[r].count; i++) {
			if (info[i].state == TSM_PAGE_HOST)
				continue;
			scrub_page(pt->ranges[r].base + i * PAGE_SIZE);
			zeroed++;
		}
	}
	return zeroed;
}

unsigned long scrub_for_reset(const struct page_tracker *pt,
			      struct tvm *tvms, unsigned int nr)
{
	unsigned long zeroed = scrub_pages(pt);

	scrub_bytes(tvms, nr * sizeof(*tvms));
	return zeroed;
}
