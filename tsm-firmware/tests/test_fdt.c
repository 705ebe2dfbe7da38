// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Host unit tests of the FDT reader (src/fdt.c).
 *
 *   test_fdt virt qemu-virt-opensbi.dtb onecell onecell.dtb
 *
 * Corrupt blobs are made here from the valid fixtures, or built from a
 * list of structure block words.  Every blob lives in an allocation of
 * exactly its size, so under -fsanitize=address any read past it fails.
 */

#include "unit.h"

#include "tsm/fdt.h"

#define T_BEGIN		0x1U
#define T_END_NODE	0x2U
#define T_PROP		0x3U
#define T_NOP		0x4U
#define T_END		0x9U
#define NAME_N		0x6e000000U	/* "n\0\0\0" */
#define NAME_ROOT	0x0U		/* "\0\0\0\0" */

/* Header field offsets. */
#define H_TOTALSIZE	4
#define H_OFF_STRUCT	8
#define H_OFF_STRINGS	12
#define H_OFF_RSVMAP	16
#define H_VERSION	20
#define H_LAST_COMP	24
#define H_SIZE_STRINGS	32
#define H_SIZE_STRUCT	36

/* Offset in the blob of a property's value; the property must exist. */
static size_t prop_off(const struct dt_blob *fdt, const char *path,
		       const char *name, uint32_t *len)
{
	int node = dt_path_offset(fdt, path);
	const uint8_t *v = dt_getprop(fdt, node, name, len);

	if (!CHECK(v != NULL, "fixture has %s %s", path, name))
		exit(unit_done());
	return (size_t)(v - fdt->blob);
}

/*
 * A blob around a structure block of (host-order) words and a strings
 * block, with an empty memory reservation block.
 */
static uint8_t *build(const uint32_t *words, size_t n, const char *strings,
		      size_t slen, uint32_t version, size_t *size)
{
	const size_t off_rsv = 40, off_struct = 56;
	size_t off_strings = off_struct + 4 * n, total = off_strings + slen;
	uint8_t *b = calloc(1, total);
	size_t i;

	if (!b)
		exit(EXIT_FAILURE);
	unit_put32(b, 0xd00dfeed);
	unit_put32(b + H_TOTALSIZE, (uint32_t)total);
	unit_put32(b + H_OFF_STRUCT, (uint32_t)off_struct);
	unit_put32(b + H_OFF_STRINGS, (uint32_t)off_strings);
	unit_put32(b + H_OFF_RSVMAP, (uint32_t)off_rsv);
	unit_put32(b + H_VERSION, version);
	unit_put32(b + H_LAST_COMP, 16);
	unit_put32(b + H_SIZE_STRINGS, (uint32_t)slen);
	unit_put32(b + H_SIZE_STRUCT, (uint32_t)(4 * n));
	for (i = 0; i < n; i++)
		unit_put32(b + off_struct + 4 * i, words[i]);
	memcpy(b + off_strings, strings, slen);
	*size = total;
	return b;
}

/* dt_init() of a word list; the blob is freed. */
static int init_words(const uint32_t *words, size_t n, const char *strings,
		      size_t slen)
{
	struct dt_blob fdt;
	size_t size;
	uint8_t *b = build(words, n, strings, slen, 17, &size);
	int err = dt_init(&fdt, b, size);

	free(b);
	return err;
}

#define WORDS(...) ((const uint32_t[]){ __VA_ARGS__ }), \
	(sizeof((const uint32_t[]){ __VA_ARGS__ }) / sizeof(uint32_t))

/* A chain of depth nested nodes: "" / "n" / "n" ... */
static uint8_t *build_nested(unsigned int depth, size_t *size)
{
	uint32_t *w = calloc(3 * (size_t)depth + 1, sizeof(*w));
	size_t n = 0;
	unsigned int i;
	uint8_t *b;

	if (!w)
		exit(EXIT_FAILURE);
	for (i = 0; i < depth; i++) {
		w[n++] = T_BEGIN;
		w[n++] = i ? NAME_N : NAME_ROOT;
	}
	for (i = 0; i < depth; i++)
		w[n++] = T_END_NODE;
	w[n++] = T_END;
	b = build(w, n, "", 0, 17, size);
	free(w);
	return b;
}

static void test_header(const uint8_t *blob, size_t size)
{
	struct dt_blob fdt;
	int err = dt_init(&fdt, blob, size);

	CHECK_EQ(err, 0, "virt: dt_init accepts the dtc blob");
	CHECK(fdt.blob == blob, "virt: blob pointer kept");
	CHECK_EQ(fdt.size, size, "virt: size is totalsize");
	CHECK_EQ(fdt.off_struct, unit_get32(blob + H_OFF_STRUCT),
		 "virt: off_struct");
	CHECK_EQ(fdt.size_struct, unit_get32(blob + H_SIZE_STRUCT),
		 "virt: size_struct");
	CHECK_EQ(fdt.off_strings, unit_get32(blob + H_OFF_STRINGS),
		 "virt: off_strings");
	CHECK_EQ(fdt.size_strings, unit_get32(blob + H_SIZE_STRINGS),
		 "virt: size_strings");
	CHECK_EQ(dt_root(&fdt), 0, "virt: root at offset 0");
	CHECK_STR(dt_node_name(&fdt, 0), "", "virt: root name is empty");
	CHECK_EQ(dt_init(&fdt, blob, size + 100), 0,
		 "virt: a larger max_size is fine");
	CHECK_EQ(fdt.size, size, "virt: size stays totalsize");
}

