// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The invariants (invariants.h), checked against the TSM's own state:
 * the page tracker, the TVM slots and both kinds of G-stage table, walked
 * here from their roots independently of gstage.c.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "invariants.h"
#include "sbi_cove_types.h"
#include "tsm/dispatch.h"
#include "tsm/vcpu.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Sv39x4 PTE bits (privileged spec, "Virtual Address Translation"). */
#define PTE_V		(1ULL << 0)
#define PTE_R		(1ULL << 1)
#define PTE_RWX		(7ULL << 1)
#define PTE_U		(1ULL << 4)
#define PTE_PPN_SHIFT	10
#define PTE_FLAGS	((1ULL << PTE_PPN_SHIFT) - 1)

#define POOL_MAX	(CONFIG_TSM_TVM_MAX_PT_PAGES > FUZZ_MAX_POOL ? \
			 CONFIG_TSM_TVM_MAX_PT_PAGES : FUZZ_MAX_POOL)

static const unsigned int level_shift[3] = { 30, 21, 12 };

static bool host_mapped[FUZZ_RAM_PAGES];
static uint8_t tvm_maps[FUZZ_HOST_PAGES];	/* TVM mappings of each page */
static const uint8_t zero_page[FUZZ_PAGE];

/* The call being checked, for the failure message. */
static const struct fuzz_call *cur_call;
static unsigned int cur_index;
static bool cur_answered;
static struct sbiret cur_ret;
static int cur_exit_hart = -1;	/* checking this hart's deferred exit */

static void describe_call(void)
{
	char name[64];
	const struct fuzz_call *c = cur_call;

	if (cur_exit_hart >= 0) {
		fprintf(stderr, "covh_fuzz: when hart %d's vCPU exited, before "
			"call %u\n", cur_exit_hart, cur_index);
		return;
	}
	if (!c) {
		fprintf(stderr, "covh_fuzz: at boot, before any call\n");
		return;
	}
	if (c->op == FUZZ_OP_HOST_WRITE)
		snprintf(name, sizeof(name), "host write");
	else
		dispatch_call_name(c->eid, c->a6, name, sizeof(name));
	fprintf(stderr, "covh_fuzz: after call %u on hart %u: %s(%#lx, %#lx, %#lx, "
		"%#lx, %#lx, %#lx)", cur_index, c->hart, name, c->args[0],
		c->args[1], c->args[2], c->args[3], c->args[4], c->args[5]);
	if (c->op == FUZZ_OP_HOST_WRITE)
		fprintf(stderr, "\n");
	else if (cur_answered)
		fprintf(stderr, " -> error %ld, value %ld\n", cur_ret.error,
			cur_ret.value);
	else
		fprintf(stderr, " -> forwarded to OpenSBI\n");
}

static void __attribute__((noreturn, format(printf, 1, 2)))
fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "\ncovh_fuzz: INVARIANT FAILED: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	describe_call();
	abort();
}

static const char *state_name(unsigned int s)
{
	return s < TSM_PAGE_STATE_COUNT ? tsm_page_state_names[s] : "(bad state)";
}

static long tracker_index(const struct page_info *p)
{
	return p ? p - tsm.pages.pages : -1;
}

/* --- G-stage walker ----------------------------------------------------- */

struct walker {
	const struct gstage_pool *pool;
	const char *who;
	unsigned int tvm_id;	/* 0: the host */
	const struct tvm *tvm;
	bool taken[POOL_MAX];
	unsigned int tables;
	void (*leaf)(struct walker *w, uint64_t gpa, uint64_t hpa,
		     uint64_t size, unsigned int prot);
};

/* Which of the pool's taken pages table is; every table must be one. */
static unsigned int pool_index(struct walker *w, const uint64_t *table)
{
	for (unsigned int i = 0; i < w->pool->used && i < POOL_MAX; i++)
		if (w->pool->pages[i] == table)
			return i;
	fail("%s G-stage: table %p is not a page taken from its pool "
	     "(%u of %u taken)", w->who, (const void *)table, w->pool->used,
	     w->pool->nr_pages);
}

