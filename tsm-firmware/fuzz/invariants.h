/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * What must hold after every call the host makes, whatever it passed:
 * isolation (the host's G-stage maps exactly its HOST pages, a TVM's maps
 * only its own TVM_MEMORY pages), page states change only as
 * spec/tsm.yaml allows for the call made, a refused call leaves no
 * trace, G-stage pools account for every table, nothing confidential
 * reaches the host.  Runs: a NACL area is HOST memory when it is
 * registered and whenever a run or an exit uses it (the TSM drops a
 * stale one), a hart runs at most one vCPU and a vCPU runs on at most
 * one hart, a DEAD vCPU never runs again.  A broken invariant aborts with a message: libFuzzer
 * then saves the input as a reproducer.
 */
#ifndef __FUZZ_INVARIANTS_H__
#define __FUZZ_INVARIANTS_H__

#include <stdbool.h>

#include "input.h"
#include "machine.h"

/* TSM state before a call, to compare with after it. */
struct inv_snapshot {
	struct page_info pages[FUZZ_HOST_PAGES];
	struct tvm tvms[CONFIG_TSM_MAX_TVMS];
	struct fence fence;
	unsigned int host_used;
	unsigned long hfences;
	bool host_mapped[FUZZ_RAM_PAGES];
	uint64_t nacl_shmem[CONFIG_TSM_MAX_HARTS];
	struct vcpu_state vcpus[CONFIG_TSM_MAX_TVMS][CONFIG_TSM_MAX_VCPUS];
};

/* Check the freshly booted state; remembers the host's mappings. */
void inv_boot(void);
/* Whether the host's G-stage maps the RAM page holding addr (as of the last check). */
bool inv_host_mapped(uint64_t addr);
void inv_snapshot(struct inv_snapshot *s);
/*
 * Check everything after call number index (counted from 1); answered
 * and ret are what dispatch_sbi_call() gave (ret only when answered).
 */
void inv_check(const struct inv_snapshot *before, unsigned int index,
	       const struct fuzz_call *call, bool answered, struct sbiret ret);

/*
 * Check everything after hart's vCPU exited before call number index
 * (the hart was in the TVM: machine_vcpu_exit()).
 */
void inv_check_exit(const struct inv_snapshot *before, unsigned int index,
		    unsigned int hart);

#endif /* __FUZZ_INVARIANTS_H__ */
