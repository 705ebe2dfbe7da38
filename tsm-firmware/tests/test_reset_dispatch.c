// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Host unit tests of how dispatch_sbi_call() treats SRST system_reset:
 * a valid reset is DISPATCH_RESET (scrub, then forward); an undefined
 * type or reason is refused with INVALID_PARAM before anything is
 * scrubbed, as the SBI spec says for reserved and unimplemented values.
 */

#include "autoconf.h"
#include "sbi_cove_types.h"
#include "tsm/dispatch.h"
#include "tsm/tsm.h"
#include "unit.h"

static struct tsm tsm;

static enum dispatch_action srst(unsigned long fid, unsigned long type,
				 unsigned long reason, struct sbiret *ret)
{
	const unsigned long args[6] = { type, reason, 0, 0, 0, 0 };

	ret->error = 12345;	/* must be overwritten when answered */
	return dispatch_sbi_call(&tsm, DISPATCH_FROM_HOST, SBI_EXT_SRST, fid,
				 args, ret);
}

static void test_valid(void)
{
	static const struct {
		unsigned long type, reason;
		const char *what;
	} ok[] = {
		{ SBI_SRST_RESET_TYPE_SHUTDOWN, SBI_SRST_RESET_REASON_NONE, "shutdown" },
		{ SBI_SRST_RESET_TYPE_SHUTDOWN, SBI_SRST_RESET_REASON_SYSTEM_FAILURE,
		  "shutdown for a system failure" },
		{ SBI_SRST_RESET_TYPE_COLD_REBOOT, SBI_SRST_RESET_REASON_NONE,
		  "cold reboot" },
		{ SBI_SRST_RESET_TYPE_WARM_REBOOT, SBI_SRST_RESET_REASON_SYSTEM_FAILURE,
		  "warm reboot for a system failure" },
	};
	struct sbiret ret;

	for (unsigned int i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		CHECK_EQ(srst(SBI_EXT_SRST_SYSTEM_RESET, ok[i].type, ok[i].reason,
			      &ret), DISPATCH_RESET, "%s: scrub, then forward",
			 ok[i].what);
}

static void test_undefined(void)
{
	static const struct {
		unsigned long type, reason;
		const char *what;
	} bad[] = {
		{ 3, 0, "reserved type 3" },
		{ 0xefffffffUL, 0, "reserved type 0xefffffff" },
		{ 0xf0000000UL, 0, "vendor type 0xf0000000 (none implemented)" },
		{ 0xffffffffUL, 0, "vendor type 0xffffffff" },
		{ 1UL << 32, 0, "type with bits above 31 (shutdown in bits 31:0)" },
		{ 0, 2, "reserved reason 2" },
		{ 1, 0xe0000000UL, "SBI implementation reason 0xe0000000 (none)" },
		{ 2, 0xf0000000UL, "vendor reason 0xf0000000 (none)" },
		{ 0, (1UL << 32) | 1, "reason with bits above 31" },
	};
	struct sbiret ret;

	for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		enum dispatch_action a = srst(SBI_EXT_SRST_SYSTEM_RESET,
					      bad[i].type, bad[i].reason, &ret);

		CHECK_EQ(a, DISPATCH_ANSWERED, "%s: answered, nothing scrubbed",
			 bad[i].what);
		CHECK_SBI_ERR(ret.error, SBI_ERR_INVALID_PARAM, "SRST.system_reset",
			      "%s: INVALID_PARAM", bad[i].what);
	}
}

static void test_other_fid(void)
{
	struct sbiret ret;

	/*
	 * No such FID: the TSM answers NOT_SUPPORTED itself (spec/sbi.yaml
	 * defines FID 0 only); no reset to scrub for.
	 */
	CHECK_EQ(srst(1, 0, 0, &ret), DISPATCH_ANSWERED,
		 "SRST FID 1 is answered by the TSM");
	CHECK_EQ(ret.error, SBI_ERR_NOT_SUPPORTED, "SRST FID 1: NOT_SUPPORTED");
}

int main(int argc, char **argv)
{
	unit_init(argc, argv);
	test_valid();
	test_undefined();
	test_other_fid();
	return unit_done();
}