static void walk_table(struct walker *w, const uint64_t *table,
		       unsigned int level, uint64_t base)
{
	unsigned int entries = level == 0 ? 2048 : 512;

	for (unsigned int i = 0; i < entries; i++) {
		uint64_t pte = table[i];
		uint64_t gpa = base + ((uint64_t)i << level_shift[level]);
		uint64_t pa = (pte >> PTE_PPN_SHIFT) << 12;
		uint64_t size = 1ULL << level_shift[level];

		if (!(pte & PTE_V))
			continue;
		if (pte & PTE_RWX) {
			if (!(pte & PTE_R) || !(pte & PTE_U))
				fail("%s G-stage: leaf for %#llx is %#llx: no R or U",
				     w->who, (unsigned long long)gpa,
				     (unsigned long long)pte);
			if (pa & (size - 1))
				fail("%s G-stage: leaf for %#llx maps unaligned %#llx",
				     w->who, (unsigned long long)gpa,
				     (unsigned long long)pa);
			w->leaf(w, gpa, pa, size, (unsigned int)(pte & PTE_RWX));
			continue;
		}
		if (level == 2 || pte & PTE_FLAGS & ~PTE_V)
			fail("%s G-stage: bad pointer PTE %#llx for %#llx at level %u",
			     w->who, (unsigned long long)pte,
			     (unsigned long long)gpa, level);
		unsigned int idx = pool_index(w, (const uint64_t *)(uintptr_t)pa);

		if (w->taken[idx])
			fail("%s G-stage: table %#llx is linked twice", w->who,
			     (unsigned long long)pa);
		w->taken[idx] = true;
		w->tables++;
		walk_table(w, (const uint64_t *)(uintptr_t)pa, level + 1, gpa);
	}
}

/* Walk every leaf; the tables found must be exactly the pool's taken ones. */
static void walk(struct walker *w)
{
	if (w->pool->used > w->pool->nr_pages)
		fail("%s G-stage pool: %u tables taken of %u", w->who,
		     w->pool->used, w->pool->nr_pages);
	walk_table(w, w->pool->root, 0, 0);
	if (w->tables != w->pool->used)
		fail("%s G-stage pool: used is %u but a walk from the root finds "
		     "%u tables", w->who, w->pool->used, w->tables);
}

/* --- the host's G-stage -------------------------------------------------- */

static void host_leaf(struct walker *w, uint64_t gpa, uint64_t hpa,
		      uint64_t size, unsigned int prot)
{
	if (hpa != gpa)
		fail("host G-stage: %#llx maps %#llx, not itself",
		     (unsigned long long)gpa, (unsigned long long)hpa);
	if (gpa == FUZZ_UART_BASE && size == FUZZ_PAGE) {
		if (prot != (GSTAGE_R | GSTAGE_W))
			fail("host G-stage: the UART has permissions %#x", prot);
		return;
	}
	if (!machine_host_owns(gpa, size))
		fail("host G-stage maps %#llx+%#llx, which is not host memory "
		     "(the TSM image is %#llx+%#llx)", (unsigned long long)gpa,
		     (unsigned long long)size, FUZZ_IMAGE_BASE, FUZZ_IMAGE_SIZE);
	if (prot != GSTAGE_RWX)
		fail("host G-stage: %#llx has permissions %#x",
		     (unsigned long long)gpa, prot);
	for (uint64_t page = gpa; page < gpa + size; page += FUZZ_PAGE) {
		const struct page_info *p = machine_page(page);

		host_mapped[(page - FUZZ_RAM_BASE) / FUZZ_PAGE] = true;
		if (p && p->state != TSM_PAGE_HOST)
			fail("page %#llx is %s but mapped in the host's G-stage",
			     (unsigned long long)page, state_name(p->state));
	}
	(void)w;
}

