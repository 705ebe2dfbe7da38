// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * What the host sees of the SBI extensions the TSM does not implement,
 * against spec/sbi.yaml (the generated sbi_abi_forwarded and
 * sbi_abi_refused): a forwarded extension probes as OpenSBI has it and
 * answers NOT_SUPPORTED for every FID the spec does not define; a refused
 * one probes 0 (OpenSBI has most of them: forwarding would show) and
 * answers NOT_SUPPORTED for every call.
 */

#include "ktap.h"
#include "payload.h"
#include "sbi_cove_types.h"

#define SBI_ABI_EXAMPLE_ADDR	0x80400000UL
#include "sbi_abi_expect.h"

#define NR_FORWARDED	(sizeof(sbi_abi_forwarded) / sizeof(sbi_abi_forwarded[0]))
#define NR_REFUSED	(sizeof(sbi_abi_refused) / sizeof(sbi_abi_refused[0]))

/* FIDs tried on every extension: the low ones, 63, and a few far ones. */
static const unsigned long fids[] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 63, 64, 0x10000, ~0UL,
};

int payload_main(unsigned long hartid, unsigned long fdt)
{
	struct sbiret ret;

	ktap_start(2 * NR_FORWARDED + 2 * NR_REFUSED + 1);

	for (unsigned int i = 0; i < NR_FORWARDED; i++) {
		unsigned long eid = sbi_abi_forwarded[i].eid;
		unsigned int wrong = 0, tried = 0;

		ret = sbi_base_probe_extension(eid);
		ktap_ok(ret.error == 0 && ret.value != 0,
			"probe %s: forwarded, OpenSBI has it",
			sbi_abi_forwarded[i].name);
		for (unsigned int j = 0; j < sizeof(fids) / sizeof(fids[0]); j++) {
			if (fids[j] < 64 && (sbi_abi_forwarded[i].fids >> fids[j] & 1))
				continue;
			tried++;
			ret = covekit_ecall(eid, fids[j], 0, 0, 0, 0, 0, 0);
			if (ret.error != SBI_ERR_NOT_SUPPORTED) {
				ktap_diag("%s FID %#lx: %ld",
					  sbi_abi_forwarded[i].name, fids[j],
					  ret.error);
				wrong++;
			}
		}
		ktap_ok(tried && !wrong, "%s: %u undefined FIDs NOT_SUPPORTED",
			sbi_abi_forwarded[i].name, tried);
	}

	for (unsigned int i = 0; i < NR_REFUSED; i++) {
		unsigned long eid = sbi_abi_refused[i].eid;
		unsigned int wrong = 0;

		ret = sbi_base_probe_extension(eid);
		ktap_ok(ret.error == 0 && ret.value == 0,
			"probe %s: refused, 0", sbi_abi_refused[i].name);
		for (unsigned int j = 0; j < sizeof(fids) / sizeof(fids[0]); j++) {
			ret = covekit_ecall(eid, fids[j], 0, 0, 0, 0, 0, 0);
			if (ret.error != SBI_ERR_NOT_SUPPORTED)
				wrong++;
		}
		ktap_ok(!wrong, "every call of refused %s: NOT_SUPPORTED",
			sbi_abi_refused[i].name);
	}

	ret = covekit_ecall(SBI_EXT_HSM, 4, hartid, 0, 0, 0, 0, 0);
	ktap_eq(ret.error, SBI_ERR_NOT_SUPPORTED,
		"HSM FID 4, which SBI does not define: NOT_SUPPORTED, not DENIED");
	(void)fdt;
	return ktap_finish();
}
