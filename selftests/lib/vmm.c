// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The VMM: TVMs built from an embedded guest image, run on this hart and
 * on hart 1, their exits served.  Everything the host learns of a TVM
 * comes through this hart's NACL area, and only what the exit exposes.
 */

#include "autoconf.h"
#include "ktap.h"
#include "payload.h"
#include "sbi_cove_types.h"
#include "vmm.h"
#include "vmm_exit.h"

/* Host memory the VMM converts from: above the payload, below a ramdisk. */
#define POOL_BASE	0x84000000UL
#define POOL_END	0x88000000UL
#define DIR_PAGES	4UL	/* the G-stage root: 16 KiB, 16 KiB aligned */
#define PT_PAGES	4UL
/* Demand-zero pages converted at build, so no fence is needed later. */
#define ZERO_RESERVE	(GUEST_ZERO_PAGES + 4)

static struct sbi_nacl_shmem nacl_area[VMM_MAX_HARTS] __attribute__((aligned(4096)));
static unsigned long pool_next = POOL_BASE;
static uint8_t host_page[PAGE_SIZE] __attribute__((aligned(4096)));

_Static_assert(sizeof(struct sbi_nacl_shmem) == VMM_NACL_SIZE, "NACL area is 12 KiB");

static unsigned long my_hart(void)
{
	unsigned long hart;

	/* The payload keeps its hart ID in tp: see vmm_init(). */
	__asm__ __volatile__("mv %0, tp" : "=r"(hart));
	return hart;
}

volatile struct sbi_nacl_shmem *vmm_nacl(void)
{
	return &nacl_area[my_hart()];
}

unsigned long vmm_host_page(void)
{
	return (unsigned long)host_page;
}

static inline unsigned long instret(void)
{
	unsigned long v;

	__asm__ __volatile__("rdinstret %0" : "=r"(v));
	return v;
}

long vmm_init(unsigned long hartid)
{
	unsigned long pa;

	if (hartid >= VMM_MAX_HARTS)
		return SBI_ERR_INVALID_PARAM;
	/* Nothing in the payload uses tp: it names the hart for vmm_nacl(). */
	__asm__ __volatile__("mv tp, %0" :: "r"(hartid));
	pa = (unsigned long)&nacl_area[hartid];
	return vmm_nacl_set_shmem(pa);
}

/* ---- hart 1: a worker that fences and runs vCPUs on request ---- */

enum { W_OFF, W_IDLE, W_FENCE, W_RUN };

static struct {
	volatile int cmd;
	volatile long result;
	struct vmm_tvm *volatile tvm;
	volatile unsigned int vcpu;
	volatile unsigned long hart;
} worker = { .cmd = W_OFF };

static void worker_main(unsigned long hartid, unsigned long arg)
{
	worker.result = vmm_init(hartid);
	__sync_synchronize();
	worker.cmd = W_IDLE;
	for (;;) {
		int cmd = worker.cmd;
		struct vmm_exit exit;

		if (cmd == W_FENCE) {
			worker.result = sbi_covh_local_fence().error;
		} else if (cmd == W_RUN) {
			struct vmm_tvm *tvm = worker.tvm;
			unsigned int v = worker.vcpu;

			while (tvm->vcpu[v] == VMM_VCPU_RUNNABLE && !tvm->error)
				vmm_run_once(tvm, v, &exit);
		} else {
			continue;
		}
		__sync_synchronize();
		worker.cmd = W_IDLE;
	}
}

static bool worker_wait(unsigned long ms)
{
	unsigned long end = payload_time() + ms * PAYLOAD_TICKS_PER_MS;

	/* W_OFF: no worker started (single-hart suites), nothing to wait for. */
	while (worker.cmd != W_IDLE && worker.cmd != W_OFF && payload_time() < end)
		;
	return worker.cmd == W_IDLE || worker.cmd == W_OFF;
}

long vmm_start_worker(unsigned long hartid)
{
	unsigned long end;
	long err;

	worker.hart = hartid;
	err = payload_start_hart(hartid, worker_main, 0);
	if (err)
		return err;
	/* W_OFF until it has its NACL area. */
	end = payload_time() + 2000 * PAYLOAD_TICKS_PER_MS;
	while (worker.cmd == W_OFF && payload_time() < end)
		;
	if (worker.cmd != W_IDLE)
		return SBI_ERR_FAILED;
	return worker.result;
}

/* ---- memory ---- */

