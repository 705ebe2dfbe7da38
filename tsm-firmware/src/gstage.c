// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Sv39x4 G-stage page tables.  Levels: root (2048 entries, GPA[40:30]),
 * then 512-entry tables for GPA[29:21] and GPA[20:12].  Physical
 * addresses are used directly: the TSM runs with translation off.
 */

#include <stdbool.h>

#include "covekit/riscv_encoding.h"
#include "tsm/gstage.h"
#include "covekit/string.h"

#define PTE_V		(1ULL << 0)
#define PTE_U		(1ULL << 4)	/* G-stage leaves must have U set */
#define PTE_A		(1ULL << 6)
#define PTE_D		(1ULL << 7)
#define PTE_PERM	((uint64_t)GSTAGE_RWX)
#define PTE_PPN_SHIFT	10
#define PTE_PPN_MASK	(((1ULL << 44) - 1) << PTE_PPN_SHIFT)


static const unsigned int level_shift[3] = { 30, 21, 12 };

static unsigned int index_at(uint64_t gpa, unsigned int level)
{
	unsigned int bits = level == 0 ? 11 : 9;

	return (unsigned int)(gpa >> level_shift[level]) & ((1U << bits) - 1);
}

static uint64_t *table_of(uint64_t pte)
{
	return (uint64_t *)(uintptr_t)((pte >> PTE_PPN_SHIFT) << 12);
}

static bool is_leaf(uint64_t pte)
{
	return pte & PTE_PERM;
}

static bool is_valid_leaf(uint64_t pte)
{
	return (pte & PTE_V) && is_leaf(pte);
}

static bool is_table(uint64_t pte)
{
	return (pte & PTE_V) && !is_leaf(pte);
}

/* pages[0, used) are taken, pages[used, nr_pages) free. */
static uint64_t *alloc_table(struct gstage_pool *pool)
{
	if (pool->used == pool->nr_pages)
		return NULL;
	uint64_t *table = pool->pages[pool->used++];

	memset(table, 0, PAGE_SIZE);
	return table;
}

/* Where table sits among the taken pages; pool->used if it does not. */
static unsigned int taken_index(const struct gstage_pool *pool,
				const uint64_t *table)
{
	unsigned int i;

	for (i = 0; i < pool->used; i++)
		if (pool->pages[i] == table)
			break;
	return i;
}

/* Give back the taken page at index i: the last taken one fills its slot. */
static void free_table(struct gstage_pool *pool, unsigned int i)
{
	uint64_t *table = pool->pages[i];

	pool->pages[i] = pool->pages[--pool->used];
	pool->pages[pool->used] = table;
}

static uint64_t table_pte(const uint64_t *table)
{
	return ((uint64_t)(uintptr_t)table >> 12) << PTE_PPN_SHIFT | PTE_V;
}

/* Map one leaf of 1 << level_shift[level] bytes. */
static int map_leaf(struct gstage_pool *pool, uint64_t gpa, uint64_t hpa,
		    unsigned int level, unsigned int prot, unsigned int pbmt)
{
	uint64_t *table = pool->root;

	for (unsigned int l = 0; l < level; l++) {
		uint64_t *pte = &table[index_at(gpa, l)];

		if (!(*pte & PTE_V)) {
			uint64_t *next = alloc_table(pool);

			if (!next)
				return -2;
			*pte = table_pte(next);
		} else if (is_leaf(*pte)) {
			return -1;	/* a larger mapping covers gpa already */
		}
		table = table_of(*pte);
	}
	uint64_t *pte = &table[index_at(gpa, level)];

	if (*pte & PTE_V)
		return -1;
	*pte = (hpa >> 12) << PTE_PPN_SHIFT | prot | PTE_U | PTE_A | PTE_D |
	       PTE_V | (uint64_t)pbmt << GSTAGE_PBMT_SHIFT;
	return 0;
}

int gstage_map(struct gstage_pool *pool, uint64_t gpa, uint64_t hpa,
	       uint64_t size, unsigned int prot)
{
	return gstage_map_attr(pool, gpa, hpa, size, prot, 0);
}

