/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The host's G-stage page table (Sv39x4): the isolation boundary.  The
 * TSM owns it; the host sees exactly what is mapped here.
 */
#ifndef __TSM_GSTAGE_H__
#define __TSM_GSTAGE_H__

#include <stdint.h>

#define GSTAGE_R	(1U << 1)
#define GSTAGE_W	(1U << 2)
#define GSTAGE_X	(1U << 3)
#define GSTAGE_RWX	(GSTAGE_R | GSTAGE_W | GSTAGE_X)

/* Sv39x4 guest physical addresses have 41 bits. */
#define GSTAGE_GPA_BITS	41

#define HGATP_MODE_SV39X4	8UL
#define HGATP_MODE_SHIFT	60
#define HGATP_VMID_SHIFT	44

/**
 * struct gstage_pool - Page-table pages a G-stage table is built from.
 * @root:	16 KiB, 16 KiB aligned root table (2048 entries).
 * @pages:	4 KiB pages for the lower levels: @pages[0, @used) are
 *		taken, the rest free; a TVM's pool grows as the host donates
 *		page-table pages.
 * @nr_pages:	How many @pages there are.
 * @used:	How many are taken.  An unmap leaves its tables in place, so
 *		a remap needs no new page; only gstage_merge() gives pages
 *		back (it swaps the freed page with the last taken one).
 */
struct gstage_pool {
	uint64_t *root;
	uint64_t **pages;
	unsigned int nr_pages;
	unsigned int used;
};

/*
 * Map [gpa, gpa + size) to [hpa, hpa + size) with prot (GSTAGE_*), using
 * 1 GiB and 2 MiB leaves where alignment allows.  All of gpa, hpa and size
 * must be 4 KiB aligned.  0; -1 for a bad argument or an overlap with an
 * existing mapping; -2 when the pool runs out.
 */
int gstage_map(struct gstage_pool *pool, uint64_t gpa, uint64_t hpa,
	       uint64_t size, unsigned int prot);

/*
 * gstage_map() with the leaves' Svpbmt memory type pbmt (0 PMA, 1 NC,
 * 2 IO; 3 is reserved: -1), which splits and merges keep.  gstage_map() is
 * pbmt 0.  The host's mappings take theirs from the spec's policy
 * (generated host_memory_attributes.h).
 */
#define GSTAGE_PBMT_SHIFT	61
#define GSTAGE_PBMT_MASK	(3ULL << GSTAGE_PBMT_SHIFT)
int gstage_map_attr(struct gstage_pool *pool, uint64_t gpa, uint64_t hpa,
		    uint64_t size, unsigned int prot, unsigned int pbmt);

/*
 * Unmap the 4 KiB pages of [gpa, gpa + size), splitting a 1 GiB or 2 MiB
 * leaf that covers them into smaller ones first.  The caller fences.
 * 0; -1 for a bad argument or a page that is not mapped; -2 when a split
 * needs a table the pool does not have (pages before gpa + done stay
 * unmapped: the caller undoes them).
 */
int gstage_unmap(struct gstage_pool *pool, uint64_t gpa, uint64_t size);

/*
 * How many tables gstage_unmap(pool, gpa, size) would take from the pool
 * to split large leaves: callers check this first, so that an unmap never
 * fails half-way.
 */
unsigned int gstage_unmap_tables(const struct gstage_pool *pool, uint64_t gpa,
				 uint64_t size);

/*
 * How many tables mapping [gpa, gpa + size) with 4 KiB leaves would take
 * from the pool.
 */
unsigned int gstage_map_tables(const struct gstage_pool *pool, uint64_t gpa,
			       uint64_t size);

/*
 * Merge the tables on the walk to gpa back into large leaves where they
 * map a uniform range again: a 4 KiB-level table whose 512 leaves have
 * the same attributes and map one naturally aligned, contiguous 2 MiB
 * becomes a 2 MiB leaf, and a 2 MiB-level table that then holds 512 such
 * leaves covering 1 GiB becomes a 1 GiB leaf.  Their pages go back to the
 * pool.  The translation of every address stays the same; the caller
 * fences before a freed page can be reused.  How many tables it freed.
 */
int gstage_merge(struct gstage_pool *pool, uint64_t gpa);

/*
 * Table pages reachable from the root, by a walk: always equals
 * pool->used when only this file's functions changed the table.
 */
unsigned int gstage_count_tables(const struct gstage_pool *pool);

/* Tables still free in the pool. */
static inline unsigned int gstage_free_tables(const struct gstage_pool *pool)
{
	return pool->nr_pages - pool->used;
}

/*
 * The leaf mapping gpa: its host physical address and permissions.
 * 0, or -1 when gpa is not mapped.
 */
int gstage_lookup(const struct gstage_pool *pool, uint64_t gpa, uint64_t *hpa,
		  unsigned int *prot);

/* The hgatp value selecting this table (Sv39x4, VMID vmid). */
unsigned long gstage_hgatp(const struct gstage_pool *pool, unsigned int vmid);

#endif /* __TSM_GSTAGE_H__ */
