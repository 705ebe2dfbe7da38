// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * A small read-only flattened device tree reader.
 *
 * Written from the devicetree specification (chapter 5, "Flattened
 * Devicetree (DTB) Format").  The blob is untrusted: dt_init() checks the
 * header and walks the whole structure block once, and every later access
 * still checks its own bounds, so a corrupt blob gives an error, never an
 * out-of-bounds read.  All multi-byte fields are big-endian and read a
 * byte at a time, so the blob need not be aligned in memory.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsm/fdt.h"
#include "covekit/string.h"

#define FDT_MAGIC		0xd00dfeedU

/* Header field offsets. */
#define FDT_HDR_MAGIC		0
#define FDT_HDR_TOTALSIZE	4
#define FDT_HDR_OFF_STRUCT	8
#define FDT_HDR_OFF_STRINGS	12
#define FDT_HDR_OFF_RSVMAP	16
#define FDT_HDR_VERSION		20
#define FDT_HDR_LAST_COMP	24
#define FDT_HDR_SIZE_STRINGS	32
#define FDT_HDR_SIZE_STRUCT	36
#define FDT_HDR_V16_SIZE	36	/* version 16 lacks size_dt_struct */
#define FDT_HDR_V17_SIZE	40

#define FDT_FIRST_VERSION	16
#define FDT_LAST_VERSION	17

/* Structure block tokens. */
#define FDT_BEGIN_NODE		0x1U
#define FDT_END_NODE		0x2U
#define FDT_PROP		0x3U
#define FDT_NOP			0x4U
#define FDT_END			0x9U

#define FDT_TOKEN_SIZE		4
#define FDT_PROP_HDR_SIZE	12	/* token, len, nameoff */
#define FDT_RSV_ENTRY_SIZE	16

/* Offsets are ints; keep every blob small enough for them. */
#define FDT_MAX_TOTALSIZE	0x7fffffffU

/* One token of the structure block, as decoded by dt_token(). */
struct dt_tok {
	uint32_t tag;
	int next;		/* offset of the following token */
	/* FDT_PROP only: */
	const char *name;	/* NUL-terminated within the strings block */
	const uint8_t *value;
	uint32_t len;
};

/**
 * dt_be32() - Decode a big-endian 32-bit value.
 * @p:	Four bytes, any alignment.
 *
 * Return: The value in host order.
 */
uint32_t dt_be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	       (uint32_t)b[2] << 8 | (uint32_t)b[3];
}

/**
 * dt_read_cells() - Decode a big-endian number of 32-bit cells.
 * @p:		cells * 4 bytes, any alignment.
 * @cells:	Number of cells; 0 gives 0.
 *
 * Return: The value; with more than two cells, its low 64 bits.
 */
uint64_t dt_read_cells(const void *p, unsigned int cells)
{
	const uint8_t *b = p;
	uint64_t v = 0;
	unsigned int i;

	for (i = 0; i < cells; i++)
		v = v << 32 | dt_be32(b + 4 * (size_t)i);
	return v;
}

static uint32_t dt_hdr(const uint8_t *blob, unsigned int field)
{
	return dt_be32(blob + field);
}

static uint32_t align4(uint32_t v)
{
	return (v + 3) & ~3U;
}

/* Whether [off, off + len) lies inside [0, size), without overflow. */
static bool dt_fits(uint32_t off, uint32_t len, uint32_t size)
{
	return off <= size && len <= size - off;
}

/*
 * Decode the token at off in the structure block, checking that it and
 * everything it refers to (node name, property value and name) lie inside
 * the blob.  0 or DT_ERR_BADSTRUCTURE.
 */
