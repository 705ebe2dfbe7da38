// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The host's G-stage mappings at boot.  The memory type of each comes from
 * spec/tsm.yaml's memory_attributes (generated host_memory_attributes.h),
 * so the policy the docs state is the one the PTEs carry.
 */

#include "covekit/riscv_encoding.h"
#include "host_memory_attributes.h"
#include "tsm/host_map.h"
#include "tsm/plic.h"

int host_map(struct gstage_pool *pool, const struct host_memory *hm,
	     const struct platform *plat, uint64_t *failed)
{
	int err;

	for (unsigned int i = 0; i < hm->nr_ranges; i++) {
		const struct mem_range *r = &hm->ranges[i];

		err = gstage_map_attr(pool, r->base, r->base, r->size,
				      GSTAGE_RWX,
				      host_mapping_pbmt[HOST_MAPPING_RAM]);
		if (err) {
			*failed = r->base;
			return err;
		}
	}
	for (unsigned int i = 0; i < plat->nr_devices; i++) {
		const struct platform_device *d = &plat->devices[i];
		uint64_t base = d->range.base & ~(PAGE_SIZE - 1);
		uint64_t end = (d->range.base + d->range.size + PAGE_SIZE - 1) &
			       ~(PAGE_SIZE - 1);

		/*
		 * The test device resets and powers off the machine: the host
		 * must not be able to end a boot without the TSM's scrub.
		 */
		enum host_mapping kind;

		if (d->kind == DEVICE_UART) {
			kind = HOST_MAPPING_UART;
		} else if (d->kind == DEVICE_PLIC) {
			/* Not its contexts' pages: plic.c serves those. */
			end = base + plic_host_mapped(end - base);
			kind = HOST_MAPPING_PLIC;
		} else {
			continue;
		}
		err = gstage_map_attr(pool, base, base, end - base,
				      GSTAGE_R | GSTAGE_W,
				      host_mapping_pbmt[kind]);
		if (err) {
			*failed = base;
			return err;
		}
	}
	return 0;
}
