// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Host unit tests of the FDT writer (src/dt_writer.c) and the host's
 * device tree (src/host_fdt.c), on QEMU's own virt blobs and on fixtures:
 *
 *   test_host_fdt dtc DTC NAME BLOB [NAME BLOB...]
 *
 * NAME is "opensbi" (qemu-virt-opensbi.dts), "fixture" (host-fdt.dts) or
 * "qemu..." (a blob QEMU dumped, with or without guest-loader modules).
 * Every output is parsed back with the reader and with "dtc -I dtb".
 */

#include <unistd.h>

#include "unit.h"

#include "tsm/dt_writer.h"
#include "tsm/fdt.h"
#include "tsm/host_fdt.h"
#include "tsm/host_memory.h"
#include "tsm/platform.h"

#define OUT_CAP		(256 * 1024)
/* A TSM image as main.c sees it: 2 MiB into RAM. */
#define TSM_BASE	0x80200000ULL
#define TSM_SIZE	0xee000ULL

static const char *dtc_path;

/* Whether dtc accepts the blob (exit status 0). */
static bool dtc_accepts(const uint8_t *blob, uint32_t size, const char *name)
{
	char path[] = "/tmp/test_host_fdt.XXXXXX", cmd[512];
	FILE *f;
	int fd = mkstemp(path), status;

	if (fd < 0)
		return false;
	f = fdopen(fd, "wb");
	if (!f || fwrite(blob, 1, size, f) != size) {
		if (f)
			fclose(f);
		unlink(path);
		return false;
	}
	fclose(f);
	snprintf(cmd, sizeof(cmd), "'%s' -q -I dtb -O dts -o /dev/null %s",
		 dtc_path, path);
	status = system(cmd);
	unlink(path);
	if (status)
		printf("# %s: dtc failed (%d)\n", name, status);
	return status == 0;
}

/* Every node of the output, depth-first, with f(node). */
static unsigned int count_nodes(const struct dt_blob *fdt, int node,
				bool (*f)(const struct dt_blob *, int))
{
	unsigned int n = f(fdt, node);

	for (int c = dt_first_child(fdt, node); c >= 0;
	     c = dt_next_sibling(fdt, c))
		n += count_nodes(fdt, c, f);
	return n;
}

static bool any(const struct dt_blob *fdt, int node)
{
	(void)fdt;
	(void)node;
	return true;
}

static bool is_test(const struct dt_blob *fdt, int node)
{
	return dt_node_is_compatible(fdt, node, "sifive,test0") ||
	       dt_node_is_compatible(fdt, node, "sifive,test1");
}

/* The node whose phandle is ph, or -1. */
static int by_phandle(const struct dt_blob *fdt, int node, uint32_t ph)
{
	uint32_t len;
	const void *v = dt_getprop(fdt, node, "phandle", &len);

	if (v && len == 4 && dt_be32(v) == ph)
		return node;
	for (int c = dt_first_child(fdt, node); c >= 0;
	     c = dt_next_sibling(fdt, c)) {
		int found = by_phandle(fdt, c, ph);

		if (found >= 0)
			return found;
	}
	return -1;
}

static bool is_test_syscon(const struct dt_blob *fdt, int node)
{
	uint32_t len;
	const void *regmap = dt_getprop(fdt, node, "regmap", &len);
	int target;

	if (!dt_node_is_compatible(fdt, node, "syscon-reboot") &&
	    !dt_node_is_compatible(fdt, node, "syscon-poweroff"))
		return false;
	if (!regmap || len != 4)
		return false;
	/* In the output, a regmap left dangling counts too. */
	target = by_phandle(fdt, dt_root(fdt), dt_be32(regmap));
	return target < 0 || is_test(fdt, target);
}

static bool is_module(const struct dt_blob *fdt, int node)
{
	return dt_node_is_compatible(fdt, node, "multiboot,module");
}

/* Whether a string list (len bytes) holds s. */
static bool list_has(const char *list, uint32_t len, const char *s)
{
	for (uint32_t i = 0; i < len; i += strlen(list + i) + 1)
		if (!strcmp(list + i, s))
			return true;
	return false;
}

