// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * tools/bench tsm: instructions per call from VS-mode (the host), for a
 * call the TSM answers and for one it forwards to OpenSBI.  Run under
 * -icount so the counts repeat exactly.
 */

#include "payload.h"

#define CALLS	64

static inline unsigned long instret(void)
{
	unsigned long v;

	__asm__ __volatile__("rdinstret %0" : "=r"(v));
	return v;
}

static void measure(const char *what, struct sbiret (*call)(void))
{
	unsigned long start, end;

	call();	/* warm up */
	start = instret();
	for (unsigned int i = 0; i < CALLS; i++)
		call();
	end = instret();
	payload_printf("bench: %s %lu instructions\n", what, (end - start) / CALLS);
}

/* The cheapest COVH call: no arguments, nothing to do yet. */
static struct sbiret null_covh(void)
{
	return sbi_covh_local_fence();
}

static struct sbiret forwarded_base(void)
{
	return sbi_base_get_spec_version();
}

int payload_main(unsigned long hartid, unsigned long fdt)
{
	measure("vs_null_covh", null_covh);
	measure("vs_base_forwarded", forwarded_base);
	return 0;
}
