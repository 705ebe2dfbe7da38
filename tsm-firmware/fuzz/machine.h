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
