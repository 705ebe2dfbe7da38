// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The platform description: what the FDT that OpenSBI hands us says about
 * memory, reserved regions, devices, harts and /chosen, read once at boot
 * into fixed-size arrays.
 *
 * Addresses in "reg" are taken as CPU physical addresses: bus "ranges" are
 * not translated, which is right for QEMU virt (its /soc has an empty,
 * identity "ranges").
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsm/fdt.h"
#include "tsm/platform.h"
#include "covekit/string.h"

/* Whether a node is enabled: no "status", or "okay" (or legacy "ok"). */
static bool node_enabled(const struct dt_blob *fdt, int node)
{
	const char *status;

	if (!dt_getprop(fdt, node, "status", NULL))
		return true;
	status = dt_getprop_str(fdt, node, "status");
	return status && (!strcmp(status, "okay") || !strcmp(status, "ok"));
}

static uint64_t max_u64(uint64_t a, uint64_t b)
{
	return a > b ? a : b;
}

static uint64_t min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

/*
 * Add [base, base + size) to the array of *nr ranges sorted by base.  With
 * merge, ranges that overlap or touch are joined (the array then holds
 * disjoint, non-adjacent ranges); without, duplicates are kept.  The range
 * must not wrap.
 */
static int add_range(struct mem_range *arr, unsigned int *nr,
		     unsigned int max, uint64_t base, uint64_t size, bool merge)
{
	uint64_t end = base + size, rend;
	unsigned int i, j;

	for (i = 0; merge && i < *nr; i++) {
		rend = arr[i].base + arr[i].size;
		if (base > rend || end < arr[i].base)
			continue;

		/* The first range touched: grow it, then swallow the next. */
		end = max_u64(end, rend);
		arr[i].base = min_u64(base, arr[i].base);
		arr[i].size = end - arr[i].base;
		while (i + 1 < *nr && arr[i + 1].base <= end) {
			end = max_u64(end, arr[i + 1].base + arr[i + 1].size);
			arr[i].size = end - arr[i].base;
			for (j = i + 1; j + 1 < *nr; j++)
				arr[j] = arr[j + 1];
			(*nr)--;
		}
		return 0;
	}

	if (*nr >= max)
		return -PLATFORM_ERR_TOOMANY;
	for (i = *nr; i > 0 && arr[i - 1].base > base; i--)
		arr[i] = arr[i - 1];
	arr[i].base = base;
	arr[i].size = size;
	(*nr)++;
	return 0;
}

typedef int (*add_range_fn)(struct platform *plat, uint64_t base,
			    uint64_t size, int arg);

/*
 * Pass one (address, size) pair from the FDT to add(): a zero size adds
 * nothing, and a pair that wraps past the top of the address space is
 * DT_ERR_BADVALUE.
 */
static int add_fdt_range(add_range_fn add, struct platform *plat,
			 uint64_t base, uint64_t size, int arg)
{
	if (size == 0)
		return 0;
	if (base + size < base)
		return DT_ERR_BADVALUE;
	return add(plat, base, size, arg);
}

/* add_fdt_range() for every pair of node's "reg"; none without "reg". */
static int for_each_reg(const struct dt_blob *fdt, int node, add_range_fn add,
			struct platform *plat, int arg)
{
	uint64_t base, size;
	unsigned int i;
	int err;

	for (i = 0;; i++) {
		err = dt_read_reg(fdt, node, i, &base, &size);
		if (err == DT_ERR_NOTFOUND)
			return 0;
		if (err)
			return err;
		err = add_fdt_range(add, plat, base, size, arg);
		if (err)
			return err;
	}
}

static int add_ram(struct platform *plat, uint64_t base, uint64_t size,
		   int unused)
{
	(void)unused;
	return add_range(plat->ram, &plat->nr_ram, PLATFORM_MAX_RAM, base,
			 size, true);
}

static int add_reserved(struct platform *plat, uint64_t base, uint64_t size,
			int unused)
{
	(void)unused;
	return add_range(plat->reserved, &plat->nr_reserved,
			 PLATFORM_MAX_RESERVED, base, size, false);
}

