// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * TVMs exit and resume: registers and VS CSRs survive exits, ecalls
 * carry exactly a0-a7 out and a0/a1 back, the NACL area holds nothing a
 * guest keeps in its other registers, the host's own timer interrupts a
 * running TVM, and a vCPU that shut down stays dead.
 */

#include "ktap.h"
#include "payload.h"
#include "vmm.h"

static struct vmm_tvm tvm;
static struct vmm_config cfg;

static unsigned long scanned, leaks;

/* After every exit: nothing of the guest's secret in the 12 KiB. */
static void scan_for_secret(struct vmm_tvm *t, const struct vmm_exit *exit,
			    const volatile struct sbi_nacl_shmem *nacl)
{
	const volatile uint64_t *w = (const volatile uint64_t *)nacl;

	scanned++;
	for (unsigned long i = 0; i < VMM_NACL_SIZE / 8; i++) {
		if ((w[i] & VMM_SECRET_MASK) != VMM_SECRET)
			continue;
		if (!leaks++)
			ktap_diag("exit cause %#lx: secret %#lx at NACL offset %#lx",
				  exit->cause, (unsigned long)w[i], i * 8);
	}
}

static void test_echo(void)
{
	bool ok = true;

	vmm_config_guest(&cfg, "ecall", GUEST_ECALL, 1);
	vmm_guest(&tvm, &cfg);
	for (int i = 0; i < 6; i++)
		ok &= tvm.echo[i] == VMM_ECHO_ARG(i);
	ok &= tvm.echo[6] == VMM_FID_ECHO && tvm.echo[7] == VMM_EID;
	if (!ok)
		for (int i = 0; i < 8; i++)
			ktap_diag("a%d = %#lx", i, tvm.echo[i]);
	ktap_ok(ok, "the host read exactly the guest's a0-a7 for its ecall");
	vmm_destroy(&tvm);
}

static void test_secret(void)
{
	tvm.on_exit = scan_for_secret;
	vmm_config_guest(&cfg, "secret", GUEST_SECRET, 1);
	vmm_guest(&tvm, &cfg);
	tvm.on_exit = 0;
	ktap_ok(scanned >= 6 && !leaks,
		"no secret in the NACL area after any of %lu exits (%lu found)",
		scanned, leaks);
	vmm_destroy(&tvm);
}

static volatile unsigned int host_ticks;

static void on_irq(unsigned long irq)
{
	if (irq != IRQ_S_TIMER) {
		payload_printf("# unexpected interrupt %lu\n", irq);
		payload_exit(2);
	}
	host_ticks++;
	sbi_time_set_timer(-1UL);
}

static void test_host_timer(void)
{
	unsigned long irqs = 0;

	payload_set_irq_handler(on_irq);
	payload_irq_enable(SIP_STIP);
	vmm_config_guest(&cfg, "host_timer", GUEST_SPIN, 1);
	vmm_create(&tvm, &cfg);
	sbi_time_set_timer(payload_time() + 5 * PAYLOAD_TICKS_PER_MS);
	ktap_ok(vmm_run(&tvm), "host_timer");
	payload_irq_disable();
	for (int i = 0; i < VMM_CAUSES; i++)
		irqs += tvm.irq_exits[i];
	ktap_ok(tvm.irq_exits[SBI_TVM_EXIT_INTERRUPT_TIMER] >= 1,
		"the host's timer gave an interrupt exit (%lu interrupt exits)", irqs);
	ktap_ok(host_ticks == 1, "the host's handler ran once (%u)", host_ticks);
	vmm_destroy(&tvm);
}

static void test_dead(void)
{
	struct sbiret ret;

	vmm_config_guest(&cfg, "regs", GUEST_REGS, 1);
	vmm_guest(&tvm, &cfg);
	ktap_ok(tvm.vcpu[0] == VMM_VCPU_DEAD, "the guest's SRST shutdown ended its vCPU");
	ret = sbi_covh_run_tvm_vcpu(tvm.id, 0);
	ktap_ok(ret.error != 0 || ret.value != 0,
		"run_tvm_vcpu of the dead vCPU fails (error %ld, value %ld)",
		ret.error, ret.value);
	vmm_destroy(&tvm);
}

/* FP registers across an ecall and a WFI exit; the VMM clobbers its own. */
static void test_fp(void)
{
	vmm_config_guest(&cfg, "fp", GUEST_FP, 1);
	vmm_guest(&tvm, &cfg);
	vmm_destroy(&tvm);
}

int payload_main(unsigned long hartid, unsigned long fdt)
{
	ktap_start(11);
	if (vmm_init(hartid)) {
		ktap_ok(false, "NACL set_shmem on hart %lu", hartid);
		return ktap_finish();
	}
	test_dead();
	test_echo();
	test_secret();
	test_host_timer();
	test_fp();
	return ktap_finish();
}
