/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * What the COVH handlers (src/covh/, one file per object the ABI acts on)
 * share, and nothing else includes.
 */
#ifndef __TSM_COVH_INTERNAL_H__
#define __TSM_COVH_INTERNAL_H__

#include <stdbool.h>
#include <stdint.h>

#include "tsm/tsm.h"

/* The only state a page handed to a TVM may come from. */
#define CONFIDENTIAL_ONLY	PAGE_STATE_BIT(TSM_PAGE_CONFIDENTIAL)

/* The TVM a host-supplied id names, or NULL (tvm.c). */
struct tvm *tvm_get(struct tsm *tsm, unsigned long tvm_id);

/* Move n confidential pages from base to the TVM, as state to (tvm.c). */
void give_pages(struct page_tracker *pages, uint64_t base, unsigned long n,
		enum tsm_page_state to, unsigned long tvm_id, unsigned long fid);

static inline bool ranges_overlap(uint64_t a, uint64_t a_size, uint64_t b,
				  uint64_t b_size)
{
	return a < b + b_size && b < a + a_size;
}

/*
 * Extend the TVM's measurement with one record: an 8-byte ASCII tag, then
 * nr_words u64 little-endian, then len bytes of data (measurement.c).
 */
void measure_record(struct tvm *tvm, const char *tag, const uint64_t *words,
		    unsigned int nr_words, const void *data, size_t len);

/*
 * A page convert_pages just moved to CONVERTING, at tracker index index:
 * record the fence it waits for and keep it in the span a completing
 * fence walks (fence.c).
 */
void fence_add_converting(struct fence *fence, struct page_info *p,
			  unsigned long index);

#endif /* __TSM_COVH_INTERNAL_H__ */