static int add_device(struct platform *plat, uint64_t base, uint64_t size,
		      int kind)
{
	struct platform_device *dev;

	if (plat->nr_devices >= PLATFORM_MAX_DEVICES)
		return -PLATFORM_ERR_TOOMANY;
	dev = &plat->devices[plat->nr_devices++];
	dev->kind = (enum platform_device_kind)kind;
	dev->range.base = base;
	dev->range.size = size;
	return 0;
}

/* RAM: every enabled node with device_type "memory", all its pairs. */
static int parse_memory(const struct dt_blob *fdt, struct platform *plat)
{
	int node, err;

	for (node = dt_next_device_type(fdt, -1, "memory"); node >= 0;
	     node = dt_next_device_type(fdt, node, "memory")) {
		if (!node_enabled(fdt, node))
			continue;
		err = for_each_reg(fdt, node, add_ram, plat, 0);
		if (err)
			return err;
	}
	if (node != DT_ERR_NOTFOUND)
		return node;
	return plat->nr_ram ? 0 : -PLATFORM_ERR_NOMEMORY;
}

/* Reserved: the memory reservation block and /reserved-memory's children. */
static int parse_reserved(const struct dt_blob *fdt, struct platform *plat)
{
	uint64_t base, size;
	unsigned int i;
	int node, err;

	for (i = 0;; i++) {
		err = dt_get_mem_rsv(fdt, i, &base, &size);
		if (err == DT_ERR_NOTFOUND)
			break;
		if (err)
			return err;
		err = add_fdt_range(add_reserved, plat, base, size, 0);
		if (err)
			return err;
	}

	node = dt_path_offset(fdt, "/reserved-memory");
	if (node == DT_ERR_NOTFOUND)
		return 0;
	if (node < 0)
		return node;
	for (node = dt_first_child(fdt, node); node >= 0;
	     node = dt_next_sibling(fdt, node)) {
		/* Children without "reg" are dynamic: nothing is fixed yet. */
		if (!node_enabled(fdt, node))
			continue;
		err = for_each_reg(fdt, node, add_reserved, plat, 0);
		if (err)
			return err;
	}
	return node == DT_ERR_NOTFOUND ? 0 : node;
}

/* Every enabled node compatible with compat (but not with skip). */
static int parse_devices(const struct dt_blob *fdt, struct platform *plat,
			 const char *compat, const char *skip,
			 enum platform_device_kind kind)
{
	int node, err;

	for (node = dt_next_compatible(fdt, -1, compat); node >= 0;
	     node = dt_next_compatible(fdt, node, compat)) {
		if (!node_enabled(fdt, node))
			continue;
		if (skip && dt_node_is_compatible(fdt, node, skip))
			continue;
		err = for_each_reg(fdt, node, add_device, plat, kind);
		if (err)
			return err;
	}
	return node == DT_ERR_NOTFOUND ? 0 : node;
}

/* Whether the NUL-separated string list [list, list + len) holds word. */
static bool stringlist_has(const char *list, uint32_t len, const char *word)
{
	uint32_t i = 0;

	while (i < len) {
		size_t n = strnlen(list + i, len - i);

		if (n < len - i && !strcmp(list + i, word))
			return true;
		i += n + 1;
	}
	return false;
}

/*
 * Whether a cpu node lists Sstc: in riscv,isa-extensions, else as an
 * "_sstc" multi-letter extension of riscv,isa (lower case, as QEMU and
 * the DT binding write it).
 */
static bool cpu_has_sstc(const struct dt_blob *fdt, int node)
{
	const char *isa;
	uint32_t len;
	size_t n;

	isa = dt_getprop(fdt, node, "riscv,isa-extensions", &len);
	if (isa)
		return stringlist_has(isa, len, "sstc");
	isa = dt_getprop(fdt, node, "riscv,isa", &len);
	if (!isa)
		return false;
	n = strnlen(isa, len);
	for (size_t i = 0; i + 5 <= n; i++)
		if (!strncmp(isa + i, "_sstc", 5) &&
		    (i + 5 == n || isa[i + 5] == '_'))
			return true;
	return false;
}

