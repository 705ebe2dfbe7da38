// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * A small FDT writer (see tsm/dt_writer.h), from the devicetree
 * specification's chapter 5.  The input was validated by dt_init(), but
 * is still walked with dt_get_token(), which checks every token again.
 * Property names the input already holds keep their string offsets, so
 * copied properties are copied as they are.
 */

#include <stdbool.h>
#include <stdint.h>

#include "tsm/dt_writer.h"
#include "covekit/string.h"

#define HDR_SIZE	40	/* version 17 header */
#define RSV_ENTRY	16
#define FDT_MAGIC	0xd00dfeedU

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static void put_be64(uint8_t *p, uint64_t v)
{
	put_be32(p, (uint32_t)(v >> 32));
	put_be32(p + 4, (uint32_t)v);
}

static uint32_t align4(uint32_t v)
{
	return (v + 3) & ~3U;
}

static void fail(struct dt_writer *w, int err)
{
	if (!w->err)
		w->err = err;
}

/*
 * Room for n more bytes of structure block (then zero-padded to 4):
 * a pointer to them, or NULL (and DT_ERR_NOSPACE) if they do not fit.
 */
static uint8_t *reserve(struct dt_writer *w, uint32_t n)
{
	uint32_t padded;
	uint8_t *p;

	if (w->err)
		return NULL;
	if (n > w->cap || w->cap - w->pos < align4(n) || align4(n) < n) {
		fail(w, DT_ERR_NOSPACE);
		return NULL;
	}
	padded = align4(n);
	p = w->buf + w->pos;
	memset(p, 0, padded);
	w->pos += padded;
	return p;
}

static void put_token(struct dt_writer *w, uint32_t tag)
{
	uint8_t *p = reserve(w, 4);

	if (p)
		put_be32(p, tag);
}

/**
 * dt_writer_init() - Start a new blob.
 * @w:		The writer.
 * @in:		A blob accepted by dt_init(): its reservation block and
 *		strings block are carried over.
 * @buf:	The output; must not overlap @in.
 * @cap:	Its size in bytes.
 *
 * Writes the reservation block at once; a buffer too small for it (or
 * larger than the reader accepts) makes dt_writer_finish() fail.
 */
void dt_writer_init(struct dt_writer *w, const struct dt_blob *in, void *buf,
		    size_t cap)
{
	uint64_t addr, size;
	unsigned int i;

	memset(w, 0, sizeof(*w));
	w->in = in;
	w->buf = buf;
	w->cap = cap > 0x7fffffffU ? 0x7fffffffU : (uint32_t)cap;
	w->pos = HDR_SIZE;
	for (i = 0;; i++) {
		if (w->cap < w->pos || w->cap - w->pos < RSV_ENTRY) {
			fail(w, DT_ERR_NOSPACE);
			return;
		}
		if (dt_get_mem_rsv(in, i, &addr, &size)) {
			/* The (0, 0) terminator. */
			memset(w->buf + w->pos, 0, RSV_ENTRY);
			w->pos += RSV_ENTRY;
			break;
		}
		put_be64(w->buf + w->pos, addr);
		put_be64(w->buf + w->pos + 8, size);
		w->pos += RSV_ENTRY;
	}
	w->off_struct = w->pos;
}

void dt_writer_begin_node(struct dt_writer *w, const char *name)
{
	uint32_t n = (uint32_t)strlen(name) + 1;
	uint8_t *p = reserve(w, 4 + n);

	if (!p)
		return;
	put_be32(p, DT_TOKEN_BEGIN_NODE);
	memcpy(p + 4, name, n);
	w->depth++;
}

void dt_writer_end_node(struct dt_writer *w)
{
	if (w->depth == 0) {
		fail(w, DT_ERR_BADSTRUCTURE);
		return;
	}
	put_token(w, DT_TOKEN_END_NODE);
	if (!w->err)
		w->depth--;
}

/* Offset of name in the input's strings block (whole string), or -1. */
static int64_t input_name(const struct dt_blob *in, const char *name)
{
	const char *s = (const char *)in->blob + in->off_strings;
	uint32_t off = 0, n;

	/* A pointer into the block (a copied property's name). */
	if (name >= s && name < s + in->size_strings)
		return name - s;
	while (off < in->size_strings) {
		n = (uint32_t)strnlen(s + off, in->size_strings - off);
		if (n == in->size_strings - off)
			break;	/* unterminated tail */
		if (!strcmp(s + off, name))
			return off;
		off += n + 1;
	}
	return -1;
}

/* The strings-block offset name gets in the output; -1 if out of room. */
static int64_t name_offset(struct dt_writer *w, const char *name)
{
	int64_t off = input_name(w->in, name);
	uint32_t i, at = w->in->size_strings;

	if (off >= 0)
		return off;
	for (i = 0; i < w->nr_names; i++) {
		if (!strcmp(w->names[i], name))
			return at;
		at += (uint32_t)strlen(w->names[i]) + 1;
	}
	if (w->nr_names == DT_WRITER_MAX_NAMES) {
		fail(w, DT_ERR_NOSPACE);
		return -1;
	}
	w->names[w->nr_names++] = name;
	w->names_len += (uint32_t)strlen(name) + 1;
	return at;
}

/**
 * dt_writer_prop() - Write a property of the node begun last.
 * @w:		The writer.
 * @name:	Its name; valid until dt_writer_finish().
 * @value:	len bytes (may be NULL when len is 0).
 * @len:	Length of the value.
 */
