// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The simulated machine and the TSM's boot-time state (see machine.h),
 * rebuilt for every input so that each input replays alone.  What
 * main.c's tsm_main() does, without the FDT and the CSRs.
 */

#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include <sanitizer/asan_interface.h>

#include "machine.h"
#include "tsm/sbiret.h"
#include "tsm/vcpu.h"
#include "tsm/arch.h"
#include "covekit/riscv_encoding.h"
#include "sbi_cove_types.h"

struct tsm tsm;

unsigned int fuzz_hart;
unsigned long fuzz_hfence_count;

static uint64_t host_root[2048] __attribute__((aligned(16384)));
static uint64_t host_tables[FUZZ_MAX_POOL][512] __attribute__((aligned(4096)));
static uint64_t *host_table_list[FUZZ_MAX_POOL];
static struct page_info page_array[FUZZ_HOST_PAGES];

void arch_hfence_gvma(void)
{
	fuzz_hfence_count++;
}

unsigned int arch_hart_index(void)
{
	return fuzz_hart;
}

unsigned long fuzz_exit_arg;
struct fuzz_run_log fuzz_run_log;
struct vcpu_state *fuzz_in_guest[FUZZ_HARTS];
struct tvm *fuzz_in_guest_tvm[FUZZ_HARTS];

/* What src/tvm_trap.c's guest_hsm() and guest_reset() do to the vCPUs. */
static void guest_side(struct tvm *tvm, struct vcpu_state *v,
		       unsigned long exit)
{
	struct vcpu_state *t;

	switch (exit % FUZZ_EXIT_COUNT) {
	case FUZZ_EXIT_WFI:
		v->resume = VCPU_RESUME_SKIP;
		break;
	case FUZZ_EXIT_STOP:
		v->status = VCPU_STOPPED;
		v->resume = VCPU_RESUME_NONE;
		break;
	case FUZZ_EXIT_START:
		t = vcpu_get(tvm, exit / 8 % CONFIG_TSM_MAX_VCPUS);
		if (t && t->status != VCPU_STARTED && t->status != VCPU_DEAD)
			vcpu_reset(t, exit / 8 % CONFIG_TSM_MAX_VCPUS, 0x80000000UL, 0);
		v->resume = VCPU_RESUME_SKIP;
		break;
	case FUZZ_EXIT_RESET:
		for (unsigned long id = 0; id < CONFIG_TSM_MAX_VCPUS; id++) {
			t = vcpu_get(tvm, id);
			if (t)
				t->status = VCPU_DEAD;
		}
		break;
	default:
		v->resume = VCPU_RESUME_ECALL;
		break;
	}
}

/*
 * src/tvm_trap.c's vcpu_exit() and nacl_write_exit(): the exit goes to
 * the area nacl_area() gives on the exiting hart, if any.
 */
void machine_vcpu_exit(unsigned int hart, unsigned long exit)
{
	struct vcpu_state *v = fuzz_in_guest[hart];
	unsigned int caller = fuzz_hart;
	uint64_t area;

	if (!v)
		return;
	guest_side(fuzz_in_guest_tvm[hart], v, exit);
	fuzz_hart = hart;
	area = nacl_area(&tsm);
	fuzz_hart = caller;
	fuzz_run_log.exited = true;
	fuzz_run_log.exit_area = area;
	if (area) {
		struct sbi_nacl_shmem *s = (void *)(uintptr_t)area;

		memset(s->scratch, 0, 32 * sizeof(s->scratch[0]));
		for (int i = 10; i <= 17; i++)
			s->scratch[i] = v->gpr[i];
		s->csrs[sbi_nacl_csr_index(CSR_SCAUSE)] = CAUSE_VS_ECALL;
		s->csrs[sbi_nacl_csr_index(CSR_VSTIMECMP)] = v->vs.vstimecmp;
	}
	v->running = 0;
	fuzz_in_guest[hart] = NULL;
	fuzz_in_guest_tvm[hart] = NULL;
}

/*
 * run_tvm_vcpu's switch: the vCPU "runs" and exits as fuzz_exit_arg
 * says, so that run.c's resume bookkeeping sees every kind of exit.
 */
struct sbiret arch_vcpu_enter(struct tsm *tsm, struct tvm *tvm,
			      unsigned long tvm_id, struct vcpu_state *vcpu)
{
	(void)tvm_id;
	fuzz_run_log.entered = true;
	fuzz_run_log.entered_status = vcpu->status;
	fuzz_run_log.entered_area = nacl_area(tsm);
	if (fuzz_in_guest[fuzz_hart])
		__builtin_trap();	/* the harness exits it before any call */
	fuzz_in_guest[fuzz_hart] = vcpu;
	fuzz_in_guest_tvm[fuzz_hart] = tvm;
	if (fuzz_exit_arg % FUZZ_EXIT_COUNT != FUZZ_EXIT_STAY)
		machine_vcpu_exit(fuzz_hart, fuzz_exit_arg);
	return sbiret_value(fuzz_exit_arg % FUZZ_EXIT_COUNT == FUZZ_EXIT_RESET);
}

