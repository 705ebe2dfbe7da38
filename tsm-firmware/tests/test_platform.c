// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Host unit tests of the platform description (src/platform.c).
 *
 *   test_platform virt qemu-virt-opensbi.dtb onecell onecell.dtb \
 *                 toomany toomany.dtb ram-merge ram-merge.dtb
 *   test_platform qemu qemu-virt.dtb	(the blob QEMU itself dumps)
 *
 * Each section runs when its fixture is given and is skipped otherwise.
 */

#include "unit.h"

#include "tsm/fdt.h"
#include "tsm/platform.h"

#define SZ_1M	0x100000ULL

static const struct platform_device *find_device(const struct platform *p,
						 enum platform_device_kind k,
						 unsigned int nth)
{
	unsigned int i;

	for (i = 0; i < p->nr_devices; i++)
		if (p->devices[i].kind == k && nth-- == 0)
			return &p->devices[i];
	return NULL;
}

static bool range_is(const struct mem_range *r, uint64_t base, uint64_t size)
{
	return r->base == base && r->size == size;
}

/* Offset in the blob of a property's value, found with the reader. */
static size_t prop_off(const uint8_t *blob, size_t size, const char *path,
		       const char *name, uint32_t *len)
{
	struct dt_blob fdt;
	const uint8_t *v = NULL;

	if (dt_init(&fdt, blob, size) == 0)
		v = dt_getprop(&fdt, dt_path_offset(&fdt, path), name, len);
	if (!CHECK(v != NULL, "fixture has %s %s", path, name))
		exit(unit_done());
	return (size_t)(v - blob);
}

/* Replace a property by FDT_NOP tokens. */
static void nop_prop(uint8_t *copy, size_t size, const char *path,
		     const char *name)
{
	uint32_t len;
	size_t val = prop_off(copy, size, path, name, &len), o;

	for (o = val - 12; o < val + ((len + 3) & ~3U); o += 4)
		unit_put32(copy + o, 0x4);
}