static int dt_token(const struct dt_blob *fdt, int off, struct dt_tok *tok)
{
	const uint8_t *s = fdt->blob + fdt->off_struct;
	uint32_t o = (uint32_t)off, end, nameoff, left;
	size_t n;

	if (off < 0 || (o & 3) || !dt_fits(o, FDT_TOKEN_SIZE,
					     fdt->size_struct))
		return DT_ERR_BADSTRUCTURE;

	tok->tag = dt_be32(s + o);
	tok->name = NULL;
	tok->value = NULL;
	tok->len = 0;

	switch (tok->tag) {
	case FDT_BEGIN_NODE:
		left = fdt->size_struct - o - FDT_TOKEN_SIZE;
		n = strnlen((const char *)s + o + FDT_TOKEN_SIZE, left);
		if (n >= left)
			return DT_ERR_BADSTRUCTURE;
		end = o + FDT_TOKEN_SIZE + (uint32_t)n + 1;
		break;
	case FDT_PROP:
		if (!dt_fits(o, FDT_PROP_HDR_SIZE, fdt->size_struct))
			return DT_ERR_BADSTRUCTURE;
		tok->len = dt_be32(s + o + 4);
		nameoff = dt_be32(s + o + 8);
		if (!dt_fits(o + FDT_PROP_HDR_SIZE, tok->len,
			      fdt->size_struct))
			return DT_ERR_BADSTRUCTURE;
		if (nameoff >= fdt->size_strings)
			return DT_ERR_BADSTRUCTURE;
		left = fdt->size_strings - nameoff;
		tok->name = (const char *)fdt->blob + fdt->off_strings +
			    nameoff;
		if (strnlen(tok->name, left) >= left)
			return DT_ERR_BADSTRUCTURE;
		tok->value = s + o + FDT_PROP_HDR_SIZE;
		end = o + FDT_PROP_HDR_SIZE + tok->len;
		break;
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		end = o + FDT_TOKEN_SIZE;
		break;
	default:
		return DT_ERR_BADSTRUCTURE;
	}

	/* end <= size_struct < 2^31, so neither step overflows. */
	tok->next = (int)align4(end);
	return 0;
}

/**
 * dt_get_token() - Decode one token of the structure block.
 * @fdt:	A blob accepted by dt_init().
 * @off:	The token's offset in the structure block.
 * @tok:	Filled in on success.
 *
 * Return: 0, or DT_ERR_BADSTRUCTURE if @off is not the offset of a whole
 * token inside the structure block.
 */
int dt_get_token(const struct dt_blob *fdt, int off, struct dt_token *tok)
{
	struct dt_tok t;
	int err = dt_token(fdt, off, &t);

	if (err)
		return err;
	tok->tag = t.tag;
	tok->next = t.next;
	tok->name = t.name;
	tok->value = t.value;
	tok->len = t.len;
	if (t.tag == FDT_BEGIN_NODE)
		tok->name = (const char *)fdt->blob + fdt->off_struct + off +
			    FDT_TOKEN_SIZE;
	return 0;
}

/* Check that node is the offset of an FDT_BEGIN_NODE token. */
static int dt_check_node(const struct dt_blob *fdt, int node,
			 struct dt_tok *tok)
{
	int err = dt_token(fdt, node, tok);

	if (err)
		return err;
	return tok->tag == FDT_BEGIN_NODE ? 0 : DT_ERR_BADSTRUCTURE;
}

/*
 * Walk the whole structure block: the root must be the first node, nodes
 * must nest properly and no deeper than DT_MAX_DEPTH, properties must
 * sit inside a node and FDT_END must follow the root's FDT_END_NODE.
 */
static int dt_check_structure(const struct dt_blob *fdt)
{
	struct dt_tok tok;
	unsigned int depth = 0;
	bool seen_root = false;
	int off = 0, err;

	for (;;) {
		err = dt_token(fdt, off, &tok);
		if (err)
			return err;

		switch (tok.tag) {
		case FDT_BEGIN_NODE:
			if (depth == 0 && seen_root)
				return DT_ERR_BADSTRUCTURE;
			if (++depth > DT_MAX_DEPTH)
				return DT_ERR_BADSTRUCTURE;
			seen_root = true;
			break;
		case FDT_END_NODE:
			if (depth == 0)
				return DT_ERR_BADSTRUCTURE;
			depth--;
			break;
		case FDT_PROP:
			if (depth == 0)
				return DT_ERR_BADSTRUCTURE;
			break;
		case FDT_END:
			if (depth != 0 || !seen_root)
				return DT_ERR_BADSTRUCTURE;
			return 0;
		default:	/* FDT_NOP */
			break;
		}
		off = tok.next;
	}
}

