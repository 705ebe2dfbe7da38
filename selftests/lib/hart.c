// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Starting other harts for a payload: a stack each, then fn(hartid, arg). */

#include "payload.h"

/* What payload_hart_entry (crt0.S) loads: keep the offsets in step. */
struct hart_start {
	unsigned long sp;	/* 0 */
	unsigned long fn;	/* 8 */
	unsigned long arg;	/* 16 */
};

static struct hart_start starts[PAYLOAD_MAX_HARTS];
static uint8_t stacks[PAYLOAD_MAX_HARTS][8192] __attribute__((aligned(16)));

void payload_hart_entry(void);

long payload_start_hart(unsigned long hartid,
			void (*fn)(unsigned long hartid, unsigned long arg),
			unsigned long arg)
{
	if (hartid >= PAYLOAD_MAX_HARTS)
		return SBI_ERR_INVALID_PARAM;
	starts[hartid].sp = (unsigned long)stacks[hartid] +
			    sizeof(stacks[hartid]);
	starts[hartid].fn = (unsigned long)fn;
	starts[hartid].arg = arg;
	__sync_synchronize();
	return sbi_hsm_hart_start(hartid, (unsigned long)payload_hart_entry,
				  (unsigned long)&starts[hartid]).error;
}