/* The host's G-stage maps exactly its HOST pages (and untracked ones). */
static void check_host_gstage(void)
{
	struct walker w = { .pool = &tsm.host_gstage, .who = "host",
			    .leaf = host_leaf };

	memset(host_mapped, 0, sizeof(host_mapped));
	walk(&w);
	for (unsigned int r = 0; r < tsm.host_mem.nr_ranges; r++) {
		const struct mem_range *range = &tsm.host_mem.ranges[r];

		for (uint64_t page = range->base; page < range->base + range->size;
		     page += FUZZ_PAGE) {
			const struct page_info *p = machine_page(page);
			bool mapped = host_mapped[(page - FUZZ_RAM_BASE) / FUZZ_PAGE];

			if (!mapped && (!p || p->state == TSM_PAGE_HOST))
				fail("page %#llx is %s but not mapped in the host's "
				     "G-stage", (unsigned long long)page,
				     p ? "HOST" : "the host's (untracked)");
		}
	}
}

bool inv_host_mapped(uint64_t addr)
{
	return machine_in_ram(addr, 1) &&
	       host_mapped[(addr - FUZZ_RAM_BASE) / FUZZ_PAGE];
}

/* --- TVMs ---------------------------------------------------------------- */

static bool in_region(const struct tvm *tvm, uint64_t gpa, uint64_t size)
{
	for (unsigned int i = 0; i < tvm->nr_regions; i++)
		if (gpa >= tvm->regions[i].gpa &&
		    gpa + size <= tvm->regions[i].gpa + tvm->regions[i].size)
			return true;
	return false;
}

static void tvm_leaf(struct walker *w, uint64_t gpa, uint64_t hpa,
		     uint64_t size, unsigned int prot)
{
	if (!in_region(w->tvm, gpa, size))
		fail("TVM %u maps GPA %#llx+%#llx outside its regions", w->tvm_id,
		     (unsigned long long)gpa, (unsigned long long)size);
	for (uint64_t off = 0; off < size; off += FUZZ_PAGE) {
		const struct page_info *p = machine_page(hpa + off);

		if (!p || p->state != TSM_PAGE_TVM_MEMORY || p->tvm != w->tvm_id)
			fail("TVM %u maps GPA %#llx to %#llx, which is %s of TVM %u",
			     w->tvm_id, (unsigned long long)(gpa + off),
			     (unsigned long long)(hpa + off),
			     p ? state_name(p->state) : "not a tracked page",
			     p ? p->tvm : 0);
		if (tvm_maps[tracker_index(p)] < UINT8_MAX)
			tvm_maps[tracker_index(p)]++;
	}
	(void)prot;
}

/* n pages from base must all be the TVM's metadata. */
static void check_metadata(unsigned int id, uint64_t base, unsigned long n,
			   const char *what)
{
	for (unsigned long i = 0; i < n; i++) {
		const struct page_info *p = machine_page(base + i * FUZZ_PAGE);

		if (!p || p->state != TSM_PAGE_TVM_METADATA || p->tvm != id)
			fail("TVM %u: its %s page %#llx is %s of TVM %u", id, what,
			     (unsigned long long)(base + i * FUZZ_PAGE),
			     p ? state_name(p->state) : "not a tracked page",
			     p ? p->tvm : 0);
	}
}

static void check_tvm(unsigned int id)
{
	const struct tvm *tvm = &tsm.tvms[id - 1];
	struct walker w = { .pool = &tvm->gstage, .who = "TVM", .tvm_id = id,
			    .tvm = tvm, .leaf = tvm_leaf };

	if (tvm->state != SBI_TVM_STATE_INITIALIZING &&
	    tvm->state != SBI_TVM_STATE_RUNNABLE)
		fail("TVM %u is in state %u", id, tvm->state);
	if ((uintptr_t)tvm->gstage.root != tvm->page_directory ||
	    tvm->gstage.nr_pages > CONFIG_TSM_TVM_MAX_PT_PAGES)
		fail("TVM %u: G-stage root %p, page directory %#llx, %u table pages",
		     id, (void *)tvm->gstage.root,
		     (unsigned long long)tvm->page_directory, tvm->gstage.nr_pages);
	check_metadata(id, tvm->page_directory, TVM_PAGE_DIRECTORY_SIZE / FUZZ_PAGE,
		       "page directory");
	check_metadata(id, tvm->state_addr, CONFIG_TSM_TVM_STATE_PAGES, "state");
	for (unsigned int v = 0; v < CONFIG_TSM_MAX_VCPUS; v++)
		if (tvm->vcpu_state[v])
			check_metadata(id, tvm->vcpu_state[v],
				       CONFIG_TSM_VCPU_STATE_PAGES, "vCPU state");
	for (unsigned int i = 0; i < tvm->gstage.nr_pages; i++)
		check_metadata(id, (uintptr_t)tvm->pt_pages[i], 1, "page-table");
	walk(&w);
}

