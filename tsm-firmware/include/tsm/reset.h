/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Resets and stops: whatever ends this boot first scrubs confidential
 * memory (tsm/scrub.h), as RAM outlives a reset and the next boot gives
 * it all to the host.
 */
#ifndef __TSM_RESET_H__
#define __TSM_RESET_H__

/*
 * Scrub every non-HOST page and the TVM slots, once per boot: a fault
 * while scrubbing panics, and that panic does not scrub again.
 */
void reset_scrub(void);

/*
 * Make QEMU exit with status 1 through sifive,test1, when there is one,
 * and wait for it; returns only when there is none.
 */
void reset_test_fail(void);

/*
 * The host's SRST system_reset, its arguments checked (dispatch.c):
 * scrub, then a SHUTDOWN for SYSTEM_FAILURE exits through the test
 * device, anything else goes to OpenSBI.  Never returns: should OpenSBI
 * refuse, the TVMs are gone and the TSM stops.
 */
void reset_system(unsigned long eid, unsigned long fid,
		  const unsigned long args[6]) __attribute__((noreturn));

/* Stop after a panic: test device, else SRST shutdown, else wfi. */
void reset_stop(void) __attribute__((noreturn));

#endif /* __TSM_RESET_H__ */
