/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* SBI calls that reach the TSM: answered here, or forwarded to OpenSBI. */
#ifndef __TSM_DISPATCH_H__
#define __TSM_DISPATCH_H__

#include <stdbool.h>

#include "sbi_abi.h"

struct tsm;

/* Who made a call (enum sbi_abi_caller in cove_dispatch_table.h). */
#define DISPATCH_FROM_HOST	1U
#define DISPATCH_FROM_GUEST	2U

/* What to do with a call. */
enum dispatch_action {
	DISPATCH_ANSWERED,	/* *ret holds the TSM's answer */
	DISPATCH_FORWARD,	/* pass it to OpenSBI unchanged */
	DISPATCH_RESET,		/* SRST system_reset: scrub, then forward */
	DISPATCH_HART,		/* HSM, IPI, RFENCE, TIME: hart_sbi_call() */
};

/**
 * dispatch_sbi_call() - Decide on one SBI call.
 * @tsm:	The TSM's state; the handlers get it and nothing else.
 * @from:	DISPATCH_FROM_HOST or DISPATCH_FROM_GUEST.
 * @eid:	a7.
 * @a6:		a6: the FID (bits 15:0 for CoVE, which also reserves the rest).
 * @args:	a0..a5.
 * @ret:	The answer, when the TSM answers.
 *
 * CoVE calls go through the generated dispatch table (argument checks,
 * then the handler).  BASE probes for the CoVE extensions and for
 * extensions the TSM does not forward are answered here.  Only extensions
 * the spec marks 'forward' reach OpenSBI, and only when every address they
 * name is the host's own (host_accessible()): OpenSBI must never touch TSM
 * or confidential memory on the host's behalf.  A valid SRST system_reset
 * is DISPATCH_RESET: nothing confidential may outlive the reset.  Calls
 * that start, stop or suspend a hart, send an IPI, fence the host's
 * translations on other harts or set the timer are DISPATCH_HART: the
 * TSM carries them out on its harts (src/hart.c, src/irq.c).
 */
enum dispatch_action dispatch_sbi_call(struct tsm *tsm, unsigned int from,
				       unsigned long eid, unsigned long a6,
				       const unsigned long args[6],
				       struct sbiret *ret);

/* "COVH.tsm_get_info" for traces; "?" parts for unknown IDs. */
const char *dispatch_call_name(unsigned long eid, unsigned long fid,
			       char *buf, unsigned int size);

#endif /* __TSM_DISPATCH_H__ */