/* Check that the memory reservation block ends within the blob. */
static int dt_check_rsvmap(const struct dt_blob *fdt, uint32_t hdr_size)
{
	uint32_t off = dt_hdr(fdt->blob, FDT_HDR_OFF_RSVMAP);
	const uint8_t *e;

	if (off < hdr_size || (off & 7))
		return DT_ERR_BADSTRUCTURE;
	for (;;) {
		if (!dt_fits(off, FDT_RSV_ENTRY_SIZE, fdt->size))
			return DT_ERR_BADSTRUCTURE;
		e = fdt->blob + off;
		if (dt_read_cells(e, 2) == 0 && dt_read_cells(e + 8, 2) == 0)
			return 0;
		off += FDT_RSV_ENTRY_SIZE;
	}
}

/**
 * dt_init() - Validate an FDT blob.
 * @fdt:	Filled in on success.
 * @blob:	The blob; any alignment.
 * @max_size:	How many bytes at @blob the caller can vouch for; the
 *		blob's totalsize must not exceed it.
 *
 * Checks the header, that every block lies within totalsize, that the
 * memory reservation block is terminated and that the structure block is
 * well formed (see dt_check_structure()).
 *
 * Return: 0, DT_ERR_TRUNCATED if @max_size cannot hold the header or the
 * blob, DT_ERR_BADMAGIC, DT_ERR_BADVERSION or DT_ERR_BADSTRUCTURE.
 */
int dt_init(struct dt_blob *fdt, const void *blob, size_t max_size)
{
	const uint8_t *b = blob;
	uint32_t version, totalsize, hdr_size;
	int err;

	memset(fdt, 0, sizeof(*fdt));
	if (!b || max_size < FDT_HDR_MAGIC + 4)
		return DT_ERR_TRUNCATED;
	if (dt_hdr(b, FDT_HDR_MAGIC) != FDT_MAGIC)
		return DT_ERR_BADMAGIC;
	if (max_size < FDT_HDR_V16_SIZE)
		return DT_ERR_TRUNCATED;

	version = dt_hdr(b, FDT_HDR_VERSION);
	if (version < FDT_FIRST_VERSION ||
	    dt_hdr(b, FDT_HDR_LAST_COMP) > FDT_LAST_VERSION)
		return DT_ERR_BADVERSION;
	hdr_size = version >= 17 ? FDT_HDR_V17_SIZE : FDT_HDR_V16_SIZE;
	if (max_size < hdr_size)
		return DT_ERR_TRUNCATED;

	totalsize = dt_hdr(b, FDT_HDR_TOTALSIZE);
	if (totalsize < hdr_size || totalsize > FDT_MAX_TOTALSIZE)
		return DT_ERR_BADSTRUCTURE;
	if (totalsize > max_size)
		return DT_ERR_TRUNCATED;

	fdt->blob = b;
	fdt->size = totalsize;
	fdt->off_struct = dt_hdr(b, FDT_HDR_OFF_STRUCT);
	fdt->off_strings = dt_hdr(b, FDT_HDR_OFF_STRINGS);
	fdt->size_strings = dt_hdr(b, FDT_HDR_SIZE_STRINGS);
	if (fdt->off_struct < hdr_size || fdt->off_struct > totalsize)
		goto bad;
	if (version >= 17)
		fdt->size_struct = dt_hdr(b, FDT_HDR_SIZE_STRUCT);
	else
		fdt->size_struct = totalsize - fdt->off_struct;

	/* Tokens are 4-byte aligned relative to the start of the blob. */
	if ((fdt->off_struct & 3) ||
	    !dt_fits(fdt->off_struct, fdt->size_struct, totalsize))
		goto bad;
	if (fdt->off_strings < hdr_size ||
	    !dt_fits(fdt->off_strings, fdt->size_strings, totalsize))
		goto bad;

	err = dt_check_rsvmap(fdt, hdr_size);
	if (!err)
		err = dt_check_structure(fdt);
	if (err)
		memset(fdt, 0, sizeof(*fdt));
	return err;
bad:
	memset(fdt, 0, sizeof(*fdt));
	return DT_ERR_BADSTRUCTURE;
}