static void test_virt(const uint8_t *blob, size_t size)
{
	struct platform p;
	const struct platform_device *uart, *test, *plic;
	int err;

	err = platform_from_fdt(&p, blob, size);
	CHECK_EQ(err, 0, "virt: platform_from_fdt");
	CHECK_EQ(p.nr_ram, 1, "virt: one RAM range");
	CHECK(range_is(&p.ram[0], 0x80000000, 256 * SZ_1M),
	      "virt: RAM 0x80000000, 256 MiB");
	CHECK_EQ(p.nr_reserved, 2, "virt: two reserved ranges");
	CHECK(range_is(&p.reserved[0], 0x80000000, 0x40000),
	      "virt: reserved[0] is mmode_resv1 (code)");
	CHECK(range_is(&p.reserved[1], 0x80040000, 0x20000),
	      "virt: reserved[1] is mmode_resv0 (data)");
	CHECK_EQ(p.nr_devices, 3, "virt: three devices (UART, test, PLIC)");
	uart = find_device(&p, DEVICE_UART, 0);
	test = find_device(&p, DEVICE_TEST, 0);
	plic = find_device(&p, DEVICE_PLIC, 0);
	CHECK(plic && range_is(&plic->range, 0xc000000, 0x600000),
	      "virt: PLIC at 0xc000000 (both compatibles: listed once)");
	CHECK(!p.sstc, "virt: riscv,isa without _sstc: no Sstc");
	CHECK(uart && range_is(&uart->range, 0x10000000, 0x100),
	      "virt: UART at 0x10000000");
	CHECK(test && range_is(&test->range, 0x100000, 0x1000),
	      "virt: test device at 0x100000, listed once");
	CHECK_EQ(p.nr_harts, 2, "virt: two harts (cpu-map is not one)");
	CHECK(range_is(&p.initrd, 0x88200000, 0x200000),
	      "virt: initrd from 2-cell values");
	CHECK_STR(p.bootargs, "tsm.trace tsm.bench", "virt: bootargs");
	CHECK(p.fdt.base == (uint64_t)(uintptr_t)blob && p.fdt.size == size,
	      "virt: fdt range is the blob");

	CHECK(platform_has_bootarg(&p, "tsm.trace"), "bootarg tsm.trace");
	CHECK(platform_has_bootarg(&p, "tsm.bench"), "bootarg tsm.bench");
	CHECK(!platform_has_bootarg(&p, "tsm"), "no bootarg tsm (prefix)");
	CHECK(!platform_has_bootarg(&p, "trace"), "no bootarg trace (suffix)");
	CHECK(!platform_has_bootarg(&p, "tsm.tr"), "no partial word");
	CHECK(!platform_has_bootarg(&p, "tsm.benchmark"), "no longer word");
	CHECK(!platform_has_bootarg(&p, ""), "no empty word");
	CHECK(!platform_has_bootarg(&p, "tsm.trace tsm.bench"),
	      "two words are not a word");

	/* RAM edges. */
	CHECK(platform_range_in_ram(&p, 0x80000000, 256 * SZ_1M),
	      "all of RAM is in RAM");
	CHECK(platform_range_in_ram(&p, 0x80000000, 1), "first byte");
	CHECK(platform_range_in_ram(&p, 0x8ffff000, 0x1000), "last page");
	CHECK(platform_range_in_ram(&p, 0x8fffffff, 1), "last byte");
	CHECK(!platform_range_in_ram(&p, 0x80000000, 256 * SZ_1M + 1),
	      "one byte past the end");
	CHECK(!platform_range_in_ram(&p, 0x7fffffff, 2),
	      "one byte before the start");
	CHECK(!platform_range_in_ram(&p, 0x90000000, 1), "just after RAM");
	CHECK(!platform_range_in_ram(&p, 0x7ffff000, 0x1000), "just before");
	CHECK(!platform_range_in_ram(&p, 0x80000000, 0), "empty range");
	CHECK(!platform_range_in_ram(&p, 0x80001000, UINT64_MAX),
	      "size that wraps");
	CHECK(!platform_range_in_ram(&p, UINT64_MAX, 1),
	      "base + size wraps to 0");
	CHECK(!platform_range_in_ram(&p, 0x8ffff000, 0xffffffff70001000ULL),
	      "base + size wraps into RAM");

	/* Reserved edges. */
	CHECK(platform_range_reserved(&p, 0x80000000, 1),
	      "first reserved byte");
	CHECK(platform_range_reserved(&p, 0x8005ffff, 1), "last reserved byte");
	CHECK(!platform_range_reserved(&p, 0x80060000, 0x1000),
	      "just after the reserved ranges");
	CHECK(!platform_range_reserved(&p, 0x7ffff000, 0x1000),
	      "touching from below is not overlapping");
	CHECK(platform_range_reserved(&p, 0x7ffff000, 0x1001),
	      "one byte of overlap");
	CHECK(platform_range_reserved(&p, 0x0, UINT64_MAX), "everything");
	CHECK(!platform_range_reserved(&p, 0x80000000, 0), "empty range");
	CHECK(platform_range_reserved(&p, 0xfffffffffffff000ULL,
				      0x80001001),
	      "a range wrapping onto the reserved ranges");
	CHECK(!platform_range_reserved(&p, 0xfffffffffffff000ULL,
				       0x80001000),
	      "a wrapping range ending just below them");
	CHECK(!platform_range_reserved(&p, 0xfffffffffffff000ULL, 0x2000),
	      "a range wrapping onto nothing reserved");
}

