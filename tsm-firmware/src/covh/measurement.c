// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * A TVM's measurement (spec/tsm.yaml, measurement;
 * Documentation/abi/measurement.rst): m starts as 48 zero bytes at
 * create_tvm, and each measured step extends it with one record, in call
 * order: m = SHA-384(m || record).  A record is an 8-byte ASCII tag naming
 * it, then its fields, u64 little-endian:
 *	TVM_REGN gpa size		add_tvm_memory_region
 *	TVM_PAGE gpa, 4096 bytes	each page of add_tvm_measured_pages
 *	TVM_FINL entry_sepc entry_arg vcpus	finalize_tvm
 * Each record is extended only once its call can no longer fail.
 */

#include "internal.h"

#define MEASURE_TAG_SIZE	8
#define MEASURE_MAX_WORDS	3	/* the most u64 fields a record has */

/*
 * m = SHA-384(m || tag || each word as u64 little-endian || data): extend
 * the TVM's measurement with one record (the tag is 8 ASCII bytes).
 */
void measure_record(struct tvm *tvm, const char *tag, const uint64_t *words,
		    unsigned int nr_words, const void *data, size_t len)
{
	uint8_t le[MEASURE_MAX_WORDS * 8];
	struct sha384_ctx ctx;

	for (unsigned int w = 0; w < nr_words; w++)
		for (unsigned int i = 0; i < 8; i++)
			le[w * 8 + i] = (uint8_t)(words[w] >> (8 * i));
	sha384_init(&ctx);
	sha384_update(&ctx, tvm->measurement, sizeof(tvm->measurement));
	sha384_update(&ctx, tag, MEASURE_TAG_SIZE);
	sha384_update(&ctx, le, nr_words * 8);
	if (len)
		sha384_update(&ctx, data, len);
	sha384_final(&ctx, tvm->measurement);
}