/**
 * dt_root() - Find the root node.
 * @fdt:	A blob accepted by dt_init().
 *
 * Return: The root node's offset (after any leading FDT_NOP tokens), or
 * DT_ERR_BADSTRUCTURE.
 */
int dt_root(const struct dt_blob *fdt)
{
	struct dt_tok tok;
	int off = 0, err;

	for (;;) {
		err = dt_token(fdt, off, &tok);
		if (err)
			return err;
		if (tok.tag == FDT_BEGIN_NODE)
			return off;
		if (tok.tag != FDT_NOP)
			return DT_ERR_BADSTRUCTURE;
		off = tok.next;
	}
}

/*
 * Skip the properties and NOPs after a node's name (or after a child's
 * FDT_END_NODE) and return the offset of the next FDT_BEGIN_NODE at this
 * level; DT_ERR_NOTFOUND at the parent's FDT_END_NODE (or at FDT_END,
 * after the root).
 */
static int dt_next_at_level(const struct dt_blob *fdt, int off)
{
	struct dt_tok tok;
	int err;

	for (;;) {
		err = dt_token(fdt, off, &tok);
		if (err)
			return err;
		switch (tok.tag) {
		case FDT_BEGIN_NODE:
			return off;
		case FDT_END_NODE:
		case FDT_END:
			return DT_ERR_NOTFOUND;
		default:	/* FDT_PROP, FDT_NOP */
			break;
		}
		off = tok.next;
	}
}

/**
 * dt_first_child() - Find a node's first child.
 * @fdt:	A blob accepted by dt_init().
 * @node:	A node offset.
 *
 * Return: The child's offset, DT_ERR_NOTFOUND if @node has no children,
 * or DT_ERR_BADSTRUCTURE if @node is not a node.
 */
int dt_first_child(const struct dt_blob *fdt, int node)
{
	struct dt_tok tok;
	int err = dt_check_node(fdt, node, &tok);

	if (err)
		return err;
	return dt_next_at_level(fdt, tok.next);
}

/**
 * dt_next_sibling() - Find the node after a node, at the same level.
 * @fdt:	A blob accepted by dt_init().
 * @node:	A node offset.
 *
 * Return: The sibling's offset, DT_ERR_NOTFOUND after the last child of
 * the parent (and for the root), or DT_ERR_BADSTRUCTURE.
 */
int dt_next_sibling(const struct dt_blob *fdt, int node)
{
	struct dt_tok tok;
	unsigned int depth = 0;
	int off = node, err;

	/* Skip node's subtree: from its FDT_BEGIN_NODE to its FDT_END_NODE. */
	err = dt_check_node(fdt, node, &tok);
	if (err)
		return err;
	do {
		err = dt_token(fdt, off, &tok);
		if (err)
			return err;
		if (tok.tag == FDT_BEGIN_NODE)
			depth++;
		else if (tok.tag == FDT_END_NODE)
			depth--;
		else if (tok.tag == FDT_END)
			return DT_ERR_BADSTRUCTURE;
		off = tok.next;
	} while (depth > 0);

	return dt_next_at_level(fdt, off);
}

/**
 * dt_parent() - Find a node's parent.
 * @fdt:	A blob accepted by dt_init().
 * @node:	A node offset.
 *
 * Walks the tree from the root, keeping the chain of open nodes (at most
 * DT_MAX_DEPTH) on the stack.
 *
 * Return: The parent's offset, DT_ERR_NOTFOUND for the root (or for an
 * offset that looks like a node but is not one of the tree's), or
 * DT_ERR_BADSTRUCTURE if @node is not a node.
 */