int gstage_map_attr(struct gstage_pool *pool, uint64_t gpa, uint64_t hpa,
		    uint64_t size, unsigned int prot, unsigned int pbmt)
{
	if (pbmt > 2 || (gpa | hpa | size) & (PAGE_SIZE - 1) ||
	    !(prot & GSTAGE_R) ||
	    prot & ~GSTAGE_RWX || gpa + size < gpa ||
	    gpa + size > 1ULL << GSTAGE_GPA_BITS)
		return -1;
	while (size) {
		unsigned int level = 2;

		if (!((gpa | hpa) & (SZ_1G - 1)) && size >= SZ_1G)
			level = 0;
		else if (!((gpa | hpa) & (SZ_2M - 1)) && size >= SZ_2M)
			level = 1;
		int err = map_leaf(pool, gpa, hpa, level, prot, pbmt);

		if (err)
			return err;
		uint64_t step = 1ULL << level_shift[level];

		gpa += step;
		hpa += step;
		size -= step;
	}
	return 0;
}

/* Replace the leaf *pte at level by a table of leaves one level down. */
static int split_leaf(struct gstage_pool *pool, uint64_t *pte,
		      unsigned int level)
{
	uint64_t *table = alloc_table(pool);
	uint64_t step = 1ULL << level_shift[level + 1];
	/* Everything but the PPN: permissions and the PBMT memory type. */
	uint64_t attrs = *pte & ~PTE_PPN_MASK;
	uint64_t hpa = ((*pte & PTE_PPN_MASK) >> PTE_PPN_SHIFT) << 12;

	if (!table)
		return -2;
	for (unsigned int i = 0; i < 512; i++)
		table[i] = ((hpa + i * step) >> 12) << PTE_PPN_SHIFT | attrs;
	*pte = table_pte(table);
	return 0;
}

int gstage_unmap(struct gstage_pool *pool, uint64_t gpa, uint64_t size)
{
	if ((gpa | size) & (PAGE_SIZE - 1) || gpa + size < gpa ||
	    gpa + size > 1ULL << GSTAGE_GPA_BITS)
		return -1;
	for (; size; gpa += PAGE_SIZE, size -= PAGE_SIZE) {
		uint64_t *table = pool->root;
		unsigned int level;

		for (level = 0; level < 2; level++) {
			uint64_t *pte = &table[index_at(gpa, level)];

			if (!(*pte & PTE_V))
				return -1;
			if (is_leaf(*pte)) {
				int err = split_leaf(pool, pte, level);

				if (err)
					return err;
			}
			table = table_of(*pte);
		}
		uint64_t *pte = &table[index_at(gpa, 2)];

		if (!(*pte & PTE_V))
			return -1;
		*pte = 0;
	}
	return 0;
}


/*
 * The leaf one level up that maps exactly what table does at level (its
 * 512 entries), or 0 when there is none: every entry must be a valid
 * leaf with the same attribute bits, the addresses contiguous and the
 * first aligned to the larger size.
 */
static uint64_t uniform_leaf(const uint64_t *table, unsigned int level)
{
	uint64_t first = table[0], want = first;
	uint64_t step = 1ULL << (level_shift[level] - 12);	/* in pages */

	if (!is_valid_leaf(first) ||
	    ((first & PTE_PPN_MASK) >> PTE_PPN_SHIFT) & (512 * step - 1))
		return 0;
	/* Attributes equal, PPNs consecutive: each entry is the last + step. */
	for (unsigned int i = 1; i < 512; i++) {
		want += step << PTE_PPN_SHIFT;
		if (table[i] != want)
			return 0;
	}
	return first;
}

/*
 * Replace the table *pte points to (at level) by one leaf, if its
 * entries allow, and give its page back.  Whether it merged.
 */
static bool merge_table(struct gstage_pool *pool, uint64_t *pte,
			unsigned int level)
{
	const uint64_t *table = table_of(*pte);
	uint64_t leaf = uniform_leaf(table, level);
	unsigned int i;

	if (!leaf)
		return false;
	i = taken_index(pool, table);
	if (i == pool->used)
		return false;	/* not the pool's: leave it be */
	*pte = leaf;
	free_table(pool, i);
	return true;
}

