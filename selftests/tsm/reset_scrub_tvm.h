/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * A TVM built to be looked for after a reset: its pages at a fixed host
 * address, a measured page carrying a known pattern.
 */
#ifndef __RESET_SCRUB_TVM_H__
#define __RESET_SCRUB_TVM_H__

#include <stdbool.h>
#include <stdint.h>

#include "covekit/riscv_encoding.h"

#define RS_TVM_BASE	0x81000000UL	/* host memory, away from the payload */
#define RS_TVM_PAGES	16UL

/* Byte i of the planted pattern: never zero. */
static inline uint8_t rs_pattern(unsigned long i)
{
	return (uint8_t)(0xc0 | ((i * 13 + 5) & 0x3f));
}

struct rs_scan {
	unsigned long nonzero;	/* bytes of the whole range that are not 0 */
	unsigned long pattern;	/* bytes of the measured page that match */
};

/*
 * Zero the range, convert and fence it, create a TVM over it (page
 * directory, state, page tables, a measured page with the pattern, a
 * vCPU), finalize it; then wipe the pattern's source.  *planted is the
 * sum of the bytes handed to add_tvm_measured_pages.  Diagnostics say
 * what failed.  Returns whether every step succeeded.
 */
bool rs_build_tvm(unsigned long *planted);

/* Scan the range (readable again only once it is the host's). */
struct rs_scan rs_scan_range(void);

#endif /* __RESET_SCRUB_TVM_H__ */