static void test_path(const struct dt_blob *fdt)
{
	int soc = dt_path_offset(fdt, "/soc");
	int serial = dt_path_offset(fdt, "/soc/serial@10000000");

	CHECK_EQ(dt_path_offset(fdt, "/"), 0, "path /: root");
	CHECK(soc > 0, "path /soc found");
	CHECK(serial > soc, "path /soc/serial@10000000 found");
	CHECK_STR(dt_node_name(fdt, serial), "serial@10000000",
		  "serial's name has its unit address");
	CHECK_EQ(dt_path_offset(fdt, "/soc/serial"), serial,
		 "path without unit address matches serial@10000000");
	CHECK_EQ(dt_path_offset(fdt, "/soc/serial/"), serial,
		 "trailing slash ignored");
	CHECK_EQ(dt_path_offset(fdt, "//soc//serial@10000000"), serial,
		 "repeated slashes ignored");
	CHECK_STR(dt_node_name(fdt, dt_path_offset(fdt, "/memory")),
		  "memory@80000000", "path /memory finds memory@80000000");
	CHECK_STR(dt_node_name(fdt, dt_path_offset(fdt,
			"/reserved-memory/mmode_resv0")),
		  "mmode_resv0@80040000",
		  "path /reserved-memory/mmode_resv0 without unit address");
	CHECK_STR(dt_node_name(fdt, dt_path_offset(fdt, "/cpus/cpu@1")),
		  "cpu@1", "path /cpus/cpu@1");
	CHECK_STR(dt_node_name(fdt, dt_path_offset(fdt, "/cpus/cpu")),
		  "cpu@0", "path /cpus/cpu: the first match");
	CHECK_STR(dt_node_name(fdt, dt_path_offset(fdt,
			"/cpus/cpu-map/cluster0/core1")),
		  "core1", "path four levels deep");
	CHECK_EQ(dt_path_offset(fdt, "/soc/serial@1000000"),
		 DT_ERR_NOTFOUND, "wrong unit address: not found");
	CHECK_EQ(dt_path_offset(fdt, "/soc/serial@100000000"),
		 DT_ERR_NOTFOUND, "longer unit address: not found");
	CHECK_EQ(dt_path_offset(fdt, "/soc/ser"), DT_ERR_NOTFOUND,
		 "name prefix does not match");
	CHECK_EQ(dt_path_offset(fdt, "/so"), DT_ERR_NOTFOUND,
		 "/so does not match /soc");
	CHECK_EQ(dt_path_offset(fdt, "/chosen/bootargs"), DT_ERR_NOTFOUND,
		 "a property is not a node");
	CHECK_EQ(dt_path_offset(fdt, "/nonexistent"), DT_ERR_NOTFOUND,
		 "missing node: not found");
	CHECK_EQ(dt_path_offset(fdt, "chosen"), DT_ERR_NOTFOUND,
		 "relative path: not found");
	CHECK_EQ(dt_path_offset(fdt, "serial0"), DT_ERR_NOTFOUND,
		 "aliases are not supported");
	CHECK_EQ(dt_path_offset(fdt, ""), DT_ERR_NOTFOUND,
		 "empty path: not found");
}

static void test_tree(const struct dt_blob *fdt)
{
	static const char *const want[] = { "cpu@0", "cpu@1", "cpu-map" };
	int cpus = dt_path_offset(fdt, "/cpus");
	int serial = dt_path_offset(fdt, "/soc/serial@10000000");
	int node, i = 0, last = -1;
	bool ok = true;

	for (node = dt_first_child(fdt, cpus); node >= 0;
	     node = dt_next_sibling(fdt, node), i++) {
		ok &= i < 3 && strcmp(dt_node_name(fdt, node), want[i]) == 0;
		ok &= dt_parent(fdt, node) == cpus;
		last = node;
	}
	CHECK(ok && i == 3, "children of /cpus: cpu@0, cpu@1, cpu-map");
	CHECK_EQ(node, DT_ERR_NOTFOUND, "DT_ERR_NOTFOUND after the last");
	CHECK_EQ(dt_next_sibling(fdt, last), DT_ERR_NOTFOUND,
		 "next_sibling of the last child");
	CHECK_EQ(dt_first_child(fdt, serial), DT_ERR_NOTFOUND,
		 "a leaf has no children");
	CHECK_EQ(dt_next_sibling(fdt, 0), DT_ERR_NOTFOUND,
		 "the root has no siblings");
	CHECK_EQ(dt_parent(fdt, serial), dt_path_offset(fdt, "/soc"),
		 "parent of serial is /soc");
	CHECK_EQ(dt_parent(fdt, dt_path_offset(fdt, "/soc")), 0,
		 "parent of /soc is the root");
	CHECK_EQ(dt_parent(fdt, 0), DT_ERR_NOTFOUND,
		 "the root has no parent");
	CHECK_EQ(dt_parent(fdt, dt_path_offset(fdt,
			"/cpus/cpu-map/cluster0/core0")),
		 dt_path_offset(fdt, "/cpus/cpu-map/cluster0"),
		 "parent of a deep node");

	/* Offsets that are not nodes. */
	CHECK(dt_node_name(fdt, 2) == NULL, "misaligned offset: no name");
	CHECK(dt_node_name(fdt, -4) == NULL, "negative offset: no name");
	CHECK(dt_node_name(fdt, 1 << 30) == NULL,
	      "offset past the block: no name");
	CHECK(dt_first_child(fdt, 1 << 30) < 0 &&
	      dt_first_child(fdt, 1 << 30) != DT_ERR_NOTFOUND,
	      "first_child of a bad offset is an error");
	CHECK(dt_next_sibling(fdt, 3) < 0, "next_sibling of a bad offset");
	CHECK(dt_node_name(fdt, (int)fdt->size_struct - 4) == NULL,
	      "the FDT_END token is not a node");
	CHECK(dt_getprop(fdt, 2, "model", NULL) == NULL,
	      "getprop on a bad offset");
	CHECK(dt_parent(fdt, 4) < 0, "parent of a non-node offset");
}