bool machine_init(void)
{
	void *ram = mmap((void *)FUZZ_RAM_BASE, FUZZ_RAM_SIZE,
			 PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);

	if (ram != (void *)FUZZ_RAM_BASE) {
		fprintf(stderr, "covh_fuzz: cannot map the simulated RAM at %#llx\n",
			FUZZ_RAM_BASE);
		return false;
	}
	/* Memory the host does not own: any access by the TSM is a bug. */
	ASAN_POISON_MEMORY_REGION((void *)FUZZ_SBI_BASE, FUZZ_SBI_SIZE);
	ASAN_POISON_MEMORY_REGION((void *)FUZZ_IMAGE_BASE, FUZZ_IMAGE_SIZE);
	return true;
}

static void platform_setup(struct platform *plat)
{
	memset(plat, 0, sizeof(*plat));
	plat->ram[plat->nr_ram++] = (struct mem_range){ FUZZ_RAM_BASE, FUZZ_RAM_SIZE };
	plat->reserved[plat->nr_reserved++] =
		(struct mem_range){ FUZZ_SBI_BASE, FUZZ_SBI_SIZE };
	plat->devices[plat->nr_devices++] = (struct platform_device){
		DEVICE_UART, { FUZZ_UART_BASE, FUZZ_UART_SIZE } };
	plat->nr_harts = FUZZ_HARTS;
}

/* main.c's map_host(): host memory RWX, the UART RW, identity-mapped. */
static void map_host(unsigned int spare)
{
	struct gstage_pool *pool = &tsm.host_gstage;

	memset(host_root, 0, sizeof(host_root));
	for (unsigned int i = 0; i < FUZZ_MAX_POOL; i++)
		host_table_list[i] = host_tables[i];
	*pool = (struct gstage_pool){ .root = host_root, .pages = host_table_list,
				      .nr_pages = FUZZ_BOOT_TABLES + spare };
	for (unsigned int i = 0; i < tsm.host_mem.nr_ranges; i++) {
		const struct mem_range *r = &tsm.host_mem.ranges[i];

		if (gstage_map(pool, r->base, r->base, r->size, GSTAGE_RWX))
			__builtin_trap();
	}
	if (gstage_map(pool, FUZZ_UART_BASE, FUZZ_UART_BASE, FUZZ_PAGE,
		       GSTAGE_R | GSTAGE_W) || pool->used != FUZZ_BOOT_TABLES)
		__builtin_trap();	/* machine.h's layout is wrong */
}

void machine_reset(uint8_t cfg)
{
	const struct mem_range image = { FUZZ_IMAGE_BASE, FUZZ_IMAGE_SIZE };
	unsigned long capacity = FUZZ_HOST_PAGES;

	memset(&tsm, 0, sizeof(tsm));
	/* Fresh zero pages for the next input, cheaper than a memset. */
	madvise((void *)FUZZ_RAM_BASE, FUZZ_RAM_SIZE, MADV_DONTNEED);
	platform_setup(&tsm.plat);
	tsm.image = image;
	if (host_memory_init(&tsm.host_mem, &tsm.plat, image))
		__builtin_trap();
	map_host(cfg & FUZZ_CFG_SPARE_MASK);
	if (cfg & FUZZ_CFG_SHORT_TRACKER)
		capacity -= 8;
	pages_init(&tsm.pages, &tsm.host_mem, page_array, capacity);
	fuzz_hart = 0;
	memset(fuzz_in_guest, 0, sizeof(fuzz_in_guest));
	memset(fuzz_in_guest_tvm, 0, sizeof(fuzz_in_guest_tvm));
	tsm.fence.online = cfg & FUZZ_CFG_TWO_HARTS ? 3 : 1;
	tsm.fence.first = ~0UL;	/* no CONVERTING page yet */
}

uint64_t machine_tracked_addr(unsigned long i)
{
	for (unsigned int r = 0; r < tsm.pages.nr_ranges; r++)
		if (i - tsm.pages.ranges[r].first < tsm.pages.ranges[r].count)
			return tsm.pages.ranges[r].base +
			       (i - tsm.pages.ranges[r].first) * FUZZ_PAGE;
	return tsm.pages.ranges[0].base;
}

/* The harness's own lookups: the firmware's are instrumented, and slow. */
struct page_info *machine_page(uint64_t addr)
{
	for (unsigned int r = 0; r < tsm.pages.nr_ranges; r++) {
		uint64_t off = addr - tsm.pages.ranges[r].base;

		if (addr >= tsm.pages.ranges[r].base &&
		    off / FUZZ_PAGE < tsm.pages.ranges[r].count)
			return &tsm.pages.pages[tsm.pages.ranges[r].first + off / FUZZ_PAGE];
	}
	return NULL;
}

bool machine_host_owns(uint64_t base, uint64_t size)
{
	for (unsigned int r = 0; r < tsm.host_mem.nr_ranges; r++) {
		const struct mem_range *range = &tsm.host_mem.ranges[r];

		if (base >= range->base && base <= range->base + range->size &&
		    size <= range->base + range->size - base)
			return true;
	}
	return false;
}