/*
 * Every TVM maps only its own TVM_MEMORY pages, each exactly once; a page
 * names a live TVM exactly when it is in a TVM_* state.
 */
static void check_tvms(void)
{
	memset(tvm_maps, 0, sizeof(tvm_maps));
	for (unsigned int id = 1; id <= CONFIG_TSM_MAX_TVMS; id++)
		if (tsm.tvms[id - 1].in_use)
			check_tvm(id);
	for (unsigned long i = 0; i < tsm.pages.count; i++) {
		const struct page_info *p = &tsm.pages.pages[i];
		bool tvm_state = p->state == TSM_PAGE_TVM_METADATA ||
				 p->state == TSM_PAGE_TVM_MEMORY;
		uint64_t addr;

		if (p->state == TSM_PAGE_HOST && !p->tvm)
			continue;	/* the common case, quickly */
		addr = machine_tracked_addr(i);

		if (!tsm_page_state_valid(p->state))
			fail("page %#llx has state %u", (unsigned long long)addr,
			     p->state);
		if (tvm_state && (p->tvm < 1 || p->tvm > CONFIG_TSM_MAX_TVMS ||
				  !tsm.tvms[p->tvm - 1].in_use))
			fail("page %#llx is %s of TVM %u, which does not exist",
			     (unsigned long long)addr, state_name(p->state), p->tvm);
		if (!tvm_state && p->tvm)
			fail("page %#llx is %s but names TVM %u",
			     (unsigned long long)addr, state_name(p->state), p->tvm);
		if (p->state == TSM_PAGE_TVM_MEMORY && tvm_maps[i] != 1)
			fail("TVM_MEMORY page %#llx of TVM %u is mapped %u times in "
			     "its G-stage", (unsigned long long)addr, p->tvm,
			     tvm_maps[i]);
	}
}

/* --- vCPUs and NACL areas ----------------------------------------------- */

/*
 * vCPU state is sane; a vCPU marked running is the one its hart is in, so
 * no hart runs two and no vCPU runs on two harts.
 */
static void check_vcpus(void)
{
	unsigned int seen[FUZZ_HARTS] = { 0 };

	for (unsigned int id = 1; id <= CONFIG_TSM_MAX_TVMS; id++) {
		struct tvm *tvm = &tsm.tvms[id - 1];

		if (!tvm->in_use)
			continue;
		for (unsigned int i = 0; i < CONFIG_TSM_MAX_VCPUS; i++) {
			struct vcpu_state *v = vcpu_get(tvm, i);
			unsigned int r;

			if (!v)
				continue;
			r = v->running;
			if (v->status > VCPU_DEAD || v->resume > VCPU_RESUME_SKIP)
				fail("vCPU %u of TVM %u: status %u, resume %u", i, id,
				     v->status, v->resume);
			if (tvm->state == SBI_TVM_STATE_INITIALIZING &&
			    (v->status != VCPU_CREATED || r))
				fail("vCPU %u of TVM %u is %s before finalize", i, id,
				     r ? "running" : "started");
			if (!r)
				continue;
			if (r > FUZZ_HARTS || fuzz_in_guest[r - 1] != v ||
			    fuzz_in_guest_tvm[r - 1] != tvm)
				fail("vCPU %u of TVM %u is marked running on hart %u, "
				     "which is not in it", i, id, r - 1);
			seen[r - 1]++;
		}
	}
	for (unsigned int h = 0; h < FUZZ_HARTS; h++)
		if (fuzz_in_guest[h] && seen[h] != 1)
			fail("hart %u is in a vCPU, but %u live vCPUs are marked "
			     "running on it", h, seen[h]);
}