static void test_props(const struct dt_blob *fdt)
{
	int chosen = dt_path_offset(fdt, "/chosen");
	int soc = dt_path_offset(fdt, "/soc");
	const char *s;
	uint32_t len = 0;

	s = dt_getprop(fdt, 0, "model", &len);
	CHECK_STR(s, "riscv-virtio,qemu", "root model");
	CHECK_EQ(len, sizeof("riscv-virtio,qemu"), "length counts the NUL");
	s = dt_getprop(fdt, chosen, "bootargs", NULL);
	CHECK_STR(s, "tsm.trace tsm.bench", "getprop with a NULL len");
	CHECK(dt_getprop(fdt, chosen, "nonexistent", &len) == NULL,
	      "missing property: NULL");
	CHECK(dt_getprop(fdt, chosen, "bootarg", &len) == NULL,
	      "property names match whole");
	CHECK(dt_getprop(fdt, 0, "bootargs", &len) == NULL,
	      "a child's property is not the parent's");
	len = 1;
	CHECK(dt_getprop(fdt, soc, "ranges", &len) != NULL && len == 0,
	      "empty property: not NULL, length 0");
	CHECK(dt_getprop_str(fdt, soc, "ranges") == NULL,
	      "getprop_str of an empty property: NULL");
	CHECK_STR(dt_getprop_str(fdt, dt_path_offset(fdt, "/memory"),
				  "device_type"),
		  "memory", "getprop_str device_type");
	CHECK_STR(dt_getprop_str(fdt, chosen, "linux,initrd-start"), "",
		  "getprop_str of cells starting with a 0 byte: \"\"");
}

static void test_compatible(const struct dt_blob *fdt, const struct dt_blob *one)
{
	static const char *const virtio[] = {
		"virtio_mmio@10008000", "virtio_mmio@10002000",
		"virtio_mmio@10001000",
	};
	static const char *const widgets[] = {
		"bus@0", "widget@100", "widget@200",
	};
	int test = dt_path_offset(fdt, "/soc/test@100000");
	int node, i;
	bool ok;

	CHECK(dt_node_is_compatible(fdt, test, "sifive,test1"),
	      "test@100000 is sifive,test1 (first string)");
	CHECK(dt_node_is_compatible(fdt, test, "sifive,test0"),
	      "test@100000 is sifive,test0");
	CHECK(dt_node_is_compatible(fdt, test, "simple-mfd"),
	      "test@100000 is simple-mfd (last string)");
	CHECK(!dt_node_is_compatible(fdt, test, "sifive,test"),
	      "a prefix of a string does not match");
	CHECK(!dt_node_is_compatible(fdt, test, "syscon-poweroff"),
	      "a longer string does not match");
	CHECK(!dt_node_is_compatible(fdt, test, ""),
	      "the empty string does not match");
	CHECK(!dt_node_is_compatible(fdt, dt_path_offset(fdt, "/chosen"),
				      "ns16550a"),
	      "a node without compatible matches nothing");

	ok = true;
	i = 0;
	for (node = dt_next_compatible(fdt, -1, "virtio,mmio"); node >= 0;
	     node = dt_next_compatible(fdt, node, "virtio,mmio"), i++)
		ok &= i < 3 &&
		      strcmp(dt_node_name(fdt, node), virtio[i]) == 0;
	CHECK(ok && i == 3 && node == DT_ERR_NOTFOUND,
	      "next_compatible: virtio,mmio nodes in document order");
	CHECK_EQ(dt_next_compatible(fdt, -1, "riscv-virtio"), 0,
		 "next_compatible from -1 includes the root");
	CHECK_EQ(dt_next_compatible(fdt, -1, "no,such"), DT_ERR_NOTFOUND,
		 "next_compatible: no match");
	CHECK_STR(dt_node_name(fdt, dt_next_compatible(fdt, -1,
							 "ns16550a")),
		  "serial@10000000", "next_compatible ns16550a");

	ok = true;
	i = 0;
	for (node = dt_next_compatible(one, -1, "acme,widget"); node >= 0;
	     node = dt_next_compatible(one, node, "acme,widget"), i++)
		ok &= i < 3 &&
		      strcmp(dt_node_name(one, node), widgets[i]) == 0;
	CHECK(ok && i == 3 && node == DT_ERR_NOTFOUND,
	      "next_compatible is depth-first: parent, its child, sibling");

	ok = true;
	i = 0;
	for (node = dt_next_device_type(fdt, -1, "cpu"); node >= 0;
	     node = dt_next_device_type(fdt, node, "cpu"), i++)
		ok &= dt_parent(fdt, node) == dt_path_offset(fdt, "/cpus");
	CHECK(ok && i == 2, "next_device_type: two cpus");
	CHECK_STR(dt_node_name(fdt, dt_next_device_type(fdt, -1, "memory")),
		  "memory@80000000", "next_device_type memory");
	CHECK_EQ(dt_next_device_type(fdt, -1, "memor"), DT_ERR_NOTFOUND,
		 "device_type matches whole");
}

