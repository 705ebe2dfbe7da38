// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Boot: learn the machine from the FDT, build the host's G-stage table
 * over the memory the host owns, move the host image into place and
 * enter it in VS-mode.  From then on the TSM runs only on traps.
 */

#include <stdint.h>

#include "autoconf.h"
#include "tsm/arch.h"
#include "tsm/bench.h"
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

static void map_host(void)
{
	struct gstage_pool *pool = &tsm.host_gstage;

	pool->root = host_gstage_root;
	for (unsigned int i = 0; i < CONFIG_TSM_GSTAGE_POOL_PAGES; i++)
		host_gstage_page_list[i] = host_gstage_pages[i];
	pool->pages = host_gstage_page_list;
	pool->nr_pages = CONFIG_TSM_GSTAGE_POOL_PAGES;
	for (unsigned int i = 0; i < tsm.host_mem.nr_ranges; i++) {
		const struct mem_range *r = &tsm.host_mem.ranges[i];
		int err = gstage_map(pool, r->base, r->base, r->size, GSTAGE_RWX);

		if (err)
			tsm_panic("cannot map host memory %#lx+%#lx (%d)",
				  (unsigned long)r->base, (unsigned long)r->size,
				  err);
	}
	for (unsigned int i = 0; i < tsm.plat.nr_devices; i++) {
		const struct platform_device *d = &tsm.plat.devices[i];
		uint64_t base = d->range.base & ~(PAGE_SIZE - 1);
		uint64_t end = (d->range.base + d->range.size + PAGE_SIZE - 1) &
			       ~(PAGE_SIZE - 1);

		/*
		 * The test device resets and powers off the machine: the host
		 * must not be able to end a boot without the TSM's scrub.
		 */
		if (d->kind == DEVICE_PLIC)	/* its contexts: plic.c */
			end = base + plic_host_mapped(end - base);
		else if (d->kind != DEVICE_UART)
			continue;
		if (gstage_map(pool, base, base, end - base,
			       GSTAGE_R | GSTAGE_W))
			tsm_panic("cannot map device %#lx", (unsigned long)base);
	}
}

/* Move the host image (the initrd) to where host payloads are linked. */
static unsigned long place_host(void)
{
	const struct mem_range *initrd = &tsm.plat.initrd;
	const uint64_t dest = CONFIG_TSM_HOST_LOAD_ADDR;
	const uint64_t fdt_end = tsm.plat.fdt.base + tsm.plat.fdt.size;

	if (!initrd->size)
		tsm_panic("no host image: pass one to QEMU with -initrd");
	if (!host_memory_owns(&tsm.host_mem, dest, initrd->size))
		tsm_panic("host image (%lu bytes) does not fit host memory at %#lx",
			  (unsigned long)initrd->size, (unsigned long)dest);
	if (dest < fdt_end && dest + initrd->size > tsm.plat.fdt.base)
		tsm_panic("host image at %#lx would overwrite the FDT",
			  (unsigned long)dest);
	memmove((void *)(uintptr_t)dest, (void *)(uintptr_t)initrd->base,
		initrd->size);
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
	entry = place_host();
	tsm_printf("tsm: entering the host at %#lx (%u G-stage pages used)\n",
		   entry, tsm.host_gstage.used);
	enter_host(h, hartid, entry);
}