/* Every vCPU's state, zero where none: to compare before and after. */
static void snap_vcpus(struct vcpu_state out[CONFIG_TSM_MAX_TVMS][CONFIG_TSM_MAX_VCPUS])
{
	memset(out, 0, sizeof(struct vcpu_state) * CONFIG_TSM_MAX_TVMS *
		       CONFIG_TSM_MAX_VCPUS);
	for (unsigned int t = 0; t < CONFIG_TSM_MAX_TVMS; t++) {
		if (!tsm.tvms[t].in_use)
			continue;
		for (unsigned int i = 0; i < CONFIG_TSM_MAX_VCPUS; i++) {
			struct vcpu_state *v = vcpu_get(&tsm.tvms[t], i);

			if (v)
				out[t][i] = *v;
		}
	}
}

static struct vcpu_state vcpus_now[CONFIG_TSM_MAX_TVMS][CONFIG_TSM_MAX_VCPUS];

/* A DEAD vCPU stays DEAD, and the run that entered a vCPU found it STARTED. */
static void check_vcpu_life(const struct inv_snapshot *before)
{
	snap_vcpus(vcpus_now);
	for (unsigned int t = 0; t < CONFIG_TSM_MAX_TVMS; t++)
		for (unsigned int i = 0; i < CONFIG_TSM_MAX_VCPUS; i++)
			if (before->tvms[t].in_use && tsm.tvms[t].in_use &&
			    before->tvms[t].vcpu_state[i] == tsm.tvms[t].vcpu_state[i] &&
			    before->vcpus[t][i].status == VCPU_DEAD &&
			    vcpus_now[t][i].status != VCPU_DEAD)
				fail("vCPU %u of TVM %u came back from DEAD (status %u)",
				     i, t + 1, vcpus_now[t][i].status);
	if (fuzz_run_log.entered && fuzz_run_log.entered_status != VCPU_STARTED)
		fail("a vCPU was entered in status %u (DEAD is 3): only a STARTED "
		     "one may run", fuzz_run_log.entered_status);
}

/*
 * Whether the NACL area at base is all HOST memory the host maps (tracked
 * pages HOST, untracked ones the host's): the only place the TSM may take
 * a run's input from or write an exit to.
 */
static bool nacl_area_is_host(uint64_t base)
{
	uint64_t size = sizeof(struct sbi_nacl_shmem);

	if (base % FUZZ_PAGE || !machine_in_ram(base, size) ||
	    !machine_host_owns(base, size))
		return false;
	for (uint64_t page = base; page < base + size; page += FUZZ_PAGE) {
		const struct page_info *p = machine_page(page);

		if ((p && p->state != TSM_PAGE_HOST) || !inv_host_mapped(page))
			return false;
	}
	return true;
}

static void check_exit(void)
{
	if (fuzz_run_log.exited && fuzz_run_log.exit_area &&
	    !nacl_area_is_host(fuzz_run_log.exit_area))
		fail("a vCPU exit wrote into NACL area %#llx, which is not HOST "
		     "memory the host maps",
		     (unsigned long long)fuzz_run_log.exit_area);
}

/*
 * Only set_shmem changes a hart's NACL area, and only the calling hart's;
 * a run refused with NO_SHMEM drops it, and only a stale one.  A run that
 * entered the vCPU had a HOST area.
 */
static void check_nacl(const struct inv_snapshot *before,
		       const struct fuzz_call *call, bool answered,
		       struct sbiret ret)
{
	bool set_shmem = call->eid == SBI_EXT_NACL &&
			 call->a6 == SBI_EXT_NACL_SET_SHMEM && answered;
	bool run = call->eid == SBI_EXT_COVH &&
		   call->a6 == SBI_EXT_COVH_RUN_TVM_VCPU && answered;
	uint64_t was = before->nacl_shmem[call->hart];
	uint64_t now = tsm.nacl_shmem[call->hart];

