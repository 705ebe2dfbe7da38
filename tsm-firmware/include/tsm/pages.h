/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The page tracker: the state of every 4 KiB page the host owned at boot
 * (tsm/host_memory.h).  States and the calls that may change them come from
 * spec/tsm.yaml (generated page_states.h); page_set_state() is the only
 * writer of a state and refuses any change the spec does not list.
 */
#ifndef __TSM_PAGES_H__
#define __TSM_PAGES_H__

#include <stdbool.h>
#include <stdint.h>

#include "covekit/riscv_encoding.h"
#include "page_states.h"
#include "tsm/host_memory.h"

/**
 * struct page_info - One tracked page.
 * @state:	enum tsm_page_state.
 * @tvm:	Owning TVM's id for the TVM_* states, else 0.
 * @fence:	For CONVERTING: the fence generation at conversion; the page
 *		becomes CONFIDENTIAL when a fence started later completes.
 */
struct page_info {
	uint8_t state;
	uint8_t tvm;
	uint16_t reserved;
	uint32_t fence;
};

struct page_tracker {
	struct page_info *pages;
	unsigned long capacity;
	struct {
		uint64_t base;
		unsigned long first;	/* index of its first page in @pages */
		unsigned long count;
	} ranges[HOST_MAX_RANGES];
	unsigned int nr_ranges;
	unsigned long count;	/* pages tracked, <= capacity */
};

/*
 * Track the pages of hm's ranges (all HOST), in array (capacity entries).
 * Pages past the capacity are the host's but cannot be converted.
 */
void pages_init(struct page_tracker *pt, const struct host_memory *hm,
		struct page_info *array, unsigned long capacity);

/* The tracked page holding addr, or NULL. */
struct page_info *pages_lookup(const struct page_tracker *pt, uint64_t addr);

/* Bit for a state in a mask of acceptable states. */
#define PAGE_STATE_BIT(s)	(1U << (s))

/*
 * Check n pages from base (base 4 KiB aligned): SBI_ERR_INVALID_ADDRESS if
 * any is not tracked (or the span wraps), wrong_state if any is not in a
 * state of state_mask, else SBI_ERR_SUCCESS.
 */
long pages_check(const struct page_tracker *pt, uint64_t base, unsigned long n,
		 unsigned int state_mask, long wrong_state);

/*
 * Move a page to state to on behalf of the call (eid, fid): 0, or -1 when
 * spec/tsm.yaml has no such transition (a TSM bug: nothing changes).
 */
int page_set_state(struct page_info *p, enum tsm_page_state to,
		   unsigned long eid, unsigned long fid);

/*
 * Whether the host may name [base, base + size) as its own memory for the
 * TSM (or OpenSBI) to read or write: inside hm, every page pt tracks in
 * HOST state.
 */
bool host_accessible(const struct host_memory *hm,
		     const struct page_tracker *pt, uint64_t base, uint64_t size);

#endif /* __TSM_PAGES_H__ */