/* The single-letter part of riscv,isa has no 'h'; no _h or _sh* name. */
static bool isa_clean(const char *isa)
{
	const char *p = isa + 4;

	for (; *p && *p != '_' && *p != 'z' && *p != 's' && *p != 'x'; p++)
		if (*p == 'h')
			return false;
	for (; *p; p++)
		if (p[0] == '_' && (!strncmp(p + 1, "sh", 2) ||
				    (p[1] == 'h' && (!p[2] || p[2] == '_'))))
			return false;
	return true;
}

/*
 * Every kept node of in is in out at the same path with the same
 * properties, except the ones the TSM rewrites.
 */
static unsigned int compare_nodes(const struct dt_blob *in, int node,
				  const struct dt_blob *out, char *path,
				  size_t plen, bool host)
{
	unsigned int bad = 0;
	int o = dt_path_offset(out, plen ? path : "/");
	struct dt_token tok;
	int off;

	if (host && (is_test(in, node) || is_test_syscon(in, node) ||
		     is_module(in, node)))
		return o == DT_ERR_NOTFOUND ? 0 : 1;
	if (o < 0) {
		printf("# %s missing\n", path);
		return 1;
	}
	/* The node's own properties: the tokens after its name. */
	dt_get_token(in, node, &tok);
	for (off = tok.next; !dt_get_token(in, off, &tok) &&
	     (tok.tag == DT_TOKEN_PROP || tok.tag == DT_TOKEN_NOP);
	     off = tok.next) {
		const void *v;
		uint32_t len;

		if (tok.tag != DT_TOKEN_PROP ||
		    (host && (!strncmp(tok.name, "riscv,isa", 9) ||
			      !strcmp(tok.name, "bootargs") ||
			      !strncmp(tok.name, "linux,initrd-", 13))))
			continue;
		v = dt_getprop(out, o, tok.name, &len);
		if (!v || len != tok.len || memcmp(v, tok.value, len)) {
			printf("# %s %s differs\n", path, tok.name);
			bad++;
		}
	}
	for (int c = dt_first_child(in, node); c >= 0;
	     c = dt_next_sibling(in, c)) {
		size_t n = snprintf(path + plen, 512 - plen, "/%s",
				    dt_node_name(in, c));

		bad += compare_nodes(in, c, out, path, plen + n, host);
		path[plen] = '\0';
	}
	return bad;
}

