// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * tools/bench tsm: instructions for convert_pages + initiate_fence +
 * local_fence + reclaim_pages over 1, 64 and 4096 pages, to show how the
 * cost grows.  Each size runs once as a warm-up, then is measured; every
 * cycle splits the host's 2 MiB leaves it touches and reclaim merges them
 * back, so both are in the count.
 */

#include "payload.h"

#define AREA	0x81000000UL	/* 16 MiB of host memory */

static inline unsigned long instret(void)
{
	unsigned long v;

	__asm__ __volatile__("rdinstret %0" : "=r"(v));
	return v;
}

static long cycle(unsigned long pages)
{
	long err = sbi_covh_convert_pages(AREA, pages).error;

	err |= sbi_covh_initiate_fence().error;
	err |= sbi_covh_local_fence().error;
	err |= sbi_covh_reclaim_pages(AREA, pages).error;
	return err;
}

int payload_main(unsigned long hartid, unsigned long fdt)
{
	static const unsigned long sizes[] = { 1, 64, 4096 };

	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned long start, end;
		long err = cycle(sizes[i]);	/* warm up */

		start = instret();
		err |= cycle(sizes[i]);
		end = instret();
		if (err) {
			payload_printf("bench: convert cycle of %lu pages failed: %ld\n",
				       sizes[i], err);
			return 1;
		}
		payload_printf("bench: convert_fence_reclaim_%lu %lu instructions\n",
			       sizes[i], end - start);
	}
	return 0;
}
