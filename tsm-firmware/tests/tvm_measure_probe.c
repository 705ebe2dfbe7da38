// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * tvm_measure_probe: build a TVM through the firmware's real COVH handlers
 * (a simulated TSM on the host, tvm_sim.c) and print its measurement in
 * hex, for comparison with tools/measure (tools/tests/test_measure.py).
 *
 *   tvm_measure_probe [--region GPA:SIZE]... [--load FILE@GPA]...
 *                     --entry ADDR [--arg ADDR] [--vcpus N]
 *
 * The calls are made in the order of the arguments: every region, then
 * one add_tvm_measured_pages per image, then the vCPUs and finalize_tvm.
 * Numbers are C literals (0x... for hex).  Exit 2 on bad arguments or a
 * failed call.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tvm_sim.h"

#define MAX_ITEMS	64

static struct sim_region regions[MAX_ITEMS];
static struct sim_image images[MAX_ITEMS];

static int __attribute__((format(printf, 1, 2))) die(const char *fmt, ...)
{
	va_list ap;

	fputs("tvm_measure_probe: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static uint64_t number(const char *s, const char *what)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s || *end || *s == '-')
		die("%s: not a number: '%s'", what, s);
	return v;
}

/* "A<sep>B": split at the last sep; the part after it is a number. */
static char *split(char *arg, char sep, uint64_t *after, const char *what)
{
	char *at = strrchr(arg, sep);

	if (!at)
		die("%s: expected %s, got '%s'", what,
		    sep == ':' ? "GPA:SIZE" : "FILE@GPA", arg);
	*at = '\0';
	*after = number(at + 1, what);
	return arg;
}

static void *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t size = 0, got;

	if (!f)
		die("%s: %s", path, strerror(errno));
	do {
		buf = realloc(buf, size + 65536);
		if (!buf)
			die("out of memory");
		got = fread(buf + size, 1, 65536, f);
		size += got;
	} while (got == 65536);
	if (ferror(f))
		die("%s: read error", path);
	fclose(f);
	*len = size;
	return buf;
}

int main(int argc, char **argv)
{
	struct sim_tvm t = { .regions = regions, .images = images, .nr_vcpus = 1 };
	uint8_t m[SHA384_DIGEST_SIZE];
	const char *failed = "";
	bool have_entry = false;
	long err;

	for (int i = 1; i < argc; i++) {
		const char *opt = argv[i];
		char *val = i + 1 < argc ? argv[i + 1] : NULL;

		if (!val)
			die("%s needs a value", opt);
		i++;
		if (!strcmp(opt, "--region")) {
			if (t.nr_regions == MAX_ITEMS)
				die("more than %d regions", MAX_ITEMS);
			regions[t.nr_regions].gpa =
				number(split(val, ':', &regions[t.nr_regions].size,
					     "--region"), "--region");
			t.nr_regions++;
		} else if (!strcmp(opt, "--load")) {
			struct sim_image *img = &images[t.nr_images];

			if (t.nr_images == MAX_ITEMS)
				die("more than %d images", MAX_ITEMS);
			split(val, '@', &img->gpa, "--load");
			img->data = read_file(val, &img->len);
			if (!img->len)
				die("%s: empty image", val);
			t.nr_images++;
		} else if (!strcmp(opt, "--entry")) {
			t.entry_sepc = number(val, "--entry");
			have_entry = true;
		} else if (!strcmp(opt, "--arg")) {
			t.entry_arg = number(val, "--arg");
		} else if (!strcmp(opt, "--vcpus")) {
			t.nr_vcpus = (unsigned int)number(val, "--vcpus");
		} else {
			die("unknown option '%s'", opt);
		}
	}
	if (!have_entry)
		die("--entry is required");
	if (!sim_init())
		die("cannot map the simulated RAM at %#lx: %s", SIM_RAM_BASE,
		    strerror(errno));
	err = sim_build_tvm(&t, m, &failed);
	if (err)
		die("%s failed: SBI error %ld", failed, err);
	for (unsigned int i = 0; i < sizeof(m); i++)
		printf("%02x", m[i]);
	putchar('\n');
	return 0;
}