/* The writer alone: a plain copy, and its errors. */
static void test_writer(const char *name, const uint8_t *blob, size_t size)
{
	struct dt_blob in, out;
	struct dt_writer w;
	uint8_t *buf = malloc(OUT_CAP);
	uint32_t out_size = 0;
	char path[512] = "";
	int err;

	if (!CHECK(dt_init(&in, blob, size) == 0, "%s: input valid", name))
		goto out;

	dt_writer_init(&w, &in, buf, OUT_CAP);
	dt_writer_copy(&w, NULL);
	CHECK_EQ(dt_writer_finish(&w, &out_size), 0, "%s: plain copy", name);
	CHECK(dt_init(&out, buf, out_size) == 0, "%s: copy parses back", name);
	CHECK_EQ(count_nodes(&out, dt_root(&out), any),
		 count_nodes(&in, dt_root(&in), any), "%s: as many nodes", name);
	CHECK_EQ(out.size_strings, in.size_strings,
		 "%s: copy needs no new names", name);
	CHECK(dtc_accepts(buf, out_size, name), "%s: dtc reads the copy", name);
	CHECK_EQ(compare_nodes(&in, dt_root(&in), &out, path, 0, false), 0,
		 "%s: every property copied", name);

	/* Too small a buffer, at every size the blob passes through. */
	for (uint32_t cap = 0; cap < out_size; cap += 1 + cap / 8) {
		dt_writer_init(&w, &in, buf, cap);
		dt_writer_copy(&w, NULL);
		err = dt_writer_finish(&w, &out_size);
		if (!CHECK_EQ(err, DT_ERR_NOSPACE, "%s: %u bytes: NOSPACE",
			      name, cap))
			break;
	}

	/* Unbalanced nodes and too many new names. */
	dt_writer_init(&w, &in, buf, OUT_CAP);
	dt_writer_end_node(&w);
	CHECK_EQ(dt_writer_finish(&w, &out_size), DT_ERR_BADSTRUCTURE,
		 "%s: end_node with no node open", name);
	dt_writer_init(&w, &in, buf, OUT_CAP);
	dt_writer_begin_node(&w, "");
	CHECK_EQ(dt_writer_finish(&w, &out_size), DT_ERR_BADSTRUCTURE,
		 "%s: finish with a node open", name);
	dt_writer_init(&w, &in, buf, OUT_CAP);
	dt_writer_prop(&w, "x", NULL, 0);
	CHECK_EQ(dt_writer_finish(&w, &out_size), DT_ERR_BADSTRUCTURE,
		 "%s: property outside a node", name);
	{
		static const char *names[] = {
			"n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8",
			"n9", "n10", "n11", "n12", "n13", "n14", "n15", "n16",
		};

		dt_writer_init(&w, &in, buf, OUT_CAP);
		dt_writer_begin_node(&w, "");
		for (unsigned int i = 0; i < DT_WRITER_MAX_NAMES; i++)
			dt_writer_prop(&w, names[i], NULL, 0);
		dt_writer_prop(&w, names[0], NULL, 0);	/* reused */
		dt_writer_end_node(&w);
		CHECK_EQ(dt_writer_finish(&w, &out_size), 0,
			 "%s: %u new names fit", name, DT_WRITER_MAX_NAMES);
		CHECK(dt_init(&out, buf, out_size) == 0 &&
		      dt_getprop(&out, dt_root(&out), "n15", NULL) &&
		      dt_getprop(&out, dt_root(&out), "n0", NULL),
		      "%s: new names read back", name);
		dt_writer_init(&w, &in, buf, OUT_CAP);
		dt_writer_begin_node(&w, "");
		for (unsigned int i = 0; i <= DT_WRITER_MAX_NAMES; i++)
			dt_writer_prop(&w, names[i], NULL, 0);
		dt_writer_end_node(&w);
		CHECK_EQ(dt_writer_finish(&w, &out_size), DT_ERR_NOSPACE,
			 "%s: one name too many", name);
	}
out:
	free(buf);
}

/* Whether [base, base + size) lies inside a no-map /reserved-memory child. */
static bool reserved_nomap(const struct dt_blob *fdt, uint64_t base,
			   uint64_t size)
{
	int rm = dt_path_offset(fdt, "/reserved-memory");
	uint64_t b, s;

	for (int c = dt_first_child(fdt, rm); c >= 0;
	     c = dt_next_sibling(fdt, c))
		if (!dt_read_reg(fdt, c, 0, &b, &s) && base >= b &&
		    base + size <= b + s && dt_getprop(fdt, c, "no-map", NULL))
			return true;
	return false;
}

static void check_isa(const char *name, const struct dt_blob *out,
		      const struct dt_blob *in)
{
	unsigned int cpus = 0;
	int cpu;

	for (cpu = dt_next_device_type(out, -1, "cpu"); cpu >= 0;
	     cpu = dt_next_device_type(out, cpu, "cpu")) {
		const char *isa = dt_getprop_str(out, cpu, "riscv,isa");
		const char *list;
		uint32_t len;

		cpus++;
		if (isa) {
			CHECK(isa_clean(isa), "%s: %s: riscv,isa \"%s\" has no "
			      "h or sh*", name, dt_node_name(out, cpu), isa);
			CHECK(strstr(isa, "zicsr") || !strstr(
			      dt_getprop_str(in, dt_path_offset(in, "/cpus/cpu@0"),
					     "riscv,isa"), "zicsr"),
			      "%s: riscv,isa keeps zicsr", name);
		}
		list = dt_getprop(out, cpu, "riscv,isa-extensions", &len);
		if (!list)
			continue;
		CHECK(!list_has(list, len, "h") &&
		      !list_has(list, len, "shgatpa"),
		      "%s: %s: riscv,isa-extensions has no h, shgatpa", name,
		      dt_node_name(out, cpu));
		CHECK(list_has(list, len, "i") && list_has(list, len, "sstc") &&
		      list_has(list, len, "zicsr"),
		      "%s: %s: riscv,isa-extensions keeps i, sstc, zicsr",
		      name, dt_node_name(out, cpu));
	}
	CHECK(cpus > 0, "%s: cpus kept", name);
}

