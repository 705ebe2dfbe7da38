/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Scrub: zero everything confidential before the machine resets, powers
 * off or stops.  RAM survives a reset (QEMU keeps it, so may hardware),
 * and on the next boot the TSM hands all of it to the host.
 */
#ifndef __TSM_SCRUB_H__
#define __TSM_SCRUB_H__

#include <stddef.h>

#include "tsm/pages.h"
#include "tsm/tvm.h"

/*
 * Zero every tracked page of pt whose state is not HOST (converting,
 * confidential, TVM metadata and memory); HOST pages are not touched.
 * Page states stay as they are.  Returns the number of pages zeroed.
 */
unsigned long scrub_pages(const struct page_tracker *pt);

/* Zero n bytes at p with stores the compiler cannot drop. */
void scrub_bytes(void *p, size_t n);

/*
 * Scrub before a reset: scrub_pages(pt), then zero the nr TVM slots at
 * tvms (measurements, identities, entry points, page lists).  The TSM
 * cannot run TVMs after this; it only resets or stops.  Returns the
 * number of pages zeroed.
 */
unsigned long scrub_for_reset(const struct page_tracker *pt,
			      struct tvm *tvms, unsigned int nr);

#endif /* __TSM_SCRUB_H__ */
