// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Host unit tests of the Sv39x4 G-stage tables.  The pool lives in this
 * process; table pointers become PPNs exactly as in the firmware.
 */

#include "covekit/riscv_encoding.h"
#include "tsm/gstage.h"
#include "unit.h"

static uint64_t root[2048] __attribute__((aligned(16384)));
static uint64_t pages[8][512] __attribute__((aligned(4096)));
static uint64_t *page_list[8];

static struct gstage_pool fresh_pool(unsigned int nr_pages)
{
	memset(root, 0, sizeof(root));
	for (unsigned int i = 0; i < 8; i++)
		page_list[i] = pages[i];
	return (struct gstage_pool){ .root = root, .pages = page_list,
				     .nr_pages = nr_pages };
}

static bool maps(struct gstage_pool *pool, uint64_t gpa, uint64_t want_hpa,
		 unsigned int want_prot)
{
	uint64_t hpa;
	unsigned int prot;

	return gstage_lookup(pool, gpa, &hpa, &prot) == 0 && hpa == want_hpa &&
	       prot == want_prot;
}

static void test_large_pages(void)
{
	struct gstage_pool pool = fresh_pool(8);

	CHECK_EQ(gstage_map(&pool, 0x80000000, 0x80000000, SZ_1G, GSTAGE_RWX), 0,
		 "map 1 GiB at a 1 GiB boundary");
	CHECK_EQ(pool.used, 0, "as one root leaf: no table pages");
	CHECK(maps(&pool, 0x80000000, 0x80000000, GSTAGE_RWX), "first byte maps");
	CHECK(maps(&pool, 0xbfffffff, 0xbfffffff, GSTAGE_RWX), "last byte maps");
	CHECK(!maps(&pool, 0xc0000000, 0xc0000000, GSTAGE_RWX), "the next byte does not");
	CHECK_EQ(gstage_map(&pool, 0x80200000, 0x80200000, PAGE_SIZE, GSTAGE_R), -1,
		 "mapping inside a 1 GiB leaf is refused");
}

static void test_mixed_sizes(void)
{
	struct gstage_pool pool = fresh_pool(8);
	/* 4 KiB pieces up to a 2 MiB boundary, 2 MiB pages, then 4 KiB. */
	uint64_t base = 0x801ff000, size = 2 * PAGE_SIZE + 2 * SZ_2M;

	CHECK_EQ(gstage_map(&pool, base, base + 0x10000000, size, GSTAGE_R | GSTAGE_W),
		 0, "map an unaligned span with an offset hpa");
	CHECK_EQ(pool.used, 3, "one table for the 2 MiB level, two for 4 KiB edges");
	CHECK(maps(&pool, base, base + 0x10000000, GSTAGE_R | GSTAGE_W),
	      "gpa translates to hpa + 256 MiB");
	CHECK(maps(&pool, 0x80300123, 0x90300123, GSTAGE_R | GSTAGE_W),
	      "an address inside a 2 MiB leaf keeps its offset");
	CHECK(!maps(&pool, base - PAGE_SIZE, base - PAGE_SIZE + 0x10000000, GSTAGE_R | GSTAGE_W),
	      "the page before the span is not mapped");
	CHECK_EQ(gstage_map(&pool, base + PAGE_SIZE, 0, PAGE_SIZE, GSTAGE_R), -1,
		 "mapping a mapped page again is refused");
}

static void test_bad_arguments(void)
{
	struct gstage_pool pool = fresh_pool(8);

	CHECK_EQ(gstage_map(&pool, 0x80000800, 0x80000800, PAGE_SIZE, GSTAGE_R), -1,
		 "unaligned gpa is refused");
	CHECK_EQ(gstage_map(&pool, 0x80000000, 0x80000000, 100, GSTAGE_R), -1,
		 "unaligned size is refused");
	CHECK_EQ(gstage_map(&pool, 0x80000000, 0x80000000, PAGE_SIZE, GSTAGE_W), -1,
		 "write without read is refused");
	CHECK_EQ(gstage_map(&pool, 1ULL << 41, 0, PAGE_SIZE, GSTAGE_R), -1,
		 "a gpa beyond 41 bits is refused");
	CHECK_EQ(gstage_map(&pool, (1ULL << 41) - PAGE_SIZE, 0, 2 * PAGE_SIZE, GSTAGE_R), -1,
		 "a span crossing 41 bits is refused");
	CHECK_EQ(pool.used, 0, "and nothing was allocated");
}

