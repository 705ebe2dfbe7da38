// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Boot: learn the machine from the FDT, build the host's G-stage table
 * over the memory the host owns, write the host's device tree and enter
 * the host image (QEMU's guest-loader kernel module) in VS-mode.  From then on the TSM runs only on traps.
 */

#include <stdbool.h>
#include <stdint.h>

#include "autoconf.h"
#include "tsm/arch.h"
#include "tsm/bench.h"
#include "tsm/host_fdt.h"
#include "tsm/host_map.h"
#include "tsm/console.h"
#include "covekit/riscv_asm.h"
#include "covekit/string.h"
#include "tsm/hart.h"
#include "tsm/plic.h"
#include "tsm/trap.h"
#include "tsm/global.h"

#define FDT_MAX_SIZE	(1UL << 20)

struct tsm tsm;

uint8_t tsm_boot_stack[CONFIG_TSM_STACK_SIZE] __attribute__((aligned(16)));
static uint64_t host_gstage_root[2048] __attribute__((aligned(16384)));
static uint64_t host_gstage_pages[CONFIG_TSM_GSTAGE_POOL_PAGES][512]
	__attribute__((aligned(4096)));
static uint64_t *host_gstage_page_list[CONFIG_TSM_GSTAGE_POOL_PAGES];
static struct page_info page_array[CONFIG_TSM_MAX_PAGES];

extern char _tsm_start[], _tsm_end[];
void tsm_main(unsigned long hartid, unsigned long fdt);
void tsm_secondary_main(unsigned long hartid, struct hart *h);

/* The host's memory and devices (host_map.c), from the TSM's pool. */
static void map_host(void)
{
	struct gstage_pool *pool = &tsm.host_gstage;
	uint64_t failed = 0;
	int err;

	pool->root = host_gstage_root;
	for (unsigned int i = 0; i < CONFIG_TSM_GSTAGE_POOL_PAGES; i++)
		host_gstage_page_list[i] = host_gstage_pages[i];
	pool->pages = host_gstage_page_list;
	pool->nr_pages = CONFIG_TSM_GSTAGE_POOL_PAGES;
	err = host_map(pool, &tsm.host_mem, &tsm.plat, &failed);
	if (err)
		tsm_panic("cannot map %#lx for the host (%d)",
			  (unsigned long)failed, err);
}

static uint8_t host_fdt_buf[CONFIG_TSM_HOST_FDT_SIZE]
	__attribute__((aligned(8)));

static bool overlaps(uint64_t base, uint64_t size, const struct mem_range *r)
{
	return r->size && base < r->base + r->size && r->base < base + size;
}

/*
 * The host image is the guest-loader kernel module, entered where QEMU
 * loaded it: test payloads are linked at the address the runners load
 * them at, and Linux's Image runs at any 2 MiB-aligned address.
 */
static unsigned long host_entry(void)
{
	const struct mem_range *k = &tsm.plat.host_kernel;
	const struct mem_range *rd = &tsm.plat.host_ramdisk;

	if (!k->size)
		tsm_panic("no host kernel: pass one to QEMU with "
			  "-device guest-loader,addr=ADDR,kernel=FILE");
	if (!host_memory_owns(&tsm.host_mem, k->base, k->size))
		tsm_panic("host kernel at %#lx (%lu bytes) is not in host memory",
			  (unsigned long)k->base, (unsigned long)k->size);
	if (rd->size && !host_memory_owns(&tsm.host_mem, rd->base, rd->size))
		tsm_panic("host ramdisk at %#lx (%lu bytes) is not in host memory",
			  (unsigned long)rd->base, (unsigned long)rd->size);
	return (unsigned long)k->base;
}

/*
 * Write the host's device tree (host_fdt.c) and copy it to the top of
 * the highest host memory range, where it stays the host's: Linux keeps
 * its FDT reserved.  After this the original FDT may be overwritten, so
 * nothing may read tsm.plat's strings any more.
 */
static unsigned long place_host_fdt(void)
{
	const struct mem_range *top;
	uint64_t dest;
	uint32_t size;
	int err;

	err = host_fdt_build((const void *)(uintptr_t)tsm.plat.fdt.base,
			     tsm.plat.fdt.size, &tsm.plat, &tsm.host_mem,
			     host_fdt_buf, sizeof(host_fdt_buf), &size);
	if (err)
		tsm_panic("cannot write the host's FDT (%d)", err);
	top = &tsm.host_mem.ranges[tsm.host_mem.nr_ranges - 1];
	if (top->size < size)
		tsm_panic("no room for the host's FDT");
	dest = (top->base + top->size - size) & ~(uint64_t)(PAGE_SIZE - 1);
	if (overlaps(dest, size, &tsm.plat.host_kernel) ||
	    overlaps(dest, size, &tsm.plat.host_ramdisk))
		tsm_panic("the host's FDT at %#lx would overwrite a module",
			  (unsigned long)dest);
	memcpy((void *)(uintptr_t)dest, host_fdt_buf, size);
	return (unsigned long)dest;
}

static void __attribute__((noreturn)) enter_host(struct hart *h,
						  unsigned long hartid,
						  unsigned long entry)
{
	hart_enter_host(&tsm, h, entry, hartid, tsm.fdt_addr);
}

/* A hart the host started, or one resuming (tsm_hart_entry, entry.S). */
void tsm_secondary_main(unsigned long hartid, struct hart *h)
{
	hart_secondary(&tsm, hartid, h);
}

void tsm_main(unsigned long hartid, unsigned long fdt)
{
	unsigned long entry;
	struct hart *h;
	int err;

	/* Any trap before the host runs is a TSM bug: trap_handle panics. */
	h = hart_boot_init(hartid);

	tsm.fdt_addr = fdt;
	err = platform_from_fdt(&tsm.plat, (const void *)fdt, FDT_MAX_SIZE);
	if (err)
		tsm_panic("cannot read the FDT at %#lx (%d)", fdt, err);
	tsm.image.base = (uintptr_t)_tsm_start;
	tsm.image.size = (uintptr_t)_tsm_end - (uintptr_t)_tsm_start;
#ifdef CONFIG_TSM_TRACE_CALLS
	tsm.trace = true;
#else
	tsm.trace = platform_has_bootarg(&tsm.plat, "tsm.trace");
#endif
	tsm_printf("tsm: covekit TSM %d.%d on hart %lu of %u, TSM %#lx-%#lx\n",
		   CONFIG_TSM_VERSION_MAJOR, CONFIG_TSM_VERSION_MINOR, hartid,
		   tsm.plat.nr_harts, (unsigned long)tsm.image.base,
		   (unsigned long)(tsm.image.base + tsm.image.size));

	if (host_memory_init(&tsm.host_mem, &tsm.plat, tsm.image))
		tsm_panic("host memory has more ranges than fit");
	for (unsigned int i = 0; i < tsm.host_mem.nr_ranges; i++)
		tsm_printf("tsm: host memory %#lx-%#lx\n",
			   (unsigned long)tsm.host_mem.ranges[i].base,
			   (unsigned long)(tsm.host_mem.ranges[i].base +
					   tsm.host_mem.ranges[i].size));
	map_host();
	pages_init(&tsm.pages, &tsm.host_mem, page_array, CONFIG_TSM_MAX_PAGES);
	fence_hart_join(&tsm.fence, h->index);
	tsm.fence.first = ~0UL;	/* no CONVERTING page yet */
	if (platform_has_bootarg(&tsm.plat, "tsm.bench"))
		bench_hs_sbi_call();
	entry = host_entry();
	tsm.fdt_addr = place_host_fdt();
	tsm_printf("tsm: entering the host at %#lx (%u G-stage pages used)\n",
		   entry, tsm.host_gstage.used);
	enter_host(h, hartid, entry);
}
