// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * run_tvm_vcpu smoke test: build a TVM from a tiny embedded guest and
 * check each exit it makes (CoVE-2025 exit protocol through NACL):
 * an ecall for the host (a0-a7 only, the answer comes back), a demand-
 * zero page fault answered with add_tvm_zero_pages, an access outside
 * its memory that faults inside it (no exit), WFI, and SRST (dead).
 * Also the argument checks of NACL set_shmem and run_tvm_vcpu.
 */

#include "autoconf.h"
#include "ktap.h"
#include "payload.h"
#include "sbi_cove_types.h"

#define TVM_BASE	0x82000000UL	/* host memory, away from the payload */
#define PAGE(n)		(TVM_BASE + (n) * PAGE_SIZE)
#define DIR_AT		0UL
#define STATE_AT	4UL
#define PT_AT		(STATE_AT + CONFIG_TSM_TVM_STATE_PAGES)
#define PT_PAGES	4UL
#define CODE_AT		(PT_AT + PT_PAGES)
#define ZERO_AT		(CODE_AT + 1)
#define VCPU_AT		(ZERO_AT + 1)
#define TVM_PAGES	(VCPU_AT + CONFIG_TSM_VCPU_STATE_PAGES)

#define GUEST_BASE	0x80000000UL
#define GUEST_ZERO	(GUEST_BASE + PAGE_SIZE)	/* populated on demand */
#define SECRET		0x5ec12e7UL
#define HOST_ANSWER	7777UL
#define INSN_WFI	0x10500073UL

/*
 * The guest.  t0 holds a secret throughout: no exit may show it.  It
 * handles its own access fault (stvec) and reports what it saw in a2-a4
 * of its final SRST call.
 */
__asm__(".section .rodata\n"
	".balign 4096\n"
	"guest_code:\n"
	"	la	t3, 2f\n"
	"	csrw	stvec, t3\n"
	"	li	t0, 0x5ec12e7\n"
	"	li	a7, 0x12345\n"
	"	li	a0, 42\n"
	"	ecall\n"			/* exit: ecall for the host */
	"	mv	s2, a1\n"
	"	li	t2, 0x80001000\n"
	"	ld	s3, 0(t2)\n"		/* exit: demand-zero fault */
	"	li	t2, 0x90000000\n"
	"	ld	t1, 0(t2)\n"		/* its own access fault */
	"	wfi\n"				/* exit: virtual instruction */
	"	mv	a2, s2\n"
	"	mv	a3, s3\n"
	"	mv	a4, s4\n"
	"	li	a7, 0x53525354\n"
	"	li	a6, 0\n"
	"	li	a0, 0\n"
	"	li	a1, 0\n"
	"	ecall\n"			/* exit: SRST, dead */
	"1:	j	1b\n"
	"	.balign 4\n"
	"2:	csrr	s4, scause\n"
	"	csrr	t3, sepc\n"
	"	addi	t3, t3, 4\n"
	"	csrw	sepc, t3\n"
	"	sret\n"
	"guest_code_end:\n"
	".previous\n");
extern const uint8_t guest_code[], guest_code_end[];

static struct sbi_nacl_shmem shmem __attribute__((aligned(4096)));
static struct sbi_tvm_create_params params;
static uint8_t source[PAGE_SIZE] __attribute__((aligned(4096)));

static struct sbi_tsm_shmem_scratch *scratch(void)
{
	return (struct sbi_tsm_shmem_scratch *)shmem.scratch;
}

static unsigned long csr_entry(unsigned long csr)
{
	return shmem.csrs[sbi_nacl_csr_index(csr)];
}

/* Scratch GPRs other than a0-a7 are all zero (nothing else leaks). */
static bool only_args_exposed(bool with_args)
{
	for (int i = 0; i < 32; i++) {
		bool arg = i >= 10 && i <= 17;

		if ((!arg || !with_args) && scratch()->guest_gprs[i]) {
			ktap_diag("scratch x%d = %#lx", i,
				  (unsigned long)scratch()->guest_gprs[i]);
			return false;
		}
	}
	return true;
}

static long build_tvm(void)
{
	struct sbiret ret;
	long id;

	for (unsigned long i = 0; i < (unsigned long)(guest_code_end - guest_code); i++)
		source[i] = guest_code[i];
	if (sbi_covh_convert_pages(TVM_BASE, TVM_PAGES).error ||
	    sbi_covh_initiate_fence().error || sbi_covh_local_fence().error)
		return -1;
	params.tvm_page_directory_addr = PAGE(DIR_AT);
	params.tvm_state_addr = PAGE(STATE_AT);
	ret = sbi_covh_create_tvm((unsigned long)&params, sizeof(params));
	if (ret.error)
		return -1;
	id = ret.value;
	if (sbi_covh_add_tvm_memory_region(id, GUEST_BASE, 2 * PAGE_SIZE).error ||
	    sbi_covh_add_tvm_page_table_pages(id, PAGE(PT_AT), PT_PAGES).error ||
	    sbi_covh_add_tvm_measured_pages(id, (unsigned long)source, PAGE(CODE_AT),
					    SBI_PAGE_TYPE_PAGE_4K, 1,
					    GUEST_BASE).error ||
	    sbi_covh_create_tvm_vcpu(id, 0, PAGE(VCPU_AT)).error ||
	    sbi_covh_finalize_tvm(id, GUEST_BASE, 0x1234, 0).error)
		return -1;
	return id;
}

/* Run until an exit other than the host's own interrupts. */
static struct sbiret run(long id, unsigned long vcpu)
{
	struct sbiret ret;

