// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Hart operations for the portable logic. */

#include "tsm/arch.h"
#include "covekit/riscv_asm.h"
#include "tsm/hart.h"

void arch_hfence_gvma(void)
{
	hfence_gvma_all();
}

unsigned int arch_hart_index(void)
{
	return hart_self()->index;
}