static void test_reg(const struct dt_blob *fdt, const struct dt_blob *one)
{
	uint64_t addr = 0, size = 0;
	int mem = dt_path_offset(fdt, "/memory@80000000");
	int node;

	CHECK_EQ(dt_read_reg(fdt, mem, 0, &addr, &size), 0,
		 "read_reg memory@80000000");
	CHECK_EQ(addr, 0x80000000, "2-cell address");
	CHECK_EQ(size, 0x10000000, "2-cell size");
	CHECK_EQ(dt_read_reg(fdt, mem, 1, &addr, &size), DT_ERR_NOTFOUND,
		 "read_reg index 1 of 1 pair: past the end");
	CHECK_EQ(dt_read_reg(fdt, mem, ~0U, &addr, &size), DT_ERR_NOTFOUND,
		 "read_reg index UINT_MAX: past the end");
	CHECK_EQ(dt_read_reg(fdt, 0, 0, &addr, &size), DT_ERR_NOTFOUND,
		 "read_reg of a node without reg");
	CHECK_EQ(dt_read_reg(fdt, 2, 0, &addr, &size), DT_ERR_BADSTRUCTURE,
		 "read_reg of a bad offset");

	node = dt_path_offset(fdt, "/cpus/cpu@1");
	CHECK(dt_read_reg(fdt, node, 0, &addr, &size) == 0 && addr == 1 &&
	      size == 0, "read_reg with #size-cells 0");

	node = dt_path_offset(one, "/memory@80000000");
	CHECK(dt_read_reg(one, node, 0, &addr, &size) == 0 &&
	      addr == 0x80000000 && size == 0x8000000,
	      "1-cell read_reg index 0");
	CHECK(dt_read_reg(one, node, 1, &addr, &size) == 0 &&
	      addr == 0xc0000000 && size == 0x1000000,
	      "1-cell read_reg index 1");
	CHECK_EQ(dt_read_reg(one, node, 2, &addr, &size), DT_ERR_NOTFOUND,
		 "1-cell read_reg index 2 of 2: past the end");

	node = dt_path_offset(one, "/bus/widget");
	CHECK(dt_read_reg(one, node, 0, &addr, &size) == 0 &&
	      addr == 0x100 && size == 0x10,
	      "read_reg uses the parent's cells");

	node = dt_path_offset(one, "/defaults/dev");
	CHECK(dt_read_reg(one, node, 0, &addr, &size) == 0 &&
	      addr == 0x1000 && size == 0x20,
	      "read_reg defaults to 2 address cells and 1 size cell");

	node = dt_path_offset(one, "/bad-reg");
	CHECK_EQ(dt_read_reg(one, node, 0, &addr, &size), DT_ERR_BADVALUE,
		 "reg of 3 cells with 1+1-cell pairs: DT_ERR_BADVALUE");
}

static void test_u64(const struct dt_blob *fdt, const struct dt_blob *one)
{
	uint64_t v = 0;
	int chosen = dt_path_offset(fdt, "/chosen");
	int node;

	CHECK(dt_read_u64(fdt, chosen, "linux,initrd-start", &v) == 0 &&
	      v == 0x88200000, "2-cell linux,initrd-start");
	CHECK(dt_read_u64(one, dt_path_offset(one, "/chosen"),
			   "linux,initrd-end", &v) == 0 && v == 0x84100000,
	      "1-cell linux,initrd-end");
	CHECK_EQ(dt_read_u64(fdt, chosen, "nonexistent", &v),
		 DT_ERR_NOTFOUND, "read_u64 of a missing property");
	node = dt_path_offset(one, "/bad-reg");
	CHECK_EQ(dt_read_u64(one, node, "reg", &v), DT_ERR_BADVALUE,
		 "read_u64 of 12 bytes: DT_ERR_BADVALUE");
	CHECK_EQ(dt_read_u64(one, node, "three-bytes", &v), DT_ERR_BADVALUE,
		 "read_u64 of 3 bytes: DT_ERR_BADVALUE");
	CHECK(dt_getprop_str(one, node, "three-bytes") == NULL,
	      "getprop_str of bytes without a NUL: NULL");
	CHECK_EQ(dt_read_u64(fdt, dt_path_offset(fdt, "/soc"), "ranges",
			      &v), DT_ERR_BADVALUE,
		 "read_u64 of 0 bytes: DT_ERR_BADVALUE");
}

static void test_cells(void)
{
	static const uint8_t b[] = {
		0xff, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0,
		0x01, 0x02, 0x03, 0x04,
	};

	CHECK_EQ(dt_be32(b + 1), 0x12345678, "dt_be32, unaligned");
	CHECK_EQ(dt_read_cells(b + 1, 0), 0, "0 cells read as 0");
	CHECK_EQ(dt_read_cells(b + 1, 1), 0x12345678, "1 cell");
	CHECK_EQ(dt_read_cells(b + 1, 2), 0x123456789abcdef0ULL, "2 cells");
	CHECK_EQ(dt_read_cells(b + 1, 3), 0x9abcdef001020304ULL,
		 "3 cells keep the low 64 bits");
}

