/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * What the TSM knows of the machine, read once from the FDT at boot:
 * memory, the regions nobody but their owner may touch, the devices the
 * host needs, and where the host image is.
 */
#ifndef __TSM_PLATFORM_H__
#define __TSM_PLATFORM_H__

#include <stdbool.h>
#include <stdint.h>

#include "tsm/fdt.h"

#define PLATFORM_MAX_RAM	8
#define PLATFORM_MAX_RESERVED	16
#define PLATFORM_MAX_DEVICES	16

/* A physical address range [base, base + size). */
struct mem_range {
	uint64_t base;
	uint64_t size;
};

/* Kinds of device the TSM knows; the UART and the PLIC are the host's. */
enum platform_device_kind {
	DEVICE_UART,		/* ns16550a */
	DEVICE_TEST,		/* sifive,test1: test exit and reset */
	DEVICE_PLIC,		/* sifive,plic-1.0.0 / riscv,plic0 */
	DEVICE_OTHER,
};

struct platform_device {
	enum platform_device_kind kind;
	struct mem_range range;
};

/**
 * struct platform - The machine, as the FDT describes it.
 * @ram:	/memory ranges (device_type = "memory"), sorted by base,
 *		overlapping or adjacent ranges merged.
 * @reserved:	/reserved-memory children and the FDT's memory reservation
 *		block (OpenSBI's own region appears here), sorted by base.
 * @devices:	UART (mapped for the host) and test device (the TSM's
 *		alone: it resets the machine).
 * @nr_harts:	cpu nodes under /cpus (device_type "cpu", status absent
 *		or "okay").
 * @sstc:	Every one of those harts lists Sstc (riscv,isa-extensions,
 *		or riscv,isa): the host may get vstimecmp.
 * @initrd:	/chosen linux,initrd-start..end (QEMU's -initrd); size 0 if
 *		absent.  Not the host's: the TSM ignores it.
 * @bootargs:	/chosen bootargs (QEMU's -append): the TSM's own options,
 *		or "" if absent.  Points into the FDT, which is host memory:
 *		read it only before the host runs.
 * @host_kernel:	The /chosen module compatible "multiboot,kernel"
 *		(QEMU's -device guest-loader,kernel=...): the host image;
 *		size 0 if absent.
 * @host_bootargs:	That module's bootargs, or "" (points into the FDT).
 * @host_ramdisk:	The /chosen module compatible "multiboot,ramdisk":
 *		the host's initramfs; size 0 if absent.
 * @fdt:	The FDT itself (its totalsize, at the address we were given).
 */
struct platform {
	struct mem_range ram[PLATFORM_MAX_RAM];
	unsigned int nr_ram;
	struct mem_range reserved[PLATFORM_MAX_RESERVED];
	unsigned int nr_reserved;
	struct platform_device devices[PLATFORM_MAX_DEVICES];
	unsigned int nr_devices;
	unsigned int nr_harts;
	bool sstc;
	struct mem_range initrd;
	const char *bootargs;
	struct mem_range host_kernel;
	const char *host_bootargs;
	struct mem_range host_ramdisk;
	struct mem_range fdt;
};

/*
 * Fill plat from the FDT at blob (at most max_size bytes).  0, or a
 * negative DT_ERR_* / -PLATFORM_ERR_* when the FDT lacks what the TSM
 * cannot run without (memory, at least one hart).  On error the contents
 * of plat are unspecified.
 */
#define PLATFORM_ERR_NOMEMORY	100
#define PLATFORM_ERR_NOHARTS	101
#define PLATFORM_ERR_TOOMANY	102	/* more ranges than the arrays hold */
#define PLATFORM_ERR_MODULES	103	/* two kernel (or ramdisk) modules */
int platform_from_fdt(struct platform *plat, const void *blob,
		      uint64_t max_size);

/*
 * Whether [base, base + size) lies wholly inside one RAM range; false if
 * size is 0 or base + size wraps (reaches 2^64).
 */
bool platform_range_in_ram(const struct platform *plat, uint64_t base,
			   uint64_t size);

/*
 * Whether [base, base + size) overlaps any reserved range; false if size
 * is 0.  A range that wraps past 2^64 is taken to continue from 0.
 */
bool platform_range_reserved(const struct platform *plat, uint64_t base,
			     uint64_t size);

/*
 * Whether bootargs contains the word word (whole words, separated by
 * spaces, tabs or newlines).
 */
bool platform_has_bootarg(const struct platform *plat, const char *word);

#endif /* __TSM_PLATFORM_H__ */