/* Harts: enabled children of /cpus with device_type "cpu". */
static int parse_cpus(const struct dt_blob *fdt, struct platform *plat)
{
	const char *type;
	int node;

	node = dt_path_offset(fdt, "/cpus");
	if (node == DT_ERR_NOTFOUND)
		return -PLATFORM_ERR_NOHARTS;
	if (node < 0)
		return node;
	for (node = dt_first_child(fdt, node); node >= 0;
	     node = dt_next_sibling(fdt, node)) {
		type = dt_getprop_str(fdt, node, "device_type");
		if (type && !strcmp(type, "cpu") && node_enabled(fdt, node)) {
			plat->sstc = (plat->nr_harts == 0 || plat->sstc) &&
				     cpu_has_sstc(fdt, node);
			plat->nr_harts++;
		}
	}
	if (node != DT_ERR_NOTFOUND)
		return node;
	return plat->nr_harts ? 0 : -PLATFORM_ERR_NOHARTS;
}

/* /chosen: the initrd (if both ends are there) and bootargs. */
static int parse_chosen(const struct dt_blob *fdt, struct platform *plat)
{
	uint64_t start, end;
	const char *args;
	uint32_t len;
	int node, err_start, err_end;

	node = dt_path_offset(fdt, "/chosen");
	if (node == DT_ERR_NOTFOUND)
		return 0;
	if (node < 0)
		return node;

	err_start = dt_read_u64(fdt, node, "linux,initrd-start", &start);
	err_end = dt_read_u64(fdt, node, "linux,initrd-end", &end);
	if (err_start == DT_ERR_BADVALUE || err_end == DT_ERR_BADVALUE)
		return DT_ERR_BADVALUE;
	if (!err_start && !err_end) {
		if (end < start)
			return DT_ERR_BADVALUE;
		plat->initrd.base = start;
		plat->initrd.size = end - start;
	}

	args = dt_getprop(fdt, node, "bootargs", &len);
	if (args && len) {
		if (strnlen(args, len) >= len)
			return DT_ERR_BADVALUE;	/* not terminated */
		plat->bootargs = args;
	}
	return 0;
}

/*
 * A 1-cell integer property of node, or def if absent; -1 if it is
 * not one cell or out of the range 0..2 that "reg" decoding supports.
 */
static int cells_prop(const struct dt_blob *fdt, int node, const char *name,
		      int def)
{
	uint32_t len, v;
	const void *p = dt_getprop(fdt, node, name, &len);

	if (!p)
		return def;
	if (len != 4)
		return -1;
	v = dt_be32(p);
	return v <= 2 ? (int)v : -1;
}

/*
 * The first (address, size) pair of a /chosen module's "reg".  QEMU's
 * guest-loader writes it with the root's cell counts and gives /chosen
 * none, so /chosen's own counts win when present, then the root's.
 */
static int module_reg(const struct dt_blob *fdt, int chosen, int node,
		      struct mem_range *r)
{
	int root = dt_root(fdt);
	int ac = cells_prop(fdt, root, "#address-cells", 2);
	int sc = cells_prop(fdt, root, "#size-cells", 1);
	const uint8_t *reg;
	uint32_t len;

	ac = cells_prop(fdt, chosen, "#address-cells", ac);
	sc = cells_prop(fdt, chosen, "#size-cells", sc);
	reg = dt_getprop(fdt, node, "reg", &len);
	if (ac < 1 || sc < 1 || !reg || len < 4 * (uint32_t)(ac + sc))
		return DT_ERR_BADVALUE;
	r->base = dt_read_cells(reg, (unsigned int)ac);
	r->size = dt_read_cells(reg + 4 * ac, (unsigned int)sc);
	if (!r->size || r->base + r->size < r->base)
		return DT_ERR_BADVALUE;
	return 0;
}

/*
 * The host's boot modules: the children of /chosen that QEMU's
 * -device guest-loader adds, compatible "multiboot,kernel" (with the
 * host's bootargs) or "multiboot,ramdisk".  At most one of each.
 */
