// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Host unit tests of NACL set_shmem and run_tvm_vcpu's checks and vCPU
 * bookkeeping, through dispatch_sbi_call() as the host calls them.  The
 * switch to the vCPU is arch_vcpu_enter() from arch_stub.c, which only
 * records the run (the hardware part runs in QEMU: tvm_run_smoke).
 */

#include "autoconf.h"
#include "sbi_cove_types.h"
#include "tsm/dispatch.h"
#include "tsm/tsm.h"
#include "tsm/vcpu.h"
#include "tvm_sim.h"
#include "unit.h"

extern unsigned int arch_stub_hart;
extern unsigned int arch_vcpu_enters;
extern struct vcpu_state *arch_stub_vcpu;
extern bool arch_stub_keep_running;

/* The last page of the simulated RAM: the host's, away from the TVM. */
#define AREA	(SIM_RAM_BASE + (SIM_RAM_PAGES - 3) * PAGE_SIZE)

static struct sbiret call(unsigned long eid, unsigned long fid,
			  unsigned long a0, unsigned long a1, unsigned long a2)
{
	const unsigned long args[6] = { a0, a1, a2 };
	struct sbiret ret = { -1000, 0 };

	dispatch_sbi_call(sim_tsm(), DISPATCH_FROM_HOST, eid, fid, args, &ret);
	return ret;
}

#define SET_SHMEM(lo, hi, fl)	call(SBI_EXT_NACL, SBI_EXT_NACL_SET_SHMEM, lo, hi, fl)
#define RUN(t, v)		call(SBI_EXT_COVH, SBI_EXT_COVH_RUN_TVM_VCPU, t, v, 0)

static void test_set_shmem(void)
{
	struct tsm *tsm = sim_tsm();

	/* Start with no area on any hart (test_run() left some). */
	for (arch_stub_hart = 1; arch_stub_hart < CONFIG_TSM_MAX_HARTS; arch_stub_hart++)
		SET_SHMEM(-1UL, -1UL, 0);
	arch_stub_hart = 0;
	SET_SHMEM(-1UL, -1UL, 0);
	CHECK_EQ(call(SBI_EXT_NACL, SBI_EXT_NACL_PROBE_FEATURE,
		      SBI_NACL_FEATURE_SYNC_CSR, 0, 0).value, 0,
		 "probe_feature: SYNC_CSR not offered");
	CHECK_SBI_ERR(SET_SHMEM(AREA, 0, 1).error, SBI_ERR_INVALID_PARAM,
		      "NACL.set_shmem", "flags != 0: INVALID_PARAM");
	CHECK_SBI_ERR(SET_SHMEM(AREA + 8, 0, 0).error, SBI_ERR_INVALID_ADDRESS,
		      "NACL.set_shmem", "misaligned: INVALID_ADDRESS");
	CHECK_SBI_ERR(SET_SHMEM(AREA, 1, 0).error, SBI_ERR_INVALID_ADDRESS,
		      "NACL.set_shmem", "shmem_phys_hi != 0: INVALID_ADDRESS");
	CHECK_SBI_ERR(SET_SHMEM(SIM_RAM_BASE + (SIM_RAM_PAGES - 2) * PAGE_SIZE,
				0, 0).error, SBI_ERR_INVALID_ADDRESS,
		      "NACL.set_shmem", "12 KiB running past the host's RAM: INVALID_ADDRESS");
	CHECK_EQ(tsm->nacl_shmem[0], 0, "refused calls set no area");
	CHECK_EQ(SET_SHMEM(AREA, 0, 0).error, 0, "host memory: accepted");
	CHECK_EQ(tsm->nacl_shmem[0], AREA, "the area is hart 0's");
	CHECK_EQ(tsm->nacl_shmem[1], 0, "hart 1 has none");
	CHECK_EQ(SET_SHMEM(-1UL, -1UL, 0).error, 0, "all ones: accepted");
	CHECK_EQ(tsm->nacl_shmem[0], 0, "all ones disables");
}