static void test_virt_patched(const uint8_t *blob, size_t size)
{
	struct platform p;
	uint8_t *copy, *buf;
	size_t off;
	uint32_t len;

	/* No bootargs. */
	copy = unit_dup(blob, size);
	nop_prop(copy, size, "/chosen", "bootargs");
	CHECK_EQ(platform_from_fdt(&p, copy, size), 0, "no bootargs: fine");
	CHECK_STR(p.bootargs, "", "no bootargs: \"\"");
	CHECK(!platform_has_bootarg(&p, "tsm.trace"),
	      "no bootargs: no tsm.trace");
	free(copy);

	/* Unterminated bootargs. */
	copy = unit_dup(blob, size);
	off = prop_off(copy, size, "/chosen", "bootargs", &len);
	copy[off + len - 1] = 'x';
	CHECK_EQ(platform_from_fdt(&p, copy, size), DT_ERR_BADVALUE,
		 "unterminated bootargs: DT_ERR_BADVALUE");
	free(copy);

	/* Only one end of the initrd. */
	copy = unit_dup(blob, size);
	nop_prop(copy, size, "/chosen", "linux,initrd-end");
	CHECK_EQ(platform_from_fdt(&p, copy, size), 0,
		 "initrd-start alone: fine");
	CHECK_EQ(p.initrd.size, 0, "initrd-start alone: no initrd");
	free(copy);

	/* initrd-end before initrd-start. */
	copy = unit_dup(blob, size);
	off = prop_off(copy, size, "/chosen", "linux,initrd-end", &len);
	unit_put32(copy + off + 4, 0x88100000);
	CHECK_EQ(platform_from_fdt(&p, copy, size), DT_ERR_BADVALUE,
		 "initrd ends before it starts: DT_ERR_BADVALUE");
	free(copy);

	/* No memory: device_type "memory" becomes "memorz". */
	copy = unit_dup(blob, size);
	off = prop_off(copy, size, "/memory", "device_type", &len);
	copy[off + 5] = 'z';
	CHECK_EQ(platform_from_fdt(&p, copy, size), -PLATFORM_ERR_NOMEMORY,
		 "no memory node: -PLATFORM_ERR_NOMEMORY");
	free(copy);

	/* RAM that wraps past the top of the address space. */
	copy = unit_dup(blob, size);
	off = prop_off(copy, size, "/memory", "reg", &len);
	unit_put32(copy + off + 8, 0xffffffff);
	unit_put32(copy + off + 12, 0xffffffff);
	CHECK_EQ(platform_from_fdt(&p, copy, size), DT_ERR_BADVALUE,
		 "RAM range wrapping past 2^64: DT_ERR_BADVALUE");
	free(copy);

	/* No harts: both cpus disabled. */
	copy = unit_dup(blob, size);
	off = prop_off(copy, size, "/cpus/cpu@0", "status", &len);
	memcpy(copy + off, "fail", 5);
	CHECK_EQ(platform_from_fdt(&p, copy, size), 0, "one hart left: fine");
	CHECK_EQ(p.nr_harts, 1, "status \"fail\" is not a hart");
	off = prop_off(copy, size, "/cpus/cpu@1", "status", &len);
	memcpy(copy + off, "fail", 5);
	CHECK_EQ(platform_from_fdt(&p, copy, size), -PLATFORM_ERR_NOHARTS,
		 "no enabled hart: -PLATFORM_ERR_NOHARTS");
	free(copy);

	/* No /cpus at all: rename it /cpuz. */
	copy = unit_dup(blob, size);
	{
		struct dt_blob fdt;
		int node;

		dt_init(&fdt, copy, size);
		node = dt_path_offset(&fdt, "/cpus");
		copy[fdt.off_struct + (uint32_t)node + 4 + 3] = 'z';
	}
	CHECK_EQ(platform_from_fdt(&p, copy, size), -PLATFORM_ERR_NOHARTS,
		 "no /cpus: -PLATFORM_ERR_NOHARTS");
	free(copy);

	/* Errors from the reader pass through. */
	copy = unit_dup(blob, size);
	copy[0] ^= 1;
	CHECK_EQ(platform_from_fdt(&p, copy, size), DT_ERR_BADMAGIC,
		 "bad magic passes through");
	free(copy);
	CHECK_EQ(platform_from_fdt(&p, blob, size - 1), DT_ERR_TRUNCATED,
		 "max_size below totalsize: DT_ERR_TRUNCATED");

	/* Any alignment. */
	buf = malloc(size + 1);
	if (!buf)
		exit(EXIT_FAILURE);
	memcpy(buf + 1, blob, size);
	CHECK_EQ(platform_from_fdt(&p, buf + 1, size), 0,
		 "blob at an odd address");
	CHECK(p.fdt.base == (uint64_t)(uintptr_t)(buf + 1) &&
	      range_is(&p.ram[0], 0x80000000, 256 * SZ_1M) &&
	      range_is(&p.initrd, 0x88200000, 0x200000),
	      "odd address: same description");
	free(buf);
}

