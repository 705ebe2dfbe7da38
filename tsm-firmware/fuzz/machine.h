/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The machine the fuzzer runs the TSM's logic on: 8 MiB of "RAM" mapped
 * at its physical address in this process (the TSM uses physical
 * addresses directly), with OpenSBI's region at its start and the TSM's
 * image inside it, neither of which the host owns.  The RAM starts below
 * 1 GiB and ends above it, so the host's G-stage has two root entries,
 * 4 KiB leaves around the holes and two 2 MiB leaves to split.
 *
 * Below 0x7fff8000 because ASan's shadow starts there on x86-64.
 */
#ifndef __FUZZ_MACHINE_H__
#define __FUZZ_MACHINE_H__

#include <stdbool.h>
#include <stdint.h>

#include "tsm/tsm.h"
#include "tsm/vcpu.h"

#define FUZZ_PAGE		4096ULL
#define FUZZ_RAM_BASE		0x3fe00000ULL
#define FUZZ_RAM_SIZE		(8ULL << 20)
#define FUZZ_RAM_END		(FUZZ_RAM_BASE + FUZZ_RAM_SIZE)
#define FUZZ_RAM_PAGES		(FUZZ_RAM_SIZE / FUZZ_PAGE)
/* OpenSBI's own memory (a reserved region), at the start of RAM. */
#define FUZZ_SBI_BASE		FUZZ_RAM_BASE
#define FUZZ_SBI_SIZE		0x20000ULL
/* The TSM's image: code, data, stacks. */
#define FUZZ_IMAGE_BASE		0x40400000ULL
#define FUZZ_IMAGE_SIZE		0x58000ULL
/* A UART the host gets mapped (never backed: nobody may touch it here). */
#define FUZZ_UART_BASE		0x10000000ULL
#define FUZZ_UART_SIZE		0x100ULL
/* Host pages: RAM less OpenSBI and the TSM. */
#define FUZZ_HOST_PAGES		((FUZZ_RAM_SIZE - FUZZ_SBI_SIZE - FUZZ_IMAGE_SIZE) / FUZZ_PAGE)
/* Tables the host's G-stage needs at boot with this layout. */
#define FUZZ_BOOT_TABLES	5
#define FUZZ_MAX_POOL		(FUZZ_BOOT_TABLES + 3)
/* Harts the TSM may run on here. */
#define FUZZ_HARTS		2

/*
 * Per-input configuration (the input's first byte):
 *   bits 0-1  spare tables in the host's G-stage pool (0-3)
 *   bit 2     two harts online (the fence waits for both)
 *   bit 3     the page tracker is 8 pages short: the host's last pages
 *             are its own but cannot be converted
 */
#define FUZZ_CFG_SPARE_MASK	0x3
#define FUZZ_CFG_TWO_HARTS	0x4
#define FUZZ_CFG_SHORT_TRACKER	0x8

/* The TSM's state on this machine, as main.c's global is on QEMU's. */
extern struct tsm tsm;
/* The hart the next call runs on (arch_hart_index()). */
extern unsigned int fuzz_hart;
/* How many G-stage fences (arch_hfence_gvma()) ran so far. */
extern unsigned long fuzz_hfence_count;

/*
 * How a run_tvm_vcpu's vCPU leaves the guest (the call's a2 modulo
 * FUZZ_EXIT_COUNT): the exits src/tvm_trap.c makes, modelled without a
 * hart.  STAY leaves it running on the hart: the hart's next call first
 * exits it as ECALL (the host's hart is back only after an exit).
 */
enum fuzz_exit {
	FUZZ_EXIT_ECALL,	/* an SBI call for the host: a0, a1 on resume */
	FUZZ_EXIT_WFI,		/* resume past the instruction */
	FUZZ_EXIT_STOP,		/* HSM hart_stop: STOPPED */
	FUZZ_EXIT_START,	/* HSM hart_start of vCPU (a2 / 8) % MAX_VCPUS */
	FUZZ_EXIT_RESET,	/* SRST: every vCPU of the TVM DEAD */
	FUZZ_EXIT_STAY,
	FUZZ_EXIT_COUNT,
};

/* What the last vCPU entry and exit did, for the invariants. */
struct fuzz_run_log {
	bool entered;		/* arch_vcpu_enter() ran */
	unsigned int entered_status;	/* the vCPU's status on entry */
	uint64_t entered_area;	/* nacl_area() on entry */
	bool exited;		/* a vCPU exit ran */
	uint64_t exit_area;	/* the NACL area it wrote, 0 if none */
};

/* The exit the next run makes (the harness sets it from a2). */
extern unsigned long fuzz_exit_arg;
extern struct fuzz_run_log fuzz_run_log;
/* The vCPU each hart is in (STAY), and its TVM; NULL when in the host. */
extern struct vcpu_state *fuzz_in_guest[FUZZ_HARTS];
extern struct tvm *fuzz_in_guest_tvm[FUZZ_HARTS];

/* Exit hart's vCPU as exit (enum fuzz_exit, not STAY), as vcpu_exit() does. */
void machine_vcpu_exit(unsigned int hart, unsigned long exit);

/* Map the RAM once; false (with a message) if the address is taken. */
bool machine_init(void);
/* Boot the TSM's state afresh, as main.c does, with configuration cfg. */
void machine_reset(uint8_t cfg);
/* Address of the page tracker's entry i. */
uint64_t machine_tracked_addr(unsigned long i);
/* The tracked page holding addr, or NULL. */
struct page_info *machine_page(uint64_t addr);
/* Whether [base, base + size) lies in one of the host's memory ranges. */
bool machine_host_owns(uint64_t base, uint64_t size);
/* Whether addr lies in the simulated RAM (so may be dereferenced). */
static inline bool machine_in_ram(uint64_t addr, uint64_t size)
{
	return addr >= FUZZ_RAM_BASE && addr <= FUZZ_RAM_END &&
	       size <= FUZZ_RAM_END - addr;
}

#endif /* __FUZZ_MACHINE_H__ */