static void test_host(const char *name, const uint8_t *blob, size_t size)
{
	struct mem_range tsm_image = { TSM_BASE, TSM_SIZE };
	struct platform plat, oplat;
	struct host_memory hm, ohm;
	struct dt_blob in, out;
	uint8_t *buf = malloc(OUT_CAP);
	uint32_t out_size = 0, len;
	char path[512] = "";
	const void *v;
	int chosen, err;

	if (!CHECK_EQ(platform_from_fdt(&plat, blob, size), 0,
		      "%s: platform", name) ||
	    !CHECK_EQ(host_memory_init(&hm, &plat, tsm_image), 0,
		      "%s: host memory", name))
		goto out;
	dt_init(&in, blob, size);
	err = host_fdt_build(blob, size, &plat, &hm, buf, OUT_CAP, &out_size);
	if (!CHECK_EQ(err, 0, "%s: host tree written", name) ||
	    !CHECK_EQ(dt_init(&out, buf, out_size), 0,
		      "%s: host tree parses back", name))
		goto out;
	CHECK(dtc_accepts(buf, out_size, name), "%s: dtc reads the host tree",
	      name);

	/* Memory: the host tree's RAM less its reserved is the host's. */
	CHECK_EQ(platform_from_fdt(&oplat, buf, out_size), 0,
		 "%s: platform from the host tree", name);
	host_memory_init(&ohm, &oplat, (struct mem_range){ 0, 0 });
	CHECK(ohm.nr_ranges == hm.nr_ranges &&
	      !memcmp(ohm.ranges, hm.ranges,
		      hm.nr_ranges * sizeof(hm.ranges[0])),
	      "%s: usable RAM in the host tree is exactly host memory", name);
	CHECK(reserved_nomap(&out, TSM_BASE, TSM_SIZE),
	      "%s: the TSM's memory is a no-map reserved node", name);
	for (unsigned int i = 0; i < oplat.nr_reserved; i++)
		for (unsigned int j = i + 1; j < oplat.nr_reserved; j++)
			CHECK(oplat.reserved[i].base + oplat.reserved[i].size <=
			      oplat.reserved[j].base,
			      "%s: reserved ranges %u and %u do not overlap",
			      name, i, j);

	/* Devices the host must not reach, and the modules, are gone. */
	CHECK_EQ(count_nodes(&out, dt_root(&out), is_test), 0,
		 "%s: no test device", name);
	CHECK_EQ(count_nodes(&out, dt_root(&out), is_test_syscon), 0,
		 "%s: no syscon node pointing at the test device", name);
	CHECK_EQ(count_nodes(&out, dt_root(&out), is_module), 0,
		 "%s: no guest-loader module", name);
	CHECK(count_nodes(&out, dt_root(&out), any) + 4 >=
	      count_nodes(&in, dt_root(&in), any),
	      "%s: nothing else removed", name);
	CHECK_EQ(compare_nodes(&in, dt_root(&in), &out, path, 0, true), 0,
		 "%s: every other node and property as it was", name);
	check_isa(name, &out, &in);

	/* /chosen: the host's ramdisk and bootargs, not the TSM's. */
	chosen = dt_path_offset(&out, "/chosen");
	v = dt_getprop(&out, chosen, "bootargs", &len);
	if (plat.host_bootargs[0])
		CHECK(v && !strcmp(v, plat.host_bootargs),
		      "%s: /chosen/bootargs is the kernel module's", name);
	else
		CHECK(!v, "%s: no bootargs without the kernel module's", name);
	if (plat.host_ramdisk.size) {
		uint64_t s = 0, e = 0;

		CHECK(!dt_read_u64(&out, chosen, "linux,initrd-start", &s) &&
		      !dt_read_u64(&out, chosen, "linux,initrd-end", &e) &&
		      s == plat.host_ramdisk.base &&
		      e == plat.host_ramdisk.base + plat.host_ramdisk.size,
		      "%s: linux,initrd-* is the ramdisk module", name);
	} else {
		CHECK(!dt_getprop(&out, chosen, "linux,initrd-start", NULL) &&
		      !dt_getprop(&out, chosen, "linux,initrd-end", NULL),
		      "%s: no linux,initrd-* without a ramdisk module", name);
	}

	/* Too small a buffer. */
	for (uint32_t cap = 0; cap < out_size; cap += 1 + cap / 4)
		if (!CHECK_EQ(host_fdt_build(blob, size, &plat, &hm, buf, cap,
					     &len), DT_ERR_NOSPACE,
			      "%s: host tree in %u bytes: NOSPACE", name, cap))
			break;
out:
	free(buf);
}

