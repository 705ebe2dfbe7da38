// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The host's view of SBI through the TSM: probes of the CoVE extensions
 * are answered by the TSM, the standard extensions reach OpenSBI and come
 * back unchanged, and what the TSM does not forward is absent.
 */

#include "ktap.h"
#include "payload.h"

/* OpenSBI's SBI implementation ID (SBI spec, implementation IDs). */
#define SBI_IMPL_OPENSBI	1

int payload_main(unsigned long hartid, unsigned long fdt)
{
	struct sbiret ret;

	ktap_start(10);

	ret = sbi_base_probe_extension(SBI_EXT_COVH);
	ktap_ok(ret.error == 0 && ret.value == 1, "probe COVH: available");
	ret = sbi_base_probe_extension(SBI_EXT_COVG);
	ktap_ok(ret.error == 0 && ret.value == 0, "probe COVG: not for the host");
	ret = sbi_base_probe_extension(SBI_EXT_COVI);
	ktap_ok(ret.error == 0 && ret.value == 0, "probe COVI: not implemented yet");
	ret = sbi_base_probe_extension(SBI_EXT_DBCN);
	ktap_ok(ret.error == 0 && ret.value != 0, "probe DBCN: forwarded, OpenSBI has it");
	/* PMU exists in OpenSBI but is not on the TSM's forward list. */
	ret = sbi_base_probe_extension(0x504D55);
	ktap_eq(ret.value, 0, "probe PMU: not forwarded, so absent");

	ret = sbi_base_get_spec_version();
	ktap_ok(ret.error == 0 && (ret.value >> 24) >= 2,
		"spec version from OpenSBI: %ld.%ld", ret.value >> 24,
		ret.value & 0xffffff);
	ret = sbi_base_get_impl_id();
	ktap_eq(ret.value, SBI_IMPL_OPENSBI, "implementation ID is OpenSBI's");

	ret = covekit_ecall(0x0A00C0DE, 0, 0, 0, 0, 0, 0, 0);
	ktap_eq(ret.error, SBI_ERR_NOT_SUPPORTED, "unknown extension: NOT_SUPPORTED");

	/* OpenSBI must never read TSM memory for the host. */
	ret = sbi_dbcn_console_write(16, 0x80200000UL, 0);
	ktap_eq(ret.error, SBI_ERR_INVALID_PARAM, "DBCN write from TSM memory refused");
	/* The TSM's code is no place for a hart to start the host. */
	ret = sbi_hsm_hart_start(hartid, 0x80200000UL, 0);
	ktap_eq(ret.error, SBI_ERR_INVALID_ADDRESS, "HSM hart_start into TSM memory refused");

	return ktap_finish();
}
