// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * libFuzzer entry point: boot the TSM's state, then make each call the
 * input describes as the host, through dispatch_sbi_call() (the generated
 * argument checks, then the handlers), checking every invariant after
 * every call.  FUZZ_TRACE=1 in the environment prints each call.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "invariants.h"
#include "machine.h"
#include "sbi_cove_types.h"
#include "tsm/dispatch.h"

static bool trace;
static struct inv_snapshot before;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!machine_init())
		abort();
	trace = getenv("FUZZ_TRACE") && strcmp(getenv("FUZZ_TRACE"), "0");
#ifdef FUZZ_SELFTEST_BUG
	fprintf(stderr, "covh_fuzz: SELF-TEST BUILD: a bug is injected on purpose\n");
#endif
	return 0;
}

/*
 * The host writes len (at most a page) bytes at addr, if its G-stage maps
 * them: both ends mapped means every page in between is.
 */
static void host_write(uint64_t addr, const void *src, uint64_t len)
{
	if (!len || len > FUZZ_PAGE || addr + len < addr ||
	    !inv_host_mapped(addr) || !inv_host_mapped(addr + len - 1))
		return;
	memcpy((void *)(uintptr_t)addr, src, len);
}

static void trace_call(unsigned int index, const struct fuzz_call *call,
		       bool answered, struct sbiret ret)
{
	char name[64];

	if (call->op == FUZZ_OP_HOST_WRITE)
		snprintf(name, sizeof(name), "host write");
	else
		dispatch_call_name(call->eid, call->a6, name, sizeof(name));
	fprintf(stderr, "%3u hart %u %s(%#lx, %#lx, %#lx, %#lx, %#lx, %#lx)", index,
		call->hart, name, call->args[0], call->args[1], call->args[2],
		call->args[3], call->args[4], call->args[5]);
	if (call->op == FUZZ_OP_HOST_WRITE)
		fprintf(stderr, "\n");
	else if (answered)
		fprintf(stderr, " -> %ld, %ld\n", ret.error, ret.value);
	else
		fprintf(stderr, " -> forwarded\n");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in;
	struct fuzz_call call;
	uint8_t cfg = fuzz_input_start(&in, data, size);
	unsigned int harts = cfg & FUZZ_CFG_TWO_HARTS ? 2 : 1;

	machine_reset(cfg);
	inv_boot();
	while (fuzz_next_call(&in, harts, &call)) {
		struct sbiret ret = { 0, 0 };
		bool answered = true;

		if (fuzz_in_guest[call.hart]) {
			/* The hart is in a TVM: it is back only after an exit. */
			inv_snapshot(&before);
			memset(&fuzz_run_log, 0, sizeof(fuzz_run_log));
			machine_vcpu_exit(call.hart, FUZZ_EXIT_ECALL);
			if (trace)
				fprintf(stderr, "    hart %u: the vCPU exits\n", call.hart);
			inv_check_exit(&before, in.calls, call.hart);
		}
		inv_snapshot(&before);
		memset(&fuzz_run_log, 0, sizeof(fuzz_run_log));
		fuzz_exit_arg = call.args[2];
		fuzz_hart = call.hart;
		if (call.op == FUZZ_OP_HOST_WRITE) {
			uint8_t page[FUZZ_PAGE];

			memset(page, (int)call.args[1], sizeof(page));
			host_write(call.args[0] & ~(FUZZ_PAGE - 1), page, sizeof(page));
		} else {
			if (call.eid == SBI_EXT_COVH && call.a6 == SBI_EXT_COVH_CREATE_TVM) {
				/* The host fills in the parameters first: a2, a3. */
				const struct sbi_tvm_create_params params = {
					call.args[2], call.args[3] };

				host_write(call.args[0], &params, sizeof(params));
			}
			answered = dispatch_sbi_call(&tsm, DISPATCH_FROM_HOST,
						     call.eid, call.a6,
						     call.args, &ret) ==
				   DISPATCH_ANSWERED;
		}
		if (trace)
			trace_call(in.calls, &call, answered, ret);
		inv_check(&before, in.calls, &call, answered, ret);
	}
	return 0;
}