static void test_run(void)
{
	static const uint8_t code[16];
	static const struct sim_region region = { 0x80000000UL, 0x4000 };
	static const struct sim_image image = { code, sizeof(code), 0x80000000UL };
	const struct sim_tvm t = { &region, 1, &image, 1, 0x80000000UL, 0x1234, 2 };
	uint8_t m[SHA384_DIGEST_SIZE];
	const char *failed = NULL;
	struct vcpu_state *v0, *v1;
	struct tvm *tvm;

	if (!CHECK_EQ(sim_build_tvm(&t, m, &failed), 0, "TVM built (%s)",
		      failed ? failed : "ok"))
		return;
	tvm = &sim_tsm()->tvms[0];
	v0 = vcpu_get(tvm, 0);
	v1 = vcpu_get(tvm, 1);
	arch_stub_hart = 0;
	CHECK_SBI_ERR(RUN(1, 0).error, SBI_ERR_NO_SHMEM, "COVH.run_tvm_vcpu",
		      "no NACL area: NO_SHMEM");
	CHECK_EQ(arch_vcpu_enters, 0, "nothing ran");
	SET_SHMEM(AREA, 0, 0);
	CHECK_SBI_ERR(RUN(2, 0).error, SBI_ERR_INVALID_PARAM, "COVH.run_tvm_vcpu",
		      "no such TVM: INVALID_PARAM");
	CHECK_SBI_ERR(RUN(1, CONFIG_TSM_MAX_VCPUS).error, SBI_ERR_INVALID_PARAM,
		      "COVH.run_tvm_vcpu", "vCPU id past the maximum: INVALID_PARAM");
	CHECK_SBI_ERR(RUN(1, 1).error, SBI_ERR_INVALID_PARAM, "COVH.run_tvm_vcpu",
		      "vCPU 1 before the TVM started it: INVALID_PARAM");

	arch_stub_keep_running = true;
	CHECK_EQ(RUN(1, 0).error, 0, "boot vCPU runs");
	CHECK(arch_stub_vcpu == v0 && v0->status == VCPU_STARTED &&
	      v0->sepc == 0x80000000UL && v0->gpr[10] == 0 && v0->gpr[11] == 0x1234,
	      "first run: entry_sepc, a0 = 0, a1 = entry_arg");
	arch_stub_hart = 1;
	SET_SHMEM(AREA, 0, 0);
	CHECK_SBI_ERR(RUN(1, 0).error, SBI_ERR_FAILED, "COVH.run_tvm_vcpu",
		      "running on hart 0: hart 1 is refused with FAILED");
	CHECK_EQ(call(SBI_EXT_COVH, SBI_EXT_COVH_DESTROY_TVM, 1, 0, 0).error,
		 SBI_ERR_FAILED, "destroy_tvm refused while a vCPU runs");
	v0->running = 0;	/* it exited */
	arch_stub_keep_running = false;

	/* An ecall exit: the host's a0/a1 come back, the ecall is skipped. */
	v0->resume = VCPU_RESUME_ECALL;
	((struct sbi_nacl_shmem *)AREA)->scratch[10] = 5;
	((struct sbi_nacl_shmem *)AREA)->scratch[11] = 6;
	((struct sbi_nacl_shmem *)AREA)->scratch[12] = 7;
	v0->gpr[12] = 99;
	CHECK_EQ(RUN(1, 0).error, 0, "resumes on hart 1");
	CHECK(v0->gpr[10] == 5 && v0->gpr[11] == 6 && v0->gpr[12] == 99 &&
	      v0->sepc == 0x80000004UL,
	      "after an ecall exit only a0, a1 come back, sepc steps past it");

	v1->status = VCPU_STARTED;	/* as the TVM's HSM hart_start does */
	CHECK_EQ(RUN(1, 1).error, 0, "a started secondary vCPU runs");
	v0->status = VCPU_DEAD;
	CHECK_SBI_ERR(RUN(1, 0).error, SBI_ERR_INVALID_PARAM, "COVH.run_tvm_vcpu",
		      "a dead vCPU: INVALID_PARAM");
	v1->status = VCPU_STOPPED;
	CHECK_EQ(RUN(1, 1).error, SBI_ERR_INVALID_PARAM, "a stopped vCPU: INVALID_PARAM");
}

int main(int argc, char **argv)
{
	unit_init(argc, argv);
	if (!sim_init()) {
		unit_skip("cannot map the simulated RAM at 0x80000000", "run tests");
		return unit_done();
	}
	test_run();
	test_set_shmem();
	return unit_done();
}
