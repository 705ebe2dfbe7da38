/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * TVM bookkeeping.  A TVM is built while INITIALIZING (memory regions,
 * page-table pages, measured pages, vCPUs), then finalized to RUNNABLE;
 * its pages stay confidential (TVM_METADATA, TVM_MEMORY) until destroy.
 */
#ifndef __TSM_TVM_H__
#define __TSM_TVM_H__

#include <stdbool.h>
#include <stdint.h>

#include "autoconf.h"
#include "tsm/gstage.h"
#include "tsm/sha384.h"

#define TVM_PAGE_DIRECTORY_SIZE		(16 * 1024)
#define TVM_IDENTITY_SIZE		64

struct tvm_region {
	uint64_t gpa;
	uint64_t size;
};

/**
 * struct tvm - One TVM slot.
 * @in_use:	The slot holds a TVM.
 * @state:	enum sbi_tvm_state.
 * @page_directory:	Its G-stage root (16 KiB of confidential memory).
 * @state_addr:	Its state pages (CONFIG_TSM_TVM_STATE_PAGES).
 * @regions:	Guest physical memory regions, added before finalize.
 * @vcpu_state:	Each vCPU's state pages; 0 where no vCPU was created.
 * @pt_pages:	Page-table pages the host donated; @gstage takes from them.
 * @gstage:	The TVM's G-stage table.
 * @measurement:	SHA-384 over the measured records (src/covh/measurement.c).
 * @entry_sepc, @entry_arg:	Boot vCPU entry, from finalize_tvm.
 * @identity:	The host's identity buffer, from finalize_tvm (or zeros).
 * @started:	The boot vCPU has run: the TVM's clock (@htimedelta) is fixed.
 * @htimedelta:	TVM time = host time + this, fixed at the first run so
 *		that its time never goes backwards (0 on QEMU virt).
 */
struct tvm {
	bool in_use;
	uint8_t state;
	uint64_t page_directory;
	uint64_t state_addr;
	struct tvm_region regions[CONFIG_TSM_TVM_MAX_REGIONS];
	unsigned int nr_regions;
	uint64_t vcpu_state[CONFIG_TSM_MAX_VCPUS];
	uint64_t *pt_pages[CONFIG_TSM_TVM_MAX_PT_PAGES];
	struct gstage_pool gstage;
	uint8_t measurement[SHA384_DIGEST_SIZE];
	unsigned long entry_sepc;
	unsigned long entry_arg;
	uint8_t identity[TVM_IDENTITY_SIZE];
	bool started;
	unsigned long htimedelta;
};

#endif /* __TSM_TVM_H__ */