	for (unsigned int h = 0; h < CONFIG_TSM_MAX_HARTS; h++)
		if (h != call->hart && before->nacl_shmem[h] != tsm.nacl_shmem[h])
			fail("hart %u's NACL area changed from %#llx to %#llx on a "
			     "call from hart %u", h, (unsigned long long)before->nacl_shmem[h],
			     (unsigned long long)tsm.nacl_shmem[h], call->hart);
	if (set_shmem && !ret.error) {
		bool off = call->args[0] == ~0UL && call->args[1] == ~0UL;

		if (off ? now != 0 : now != call->args[0])
			fail("set_shmem succeeded but the hart's area is %#llx",
			     (unsigned long long)now);
		if (!off && !nacl_area_is_host(now))
			fail("set_shmem accepted area %#llx, which is not HOST memory "
			     "the host maps", (unsigned long long)now);
	} else if (run && ret.error == SBI_ERR_NO_SHMEM) {
		if (now || (was && nacl_area_is_host(was)))
			fail("run_tvm_vcpu: NO_SHMEM, area %#llx before, %#llx after",
			     (unsigned long long)was, (unsigned long long)now);
	} else if (was != now) {
		fail("the hart's NACL area changed from %#llx to %#llx",
		     (unsigned long long)was, (unsigned long long)now);
	}
	if (run && !ret.error != fuzz_run_log.entered)
		fail("run_tvm_vcpu %s but the vCPU %s entered",
		     ret.error ? "failed" : "succeeded",
		     fuzz_run_log.entered ? "was" : "was not");
	if (fuzz_run_log.entered && (!fuzz_run_log.entered_area ||
				     fuzz_run_log.entered_area != was ||
				     !nacl_area_is_host(was)))
		fail("a vCPU was entered with NACL area %#llx (registered %#llx), "
		     "not the hart's HOST area", (unsigned long long)fuzz_run_log.entered_area,
		     (unsigned long long)was);
}

/* Every CONVERTING page lies where the next fence completion looks. */
static void check_fence(void)
{
	for (unsigned long i = 0; i < tsm.pages.count; i++)
		if (tsm.pages.pages[i].state == TSM_PAGE_CONVERTING &&
		    (i < tsm.fence.first || i > tsm.fence.last))
			fail("CONVERTING page %#llx (index %lu) is outside the fence "
			     "span %lu..%lu: no fence would complete it",
			     (unsigned long long)machine_tracked_addr(i), i,
			     tsm.fence.first, tsm.fence.last);
}

/* --- what a call changed ------------------------------------------------ */

static bool page_is_zero(uint64_t addr)
{
	return !memcmp((const void *)(uintptr_t)addr, zero_page, FUZZ_PAGE);
}

/* Each page's state change is one spec/tsm.yaml allows for this call. */
static void check_transitions(const struct inv_snapshot *before,
			      const struct fuzz_call *call)
{
	for (unsigned long i = 0; i < tsm.pages.count; i++) {
		unsigned int from = before->pages[i].state;
		unsigned int to = tsm.pages.pages[i].state;
		uint64_t addr;

		if (from == to)
			continue;
		addr = machine_tracked_addr(i);
		if (call->op == FUZZ_OP_HOST_WRITE ||
		    !tsm_page_transition_allowed(from, to, call->eid, call->a6))
			fail("page %#llx went %s -> %s, which spec/tsm.yaml does "
			     "not allow for this call", (unsigned long long)addr,
			     state_name(from), state_name(to));
		/* Nothing confidential may reach the host. */
		if (to == TSM_PAGE_HOST && !page_is_zero(addr))
			fail("page %#llx went %s -> HOST without being zeroed",
			     (unsigned long long)addr, state_name(from));
		if (to == TSM_PAGE_TVM_MEMORY &&
		    call->a6 == SBI_EXT_COVH_ADD_TVM_ZERO_PAGES && !page_is_zero(addr))
			fail("zero page %#llx was not zeroed", (unsigned long long)addr);
		if (to == TSM_PAGE_TVM_MEMORY &&
		    call->a6 == SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES) {
			uint64_t src = call->args[1] + (addr - call->args[2]);

			if (!machine_in_ram(src, FUZZ_PAGE) ||
			    memcmp((const void *)(uintptr_t)addr,
				   (const void *)(uintptr_t)src, FUZZ_PAGE))
				fail("measured page %#llx does not hold its source %#llx",
				     (unsigned long long)addr, (unsigned long long)src);
		}
	}
}

