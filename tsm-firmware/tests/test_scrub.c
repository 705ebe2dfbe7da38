// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Host unit tests of the scrub before a reset: every tracked page that is
 * not HOST reads as zeros afterwards, HOST pages and untracked memory
 * keep every byte, page states do not change, and the TVM slots are
 * wiped without touching their neighbours.  Built without the TSM's
 * globals: the scrub works only on what it is given.
 */

#include "autoconf.h"
#include "tsm/scrub.h"
#include "unit.h"

#define RANGE0_PAGES	12
#define GAP_PAGES	2
#define RANGE1_PAGES	7
#define ALL_PAGES	(RANGE0_PAGES + GAP_PAGES + RANGE1_PAGES)
#define FILL		0xa5

static uint8_t ram[ALL_PAGES * PAGE_SIZE] __attribute__((aligned(4096)));
static struct page_info info[RANGE0_PAGES + RANGE1_PAGES];

static bool page_is(unsigned long page, uint8_t byte)
{
	for (unsigned long i = 0; i < PAGE_SIZE; i++)
		if (ram[page * PAGE_SIZE + i] != byte)
			return false;
	return true;
}

/* The tracker index of RAM page n, or -1 for a page in the gap. */
static long tracked(unsigned long n)
{
	if (n < RANGE0_PAGES)
		return (long)n;
	if (n < RANGE0_PAGES + GAP_PAGES)
		return -1;
	return (long)(n - GAP_PAGES);
}

static void setup(struct page_tracker *pt)
{
	memset(ram, FILL, sizeof(ram));
	pt->pages = info;
	pt->capacity = (sizeof(info) / sizeof(info[0]));
	pt->nr_ranges = 2;
	pt->ranges[0].base = (uint64_t)(uintptr_t)ram;
	pt->ranges[0].first = 0;
	pt->ranges[0].count = RANGE0_PAGES;
	pt->ranges[1].base = (uint64_t)(uintptr_t)ram +
			     (RANGE0_PAGES + GAP_PAGES) * PAGE_SIZE;
	pt->ranges[1].first = RANGE0_PAGES;
	pt->ranges[1].count = RANGE1_PAGES;
	pt->count = RANGE0_PAGES + RANGE1_PAGES;
	/* Every state, in a pattern that puts HOST between the others. */
	for (unsigned long i = 0; i < pt->count; i++)
		info[i] = (struct page_info){
			.state = (uint8_t)(i % TSM_PAGE_STATE_COUNT),
			.tvm = (uint8_t)(i % 3),
		};
}

static void test_scrub_pages(void)
{
	struct page_tracker pt;
	unsigned long want = 0, zero_ok = 0, kept_ok = 0, nonhost = 0, host = 0;
	bool states_kept = true;
	unsigned long zeroed;

	setup(&pt);
	for (unsigned long i = 0; i < pt.count; i++)
		want += info[i].state != TSM_PAGE_HOST;
	zeroed = scrub_pages(&pt);
	CHECK_EQ(zeroed, want, "scrub_pages counts every non-HOST page");

	for (unsigned long n = 0; n < ALL_PAGES; n++) {
		long t = tracked(n);

		if (t >= 0 && info[t].state != TSM_PAGE_HOST) {
			nonhost++;
			zero_ok += page_is(n, 0);
		} else {
			host++;
			kept_ok += page_is(n, FILL);
		}
	}
	CHECK(nonhost > 0 && zero_ok == nonhost,
	      "every non-HOST page is all zeros (%lu of %lu)", zero_ok, nonhost);
	CHECK(host > GAP_PAGES && kept_ok == host,
	      "HOST pages and untracked pages keep every byte (%lu of %lu)",
	      kept_ok, host);
	for (unsigned long i = 0; i < pt.count; i++)
		if (info[i].state != i % TSM_PAGE_STATE_COUNT)
			states_kept = false;
	CHECK(states_kept, "page states are left as they were");
	for (unsigned int s = 1; s < TSM_PAGE_STATE_COUNT; s++) {
		bool ok = false;

		for (unsigned long n = 0; n < ALL_PAGES; n++)
			if (tracked(n) >= 0 && info[tracked(n)].state == s)
				ok = page_is(n, 0);
		CHECK(ok, "a %s page is scrubbed", tsm_page_state_names[s]);
	}
}

static void test_all_host(void)
{
	struct page_tracker pt;

	setup(&pt);
	for (unsigned long i = 0; i < pt.count; i++)
		info[i].state = TSM_PAGE_HOST;
	CHECK_EQ(scrub_pages(&pt), 0, "nothing converted: nothing scrubbed");
	CHECK(page_is(0, FILL) && page_is(ALL_PAGES - 1, FILL),
	      "and the host's memory is untouched");
	pt.nr_ranges = 0;
	pt.count = 0;
	CHECK_EQ(scrub_pages(&pt), 0, "an empty tracker (panic before boot ends)");
}

static void test_tvm_slots(void)
{
	struct {
		uint8_t before[64];
		struct tvm tvms[CONFIG_TSM_MAX_TVMS];
		uint8_t after[64];
	} s;
	struct page_tracker pt;
	bool slots_zero = true, guards = true;
	const uint8_t *b = (const uint8_t *)s.tvms;
	unsigned long want = 0;

	setup(&pt);
	for (unsigned long i = 0; i < pt.count; i++)
		want += info[i].state != TSM_PAGE_HOST;
	memset(&s, 0x5a, sizeof(s));
	for (unsigned int i = 0; i < CONFIG_TSM_MAX_TVMS; i++) {
		s.tvms[i].in_use = true;
		memset(s.tvms[i].measurement, 0xee, sizeof(s.tvms[i].measurement));
		memset(s.tvms[i].identity, 0x77, sizeof(s.tvms[i].identity));
		s.tvms[i].entry_sepc = 0x80000000UL + i;
	}
	CHECK_EQ(scrub_for_reset(&pt, s.tvms, CONFIG_TSM_MAX_TVMS), want,
		 "scrub_for_reset scrubs the pages too");
	for (size_t i = 0; i < sizeof(s.tvms); i++)
		if (b[i])
			slots_zero = false;
	for (size_t i = 0; i < sizeof(s.before); i++)
		if (s.before[i] != 0x5a || s.after[i] != 0x5a)
			guards = false;
	CHECK(slots_zero, "every TVM slot (measurement, identity, entry) is zeroed");
	CHECK(guards, "the bytes around the slots are not");
}

static void test_scrub_bytes(void)
{
	uint8_t buf[19];

	memset(buf, 0xff, sizeof(buf));
	scrub_bytes(buf + 1, 17);
	CHECK(buf[0] == 0xff && buf[18] == 0xff && buf[1] == 0 && buf[17] == 0,
	      "scrub_bytes zeroes exactly what it is given");
}

int main(int argc, char **argv)
{
	unit_init(argc, argv);
	test_scrub_pages();
	test_all_host();
	test_tvm_slots();
	test_scrub_bytes();
	return unit_done();
}