static int parse_modules(const struct dt_blob *fdt, struct platform *plat)
{
	const char *args;
	uint32_t len;
	int chosen, node, err;

	chosen = dt_path_offset(fdt, "/chosen");
	if (chosen == DT_ERR_NOTFOUND)
		return 0;
	if (chosen < 0)
		return chosen;
	for (node = dt_first_child(fdt, chosen); node >= 0;
	     node = dt_next_sibling(fdt, node)) {
		struct mem_range *r;

		if (dt_node_is_compatible(fdt, node, "multiboot,kernel"))
			r = &plat->host_kernel;
		else if (dt_node_is_compatible(fdt, node, "multiboot,ramdisk"))
			r = &plat->host_ramdisk;
		else
			continue;
		if (r->size)
			return -PLATFORM_ERR_MODULES;
		err = module_reg(fdt, chosen, node, r);
		if (err)
			return err;
		if (r != &plat->host_kernel)
			continue;
		args = dt_getprop(fdt, node, "bootargs", &len);
		if (args && len) {
			if (strnlen(args, len) >= len)
				return DT_ERR_BADVALUE;
			plat->host_bootargs = args;
		}
	}
	return node == DT_ERR_NOTFOUND ? 0 : node;
}

/**
 * platform_from_fdt() - Describe the machine from its FDT.
 * @plat:	Filled in; on error its contents are unspecified.
 * @blob:	The FDT, as OpenSBI passed it (any alignment).
 * @max_size:	How many bytes at @blob may be read.
 *
 * RAM comes from every node with device_type "memory" (sorted, adjacent
 * or overlapping ranges merged); reserved ranges from the memory
 * reservation block and every child of /reserved-memory with "reg"
 * (sorted, not merged); devices from nodes compatible with "ns16550a"
 * (DEVICE_UART), "sifive,test1" or "sifive,test0" (DEVICE_TEST) and
 * "sifive,plic-1.0.0" or "riscv,plic0" (DEVICE_PLIC), one entry per "reg"
 * pair, in that order; harts from the children of /cpus with device_type
 * "cpu", and whether all of them have Sstc; the host's kernel and ramdisk
 * from the /chosen modules of QEMU's guest-loader.  Nodes whose status is
 * neither absent nor "okay" are ignored.  Zero-sized "reg" pairs are
 * skipped.
 *
 * Return: 0; an DT_ERR_* for a corrupt FDT, a "reg" that wraps past the
 * top of the address space, an initrd that ends before it starts or
 * unterminated bootargs, a module without a usable "reg";
 * -PLATFORM_ERR_MODULES for two kernel or two ramdisk modules;
 * -PLATFORM_ERR_NOMEMORY, -PLATFORM_ERR_NOHARTS, or
 * -PLATFORM_ERR_TOOMANY if a fixed-size array overflows.
 */
int platform_from_fdt(struct platform *plat, const void *blob,
		      uint64_t max_size)
{
	struct dt_blob fdt;
	size_t max;
	int err;

	memset(plat, 0, sizeof(*plat));
	plat->bootargs = "";
	plat->host_bootargs = "";

#if SIZE_MAX < UINT64_MAX
	max = max_size > SIZE_MAX ? SIZE_MAX : (size_t)max_size;
#else
	max = (size_t)max_size;
#endif
	err = dt_init(&fdt, blob, max);
	if (err)
		return err;
	plat->fdt.base = (uint64_t)(uintptr_t)blob;
	plat->fdt.size = fdt.size;

	err = parse_memory(&fdt, plat);
	if (!err)
		err = parse_reserved(&fdt, plat);
	if (!err)
		err = parse_devices(&fdt, plat, "ns16550a", NULL, DEVICE_UART);
	if (!err)
		err = parse_devices(&fdt, plat, "sifive,test1", NULL,
				    DEVICE_TEST);
	if (!err)
		err = parse_devices(&fdt, plat, "sifive,test0", "sifive,test1",
				    DEVICE_TEST);
	if (!err)
		err = parse_devices(&fdt, plat, "sifive,plic-1.0.0", NULL,
				    DEVICE_PLIC);
	if (!err)
		err = parse_devices(&fdt, plat, "riscv,plic0",
				    "sifive,plic-1.0.0", DEVICE_PLIC);
	if (!err)
		err = parse_cpus(&fdt, plat);
	if (!err)
		err = parse_chosen(&fdt, plat);
	if (!err)
		err = parse_modules(&fdt, plat);
	return err;
}