long vmm_convert(unsigned long base, unsigned long pages)
{
	long err = sbi_covh_convert_pages(base, pages).error;

	if (!err)
		err = sbi_covh_initiate_fence().error;
	if (!err)
		err = sbi_covh_local_fence().error;
	if (err || worker.cmd == W_OFF)
		return err;
	/* Every online hart takes part in the fence. */
	if (worker.cmd != W_IDLE)
		return SBI_ERR_FAILED;	/* hart 1 is running a vCPU */
	worker.cmd = W_FENCE;
	return worker_wait(2000) ? worker.result : SBI_ERR_FAILED;
}

static unsigned long pool_take(unsigned long pages, unsigned long align)
{
	unsigned long base = (pool_next + align - 1) & ~(align - 1);

	if (base + pages * PAGE_SIZE > POOL_END)
		return 0;
	pool_next = base + pages * PAGE_SIZE;
	return base;
}

static bool step(struct vmm_tvm *tvm, long err, const char *what)
{
	if (err) {
		ktap_diag("vmm: %s: %s: error %ld", tvm->cfg.name, what, err);
		tvm->error = what;
	}
	return !err;
}

long vmm_create(struct vmm_tvm *tvm, const struct vmm_config *cfg)
{
	unsigned long image_pages = (cfg->image_size + PAGE_SIZE - 1) / PAGE_SIZE;
	unsigned long state_at = DIR_PAGES;
	unsigned long pt_at = state_at + CONFIG_TSM_TVM_STATE_PAGES;
	unsigned long image_at = pt_at + PT_PAGES;
	unsigned long vcpu_at = image_at + image_pages;
	unsigned long zero_at = vcpu_at + cfg->vcpus * CONFIG_TSM_VCPU_STATE_PAGES;
	unsigned long pages = zero_at + ZERO_RESERVE;
	static struct sbi_tvm_create_params params;
	vmm_exit_fn on_exit = tvm->on_exit;
	struct sbiret ret;
	unsigned long base;

	*tvm = (struct vmm_tvm){ .cfg = *cfg, .status = -1, .on_exit = on_exit };
	tvm->created_at = instret();
	for (unsigned int v = 0; v < cfg->vcpus; v++)
		tvm->vcpu[v] = v ? VMM_VCPU_STOPPED : VMM_VCPU_RUNNABLE;
	if (cfg->vcpus < 1 || cfg->vcpus > VMM_MAX_VCPUS ||
	    image_pages * PAGE_SIZE > GUEST_ZERO_GPA - GUEST_GPA_BASE)
		return step(tvm, SBI_ERR_INVALID_PARAM, "config"), SBI_ERR_INVALID_PARAM;
	base = pool_take(pages, DIR_PAGES * PAGE_SIZE);
	if (!base)
		return step(tvm, SBI_ERR_FAILED, "pool exhausted"), SBI_ERR_FAILED;
#define AT(n)	(base + (n) * PAGE_SIZE)
	tvm->base = base;
	tvm->pages = pages;
	tvm->zero_next = AT(zero_at);
	tvm->zero_left = ZERO_RESERVE;
	if (!step(tvm, vmm_convert(base, pages), "convert_pages and fence"))
		return SBI_ERR_FAILED;
	params.tvm_page_directory_addr = AT(0);
	params.tvm_state_addr = AT(state_at);
	ret = sbi_covh_create_tvm((unsigned long)&params, sizeof(params));
	if (!step(tvm, ret.error, "create_tvm"))
		return ret.error;
	tvm->id = ret.value;
	tvm->created = true;
	if (!step(tvm, sbi_covh_add_tvm_memory_region(tvm->id, GUEST_GPA_BASE,
						      GUEST_REGION_SIZE).error,
		  "add_tvm_memory_region") ||
	    !step(tvm, sbi_covh_add_tvm_page_table_pages(tvm->id, AT(pt_at),
							 PT_PAGES).error,
		  "add_tvm_page_table_pages") ||
	    !step(tvm, sbi_covh_add_tvm_measured_pages(tvm->id,
						       (unsigned long)cfg->image,
						       AT(image_at),
						       SBI_PAGE_TYPE_PAGE_4K,
						       image_pages,
						       GUEST_GPA_BASE).error,
		  "add_tvm_measured_pages"))
		return SBI_ERR_FAILED;
	for (unsigned int v = 0; v < cfg->vcpus; v++)
		if (!step(tvm, sbi_covh_create_tvm_vcpu(tvm->id, v,
				AT(vcpu_at + v * CONFIG_TSM_VCPU_STATE_PAGES)).error,
			  "create_tvm_vcpu"))
			return SBI_ERR_FAILED;
#undef AT
	if (!step(tvm, sbi_covh_finalize_tvm(tvm->id, GUEST_GPA_BASE, cfg->arg,
					     0).error, "finalize_tvm"))
		return SBI_ERR_FAILED;
	return 0;
}

