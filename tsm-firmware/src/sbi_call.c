// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* ecall from HS-mode: OpenSBI in M-mode answers. */

#include "tsm/sbi_call.h"

struct sbiret sbi_call(unsigned long eid, unsigned long fid,
		       const unsigned long args[6])
{
	register unsigned long a0 __asm__("a0") = args[0];
	register unsigned long a1 __asm__("a1") = args[1];
	register unsigned long a2 __asm__("a2") = args[2];
	register unsigned long a3 __asm__("a3") = args[3];
	register unsigned long a4 __asm__("a4") = args[4];
	register unsigned long a5 __asm__("a5") = args[5];
	register unsigned long a6 __asm__("a6") = fid;
	register unsigned long a7 __asm__("a7") = eid;

	__asm__ __volatile__("ecall"
			     : "+r"(a0), "+r"(a1)
			     : "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a6),
			       "r"(a7)
			     : "memory");
	return (struct sbiret){ .error = (long)a0, .value = (long)a1 };
}