static void test_onecell(const uint8_t *blob, size_t size)
{
	struct platform p;
	const struct platform_device *uart, *test;

	CHECK_EQ(platform_from_fdt(&p, blob, size), 0,
		 "onecell: platform_from_fdt");
	CHECK_EQ(p.nr_ram, 2, "onecell: adjacent RAM merged into two ranges");
	CHECK(range_is(&p.ram[0], 0x80000000, 256 * SZ_1M),
	      "onecell: ram[0] = 0x80000000 + 128 MiB + 128 MiB");
	CHECK(range_is(&p.ram[1], 0xc0000000, 16 * SZ_1M),
	      "onecell: ram[1] = 0xc0000000, 16 MiB");
	CHECK_EQ(p.nr_reserved, 3, "onecell: three reserved ranges");
	CHECK(range_is(&p.reserved[0], 0x80100000, 0x2000) &&
	      range_is(&p.reserved[1], 0x80200000, 0x1000) &&
	      range_is(&p.reserved[2], 0x80400000, 0x100000),
	      "onecell: /memreserve/ and /reserved-memory merged, sorted");
	CHECK(!platform_range_reserved(&p, 0x81000000, 0x1000),
	      "onecell: a disabled reserved-memory child is ignored");
	CHECK_EQ(p.nr_devices, 2, "onecell: disabled UART ignored");
	uart = find_device(&p, DEVICE_UART, 0);
	test = find_device(&p, DEVICE_TEST, 0);
	CHECK(uart && range_is(&uart->range, 0x10000000, 0x100),
	      "onecell: UART with 1-cell reg");
	CHECK(test && range_is(&test->range, 0x100000, 0x1000),
	      "onecell: sifive,test0 alone is a test device");
	CHECK_EQ(p.nr_harts, 2, "onecell: a disabled cpu is not a hart");
	CHECK(range_is(&p.initrd, 0x84000000, 0x100000),
	      "onecell: initrd from 1-cell values");
	CHECK(platform_range_in_ram(&p, 0x87ff0000, 0x20000),
	      "onecell: a range across the merged boundary is in RAM");
	CHECK(!platform_range_in_ram(&p, 0x8fff0000, 0x30010000),
	      "onecell: a range across the hole is not");
	CHECK(platform_range_in_ram(&p, 0xc0000000, 16 * SZ_1M),
	      "onecell: all of ram[1]");
	CHECK(platform_has_bootarg(&p, "console=ttyS0"),
	      "onecell: first word");
	CHECK(platform_has_bootarg(&p, "tsm.trace=1"),
	      "onecell: word after two spaces");
	CHECK(platform_has_bootarg(&p, "tsm.benchmark"),
	      "onecell: word after a tab, before a trailing space");
	CHECK(!platform_has_bootarg(&p, "tsm.trace"),
	      "onecell: tsm.trace=1 is not tsm.trace");
	CHECK(!platform_has_bootarg(&p, "tsm.bench"),
	      "onecell: tsm.benchmark is not tsm.bench");
	CHECK(!platform_has_bootarg(&p, "console"),
	      "onecell: console=ttyS0 is not console");
}

static void test_toomany(const uint8_t *blob, size_t size)
{
	struct platform p;

	CHECK_EQ(platform_from_fdt(&p, blob, size), -PLATFORM_ERR_TOOMANY,
		 "nine disjoint RAM ranges: -PLATFORM_ERR_TOOMANY");
}

static void test_ram_merge(const uint8_t *blob, size_t size)
{
	struct platform p;

	CHECK_EQ(platform_from_fdt(&p, blob, size), 0,
		 "twelve mergeable RAM pieces fit");
	CHECK_EQ(p.nr_ram, 2, "merged into two ranges");
	CHECK(range_is(&p.ram[0], 0x80000000, 12 * SZ_1M),
	      "ram[0] = [0x80000000, 0x80c00000)");
	CHECK(range_is(&p.ram[1], 0x100000000ULL, 2 * SZ_1M),
	      "ram[1] = [0x100000000, 0x100200000)");
}

static void test_qemu(const uint8_t *blob, size_t size)
{
	struct platform p;
	const struct platform_device *uart, *test;

	CHECK_EQ(platform_from_fdt(&p, blob, size), 0,
		 "qemu: platform_from_fdt of QEMU's own blob");
	CHECK_EQ(p.nr_ram, 1, "qemu: one RAM range");
	CHECK(range_is(&p.ram[0], 0x80000000, 256 * SZ_1M),
	      "qemu: RAM 0x80000000, 256 MiB");
	uart = find_device(&p, DEVICE_UART, 0);
	test = find_device(&p, DEVICE_TEST, 0);
	CHECK(uart && range_is(&uart->range, 0x10000000, 0x100),
	      "qemu: UART at 0x10000000");
	CHECK(test && range_is(&test->range, 0x100000, 0x1000),
	      "qemu: test device at 0x100000");
	CHECK(find_device(&p, DEVICE_PLIC, 0) != NULL, "qemu: a PLIC");
	CHECK_EQ(p.nr_devices, 3, "qemu: no other devices");
	CHECK(p.sstc, "qemu: the default rv64 CPU has Sstc");
	CHECK(p.nr_harts >= 1, "qemu: at least one hart");
	CHECK_EQ(p.nr_reserved, 0,
		 "qemu: no reserved ranges before OpenSBI adds its own");
}

/* A small deterministic PRNG (xorshift64). */
static uint64_t rng(void)
{
	static uint64_t state = 0x2545f4914f6cdd1dULL;

	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}

/*
 * platform_from_fdt() on randomly corrupted copies (each in an allocation
 * of exactly its size): it must fail cleanly or give a description whose
 * pointers stay inside the blob.
 */