/* A refused call, or one that is not the TSM's to act on, changes nothing. */
static void check_unchanged(const struct inv_snapshot *before)
{
	for (unsigned long i = 0; i < tsm.pages.count; i++)
		if (memcmp(&before->pages[i], &tsm.pages.pages[i],
			   sizeof(before->pages[i])))
			fail("a refused call changed page %#llx (%s -> %s, TVM %u -> %u)",
			     (unsigned long long)machine_tracked_addr(i),
			     state_name(before->pages[i].state),
			     state_name(tsm.pages.pages[i].state),
			     before->pages[i].tvm, tsm.pages.pages[i].tvm);
	for (unsigned int i = 0; i < CONFIG_TSM_MAX_TVMS; i++)
		if (memcmp(&before->tvms[i], &tsm.tvms[i], sizeof(tsm.tvms[i])))
			fail("a refused call changed TVM slot %u", i + 1);
	if (memcmp(&before->fence, &tsm.fence, sizeof(tsm.fence)))
		fail("a refused call changed the fence state");
	if (memcmp(before->vcpus, vcpus_now, sizeof(vcpus_now)))
		fail("a refused call changed a vCPU's state");
	if (before->host_used != tsm.host_gstage.used ||
	    memcmp(before->host_mapped, host_mapped, sizeof(host_mapped)))
		fail("a refused call changed the host's G-stage");
}

/* Whatever left the host's G-stage or died was fenced out of the TLBs. */
static void check_fenced(const struct inv_snapshot *before)
{
	bool unmapped = false, destroyed = false;

	for (unsigned long i = 0; i < FUZZ_RAM_PAGES; i++)
		unmapped |= before->host_mapped[i] && !host_mapped[i];
	for (unsigned int i = 0; i < CONFIG_TSM_MAX_TVMS; i++)
		destroyed |= before->tvms[i].in_use && !tsm.tvms[i].in_use;
	if ((unmapped || destroyed) && fuzz_hfence_count == before->hfences)
		fail("%s without a G-stage fence (hfence.gvma)",
		     unmapped ? "pages left the host's G-stage" : "a TVM died");
}

/* A console call forwarded to OpenSBI names only memory the host maps. */
static void check_forward(const struct fuzz_call *call)
{
	uint64_t len = call->args[0], base = call->args[1];

	if (call->eid != SBI_EXT_DBCN || !len ||
	    (call->a6 != SBI_EXT_DBCN_CONSOLE_WRITE &&
	     call->a6 != SBI_EXT_DBCN_CONSOLE_READ))
		return;
	if (call->args[2])
		fail("console call with base_addr_hi %#lx forwarded to OpenSBI",
		     call->args[2]);
	if (base + len < base || !machine_in_ram(base, len))
		fail("console buffer %#llx+%#llx forwarded to OpenSBI is not in RAM",
		     (unsigned long long)base, (unsigned long long)len);
	for (uint64_t page = base & ~(FUZZ_PAGE - 1); page < base + len;
	     page += FUZZ_PAGE)
		if (!inv_host_mapped(page))
			fail("console buffer page %#llx forwarded to OpenSBI is not "
			     "mapped for the host", (unsigned long long)page);
}

/*
 * A call that succeeded read or wrote host buffers only where the host's
 * G-stage mapped them when it was made: never confidential memory.
 */
