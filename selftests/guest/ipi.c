// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * SBI IPI and RFENCE between a TVM's own vCPUs, which the TSM serves
 * (tvm_trap.c): an IPI to a vCPU running on another hart reaches it
 * there at once and a fence to it is done when the call returns, so
 * each side spins without exiting (no VMM call) while it waits; an IPI
 * to itself is pending as the ecall returns.
 */

#include "guest.h"
#include "sbi_cove_types.h"

/* Software interrupts each vCPU took; its ID is in its sscratch. */
static volatile unsigned long soft[GUEST_MAX_VCPUS];
static volatile bool v1_ready, v1_sent;
static volatile long v1_fence = 1, v1_ipi = 1;

static void on_irq(unsigned long irq)
{
	unsigned long id;

	if (irq != IRQ_S_SOFT) {
		payload_printf("# unexpected interrupt %lu\n", irq);
		payload_exit(2);
	}
	__asm__ __volatile__("csrr %0, sscratch" : "=r"(id));
	__asm__ __volatile__("csrc sip, %0" :: "r"(SIP_SSIP));
	if (id < GUEST_MAX_VCPUS)
		soft[id]++;
}

static void irq_setup(unsigned long vcpu)
{
	__asm__ __volatile__("csrw sscratch, %0" :: "r"(vcpu));
	payload_set_irq_handler(on_irq);
	payload_irq_enable(SIP_SSIP);
}

/* No VMM call in these: the vCPUs stay in the TVM while they wait. */
static bool v0_got(void) { return soft[0] >= 2; }
static bool v1_got(void) { return soft[1] >= 1; }
static bool v1_is_ready(void) { return v1_ready; }
static bool v1_done(void) { return v1_sent && v1_fence != 1; }

void guest_ipi_secondary(void)
{
	irq_setup(1);
	__sync_synchronize();
	v1_ready = true;
	if (guest_wait(v1_got, 2000)) {
		v1_fence = sbi_rfence_remote_sfence_vma(1UL << 0, 0, 0, -1UL).error;
		v1_ipi = sbi_ipi_send_ipi(1UL << 0, 0).error;
	}
	__sync_synchronize();
	v1_sent = true;
	payload_irq_disable();
	sbi_hsm_hart_stop();
}

static bool v1_stopped(void)
{
	return sbi_hsm_hart_get_status(1).value == SBI_HSM_HART_STATE_STOPPED;
}

int guest_ipi(void)
{
	ktap_start(14);
	irq_setup(0);
	ktap_eq(sbi_ipi_send_ipi(1UL << 0, 0).error, 0, "send_ipi to itself");
	ktap_eq(soft[0], 1, "its software interrupt came as the ecall returned");
	ktap_eq(sbi_ipi_send_ipi(1UL << 5, 0).error, SBI_ERR_INVALID_PARAM,
		"send_ipi to a vCPU that does not exist: INVALID_PARAM");
	ktap_eq(sbi_ipi_send_ipi(1, 100).error, SBI_ERR_INVALID_PARAM,
		"send_ipi with hart_mask_base 100: INVALID_PARAM");
	ktap_eq(sbi_rfence_remote_sfence_vma(1UL << 5, 0, 0, -1UL).error,
		SBI_ERR_INVALID_PARAM,
		"remote_sfence_vma to a vCPU that does not exist: INVALID_PARAM");
	ktap_eq(sbi_hsm_hart_start(1, GUEST_GPA_BASE, GUEST_IPI_OPAQUE).error, 0,
		"hart_start vCPU 1");
	ktap_ok(guest_wait(v1_is_ready, 2000), "vCPU 1 enabled its software interrupt");
	ktap_eq(sbi_rfence_remote_sfence_vma(1UL << 1, 0, 0, -1UL).error, 0,
		"remote_sfence_vma vCPU 0 -> vCPU 1");
	ktap_ok(!v1_sent && soft[1] == 0,
		"the fence returned while vCPU 1 spins in the TVM");
	ktap_eq(sbi_ipi_send_ipi(1UL << 1, 0).error, 0, "send_ipi vCPU 0 -> vCPU 1");
	ktap_ok(guest_wait(v1_done, 2000) && soft[1] == 1,
		"vCPU 1's handler ran once (%lu)", soft[1]);
	ktap_eq(v1_fence, 0, "remote_sfence_vma vCPU 1 -> vCPU 0");
	ktap_ok(v1_ipi == 0 && guest_wait(v0_got, 2000),
		"send_ipi vCPU 1 -> vCPU 0: its handler ran (%ld, %lu)", v1_ipi, soft[0]);
	payload_irq_disable();
	ktap_ok(guest_wait(v1_stopped, 2000), "vCPU 1 stopped");
	return ktap_finish();
}