static void test_rsvmap(const struct dt_blob *fdt, const struct dt_blob *one)
{
	uint64_t addr = 0, size = 0;

	CHECK_EQ(dt_get_mem_rsv(fdt, 0, &addr, &size), DT_ERR_NOTFOUND,
		 "virt: empty memory reservation block");
	CHECK(dt_get_mem_rsv(one, 0, &addr, &size) == 0 &&
	      addr == 0x80200000 && size == 0x1000,
	      "onecell: /memreserve/ 0");
	CHECK(dt_get_mem_rsv(one, 1, &addr, &size) == 0 &&
	      addr == 0x80100000 && size == 0x2000,
	      "onecell: /memreserve/ 1");
	CHECK_EQ(dt_get_mem_rsv(one, 2, &addr, &size), DT_ERR_NOTFOUND,
		 "onecell: the terminator");
	CHECK_EQ(dt_get_mem_rsv(one, 100, &addr, &size), DT_ERR_NOTFOUND,
		 "onecell: past the terminator");
}

/* dt_init() of a patched copy of blob. */
struct patch {
	size_t off;
	uint32_t val;
};

static int init_patched(const uint8_t *blob, size_t size, size_t max,
			const struct patch *p, size_t n)
{
	uint8_t *copy = unit_dup(blob, size);
	struct dt_blob fdt;
	int err;
	size_t i;

	for (i = 0; i < n; i++)
		unit_put32(copy + p[i].off, p[i].val);
	err = dt_init(&fdt, copy, max);
	free(copy);
	return err;
}

#define PATCH(blob, size, ...) \
	init_patched(blob, size, size, (const struct patch[]){ __VA_ARGS__ }, \
		     sizeof((const struct patch[]){ __VA_ARGS__ }) / \
		     sizeof(struct patch))

