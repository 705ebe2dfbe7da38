// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Host unit tests of the host's G-stage set-up (src/host_map.c) against
 * the spec's memory_attributes: every leaf of the table host_map() builds
 * from a real QEMU tree carries the PBMT the policy gives its kind, and
 * nothing but host memory and the UART is mapped.  Also that a memory
 * type survives a split of its leaf.
 *
 *   test_host_map virt qemu-virt-opensbi.dtb [qemu qemu-virt.dtb]
 */

#include "covekit/riscv_encoding.h"
#include "host_memory_attributes.h"
#include "tsm/gstage.h"
#include "tsm/host_map.h"
#include "tsm/plic.h"
#include "unit.h"

#define POOL_PAGES	64
#define PPN_MASK	(((1ULL << 44) - 1) << 10)

static uint64_t root[2048] __attribute__((aligned(16384)));
static uint64_t pages[POOL_PAGES][512] __attribute__((aligned(4096)));
static uint64_t *page_list[POOL_PAGES];

static struct gstage_pool fresh_pool(void)
{
	memset(root, 0, sizeof(root));
	memset(pages, 0, sizeof(pages));
	for (unsigned int i = 0; i < POOL_PAGES; i++)
		page_list[i] = pages[i];
	return (struct gstage_pool){ .root = root, .pages = page_list,
				     .nr_pages = POOL_PAGES };
}

struct walk {
	const struct host_memory *hm;
	const struct platform *plat;
	unsigned int leaves, ram, uart, plic, wrong_pbmt, stray;
	unsigned int want_pbmt;	/* for check_all() */
	unsigned int other_pbmt;
};

/* Whether [base, base + size) lies in a device of kind, as host_map maps it. */
static bool in_device(const struct platform *plat, enum platform_device_kind kind,
		      uint64_t base, uint64_t size)
{
	for (unsigned int i = 0; i < plat->nr_devices; i++) {
		const struct platform_device *d = &plat->devices[i];
		uint64_t b = d->range.base & ~(PAGE_SIZE - 1);
		uint64_t e = (d->range.base + d->range.size + PAGE_SIZE - 1) &
			     ~(PAGE_SIZE - 1);

		if (kind == DEVICE_PLIC)	/* not its context pages */
			e = b + plic_host_mapped(e - b);
		if (d->kind == kind && base >= b && base + size <= e)
			return true;
	}
	return false;
}

/* Visit every valid leaf under table (level 0 = root, 2048 entries). */
static void walk(struct walk *w, const uint64_t *table, unsigned int level,
		 uint64_t gpa_base)
{
	static const unsigned int shift[3] = { 30, 21, 12 };
	unsigned int n = level ? 512 : 2048;

	for (unsigned int i = 0; i < n; i++) {
		uint64_t pte = table[i], gpa = gpa_base + ((uint64_t)i << shift[level]);
		uint64_t size = 1ULL << shift[level];
		unsigned int pbmt = (unsigned int)(pte >> GSTAGE_PBMT_SHIFT & 3);

		if (!(pte & 1))
			continue;
		if (!(pte & GSTAGE_RWX)) {
			CHECK_EQ(pbmt, 0, "non-leaf at %#llx has PBMT 0",
				 (unsigned long long)gpa);
			walk(w, (const uint64_t *)(uintptr_t)(((pte & PPN_MASK) >> 10) << 12),
			     level + 1, gpa);
			continue;
		}
		w->leaves++;
		if (w->hm && host_memory_owns(w->hm, gpa, size)) {
			w->ram++;
			if (pbmt != host_mapping_pbmt[HOST_MAPPING_RAM])
				w->wrong_pbmt++;
		} else if (w->plat && in_device(w->plat, DEVICE_UART, gpa, size)) {
			w->uart++;
			if (pbmt != host_mapping_pbmt[HOST_MAPPING_UART])
				w->wrong_pbmt++;
		} else if (w->plat && in_device(w->plat, DEVICE_PLIC, gpa, size)) {
			w->plic++;
			if (pbmt != host_mapping_pbmt[HOST_MAPPING_PLIC])
				w->wrong_pbmt++;
		} else if (!w->hm) {
			if (pbmt != w->want_pbmt)
				w->wrong_pbmt++;
		} else {
			w->stray++;
		}
	}
}

