// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * "tsm.bench" in bootargs: the baseline for tools/bench tsm, an SBI call
 * made straight from HS-mode to OpenSBI, counted in retired instructions
 * (deterministic under QEMU's -icount).
 */

#include "tsm/bench.h"
#include "tsm/console.h"
#include "covekit/riscv_asm.h"
#include "tsm/sbi_call.h"

#define BENCH_CALLS	64

void bench_hs_sbi_call(void)
{
	unsigned long start, end;

	sbi_call0(SBI_EXT_BASE, SBI_EXT_BASE_GET_SPEC_VERSION);	/* warm up */
	start = csr_read(CSR_INSTRET);
	for (unsigned int i = 0; i < BENCH_CALLS; i++)
		sbi_call0(SBI_EXT_BASE, SBI_EXT_BASE_GET_SPEC_VERSION);
	end = csr_read(CSR_INSTRET);
	tsm_printf("bench: hs_base_call %lu instructions\n",
		   (end - start) / BENCH_CALLS);
}