/**
 * platform_range_in_ram() - Check that a range lies inside one RAM range.
 * @plat:	From platform_from_fdt().
 * @base:	Start of the range.
 * @size:	Its size in bytes.
 *
 * Return: true if [@base, @base + @size) lies wholly inside one RAM range;
 * false if it does not, if @size is 0, or if @base + @size wraps past the
 * top of the address space.
 */
bool platform_range_in_ram(const struct platform *plat, uint64_t base,
			   uint64_t size)
{
	const struct mem_range *r;
	unsigned int i;

	if (size == 0 || base + size < base)
		return false;
	for (i = 0; i < plat->nr_ram && i < PLATFORM_MAX_RAM; i++) {
		r = &plat->ram[i];
		if (base >= r->base && base - r->base <= r->size &&
		    size <= r->size - (base - r->base))
			return true;
	}
	return false;
}

/*
 * Split [base, base + size), size > 0, into one or two inclusive pieces
 * [first[i], last[i]]: two if it wraps past the top of the address space.
 */
static unsigned int split_range(uint64_t base, uint64_t size,
				uint64_t first[2], uint64_t last[2])
{
	uint64_t l = base + (size - 1);

	first[0] = base;
	if (l >= base) {
		last[0] = l;
		return 1;
	}
	last[0] = UINT64_MAX;
	first[1] = 0;
	last[1] = l;
	return 2;
}

/**
 * platform_range_reserved() - Check a range against the reserved ranges.
 * @plat:	From platform_from_fdt().
 * @base:	Start of the range.
 * @size:	Its size in bytes.
 *
 * A range that wraps past the top of the address space is taken to go on
 * from address 0, so it is never less reserved than the part below the
 * top.
 *
 * Return: true if [@base, @base + @size) overlaps any reserved range;
 * false if it does not or @size is 0.
 */
bool platform_range_reserved(const struct platform *plat, uint64_t base,
			     uint64_t size)
{
	uint64_t af[2], al[2], bf[2], bl[2];
	unsigned int i, na, nb, a, b;
	const struct mem_range *r;

	if (size == 0)
		return false;
	na = split_range(base, size, af, al);
	for (i = 0; i < plat->nr_reserved && i < PLATFORM_MAX_RESERVED; i++) {
		r = &plat->reserved[i];
		if (r->size == 0)
			continue;
		nb = split_range(r->base, r->size, bf, bl);
		for (a = 0; a < na; a++)
			for (b = 0; b < nb; b++)
				if (af[a] <= bl[b] && bf[b] <= al[a])
					return true;
	}
	return false;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/**
 * platform_has_bootarg() - Look for a word in /chosen bootargs.
 * @plat:	From platform_from_fdt().
 * @word:	The word, e.g. "tsm.trace".
 *
 * Words are separated by spaces (or tabs or newlines) and compared whole:
 * "tsm.trace" matches neither "tsm.trace=1" nor "tsm.tracer".
 *
 * Return: Whether @word is one of the words of the bootargs; false for an
 * empty @word or one that contains a separator.
 */
bool platform_has_bootarg(const struct platform *plat, const char *word)
{
	const char *p = plat->bootargs;
	size_t n, len;

	if (!p || !word || *word == '\0')
		return false;
	for (n = 0; word[n] != '\0'; n++)
		if (is_space(word[n]))
			return false;

	while (*p != '\0') {
		while (is_space(*p))
			p++;
		for (len = 0; p[len] != '\0' && !is_space(p[len]); len++)
			;
		if (len == n && strncmp(p, word, n) == 0)
			return true;
		p += len;
	}
	return false;
}