static void test_corrupt(const uint8_t *blob, size_t size)
{
	struct dt_blob fdt, good;
	uint32_t off_struct = unit_get32(blob + H_OFF_STRUCT);
	uint32_t size_struct = unit_get32(blob + H_SIZE_STRUCT);
	uint32_t off_strings = unit_get32(blob + H_OFF_STRINGS);
	uint32_t size_strings = unit_get32(blob + H_SIZE_STRINGS);
	size_t end_tok = off_struct + size_struct - 4;
	size_t val, compat;
	uint32_t len;
	uint8_t *copy, *small;
	int node;

	dt_init(&good, blob, size);

	/* Header. */
	CHECK_EQ(PATCH(blob, size, { 0, 0xd00dfeee }), DT_ERR_BADMAGIC,
		 "bad magic");
	CHECK_EQ(PATCH(blob, size, { 0, 0xedfe0dd0 }), DT_ERR_BADMAGIC,
		 "byte-swapped magic");
	CHECK_EQ(init_patched(blob, size, size - 1, NULL, 0),
		 DT_ERR_TRUNCATED, "totalsize one byte over max_size");
	CHECK_EQ(PATCH(blob, size, { H_TOTALSIZE, (uint32_t)size + 4 }),
		 DT_ERR_TRUNCATED, "totalsize past the end of the buffer");
	CHECK_EQ(PATCH(blob, size, { H_TOTALSIZE, 0xffffffff }),
		 DT_ERR_BADSTRUCTURE, "totalsize 4 GiB - 1");
	CHECK_EQ(PATCH(blob, size, { H_TOTALSIZE, 39 }), DT_ERR_BADSTRUCTURE,
		 "totalsize smaller than the header");
	CHECK_EQ(PATCH(blob, size, { H_TOTALSIZE, (uint32_t)end_tok }),
		 DT_ERR_BADSTRUCTURE, "totalsize cuts the blocks");
	CHECK_EQ(PATCH(blob, size, { H_VERSION, 15 }), DT_ERR_BADVERSION,
		 "version 15");
	CHECK_EQ(PATCH(blob, size, { H_LAST_COMP, 18 }), DT_ERR_BADVERSION,
		 "last_comp_version 18");
	CHECK_EQ(PATCH(blob, size, { H_OFF_STRUCT, (uint32_t)size }),
		 DT_ERR_BADSTRUCTURE, "struct block starts at the end");
	CHECK_EQ(PATCH(blob, size, { H_OFF_STRUCT, 0xfffffff0 }),
		 DT_ERR_BADSTRUCTURE, "struct block offset wraps");
	CHECK_EQ(PATCH(blob, size, { H_OFF_STRUCT, 8 }),
		 DT_ERR_BADSTRUCTURE, "struct block inside the header");
	CHECK_EQ(PATCH(blob, size, { H_OFF_STRUCT, off_struct + 2 }),
		 DT_ERR_BADSTRUCTURE, "misaligned struct block");
	CHECK_EQ(PATCH(blob, size,
		       { H_SIZE_STRUCT, (uint32_t)size - off_struct + 4 }),
		 DT_ERR_BADSTRUCTURE, "struct block past the end");
	CHECK_EQ(PATCH(blob, size, { H_SIZE_STRUCT, 0xfffffffc }),
		 DT_ERR_BADSTRUCTURE, "struct block size wraps");
	CHECK_EQ(PATCH(blob, size, { H_OFF_STRINGS, off_strings + 1 }),
		 DT_ERR_BADSTRUCTURE, "strings block past the end");
	CHECK_EQ(PATCH(blob, size, { H_SIZE_STRINGS, size_strings + 1 }),
		 DT_ERR_BADSTRUCTURE, "strings block size past the end");
	CHECK_EQ(PATCH(blob, size, { H_SIZE_STRINGS, 0 }),
		 DT_ERR_BADSTRUCTURE, "property names outside the strings");
	CHECK_EQ(PATCH(blob, size, { H_OFF_RSVMAP, 44 }),
		 DT_ERR_BADSTRUCTURE, "misaligned memory reservation block");
	CHECK_EQ(PATCH(blob, size, { H_OFF_RSVMAP, (uint32_t)size - 8 }),
		 DT_ERR_BADSTRUCTURE, "memory reservation block past the end");
	CHECK_EQ(PATCH(blob, size, { H_OFF_RSVMAP, off_strings & ~7U }),
		 DT_ERR_BADSTRUCTURE,
		 "memory reservation block without a terminator");

	/* Structure block. */
	CHECK_EQ(unit_get32(blob + end_tok), T_END,
		 "fixture ends its struct block with FDT_END");
	CHECK_EQ(PATCH(blob, size, { end_tok, T_NOP }), DT_ERR_BADSTRUCTURE,
		 "missing FDT_END");
	CHECK_EQ(PATCH(blob, size, { H_SIZE_STRUCT, size_struct - 4 }),
		 DT_ERR_BADSTRUCTURE, "struct block ends before FDT_END");
	CHECK_EQ(PATCH(blob, size, { end_tok - 4, T_NOP }),
		 DT_ERR_BADSTRUCTURE, "root never closed");
	CHECK_EQ(PATCH(blob, size, { off_struct, T_END_NODE }),
		 DT_ERR_BADSTRUCTURE, "FDT_END_NODE first");
	CHECK_EQ(PATCH(blob, size, { off_struct, 0x5 }), DT_ERR_BADSTRUCTURE,
		 "unknown token");

	val = prop_off(&good, "/", "model", &len);
	CHECK_EQ(PATCH(blob, size, { val - 8, size_struct }),
		 DT_ERR_BADSTRUCTURE, "property length past the block");
	CHECK_EQ(PATCH(blob, size, { val - 8, 0xfffffff8 }),
		 DT_ERR_BADSTRUCTURE, "property length wraps");
	CHECK_EQ(PATCH(blob, size, { val - 8, len + 4 }),
		 DT_ERR_BADSTRUCTURE,
		 "property length off by 4: garbage tokens");
	CHECK_EQ(PATCH(blob, size, { val - 4, size_strings }),
		 DT_ERR_BADSTRUCTURE, "property name offset past strings");
	CHECK_EQ(PATCH(blob, size, { val - 4, 0xffffffff }),
		 DT_ERR_BADSTRUCTURE, "property name offset 4 GiB");
	CHECK_EQ(PATCH(blob, size, { H_SIZE_STRINGS, size_strings - 1 }),
		 DT_ERR_BADSTRUCTURE,
		 "last property name not NUL-terminated in the block");

	/* A node name that runs to the end of the struct block. */
	copy = unit_dup(blob, size);
	memset(copy + off_struct + 4, 'x', size_struct - 4);
	CHECK_EQ(dt_init(&fdt, copy, size), DT_ERR_BADSTRUCTURE,
		 "unterminated node name");
	free(copy);

	/* A property turned into NOPs disappears; the tree stays valid. */
	copy = unit_dup(blob, size);
	val = prop_off(&good, "/", "model", &len);
	for (size_t o = val - 12; o < val + ((len + 3) & ~3U); o += 4)
		unit_put32(copy + o, T_NOP);
	CHECK_EQ(dt_init(&fdt, copy, size), 0, "NOPs accepted");
	CHECK(dt_getprop(&fdt, 0, "model", NULL) == NULL,
	      "NOPed property is gone");
	CHECK_STR(dt_getprop(&fdt, 0, "compatible", NULL), "riscv-virtio",
		  "properties before the NOPs still found");
	CHECK(dt_path_offset(&fdt, "/soc/serial") > 0,
	      "nodes after the NOPs still found");
	free(copy);

	/* An unterminated string property: only whole strings match. */
	copy = unit_dup(blob, size);
	compat = prop_off(&good, "/soc/test@100000", "compatible", &len);
	copy[compat + len - 1] = 'x';
	CHECK_EQ(dt_init(&fdt, copy, size), 0,
		 "unterminated compatible: blob still valid");
	node = dt_path_offset(&fdt, "/soc/test@100000");
	CHECK(dt_node_is_compatible(&fdt, node, "sifive,test1"),
	      "terminated strings before it still match");
	CHECK(!dt_node_is_compatible(&fdt, node, "simple-mfd"),
	      "the unterminated last string does not match");
	CHECK(!dt_node_is_compatible(&fdt, node, "simple-mfdx"),
	      "nor does reading past the property");
	val = prop_off(&good, "/memory", "device_type", &len);
	memset(copy + val, 'x', len);
	CHECK(dt_getprop_str(&fdt, dt_path_offset(&fdt, "/memory"),
			      "device_type") == NULL,
	      "getprop_str of an unterminated string: NULL");
	CHECK_EQ(dt_next_device_type(&fdt, -1, "memory"), DT_ERR_NOTFOUND,
		 "unterminated device_type never matches");
	free(copy);

	/* Short buffers, each exactly max_size long. */
	small = unit_dup(blob, 3);
	CHECK_EQ(dt_init(&fdt, small, 3), DT_ERR_TRUNCATED,
		 "3-byte buffer: truncated");
	free(small);
	small = unit_dup(blob, 35);
	CHECK_EQ(dt_init(&fdt, small, 35), DT_ERR_TRUNCATED,
		 "35-byte buffer: truncated");
	free(small);
	small = unit_dup(blob, 39);
	CHECK_EQ(dt_init(&fdt, small, 39), DT_ERR_TRUNCATED,
		 "39-byte buffer, version 17 header: truncated");
	free(small);
	CHECK_EQ(dt_init(&fdt, NULL, 4096), DT_ERR_TRUNCATED, "NULL blob");
}