long vmm_destroy(struct vmm_tvm *tvm)
{
	long err = 0;

	if (!worker_wait(2000))
		return SBI_ERR_FAILED;	/* hart 1 still runs one of its vCPUs */
	if (tvm->created)
		err = sbi_covh_destroy_tvm(tvm->id).error;
	tvm->created = false;
	if (!err && tvm->pages)
		err = sbi_covh_reclaim_pages(tvm->base, tvm->pages).error;
	tvm->pages = 0;
	return err;
}

/* ---- exits ---- */

static void lock(struct vmm_tvm *tvm)
{
	while (__sync_lock_test_and_set(&tvm->lock, 1))
		;
}

static void unlock(struct vmm_tvm *tvm)
{
	__sync_lock_release(&tvm->lock);
}

/* A byte of the guest's console: whole lines, indented one KTAP level. */
static void console_byte(struct vmm_tvm *tvm, char c)
{
	lock(tvm);
	if (c != '\n' && tvm->line_len < sizeof(tvm->line) - 1) {
		tvm->line[tvm->line_len++] = c;
	} else if (c == '\n') {
		tvm->line[tvm->line_len] = 0;
		payload_printf("    %s\n", tvm->line);
		if (!tvm->first_result_at &&
		    (!__builtin_memcmp(tvm->line, "ok ", 3) ||
		     !__builtin_memcmp(tvm->line, "not ok ", 7)))
			tvm->first_result_at = instret();
		tvm->line_len = 0;
	}
	unlock(tvm);
}

static void set_ret(volatile struct sbi_nacl_shmem *nacl, unsigned long a0, unsigned long a1)
{
	nacl->scratch[10] = a0;
	nacl->scratch[11] = a1;
}

static void start_vcpu(struct vmm_tvm *tvm, unsigned long v)
{
	if (v >= tvm->cfg.vcpus)
		return;	/* the TSM refused it: not ours to schedule */
	tvm->vcpu[v] = VMM_VCPU_RUNNABLE;
	if (v == 0)
		return;
	if (worker.cmd != W_IDLE) {
		tvm->error = "a vCPU was started, but no second hart is idle to run it";
		return;
	}
	worker.tvm = tvm;
	worker.vcpu = v;
	__sync_synchronize();
	worker.cmd = W_RUN;
}

/*
 * Overwrite this hart's f0-f31 and fcsr (the host payload has no FP of
 * its own): a TVM's FP registers survive an exit only if the TSM saved
 * them, not because nothing touched the hardware in between.
 */
static void fp_clobber(void)
{
	__asm__ __volatile__(
		".option push\n.option arch, +d\n"
		"csrs sstatus, %0\n"
		"fmv.d.x f0, %1\n fmv.d.x f1, %1\n fmv.d.x f2, %1\n fmv.d.x f3, %1\n"
		"fmv.d.x f4, %1\n fmv.d.x f5, %1\n fmv.d.x f6, %1\n fmv.d.x f7, %1\n"
		"fmv.d.x f8, %1\n fmv.d.x f9, %1\n fmv.d.x f10, %1\n fmv.d.x f11, %1\n"
		"fmv.d.x f12, %1\n fmv.d.x f13, %1\n fmv.d.x f14, %1\n fmv.d.x f15, %1\n"
		"fmv.d.x f16, %1\n fmv.d.x f17, %1\n fmv.d.x f18, %1\n fmv.d.x f19, %1\n"
		"fmv.d.x f20, %1\n fmv.d.x f21, %1\n fmv.d.x f22, %1\n fmv.d.x f23, %1\n"
		"fmv.d.x f24, %1\n fmv.d.x f25, %1\n fmv.d.x f26, %1\n fmv.d.x f27, %1\n"
		"fmv.d.x f28, %1\n fmv.d.x f29, %1\n fmv.d.x f30, %1\n fmv.d.x f31, %1\n"
		"fscsr zero\n"
		".option pop\n"
		:: "r"(3UL << 13), "r"(0xdeadbeefdeadbeefUL) : "memory");
}