static void test_policy(const char *name, const uint8_t *blob, size_t size)
{
	struct mem_range tsm_image = { 0x80200000, 0xee000 };
	struct gstage_pool pool = fresh_pool();
	struct platform plat;
	struct host_memory hm;
	struct walk w = { 0 };
	uint64_t failed = 0;

	if (!CHECK_EQ(platform_from_fdt(&plat, blob, size), 0, "%s: platform",
		      name) ||
	    !CHECK_EQ(host_memory_init(&hm, &plat, tsm_image), 0,
		      "%s: host memory", name))
		return;
	CHECK_EQ(host_map(&pool, &hm, &plat, &failed), 0, "%s: host_map", name);
	w.hm = &hm;
	w.plat = &plat;
	walk(&w, root, 0, 0);
	CHECK(w.ram > 0 && w.uart > 0 && w.plic > 0,
	      "%s: %u RAM, %u UART and %u PLIC leaves", name, w.ram, w.uart,
	      w.plic);
	CHECK_EQ(w.wrong_pbmt, 0, "%s: every leaf has its kind's PBMT", name);
	CHECK_EQ(w.stray, 0, "%s: nothing else is mapped", name);
}

/* The policy itself: PBMT 0 everywhere (spec/tsm.yaml says why). */
static void test_policy_values(void)
{
	for (unsigned int i = 0; i < HOST_MAPPING_COUNT; i++)
		CHECK_EQ(host_mapping_pbmt[i], PBMT_PMA,
			 "host mapping %u: PMA, the host's own type applies", i);
}

/* A memory type other than 0 is written, kept by splits, and checked. */
static void test_pbmt_kept(void)
{
	struct gstage_pool pool = fresh_pool();
	struct walk w = { .want_pbmt = PBMT_IO };
	uint64_t hpa;
	unsigned int prot;

	CHECK_EQ(gstage_map_attr(&pool, 0x80000000, 0x80000000, SZ_2M * 2,
				 GSTAGE_R | GSTAGE_W, 3), -1,
		 "PBMT 3 (reserved) is refused");
	CHECK_EQ(gstage_map_attr(&pool, 0x80000000, 0x80000000, SZ_2M * 2,
				 GSTAGE_R | GSTAGE_W, PBMT_IO), 0,
		 "map 4 MiB as IO");
	CHECK_EQ(gstage_unmap(&pool, 0x80001000, PAGE_SIZE), 0,
		 "unmap one page: its 2 MiB leaf splits");
	walk(&w, root, 0, 0);
	CHECK_EQ(w.leaves, 511 + 1, "511 small leaves and one 2 MiB leaf");
	CHECK_EQ(w.wrong_pbmt, 0, "every leaf is still IO after the split");
	CHECK(gstage_lookup(&pool, 0x80002345, &hpa, &prot) == 0 &&
	      hpa == 0x80002345 && prot == (GSTAGE_R | GSTAGE_W),
	      "a split IO leaf translates to its own address");
	CHECK_EQ(gstage_map_attr(&pool, 0x80001000, 0x80001000, PAGE_SIZE,
				 GSTAGE_R | GSTAGE_W, PBMT_IO), 0,
		 "map the page back as IO");
	CHECK_EQ(gstage_merge(&pool, 0x80001000), 1,
		 "the uniform IO table merges back");
}

int main(int argc, char **argv)
{
	static const char *const names[] = { "virt", "qemu", "qemu-smp2" };
	unsigned int given = 0;

	unit_init(argc, argv);
	test_policy_values();
	test_pbmt_kept();
	for (unsigned int i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		size_t size = 0;
		uint8_t *blob;

		if (!unit_fixture(names[i]))
			continue;
		blob = unit_load_fixture(names[i], &size);
		if (!blob)
			continue;
		given++;
		test_policy(names[i], blob, size);
		free(blob);
	}
	CHECK(given > 0, "at least one fixture given");
	return unit_done();
}
