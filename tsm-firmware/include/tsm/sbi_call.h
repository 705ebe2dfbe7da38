/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Calls from the TSM (HS-mode) down to OpenSBI (M-mode). */
#ifndef __TSM_SBI_CALL_H__
#define __TSM_SBI_CALL_H__

#include "sbi_abi.h"

struct sbiret sbi_call(unsigned long eid, unsigned long fid,
		       const unsigned long args[6]);

static inline struct sbiret sbi_call0(unsigned long eid, unsigned long fid)
{
	const unsigned long args[6] = { 0 };

	return sbi_call(eid, fid, args);
}

#endif /* __TSM_SBI_CALL_H__ */
