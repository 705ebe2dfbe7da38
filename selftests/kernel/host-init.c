// SPDX-License-Identifier: GPL-2.0-only
/*
 * The whole of userspace of `tools/selftest host`: an unpatched Linux
 * booted as the TSM's host (or, for reference, straight from OpenSBI)
 * checks the machine it finds and reports KTAP.
 *
 * As PID 1 it mounts proc, sysfs and devtmpfs, runs every check, prints
 * KTAP on the console and powers the machine off through SBI SRST
 * (reboot(RB_POWER_OFF): the kernel's only power-off handler is SRST).
 *
 * Run as any other process (the host tests do), it mounts nothing and
 * powers nothing off: it reads proc/... and sys/... in the current
 * directory, runs the checks named by its arguments (all without any), and
 * exits 0 if none failed, 1 if one did, 2 on an unknown check.
 *
 * covekit.tsm=START-END on the kernel command line is the TSM's memory
 * (the runner reads it from the TSM's ELF): without it the TSM's checks
 * skip, as the kernel was not booted by the TSM.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sched.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <termios.h>

#define CPUS_ONLINE	"0-1"		/* the runner boots -smp 2 */
#define SLEEP_MS	200
#define SLEEP_MIN_MS	150
#define SLEEP_MAX_MS	5000		/* TCG on a loaded machine is slow */
#define UART_LINES	8
#define DT		"sys/firmware/devicetree/base"

enum result { PASS, FAIL, SKIP };

/* What a check says: its verdict, and for SKIP or FAIL, why. */
struct verdict {
	enum result result;
	char why[256];
};

static char *cmdline;

static enum result say(struct verdict *v, enum result r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(v->why, sizeof(v->why), fmt, ap);
	va_end(ap);
	v->result = r;
	return r;
}

/* The whole of a file, NUL-terminated (binary files: *len); NULL if unreadable. */
static char *read_file_len(const char *path, size_t *len)
{
	size_t cap = 4096, n = 0;
	char *data = malloc(cap + 1);
	ssize_t got;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || !data) {
		free(data);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	while ((got = read(fd, data + n, cap - n)) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			free(data);
			close(fd);
			return NULL;
		}
		n += got;
		if (n == cap) {
			char *bigger = realloc(data, cap * 2 + 1);

			if (!bigger) {
				free(data);
				close(fd);
				return NULL;
			}
			data = bigger;
			cap *= 2;
		}
	}
	close(fd);
	data[n] = '\0';
	if (len)
		*len = n;
	return data;
}

static char *read_file(const char *path)
{
	return read_file_len(path, NULL);
}

/* VALUE of covekit.VAR=VALUE on the kernel command line, or NULL. */
static const char *param(const char *var, char *value, size_t size)
{
	const char *p = cmdline;
	size_t len = strlen(var);

	while (p && *p) {
		size_t word = strcspn(p, " \t\n");

		if (word > 8 + len && !strncmp(p, "covekit.", 8) &&
		    !strncmp(p + 8, var, len) && p[8 + len] == '=') {
			size_t n = word - 9 - len;

			if (n >= size)
				n = size - 1;
			memcpy(value, p + 9 + len, n);
			value[n] = '\0';
			return value;
		}
		p += word;
		p += strspn(p, " \t\n");
	}
	return NULL;
}

/* covekit.tsm=START-END: [*start, *end); 0 if absent, -1 if malformed. */
static int tsm_range(uint64_t *start, uint64_t *end)
{
	char value[64], *rest;

	if (!param("tsm", value, sizeof(value)))
		return 0;
	errno = 0;
	*start = strtoull(value, &rest, 0);
	if (errno || *rest != '-')
		return -1;
	*end = strtoull(rest + 1, &rest, 0);
	if (errno || *rest || *end <= *start)
		return -1;
	return 1;
}