static void test_pool_exhaustion(void)
{
	struct gstage_pool pool = fresh_pool(1);

	CHECK_EQ(gstage_map(&pool, 0x80000000, 0x80000000, PAGE_SIZE, GSTAGE_R), -2,
		 "a 4 KiB page needs two tables: one page is not enough");
}

static void test_unmap_splits(void)
{
	struct gstage_pool pool = fresh_pool(3);

	CHECK_EQ(gstage_map(&pool, 0x80000000, 0x80000000, SZ_1G, GSTAGE_RWX), 0,
		 "map 1 GiB as one leaf");
	CHECK_EQ(gstage_unmap_tables(&pool, 0x80201000, PAGE_SIZE), 2,
		 "a page inside a 1 GiB leaf costs two tables");
	CHECK_EQ(gstage_unmap(&pool, 0x80201000, PAGE_SIZE), 0,
		 "unmap one 4 KiB page inside it");
	CHECK_EQ(pool.used, 2, "by splitting 1 GiB into 2 MiB, then 2 MiB into 4 KiB");
	CHECK(!maps(&pool, 0x80201000, 0x80201000, GSTAGE_RWX), "the page is gone");
	CHECK(maps(&pool, 0x80200000, 0x80200000, GSTAGE_RWX), "its neighbour below stays");
	CHECK(maps(&pool, 0x80202fff, 0x80202fff, GSTAGE_RWX), "its neighbour above stays");
	CHECK(maps(&pool, 0xbfe00000, 0xbfe00000, GSTAGE_RWX), "the far 2 MiB leaf stays");
	CHECK_EQ(gstage_unmap(&pool, 0x80201000, PAGE_SIZE), -1, "unmapping it again fails");
	CHECK_EQ(gstage_map(&pool, 0x80201000, 0x80201000, PAGE_SIZE, GSTAGE_RWX), 0,
		 "remapping it succeeds");
	CHECK_EQ(pool.used, 2, "with no new table");
	CHECK_EQ(gstage_unmap_tables(&pool, 0x80400000, PAGE_SIZE), 1,
		 "a page in another 2 MiB leaf costs one table");
	CHECK_EQ(gstage_unmap_tables(&pool, 0x80201000, 2 * SZ_2M), 2,
		 "4 MiB from inside the split leaf: the two 2 MiB leaves it reaches cost one each");
	CHECK_EQ(gstage_unmap(&pool, 0x80400000, PAGE_SIZE), 0, "a page in another 2 MiB");
	CHECK_EQ(gstage_unmap(&pool, 0x80600000, PAGE_SIZE), -2,
		 "needs another split: the pool of 3 is empty");
	CHECK(maps(&pool, 0x80600000, 0x80600000, GSTAGE_RWX),
	      "and a failed split leaves the page mapped");
}

/* pool->used agrees with a walk, and no page is both taken and free. */
static bool pool_consistent(const struct gstage_pool *pool)
{
	if (gstage_count_tables(pool) != pool->used)
		return false;
	for (unsigned int i = 0; i < pool->nr_pages; i++)
		for (unsigned int j = i + 1; j < pool->nr_pages; j++)
			if (pool->pages[i] == pool->pages[j])
				return false;
	return true;
}

