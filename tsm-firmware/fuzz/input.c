// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Decode the fuzzer's input into SBI calls (format: input.h). */

#include "input.h"
#include "machine.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Where ranges and G-stage tables begin and end. */
static const uint64_t fuzz_edges[] = {
	FUZZ_RAM_BASE, FUZZ_RAM_END, FUZZ_RAM_END - FUZZ_PAGE,
	FUZZ_SBI_BASE + FUZZ_SBI_SIZE, FUZZ_SBI_BASE + FUZZ_SBI_SIZE - FUZZ_PAGE,
	FUZZ_IMAGE_BASE, FUZZ_IMAGE_BASE - FUZZ_PAGE,
	FUZZ_IMAGE_BASE + FUZZ_IMAGE_SIZE,
	FUZZ_IMAGE_BASE + FUZZ_IMAGE_SIZE - FUZZ_PAGE,
	0x40000000ULL,			/* 1 GiB: the second root entry */
	0x40000000ULL - FUZZ_PAGE,
	0x40200000ULL,			/* the two 2 MiB leaves */
	0x40400000ULL - FUZZ_PAGE,
	FUZZ_UART_BASE,
	1ULL << 41, (1ULL << 41) - FUZZ_PAGE,	/* Sv39x4's GPA limit */
	1ULL << 32, 0x80000000ULL,
};

static const uint64_t fuzz_specials[] = {
	0, 1, 2, 16, 48, 64, 4096,
	~0ULL, ~0ULL - FUZZ_PAGE + 1, 1ULL << 63, (1ULL << 63) - 1,
	~0ULL / FUZZ_PAGE, ~0ULL / FUZZ_PAGE + 1, (1ULL << 52),
	(1ULL << 51) + 1, 0xffffffffULL, 1ULL << 20,
};

uint8_t fuzz_input_start(struct fuzz_input *in, const uint8_t *data,
			 size_t size)
{
	in->data = data;
	in->size = size;
	in->pos = size ? 1 : 0;
	in->calls = 0;
	return size ? data[0] : 0;
}

/* The n-th (wrapping) tracked page for which match() holds. */
static uint64_t nth_page(unsigned long n, bool (*match)(const struct page_info *,
							unsigned int),
			 unsigned int arg)
{
	unsigned long count = 0, seen = 0;

	for (unsigned long i = 0; i < tsm.pages.count; i++)
		count += match(&tsm.pages.pages[i], arg);
	if (!count)
		return machine_tracked_addr(0);
	n %= count;
	for (unsigned long i = 0; i < tsm.pages.count; i++)
		if (match(&tsm.pages.pages[i], arg) && seen++ == n)
			return machine_tracked_addr(i);
	return machine_tracked_addr(0);
}

static bool in_state(const struct page_info *p, unsigned int state)
{
	return p->state == state;
}

static bool owned_by(const struct page_info *p, unsigned int tvm)
{
	return p->tvm == tvm && (p->state == TSM_PAGE_TVM_METADATA ||
				 p->state == TSM_PAGE_TVM_MEMORY);
}

static uint64_t host_page(unsigned long n)
{
	unsigned long total = 0;

	for (unsigned int r = 0; r < tsm.host_mem.nr_ranges; r++)
		total += tsm.host_mem.ranges[r].size / FUZZ_PAGE;
	n %= total;
	for (unsigned int r = 0; r < tsm.host_mem.nr_ranges; r++) {
		unsigned long count = tsm.host_mem.ranges[r].size / FUZZ_PAGE;

		if (n < count)
			return tsm.host_mem.ranges[r].base + n * FUZZ_PAGE;
		n -= count;
	}
	return tsm.host_mem.ranges[0].base;
}