static void vmm_call(struct vmm_tvm *tvm, struct vmm_exit *exit,
		     volatile struct sbi_nacl_shmem *nacl)
{
	unsigned long a0 = exit->gprs[0], fid = exit->gprs[6];

	switch (fid) {
	case VMM_FID_EXIT:
		tvm->status = a0;
		set_ret(nacl, 0, 0);
		break;
	case VMM_FID_ARG:
		set_ret(nacl, a0 < VMM_ARGS ? 0 : SBI_ERR_INVALID_PARAM,
			a0 < VMM_ARGS ? tvm->cfg.args[a0] : 0);
		break;
	case VMM_FID_HART:
		set_ret(nacl, 0, exit->hart);
		break;
	case VMM_FID_ECHO:
		for (int i = 0; i < 8; i++)
			tvm->echo[i] = exit->gprs[i];
		set_ret(nacl, VMM_ECHO_A0, VMM_ECHO_A1);
		break;
	case VMM_FID_MARK:
		if (a0 < sizeof(tvm->marks) / sizeof(tvm->marks[0]))
			tvm->marks[a0] = instret();
		tvm->nr_marks++;
		set_ret(nacl, 0, 0);
		break;
	case VMM_FID_EXITS:
		set_ret(nacl, 0, vmm_exits(tvm, a0));
		break;
	case VMM_FID_FP_CLOBBER:
		fp_clobber();
		set_ret(nacl, 0, 0);
		break;
	default:
		set_ret(nacl, SBI_ERR_NOT_SUPPORTED, 0);
	}
}

static void serve_ecall(struct vmm_tvm *tvm, struct vmm_exit *exit,
			volatile struct sbi_nacl_shmem *nacl)
{
	unsigned long eid = exit->gprs[7], fid = exit->gprs[6];

	if (eid == VMM_EID) {
		vmm_call(tvm, exit, nacl);
	} else if (eid == SBI_EXT_DBCN && fid == SBI_EXT_DBCN_CONSOLE_WRITE_BYTE) {
		console_byte(tvm, (char)exit->gprs[0]);
		set_ret(nacl, 0, 0);
	} else if (eid == SBI_EXT_HSM && fid == SBI_EXT_HSM_HART_START) {
		/*
		 * It exits only once the TSM started the vCPU (a refused start
		 * is answered inside the TVM); a0-a7 are the guest's call, so
		 * a0 names the vCPU.  The TSM ignores our a0/a1 for it.
		 */
		start_vcpu(tvm, exit->gprs[0]);
	} else if (eid == SBI_EXT_HSM && fid == SBI_EXT_HSM_HART_STOP) {
		tvm->vcpu[exit->vcpu] = VMM_VCPU_STOPPED;
	} else if (eid == SBI_EXT_SRST) {
		/* The TSM killed every vCPU (run returned 1): nothing to answer. */
	} else {
		/* DBCN console_write names a buffer the host cannot read. */
		set_ret(nacl, SBI_ERR_NOT_SUPPORTED, 0);
	}
}

/* A confidential page for a demand-zero fault at gpa. */
static bool serve_zero_fault(struct vmm_tvm *tvm, unsigned long gpa)
{
	unsigned long page = gpa & ~(PAGE_SIZE - 1), hpa;

	if (gpa < GUEST_GPA_BASE || gpa >= GUEST_GPA_BASE + GUEST_REGION_SIZE) {
		tvm->error = "a fault outside the TVM's region reached the host";
		return false;
	}
	if (tvm->zero_left) {
		hpa = tvm->zero_next;
		tvm->zero_next += PAGE_SIZE;
		tvm->zero_left--;
	} else {
		hpa = pool_take(1, PAGE_SIZE);
		if (!hpa || vmm_convert(hpa, 1)) {
			tvm->error = "no confidential page for a demand-zero fault";
			return false;
		}
	}
	tvm->last_zero_hpa = hpa;
	if (sbi_covh_add_tvm_zero_pages(tvm->id, hpa, SBI_PAGE_TYPE_PAGE_4K, 1,
					page).error) {
		tvm->error = "add_tvm_zero_pages failed";
		return false;
	}
	return true;
}

/* WFI: wait for the guest's timer (its time = ours + htimedelta). */
static void serve_wfi(volatile struct sbi_nacl_shmem *nacl)
{
	unsigned long cmp = nacl->csrs[SBI_NACL_CSR_INDEX(CSR_VSTIMECMP)];
	unsigned long delta = nacl->csrs[SBI_NACL_CSR_INDEX(CSR_HTIMEDELTA)];
	unsigned long vsie = nacl->csrs[SBI_NACL_CSR_INDEX(CSR_VSIE)];
	unsigned long end = payload_time() + 1000 * PAYLOAD_TICKS_PER_MS;

	fp_clobber();
	/* Without its timer enabled nothing would wake it: resume (WFI may). */
	if (!(vsie & SIP_STIP))
		return;
	while (payload_time() + delta < cmp && payload_time() < end)
		;
}

