/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The fuzzer's input format: one configuration byte (machine.h,
 * FUZZ_CFG_*), then up to FUZZ_MAX_CALLS entries of FUZZ_ENTRY_SIZE bytes
 * (a shorter tail is ignored):
 *
 *   byte 0      op: bits 6-0 modulo FUZZ_OP_COUNT pick the operation;
 *               bit 7 makes the call on hart 1 (when two are online)
 *   bytes 1-18  six arguments a0..a5, three bytes each:
 *                 kind byte: bits 3-0 modulo FUZZ_ARG_KINDS pick how the
 *                            value is made, bits 6-4 a tweak (FUZZ_TWEAK_*)
 *                 param: 16 bits, little-endian
 *
 * Arguments are drawn from the machine's current state so that a short
 * input reaches deep states: "the 3rd CONFIDENTIAL page" stays valid
 * whatever the earlier calls did.  tools/lib/covekit_tools/fuzz.py
 * writes the seed corpus in this format; keep the two in step.
 */
#ifndef __FUZZ_INPUT_H__
#define __FUZZ_INPUT_H__

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FUZZ_ENTRY_SIZE		19
#define FUZZ_MAX_CALLS		128

/*
 * Operations: 0..19 are the COVH FIDs, called with a0..a5.  For
 * run_tvm_vcpu, a2 (which the call ignores) picks how the vCPU exits
 * (machine.h, enum fuzz_exit).
 */
enum fuzz_op {
	FUZZ_OP_COVH_LAST = 19,
	/*
	 * The host writes byte a1 over the page holding a0, if its G-stage
	 * maps it: data for measured pages, and for reclaim to wipe.
	 */
	FUZZ_OP_HOST_WRITE = 20,
	/* COVH with a6 = a5 (reserved bits, FIDs past the table), a5 = 0. */
	FUZZ_OP_COVH_RAW = 21,
	/*
	 * Another extension, by a5 % 6: COVG FID a4 % 16, COVI FID a4 % 16,
	 * BASE probe_extension(a0), DBCN console_write(a0, a1, a2),
	 * DBCN console_read(a0, a1, a2), HSM hart_start(a0, a1, a2).
	 */
	FUZZ_OP_OTHER_EXT = 22,
	/* NACL set_shmem(a0, a1, a2) on the call's hart: the run's area. */
	FUZZ_OP_SET_SHMEM = 23,
	/* NACL probe_feature(a0). */
	FUZZ_OP_PROBE_FEATURE = 24,
	FUZZ_OP_COUNT = 25,
};

/* How an argument's value is made from its 16-bit param p. */
enum fuzz_arg_kind {
	FUZZ_ARG_SMALL,		/* p itself */
	FUZZ_ARG_RAM,		/* RAM page p % pages (any owner) */
	FUZZ_ARG_HOST,		/* the host's page p % pages, in address order */
	FUZZ_ARG_STATE,		/* the (p >> 3)-th tracked page in state (p & 7) % 5,
				   wrapping; the first tracked page if none */
	FUZZ_ARG_OWNED,		/* the (p >> 3)-th page of TVM (p & 7) % MAX_TVMS + 1,
				   wrapping; the first tracked page if none */
	FUZZ_ARG_IMAGE,		/* page p of the TSM's image, or of OpenSBI's
				   region when p bit 15 is set */
	FUZZ_ARG_EDGE,		/* fuzz_edges[p % count]: range and table edges */
	FUZZ_ARG_SPECIAL,	/* fuzz_specials[p % count]: 0, ~0, huge counts */
	FUZZ_ARG_TVM,		/* a TVM id, p % (MAX_TVMS + 2): 0 and one past */
	FUZZ_ARG_GPA,		/* guest physical 0x80000000 + p pages */
	FUZZ_ARG_PAGES,		/* p * 4096: a length in bytes */
	FUZZ_ARG_KINDS,
};

/* Added to the value after it is made. */
enum fuzz_tweak {
	FUZZ_TWEAK_NONE,
	FUZZ_TWEAK_PLUS_1,
	FUZZ_TWEAK_MINUS_1,
	FUZZ_TWEAK_PLUS_PAGE,
	FUZZ_TWEAK_MINUS_PAGE,
	FUZZ_TWEAK_PLUS_2M,
	FUZZ_TWEAK_MINUS_2M,
	FUZZ_TWEAK_NOT,		/* ~value */
};

struct fuzz_call {
	unsigned int op;	/* enum fuzz_op, or a COVH FID */
	unsigned int hart;
	unsigned long eid;	/* the call as made: a7, a6, a0..a5 */
	unsigned long a6;
	unsigned long args[6];
};

struct fuzz_input {
	const uint8_t *data;
	size_t size;
	size_t pos;
	unsigned int calls;
};

/* Start reading data; returns its configuration byte. */
uint8_t fuzz_input_start(struct fuzz_input *in, const uint8_t *data,
			 size_t size);
/*
 * Decode the next entry against the TSM's state now: false at the end.
 * harts is how many harts are online.
 */
bool fuzz_next_call(struct fuzz_input *in, unsigned int harts,
		    struct fuzz_call *call);

#endif /* __FUZZ_INPUT_H__ */
