// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * FP state across exits.  The guest image is built without F/D, so the
 * FP instructions are enabled here, inside the one asm block that loads
 * f0-f31 and fcsr, exits, and stores them back: the compiler never sees
 * an FP register.  The host overwrites its own FP registers on both
 * exits (vmm.c), so only the TSM's save and restore can keep ours.
 */

#include "guest.h"

#define SSTATUS_FS		(3UL << 13)
#define SSTATUS_FS_INITIAL	(1UL << 13)
#define SSTATUS_FS_DIRTY	(3UL << 13)
/* frm = RUP (3), fflags = NV|OF|NX: neither zero nor the host's. */
#define FCSR_PATTERN		0x75UL

#define FP_LOAD(n)	"fld f" #n ", " #n "*8(%[in])\n"
#define FP_STORE(n)	"fsd f" #n ", " #n "*8(%[out])\n"
#define FP_ALL(op)							\
	op(0) op(1) op(2) op(3) op(4) op(5) op(6) op(7)			\
	op(8) op(9) op(10) op(11) op(12) op(13) op(14) op(15)		\
	op(16) op(17) op(18) op(19) op(20) op(21) op(22) op(23)		\
	op(24) op(25) op(26) op(27) op(28) op(29) op(30) op(31)

/* Load in[] and fcsr, run `exit`, store into out[]; returns fcsr. */
#define FP_ROUND(exit, in, out)	({					\
	unsigned long __fcsr;						\
	__asm__ __volatile__(						\
		".option push\n.option arch, +d\n"			\
		FP_ALL(FP_LOAD)						\
		"fscsr %[fc]\n"						\
		"li a7, %[eid]\n li a6, %[fid]\n"			\
		exit "\n"						\
		FP_ALL(FP_STORE)					\
		"frcsr %[fc]\n"						\
		".option pop\n"						\
		: [fc] "=&r"(__fcsr)					\
		: [in] "r"(in), [out] "r"(out), "0"(FCSR_PATTERN),	\
		  [eid] "i"(VMM_EID), [fid] "i"(VMM_FID_FP_CLOBBER)	\
		: "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "memory"); \
	__fcsr; })

static unsigned long in[32], out[32];

static unsigned long sstatus(void)
{
	unsigned long v;

	__asm__ __volatile__("csrr %0, sstatus" : "=r"(v));
	return v;
}

static int fp_mismatch(void)
{
	for (int i = 0; i < 32; i++)
		if (out[i] != in[i])
			return i;
	return -1;
}

int guest_fp(void)
{
	unsigned long fcsr, e22;

	ktap_start(7);
	/* Bit patterns, not numbers: fld/fsd move 64 bits untouched. */
	for (int i = 0; i < 32; i++)
		in[i] = 0xf00d000000000000UL | (unsigned long)i << 32 | ~(unsigned long)i >> 32;
	__asm__ __volatile__("csrs sstatus, %0" :: "r"(SSTATUS_FS_INITIAL));

	fcsr = FP_ROUND("ecall", in, out);
	ktap_eq(fp_mismatch(), -1, "f0-f31 survive an ecall exit (first wrong f%d; -1: none)",
		fp_mismatch());
	ktap_eq(fcsr, FCSR_PATTERN, "fcsr survives an ecall exit");
	ktap_eq(sstatus() & SSTATUS_FS, SSTATUS_FS_DIRTY, "sstatus.FS is Dirty after");

	for (int i = 0; i < 32; i++) {
		in[i] = ~in[i];
		out[i] = 0;
	}
	/* Interrupts off and no timer: the host resumes the WFI at once. */
	payload_irq_disable();
	e22 = guest_exits(CAUSE_VIRTUAL_INSN);
	fcsr = FP_ROUND("wfi", in, out);
	ktap_ok(guest_exits(CAUSE_VIRTUAL_INSN) > e22, "the WFI exited to the host");
	ktap_eq(fp_mismatch(), -1, "f0-f31 survive a WFI exit (first wrong f%d; -1: none)",
		fp_mismatch());
	ktap_eq(fcsr, FCSR_PATTERN, "fcsr survives a WFI exit");
	ktap_eq(sstatus() & SSTATUS_FS, SSTATUS_FS_DIRTY, "sstatus.FS is still Dirty");
	return ktap_finish();
}
