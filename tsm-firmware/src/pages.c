// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The page tracker: one struct page_info per page the host owned at boot. */

#include "tsm/pages.h"

void pages_init(struct page_tracker *pt, const struct host_memory *hm,
		struct page_info *array, unsigned long capacity)
{
	unsigned long next = 0;

	pt->pages = array;
	pt->capacity = capacity;
	pt->nr_ranges = 0;
	for (unsigned int i = 0; i < hm->nr_ranges && next < capacity; i++) {
		unsigned long count = hm->ranges[i].size >> PAGE_SHIFT;

		if (count > capacity - next)
			count = capacity - next;
		pt->ranges[pt->nr_ranges].base = hm->ranges[i].base;
		pt->ranges[pt->nr_ranges].first = next;
		pt->ranges[pt->nr_ranges].count = count;
		pt->nr_ranges++;
		for (unsigned long p = 0; p < count; p++)
			array[next + p] = (struct page_info){ .state = TSM_PAGE_HOST };
		next += count;
	}
	pt->count = next;
}

struct page_info *pages_lookup(const struct page_tracker *pt, uint64_t addr)
{
	for (unsigned int i = 0; i < pt->nr_ranges; i++) {
		uint64_t offset = addr - pt->ranges[i].base;

		if (addr >= pt->ranges[i].base &&
		    offset >> PAGE_SHIFT < pt->ranges[i].count)
			return &pt->pages[pt->ranges[i].first + (offset >> PAGE_SHIFT)];
	}
	return NULL;
}

long pages_check(const struct page_tracker *pt, uint64_t base, unsigned long n,
		 unsigned int state_mask, long wrong_state)
{
	long result = SBI_ERR_SUCCESS;

	if (base & (PAGE_SIZE - 1) || n > (UINT64_MAX - base) >> PAGE_SHIFT)
		return SBI_ERR_INVALID_ADDRESS;
	/* An address problem anywhere outranks a state problem. */
	for (unsigned long i = 0; i < n; i++) {
		const struct page_info *p = pages_lookup(pt, base + i * PAGE_SIZE);

		if (!p)
			return SBI_ERR_INVALID_ADDRESS;
		if (!(state_mask & PAGE_STATE_BIT(p->state)))
			result = wrong_state;
	}
	return result;
}

int page_set_state(struct page_info *p, enum tsm_page_state to,
		   unsigned long eid, unsigned long fid)
{
	if (!tsm_page_transition_allowed(p->state, to, eid, fid))
		return -1;
	p->state = to;
	return 0;
}

bool host_accessible(const struct host_memory *hm,
		     const struct page_tracker *pt, uint64_t base, uint64_t size)
{
	if (!host_memory_owns(hm, base, size))
		return false;
	if (!size)
		return true;
	for (uint64_t page = base & ~(PAGE_SIZE - 1); page < base + size;
	     page += PAGE_SIZE) {
		const struct page_info *p = pages_lookup(pt, page);

		if (p && p->state != TSM_PAGE_HOST)
			return false;
	}
	return true;
}
