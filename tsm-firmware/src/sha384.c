// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * SHA-384 after FIPS 180-4: the SHA-512 compression function (section
 * 6.4) over 1024-bit blocks, padded as in section 5.1.2 (a 1 bit, zeros,
 * then the message length in bits as a 128-bit big-endian number),
 * started from the initial hash value of section 5.3.4 and truncated to
 * 384 bits.  Words are loaded and stored byte by byte, so the input may
 * have any alignment and the code is the same on either endianness.
 */

#include <stddef.h>
#include <stdint.h>

#include "tsm/sha384.h"
#include "covekit/string.h"

/* Where the 128-bit length starts in the last block. */
#define SHA384_LENGTH_OFFSET	(SHA384_BLOCK_SIZE - 16)

/*
 * The first 64 bits of the fractional parts of the cube roots of the
 * first 80 primes (FIPS 180-4, section 4.2.3).
 */
static const uint64_t sha512_k[80] = {
	0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL,
	0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
	0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL,
	0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
	0xd807aa98a3030242ULL, 0x12835b0145706fbeULL,
	0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
	0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL,
	0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
	0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL,
	0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
	0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL,
	0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
	0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL,
	0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
	0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL,
	0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
	0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL,
	0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
	0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL,
	0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
	0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL,
	0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
	0xd192e819d6ef5218ULL, 0xd69906245565a910ULL,
	0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
	0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL,
	0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
	0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL,
	0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
	0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL,
	0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
	0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL,
	0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
	0xca273eceea26619cULL, 0xd186b8c721c0c207ULL,
	0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
	0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL,
	0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
	0x28db77f523047d84ULL, 0x32caab7b40c72493ULL,
	0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
	0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL,
	0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

/*
 * SHA-384's initial hash value: the first 64 bits of the fractional parts
 * of the square roots of the ninth through sixteenth primes (FIPS 180-4,
 * section 5.3.4).
 */
static const uint64_t sha384_h0[8] = {
	0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL,
	0x9159015a3070dd17ULL, 0x152fecd8f70e5939ULL,
	0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL,
	0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL,
};

/*
 * Rotate right by n.  Every caller passes a constant in 1..63, so neither
 * shift below is by 0 or by 64.
 */
static inline uint64_t ror64(uint64_t x, unsigned int n)
{
	return (x >> n) | (x << (64 - n));
}

static inline uint64_t load_be64(const uint8_t *p)
{
	return (uint64_t)p[0] << 56 | (uint64_t)p[1] << 48 |
	       (uint64_t)p[2] << 40 | (uint64_t)p[3] << 32 |
	       (uint64_t)p[4] << 24 | (uint64_t)p[5] << 16 |
	       (uint64_t)p[6] << 8 | (uint64_t)p[7];
}

static inline void store_be64(uint8_t *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--) {
		p[i] = (uint8_t)v;
		v >>= 8;
	}
}

/* The functions of FIPS 180-4, section 4.1.3. */
static inline uint64_t ch(uint64_t x, uint64_t y, uint64_t z)
{
	return (x & y) ^ (~x & z);
}

static inline uint64_t maj(uint64_t x, uint64_t y, uint64_t z)
{
	return (x & y) ^ (x & z) ^ (y & z);
}

static inline uint64_t big_sigma0(uint64_t x)
{
	return ror64(x, 28) ^ ror64(x, 34) ^ ror64(x, 39);
}

static inline uint64_t big_sigma1(uint64_t x)
{
	return ror64(x, 14) ^ ror64(x, 18) ^ ror64(x, 41);
}

static inline uint64_t small_sigma0(uint64_t x)
{
	return ror64(x, 1) ^ ror64(x, 8) ^ (x >> 7);
}

static inline uint64_t small_sigma1(uint64_t x)
{
	return ror64(x, 19) ^ ror64(x, 61) ^ (x >> 6);
}

/*
 * Process one 128-byte block (FIPS 180-4, section 6.4.2).  The message
 * schedule is kept as a ring of 16 words: w[t % 16] holds W(t - 16) until
 * round t replaces it with W(t).
 */
