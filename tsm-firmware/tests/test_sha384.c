// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Host unit tests of SHA-384: the FIPS 180-2/180-4 example messages with
 * their published digests, the padding edge cases and the measurement
 * extend against digests computed with Python's hashlib.sha384, and
 * incremental hashing against one-shot hashing.
 */

#include "tsm/sha384.h"
#include "unit.h"

/* 48 bytes as 96 lower-case hex digits. */
static const char *hex(const uint8_t d[SHA384_DIGEST_SIZE])
{
	static char s[2 * SHA384_DIGEST_SIZE + 1];
	static const char digits[] = "0123456789abcdef";

	for (unsigned int i = 0; i < SHA384_DIGEST_SIZE; i++) {
		s[2 * i] = digits[d[i] >> 4];
		s[2 * i + 1] = digits[d[i] & 15];
	}
	s[2 * SHA384_DIGEST_SIZE] = '\0';
	return s;
}

/* The test messages: byte i is (131 * i + seed) mod 256. */
static void fill(uint8_t *buf, size_t len, unsigned int seed)
{
	for (size_t i = 0; i < len; i++)
		buf[i] = (uint8_t)(i * 131 + seed);
}

/* A copy of a message in an allocation of exactly its size (for ASan). */
static uint8_t *message(size_t len, unsigned int seed)
{
	uint8_t *buf = malloc(len ? len : 1);

	if (!buf) {
		perror("malloc");
		exit(EXIT_FAILURE);
	}
	fill(buf, len, seed);
	return buf;
}

/* The examples of FIPS 180-2 appendix D / NIST CSRC, published digests. */
static void test_nist_examples(void)
{
	static const char m896[] =
		"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		"hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	uint8_t d[SHA384_DIGEST_SIZE];
	uint8_t *p;

	p = unit_dup((const uint8_t *)"abc", 3);
	sha384(p, 3, d);
	free(p);
	CHECK_STR(hex(d),
		  "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
		  "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
		  "SHA-384(\"abc\")");

	sha384(NULL, 0, d);
	CHECK_STR(hex(d),
		  "38b060a751ac96384cd9327eb1b1e36a21fdb71114be0743"
		  "4c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b",
		  "SHA-384(\"\")");

	CHECK_EQ(sizeof(m896) - 1, 112, "the two-block message is 896 bits");
	p = unit_dup((const uint8_t *)m896, sizeof(m896) - 1);
	sha384(p, sizeof(m896) - 1, d);
	free(p);
	CHECK_STR(hex(d),
		  "09330c33f71147e83d192fc782cd1b4753111b173b3b05d2"
		  "2fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039",
		  "SHA-384 of the 896-bit message");
}

/* One million 'a', fed in pieces of uneven sizes. */
static void test_million_a(void)
{
	static const size_t chunks[] = {
		1, 3, 127, 128, 129, 255, 1000, 17, 64,
	};
	struct sha384_ctx ctx;
	uint8_t d[SHA384_DIGEST_SIZE];
	uint8_t *a = malloc(1000);
	size_t left = 1000000;
	unsigned int i = 0;

	if (!a) {
		perror("malloc");
		exit(EXIT_FAILURE);
	}
	memset(a, 'a', 1000);
	sha384_init(&ctx);
	while (left) {
		size_t n = chunks[i++ % (sizeof(chunks) / sizeof(chunks[0]))];

		if (n > left)
			n = left;
		sha384_update(&ctx, a, n);
		left -= n;
	}
	sha384_final(&ctx, d);
	free(a);
	CHECK_STR(hex(d),
		  "9d0e1809716474cb086e834e310a4a1ced149e9c00f24852"
		  "7972cec5704c2a5b07b8b3dc38ecc4ebae97ddd87f3d8985",
		  "SHA-384 of one million 'a' in uneven chunks");
}

/*
 * Lengths around the padding boundaries: 111 bytes leave room for the
 * 0x80 byte and the 16-byte length in one block, 112 do not; 127, 128
 * and 129 straddle the block size.  Message of length n: fill(n, n).
 */
