/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * SHA-384 (FIPS 180-4, section 6.5): the SHA-512 compression function
 * started from SHA-384's own initial hash value, the digest being the
 * first 384 bits of the final state.  The TSM uses it for its
 * measurement registers.
 */
#ifndef __TSM_SHA384_H__
#define __TSM_SHA384_H__

#include <stddef.h>
#include <stdint.h>

#define SHA384_DIGEST_SIZE	48
#define SHA384_BLOCK_SIZE	128

/**
 * struct sha384_ctx - the state of an incremental SHA-384 computation
 * @state: the intermediate hash value H0..H7
 * @bytes: the number of message bytes hashed so far (the standard allows
 *         up to 2^128 - 1 bits; a 64-bit byte count is plenty here)
 * @buf: the bytes of a partial block not yet compressed
 * @used: how many bytes of @buf are in use, always < SHA384_BLOCK_SIZE
 *        between calls
 */
struct sha384_ctx {
	uint64_t state[8];
	uint64_t bytes;
	uint8_t buf[SHA384_BLOCK_SIZE];
	unsigned int used;
};

/**
 * sha384_init() - start a new SHA-384 computation
 * @ctx: the context to (re)initialise
 */
void sha384_init(struct sha384_ctx *ctx);

/**
 * sha384_update() - hash more of the message
 * @ctx: a context set up by sha384_init()
 * @data: the next bytes of the message; any alignment
 * @len: how many bytes; 0 is allowed (and @data may then be NULL)
 *
 * The message may be fed in pieces of any size: the digest depends only
 * on the concatenation of all the pieces.
 */
void sha384_update(struct sha384_ctx *ctx, const void *data, size_t len);

/**
 * sha384_final() - pad the message and produce its digest
 * @ctx: a context set up by sha384_init() and fed by sha384_update()
 * @digest: where to store the 48-byte digest
 *
 * The context is wiped afterwards; call sha384_init() to reuse it.
 */
void sha384_final(struct sha384_ctx *ctx, uint8_t digest[SHA384_DIGEST_SIZE]);

/**
 * sha384() - the SHA-384 digest of a message in one call
 * @data: the message; may be NULL if @len is 0
 * @len: its length in bytes
 * @digest: where to store the 48-byte digest; may overlap @data
 */
void sha384(const void *data, size_t len, uint8_t digest[SHA384_DIGEST_SIZE]);

/**
 * sha384_extend() - extend a measurement register
 * @measurement: the register, updated in place to
 *               SHA-384(@measurement || @data)
 * @data: the bytes measured into it; may be NULL if @len is 0
 * @len: their length in bytes
 */
void sha384_extend(uint8_t measurement[SHA384_DIGEST_SIZE], const void *data,
		   size_t len);

#endif /* __TSM_SHA384_H__ */