static enum result no_tsm(struct verdict *v, int found)
{
	if (found < 0)
		return say(v, FAIL, "covekit.tsm= is not START-END");
	return say(v, SKIP, "no covekit.tsm= on the kernel command line: not the TSM's host");
}

/* --- CPUs ---------------------------------------------------------------- */

static enum result check_cpus_online(struct verdict *v)
{
	char *online = read_file("sys/devices/system/cpu/online");
	enum result r;

	if (!online)
		return say(v, FAIL, "sys/devices/system/cpu/online: %s", strerror(errno));
	online[strcspn(online, "\n")] = '\0';
	if (strcmp(online, CPUS_ONLINE))
		r = say(v, FAIL, "CPUs online: %s, expected %s", online, CPUS_ONLINE);
	else
		r = PASS;
	free(online);
	return r;
}

/*
 * The sum over every CPU of the /proc/interrupts lines whose label (before
 * the ':') starts with label, or, when label is NULL, whose text holds name
 * and, unless NULL, chip. -1 if there is no such line.
 */
static long long interrupts(const char *label, const char *name, const char *chip)
{
	char *text = read_file("proc/interrupts"), *line, *next;
	long long sum = -1;
	int cpus = 0;

	if (!text)
		return -1;
	for (line = text; line; line = next) {
		char *p = line + strspn(line, " "), *colon;
		int i;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (line == text) {	/* "CPU0 CPU1 ...": how many columns */
			for (; (p = strstr(p, "CPU")); p += 3)
				cpus++;
			continue;
		}
		colon = strchr(p, ':');
		if (!colon)
			continue;
		if (label ? strncmp(p, label, strlen(label)) :
			    !strstr(colon, name) || (chip && !strstr(colon, chip)))
			continue;
		if (sum < 0)
			sum = 0;
		for (p = colon + 1, i = 0; i < cpus; i++) {
			char *end;
			long long n = strtoll(p, &end, 10);

			if (end == p)
				break;
			sum += n;
			p = end;
		}
	}
	free(text);
	return sum;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/*
 * A 200 ms sleep ends on time by CLOCK_MONOTONIC, jiffies (times()) moved
 * with it, and the timer interrupted at least once meanwhile.
 */
static enum result check_timer(struct verdict *v)
{
	struct timespec sleep = { 0, SLEEP_MS * 1000000L };
	long hz = sysconf(_SC_CLK_TCK);
	long long irqs = interrupts(NULL, "riscv-timer", NULL), irqs_after;
	struct tms unused;
	clock_t ticks = times(&unused), ticks_after;
	double start = now_ms(), ms, jiffy_ms;

	while (nanosleep(&sleep, &sleep) && errno == EINTR)
		;
	ms = now_ms() - start;
	ticks_after = times(&unused);
	irqs_after = interrupts(NULL, "riscv-timer", NULL);
	jiffy_ms = (ticks_after - ticks) * 1000.0 / hz;
	printf("# timer: slept %.1f ms by CLOCK_MONOTONIC, %.0f ms by jiffies, "
	       "%lld riscv-timer interrupts\n", ms, jiffy_ms, irqs_after - irqs);
	if (ms < SLEEP_MIN_MS || ms > SLEEP_MAX_MS)
		return say(v, FAIL, "a %d ms sleep took %.1f ms (allowed %d..%d)",
			   SLEEP_MS, ms, SLEEP_MIN_MS, SLEEP_MAX_MS);
	/* Jiffies move in 1/HZ steps and times() in 1/USER_HZ: two steps of slack. */
	if (jiffy_ms < SLEEP_MIN_MS - 2000.0 / hz || jiffy_ms > ms + 2000.0 / hz)
		return say(v, FAIL, "jiffies say %.0f ms for a %.1f ms sleep", jiffy_ms, ms);
	if (irqs < 0)
		return say(v, FAIL, "no riscv-timer line in proc/interrupts");
	if (irqs_after <= irqs)
		return say(v, FAIL, "no timer interrupt during the sleep");
	return PASS;
}

/* Whether an ISA string lists the extension ext after its single letters. */
static bool isa_has(const char *isa, const char *ext)
{
	size_t len = strlen(ext);
	const char *p;

	for (p = strchr(isa, '_'); p; p = strchr(p + 1, '_'))
		if (!strncmp(p + 1, ext, len) && strchr("_\n", p[1 + len]))
			return true;
	return false;
}

/*
 * The timer path this boot takes: Linux writes stimecmp itself when every
 * hart lists Sstc, and calls SBI TIME otherwise. covekit.sstc=present or
 * absent says which one the runner's CPU should give.
 */
static enum result check_timer_path(struct verdict *v)
{
	char want[16], *text, *line, *next;
	int lines = 0, with = 0;

	if (!param("sstc", want, sizeof(want)))
		return say(v, SKIP, "no covekit.sstc= on the kernel command line");
	if (strcmp(want, "present") && strcmp(want, "absent"))
		return say(v, FAIL, "covekit.sstc=%s: expected present or absent", want);
	text = read_file("proc/cpuinfo");
	if (!text)
		return say(v, FAIL, "proc/cpuinfo: %s", strerror(errno));
	for (line = text; line; line = next) {
		char *colon;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		colon = strstr(line, ": ");
		if (colon && !strncmp(line, "isa", 3)) {
			lines++;
			with += isa_has(colon + 2, "sstc");
		}
	}
	free(text);
	if (!lines)
		return say(v, FAIL, "no isa line in proc/cpuinfo");
	printf("# timer: sstc in %d of %d isa lines: the %s\n", with, lines,
	       with == lines ? "stimecmp CSR" : "SBI TIME call");
	if ((with == lines) != !strcmp(want, "present") || (with && with != lines))
		return say(v, FAIL, "sstc in %d of %d isa lines, expected %s", with, lines,
			   want);
	return PASS;
}

/* The CPU this task runs on, by the 39th field of proc/self/stat. */
static int stat_cpu(void)
{
	char *text = read_file("proc/self/stat"), *p;
	int field, cpu = -1;

	if (!text)
		return -1;
	p = strrchr(text, ')');	/* the command may hold blanks */
	for (field = 2; p && field < 39; field++)
		p = strchr(p + 1, ' ');
	if (p)
		cpu = atoi(p + 1);
	free(text);
	return cpu;
}

static enum result move_to(struct verdict *v, int cpu)
{
	cpu_set_t set;
	int now, by_stat;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		return say(v, FAIL, "sched_setaffinity(CPU %d): %s", cpu, strerror(errno));
	now = sched_getcpu();
	by_stat = stat_cpu();
	if (now != cpu || by_stat != cpu)
		return say(v, FAIL, "pinned to CPU %d, running on %d (sched_getcpu), %d "
			   "(proc/self/stat)", cpu, now, by_stat);
	return PASS;
}

/*
 * Moving to the other CPU and back: the migration wakes the idle CPU with a
 * reschedule IPI, which /proc/interrupts counts.
 */
static enum result check_ipi(struct verdict *v)
{
	long long ipis = interrupts("IPI", NULL, NULL), ipis_after;
	int round;

	if (ipis < 0)
		return say(v, FAIL, "no IPI lines in proc/interrupts");
	for (round = 0; round < 3; round++)
		if (move_to(v, 1) != PASS || move_to(v, 0) != PASS)
			return FAIL;
	ipis_after = interrupts("IPI", NULL, NULL);
	printf("# ipi: moved between CPU 0 and 1 three times, %lld IPIs\n",
	       ipis_after - ipis);
	if (ipis_after <= ipis)
		return say(v, FAIL, "CPUs changed but no IPI was counted");
	return PASS;
}

/* --- the console ------------------------------------------------------ */

/*
 * Lines written to the console's tty go out through the 8250 driver, which
 * sends on the UART's transmit interrupt when it has one (the PLIC's): its
 * /proc/interrupts line counts them.
 */
static enum result check_uart_irq(struct verdict *v)
{
	long long count;
	int i;

	for (i = 1; i <= UART_LINES; i++)
		printf("# uart: line %d of %d, through the tty and its interrupt\n",
		       i, UART_LINES);
	fflush(stdout);
	tcdrain(STDOUT_FILENO);
	count = interrupts(NULL, "ttyS0", "PLIC");
	if (count < 0)
		return say(v, FAIL, "no ttyS0 line of the PLIC in proc/interrupts: "
			   "the UART has no interrupt");
	printf("# uart: %lld ttyS0 interrupts\n", count);
	if (!count)
		return say(v, FAIL, "the ttyS0 interrupt never fired");
	return PASS;
}

/* --- memory ----------------------------------------------------------- */

/* A big-endian number of cells from p. */
static uint64_t cells(const unsigned char *p, int n)
{
	uint64_t x = 0;
	int i;

	for (i = 0; i < 4 * n; i++)
		x = x << 8 | p[i];
	return x;
}

static int dt_cells(const char *dir, const char *name, int dflt)
{
	char path[512];
	size_t len;
	char *data;
	int n = dflt;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	data = read_file_len(path, &len);
	if (data && len == 4)
		n = cells((unsigned char *)data, 1);
	free(data);
	return n;
}

/*
 * The (address, size) pairs of dir/reg, whose parent is parent; count
 * pairs, at most max; -1 if there is no reg.
 */
static int dt_reg(const char *parent, const char *dir, uint64_t (*regs)[2], int max)
{
	int ac = dt_cells(parent, "#address-cells", 2), sc = dt_cells(parent, "#size-cells", 1);
	char path[512];
	size_t len, at;
	int n = 0;
	char *data;

	snprintf(path, sizeof(path), "%s/reg", dir);
	data = read_file_len(path, &len);
	if (!data)
		return -1;
	for (at = 0; at + 4 * (ac + sc) <= len && n < max; at += 4 * (ac + sc), n++) {
		regs[n][0] = cells((unsigned char *)data + at, ac);
		regs[n][1] = cells((unsigned char *)data + at + 4 * ac, sc);
	}
	free(data);
	return n;
}

/*
 * Whether a "System RAM" range of proc/iomem overlaps [start, end); the
 * first such range in *ram. -1 if proc/iomem lists no System RAM.
 */
static int ram_overlaps(uint64_t start, uint64_t end, uint64_t ram[2])
{
	char *text = read_file("proc/iomem"), *line, *next;
	int found = -1;

	if (!text)
		return -1;
	for (line = text; line && found < 1; line = next) {
		uint64_t s, e;
		int name;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (sscanf(line, "%" SCNx64 "-%" SCNx64 " : %n", &s, &e, &name) != 2 ||
		    strcmp(line + name, "System RAM"))
			continue;
		found = s < end && start <= e;	/* iomem's ends are inclusive */
		ram[0] = s;
		ram[1] = e + 1;
	}
	free(text);
	return found;
}

static enum result check_iomem_excludes_tsm(struct verdict *v)
{
	uint64_t start, end, ram[2];
	int found = tsm_range(&start, &end);

	if (found <= 0)
		return no_tsm(v, found);
	switch (ram_overlaps(start, end, ram)) {
	case -1:
		return say(v, FAIL, "proc/iomem lists no System RAM (run as root?)");
	case 1:
		return say(v, FAIL, "System RAM %#" PRIx64 "-%#" PRIx64 " overlaps the TSM "
			   "%#" PRIx64 "-%#" PRIx64, ram[0], ram[1], start, end);
	}
	return PASS;
}

/*
 * Every no-map region of the device tree's /reserved-memory (OpenSBI's,
 * and the TSM's when it boots us) is absent from System RAM.
 */
static enum result check_iomem_excludes_no_map(struct verdict *v)
{
	const char *parent = DT "/reserved-memory";
	DIR *dir = opendir(parent);
	struct dirent *d;
	int regions = 0;

	if (!dir)
		return say(v, FAIL, "%s: %s", parent, strerror(errno));
	v->result = PASS;
	while (v->result == PASS && (d = readdir(dir))) {
		uint64_t regs[8][2], ram[2];
		char node[512], flag[600];
		int n, i;

		snprintf(node, sizeof(node), "%s/%s", parent, d->d_name);
		snprintf(flag, sizeof(flag), "%s/no-map", node);
		if (d->d_name[0] == '.' || access(flag, F_OK))
			continue;
		n = dt_reg(parent, node, regs, 8);
		for (i = 0; i < n && v->result == PASS; i++) {
			regions++;
			if (ram_overlaps(regs[i][0], regs[i][0] + regs[i][1], ram) == 1)
				say(v, FAIL, "System RAM %#" PRIx64 "-%#" PRIx64 " overlaps "
				    "the no-map region %s", ram[0], ram[1], d->d_name);
		}
	}
	closedir(dir);
	if (v->result == PASS && !regions)
		return say(v, FAIL, "no no-map region in %s: OpenSBI reserves its own", parent);
	return v->result;
}

/* MemTotal leaves out at least the TSM's memory, of the device tree's RAM. */
static enum result check_memtotal(struct verdict *v)
{
	uint64_t start, end, dt_ram = 0, regs[8][2];
	unsigned long long memtotal_kb = 0;
	int found = tsm_range(&start, &end);
	char *meminfo, *p, node[512];
	struct dirent *d;
	DIR *dir;
	int n, i;

	if (found <= 0)
		return no_tsm(v, found);
	dir = opendir(DT);
	if (!dir)
		return say(v, FAIL, "%s: %s", DT, strerror(errno));
	while ((d = readdir(dir))) {
		if (strncmp(d->d_name, "memory@", 7))
			continue;
		snprintf(node, sizeof(node), "%s/%s", DT, d->d_name);
		n = dt_reg(DT, node, regs, 8);
		for (i = 0; i < n; i++)
			dt_ram += regs[i][1];
	}
	closedir(dir);
	meminfo = read_file("proc/meminfo");
	p = meminfo ? strstr(meminfo, "MemTotal:") : NULL;
	if (p)
		memtotal_kb = strtoull(p + 9, NULL, 10);
	free(meminfo);
	if (!dt_ram || !memtotal_kb)
		return say(v, FAIL, "no RAM in the device tree's memory@ nodes or no MemTotal");
	printf("# memory: MemTotal %llu KiB of %" PRIu64 " KiB, TSM %" PRIu64 " KiB\n",
	       memtotal_kb, dt_ram >> 10, (end - start) >> 10);
	if (memtotal_kb * 1024 > dt_ram - (end - start))
		return say(v, FAIL, "MemTotal %llu KiB counts the TSM's memory",
			   memtotal_kb);
	return PASS;
}

/* --- the ISA ---------------------------------------------------------- */

/*
 * Whether an ISA string ("rv64imafdch_zicsr_...") holds the hypervisor
 * extension: 'h' among the single letters before the first '_', or an
 * extension named exactly "h" after it.
 */
static bool isa_has_h(const char *isa)
{
	size_t base = strcspn(isa, "_\n");
	const char *p;

	if (!strncmp(isa, "rv64", 4) || !strncmp(isa, "rv32", 4))
		if (memchr(isa + 4, 'h', base - 4))
			return true;
	for (p = isa + base; *p == '_'; p += strcspn(p + 1, "_\n") + 1)
		if (p[1] == 'h' && (p[2] == '_' || p[2] == '\n' || !p[2]))
			return true;
	return false;
}

static enum result check_no_h(struct verdict *v)
{
	char *text = read_file("proc/cpuinfo"), *line, *next;
	int isa_lines = 0, with_h = 0, found;
	uint64_t start, end;

	if (!text)
		return say(v, FAIL, "proc/cpuinfo: %s", strerror(errno));
	for (line = text; line; line = next) {
		char *colon;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		colon = strstr(line, ": ");
		if (!colon || (strncmp(line, "isa", 3) && strncmp(line, "hart isa", 8)))
			continue;
		isa_lines++;
		if (isa_has_h(colon + 2)) {
			if (!with_h++)
				printf("# cpuinfo: %s\n", line);
		}
	}
	free(text);
	if (!isa_lines)
		return say(v, FAIL, "no isa line in proc/cpuinfo");
	found = tsm_range(&start, &end);
	if (found <= 0) {
		no_tsm(v, found);
		if (found == 0)
			snprintf(v->why + strlen(v->why), sizeof(v->why) - strlen(v->why),
				 " (h in %d of %d isa lines)", with_h, isa_lines);
		return v->result;
	}
	if (with_h)
		return say(v, FAIL, "the hypervisor extension in %d of %d isa lines",
			   with_h, isa_lines);
	return PASS;
}

/* --- the run ---------------------------------------------------------- */

static const struct check {
	const char *name;
	enum result (*run)(struct verdict *v);
} checks[] = {
	{ "cpus-online", check_cpus_online },
	{ "timer", check_timer },
	{ "timer-path", check_timer_path },
	{ "ipi", check_ipi },
	{ "uart-irq", check_uart_irq },
	{ "iomem-excludes-no-map", check_iomem_excludes_no_map },
	{ "iomem-excludes-tsm", check_iomem_excludes_tsm },
	{ "memtotal-excludes-tsm", check_memtotal },
	{ "no-hypervisor-ext", check_no_h },
};

#define NCHECKS (sizeof(checks) / sizeof(checks[0]))

static void mount_fs(const char *type, const char *dir)
{
	if (mkdir(dir, 0755) && errno != EEXIST)
		printf("# init: mkdir %s: %s\n", dir, strerror(errno));
	if (mount(type, dir, type, MS_NOSUID | MS_NOEXEC, NULL) && errno != EBUSY)
		printf("# init: mount %s on %s: %s\n", type, dir, strerror(errno));
}

int main(int argc, char **argv)
{
	const struct check *run[NCHECKS];
	bool pid1 = getpid() == 1;
	size_t count = 0, i;
	int failed = 0, a;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (pid1) {
		argc = 1;	/* the kernel passes init what it does not know */
		if (chdir("/"))
			printf("# init: chdir /: %s\n", strerror(errno));
		mount_fs("proc", "proc");
		mount_fs("sysfs", "sys");
		mount_fs("devtmpfs", "dev");
	}
	for (a = 1; a < argc; a++) {
		for (i = 0; i < NCHECKS && strcmp(checks[i].name, argv[a]); i++)
			;
		if (i == NCHECKS) {
			fprintf(stderr, "init: unknown check %s\n", argv[a]);
			return 2;
		}
		run[count++] = &checks[i];
	}
	if (argc == 1)
		for (count = 0; count < NCHECKS; count++)
			run[count] = &checks[count];

	cmdline = read_file("proc/cmdline");
	printf("KTAP version 1\n1..%zu\n", count);
	for (i = 0; i < count; i++) {
		struct verdict v = { PASS, "" };
		enum result r = run[i]->run(&v);

		if (r == FAIL)
			printf("# %s: %s\n", run[i]->name, v.why);
		if (r == SKIP)
			printf("ok %zu %s # SKIP %s\n", i + 1, run[i]->name, v.why);
		else
			printf("%s %zu %s\n", r == PASS ? "ok" : "not ok", i + 1, run[i]->name);
		failed += r == FAIL;
	}
	fflush(stdout);

	if (!pid1)
		return failed ? 1 : 0;
	sync();
	reboot(RB_POWER_OFF);
	printf("# init: power off: %s\n", strerror(errno));
	fflush(stdout);
	/* Exiting panics the kernel, which is the crash the runner looks for. */
	return 1;
}
