/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * A tiny TAP (KTAP-compatible) harness for the host unit tests: each check
 * prints "ok N - what" or "not ok N - what" plus a diagnostic, and
 * unit_done() prints the plan and returns the exit status (1 if anything
 * failed).  meson runs the tests with protocol: 'tap'.
 *
 * Fixtures come on the command line as name/path pairs:
 *   test_fdt virt path/to/qemu-virt-opensbi.dtb onecell path/to/onecell.dtb
 */
#ifndef __TSM_TESTS_UNIT_H__
#define __TSM_TESTS_UNIT_H__

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned int unit_count;
static unsigned int unit_failures;
static int unit_argc;
static char **unit_argv;

static inline void unit_vreport(bool ok, const char *fmt, va_list ap)
{
	printf("%s %u - ", ok ? "ok" : "not ok", ++unit_count);
	vprintf(fmt, ap);
	putchar('\n');
	if (!ok)
		unit_failures++;
}

static inline bool __attribute__((format(printf, 5, 6)))
unit_check(bool ok, const char *file, int line, const char *expr,
	   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	unit_vreport(ok, fmt, ap);
	va_end(ap);
	if (!ok)
		printf("# %s:%d: failed: %s\n", file, line, expr);
	fflush(stdout);
	return ok;
}

static inline bool __attribute__((format(printf, 7, 8)))
unit_check_eq(uint64_t got, uint64_t want, const char *file, int line,
	      const char *got_expr, const char *want_expr,
	      const char *fmt, ...)
{
	va_list ap;
	bool ok = got == want;

	va_start(ap, fmt);
	unit_vreport(ok, fmt, ap);
	va_end(ap);
	if (!ok)
		printf("# %s:%d: %s == %#" PRIx64 " (%" PRId64 "), "
		       "want %s == %#" PRIx64 " (%" PRId64 ")\n",
		       file, line, got_expr, got, (int64_t)got,
		       want_expr, want, (int64_t)want);
	fflush(stdout);
	return ok;
}

/* CHECK(condition, "description", ...): one test point. */
#define CHECK(cond, ...) \
	unit_check(!!(cond), __FILE__, __LINE__, #cond, __VA_ARGS__)

/* CHECK_EQ(got, want, "description", ...): integers, both printed. */
#define CHECK_EQ(got, want, ...) \
	unit_check_eq((uint64_t)(got), (uint64_t)(want), __FILE__, __LINE__, \
		      #got, #want, __VA_ARGS__)

/* CHECK_STR(got, want, "description", ...): got may be NULL. */
#define CHECK_STR(got, want, ...) do {					\
	const char *unit_got_ = (got);					\
	if (!CHECK(unit_got_ && strcmp(unit_got_, (want)) == 0,	\
		   __VA_ARGS__))					\
		printf("# got \"%s\", want \"%s\"\n",			\
		       unit_got_ ? unit_got_ : "(null)", (want));	\
} while (0)

/*
 * CHECK_SBI_ERR(got, SBI_ERR_X, "COVH.convert_pages", "description", ...):
 * an SBI error code, and on success an "# abi-error: COVH.convert_pages X"
 * line, which tools/abi-coverage counts as the call's error X exercised.
 */
#define CHECK_SBI_ERR(got, want, call, ...) do {			\
	if (CHECK_EQ((got), (want), __VA_ARGS__) && (want) != 0)	\
		printf("# abi-error: %s %s\n", (call), #want + 8);	\
} while (0)

/* A test point that could not run. */
static inline void __attribute__((format(printf, 2, 3)))
unit_skip(const char *reason, const char *fmt, ...)
{
	va_list ap;

	printf("ok %u - ", ++unit_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" # SKIP %s\n", reason);
}

static inline void unit_diag(const char *s)
{
	printf("# %s\n", s);
}

static inline void unit_init(int argc, char **argv)
{
	unit_argc = argc;
	unit_argv = argv;
	printf("TAP version 13\n");
}

/* Print the plan; the process's exit status. */
static inline int unit_done(void)
{
	printf("1..%u\n", unit_count);
	if (unit_failures)
		printf("# %u of %u checks failed\n", unit_failures, unit_count);
	return unit_failures ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* The path given for fixture name on the command line, or NULL. */
static inline const char *unit_fixture(const char *name)
{
	int i;

	for (i = 1; i + 1 < unit_argc; i += 2)
		if (strcmp(unit_argv[i], name) == 0)
			return unit_argv[i + 1];
	return NULL;
}

/*
 * Read a file into a buffer of exactly its size (so that the address
 * sanitizer catches any read past it); NULL if it cannot be read.
 */
static inline uint8_t *unit_load(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	long len;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) > 0 &&
	    fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)len);
		if (buf && fread(buf, 1, (size_t)len, f) != (size_t)len) {
			free(buf);
			buf = NULL;
		}
		*size = (size_t)len;
	}
	fclose(f);
	return buf;
}

/* A fixture named on the command line, loaded; NULL (and a skip) if not. */
static inline uint8_t *unit_load_fixture(const char *name, size_t *size)
{
	const char *path = unit_fixture(name);
	uint8_t *buf;

	if (!path) {
		unit_skip("not given on the command line", "fixture %s", name);
		return NULL;
	}
	buf = unit_load(path, size);
	CHECK(buf != NULL, "fixture %s loads from %s", name, path);
	return buf;
}

/* A copy of buf in a new allocation of exactly size bytes. */
static inline uint8_t *unit_dup(const uint8_t *buf, size_t size)
{
	uint8_t *copy = malloc(size);

	if (!copy) {
		perror("malloc");
		exit(EXIT_FAILURE);
	}
	memcpy(copy, buf, size);
	return copy;
}

static inline void unit_put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static inline uint32_t unit_get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

#endif /* __TSM_TESTS_UNIT_H__ */
