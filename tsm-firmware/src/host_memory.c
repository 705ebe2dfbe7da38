// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The host's memory: RAM less reserved regions and the TSM itself. */

#include "covekit/riscv_encoding.h"
#include "tsm/host_memory.h"

static uint64_t round_down(uint64_t v)
{
	return v & ~(PAGE_SIZE - 1);
}

static uint64_t round_up(uint64_t v)
{
	return round_down(v + PAGE_SIZE - 1);
}

/* Remove [base, end) from every range of hm; -1 if the ranges overflow. */
static int carve(struct host_memory *hm, uint64_t base, uint64_t end)
{
	base = round_down(base);
	end = round_up(end);
	for (unsigned int i = 0; i < hm->nr_ranges; i++) {
		struct mem_range *r = &hm->ranges[i];
		uint64_t r_end = r->base + r->size;

		if (end <= r->base || base >= r_end)
			continue;
		if (base > r->base && end < r_end) {
			/* A hole in the middle: split in two. */
			if (hm->nr_ranges == HOST_MAX_RANGES)
				return -1;
			for (unsigned int j = hm->nr_ranges; j > i + 1; j--)
				hm->ranges[j] = hm->ranges[j - 1];
			hm->nr_ranges++;
			hm->ranges[i + 1].base = end;
			hm->ranges[i + 1].size = r_end - end;
			r->size = base - r->base;
			i++;
		} else if (base > r->base) {
			r->size = base - r->base;
		} else if (end < r_end) {
			r->size = r_end - end;
			r->base = end;
		} else {
			r->size = 0;
		}
	}
	/* Drop emptied ranges, keeping the order. */
	unsigned int kept = 0;

	for (unsigned int i = 0; i < hm->nr_ranges; i++)
		if (hm->ranges[i].size)
			hm->ranges[kept++] = hm->ranges[i];
	hm->nr_ranges = kept;
	return 0;
}

int host_memory_init(struct host_memory *hm, const struct platform *plat,
		     struct mem_range tsm_image)
{
	hm->nr_ranges = 0;
	for (unsigned int i = 0; i < plat->nr_ram; i++) {
		uint64_t base = round_up(plat->ram[i].base);
		uint64_t end = round_down(plat->ram[i].base + plat->ram[i].size);

		if (end > base) {
			hm->ranges[hm->nr_ranges].base = base;
			hm->ranges[hm->nr_ranges].size = end - base;
			hm->nr_ranges++;
		}
	}
	for (unsigned int i = 0; i < plat->nr_reserved; i++) {
		const struct mem_range *r = &plat->reserved[i];

		if (carve(hm, r->base, r->base + r->size))
			return -1;
	}
	return carve(hm, tsm_image.base, tsm_image.base + tsm_image.size);
}

bool host_memory_owns(const struct host_memory *hm, uint64_t base,
		      uint64_t size)
{
	if (base + size < base)
		return false;
	for (unsigned int i = 0; i < hm->nr_ranges; i++) {
		const struct mem_range *r = &hm->ranges[i];

		if (base >= r->base && base + size <= r->base + r->size)
			return true;
	}
	return false;
}