static void sha384_block(uint64_t state[8], const uint8_t *block)
{
	uint64_t w[16];
	uint64_t a = state[0], b = state[1], c = state[2], d = state[3];
	uint64_t e = state[4], f = state[5], g = state[6], h = state[7];

	for (unsigned int t = 0; t < 80; t++) {
		uint64_t t1, t2;

		if (t < 16)
			w[t] = load_be64(block + 8 * t);
		else
			w[t & 15] += small_sigma1(w[(t - 2) & 15]) +
				     w[(t - 7) & 15] +
				     small_sigma0(w[(t - 15) & 15]);

		t1 = h + big_sigma1(e) + ch(e, f, g) + sha512_k[t] +
		     w[t & 15];
		t2 = big_sigma0(a) + maj(a, b, c);
		h = g;
		g = f;
		f = e;
		e = d + t1;
		d = c;
		c = b;
		b = a;
		a = t1 + t2;
	}

	state[0] += a;
	state[1] += b;
	state[2] += c;
	state[3] += d;
	state[4] += e;
	state[5] += f;
	state[6] += g;
	state[7] += h;
}

void sha384_init(struct sha384_ctx *ctx)
{
	memcpy(ctx->state, sha384_h0, sizeof(ctx->state));
	ctx->bytes = 0;
	ctx->used = 0;
}

void sha384_update(struct sha384_ctx *ctx, const void *data, size_t len)
{
	const uint8_t *p = data;

	if (!len)
		return;
	ctx->bytes += len;

	/* Top up a partial block first. */
	if (ctx->used) {
		size_t room = SHA384_BLOCK_SIZE - ctx->used;
		size_t n = len < room ? len : room;

		memcpy(ctx->buf + ctx->used, p, n);
		ctx->used += (unsigned int)n;
		p += n;
		len -= n;
		if (ctx->used < SHA384_BLOCK_SIZE)
			return;
		sha384_block(ctx->state, ctx->buf);
		ctx->used = 0;
	}

	/* Whole blocks straight from the caller's buffer. */
	while (len >= SHA384_BLOCK_SIZE) {
		sha384_block(ctx->state, p);
		p += SHA384_BLOCK_SIZE;
		len -= SHA384_BLOCK_SIZE;
	}

	if (len) {
		memcpy(ctx->buf, p, len);
		ctx->used = (unsigned int)len;
	}
}

void sha384_final(struct sha384_ctx *ctx, uint8_t digest[SHA384_DIGEST_SIZE])
{
	unsigned int used = ctx->used;

	/* The 1 bit, then zeros up to the length field (section 5.1.2). */
	ctx->buf[used++] = 0x80;
	if (used > SHA384_LENGTH_OFFSET) {
		memset(ctx->buf + used, 0, SHA384_BLOCK_SIZE - used);
		sha384_block(ctx->state, ctx->buf);
		used = 0;
	}
	memset(ctx->buf + used, 0, SHA384_LENGTH_OFFSET - used);

	/* The length in bits, as a 128-bit big-endian number. */
	store_be64(ctx->buf + SHA384_LENGTH_OFFSET, ctx->bytes >> 61);
	store_be64(ctx->buf + SHA384_LENGTH_OFFSET + 8, ctx->bytes << 3);
	sha384_block(ctx->state, ctx->buf);

	/* H0..H5: the first 384 bits of the final state. */
	for (unsigned int i = 0; i < SHA384_DIGEST_SIZE / 8; i++)
		store_be64(digest + 8 * i, ctx->state[i]);

	memset(ctx, 0, sizeof(*ctx));
}

void sha384(const void *data, size_t len, uint8_t digest[SHA384_DIGEST_SIZE])
{
	struct sha384_ctx ctx;

	sha384_init(&ctx);
	sha384_update(&ctx, data, len);
	sha384_final(&ctx, digest);
}

void sha384_extend(uint8_t measurement[SHA384_DIGEST_SIZE], const void *data,
		   size_t len)
{
	struct sha384_ctx ctx;

	sha384_init(&ctx);
	sha384_update(&ctx, measurement, SHA384_DIGEST_SIZE);
	sha384_update(&ctx, data, len);
	sha384_final(&ctx, measurement);
}