int dt_parent(const struct dt_blob *fdt, int node)
{
	int open[DT_MAX_DEPTH];
	unsigned int depth = 0;
	struct dt_tok tok;
	int off = 0, err;

	err = dt_check_node(fdt, node, &tok);
	if (err)
		return err;
	for (;;) {
		err = dt_token(fdt, off, &tok);
		if (err)
			return err;
		switch (tok.tag) {
		case FDT_BEGIN_NODE:
			if (off == node)
				return depth ? open[depth - 1] :
					       DT_ERR_NOTFOUND;
			if (depth >= DT_MAX_DEPTH)
				return DT_ERR_BADSTRUCTURE;
			open[depth++] = off;
			break;
		case FDT_END_NODE:
			if (depth == 0)
				return DT_ERR_BADSTRUCTURE;
			depth--;
			break;
		case FDT_END:
			return DT_ERR_NOTFOUND;
		default:
			break;
		}
		off = tok.next;
	}
}

/**
 * dt_node_name() - A node's name.
 * @fdt:	A blob accepted by dt_init().
 * @node:	A node offset.
 *
 * Return: The name with its unit address ("" for the root), NUL-terminated
 * inside the blob, or NULL if @node is not a node.
 */
const char *dt_node_name(const struct dt_blob *fdt, int node)
{
	struct dt_tok tok;

	if (dt_check_node(fdt, node, &tok))
		return NULL;
	return (const char *)fdt->blob + fdt->off_struct + node +
	       FDT_TOKEN_SIZE;
}

/* Whether name matches one path component (comp, len bytes). */
static bool dt_name_matches(const char *name, const char *comp, size_t len)
{
	size_t i;

	if (strncmp(name, comp, len) != 0)
		return false;
	if (name[len] == '\0')
		return true;
	if (name[len] != '@')
		return false;
	/* "memory" matches "memory@80000000"; "serial@1" matches nothing. */
	for (i = 0; i < len; i++)
		if (comp[i] == '@')
			return false;
	return true;
}

/**
 * dt_path_offset() - Find a node by absolute path.
 * @fdt:	A blob accepted by dt_init().
 * @path:	"/", or "/" followed by '/'-separated node names.  A name
 *		without '@' also matches a node with a unit address; the
 *		first such child wins.
 *
 * Return: The node's offset, DT_ERR_NOTFOUND (also for relative paths
 * and aliases, which are not supported), or DT_ERR_BADSTRUCTURE.
 */
int dt_path_offset(const struct dt_blob *fdt, const char *path)
{
	const char *comp;
	size_t len;
	int node, child;

	if (!path || path[0] != '/')
		return DT_ERR_NOTFOUND;
	node = dt_root(fdt);
	for (comp = path; node >= 0; comp += len) {
		while (*comp == '/')
			comp++;
		if (*comp == '\0')
			return node;
		for (len = 0; comp[len] != '\0' && comp[len] != '/'; len++)
			;

		for (child = dt_first_child(fdt, node); child >= 0;
		     child = dt_next_sibling(fdt, child)) {
			const char *name = dt_node_name(fdt, child);

			if (name && dt_name_matches(name, comp, len))
				break;
		}
		node = child;
	}
	return node;
}

/**
 * dt_getprop() - Find a property of a node.
 * @fdt:	A blob accepted by dt_init().
 * @node:	A node offset.
 * @name:	The property's name.
 * @len:	If not NULL, set to the value's length in bytes.
 *
 * Return: The value (inside the blob, any alignment; not NULL even when
 * empty), or NULL if the property is absent or @node is not a node.
 */
const void *dt_getprop(const struct dt_blob *fdt, int node, const char *name,
		       uint32_t *len)
{
	struct dt_tok tok;
	int off;

	if (dt_check_node(fdt, node, &tok))
		return NULL;
	for (off = tok.next; !dt_token(fdt, off, &tok); off = tok.next) {
		if (tok.tag == FDT_NOP)
			continue;
		if (tok.tag != FDT_PROP)
			break;
		if (strcmp(tok.name, name) == 0) {
			if (len)
				*len = tok.len;
			return tok.value;
		}
	}
	return NULL;
}

