/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * A small read-only flattened device tree reader: enough to find the
 * memory, reserved regions, devices and /chosen that OpenSBI passes us.
 *
 * Nodes are named by their offset in the structure block.  Every function
 * bounds-checks against the blob's totalsize, so a corrupt FDT yields an
 * error, never an out-of-bounds read.  A node argument that is not the
 * offset of a node gives FDT_ERR_BADSTRUCTURE (NULL or false where a
 * pointer or bool is returned).  Functions that return a string return
 * one NUL-terminated inside the blob.
 */
#ifndef __TSM_FDT_H__
#define __TSM_FDT_H__

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Errors (negative), returned where an offset or 0 is expected. */
#define FDT_ERR_NOTFOUND	(-1)	/* no such node or property */
#define FDT_ERR_BADMAGIC	(-2)	/* not an FDT */
#define FDT_ERR_BADVERSION	(-3)	/* version < 16 or last_comp > 17 */
#define FDT_ERR_BADSTRUCTURE	(-4)	/* corrupt offsets, sizes, tokens */
#define FDT_ERR_TRUNCATED	(-5)	/* totalsize > what caller allows */
#define FDT_ERR_BADVALUE	(-6)	/* a property has the wrong length */

/* Deepest node nesting accepted (the root is depth 1). */
#define FDT_MAX_DEPTH		32

/**
 * struct fdt - A validated FDT blob.
 * @blob:	Start of the blob (big-endian header first).
 * @size:	totalsize from the header.
 * @off_struct, @size_struct:	The structure block.
 * @off_strings, @size_strings:	The strings block.
 */
struct fdt {
	const uint8_t *blob;
	uint32_t size;
	uint32_t off_struct;
	uint32_t size_struct;
	uint32_t off_strings;
	uint32_t size_strings;
};

/*
 * Validate blob (at most max_size bytes, any alignment): its header, block
 * bounds, memory reservation block and the whole structure block.  0 or an
 * error; no other function may be called on fdt after an error.
 */
int fdt_init(struct fdt *fdt, const void *blob, size_t max_size);

/* Offset of the root node (always valid after fdt_init()). */
int fdt_root(const struct fdt *fdt);

/*
 * Offset of the node at an absolute path such as "/chosen" or
 * "/soc/serial@10000000".  A component without '@' also matches a node
 * whose name has a unit address ("/memory" finds "memory@80000000").
 */
int fdt_path_offset(const struct fdt *fdt, const char *path);

/* Children of a node, in order; FDT_ERR_NOTFOUND after the last. */
int fdt_first_child(const struct fdt *fdt, int node);
int fdt_next_sibling(const struct fdt *fdt, int node);

/* Parent of a node (the root's parent is FDT_ERR_NOTFOUND). */
int fdt_parent(const struct fdt *fdt, int node);

/* The node's name, with its unit address ("memory@80000000"). */
const char *fdt_node_name(const struct fdt *fdt, int node);

/* A property's value and length in bytes, or NULL if absent. */
const void *fdt_getprop(const struct fdt *fdt, int node, const char *name,
			uint32_t *len);

/*
 * A property that must be a NUL-terminated string (device_type, status):
 * NULL if absent, empty or not terminated within its length.
 */
const char *fdt_getprop_str(const struct fdt *fdt, int node, const char *name);

/* Whether the node's "compatible" string list contains compat. */
bool fdt_node_is_compatible(const struct fdt *fdt, int node,
			    const char *compat);

/*
 * The next node after start, depth-first at any depth (start = -1 begins
 * with the root), that is compatible with compat, or whose device_type is
 * type; FDT_ERR_NOTFOUND when there is none.
 */
int fdt_next_compatible(const struct fdt *fdt, int start, const char *compat);
int fdt_next_device_type(const struct fdt *fdt, int start, const char *type);

/*
 * The index-th (address, size) pair of the node's "reg", decoded with the
 * #address-cells (1 or 2) and #size-cells (0 to 2) of its parent (defaults
 * 2 and 1).  0, FDT_ERR_NOTFOUND without "reg" or past the last pair, or
 * FDT_ERR_BADVALUE (other cell counts, or "reg" not whole pairs).
 */
int fdt_read_reg(const struct fdt *fdt, int node, unsigned int index,
		 uint64_t *addr, uint64_t *size);

/* A 1- or 2-cell integer property (e.g. linux,initrd-start); 0 or error. */
int fdt_read_u64(const struct fdt *fdt, int node, const char *name,
		 uint64_t *value);

/*
 * The index-th entry of the memory reservation block (the /memreserve/
 * list before the structure block): 0, or FDT_ERR_NOTFOUND at the
 * terminating (0, 0) entry and past it.
 */
int fdt_get_mem_rsv(const struct fdt *fdt, unsigned int index,
		    uint64_t *addr, uint64_t *size);

/*
 * Decode big-endian cells (any alignment); more than two cells keep the
 * low 64 bits.
 */
uint32_t fdt32_to_cpu(const void *p);
uint64_t fdt_read_cells(const void *p, unsigned int cells);

#endif /* __TSM_FDT_H__ */