static void test_merge_2m(void)
{
	struct gstage_pool pool = fresh_pool(8);
	uint64_t page = 0x80201000;

	CHECK_EQ(gstage_map(&pool, 0x80000000, 0x80000000, 2 * SZ_2M, GSTAGE_RWX), 0,
		 "map two 2 MiB leaves");
	CHECK_EQ(gstage_merge(&pool, page), 0, "nothing to merge in a leaf");
	CHECK_EQ(gstage_unmap(&pool, page, PAGE_SIZE), 0, "unmap one page: split");
	CHECK_EQ(pool.used, 2, "the 2 MiB level and the split table");
	CHECK(pool_consistent(&pool), "a walk finds 2 tables");
	CHECK_EQ(gstage_merge(&pool, page), 0, "no merge while the page is out");
	CHECK_EQ(pool.used, 2, "and nothing freed");
	CHECK_EQ(gstage_map(&pool, page, page, PAGE_SIZE, GSTAGE_RWX), 0, "remap it");
	CHECK_EQ(gstage_merge(&pool, page), 1, "the table merges into a leaf");
	CHECK_EQ(pool.used, 1, "its page is back in the pool");
	CHECK(pool_consistent(&pool), "a walk finds the 2 MiB level only");
	CHECK(maps(&pool, 0x80200000, 0x80200000, GSTAGE_RWX) &&
	      maps(&pool, 0x803fffff, 0x803fffff, GSTAGE_RWX),
	      "the range translates as before");
	CHECK_EQ(gstage_unmap_tables(&pool, page, PAGE_SIZE), 1,
		 "unmapping in it costs a split again: the precheck sees the leaf");
	CHECK_EQ(gstage_merge(&pool, page), 0, "merging a leaf again does nothing");
	CHECK_EQ(gstage_merge(&pool, 0x90000000), 0, "nor does an unmapped gpa");
	CHECK_EQ(gstage_merge(&pool, 1ULL << 41), 0, "nor a gpa beyond 41 bits");
}

static void test_no_merge_when_different(void)
{
	struct gstage_pool pool = fresh_pool(8);
	uint64_t page = 0x80201000;

	gstage_map(&pool, 0x80000000, 0x80000000, 2 * SZ_2M, GSTAGE_RWX);
	gstage_unmap(&pool, page, PAGE_SIZE);
	gstage_map(&pool, page, page, PAGE_SIZE, GSTAGE_R | GSTAGE_W);
	CHECK_EQ(gstage_merge(&pool, page), 0, "a page with other permissions: no merge");
	gstage_unmap(&pool, page, PAGE_SIZE);
	gstage_map(&pool, page, page + SZ_2M, PAGE_SIZE, GSTAGE_RWX);
	CHECK_EQ(gstage_merge(&pool, page), 0, "a page mapping elsewhere: no merge");
	CHECK(maps(&pool, page, page + SZ_2M, GSTAGE_RWX), "and it still maps there");
	CHECK_EQ(pool.used, 2, "both tables stay");
	CHECK(pool_consistent(&pool), "a walk agrees");

	/* Contiguous and uniform, but the hpa is not 2 MiB aligned. */
	pool = fresh_pool(8);
	CHECK_EQ(gstage_map(&pool, 0x80000000, 0x80001000, SZ_2M, GSTAGE_RWX), 0,
		 "map 2 MiB onto an unaligned hpa: 4 KiB leaves");
	CHECK_EQ(pool.used, 2, "in a table of 512");
	CHECK_EQ(gstage_merge(&pool, 0x80000000), 0, "an unaligned range does not merge");
	CHECK(maps(&pool, 0x801ff000, 0x80200000, GSTAGE_RWX), "and keeps its offset");
}

