// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Host unit tests of the TVM measurement (spec/tsm.yaml, measurement):
 * whole TVMs built through the real COVH handlers get the same
 * measurement for the same inputs, and a different one when any measured
 * input differs, the finalize_tvm arguments included.
 */

#include <stdio.h>
#include <string.h>

#include "tvm_sim.h"
#include "unit.h"

static uint8_t image[3 * PAGE_SIZE + 100];

static const struct sim_region base_regions[] = {
	{ 0x80000000UL, 0x100000UL },
	{ 0x90000000UL, 0x10000UL },
};

static const struct sim_image base_images[] = {
	{ image, sizeof(image), 0x80000000UL },
};

static const struct sim_tvm base = {
	.regions = base_regions, .nr_regions = 2,
	.images = base_images, .nr_images = 1,
	.entry_sepc = 0x80000000UL, .entry_arg = 0x80200000UL, .nr_vcpus = 2,
};

static bool measure(const struct sim_tvm *t, uint8_t out[SHA384_DIGEST_SIZE])
{
	const char *failed = "";
	long err = sim_build_tvm(t, out, &failed);

	if (err)
		printf("# building the TVM: %s returned %ld\n", failed, err);
	return err == 0;
}

static void check_differs(const struct sim_tvm *t, const uint8_t *want_not,
			  const char *what)
{
	uint8_t m[SHA384_DIGEST_SIZE];

	CHECK(measure(t, m) && memcmp(m, want_not, sizeof(m)),
	      "a TVM differing only in %s has another measurement", what);
}

static void test_measurement(void)
{
	uint8_t m0[SHA384_DIGEST_SIZE], m1[SHA384_DIGEST_SIZE];
	struct sim_region regions[2];
	struct sim_image images[1];
	struct sim_tvm t;

	for (size_t i = 0; i < sizeof(image); i++)
		image[i] = (uint8_t)(i * 7 + 3);
	CHECK(measure(&base, m0), "build a TVM through the COVH calls");
	CHECK(measure(&base, m1) && !memcmp(m0, m1, sizeof(m0)),
	      "the same TVM built again has the same measurement");

	t = base;
	t.entry_sepc += 4;
	check_differs(&t, m0, "entry_sepc");
	t = base;
	t.entry_arg += PAGE_SIZE;
	check_differs(&t, m0, "entry_arg");
	t = base;
	t.nr_vcpus = 1;
	check_differs(&t, m0, "the number of vCPUs");

	memcpy(regions, base_regions, sizeof(regions));
	regions[1].size += PAGE_SIZE;
	t = base;
	t.regions = regions;
	check_differs(&t, m0, "a region no page is in");

	memcpy(images, base_images, sizeof(images));
	images[0].gpa += PAGE_SIZE;
	t = base;
	t.images = images;
	check_differs(&t, m0, "the image's GPA");

	image[2 * PAGE_SIZE + 5] ^= 1;
	check_differs(&base, m0, "one bit of the image");
	image[2 * PAGE_SIZE + 5] ^= 1;
}

int main(int argc, char **argv)
{
	unit_init(argc, argv);
	if (!sim_init()) {
		unit_skip("cannot map the simulated RAM at 0x80000000", "measurement tests");
		return unit_done();
	}
	test_measurement();
	return unit_done();
}