/**
 * dt_getprop_str() - Find a property holding one string.
 * @fdt:	A blob accepted by dt_init().
 * @node:	A node offset.
 * @name:	The property's name.
 *
 * Return: The string, or NULL if the property is absent, empty or has no
 * NUL within its length.
 */
const char *dt_getprop_str(const struct dt_blob *fdt, int node,
			   const char *name)
{
	uint32_t len;
	const char *s = dt_getprop(fdt, node, name, &len);

	if (!s || len == 0 || strnlen(s, len) >= len)
		return NULL;
	return s;
}

/**
 * dt_node_is_compatible() - Look up a string in a node's "compatible".
 * @fdt:	A blob accepted by dt_init().
 * @node:	A node offset.
 * @compat:	The string to look for.
 *
 * Only strings NUL-terminated within the property count: an unterminated
 * last string never matches.
 *
 * Return: Whether @compat is one of the strings.
 */
bool dt_node_is_compatible(const struct dt_blob *fdt, int node,
			   const char *compat)
{
	const char *list;
	uint32_t len, pos = 0;
	size_t n;

	list = dt_getprop(fdt, node, "compatible", &len);
	if (!list || !compat)
		return false;
	while (pos < len) {
		n = strnlen(list + pos, len - pos);
		if (n >= len - pos)
			return false;
		if (strcmp(list + pos, compat) == 0)
			return true;
		pos += (uint32_t)n + 1;
	}
	return false;
}

typedef bool (*dt_match_fn)(const struct dt_blob *fdt, int node, const char *s);

/* The first node after start in document order for which match() holds. */
static int dt_next_match(const struct dt_blob *fdt, int start, const char *s,
			 dt_match_fn match)
{
	struct dt_tok tok;
	int off, err;

	if (!s)
		return DT_ERR_NOTFOUND;
	if (start == -1) {
		off = 0;
	} else {
		err = dt_check_node(fdt, start, &tok);
		if (err)
			return err;
		off = tok.next;
	}

	/* Document order of FDT_BEGIN_NODE tokens is depth-first order. */
	for (;;) {
		err = dt_token(fdt, off, &tok);
		if (err)
			return err;
		if (tok.tag == FDT_END)
			return DT_ERR_NOTFOUND;
		if (tok.tag == FDT_BEGIN_NODE && match(fdt, off, s))
			return off;
		off = tok.next;
	}
}

/**
 * dt_next_compatible() - Find the next node compatible with a string.
 * @fdt:	A blob accepted by dt_init().
 * @start:	A node offset, or -1 to start with the root.
 * @compat:	The compatible string.
 *
 * Return: The first matching node after @start in depth-first order (its
 * own children come first), DT_ERR_NOTFOUND, or DT_ERR_BADSTRUCTURE.
 */
int dt_next_compatible(const struct dt_blob *fdt, int start, const char *compat)
{
	return dt_next_match(fdt, start, compat, dt_node_is_compatible);
}

static bool dt_is_device_type(const struct dt_blob *fdt, int node,
			      const char *type)
{
	const char *t = dt_getprop_str(fdt, node, "device_type");

	return t && strcmp(t, type) == 0;
}

/**
 * dt_next_device_type() - Find the next node with a given device_type.
 * @fdt:	A blob accepted by dt_init().
 * @start:	A node offset, or -1 to start with the root.
 * @type:	The device_type, e.g. "memory" or "cpu".
 *
 * Return: As dt_next_compatible().
 */
int dt_next_device_type(const struct dt_blob *fdt, int start, const char *type)
{
	return dt_next_match(fdt, start, type, dt_is_device_type);
}

/* A #address-cells or #size-cells property of node, or dflt if absent. */
static int dt_cells(const struct dt_blob *fdt, int node, const char *name,
		    uint32_t dflt, uint32_t *cells)
{
	const void *p;
	uint32_t len;

	*cells = dflt;
	if (node < 0)
		return 0;
	p = dt_getprop(fdt, node, name, &len);
	if (!p)
		return 0;
	if (len != 4)
		return DT_ERR_BADVALUE;
	*cells = dt_be32(p);
	return 0;
}

