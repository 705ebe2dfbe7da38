// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Host unit tests of the global fence's bookkeeping (src/covh/fence.c)
 * with two online harts: a converting page becomes CONFIDENTIAL only
 * after each online hart's local_fence, and harts that leave or join
 * change who a fence waits for.
 */

#include "cove_handlers.h"
#include "src/covh/internal.h"
#include "tsm/tsm.h"
#include "unit.h"

#define NPAGES	16

extern unsigned int arch_stub_hart;	/* arch_stub.c */

static struct tsm tsm;
static struct page_info page_array[NPAGES];

static void reset(uint64_t online)
{
	memset(&tsm, 0, sizeof(tsm));
	tsm.host_mem.nr_ranges = 1;
	tsm.host_mem.ranges[0].base = 0x80000000;
	tsm.host_mem.ranges[0].size = NPAGES * PAGE_SIZE;
	pages_init(&tsm.pages, &tsm.host_mem, page_array, NPAGES);
	tsm.fence.first = ~0UL;
	for (unsigned int i = 0; i < 64; i++)
		if (online & (1ULL << i))
			fence_hart_join(&tsm.fence, i);
}

/* What convert_pages does to the tracker, without the G-stage. */
static void converting(unsigned long i)
{
	fence_add_converting(&tsm.fence, &tsm.pages.pages[i], i);
	page_set_state(&tsm.pages.pages[i], TSM_PAGE_CONVERTING, SBI_EXT_COVH,
		       SBI_EXT_COVH_CONVERT_PAGES);
}

static int state(unsigned long i)
{
	return tsm.pages.pages[i].state;
}

static long local_fence(unsigned int hart)
{
	arch_stub_hart = hart;
	return covh_local_fence(&tsm).error;
}

static void test_two_harts(void)
{
	reset(0x3);
	converting(2);
	CHECK_EQ(covh_initiate_fence(&tsm).error, 0, "initiate_fence");
	CHECK_EQ(local_fence(0), 0, "hart 0's local_fence");
	CHECK_EQ(state(2), TSM_PAGE_CONVERTING,
		 "after hart 0 alone: still CONVERTING");
	CHECK_EQ(local_fence(0), SBI_ERR_FAILED,
		 "hart 0 again: nothing left for it");
	CHECK_EQ(local_fence(1), 0, "hart 1's local_fence");
	CHECK_EQ(state(2), TSM_PAGE_CONFIDENTIAL, "after both: CONFIDENTIAL");
	CHECK_EQ(local_fence(1), SBI_ERR_FAILED, "no fence in progress");
	CHECK_EQ(local_fence(2), SBI_ERR_FAILED, "an offline hart takes no part");
}

static void test_leave_completes(void)
{
	reset(0x3);
	converting(4);
	covh_initiate_fence(&tsm);
	local_fence(0);
	fence_hart_leave(&tsm, 1);
	CHECK_EQ(state(4), TSM_PAGE_CONFIDENTIAL,
		 "hart 1 stops mid-fence: the fence completes without it");
	CHECK_EQ(tsm.fence.online, 0x1, "hart 1 is no longer online");
	CHECK(!tsm.fence.in_progress, "no fence in progress");

	/* Leaving before its own local_fence while hart 0 has not fenced. */
	reset(0x3);
	converting(5);
	covh_initiate_fence(&tsm);
	fence_hart_leave(&tsm, 1);
	CHECK_EQ(state(5), TSM_PAGE_CONVERTING, "hart 0 still owes its fence");
	CHECK_EQ(local_fence(0), 0, "hart 0's local_fence");
	CHECK_EQ(state(5), TSM_PAGE_CONFIDENTIAL, "then it completes");
	fence_hart_leave(&tsm, 1);
	CHECK_EQ(tsm.fence.online, 0x1, "leaving twice is harmless");
}

static void test_join(void)
{
	reset(0x1);
	converting(6);
	covh_initiate_fence(&tsm);
	fence_hart_join(&tsm.fence, 1);
	CHECK_EQ(local_fence(1), SBI_ERR_FAILED,
		 "a hart that joined mid-fence is not waited for (it flushed)");
	CHECK_EQ(local_fence(0), 0, "hart 0's local_fence");
	CHECK_EQ(state(6), TSM_PAGE_CONFIDENTIAL, "completes on hart 0 alone");

	converting(7);
	covh_initiate_fence(&tsm);
	CHECK_EQ(local_fence(0), 0, "next fence: hart 0");
	CHECK_EQ(state(7), TSM_PAGE_CONVERTING, "it waits for the joined hart");
	CHECK_EQ(local_fence(1), 0, "hart 1");
	CHECK_EQ(state(7), TSM_PAGE_CONFIDENTIAL, "then completes");
}

static void test_late_conversion(void)
{
	reset(0x3);
	converting(8);
	covh_initiate_fence(&tsm);
	local_fence(0);
	converting(9);	/* after the fence started: the next one's */
	local_fence(1);
	CHECK_EQ(state(8), TSM_PAGE_CONFIDENTIAL, "converted before: CONFIDENTIAL");
	CHECK_EQ(state(9), TSM_PAGE_CONVERTING, "converted during: waits");
	covh_initiate_fence(&tsm);
	local_fence(1);
	local_fence(0);
	CHECK_EQ(state(9), TSM_PAGE_CONFIDENTIAL, "after the next fence");
}

int main(void)
{
	test_two_harts();
	test_leave_completes();
	test_join();
	test_late_conversion();
	return unit_done();
}
