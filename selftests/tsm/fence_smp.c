// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The global fence on two harts (fence_smp.qemu: -smp 2): a page
 * converted while hart 1 runs the host is not CONFIDENTIAL (create_tvm
 * refuses it) until hart 1 has run local_fence too; once hart 1 stops,
 * fences no longer wait for it.
 */

#include "ktap.h"
#include "payload.h"
#include "sbi_cove_types.h"

#define OTHER		1UL
#define AREA		0x81000000UL	/* host memory, away from the payload */
#define PAGE(n)		(AREA + (n) * PAGE_SIZE)
#define WAIT_MS		2000

enum { IDLE, FENCE, STOP };

static volatile int command = IDLE;
static volatile long fence_result = 1;
static volatile bool started;
static struct sbi_tvm_create_params params;

/* Hart 1: run local_fence, or stop, when hart 0 says so. */
static void other_main(unsigned long hartid, unsigned long arg)
{
	started = true;
	for (;;) {
		int cmd = command;

		if (cmd == FENCE) {
			fence_result = sbi_covh_local_fence().error;
			__sync_synchronize();
			command = IDLE;
		} else if (cmd == STOP) {
			sbi_hsm_hart_stop();
		}
	}
}

static bool wait_idle(void)
{
	unsigned long end = payload_time() + WAIT_MS * PAYLOAD_TICKS_PER_MS;

	while (command != IDLE && payload_time() < end)
		;
	return command == IDLE;
}

static long other_fence(void)
{
	fence_result = 1;
	__sync_synchronize();
	command = FENCE;
	return wait_idle() ? fence_result : 99;
}

static long create_tvm(unsigned long first)
{
	params.tvm_page_directory_addr = PAGE(first);
	params.tvm_state_addr = PAGE(first + 4);
	return sbi_covh_create_tvm((unsigned long)&params, sizeof(params)).error;
}

int payload_main(unsigned long hartid, unsigned long fdt)
{
	unsigned long end;
	long err;

	ktap_start(11);
	ktap_eq(payload_start_hart(OTHER, other_main, 0), 0, "start hart 1");
	end = payload_time() + WAIT_MS * PAYLOAD_TICKS_PER_MS;
	while (!started && payload_time() < end)
		;
	ktap_ok(started, "hart 1 runs the host");

	ktap_eq(sbi_covh_convert_pages(PAGE(0), 5).error, 0, "convert 5 pages");
	ktap_eq(sbi_covh_initiate_fence().error, 0, "initiate_fence");
	ktap_eq(sbi_covh_local_fence().error, 0, "local_fence on hart 0");
	err = create_tvm(0);
	ktap_sbi_err(err, SBI_ERR_INVALID_PARAM, "COVH.create_tvm",
		     "create_tvm before hart 1's local_fence: pages not CONFIDENTIAL yet");
	ktap_eq(other_fence(), 0, "local_fence on hart 1");
	ktap_ok(create_tvm(0) == 0, "create_tvm after every hart's local_fence");
	ktap_eq(other_fence(), SBI_ERR_FAILED,
		"local_fence on hart 1 again: no fence to take part in");

	/* Hart 1 stops: the next fence is hart 0's alone. */
	command = STOP;
	end = payload_time() + WAIT_MS * PAYLOAD_TICKS_PER_MS;
	while (sbi_hsm_hart_get_status(OTHER).value != SBI_HSM_HART_STATE_STOPPED &&
	       payload_time() < end)
		;
	ktap_eq(sbi_hsm_hart_get_status(OTHER).value, SBI_HSM_HART_STATE_STOPPED,
		"hart 1 stopped");
	err = sbi_covh_convert_pages(PAGE(8), 5).error;
	err |= sbi_covh_initiate_fence().error;
	err |= sbi_covh_local_fence().error;
	ktap_ok(err == 0 && create_tvm(8) == 0,
		"with hart 1 stopped, hart 0's local_fence completes the fence");
	return ktap_finish();
}