/**
 * dt_read_reg() - Decode one (address, size) pair of a node's "reg".
 * @fdt:	A blob accepted by dt_init().
 * @node:	A node offset.
 * @index:	Which pair, from 0.
 * @addr:	Set to the address.
 * @size:	Set to the size (0 if the parent's #size-cells is 0).
 *
 * The parent's #address-cells (1 or 2, default 2) and #size-cells (0 to 2,
 * default 1) give the layout; for the root, the defaults.
 *
 * Return: 0, DT_ERR_NOTFOUND if there is no "reg" or @index is past the
 * last pair, DT_ERR_BADVALUE if the cell counts are unsupported or "reg"
 * is not a whole number of pairs, or DT_ERR_BADSTRUCTURE.
 */
int dt_read_reg(const struct dt_blob *fdt, int node, unsigned int index,
		uint64_t *addr, uint64_t *size)
{
	uint32_t ac, sc, len, stride;
	const uint8_t *reg;
	int parent, err;

	parent = dt_parent(fdt, node);
	if (parent < 0 && parent != DT_ERR_NOTFOUND)
		return parent;
	reg = dt_getprop(fdt, node, "reg", &len);
	if (!reg)
		return DT_ERR_NOTFOUND;

	err = dt_cells(fdt, parent, "#address-cells", 2, &ac);
	if (!err)
		err = dt_cells(fdt, parent, "#size-cells", 1, &sc);
	if (err)
		return err;
	if (ac < 1 || ac > 2 || sc > 2)
		return DT_ERR_BADVALUE;

	stride = 4 * (ac + sc);
	if (len % stride)
		return DT_ERR_BADVALUE;
	if (index >= len / stride)
		return DT_ERR_NOTFOUND;

	reg += (size_t)index * stride;
	*addr = dt_read_cells(reg, ac);
	*size = dt_read_cells(reg + 4 * ac, sc);
	return 0;
}

/**
 * dt_read_u64() - Read a one- or two-cell integer property.
 * @fdt:	A blob accepted by dt_init().
 * @node:	A node offset.
 * @name:	The property, e.g. "linux,initrd-start".
 * @value:	Set to the value.
 *
 * Return: 0, DT_ERR_NOTFOUND if absent, or DT_ERR_BADVALUE if the
 * property is not 4 or 8 bytes long.
 */
int dt_read_u64(const struct dt_blob *fdt, int node, const char *name,
		uint64_t *value)
{
	const void *p;
	uint32_t len;

	p = dt_getprop(fdt, node, name, &len);
	if (!p)
		return DT_ERR_NOTFOUND;
	if (len != 4 && len != 8)
		return DT_ERR_BADVALUE;
	*value = dt_read_cells(p, len / 4);
	return 0;
}

/**
 * dt_get_mem_rsv() - Read an entry of the memory reservation block.
 * @fdt:	A blob accepted by dt_init().
 * @index:	Which entry, from 0.
 * @addr:	Set to the reserved region's address.
 * @size:	Set to its size.
 *
 * Return: 0, DT_ERR_NOTFOUND at or past the (0, 0) terminator, or
 * DT_ERR_BADSTRUCTURE.
 */
int dt_get_mem_rsv(const struct dt_blob *fdt, unsigned int index,
		   uint64_t *addr, uint64_t *size)
{
	uint32_t off;
	const uint8_t *e;
	unsigned int i;

	if (!fdt->blob || fdt->size < FDT_HDR_V16_SIZE)
		return DT_ERR_BADSTRUCTURE;
	off = dt_hdr(fdt->blob, FDT_HDR_OFF_RSVMAP);
	for (i = 0;; i++, off += FDT_RSV_ENTRY_SIZE) {
		if (!dt_fits(off, FDT_RSV_ENTRY_SIZE, fdt->size))
			return DT_ERR_BADSTRUCTURE;
		e = fdt->blob + off;
		*addr = dt_read_cells(e, 2);
		*size = dt_read_cells(e + 8, 2);
		if (*addr == 0 && *size == 0)
			return DT_ERR_NOTFOUND;
		if (i == index)
			return 0;
	}
}
