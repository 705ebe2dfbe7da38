/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* The host's G-stage mappings at boot: its memory and its devices. */
#ifndef __TSM_HOST_MAP_H__
#define __TSM_HOST_MAP_H__

#include <stdint.h>

#include "tsm/gstage.h"
#include "tsm/host_memory.h"
#include "tsm/platform.h"

/*
 * Identity-map every host memory range (RWX) and every device the host
 * may reach (RW) into pool, each with the memory type the spec's
 * memory_attributes gives its kind.  0, or gstage_map()'s error with the
 * range's base in *failed.
 */
int host_map(struct gstage_pool *pool, const struct host_memory *hm,
	     const struct platform *plat, uint64_t *failed);

#endif /* __TSM_HOST_MAP_H__ */
