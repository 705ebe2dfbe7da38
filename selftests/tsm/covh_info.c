// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* COVH tsm_get_info: the values, and the buffer checks. */

#include "autoconf.h"
#include "ktap.h"
#include "payload.h"
#include "sbi_cove_types.h"

static struct sbi_tsm_info info;

/* Addresses the host does not own: OpenSBI, the TSM, past RAM. */
static const struct {
	unsigned long addr;
	const char *what;
} not_host[] = {
	{ 0x80000000UL, "OpenSBI's memory" },
	{ 0x80200000UL, "the TSM's memory" },
	{ 0x80200000UL - 8, "a buffer straddling into the TSM's memory" },
	{ 0x1000000000UL, "beyond RAM" },
};

int payload_main(unsigned long hartid, unsigned long fdt)
{
	struct sbiret ret;

	ktap_start(10 + ARRAY_SIZE(not_host));

	ret = sbi_covh_tsm_get_info((unsigned long)&info, sizeof(info));
	ktap_eq(ret.error, 0, "tsm_get_info succeeds");
	ktap_eq(ret.value, sizeof(info), "writes the 48-byte struct");
	ktap_eq(info.tsm_state, SBI_TSM_STATE_READY, "state READY");
	ktap_eq(info.tsm_impl_id, SBI_TSM_IMPL_ID_COVEKIT, "implementation covekit");
	ktap_eq(info.tsm_version,
		CONFIG_TSM_VERSION_MAJOR << 16 | CONFIG_TSM_VERSION_MINOR,
		"version from Kconfig");
	ktap_eq(info.tvm_max_vcpus, CONFIG_TSM_MAX_VCPUS, "max vCPUs from Kconfig");
	ktap_eq(info.tvm_state_pages, CONFIG_TSM_TVM_STATE_PAGES,
		"TVM state pages from Kconfig");
	ktap_eq(info.tvm_vcpu_state_pages, CONFIG_TSM_VCPU_STATE_PAGES,
		"vCPU state pages from Kconfig");

	info.tsm_state = 0xdead;
	ret = sbi_covh_tsm_get_info((unsigned long)&info, sizeof(info) - 1);
	ktap_sbi_err(ret.error, SBI_ERR_INVALID_PARAM, "COVH.tsm_get_info",
		     "47-byte buffer: INVALID_PARAM");
	ktap_eq(info.tsm_state, 0xdead, "and nothing is written");

	for (unsigned int i = 0; i < ARRAY_SIZE(not_host); i++) {
		ret = sbi_covh_tsm_get_info(not_host[i].addr, sizeof(info));
		ktap_sbi_err(ret.error, SBI_ERR_INVALID_ADDRESS, "COVH.tsm_get_info",
			     "%s: INVALID_ADDRESS", not_host[i].what);
	}
	return ktap_finish();
}
