// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Host unit tests of fmt_vsnprintf against the C library's snprintf. */

#include "covekit/fmt.h"
#include "unit.h"

#define SAME(fmt, ...) do {						\
	char ours[64], libc[64];					\
	int n1 = fmt_snprintf(ours, sizeof(ours), fmt, __VA_ARGS__);	\
	int n2 = snprintf(libc, sizeof(libc), fmt, __VA_ARGS__);	\
	CHECK(n1 == n2 && strcmp(ours, libc) == 0,			\
	      "%s", "\"" fmt "\" as libc");				\
	if (strcmp(ours, libc))						\
		printf("# ours \"%s\", libc \"%s\"\n", ours, libc);	\
} while (0)

int main(int argc, char **argv)
{
	char small[8];

	unit_init(argc, argv);
	SAME("%d %i %u", -42, 7, 3000000000U);
	SAME("%ld %lu", -9000000000L, 18000000000000000000UL);
	SAME("%x %lx %#lx %#x", 0xbeefU, 0xdeadbeefcafeUL, 0x80200000UL, 0U);
	SAME("%08x|%5d|%05d", 0x1234U, 42, -42);
	SAME("%s|%10s|%c", "tsm", "pad", 'z');
	SAME("%zu %%", (size_t)48);
	SAME("%p", (void *)0x1000);

	CHECK_EQ(fmt_snprintf(small, sizeof(small), "%s", "0123456789"), 10,
		 "returns the length the output would have had");
	CHECK_STR(small, "0123456", "and truncates with a NUL");
	CHECK_EQ(fmt_snprintf(NULL, 0, "%d", 12345), 5, "size 0 writes nothing");
	return unit_done();
}