bool vmm_run_once(struct vmm_tvm *tvm, unsigned int vcpu, struct vmm_exit *exit)
{
	volatile struct sbi_nacl_shmem *nacl = vmm_nacl();
	struct sbiret ret;
	unsigned long cause;

	ret = sbi_covh_run_tvm_vcpu(tvm->id, vcpu);
	if (ret.error) {
		ktap_diag("vmm: %s: run_tvm_vcpu(%lu, %u): error %ld", tvm->cfg.name,
			  tvm->id, vcpu, ret.error);
		tvm->error = "run_tvm_vcpu failed";
		tvm->vcpu[vcpu] = VMM_VCPU_DEAD;
		return false;
	}
	cause = vmm_exit_cause(nacl);
	*exit = (struct vmm_exit){ .cause = cause, .hart = my_hart(), .vcpu = vcpu };
	for (int i = 0; i < 8; i++)
		exit->gprs[i] = nacl->scratch[10 + i];
	if ((cause & ~SBI_TVM_EXIT_INTERRUPT_FLAG) < VMM_CAUSES) {
		if (cause & SBI_TVM_EXIT_INTERRUPT_FLAG)
			tvm->irq_exits[cause & ~SBI_TVM_EXIT_INTERRUPT_FLAG]++;
		else
			tvm->exits[cause]++;
	}
	tvm->nr_exits++;
	if (cause == SBI_TVM_EXIT_CAUSE_LOAD_GUEST_PAGE_FAULT || cause == SBI_TVM_EXIT_CAUSE_STORE_GUEST_PAGE_FAULT ||
	    cause == SBI_TVM_EXIT_CAUSE_INSN_GUEST_PAGE_FAULT)
		exit->gpa = vmm_exit_gpa(nacl);
	if (tvm->on_exit)
		tvm->on_exit(tvm, exit, nacl);
	if (ret.value) {
		tvm->vcpu[vcpu] = VMM_VCPU_DEAD;
		return false;
	}
	if (cause & SBI_TVM_EXIT_INTERRUPT_FLAG)
		return true;	/* ours: the handler ran when the TSM returned */
	switch (cause) {
	case SBI_TVM_EXIT_CAUSE_ECALL_VS:
		serve_ecall(tvm, exit, nacl);
		break;
	case SBI_TVM_EXIT_CAUSE_INSN_GUEST_PAGE_FAULT:
	case SBI_TVM_EXIT_CAUSE_LOAD_GUEST_PAGE_FAULT:
	case SBI_TVM_EXIT_CAUSE_STORE_GUEST_PAGE_FAULT:
		if (!serve_zero_fault(tvm, exit->gpa))
			ktap_diag("vmm: %s: fault at GPA %#lx (cause %lu)",
				  tvm->cfg.name, exit->gpa, cause);
		break;
	case SBI_TVM_EXIT_CAUSE_VIRTUAL_INSN:
		serve_wfi(nacl);
		break;
	default:
		ktap_diag("vmm: %s: exit cause %#lx", tvm->cfg.name, cause);
		tvm->error = "an exit the VMM does not serve";
	}
	return !tvm->error;
}

bool vmm_run(struct vmm_tvm *tvm)
{
	struct vmm_exit exit;

	if (tvm->error)
		return false;
	while (tvm->vcpu[0] == VMM_VCPU_RUNNABLE && !tvm->error)
		vmm_run_once(tvm, 0, &exit);
	if (!worker_wait(5000))
		tvm->error = "a vCPU on hart 1 still runs";
	if (tvm->line_len)
		console_byte(tvm, '\n');	/* a last line without its newline */
	if (tvm->error)
		ktap_diag("vmm: %s: %s", tvm->cfg.name, tvm->error);
	else if (tvm->status)
		ktap_diag("vmm: %s: guest status %ld", tvm->cfg.name, tvm->status);
	return !tvm->error && tvm->status == 0;
}

bool vmm_guest(struct vmm_tvm *tvm, const struct vmm_config *cfg)
{
	bool ok;

	vmm_create(tvm, cfg);
	ok = vmm_run(tvm);
	return ktap_ok(ok, "%s", cfg->name);
}

void vmm_config_guest(struct vmm_config *cfg, const char *name,
		      unsigned long test, unsigned int vcpus)
{
	*cfg = (struct vmm_config){
		.name = name,
		.image = guest_image,
		.image_size = guest_image_end - guest_image,
		.vcpus = vcpus,
		.arg = test,
	};
}
