// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Host unit tests of host_memory: RAM less reserved regions and the TSM. */

#include "tsm/host_memory.h"
#include "unit.h"

#define MiB	(1ULL << 20)

static struct platform virt(void)
{
	struct platform p = { 0 };

	p.ram[p.nr_ram++] = (struct mem_range){ 0x80000000, 256 * MiB };
	/* OpenSBI 1.5 on QEMU virt: two regions at the start of RAM */
	p.reserved[p.nr_reserved++] = (struct mem_range){ 0x80000000, 0x40000 };
	p.reserved[p.nr_reserved++] = (struct mem_range){ 0x80040000, 0x20000 };
	return p;
}

static void check_ranges(const struct host_memory *hm,
			 const struct mem_range *want, unsigned int n,
			 const char *what)
{
	bool same = hm->nr_ranges == n;

	for (unsigned int i = 0; same && i < n; i++)
		same = hm->ranges[i].base == want[i].base &&
		       hm->ranges[i].size == want[i].size;
	if (!CHECK(same, "%s", what))
		for (unsigned int i = 0; i < hm->nr_ranges; i++)
			printf("# got %#" PRIx64 "+%#" PRIx64 "\n",
			       hm->ranges[i].base, hm->ranges[i].size);
}

static void test_virt(void)
{
	struct platform p = virt();
	struct host_memory hm;
	const struct mem_range tsm = { 0x80200000, 0x58000 };
	const struct mem_range want[] = {
		{ 0x80060000, 0x1a0000 },
		{ 0x80258000, 0x90000000 - 0x80258000 },
	};

	CHECK_EQ(host_memory_init(&hm, &p, tsm), 0, "virt: init succeeds");
	check_ranges(&hm, want, 2, "virt: RAM less OpenSBI and the TSM");
	CHECK(host_memory_owns(&hm, 0x80400000, 4096), "a page above the TSM is the host's");
	CHECK(host_memory_owns(&hm, 0x80060000, 0x1a0000), "the whole low range is the host's");
	CHECK(!host_memory_owns(&hm, 0x80060000, 0x1a0001), "one byte more is not");
	CHECK(!host_memory_owns(&hm, 0x80000000, 8), "OpenSBI's memory is not the host's");
	CHECK(!host_memory_owns(&hm, 0x80200000, 8), "the TSM's memory is not the host's");
	CHECK(!host_memory_owns(&hm, 0x80257ff8, 16), "straddling out of the TSM: no");
	CHECK(!host_memory_owns(&hm, 0x8fffffff, 2), "straddling the end of RAM: no");
	CHECK(!host_memory_owns(&hm, 0xfffffffffffff000ULL, 0x2000), "a wrapping range: no");
}

static void test_rounding(void)
{
	struct platform p = { 0 };
	struct host_memory hm;
	const struct mem_range none = { 0, 0 };
	const struct mem_range want[] = {
		{ 0x80001000, 0x1000 },
		{ 0x80004000, 0x80010000 - 0x80004000 },
	};

	/* Unaligned RAM shrinks to whole pages; a reserved range grows. */
	p.ram[p.nr_ram++] = (struct mem_range){ 0x80000800, 0xf800 };
	p.reserved[p.nr_reserved++] = (struct mem_range){ 0x80002010, 0x1000 };
	CHECK_EQ(host_memory_init(&hm, &p, none), 0, "rounding: init succeeds");
	check_ranges(&hm, want, 2, "whole pages only, around a rounded-out hole");
}

static void test_two_banks_and_outside(void)
{
	struct platform p = { 0 };
	struct host_memory hm;
	const struct mem_range tsm = { 0x100000000ULL, 0x10000 };
	const struct mem_range want[] = {
		{ 0x80000000, 0x100000 },
		{ 0x100010000ULL, 0xf0000 },
	};

	p.ram[p.nr_ram++] = (struct mem_range){ 0x80000000, 0x100000 };
	p.ram[p.nr_ram++] = (struct mem_range){ 0x100000000ULL, 0x100000 };
	p.reserved[p.nr_reserved++] = (struct mem_range){ 0x10000000, 0x1000 };
	CHECK_EQ(host_memory_init(&hm, &p, tsm), 0, "two banks: init succeeds");
	check_ranges(&hm, want, 2,
		     "a reserved range outside RAM changes nothing; the TSM cuts bank 2");
}

static void test_too_many_holes(void)
{
	struct platform p = { 0 };
	struct host_memory hm;
	const struct mem_range none = { 0, 0 };

	p.ram[p.nr_ram++] = (struct mem_range){ 0x80000000, 256 * MiB };
	for (unsigned int i = 0; i < PLATFORM_MAX_RESERVED; i++)
		p.reserved[p.nr_reserved++] =
			(struct mem_range){ 0x80100000ULL + i * 0x100000, 0x1000 };
	CHECK_EQ(host_memory_init(&hm, &p, none), 0,
		 "%u holes still fit", PLATFORM_MAX_RESERVED);
	CHECK_EQ(hm.nr_ranges, PLATFORM_MAX_RESERVED + 1, "and make %u ranges",
		 PLATFORM_MAX_RESERVED + 1);
	p.ram[0].size = 16 * MiB;
	p.ram[p.nr_ram++] = (struct mem_range){ 0x90000000ULL, 256 * MiB };
	for (unsigned int i = 0; i < PLATFORM_MAX_RAM - 2; i++)
		p.ram[p.nr_ram++] = (struct mem_range){ 0xa0000000ULL + i * 0x10000000ULL,
							0x1000000 };
	CHECK_EQ(host_memory_init(&hm, &p, (struct mem_range){ 0x98000000, 0x1000 }), 0,
		 "every bank and hole at once fits the array");
}

int main(int argc, char **argv)
{
	unit_init(argc, argv);
	test_virt();
	test_rounding();
	test_two_banks_and_outside();
	test_too_many_holes();
	return unit_done();
}
