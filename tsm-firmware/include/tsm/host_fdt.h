/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The device tree the host gets: the one OpenSBI passed the TSM, rewritten
 * so that it describes the machine the host really has (see
 * Documentation/tsm.rst, "The host's device tree").
 */
#ifndef __TSM_HOST_FDT_H__
#define __TSM_HOST_FDT_H__

#include <stddef.h>
#include <stdint.h>

#include "tsm/host_memory.h"
#include "tsm/platform.h"

/* At most this many RAM ranges the host cannot use get a no-map node. */
#define HOST_FDT_MAX_HIDDEN	HOST_MAX_RANGES

/*
 * Write the host's tree for the blob in (at most in_max bytes, the one plat
 * was read from) into buf (cap bytes, not overlapping in): 0 and its size
 * in *size, or a DT_ERR_* (DT_ERR_NOSPACE: buf too small).
 */
int host_fdt_build(const void *in, size_t in_max, const struct platform *plat,
		   const struct host_memory *hm, void *buf, size_t cap,
		   uint32_t *size);

#endif /* __TSM_HOST_FDT_H__ */
