// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The host's device tree: QEMU's tree (as OpenSBI passed it on) with
 *
 * - every piece of RAM the host does not own (the TSM; OpenSBI's regions
 *   where the tree does not reserve them already) in a /reserved-memory
 *   child with no-map, so that the host neither uses nor maps it;
 * - riscv,isa and riscv,isa-extensions without the hypervisor extension
 *   ("h") and the extensions that only describe it ("sh*"): the host runs
 *   in VS-mode and cannot use them;
 * - the test device (it resets the machine: the TSM's alone) and the
 *   syscon-reboot and syscon-poweroff nodes that point at it removed, as
 *   are the guest-loader modules of /chosen;
 * - /chosen's linux,initrd-start/end and bootargs taken from the host's
 *   ramdisk and kernel modules instead of QEMU's -initrd and -append,
 *   which are the TSM's;
 *
 * and everything else as it was.
 */

#include <stdbool.h>
#include <stdint.h>

#include "covekit/fmt.h"
#include "covekit/string.h"
#include "tsm/dt_writer.h"
#include "tsm/host_fdt.h"

#define MAX_TEST_PHANDLES	4
#define ISA_MAX			1024	/* longest riscv,isa string rewritten */

struct host_fdt {
	const struct platform *plat;
	int root, chosen, reserved;	/* offsets, or < 0 if absent */
	uint32_t test_phandles[MAX_TEST_PHANDLES];
	unsigned int nr_test_phandles;
	struct mem_range hidden[HOST_FDT_MAX_HIDDEN];
	unsigned int nr_hidden;
	char names[HOST_FDT_MAX_HIDDEN][32];
	int err;
};

static bool is_test_device(const struct dt_blob *in, int node)
{
	return dt_node_is_compatible(in, node, "sifive,test1") ||
	       dt_node_is_compatible(in, node, "sifive,test0");
}

/* A syscon-reboot or -poweroff node whose regmap is the test device. */
static bool is_test_syscon(struct host_fdt *h, const struct dt_blob *in,
			   int node)
{
	const void *regmap;
	uint32_t len, ph;
	unsigned int i;

	if (!dt_node_is_compatible(in, node, "syscon-reboot") &&
	    !dt_node_is_compatible(in, node, "syscon-poweroff"))
		return false;
	regmap = dt_getprop(in, node, "regmap", &len);
	if (!regmap || len != 4)
		return false;
	ph = dt_be32(regmap);
	for (i = 0; i < h->nr_test_phandles; i++)
		if (h->test_phandles[i] == ph)
			return true;
	return false;
}

static bool is_module(const struct dt_blob *in, int node)
{
	return dt_node_is_compatible(in, node, "multiboot,module") ||
	       dt_node_is_compatible(in, node, "multiboot,kernel") ||
	       dt_node_is_compatible(in, node, "multiboot,ramdisk");
}

static bool keep_node(void *ctx, const struct dt_blob *in, int node)
{
	struct host_fdt *h = ctx;

	if (is_test_device(in, node) || is_test_syscon(h, in, node))
		return false;
	return !(h->chosen >= 0 && dt_parent(in, node) == h->chosen &&
		 is_module(in, node));
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether an extension name is one a VS-mode host cannot use. */
static bool hypervisor_ext(const char *name, size_t len)
{
	if (len == 1)
		return lower(name[0]) == 'h';
	return len >= 2 && lower(name[0]) == 's' && lower(name[1]) == 'h';
}

/*
 * riscv,isa ("rv64imafdch_zicsr_..._sstc"): the single-letter part without
 * 'h', then the '_'-separated names without the hypervisor ones.  out
 * holds at least len bytes; returns the new length with the NUL.
 */
static uint32_t filter_isa(const char *isa, uint32_t len, char *out)
{
	uint32_t i = 0, o = 0, n;

	/* "rv64" / "rv32", then single letters up to the first name. */
	while (i < len && isa[i] && i < 4)
		out[o++] = isa[i++];
	for (; i < len && isa[i] && isa[i] != '_'; i++) {
		char c = lower(isa[i]);

		if (c == 'z' || c == 's' || c == 'x')
			break;	/* a multi-letter name without '_' before */
		if (c != 'h')
			out[o++] = isa[i];
	}
	while (i < len && isa[i]) {
		if (isa[i] == '_')
			i++;
		for (n = 0; i + n < len && isa[i + n] && isa[i + n] != '_'; n++)
			;
		if (n && !hypervisor_ext(isa + i, n)) {
			out[o++] = '_';
			memcpy(out + o, isa + i, n);
			o += n;
		}
		i += n;
	}
	out[o++] = '\0';
	return o;
}

/* riscv,isa-extensions, a string list, without the hypervisor ones. */
static uint32_t filter_isa_list(const char *list, uint32_t len, char *out)
{
	uint32_t i = 0, o = 0, n;

	while (i < len) {
		n = (uint32_t)strnlen(list + i, len - i);
		if (!hypervisor_ext(list + i, n)) {
			memcpy(out + o, list + i, n);
			out[o + n] = '\0';
			o += n + 1;
		}
		i += n + 1;
	}
	return o;
}

static void prop(void *ctx, struct dt_writer *w, int node,
		 const struct dt_token *p)
{
	struct host_fdt *h = ctx;
	char isa[ISA_MAX];
	const char *v = p->value;

	if (node == h->chosen &&
	    (!strcmp(p->name, "linux,initrd-start") ||
	     !strcmp(p->name, "linux,initrd-end") ||
	     !strcmp(p->name, "bootargs")))
		return;	/* the TSM's: the host's are added below */
	if (p->len && p->len <= sizeof(isa) && v[p->len - 1] == '\0') {
		if (!strcmp(p->name, "riscv,isa")) {
			dt_writer_prop(w, p->name, isa,
				       filter_isa(v, p->len, isa));
			return;
		}
		if (!strcmp(p->name, "riscv,isa-extensions")) {
			dt_writer_prop(w, p->name, isa,
				       filter_isa_list(v, p->len, isa));
			return;
		}
	}
	dt_writer_prop(w, p->name, p->value, p->len);
}

static void add_props(void *ctx, struct dt_writer *w, int node)
{
	struct host_fdt *h = ctx;
	const struct platform *plat = h->plat;

	if (node != h->chosen)
		return;
	if (plat->host_ramdisk.size) {
		dt_writer_prop_u64(w, "linux,initrd-start",
				   plat->host_ramdisk.base);
		dt_writer_prop_u64(w, "linux,initrd-end",
				   plat->host_ramdisk.base +
				   plat->host_ramdisk.size);
	}
	if (plat->host_bootargs && plat->host_bootargs[0])
		dt_writer_prop(w, "bootargs", plat->host_bootargs,
			       (uint32_t)strlen(plat->host_bootargs) + 1);
}

static void put_cells(uint8_t *p, uint64_t v, int cells)
{
	for (int i = cells - 1; i >= 0; i--, v >>= 32) {
		p[4 * i] = (uint8_t)(v >> 24);
		p[4 * i + 1] = (uint8_t)(v >> 16);
		p[4 * i + 2] = (uint8_t)(v >> 8);
		p[4 * i + 3] = (uint8_t)v;
	}
}

static int cells_of(const struct dt_blob *in, int node, const char *name,
		    int def)
{
	uint32_t len;
	const void *p = node >= 0 ? dt_getprop(in, node, name, &len) : NULL;

	if (!p)
		return def;
	return len == 4 && dt_be32(p) >= 1 && dt_be32(p) <= 2 ?
	       (int)dt_be32(p) : -1;
}

/* One no-map child of /reserved-memory per hidden range. */
static void add_hidden(struct host_fdt *h, struct dt_writer *w, int ac,
		       int sc)
{
	uint8_t reg[16];

	if (ac < 0 || sc < 0) {
		h->err = DT_ERR_BADVALUE;
		return;
	}
	for (unsigned int i = 0; i < h->nr_hidden; i++) {
		const struct mem_range *r = &h->hidden[i];

		if ((ac == 1 && r->base >> 32) || (sc == 1 && r->size >> 32)) {
			h->err = DT_ERR_BADVALUE;
			return;
		}
		fmt_snprintf(h->names[i], sizeof(h->names[i]), "tsm@%llx",
			     (unsigned long long)r->base);
		dt_writer_begin_node(w, h->names[i]);
		put_cells(reg, r->base, ac);
		put_cells(reg + 4 * ac, r->size, sc);
		dt_writer_prop(w, "reg", reg, 4 * (uint32_t)(ac + sc));
		dt_writer_prop(w, "no-map", NULL, 0);
		dt_writer_end_node(w);
	}
}

static void add_children(void *ctx, struct dt_writer *w, int node)
{
	static const uint8_t two[4] = { 0, 0, 0, 2 };
	struct host_fdt *h = ctx;

	if (!h->nr_hidden)
		return;
	if (node == h->reserved) {
		add_hidden(h, w, cells_of(w->in, node, "#address-cells", 2),
			   cells_of(w->in, node, "#size-cells", 1));
	} else if (node == h->root && h->reserved < 0) {
		dt_writer_begin_node(w, "reserved-memory");
		dt_writer_prop(w, "#address-cells", two, 4);
		dt_writer_prop(w, "#size-cells", two, 4);
		dt_writer_prop(w, "ranges", NULL, 0);
		add_hidden(h, w, 2, 2);
		dt_writer_end_node(w);
	}
}

/* Remove [base, end) from the list; -1 if the list overflows. */
static int cut(struct host_fdt *h, uint64_t base, uint64_t end)
{
	for (unsigned int i = 0; i < h->nr_hidden; i++) {
		struct mem_range *r = &h->hidden[i];
		uint64_t r_end = r->base + r->size;

		if (end <= r->base || base >= r_end)
			continue;
		if (base > r->base && end < r_end) {
			if (h->nr_hidden == HOST_FDT_MAX_HIDDEN)
				return -1;
			for (unsigned int j = h->nr_hidden; j > i + 1; j--)
				h->hidden[j] = h->hidden[j - 1];
			h->nr_hidden++;
			h->hidden[i + 1].base = end;
			h->hidden[i + 1].size = r_end - end;
			r->size = base - r->base;
			i++;
		} else if (base > r->base) {
			r->size = base - r->base;
		} else if (end < r_end) {
			r->base = end;
			r->size = r_end - end;
		} else {
			r->size = 0;
		}
	}
	return 0;
}

/*
 * RAM the host does not own, less what the tree already reserves (a
 * second reservation of the same memory is an error to Linux).
 */
static int find_hidden(struct host_fdt *h, const struct host_memory *hm)
{
	const struct platform *plat = h->plat;
	unsigned int i, kept = 0;

	for (i = 0; i < plat->nr_ram; i++) {
		if (h->nr_hidden == HOST_FDT_MAX_HIDDEN)
			return -1;
		h->hidden[h->nr_hidden++] = plat->ram[i];
	}
	for (i = 0; i < hm->nr_ranges; i++)
		if (cut(h, hm->ranges[i].base,
			hm->ranges[i].base + hm->ranges[i].size))
			return -1;
	for (i = 0; i < plat->nr_reserved; i++)
		if (cut(h, plat->reserved[i].base,
			plat->reserved[i].base + plat->reserved[i].size))
			return -1;
	for (i = 0; i < h->nr_hidden; i++)
		if (h->hidden[i].size)
			h->hidden[kept++] = h->hidden[i];
	h->nr_hidden = kept;
	return 0;
}

static int find_test_phandles(struct host_fdt *h, const struct dt_blob *in)
{
	const void *ph;
	uint32_t len;
	int node;

	for (node = dt_next_compatible(in, -1, "syscon"); node >= 0;
	     node = dt_next_compatible(in, node, "syscon")) {
		if (!is_test_device(in, node))
			continue;
		ph = dt_getprop(in, node, "phandle", &len);
		if (!ph || len != 4)
			continue;
		if (h->nr_test_phandles == MAX_TEST_PHANDLES)
			return DT_ERR_NOSPACE;
		h->test_phandles[h->nr_test_phandles++] = dt_be32(ph);
	}
	return node == DT_ERR_NOTFOUND ? 0 : node;
}

static int optional_path(const struct dt_blob *in, const char *path, int *off)
{
	*off = dt_path_offset(in, path);
	return *off == DT_ERR_NOTFOUND ? 0 : (*off < 0 ? *off : 0);
}

/**
 * host_fdt_build() - Write the host's device tree.
 * @in:		The FDT OpenSBI passed the TSM.
 * @in_max:	How many bytes at @in may be read.
 * @plat:	Read from @in by platform_from_fdt().
 * @hm:		The host's memory (host_memory_init()).
 * @buf:	The output; must not overlap @in.
 * @cap:	Its size.
 * @size:	The output's totalsize, on success.
 *
 * Return: 0; a DT_ERR_* for a corrupt @in, DT_ERR_NOSPACE if @buf is too
 * small (or more ranges are hidden than fit), DT_ERR_BADVALUE if a hidden
 * range cannot be written with /reserved-memory's cell counts.
 */
int host_fdt_build(const void *in, size_t in_max, const struct platform *plat,
		   const struct host_memory *hm, void *buf, size_t cap,
		   uint32_t *size)
{
	const struct dt_filter filter = {
		.keep_node = keep_node, .prop = prop, .add_props = add_props,
		.add_children = add_children,
	};
	struct dt_filter f = filter;
	struct host_fdt h = { .plat = plat };
	struct dt_writer w;
	struct dt_blob fdt;
	int err;

	err = dt_init(&fdt, in, in_max);
	if (err)
		return err;
	h.root = dt_root(&fdt);
	if (h.root < 0)
		return h.root;
	err = optional_path(&fdt, "/chosen", &h.chosen);
	if (!err)
		err = optional_path(&fdt, "/reserved-memory", &h.reserved);
	if (!err)
		err = find_test_phandles(&h, &fdt);
	if (err)
		return err;
	if (find_hidden(&h, hm))
		return DT_ERR_NOSPACE;

	f.ctx = &h;
	dt_writer_init(&w, &fdt, buf, cap);
	dt_writer_copy(&w, &f);
	err = dt_writer_finish(&w, size);
	return err ? err : h.err;
}