static void test_padding(void)
{
	static const struct {
		size_t len;
		const char *digest;	/* hashlib.sha384 */
	} cases[] = {
		{ 111, "127bf8823746f4cf6ab025a9f8abaddf96050b7faface805"
		       "25c0340f8437cacfbf6b5743955815b616b86c7483ff34d9" },
		{ 112, "4bb6c674965862acae303f3704e6fec88dc88a7841816bbc"
		       "d789fe09bf2cfb8179874ede6f21a2fda547f54818896139" },
		{ 127, "c472283c1282ed8051d050f7a267de986fe1ec50b4bd3db4"
		       "6e31087a6ffe7f19e57c5b4ef8378f137f6f7e103c3b843b" },
		{ 128, "43dbd551eea10a829dd7c50bd0b946a1f444085a7b846459"
		       "1cc9fd25fc467aed45bd1665cfce49b6f320abfc228c23fa" },
		{ 129, "e5ccb47f8ba23a792124870fa44ba08d7115e276b0e06343"
		       "051d764fbd703370b9b272f4e300de29e18984e0ca69a50a" },
	};

	for (unsigned int i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint8_t *m = message(cases[i].len, (unsigned int)cases[i].len);
		uint8_t d[SHA384_DIGEST_SIZE];

		sha384(m, cases[i].len, d);
		free(m);
		CHECK_STR(hex(d), cases[i].digest, "a %zu-byte message",
			  cases[i].len);
	}
}

/* Every way of cutting a 300-byte message in two, and byte by byte. */
static void test_incremental(void)
{
	const size_t len = 300;
	uint8_t *m = message(len, 0x5a);
	uint8_t one[SHA384_DIGEST_SIZE], d[SHA384_DIGEST_SIZE];
	struct sha384_ctx ctx;
	size_t bad = len + 1;

	sha384(m, len, one);
	CHECK_STR(hex(one),
		  "12f41581d25d08d489600bd1a40feb246f00366f8c1eb594"
		  "400824f7bc919c54aeb25b5b170c9554a1e29bd0e955832a",
		  "the 300-byte message in one call");

	for (size_t cut = 0; cut <= len; cut++) {
		sha384_init(&ctx);
		sha384_update(&ctx, m, cut);
		sha384_update(&ctx, m + cut, len - cut);
		sha384_final(&ctx, d);
		if (memcmp(d, one, sizeof(d)) && bad > len)
			bad = cut;
	}
	if (!CHECK(bad > len, "two updates, cut at each of 0..300, "
		   "equal one call"))
		printf("# first bad cut: %zu\n", bad);

	sha384_init(&ctx);
	for (size_t i = 0; i < len; i++) {
		sha384_update(&ctx, m + i, 1);
		sha384_update(&ctx, NULL, 0);
	}
	sha384_final(&ctx, d);
	CHECK(memcmp(d, one, sizeof(d)) == 0,
	      "one byte at a time (and empty updates) equals one call");

	/* The digest may be written over the message itself. */
	sha384(m, len, m);
	CHECK(memcmp(m, one, sizeof(one)) == 0,
	      "sha384() with the digest over its input");
	free(m);
}

/* m = SHA-384(m || data), twice; expected values from hashlib. */
static void test_extend(void)
{
	static const char a[] = "covekit: first measured region";
	uint8_t m[SHA384_DIGEST_SIZE];
	uint8_t *b = message(200, 7);
	uint8_t *pa = unit_dup((const uint8_t *)a, sizeof(a) - 1);

	/* m0[i] = 3 * i */
	for (unsigned int i = 0; i < SHA384_DIGEST_SIZE; i++)
		m[i] = (uint8_t)(3 * i);

	sha384_extend(m, pa, sizeof(a) - 1);
	CHECK_STR(hex(m),
		  "0fbfeaee3d48f530b0d86b899138a611677f5417f247ff6f"
		  "c0ff70ee14c1d80f2d8b0792a44f158a149e75dcc6a94cf3",
		  "extend once: SHA-384(m0 || a)");
	sha384_extend(m, b, 200);
	CHECK_STR(hex(m),
		  "b15d54c78541baaff9922967b2ba61dda59a10d0f59d91d7"
		  "9bc3ea10ddb4935f4bc7a489151db0127872034ce220b480",
		  "extend twice: SHA-384(SHA-384(m0 || a) || b)");

	for (unsigned int i = 0; i < SHA384_DIGEST_SIZE; i++)
		m[i] = (uint8_t)(3 * i);
	sha384_extend(m, NULL, 0);
	CHECK_STR(hex(m),
		  "3328ece992c6a3b4065563cf3e26fb4dc28c6f6ff19ba2f6"
		  "359967c656d002069b59cdc7cff27d5d52c2fb385286588f",
		  "extend by nothing: SHA-384(m0)");
	free(pa);
	free(b);
}

int main(int argc, char **argv)
{
	unit_init(argc, argv);
	test_nist_examples();
	test_million_a();
	test_padding();
	test_incremental();
	test_extend();
	return unit_done();
}
