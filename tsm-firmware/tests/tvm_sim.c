// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* A simulated TSM that builds whole TVMs; see tvm_sim.h. */

#include <string.h>
#include <sys/mman.h>

#include "autoconf.h"
#include "sbi_cove_types.h"
#include "tsm/dispatch.h"
#include "tsm/tsm.h"
#include "tvm_sim.h"

#define PAGE(n)		(SIM_RAM_BASE + (n) * PAGE_SIZE)
#define HOST_TABLES	32

static struct tsm tsm;

struct tsm *sim_tsm(void)
{
	return &tsm;
}
static struct page_info page_array[SIM_RAM_PAGES];
static uint64_t host_root[2048] __attribute__((aligned(16384)));
static uint64_t host_tables[HOST_TABLES][512] __attribute__((aligned(4096)));
static uint64_t *host_table_list[HOST_TABLES];

bool sim_init(void)
{
	void *ram = mmap((void *)SIM_RAM_BASE, SIM_RAM_PAGES * PAGE_SIZE,
			 PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);

	return ram == (void *)SIM_RAM_BASE;
}

/* Fresh TSM state: all RAM the host's, mapped with 2 MiB leaves. */
static void sim_reset(void)
{
	memset(&tsm, 0, sizeof(tsm));
	memset((void *)SIM_RAM_BASE, 0, SIM_RAM_PAGES * PAGE_SIZE);
	memset(host_root, 0, sizeof(host_root));
	tsm.host_mem.ranges[0] = (struct mem_range){ SIM_RAM_BASE,
						     SIM_RAM_PAGES * PAGE_SIZE };
	tsm.host_mem.nr_ranges = 1;
	for (unsigned int i = 0; i < HOST_TABLES; i++)
		host_table_list[i] = host_tables[i];
	tsm.host_gstage = (struct gstage_pool){ .root = host_root,
						.pages = host_table_list,
						.nr_pages = HOST_TABLES };
	gstage_map(&tsm.host_gstage, SIM_RAM_BASE, SIM_RAM_BASE,
		   SIM_RAM_PAGES * PAGE_SIZE, GSTAGE_RWX);
	pages_init(&tsm.pages, &tsm.host_mem, page_array, SIM_RAM_PAGES);
	tsm.fence.online = 1;
	tsm.fence.first = ~0UL;	/* no CONVERTING page yet */
}

static long covh(unsigned long fid, unsigned long a0, unsigned long a1,
		 unsigned long a2, unsigned long a3, unsigned long a4,
		 unsigned long a5, long *value)
{
	const unsigned long args[6] = { a0, a1, a2, a3, a4, a5 };
	struct sbiret ret = { -1000, 0 };

	dispatch_sbi_call(&tsm, DISPATCH_FROM_HOST, SBI_EXT_COVH, fid, args,
			  &ret);
	if (value)
		*value = ret.value;
	return ret.error;
}

static unsigned long image_pages(const struct sim_image *img)
{
	return (img->len + PAGE_SIZE - 1) / PAGE_SIZE;
}

#define CALL(name, ...)						\
	do {							\
		long err = covh(__VA_ARGS__);			\
								\
		if (err) {					\
			*failed = name;				\
			return err;				\
		}						\
	} while (0)

long sim_build_tvm(const struct sim_tvm *t, uint8_t measurement[SHA384_DIGEST_SIZE],
		   const char **failed)
{
	const unsigned long pt_pages = CONFIG_TSM_TVM_MAX_PT_PAGES;
	const unsigned long vcpu_pages = CONFIG_TSM_VCPU_STATE_PAGES;
	struct sbi_tvm_create_params params;
	unsigned long data_pages = 0, conf, host, next, nr_conf;
	long id;

	for (unsigned int i = 0; i < t->nr_images; i++)
		data_pages += image_pages(&t->images[i]);
	/* Confidential pool from page 4 (16 KiB aligned), host pages after it. */
	nr_conf = 4 + CONFIG_TSM_TVM_STATE_PAGES + pt_pages +
		  t->nr_vcpus * vcpu_pages + data_pages;
	if (4 + nr_conf + 1 + data_pages > SIM_RAM_PAGES) {
		*failed = "simulated RAM (images too large)";
		return SBI_ERR_FAILED;
	}
	sim_reset();
	conf = 4;
	host = conf + nr_conf;
	CALL("convert_pages", SBI_EXT_COVH_CONVERT_PAGES, PAGE(conf), nr_conf, 0, 0, 0, 0, NULL);
	CALL("initiate_fence", SBI_EXT_COVH_INITIATE_FENCE, 0, 0, 0, 0, 0, 0, NULL);
	CALL("local_fence", SBI_EXT_COVH_LOCAL_FENCE, 0, 0, 0, 0, 0, 0, NULL);

	params.tvm_page_directory_addr = PAGE(conf);
	params.tvm_state_addr = PAGE(conf + 4);
	memcpy((void *)PAGE(host), &params, sizeof(params));
	CALL("create_tvm", SBI_EXT_COVH_CREATE_TVM, PAGE(host), sizeof(params), 0, 0, 0, 0,
	     &id);
	next = conf + 4 + CONFIG_TSM_TVM_STATE_PAGES;
	host++;

	for (unsigned int i = 0; i < t->nr_regions; i++)
		CALL("add_tvm_memory_region", SBI_EXT_COVH_ADD_TVM_MEMORY_REGION, id,
		     t->regions[i].gpa, t->regions[i].size, 0, 0, 0, NULL);
	CALL("add_tvm_page_table_pages", SBI_EXT_COVH_ADD_TVM_PAGE_TABLE_PAGES, id,
	     PAGE(next), pt_pages, 0, 0, 0, NULL);
	next += pt_pages;

	for (unsigned int i = 0; i < t->nr_images; i++) {
		const struct sim_image *img = &t->images[i];
		unsigned long n = image_pages(img);

		memset((void *)PAGE(host), 0, n * PAGE_SIZE);
		memcpy((void *)PAGE(host), img->data, img->len);
		CALL("add_tvm_measured_pages", SBI_EXT_COVH_ADD_TVM_MEASURED_PAGES, id,
		     PAGE(host), PAGE(next), SBI_PAGE_TYPE_PAGE_4K, n, img->gpa, NULL);
		next += n;
	}

	for (unsigned int v = 0; v < t->nr_vcpus; v++) {
		CALL("create_tvm_vcpu", SBI_EXT_COVH_CREATE_TVM_VCPU, id, v, PAGE(next),
		     0, 0, 0, NULL);
		next += vcpu_pages;
	}
	CALL("finalize_tvm", SBI_EXT_COVH_FINALIZE_TVM, id, t->entry_sepc, t->entry_arg, 0,
	     0, 0, NULL);
	memcpy(measurement, tsm.tvms[id - 1].measurement, SHA384_DIGEST_SIZE);
	return 0;
}