static void test_merge_cascade(void)
{
	struct gstage_pool pool = fresh_pool(8);
	uint64_t a = 0x80201000, b = 0x90400000;

	gstage_map(&pool, 0x80000000, 0x80000000, SZ_1G, GSTAGE_RWX);
	CHECK_EQ(gstage_unmap(&pool, a, PAGE_SIZE), 0, "unmap a page in a 1 GiB leaf");
	CHECK_EQ(gstage_unmap(&pool, b, PAGE_SIZE), 0, "and one in another 2 MiB of it");
	CHECK_EQ(pool.used, 3, "one 2 MiB-level table, two 4 KiB ones");
	gstage_map(&pool, a, a, PAGE_SIZE, GSTAGE_RWX);
	CHECK_EQ(gstage_merge(&pool, a), 1,
		 "the first 2 MiB merges; the 1 GiB level keeps a table");
	CHECK_EQ(pool.used, 2, "one page back");
	CHECK(pool_consistent(&pool), "a walk agrees, the swapped pool has no duplicate");
	gstage_map(&pool, b, b, PAGE_SIZE, GSTAGE_RWX);
	CHECK_EQ(gstage_merge(&pool, b), 2, "the last 2 MiB merges, then the 1 GiB");
	CHECK_EQ(pool.used, 0, "every page back");
	CHECK(pool_consistent(&pool), "a walk finds no table");
	CHECK(maps(&pool, 0xbfffffff, 0xbfffffff, GSTAGE_RWX), "1 GiB translates as before");
	CHECK_EQ(gstage_unmap_tables(&pool, a, PAGE_SIZE), 2,
		 "the precheck sees a 1 GiB leaf again");

	/* 512 uniform 2 MiB leaves, but halves with different permissions. */
	pool = fresh_pool(8);
	gstage_map(&pool, 0x80000000, 0x80000000, SZ_1G / 2, GSTAGE_RWX);
	gstage_map(&pool, 0xa0000000, 0xa0000000, SZ_1G / 2, GSTAGE_R | GSTAGE_W);
	gstage_unmap(&pool, a, PAGE_SIZE);
	gstage_map(&pool, a, a, PAGE_SIZE, GSTAGE_RWX);
	CHECK_EQ(gstage_merge(&pool, a), 1, "mixed permissions: 2 MiB merges, 1 GiB does not");
	CHECK_EQ(pool.used, 1, "the 2 MiB-level table stays");

	/* Uniform permissions, but the upper half maps elsewhere. */
	pool = fresh_pool(8);
	gstage_map(&pool, 0x80000000, 0x80000000, SZ_1G / 2, GSTAGE_RWX);
	gstage_map(&pool, 0xa0000000, 0x120000000, SZ_1G / 2, GSTAGE_RWX);
	gstage_unmap(&pool, a, PAGE_SIZE);
	gstage_map(&pool, a, a, PAGE_SIZE, GSTAGE_RWX);
	CHECK_EQ(gstage_merge(&pool, a), 1, "not contiguous: 1 GiB does not merge");
	CHECK(pool_consistent(&pool), "a walk agrees");
}

/*
 * One page out and back in each of 4x more distinct 2 MiB regions than
 * the pool has pages: each costs two tables (1 GiB and 2 MiB splits) and
 * gives both back, so the pool never runs dry.
 */
static void test_pool_refills(void)
{
	struct gstage_pool pool = fresh_pool(8);
	unsigned int rounds = 4 * pool.nr_pages, bad = 0;

	gstage_map(&pool, 0x80000000, 0x80000000, SZ_1G, GSTAGE_RWX);
	for (unsigned int i = 0; i < rounds && !bad; i++) {
		uint64_t page = 0x80000000 + i * SZ_2M + (i % 512) * PAGE_SIZE;
		unsigned int need = gstage_unmap_tables(&pool, page, PAGE_SIZE);
		unsigned int used = pool.used;

		bad = !CHECK(need <= gstage_free_tables(&pool),
			     "round %u: the precheck finds %u tables free", i, need) ||
		      !CHECK_EQ(gstage_unmap(&pool, page, PAGE_SIZE), 0, "round %u: unmap", i) ||
		      !CHECK_EQ(pool.used - used, need, "round %u: the precheck was exact", i) ||
		      !CHECK(pool_consistent(&pool), "round %u: walk after unmap", i) ||
		      !CHECK_EQ(gstage_map(&pool, page, page, PAGE_SIZE, GSTAGE_RWX), 0,
				"round %u: remap", i) ||
		      !CHECK_EQ(gstage_merge(&pool, page), 2, "round %u: merge both", i) ||
		      !CHECK_EQ(pool.used, 0, "round %u: the pool is full again", i) ||
		      !CHECK(pool_consistent(&pool), "round %u: walk after merge", i);
	}
}

static void test_hgatp(void)
{
	struct gstage_pool pool = fresh_pool(1);
	unsigned long hgatp = gstage_hgatp(&pool, 5);

	CHECK_EQ(hgatp >> 60, 8, "hgatp mode Sv39x4");
	CHECK_EQ((hgatp >> 44) & 0x3fff, 5, "hgatp VMID");
	CHECK_EQ((hgatp & ((1ULL << 44) - 1)) << 12, (uintptr_t)root, "hgatp root PPN");
}

int main(int argc, char **argv)
{
	unit_init(argc, argv);
	test_large_pages();
	test_mixed_sizes();
	test_bad_arguments();
	test_pool_exhaustion();
	test_unmap_splits();
	test_merge_2m();
	test_no_merge_when_different();
	test_merge_cascade();
	test_pool_refills();
	test_hgatp();
	return unit_done();
}
