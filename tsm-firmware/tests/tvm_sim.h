/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * A simulated TSM on the host, for building whole TVMs through the real
 * COVH handlers (dispatch_sbi_call() as the host calls it) and reading
 * their measurement: the measurement unit test and tvm_measure_probe.
 *
 * The TSM uses physical addresses directly, so the simulated RAM is mapped
 * at 0x80000000 as on QEMU virt; sim_init() says whether that worked.
 */
#ifndef __TSM_TESTS_TVM_SIM_H__
#define __TSM_TESTS_TVM_SIM_H__

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "covekit/riscv_encoding.h"
#include "tsm/sha384.h"

#define SIM_RAM_BASE	0x80000000UL
#define SIM_RAM_PAGES	4096UL		/* 16 MiB */

struct sim_region {
	uint64_t gpa;
	uint64_t size;
};

/* An image: len bytes, padded with zeros to whole pages, mapped at gpa. */
struct sim_image {
	const void *data;
	size_t len;
	uint64_t gpa;
};

/* What the host gives the TSM, in the order it gives it. */
struct sim_tvm {
	const struct sim_region *regions;
	unsigned int nr_regions;
	const struct sim_image *images;	/* each added with one call, in order */
	unsigned int nr_images;
	uint64_t entry_sepc;
	uint64_t entry_arg;
	unsigned int nr_vcpus;		/* vCPUs 0 .. nr_vcpus - 1 */
};

struct tsm;

/* The simulated TSM sim_build_tvm() builds in (its TVM has id 1). */
struct tsm *sim_tsm(void);

/* Map the simulated RAM; false (with errno) if the address is taken. */
bool sim_init(void);

/*
 * Build the TVM on a freshly reset TSM: regions, page-table pages, one
 * add_tvm_measured_pages per image, vCPUs, finalize_tvm.  Returns 0 and
 * the measurement, or the first failing call's SBI error with its name
 * in *failed.
 */
long sim_build_tvm(const struct sim_tvm *t, uint8_t measurement[SHA384_DIGEST_SIZE],
		   const char **failed);

#endif /* __TSM_TESTS_TVM_SIM_H__ */
