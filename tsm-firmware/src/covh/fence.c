// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * COVH fence: initiate_fence starts a global fence, each hart runs
 * local_fence, and the last one to do so makes every page converted
 * before the fence started CONFIDENTIAL: by then no hart can hold a stale
 * translation of it from the host's G-stage.  "Every hart" is every hart
 * online when the fence started: a hart that stops or suspends leaves
 * (its translations go with it), one that starts joins having flushed.
 */

#include "cove_handlers.h"
#include "tsm/arch.h"
#include "tsm/sbiret.h"
#include "internal.h"

void fence_add_converting(struct fence *fence, struct page_info *p,
			  unsigned long index)
{
	p->fence = fence->generation;
	if (fence->first > fence->last) {
		fence->first = index;
		fence->last = index;
	} else if (index < fence->first) {
		fence->first = index;
	} else if (index > fence->last) {
		fence->last = index;
	}
}

struct sbiret covh_initiate_fence(struct tsm *tsm)
{
	if (tsm->fence.in_progress)
		return sbiret_error(SBI_ERR_ALREADY_STARTED);
	tsm->fence.generation++;
	tsm->fence.in_progress = true;
	tsm->fence.pending = tsm->fence.online;
	return sbiret_value(0);
}

/*
 * Every page converted before the finished fence started is now usable;
 * the span of CONVERTING pages shrinks to those still waiting.
 */
static void fence_complete(struct tsm *tsm)
{
	uint32_t finished = tsm->fence.generation;
	unsigned long first = tsm->fence.first, last = tsm->fence.last;

	tsm->fence.first = ~0UL;
	tsm->fence.last = 0;
	for (unsigned long i = first; i <= last && i < tsm->pages.count; i++) {
		struct page_info *p = &tsm->pages.pages[i];

		if (p->state != TSM_PAGE_CONVERTING)
			continue;
		if (p->fence < finished) {
			page_set_state(p, TSM_PAGE_CONFIDENTIAL, SBI_EXT_COVH,
				       SBI_EXT_COVH_LOCAL_FENCE);
		} else {
			if (i < tsm->fence.first)
				tsm->fence.first = i;
			tsm->fence.last = i;
		}
	}
	tsm->fence.in_progress = false;
}

struct sbiret covh_local_fence(struct tsm *tsm)
{
	uint64_t me = 1ULL << arch_hart_index();

	if (!tsm->fence.in_progress || !(tsm->fence.pending & me))
		return sbiret_error(SBI_ERR_FAILED);	/* nothing to fence for */
	arch_hfence_gvma();
	tsm->fence.pending &= ~me;
	if (!tsm->fence.pending)
		fence_complete(tsm);
	return sbiret_value(0);
}

void fence_hart_join(struct fence *fence, unsigned int index)
{
	fence->online |= 1ULL << index;
}

void fence_hart_leave(struct tsm *tsm, unsigned int index)
{
	uint64_t bit = 1ULL << index;

	tsm->fence.online &= ~bit;
	if (!tsm->fence.in_progress || !(tsm->fence.pending & bit))
		return;
	tsm->fence.pending &= ~bit;
	if (!tsm->fence.pending)
		fence_complete(tsm);
}
