// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* tsm/arch.h for host unit tests: count fences, run as arch_stub_hart. */

#include "tsm/arch.h"

unsigned int arch_hfence_count;
unsigned int arch_stub_hart;	/* the hart the next call runs on */

void arch_hfence_gvma(void)
{
	arch_hfence_count++;
}

unsigned int arch_hart_index(void)
{
	return arch_stub_hart;
}