void dt_writer_prop(struct dt_writer *w, const char *name, const void *value,
		    uint32_t len)
{
	int64_t nameoff;
	uint8_t *p;

	if (w->depth == 0) {
		fail(w, DT_ERR_BADSTRUCTURE);
		return;
	}
	nameoff = name_offset(w, name);
	if (nameoff < 0 || len > 0x7fffffffU - 12) {
		fail(w, DT_ERR_NOSPACE);
		return;
	}
	p = reserve(w, 12 + len);
	if (!p)
		return;
	put_be32(p, DT_TOKEN_PROP);
	put_be32(p + 4, len);
	put_be32(p + 8, (uint32_t)nameoff);
	if (len)
		memcpy(p + 12, value, len);
}

/* A 64-bit value as two cells (linux,initrd-start and -end). */
void dt_writer_prop_u64(struct dt_writer *w, const char *name, uint64_t v)
{
	uint8_t cells[8];

	put_be64(cells, v);
	dt_writer_prop(w, name, cells, sizeof(cells));
}

/**
 * dt_writer_copy() - Copy the input tree through a filter.
 * @w:		A writer between dt_writer_init() and dt_writer_finish(),
 *		with no node open.
 * @filter:	The changes; NULL copies the tree unchanged (NOPs dropped).
 */
void dt_writer_copy(struct dt_writer *w, const struct dt_filter *filter)
{
	static const struct dt_filter none;
	const struct dt_filter *f = filter ? filter : &none;
	int node[DT_MAX_DEPTH] = { 0 };
	bool props_done[DT_MAX_DEPTH] = { false };
	unsigned int depth = 0, skip_from = 0;	/* 0: not skipping */
	struct dt_token tok;
	int off = 0;

	if (w->depth) {
		fail(w, DT_ERR_BADSTRUCTURE);
		return;
	}
	while (!w->err) {
		if (dt_get_token(w->in, off, &tok)) {
			fail(w, DT_ERR_BADSTRUCTURE);
			return;
		}
		switch (tok.tag) {
		case DT_TOKEN_BEGIN_NODE:
			if (depth >= DT_MAX_DEPTH) {
				fail(w, DT_ERR_BADSTRUCTURE);
				return;
			}
			depth++;
			if (skip_from)
				break;
			if (depth > 1 && !props_done[depth - 2]) {
				props_done[depth - 2] = true;
				if (f->add_props)
					f->add_props(f->ctx, w, node[depth - 2]);
			}
			if (f->keep_node && !f->keep_node(f->ctx, w->in, off)) {
				skip_from = depth;
				break;
			}
			node[depth - 1] = off;
			props_done[depth - 1] = false;
			dt_writer_begin_node(w, tok.name);
			break;
		case DT_TOKEN_END_NODE:
			if (depth == 0) {
				fail(w, DT_ERR_BADSTRUCTURE);
				return;
			}
			if (skip_from) {
				if (depth-- == skip_from)
					skip_from = 0;
				break;
			}
			depth--;
			if (!props_done[depth] && f->add_props)
				f->add_props(f->ctx, w, node[depth]);
			if (f->add_children)
				f->add_children(f->ctx, w, node[depth]);
			dt_writer_end_node(w);
			break;
		case DT_TOKEN_PROP:
			if (skip_from || depth == 0)
				break;
			if (f->prop)
				f->prop(f->ctx, w, node[depth - 1], &tok);
			else
				dt_writer_prop(w, tok.name, tok.value, tok.len);
			break;
		case DT_TOKEN_END:
			if (depth)
				fail(w, DT_ERR_BADSTRUCTURE);
			return;
		default:	/* DT_TOKEN_NOP */
			break;
		}
		off = tok.next;
	}
}

/**
 * dt_writer_finish() - Complete the blob.
 * @w:		The writer.
 * @size:	The blob's totalsize, on success.
 *
 * Return: 0, or the first error any write met.
 */
int dt_writer_finish(struct dt_writer *w, uint32_t *size)
{
	uint32_t size_struct, strings, size_strings, i, n;
	uint8_t *p;

	if (!w->err && w->depth)
		fail(w, DT_ERR_BADSTRUCTURE);
	put_token(w, DT_TOKEN_END);
	if (w->err)
		return w->err;

	size_struct = w->pos - w->off_struct;
	strings = w->pos;
	size_strings = w->in->size_strings + w->names_len;
	if (size_strings < w->names_len || w->cap - strings < size_strings)
		return DT_ERR_NOSPACE;
	memcpy(w->buf + strings, w->in->blob + w->in->off_strings,
	       w->in->size_strings);
	p = w->buf + strings + w->in->size_strings;
	for (i = 0; i < w->nr_names; i++) {
		n = (uint32_t)strlen(w->names[i]) + 1;
		memcpy(p, w->names[i], n);
		p += n;
	}

	p = w->buf;
	memset(p, 0, HDR_SIZE);
	put_be32(p + 0, FDT_MAGIC);
	put_be32(p + 4, strings + size_strings);	/* totalsize */
	put_be32(p + 8, w->off_struct);
	put_be32(p + 12, strings);
	put_be32(p + 16, HDR_SIZE);			/* off_mem_rsvmap */
	put_be32(p + 20, 17);				/* version */
	put_be32(p + 24, 16);				/* last_comp_version */
	put_be32(p + 28, dt_be32(w->in->blob + 28));	/* boot_cpuid_phys */
	put_be32(p + 32, size_strings);
	put_be32(p + 36, size_struct);
	*size = strings + size_strings;
	return 0;
}