int gstage_merge(struct gstage_pool *pool, uint64_t gpa)
{
	uint64_t *root_pte, *pte;
	int merged = 0;

	if (gpa >= 1ULL << GSTAGE_GPA_BITS)
		return 0;
	root_pte = &pool->root[index_at(gpa, 0)];
	if (!is_table(*root_pte))
		return 0;
	pte = &table_of(*root_pte)[index_at(gpa, 1)];
	if (is_table(*pte) && merge_table(pool, pte, 2))
		merged++;
	/* Only a 2 MiB-level table that holds no table may become a leaf. */
	if (is_valid_leaf(*pte) && merge_table(pool, root_pte, 1))
		merged++;
	return merged;
}

unsigned int gstage_count_tables(const struct gstage_pool *pool)
{
	unsigned int tables = 0;

	for (unsigned int i = 0; i < 2048; i++) {
		if (!is_table(pool->root[i]))
			continue;
		const uint64_t *mid = table_of(pool->root[i]);

		tables++;
		for (unsigned int j = 0; j < 512; j++)
			tables += is_table(mid[j]);
	}
	return tables;
}

static bool is_empty(uint64_t pte)
{
	return !(pte & PTE_V);
}

/*
 * Tables a walk to every 4 KiB page of [gpa, gpa + size) takes, when each
 * root or 2 MiB-level entry for which needs() holds must become a table:
 * a leaf to split (unmap) or an empty entry to fill (map).  A root entry
 * that needs one costs two: itself and the 2 MiB level below it.
 */
static unsigned int tables_needed(const struct gstage_pool *pool, uint64_t gpa,
				  uint64_t size, bool (*needs)(uint64_t pte))
{
	uint64_t last_1g = UINT64_MAX, last_2m = UINT64_MAX;
	unsigned int tables = 0;

	for (uint64_t end = gpa + size; gpa < end && gpa >= end - size;
	     gpa += PAGE_SIZE) {
		uint64_t pte = pool->root[index_at(gpa, 0)];

		if (needs(pte)) {
			tables += gpa >> 30 != last_1g;
			tables += gpa >> 21 != last_2m;
			last_1g = gpa >> 30;
			last_2m = gpa >> 21;
			continue;
		}
		if (!(pte & PTE_V) || is_leaf(pte))
			continue;	/* the operation itself refuses this page */
		pte = table_of(pte)[index_at(gpa, 1)];
		if (needs(pte) && gpa >> 21 != last_2m) {
			tables++;
			last_2m = gpa >> 21;
		}
	}
	return tables;
}

unsigned int gstage_unmap_tables(const struct gstage_pool *pool, uint64_t gpa,
				 uint64_t size)
{
	return tables_needed(pool, gpa, size, is_valid_leaf);
}

unsigned int gstage_map_tables(const struct gstage_pool *pool, uint64_t gpa,
			       uint64_t size)
{
	return tables_needed(pool, gpa, size, is_empty);
}

int gstage_lookup(const struct gstage_pool *pool, uint64_t gpa, uint64_t *hpa,
		  unsigned int *prot)
{
	const uint64_t *table = pool->root;

	if (gpa >= 1ULL << GSTAGE_GPA_BITS)
		return -1;
	for (unsigned int level = 0; level < 3; level++) {
		uint64_t pte = table[index_at(gpa, level)];

		if (!(pte & PTE_V))
			return -1;
		if (is_leaf(pte)) {
			uint64_t offset = gpa & ((1ULL << level_shift[level]) - 1);

			*hpa = (((pte & PTE_PPN_MASK) >> PTE_PPN_SHIFT) << 12) +
			       offset;
			*prot = (unsigned int)(pte & PTE_PERM);
			return 0;
		}
		table = table_of(pte);
	}
	return -1;
}

unsigned long gstage_hgatp(const struct gstage_pool *pool, unsigned int vmid)
{
	return HGATP_MODE_SV39X4 << HGATP_MODE_SHIFT |
	       (unsigned long)vmid << HGATP_VMID_SHIFT |
	       (uintptr_t)pool->root >> 12;
}
