// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Guest tests of the exit protocol: registers and VS CSRs across exits,
 * ecall forwarding, a secret that no exit may expose, and a vCPU that
 * runs until the host's own timer interrupts it.
 */

#include "guest.h"

#define PAT(n)		(0x6c0de00000000000UL + ((unsigned long)(n) << 32) + (n) * 0x1111UL)
#define SSTATUS_SUM	(1UL << 18)
#define SSTATUS_MXR	(1UL << 19)
#define CSR_PAT(n)	(0xc5a0000000000000UL | ((unsigned long)(n) << 4))

void guest_regs_exits(unsigned long out[33]);
void guest_secret_exits(void);

static unsigned long out[33];

#define csr_read(csr) ({ unsigned long __v;				\
	__asm__ __volatile__("csrr %0, " #csr : "=r"(__v)); __v; })
#define csr_write(csr, v)						\
	__asm__ __volatile__("csrw " #csr ", %0" :: "r"((unsigned long)(v)))

struct vs_csrs {
	unsigned long sstatus, sie, stvec, sscratch, sepc, scause, stval,
		      satp, stimecmp;
};

static void read_csrs(struct vs_csrs *c)
{
	c->sstatus = csr_read(sstatus);
	c->sie = csr_read(sie);
	c->stvec = csr_read(stvec);
	c->sscratch = csr_read(sscratch);
	c->sepc = csr_read(sepc);
	c->scause = csr_read(scause);
	c->stval = csr_read(stval);
	c->satp = csr_read(satp);
	c->stimecmp = csr_read(0x14d);
}

/* The value xN should hold after guest_regs_exits(). */
static unsigned long want_reg(unsigned int n)
{
	switch (n) {
	case 0:		return 0;
	case 3:		return (unsigned long)out;
	case 4:		return GUEST_ZERO_GPA + 3 * PAGE_SIZE;
	case 10:	return VMM_ECHO_A0;
	case 11:	return VMM_ECHO_A1;
	case 16:	return VMM_FID_ECHO;
	case 17:	return VMM_EID;
	default:	return PAT(n);
	}
}

int guest_regs(void)
{
	unsigned long e10, e22, e23, deadline, bad = 0;
	struct vs_csrs set, got;

	ktap_start(6);
	payload_irq_disable();
	/* Values of our own in every VS CSR a TVM can write. */
	csr_write(sscratch, CSR_PAT(1));
	csr_write(sepc, CSR_PAT(2));
	csr_write(scause, CAUSE_LOAD_PAGE_FAULT);
	csr_write(stval, CSR_PAT(3));
	csr_write(sie, SIP_SSIP | SIP_STIP | SIP_SEIP);
	__asm__ __volatile__("csrs sstatus, %0" :: "r"(SSTATUS_SUM | SSTATUS_MXR));
	deadline = payload_time() + 2 * PAYLOAD_TICKS_PER_MS;
	guest_set_timer(deadline);	/* the WFI's wake-up */
	read_csrs(&set);
	e10 = guest_exits(CAUSE_VS_ECALL);
	e22 = guest_exits(CAUSE_VIRTUAL_INSN);
	e23 = guest_exits(CAUSE_STORE_GUEST_PAGE_FAULT);

	guest_regs_exits(out);
	read_csrs(&got);

	/* Since e10 was read: two reads, the echo, this read. */
	ktap_eq(guest_exits(CAUSE_VS_ECALL) - e10, 4,
		"the echo ecall exited to the host");
	ktap_eq(guest_exits(CAUSE_STORE_GUEST_PAGE_FAULT) - e23, 1,
		"the store to a new page exited to the host");
	ktap_ok(guest_exits(CAUSE_VIRTUAL_INSN) - e22 >= 1,
		"the WFI exited to the host");
	for (unsigned int n = 0; n < 32; n++) {
		if (out[n] == want_reg(n))
			continue;
		ktap_diag("x%u = %#lx, want %#lx", n, out[n], want_reg(n));
		bad++;
	}
	ktap_ok(!bad, "x0-x31 survive three exits (a0/a1 = the host's answer)");
	bad = 0;
#define CHECK(f)	do { if (got.f != set.f) {				\
		ktap_diag(#f " = %#lx, was %#lx", got.f, set.f); bad++; } } while (0)
	CHECK(sstatus);
	CHECK(sie);
	CHECK(stvec);
	CHECK(sscratch);
	CHECK(sepc);
	CHECK(scause);
	CHECK(stval);
	CHECK(satp);
	CHECK(stimecmp);
#undef CHECK
	ktap_ok(!bad, "VS CSRs survive the same exits");
	ktap_ok(set.sscratch == CSR_PAT(1) && set.stval == CSR_PAT(3) &&
		(set.sstatus & SSTATUS_SUM) && set.stimecmp == deadline,
		"the VS CSRs took the values written (so the check means something)");
	guest_set_timer(-1UL);
	return ktap_finish();
}

int guest_ecall(void)
{
	struct sbiret r;

	ktap_start(3);
	r = covekit_ecall(VMM_EID, VMM_FID_ECHO, VMM_ECHO_ARG(0), VMM_ECHO_ARG(1),
			  VMM_ECHO_ARG(2), VMM_ECHO_ARG(3), VMM_ECHO_ARG(4),
			  VMM_ECHO_ARG(5));
	ktap_eq(r.error, VMM_ECHO_A0, "a0 back is the host's a0");
	ktap_eq(r.value, VMM_ECHO_A1, "a1 back is the host's a1");
	r = covekit_ecall(VMM_EID, 0x7777, 1, 2, 3, 4, 5, 6);
	ktap_eq(r.error, SBI_ERR_NOT_SUPPORTED,
		"an FID the host does not serve: its NOT_SUPPORTED");
	return ktap_finish();
}

int guest_secret(void)
{
	unsigned long e10, e21, e22, e23;

	ktap_start(1);
	e10 = guest_exits(CAUSE_VS_ECALL);
	e21 = guest_exits(CAUSE_LOAD_GUEST_PAGE_FAULT);
	e22 = guest_exits(CAUSE_VIRTUAL_INSN);
	e23 = guest_exits(CAUSE_STORE_GUEST_PAGE_FAULT);
	payload_irq_disable();
	__asm__ __volatile__("csrw sie, %0" :: "r"(SIP_STIP));
	guest_set_timer(payload_time() + PAYLOAD_TICKS_PER_MS);
	guest_secret_exits();
	guest_set_timer(-1UL);
	/* Since e10 was read: three reads, two marks, this read. */
	ktap_ok(guest_exits(CAUSE_VS_ECALL) - e10 == 6 &&
		guest_exits(CAUSE_LOAD_GUEST_PAGE_FAULT) - e21 == 1 &&
		guest_exits(CAUSE_VIRTUAL_INSN) - e22 >= 1 &&
		guest_exits(CAUSE_STORE_GUEST_PAGE_FAULT) - e23 == 1,
		"ecall, load and store fault and WFI exits taken with the secret in registers");
	return ktap_finish();
}

static unsigned long spin_end;
static bool spun(void) { return payload_time() >= spin_end; }

int guest_spin(void)
{
	ktap_start(1);
	spin_end = payload_time() + 50 * PAYLOAD_TICKS_PER_MS;
	/* The host's timer strikes meanwhile: an interrupt exit, then on. */
	ktap_ok(guest_wait(spun, 1000), "ran on for 50 ms of its own time");
	return ktap_finish();
}
