/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * A small read-only flattened device tree reader: enough to find the
 * memory, reserved regions, devices and /chosen that OpenSBI passes us.
 *
 * Nodes are named by their offset in the structure block.  Every function
 * bounds-checks against the blob's totalsize, so a corrupt FDT yields an
 * error, never an out-of-bounds read.  A node argument that is not the
 * offset of a node gives DT_ERR_BADSTRUCTURE (NULL or false where a
 * pointer or bool is returned).  Functions that return a string return
 * one NUL-terminated inside the blob.
 *
 * This is not libfdt: it validates the whole blob once, in dt_init(), and
 * takes that validated struct dt_blob, not the raw blob; its errors are
 * its own negative DT_ERR_* values.  Hence the dt_ prefix, so that none of
 * its functions reads as libfdt's function of the same name (fdt_getprop,
 * fdt_path_offset, ...) with another signature, and libfdt could be
 * linked next to it.
 */
#ifndef __TSM_FDT_H__
#define __TSM_FDT_H__

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Errors (negative), returned where an offset or 0 is expected. */
#define DT_ERR_NOTFOUND	(-1)	/* no such node or property */
#define DT_ERR_BADMAGIC	(-2)	/* not an FDT */
#define DT_ERR_BADVERSION	(-3)	/* version < 16 or last_comp > 17 */
#define DT_ERR_BADSTRUCTURE	(-4)	/* corrupt offsets, sizes, tokens */
#define DT_ERR_TRUNCATED	(-5)	/* totalsize > what caller allows */
#define DT_ERR_BADVALUE	(-6)	/* a property has the wrong length */

/* Deepest node nesting accepted (the root is depth 1). */
#define DT_MAX_DEPTH		32

/**
 * struct dt_blob - A validated FDT blob.
 * @blob:	Start of the blob (big-endian header first).
 * @size:	totalsize from the header.
 * @off_struct, @size_struct:	The structure block.
 * @off_strings, @size_strings:	The strings block.
 */
struct dt_blob {
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
int dt_init(struct dt_blob *fdt, const void *blob, size_t max_size);

/* Offset of the root node (always valid after dt_init()). */
int dt_root(const struct dt_blob *fdt);

/*
 * Offset of the node at an absolute path such as "/chosen" or
 * "/soc/serial@10000000".  A component without '@' also matches a node
 * whose name has a unit address ("/memory" finds "memory@80000000").
 */
int dt_path_offset(const struct dt_blob *fdt, const char *path);

/* Children of a node, in order; DT_ERR_NOTFOUND after the last. */
int dt_first_child(const struct dt_blob *fdt, int node);
int dt_next_sibling(const struct dt_blob *fdt, int node);

/* Parent of a node (the root's parent is DT_ERR_NOTFOUND). */
int dt_parent(const struct dt_blob *fdt, int node);

/* The node's name, with its unit address ("memory@80000000"). */
const char *dt_node_name(const struct dt_blob *fdt, int node);

/* A property's value and length in bytes, or NULL if absent. */
const void *dt_getprop(const struct dt_blob *fdt, int node, const char *name,
		       uint32_t *len);

/*
 * A property that must be a NUL-terminated string (device_type, status):
 * NULL if absent, empty or not terminated within its length.
 */
const char *dt_getprop_str(const struct dt_blob *fdt, int node,
			   const char *name);

/* Whether the node's "compatible" string list contains compat. */
bool dt_node_is_compatible(const struct dt_blob *fdt, int node,
			   const char *compat);

/*
 * The next node after start, depth-first at any depth (start = -1 begins
 * with the root), that is compatible with compat, or whose device_type is
 * type; DT_ERR_NOTFOUND when there is none.
 */
int dt_next_compatible(const struct dt_blob *fdt, int start,
		       const char *compat);
int dt_next_device_type(const struct dt_blob *fdt, int start, const char *type);

/*
 * The index-th (address, size) pair of the node's "reg", decoded with the
 * #address-cells (1 or 2) and #size-cells (0 to 2) of its parent (defaults
 * 2 and 1).  0, DT_ERR_NOTFOUND without "reg" or past the last pair, or
 * DT_ERR_BADVALUE (other cell counts, or "reg" not whole pairs).
 */
int dt_read_reg(const struct dt_blob *fdt, int node, unsigned int index,
		uint64_t *addr, uint64_t *size);

/* A 1- or 2-cell integer property (e.g. linux,initrd-start); 0 or error. */
int dt_read_u64(const struct dt_blob *fdt, int node, const char *name,
		uint64_t *value);

/*
 * The index-th entry of the memory reservation block (the /memreserve/
 * list before the structure block): 0, or DT_ERR_NOTFOUND at the
 * terminating (0, 0) entry and past it.
 */
int dt_get_mem_rsv(const struct dt_blob *fdt, unsigned int index,
		   uint64_t *addr, uint64_t *size);

/* Structure block tokens (the devicetree specification's FDT_* values). */
#define DT_TOKEN_BEGIN_NODE	0x1U
#define DT_TOKEN_END_NODE	0x2U
#define DT_TOKEN_PROP		0x3U
#define DT_TOKEN_NOP		0x4U
#define DT_TOKEN_END		0x9U

/**
 * struct dt_token - One token of the structure block.
 * @tag:	DT_TOKEN_*.
 * @next:	Offset of the following token.
 * @name:	DT_TOKEN_PROP: the property's name; DT_TOKEN_BEGIN_NODE: the
 *		node's name.  NUL-terminated inside the blob; else NULL.
 * @value, @len:	DT_TOKEN_PROP: the value and its length in bytes.
 */
struct dt_token {
	uint32_t tag;
	int next;
	const char *name;
	const void *value;
	uint32_t len;
};

/*
 * Decode the token at off (0 is the first token of the structure block):
 * 0, or DT_ERR_BADSTRUCTURE.  For a writer that copies the tree token by
 * token (dt_writer.c).
 */
int dt_get_token(const struct dt_blob *fdt, int off, struct dt_token *tok);

/*
 * Decode big-endian cells (any alignment); more than two cells keep the
 * low 64 bits.
 */
uint32_t dt_be32(const void *p);
uint64_t dt_read_cells(const void *p, unsigned int cells);

#endif /* __TSM_FDT_H__ */
