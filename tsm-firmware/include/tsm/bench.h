/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
#ifndef __TSM_BENCH_H__
#define __TSM_BENCH_H__

/* Print the instructions one BASE call from HS-mode to OpenSBI takes. */
void bench_hs_sbi_call(void);

#endif /* __TSM_BENCH_H__ */