	do
		ret = sbi_covh_run_tvm_vcpu(id, vcpu);
	while (!ret.error && (csr_entry(CSR_SCAUSE) & SBI_TVM_EXIT_INTERRUPT_FLAG));
	return ret;
}

int payload_main(unsigned long hartid, unsigned long fdt)
{
	struct sbiret ret;
	long id;

	ktap_start(25);

	ktap_eq(sbi_nacl_probe_feature(SBI_NACL_FEATURE_SYNC_CSR).value, 0,
		"NACL probe_feature: no optional feature");
	ktap_sbi_err(sbi_nacl_set_shmem((unsigned long)&shmem, 0, 1).error,
		     SBI_ERR_INVALID_PARAM, "NACL.set_shmem",
		     "set_shmem: non-zero flags INVALID_PARAM");
	ktap_sbi_err(sbi_nacl_set_shmem((unsigned long)&shmem + 8, 0, 0).error,
		     SBI_ERR_INVALID_ADDRESS, "NACL.set_shmem",
		     "set_shmem: misaligned INVALID_ADDRESS");
	ktap_eq(sbi_nacl_set_shmem(0x80200000UL, 0, 0).error,
		SBI_ERR_INVALID_ADDRESS, "set_shmem: TSM memory INVALID_ADDRESS");

	id = build_tvm();
	if (!ktap_ok(id > 0, "TVM built and finalized"))
		return ktap_finish();

	ktap_eq(sbi_nacl_set_shmem(-1UL, -1UL, 0).error, 0, "set_shmem: all ones disables");
	ktap_sbi_err(sbi_covh_run_tvm_vcpu(id, 0).error, SBI_ERR_NO_SHMEM,
		     "COVH.run_tvm_vcpu", "run_tvm_vcpu without a NACL area: NO_SHMEM");
	ktap_eq(sbi_nacl_set_shmem((unsigned long)&shmem, 0, 0).error, 0,
		"set_shmem on the payload's own memory");
	ktap_sbi_err(sbi_covh_run_tvm_vcpu(id + 1, 0).error, SBI_ERR_INVALID_PARAM,
		     "COVH.run_tvm_vcpu", "run_tvm_vcpu: no such TVM INVALID_PARAM");
	ktap_eq(sbi_covh_run_tvm_vcpu(id, 1).error, SBI_ERR_INVALID_PARAM,
		"run_tvm_vcpu: vCPU not created INVALID_PARAM");

	/* Exit 1: the guest's ecall for the host. */
	ret = run(id, 0);
	ktap_ok(!ret.error && !ret.value && csr_entry(CSR_SCAUSE) == 10,
		"ecall exit: cause 10, resumable (error %ld value %ld cause %#lx)",
		ret.error, ret.value, csr_entry(CSR_SCAUSE));
	ktap_ok(scratch()->guest_gprs[17] == 0x12345 && scratch()->guest_gprs[10] == 42,
		"ecall exit: a7 and a0 in the scratch GPRs");
	ktap_ok(only_args_exposed(true), "ecall exit: nothing but a0-a7 exposed");
	scratch()->guest_gprs[10] = 0;
	scratch()->guest_gprs[11] = HOST_ANSWER;

	/* Exit 2: the demand-zero page. */
	ret = run(id, 0);
	ktap_ok(!ret.error && csr_entry(CSR_SCAUSE) == SBI_TVM_EXIT_CAUSE_LOAD_GUEST_PAGE_FAULT &&
		(csr_entry(CSR_HTVAL) << 2 | (csr_entry(CSR_STVAL) & 3)) == GUEST_ZERO,
		"load guest page fault exit at the unpopulated page (cause %#lx)",
		csr_entry(CSR_SCAUSE));
	ktap_ok(only_args_exposed(false), "page-fault exit: no GPR exposed");
	ktap_eq(sbi_covh_add_tvm_zero_pages(id, PAGE(ZERO_AT), SBI_PAGE_TYPE_PAGE_4K,
					    1, GUEST_ZERO).error, 0,
		"add_tvm_zero_pages answers it");

	/* Exit 3: WFI (its access fault outside its memory exits nowhere). */
	ret = run(id, 0);
	ktap_ok(!ret.error && csr_entry(CSR_SCAUSE) == SBI_TVM_EXIT_CAUSE_VIRTUAL_INSN &&
		csr_entry(CSR_HTINST) == INSN_WFI,
		"WFI exit: cause 22, htinst is WFI (cause %#lx htinst %#lx)",
		csr_entry(CSR_SCAUSE), csr_entry(CSR_HTINST));
	ktap_ok(only_args_exposed(false), "WFI exit: no GPR exposed");

	/* Exit 4: SRST, the vCPU is dead. */
	ret = run(id, 0);
	ktap_ok(!ret.error && ret.value != 0 && csr_entry(CSR_SCAUSE) == 10 &&
		scratch()->guest_gprs[17] == SBI_EXT_SRST,
		"SRST exit: cause 10, value non-zero (value %ld)", ret.value);
	ktap_eq(scratch()->guest_gprs[12], HOST_ANSWER,
		"the guest got the host's a1 back");
	ktap_eq(scratch()->guest_gprs[13], 0, "the demand-zero page read zero");
	ktap_eq(scratch()->guest_gprs[14], 5,
		"an access outside its memory faulted inside it (load access fault)");
	ktap_ok(only_args_exposed(true), "SRST exit: the secret in t0 never exposed");
	ktap_eq(sbi_covh_run_tvm_vcpu(id, 0).error, SBI_ERR_INVALID_PARAM,
		"a dead vCPU does not run again");
	ktap_eq(sbi_covh_destroy_tvm(id).error, 0, "destroy_tvm");
	return ktap_finish();
}