/* The fixture's exact expectations. */
static void test_fixture(const uint8_t *blob, size_t size)
{
	struct mem_range tsm_image = { TSM_BASE, TSM_SIZE };
	struct platform plat;
	struct host_memory hm;
	struct dt_blob out;
	uint8_t *buf = malloc(OUT_CAP);
	uint32_t out_size = 0;
	const char *isa;

	platform_from_fdt(&plat, blob, size);
	host_memory_init(&hm, &plat, tsm_image);
	CHECK_EQ(plat.host_kernel.base, 0x80400000, "fixture: kernel module");
	CHECK_STR(plat.host_bootargs, "console=ttyS0,115200 quiet",
		  "fixture: kernel module's bootargs");
	CHECK_EQ(plat.host_ramdisk.base, 0x84000000, "fixture: ramdisk");
	CHECK_EQ(host_fdt_build(blob, size, &plat, &hm, buf, OUT_CAP,
				&out_size), 0, "fixture: written");
	dt_init(&out, buf, out_size);
	isa = dt_getprop_str(&out, dt_path_offset(&out, "/cpus/cpu@0"),
			     "riscv,isa");
	CHECK_STR(isa, "rv64imafdc", "fixture: 'h' last dropped");
	isa = dt_getprop_str(&out, dt_path_offset(&out, "/cpus/cpu@1"),
			     "riscv,isa");
	CHECK_STR(isa, "rv64imac_zicsr_sstc", "fixture: h, _sh, _h, _sh* dropped");
	isa = dt_getprop_str(&out, dt_path_offset(&out, "/cpus/cpu@2"),
			     "riscv,isa");
	CHECK_STR(isa, "rv64imac_zicsr_sstc",
		  "fixture: a name right after the letters kept");
	CHECK(dt_path_offset(&out, "/reboot") >= 0,
	      "fixture: syscon-reboot of another syscon kept");
	CHECK(dt_path_offset(&out, "/poweroff") == DT_ERR_NOTFOUND,
	      "fixture: syscon-poweroff of the test device removed");
	CHECK(dt_path_offset(&out, "/reserved-memory/tsm@80200000") >= 0,
	      "fixture: /reserved-memory created with the TSM's node");
	CHECK(dt_path_offset(&out, "/reserved-memory/tsm@80000000") ==
	      DT_ERR_NOTFOUND,
	      "fixture: the /memreserve/ entry is not reserved again");
	free(buf);
}

int main(int argc, char **argv)
{
	unsigned int given = 0;

	unit_init(argc, argv);
	dtc_path = unit_fixture("dtc");
	CHECK(dtc_path != NULL, "dtc given");
	for (int i = 1; i + 1 < argc; i += 2) {
		uint8_t *blob;
		size_t size = 0;

		if (!strcmp(argv[i], "dtc"))
			continue;
		blob = unit_load(argv[i + 1], &size);
		if (!CHECK(blob != NULL, "%s: loaded", argv[i]))
			continue;
		given++;
		test_writer(argv[i], blob, size);
		test_host(argv[i], blob, size);
		if (!strcmp(argv[i], "fixture"))
			test_fixture(blob, size);
		free(blob);
	}
	CHECK(given > 0, "at least one blob given");
	return unit_done();
}