static void test_built(void)
{
	static const char strings[] = "x\0y";
	struct dt_blob fdt;
	uint64_t a, s;
	uint8_t *b;
	size_t size;
	int node, leaf, i;

	CHECK_EQ(init_words(WORDS(T_BEGIN, NAME_ROOT, T_END_NODE, T_END),
			    "", 0), 0, "minimal tree: a root");
	CHECK_EQ(init_words(WORDS(T_NOP, T_BEGIN, NAME_ROOT, T_END_NODE,
				  T_NOP, T_END), "", 0), 0,
		 "NOPs around the root");
	CHECK_EQ(init_words(WORDS(T_END), "", 0), DT_ERR_BADSTRUCTURE,
		 "no root");
	CHECK_EQ(init_words(NULL, 0, "", 0), DT_ERR_BADSTRUCTURE,
		 "empty struct block");
	CHECK_EQ(init_words(WORDS(T_BEGIN, NAME_ROOT, T_END_NODE), "", 0),
		 DT_ERR_BADSTRUCTURE, "no FDT_END");
	CHECK_EQ(init_words(WORDS(T_BEGIN, NAME_ROOT, T_END_NODE, T_BEGIN,
				  NAME_N, T_END_NODE, T_END), "", 0),
		 DT_ERR_BADSTRUCTURE, "two roots");
	CHECK_EQ(init_words(WORDS(T_BEGIN, NAME_ROOT, T_END_NODE, T_END_NODE,
				  T_END), "", 0),
		 DT_ERR_BADSTRUCTURE, "one FDT_END_NODE too many");
	CHECK_EQ(init_words(WORDS(T_PROP, 0, 0, T_BEGIN, NAME_ROOT,
				  T_END_NODE, T_END), strings, 4),
		 DT_ERR_BADSTRUCTURE, "property outside the root");
	CHECK_EQ(init_words(WORDS(T_BEGIN, NAME_ROOT, T_END, T_END_NODE),
			    "", 0),
		 DT_ERR_BADSTRUCTURE, "FDT_END inside the root");
	CHECK_EQ(init_words(WORDS(T_BEGIN, NAME_ROOT, T_PROP, 4, 0), strings,
			    4),
		 DT_ERR_BADSTRUCTURE, "property value cut by the block end");
	CHECK_EQ(init_words(WORDS(T_BEGIN, NAME_ROOT, T_PROP, 0, 2,
				  T_END_NODE, T_END), strings, 3),
		 DT_ERR_BADSTRUCTURE,
		 "property name without a NUL in the strings block");

	/* NOPs between properties, a zero-length value, version 16. */
	{
		static const uint32_t w[] = {
			T_NOP, T_BEGIN, NAME_ROOT, T_NOP, T_PROP, 0, 2, T_NOP,
			T_PROP, 4, 0, 0x12345678, T_NOP, T_BEGIN, NAME_N,
			T_END_NODE, T_END_NODE, T_END,
		};
		uint32_t len = 9;

		b = build(w, sizeof(w) / sizeof(w[0]), strings, 4, 16, &size);
		CHECK_EQ(dt_init(&fdt, b, size), 0,
			 "version 16 header without size_dt_struct");
		CHECK_EQ(dt_root(&fdt), 4, "root after a leading NOP");
		CHECK(dt_getprop(&fdt, 4, "y", &len) != NULL && len == 0,
		      "zero-length property between NOPs");
		CHECK(dt_read_u64(&fdt, 4, "x", &a) == 0 && a == 0x12345678,
		      "property after NOPs");
		CHECK_STR(dt_node_name(&fdt, dt_first_child(&fdt, 4)), "n",
			  "child after NOPs");
		CHECK_EQ(dt_path_offset(&fdt, "/n"), 13 * 4, "path /n");
		free(b);
	}

	/* Nesting up to the limit works everywhere; one more is refused. */
	b = build_nested(DT_MAX_DEPTH, &size);
	CHECK_EQ(dt_init(&fdt, b, size), 0, "%d levels accepted",
		 DT_MAX_DEPTH);
	leaf = 8 * (DT_MAX_DEPTH - 1);
	CHECK_EQ(dt_parent(&fdt, leaf), leaf - 8, "parent of the deepest");
	for (node = 0, i = 0; dt_first_child(&fdt, node) >= 0; i++)
		node = dt_first_child(&fdt, node);
	CHECK(node == leaf && i == DT_MAX_DEPTH - 1,
	      "first_child reaches the deepest node");
	CHECK_EQ(dt_next_sibling(&fdt, 8), DT_ERR_NOTFOUND,
		 "next_sibling skips a deep subtree");
	CHECK_EQ(dt_read_reg(&fdt, leaf, 0, &a, &s), DT_ERR_NOTFOUND,
		 "read_reg at the deepest node");
	{
		char path[2 * DT_MAX_DEPTH + 1] = "";

		for (i = 1; i < DT_MAX_DEPTH; i++)
			strcat(path, "/n");
		CHECK_EQ(dt_path_offset(&fdt, path), leaf,
			 "path to the deepest node");
	}
	free(b);

	b = build_nested(DT_MAX_DEPTH + 1, &size);
	CHECK_EQ(dt_init(&fdt, b, size), DT_ERR_BADSTRUCTURE,
		 "%d levels refused", DT_MAX_DEPTH + 1);
	free(b);
	b = build_nested(100000, &size);
	CHECK_EQ(dt_init(&fdt, b, size), DT_ERR_BADSTRUCTURE,
		 "100000 levels refused");
	free(b);
}