static void check_host_buffers(const struct inv_snapshot *before,
			       const struct fuzz_call *call)
{
	const unsigned long *a = call->args;
	uint64_t base = 0, len = 0;

	switch (call->a6) {
	case SBI_EXT_COVH_TSM_GET_INFO:
		base = a[0], len = sizeof(struct sbi_tsm_info);
		break;
	case SBI_EXT_COVH_CREATE_TVM:
		base = a[0], len = sizeof(struct sbi_tvm_create_params);
		break;
	case SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES:
		base = a[1], len = a[4] * FUZZ_PAGE;
		break;
	case SBI_EXT_COVH_FINALIZE_TVM:
		base = a[3], len = a[3] ? TVM_IDENTITY_SIZE : 0;
		break;
	}
	if (!len)
		return;
	if (base + len < base || !machine_in_ram(base, len))
		fail("the call used host buffer %#llx+%#llx outside RAM",
		     (unsigned long long)base, (unsigned long long)len);
	for (uint64_t page = base & ~(FUZZ_PAGE - 1); page < base + len;
	     page += FUZZ_PAGE)
		if (!before->host_mapped[(page - FUZZ_RAM_BASE) / FUZZ_PAGE])
			fail("the call used page %#llx as a host buffer, but the host "
			     "did not map it", (unsigned long long)page);
}

static void check_state(void)
{
	check_host_gstage();
	check_tvms();
	check_vcpus();
	check_fence();
}

void inv_boot(void)
{
	cur_call = NULL;
	cur_exit_hart = -1;
	check_state();
}

void inv_snapshot(struct inv_snapshot *s)
{
	memcpy(s->pages, tsm.pages.pages, tsm.pages.count * sizeof(s->pages[0]));
	memcpy(s->tvms, tsm.tvms, sizeof(s->tvms));
	s->fence = tsm.fence;
	s->host_used = tsm.host_gstage.used;
	s->hfences = fuzz_hfence_count;
	memcpy(s->host_mapped, host_mapped, sizeof(host_mapped));
	memcpy(s->nacl_shmem, tsm.nacl_shmem, sizeof(s->nacl_shmem));
	snap_vcpus(s->vcpus);
}

void inv_check_exit(const struct inv_snapshot *before, unsigned int index,
		    unsigned int hart)
{
	cur_call = NULL;
	cur_index = index;
	cur_exit_hart = (int)hart;
	check_state();
	check_vcpu_life(before);
	check_exit();
	if (memcmp(before->nacl_shmem, tsm.nacl_shmem, sizeof(tsm.nacl_shmem)))
		fail("hart %u's vCPU exit changed a NACL area", hart);
	cur_exit_hart = -1;
}

void inv_check(const struct inv_snapshot *before, unsigned int index,
	       const struct fuzz_call *call, bool answered, struct sbiret ret)
{
	bool cove = call->eid == SBI_EXT_COVH || call->eid == SBI_EXT_COVG ||
		    call->eid == SBI_EXT_COVI;

	cur_call = call;
	cur_index = index;
	cur_answered = answered;
	cur_ret = ret;
	check_state();
	if (call->op != FUZZ_OP_HOST_WRITE && cove && !answered)
		fail("a CoVE call was forwarded to OpenSBI");
	check_transitions(before, call);
	check_vcpu_life(before);
	check_exit();
	check_nacl(before, call, answered, ret);
	if (call->op == FUZZ_OP_HOST_WRITE || call->eid != SBI_EXT_COVH ||
	    ret.error)
		check_unchanged(before);
	check_fenced(before);
	if (call->op != FUZZ_OP_HOST_WRITE && !answered)
		check_forward(call);
	if (call->eid == SBI_EXT_COVH && answered && !ret.error)
		check_host_buffers(before, call);
	if (call->eid == SBI_EXT_COVH && call->a6 == SBI_EXT_COVH_CREATE_TVM &&
	    !ret.error && (ret.value < 1 || ret.value > CONFIG_TSM_MAX_TVMS ||
			   before->tvms[ret.value - 1].in_use ||
			   !tsm.tvms[ret.value - 1].in_use))
		fail("create_tvm returned id %ld, not a slot it just filled",
		     ret.value);
}
