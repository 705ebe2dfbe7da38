/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * A small FDT writer: copies a blob the reader (tsm/fdt.h) validated into
 * a new one, token by token, leaving out nodes and properties, replacing
 * properties and adding new ones.
 *
 * The output is a version 17 blob: header, the input's memory reservation
 * block, the new structure block, then the input's strings block with the
 * names the input lacks appended.  Every write is bounds-checked against
 * the caller's buffer; the first error sticks and dt_writer_finish()
 * returns it, so callers may write several pieces and check once.
 */
#ifndef __TSM_DT_WRITER_H__
#define __TSM_DT_WRITER_H__

#include <stddef.h>
#include <stdint.h>

#include "tsm/fdt.h"

/* More errors, after fdt.h's. */
#define DT_ERR_NOSPACE		(-7)	/* the output buffer is too small */

/* Property names the input's strings block lacks, per output blob. */
#define DT_WRITER_MAX_NAMES	16

struct dt_writer {
	const struct dt_blob *in;
	uint8_t *buf;
	uint32_t cap;
	uint32_t off_struct;	/* where the structure block starts */
	uint32_t pos;		/* next free byte of the structure block */
	const char *names[DT_WRITER_MAX_NAMES];
	uint32_t nr_names;
	uint32_t names_len;	/* bytes the appended names take */
	unsigned int depth;	/* nodes begun and not ended */
	int err;
};

/**
 * struct dt_filter - What dt_writer_copy() changes; NULL hooks do nothing.
 * @keep_node:	false leaves the node and its whole subtree out.
 * @prop:	Called for each property of a kept node.  The hook writes
 *		what the output gets (dt_writer_prop() with the same or
 *		another value, or nothing to drop it); without the hook, each
 *		property is copied.
 * @add_props:	After a kept node's properties: add properties.
 * @add_children:	Before a kept node ends: add child nodes.
 * @ctx:	Passed to every hook.
 */
struct dt_filter {
	bool (*keep_node)(void *ctx, const struct dt_blob *in, int node);
	void (*prop)(void *ctx, struct dt_writer *w, int node,
		     const struct dt_token *prop);
	void (*add_props)(void *ctx, struct dt_writer *w, int node);
	void (*add_children)(void *ctx, struct dt_writer *w, int node);
	void *ctx;
};

/* Start a blob from in into buf (cap bytes; any alignment of 8). */
void dt_writer_init(struct dt_writer *w, const struct dt_blob *in, void *buf,
		    size_t cap);

/*
 * Write nodes and properties.  A property name must stay valid until
 * dt_writer_finish(): a string literal, or a name inside the input blob.
 */
void dt_writer_begin_node(struct dt_writer *w, const char *name);
void dt_writer_end_node(struct dt_writer *w);
void dt_writer_prop(struct dt_writer *w, const char *name, const void *value,
		    uint32_t len);
void dt_writer_prop_u64(struct dt_writer *w, const char *name, uint64_t v);

/* Copy the whole input tree through filter (may be NULL: copy as is). */
void dt_writer_copy(struct dt_writer *w, const struct dt_filter *filter);

/*
 * End the structure block, write the strings block and the header.  0 and
 * the blob's totalsize in *size, or the first error (DT_ERR_NOSPACE, or
 * DT_ERR_BADSTRUCTURE for unbalanced nodes or a corrupt input).
 */
int dt_writer_finish(struct dt_writer *w, uint32_t *size);

#endif /* __TSM_DT_WRITER_H__ */