static void test_unaligned(const uint8_t *blob, size_t size)
{
	uint8_t *buf = malloc(size + 3);
	struct dt_blob fdt;
	uint64_t addr = 0, sz = 0;
	int node;

	if (!buf)
		exit(EXIT_FAILURE);
	memcpy(buf + 3, blob, size);
	CHECK_EQ(dt_init(&fdt, buf + 3, size), 0, "blob at an odd address");
	node = dt_path_offset(&fdt, "/memory");
	CHECK(dt_read_reg(&fdt, node, 0, &addr, &sz) == 0 &&
	      addr == 0x80000000 && sz == 0x10000000,
	      "unaligned blob: reg decoded");
	free(buf);
}

/* A small deterministic PRNG (xorshift64). */
static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Call every reader function on a (maybe corrupt) blob; count calls. */
static unsigned long exercise(const uint8_t *b, size_t size)
{
	static const char *const paths[] = {
		"/", "/chosen", "/memory", "/soc/serial", "/cpus/cpu@1",
		"/reserved-memory/tsm", "/bus/widget",
	};
	static const char *const props[] = {
		"compatible", "reg", "device_type", "status", "bootargs",
		"#address-cells",
	};
	struct dt_blob fdt;
	uint64_t a, s;
	unsigned long calls = 0, steps = 0;
	unsigned int i, j;
	uint32_t len;
	int node, next;

	if (dt_init(&fdt, b, size))
		return 0;

	/* Depth-first walk without recursion. */
	node = dt_root(&fdt);
	while (node >= 0 && steps++ < 10000) {
		const char *name = dt_node_name(&fdt, node);

		calls += name && strlen(name) < (size_t)-1;
		for (i = 0; i < sizeof(props) / sizeof(props[0]); i++) {
			const uint8_t *v = dt_getprop(&fdt, node, props[i],
						      &len);
			unsigned int sum = 0;

			for (j = 0; v && j < len; j++)
				sum += v[j];
			calls += sum & 1;
			calls += dt_getprop_str(&fdt, node, props[i]) != NULL;
		}
		calls += dt_node_is_compatible(&fdt, node, "ns16550a");
		for (i = 0; i < 3; i++)
			calls += dt_read_reg(&fdt, node, i, &a, &s) == 0;
		calls += dt_read_u64(&fdt, node, "reg", &a) == 0;

		next = dt_first_child(&fdt, node);
		while (next < 0 && node >= 0) {
			next = dt_next_sibling(&fdt, node);
			if (next < 0)
				node = dt_parent(&fdt, node);
		}
		node = next;
	}
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		calls += dt_path_offset(&fdt, paths[i]) >= 0;
	steps = 0;
	for (node = dt_next_compatible(&fdt, -1, "acme,widget");
	     node >= 0 && steps++ < 10000;
	     node = dt_next_compatible(&fdt, node, "acme,widget"))
		calls++;
	for (node = dt_next_device_type(&fdt, -1, "cpu");
	     node >= 0 && steps++ < 10000;
	     node = dt_next_device_type(&fdt, node, "cpu"))
		calls++;
	for (i = 0; dt_get_mem_rsv(&fdt, i, &a, &s) == 0 && i < 10000; i++)
		calls++;
	return calls + 1;
}

static void test_mutations(const uint8_t *blob, size_t size)
{
	unsigned long accepted = 0, calls = 0;
	unsigned int iter, k, flips;
	uint8_t *copy;
	size_t max, pos;

	for (iter = 0; iter < 4000; iter++) {
		copy = unit_dup(blob, size);
		flips = 1 + (unsigned int)(rng() % 4);
		for (k = 0; k < flips; k++) {
			/* A third of the flips hit the header. */
			pos = rng() % 3 ? rng() % size : rng() % 64;
			copy[pos] ^= (uint8_t)(1u << (rng() % 8));
			if (rng() % 4 == 0)
				copy[pos] = (uint8_t)rng();
		}
		calls += exercise(copy, size);
		accepted += dt_init(&(struct dt_blob){ 0 }, copy, size) == 0;
		free(copy);

		/* A truncated buffer, exactly max bytes. */
		max = (size_t)(rng() % size);
		copy = unit_dup(blob, max ? max : 1);
		calls += exercise(copy, max);
		free(copy);
	}
	CHECK(accepted > 0 && calls > 0,
	      "4000 mutated and 4000 truncated blobs read without fault "
	      "(%lu mutants valid)", accepted);
}

int main(int argc, char **argv)
{
	struct dt_blob virt, one;
	uint8_t *vb, *ob;
	size_t vsize = 0, osize = 0;

	unit_init(argc, argv);
	vb = unit_load_fixture("virt", &vsize);
	ob = unit_load_fixture("onecell", &osize);

	test_cells();
	test_built();
	if (vb && ob) {
		test_header(vb, vsize);
		CHECK_EQ(dt_init(&virt, vb, vsize), 0, "virt: dt_init");
		CHECK_EQ(dt_init(&one, ob, osize), 0, "onecell: dt_init");
		test_path(&virt);
		test_tree(&virt);
		test_props(&virt);
		test_compatible(&virt, &one);
		test_reg(&virt, &one);
		test_u64(&virt, &one);
		test_rsvmap(&virt, &one);
		test_corrupt(vb, vsize);
		test_unaligned(vb, vsize);
		test_mutations(ob, osize);
	} else {
		CHECK(false, "the virt and onecell fixtures are needed");
	}
	free(vb);
	free(ob);
	return unit_done();
}
