// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Build a TVM with a known pattern for the reset-scrub tests. */

#include "autoconf.h"
#include "ktap.h"
#include "payload.h"
#include "reset_scrub_tvm.h"
#include "sbi_cove_types.h"

#define PAGE(n)		(RS_TVM_BASE + (n) * PAGE_SIZE)
#define DIR_PAGES	4UL
#define STATE_AT	DIR_PAGES
#define PT_AT		(STATE_AT + CONFIG_TSM_TVM_STATE_PAGES)
#define PT_PAGES	2UL
#define MEASURED_AT	(PT_AT + PT_PAGES)
#define VCPU_AT		(MEASURED_AT + 1)
#define GUEST_BASE	0x80000000UL

_Static_assert(VCPU_AT + CONFIG_TSM_VCPU_STATE_PAGES <= RS_TVM_PAGES,
	       "the TVM fits its range");

static struct sbi_tvm_create_params params;
static uint8_t source[PAGE_SIZE] __attribute__((aligned(4096)));

static bool step(long err, const char *what)
{
	if (err)
		ktap_diag("%s: error %ld", what, err);
	return !err;
}

bool rs_build_tvm(unsigned long *planted)
{
	struct sbiret ret;
	bool ok;
	long id;

	/* Zero first: any byte found after a reset is the TVM's. */
	for (unsigned long off = 0; off < RS_TVM_PAGES * PAGE_SIZE; off += 8)
		payload_write64(RS_TVM_BASE + off, 0);
	*planted = 0;
	for (unsigned long i = 0; i < PAGE_SIZE; i++) {
		source[i] = rs_pattern(i);
		*planted += source[i];
	}
	ok = step(sbi_covh_convert_pages(RS_TVM_BASE, RS_TVM_PAGES).error,
		  "convert_pages") &&
	     step(sbi_covh_initiate_fence().error, "initiate_fence") &&
	     step(sbi_covh_local_fence().error, "local_fence");
	if (!ok)
		return false;
	params.tvm_page_directory_addr = PAGE(0);
	params.tvm_state_addr = PAGE(STATE_AT);
	ret = sbi_covh_create_tvm((unsigned long)&params, sizeof(params));
	if (!step(ret.error, "create_tvm"))
		return false;
	id = ret.value;
	ok = step(sbi_covh_add_tvm_memory_region(id, GUEST_BASE,
						 RS_TVM_PAGES * PAGE_SIZE).error,
		  "add_tvm_memory_region") &&
	     step(sbi_covh_add_tvm_page_table_pages(id, PAGE(PT_AT),
						    PT_PAGES).error,
		  "add_tvm_page_table_pages") &&
	     step(sbi_covh_add_tvm_measured_pages(id, (unsigned long)source,
						  PAGE(MEASURED_AT),
						  SBI_PAGE_TYPE_PAGE_4K, 1,
						  GUEST_BASE).error,
		  "add_tvm_measured_pages") &&
	     step(sbi_covh_create_tvm_vcpu(id, 0, PAGE(VCPU_AT)).error,
		  "create_tvm_vcpu") &&
	     step(sbi_covh_finalize_tvm(id, GUEST_BASE, 0, 0).error,
		  "finalize_tvm");
	/* The host's copy goes: only the TVM's may be left to find. */
	for (unsigned long i = 0; i < PAGE_SIZE; i++)
		((volatile uint8_t *)source)[i] = 0;
	return ok;
}

struct rs_scan rs_scan_range(void)
{
	const volatile uint8_t *p = (const volatile uint8_t *)RS_TVM_BASE;
	const volatile uint8_t *m = (const volatile uint8_t *)PAGE(MEASURED_AT);
	struct rs_scan s = { 0, 0 };

	for (unsigned long i = 0; i < RS_TVM_PAGES * PAGE_SIZE; i++)
		s.nonzero += p[i] != 0;
	for (unsigned long i = 0; i < PAGE_SIZE; i++)
		s.pattern += m[i] == rs_pattern(i);
	return s;
}