static void test_mutations(const uint8_t *blob, size_t size)
{
	unsigned int iter, k, flips, ok = 0, sane = 0;
	struct platform p;
	uint8_t *copy;
	size_t pos;

	for (iter = 0; iter < 3000; iter++) {
		copy = unit_dup(blob, size);
		flips = 1 + (unsigned int)(rng() % 3);
		for (k = 0; k < flips; k++) {
			pos = rng() % 2 ? rng() % size : rng() % 64;
			copy[pos] ^= (uint8_t)(1u << (rng() % 8));
		}
		if (platform_from_fdt(&p, copy, size) == 0) {
			const char *b = p.bootargs;

			ok++;
			sane += p.nr_ram >= 1 && p.nr_ram <= PLATFORM_MAX_RAM &&
				p.nr_reserved <= PLATFORM_MAX_RESERVED &&
				p.nr_devices <= PLATFORM_MAX_DEVICES &&
				p.nr_harts >= 1 &&
				(*b == '\0' || ((const uint8_t *)b >= copy &&
				 (const uint8_t *)b + strlen(b) <
				 copy + size));
			platform_has_bootarg(&p, "tsm.trace");
			platform_range_in_ram(&p, rng(), rng() % 0x10000);
			platform_range_reserved(&p, rng(), rng());
		}
		free(copy);
	}
	CHECK(ok > 0 && sane == ok,
	      "3000 corrupted blobs: no fault, %u accepted and sane", ok);
}

/* Hand-made descriptions at the top of the address space. */
static void test_helpers(void)
{
	struct platform p = { 0 };

	p.nr_ram = 1;
	p.ram[0].base = 0xffffffff00000000ULL;
	p.ram[0].size = 0xfffff000;	/* ends at 2^64 - 4 KiB */
	CHECK(platform_range_in_ram(&p, 0xfffffffffffff000ULL - 0x1000,
				    0x1000), "RAM near the top: last page");
	CHECK(!platform_range_in_ram(&p, 0xfffffffffffff000ULL, 0x1000),
	      "range ending at 2^64 (base + size wraps to 0): false");
	CHECK(!platform_range_in_ram(&p, 0xffffffff00000000ULL,
				     0x100000000ULL),
	      "range wrapping past RAM's end: false");

	p.nr_reserved = 2;
	p.reserved[0].base = 0;
	p.reserved[0].size = 0x1000;
	p.reserved[1].base = 0xfffffffffffff000ULL;
	p.reserved[1].size = 0x1000;	/* ends exactly at 2^64 */
	CHECK(platform_range_reserved(&p, UINT64_MAX, 1),
	      "last byte of the address space");
	CHECK(platform_range_reserved(&p, 0xffffffffffffe000ULL, 0x1001),
	      "overlap from below the top");
	CHECK(!platform_range_reserved(&p, 0xffffffffffffe000ULL, 0x1000),
	      "touching from below the top");
	CHECK(platform_range_reserved(&p, 0xffffffffffffe000ULL,
				      0x2000 + 0x10),
	      "wrapping range overlapping both ends");
	CHECK(!platform_range_reserved(&p, 0x1000, 0x1000),
	      "just above reserved[0]");
	CHECK(platform_range_reserved(&p, 0x800, 0x1),
	      "inside reserved[0]");

	p.bootargs = "";
	CHECK(!platform_has_bootarg(&p, "x"), "empty bootargs");
	p.bootargs = "   ";
	CHECK(!platform_has_bootarg(&p, "x"), "blank bootargs");
	p.bootargs = "x";
	CHECK(platform_has_bootarg(&p, "x"), "a single word");
	CHECK(!platform_has_bootarg(&p, "x "), "a word with a space");
}

int main(int argc, char **argv)
{
	static const char *const names[] = {
		"virt", "onecell", "toomany", "ram-merge", "qemu",
	};
	uint8_t *blob;
	size_t size = 0;
	unsigned int i, given = 0;

	unit_init(argc, argv);
	test_helpers();
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!unit_fixture(names[i]))
			continue;
		given++;
		blob = unit_load_fixture(names[i], &size);
		if (!blob)
			continue;
		if (i == 0) {
			test_virt(blob, size);
			test_virt_patched(blob, size);
			test_mutations(blob, size);
		} else if (i == 1) {
			test_onecell(blob, size);
		} else if (i == 2) {
			test_toomany(blob, size);
		} else if (i == 3) {
			test_ram_merge(blob, size);
		} else {
			test_qemu(blob, size);
		}
		free(blob);
	}
	CHECK(given > 0, "at least one fixture given");
	return unit_done();
}