static uint64_t make_value(unsigned int kind, unsigned int p)
{
	switch (kind) {
	case FUZZ_ARG_RAM:
		return FUZZ_RAM_BASE + (p % FUZZ_RAM_PAGES) * FUZZ_PAGE;
	case FUZZ_ARG_HOST:
		return host_page(p);
	case FUZZ_ARG_STATE:
		return nth_page(p >> 3, in_state, (p & 7) % TSM_PAGE_STATE_COUNT);
	case FUZZ_ARG_OWNED:
		return nth_page(p >> 3, owned_by, (p & 7) % CONFIG_TSM_MAX_TVMS + 1);
	case FUZZ_ARG_IMAGE:
		if (p & 0x8000)
			return FUZZ_SBI_BASE +
			       ((p & 0x7fff) % (FUZZ_SBI_SIZE / FUZZ_PAGE)) * FUZZ_PAGE;
		return FUZZ_IMAGE_BASE + (p % (FUZZ_IMAGE_SIZE / FUZZ_PAGE)) * FUZZ_PAGE;
	case FUZZ_ARG_EDGE:
		return fuzz_edges[p % ARRAY_SIZE(fuzz_edges)];
	case FUZZ_ARG_SPECIAL:
		return fuzz_specials[p % ARRAY_SIZE(fuzz_specials)];
	case FUZZ_ARG_TVM:
		return p % (CONFIG_TSM_MAX_TVMS + 2);
	case FUZZ_ARG_GPA:
		return 0x80000000ULL + (uint64_t)p * FUZZ_PAGE;
	case FUZZ_ARG_PAGES:
		return (uint64_t)p * FUZZ_PAGE;
	default:
		return p;
	}
}

static uint64_t tweak(uint64_t v, unsigned int how)
{
	switch (how) {
	case FUZZ_TWEAK_PLUS_1:		return v + 1;
	case FUZZ_TWEAK_MINUS_1:	return v - 1;
	case FUZZ_TWEAK_PLUS_PAGE:	return v + FUZZ_PAGE;
	case FUZZ_TWEAK_MINUS_PAGE:	return v - FUZZ_PAGE;
	case FUZZ_TWEAK_PLUS_2M:	return v + SZ_2M;
	case FUZZ_TWEAK_MINUS_2M:	return v - SZ_2M;
	case FUZZ_TWEAK_NOT:		return ~v;
	default:			return v;
	}
}

/* The other extensions FUZZ_OP_OTHER_EXT reaches, by a5 % 6. */
static void other_extension(struct fuzz_call *call)
{
	switch (call->args[5] % 6) {
	case 0:
		call->eid = SBI_EXT_COVG;
		call->a6 = call->args[4] % 16;
		break;
	case 1:
		call->eid = SBI_EXT_COVI;
		call->a6 = call->args[4] % 16;
		break;
	case 2:
		call->eid = SBI_EXT_BASE;
		call->a6 = SBI_EXT_BASE_PROBE_EXTENSION;
		break;
	case 3:
		call->eid = SBI_EXT_DBCN;
		call->a6 = SBI_EXT_DBCN_CONSOLE_WRITE;
		break;
	case 4:
		call->eid = SBI_EXT_DBCN;
		call->a6 = SBI_EXT_DBCN_CONSOLE_READ;
		break;
	default:
		call->eid = SBI_EXT_HSM;
		call->a6 = SBI_EXT_HSM_HART_START;
		break;
	}
}

bool fuzz_next_call(struct fuzz_input *in, unsigned int harts,
		    struct fuzz_call *call)
{
	const uint8_t *e = in->data + in->pos;

	if (in->calls == FUZZ_MAX_CALLS || in->size - in->pos < FUZZ_ENTRY_SIZE)
		return false;
	in->pos += FUZZ_ENTRY_SIZE;
	in->calls++;
	call->op = (e[0] & 0x7f) % FUZZ_OP_COUNT;
	call->hart = (e[0] >> 7) % harts;
	for (unsigned int i = 0; i < 6; i++) {
		const uint8_t *a = e + 1 + 3 * i;
		unsigned int p = a[1] | (unsigned int)a[2] << 8;

		call->args[i] = tweak(make_value((a[0] & 0xf) % FUZZ_ARG_KINDS, p),
				      (a[0] >> 4) & 7);
	}
	call->eid = SBI_EXT_COVH;
	call->a6 = call->op;
	if (call->op == FUZZ_OP_COVH_RAW) {
		call->a6 = call->args[5];
		call->args[5] = 0;
	} else if (call->op == FUZZ_OP_OTHER_EXT) {
		other_extension(call);
	} else if (call->op == FUZZ_OP_SET_SHMEM) {
		call->eid = SBI_EXT_NACL;
		call->a6 = SBI_EXT_NACL_SET_SHMEM;
	} else if (call->op == FUZZ_OP_PROBE_FEATURE) {
		call->eid = SBI_EXT_NACL;
		call->a6 = SBI_EXT_NACL_PROBE_FEATURE;
	}
	return true;
}
