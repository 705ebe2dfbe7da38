/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * What a guest payload and the host's VMM (selftests/lib/vmm.c) agree
 * on: the guest's memory map, the test a guest runs (finalize_tvm's
 * entry argument, a1 at the boot vCPU's entry), and a private SBI
 * extension in the experimental EID range that the TSM forwards to the
 * host as an ecall exit like any SBI call it does not serve.
 */
#ifndef __VMM_ABI_H__
#define __VMM_ABI_H__

/* The guest's one confidential region; its image is loaded at the base. */
#define GUEST_GPA_BASE		0x80000000
#define GUEST_REGION_SIZE	0x100000
/* Past the image: pages only demand-zero faults bring in. */
#define GUEST_ZERO_GPA		(GUEST_GPA_BASE + 0x80000)
#define GUEST_ZERO_PAGES	4
#define GUEST_MAX_VCPUS		2

/* "VMM" in the SBI experimental range 0x08000000-0x08FFFFFF. */
#define VMM_EID			0x08564D4D
#define GUEST_STACK_SIZE	8192
/* The enum's numbers the guest's assembly needs. */
#define VMM_FID_ECHO_NUM	3
#define VMM_FID_MARK_NUM	4
#define VMM_FID_FP_CLOBBER_NUM	6

/* Secret register values the host scans the NACL area for. */
#define VMM_SECRET_MASK		0xffffffffffff0000
#define VMM_SECRET		0x5ec2e7c0ffee0000

#ifndef __ASSEMBLER__
enum vmm_fid {
	VMM_FID_EXIT = 0,	/* a0 = status: the guest's KTAP verdict */
	VMM_FID_ARG = 1,	/* a0 = index: a1 = the host's argument */
	VMM_FID_HART = 2,	/* a1 = the host hart serving this exit */
	VMM_FID_ECHO = 3,	/* host records a0-a7, answers VMM_ECHO_A0/A1 */
	VMM_FID_MARK = 4,	/* does nothing: a timestamp for the bench */
	VMM_FID_EXITS = 5,	/* a0 = cause: a1 = exits of that cause so far */
	VMM_FID_FP_CLOBBER = 6,	/* host overwrites its own f0-f31 and fcsr */
};

/* What the host answers VMM_FID_ECHO with, and what the guest sends. */
#define VMM_ECHO_A0		0x0123456789abcdefUL
#define VMM_ECHO_A1		0xfedcba9876543210UL
#define VMM_ECHO_ARG(n)		(0xec40000000000000UL | ((unsigned long)(n) << 8) | 0x5a)


/* Guest tests: finalize_tvm's entry argument. */
enum guest_test {
	GUEST_REGS = 1,		/* GPRs and VS CSRs survive exits */
	GUEST_ECALL,		/* a0-a7 to the host, a0/a1 back */
	GUEST_TIMER,		/* Sstc timer interrupt inside the TVM */
	GUEST_WFI,		/* WFI parks the vCPU until its timer */
	GUEST_ZERO,		/* demand-zero pages read as zero */
	GUEST_SMP,		/* HSM starts vCPU 1 */
	GUEST_OUTSIDE,		/* access outside the regions faults inside */
	GUEST_HOSTMEM,		/* host RAM's PA as a GPA faults inside */
	GUEST_PEER,		/* two TVMs: each sees only its own page */
	GUEST_SECRET,		/* secret in registers across exits */
	GUEST_SPIN,		/* runs until the host's timer interrupts it */
	GUEST_BENCH,		/* bench: marks around ecalls and BASE probes */
	GUEST_IPI,		/* IPIs and remote fences between vCPUs */
	GUEST_FP,		/* f0-f31 and fcsr survive ecall and WFI exits */
	GUEST_NR_TESTS,
};

/* Arguments (VMM_FID_ARG index) the host gives some tests. */
#define VMM_ARG_PEER_PA		0	/* PEER/HOSTMEM: a host PA to probe */
#define VMM_ARG_PEER_SEED	1	/* PEER: this TVM's own pattern */
#define VMM_ARG_OTHER_SEED	2	/* PEER: the other TVM's pattern */

/* hart_start's opaque value that makes vCPU 1 run the IPI test's side. */
#define GUEST_IPI_OPAQUE	0x1b1UL

_Static_assert(VMM_FID_ECHO == VMM_FID_ECHO_NUM && VMM_FID_MARK == VMM_FID_MARK_NUM &&
	       VMM_FID_FP_CLOBBER == VMM_FID_FP_CLOBBER_NUM,
	       "assembly's FIDs match");
#endif /* __ASSEMBLER__ */

#define BENCH_PROBES		64
#define BENCH_ECALLS		64

#endif /* __VMM_ABI_H__ */
