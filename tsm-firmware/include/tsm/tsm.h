/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* The TSM's global state, set up once at boot. */
#ifndef __TSM_TSM_H__
#define __TSM_TSM_H__

#include <stdbool.h>
#include <stdint.h>

#include "autoconf.h"

#include "tsm/gstage.h"
#include "tsm/host_memory.h"
#include "tsm/pages.h"
#include "tsm/platform.h"
#include "tsm/tvm.h"

/**
 * struct fence - The global fence that makes converted pages usable.
 * @generation:	Fences initiated so far; a converting page records it.
 * @in_progress:	initiate_fence ran, some hart has not fenced yet.
 * @pending:	Harts (by index) still to run local_fence.
 * @online:	Harts running the host (by index): a fence waits for each.
 * @first, @last:	Tracker indices that hold every CONVERTING page
 *		(first > last when there is none), so completing a fence
 *		walks only them.
 */
struct fence {
	uint32_t generation;
	bool in_progress;
	uint64_t pending;
	uint64_t online;
	unsigned long first;
	unsigned long last;
};

/**
 * struct tsm - What the TSM knows and owns.
 * @plat:	The machine, from the FDT.
 * @image:	The TSM's own memory (code, data, stacks, page tables).
 * @host_mem:	Memory the host owns and may name in calls.
 * @host_gstage:	The host's G-stage table.
 * @pages:	State of every page the host owned at boot.
 * @fence:	The global fence.
 * @tvms:	TVM slots; a TVM's id is its index + 1.
 * @fdt_addr:	The FDT OpenSBI passed, then the host's (host_fdt.c),
 *		passed to the host in a1.
 * @trace:	Print every host call ("tsm.trace" in bootargs, or Kconfig).
 * @nacl_shmem:	Each hart's NACL shared-memory area (by hart index), 0
 *		when none: set with NACL set_shmem, used by run_tvm_vcpu.
 */
struct tsm {
	struct platform plat;
	struct mem_range image;
	struct host_memory host_mem;
	struct gstage_pool host_gstage;
	struct page_tracker pages;
	struct fence fence;
	struct tvm tvms[CONFIG_TSM_MAX_TVMS];
	unsigned long fdt_addr;
	bool trace;
	uint64_t nacl_shmem[CONFIG_TSM_MAX_HARTS];
};

/*
 * A hart starts (or resumes) running the host: later fences wait for it.
 * It must flush its G-stage translations before it runs host code.
 */
void fence_hart_join(struct fence *fence, unsigned int index);

/*
 * A hart stops running the host (stop, non-retentive suspend): no fence
 * waits for it, and a fence that waited only for it completes.  It must
 * flush when it comes back (hart_enter_host() does).
 */
void fence_hart_leave(struct tsm *tsm, unsigned int index);

#endif /* __TSM_TSM_H__ */
