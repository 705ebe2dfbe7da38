// SPDX-License-Identifier: GPL-2.0-only
/*
 * The whole of userspace in the test VM of `tools/selftest kernel SERIES`.
 *
 * As PID 1 it mounts proc, sysfs and devtmpfs, reads the suite (/suite) and
 * the kernel command line (/proc/cmdline), runs every test of the suite,
 * reports KTAP on the console and powers the machine off.
 *
 * Run as any other process (the host tests do), it mounts nothing and powers
 * nothing off: it reads suite and proc/cmdline in the current directory,
 * runs the tests, and exits 0 if none failed, 1 if one did, 2 on a bad suite.
 *
 * The suite (selftests/kernel/README.md), one line each, '#' comments:
 *
 *	boot NAME VAR=VALUE... -- QEMU-ARGUMENT...	(ignored here)
 *	test NAME EXPECT [PATTERN...] -- COMMAND [ARGUMENT...]
 *
 * Words are separated by blanks; "a quoted word" may hold blanks. EXPECT:
 *	exit	kselftest verdict: exit status 0 passes, 4 (KSFT_SKIP) skips
 *	present	the command exits 0 and one of the PATTERNs is in its output
 *	absent	the command exits 0 and none of the PATTERNs is in its output
 *	$VAR	present or absent, from covekit.VAR= on the kernel command line
 * A COMMAND without a '/' is bin/COMMAND.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define KSFT_SKIP	4
#define MAX_TESTS	64
#define MAX_WORDS	64
#define MAX_NAME	128

enum expect {
	EXPECT_EXIT,
	EXPECT_PRESENT,
	EXPECT_ABSENT,
	EXPECT_VAR,
};

struct test {
	const char *name;
	enum expect expect;
	const char *var;		/* EXPECT_VAR: the VAR of $VAR */
	char **patterns;		/* NULL-terminated */
	char **argv;			/* NULL-terminated */
};

struct buf {
	char *data;
	size_t len, cap;
};

static const char *suite_path = "suite";
static const char *cmdline_path = "proc/cmdline";
static char *cmdline;

static void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size);
	if (!p) {
		printf("Bail out! out of memory\n");
		exit(2);
	}
	return p;
}

static void buf_add(struct buf *b, const char *data, size_t len)
{
	if (b->len + len + 1 > b->cap) {
		b->cap = (b->len + len + 1) * 2;
		b->data = xrealloc(b->data, b->cap);
	}
	memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

static void buf_printf(struct buf *b, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_add(b, line, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1);
}

/* The whole of a file, NUL-terminated; NULL (errno set) if unreadable. */
static char *read_file(const char *path)
{
	struct buf b = { 0 };
	char chunk[4096];
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	buf_add(&b, "", 0);
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			free(b.data);
			close(fd);
			return NULL;
		}
		buf_add(&b, chunk, n);
	}
	close(fd);
	return b.data;
}

/*
 * Split a line into words, in place: blanks separate them, and a word that
 * starts with '"' runs to the next '"'. Returns the number of words, or -1
 * with *why set.
 */
static int split(char *line, char **words, int max, const char **why)
{
	int n = 0;
	char *p = line;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			return n;
		if (n == max) {
			*why = "too many words";
			return -1;
		}
		if (*p == '"') {
			char *end = strchr(p + 1, '"');

			if (!end) {
				*why = "unterminated quote";
				return -1;
			}
			if (end[1] && end[1] != ' ' && end[1] != '\t') {
				*why = "a quoted word must end at a blank";
				return -1;
			}
			words[n++] = p + 1;
			*end = '\0';
			p = end + 1;
			continue;
		}
		words[n++] = p;
		while (*p && *p != ' ' && *p != '\t') {
			if (*p == '"') {
				*why = "a quote inside a word";
				return -1;
			}
			p++;
		}
		if (*p)
			*p++ = '\0';
	}
}

static char **copy_words(char **words, int n)
{
	char **copy = xrealloc(NULL, (n + 1) * sizeof(*copy));

	memcpy(copy, words, n * sizeof(*copy));
	copy[n] = NULL;
	return copy;
}

static bool valid_name(const char *name)
{
	const char *p;

	if (!*name || strlen(name) >= MAX_NAME)
		return false;
	for (p = name; *p; p++)
		if (*p == '#' || *p < ' ' || *p > '~')
			return false;
	return true;
}

static void parse_test(struct test *t, char **words, int n, const char **why)
{
	int sep;

	for (sep = 3; sep < n && strcmp(words[sep], "--"); sep++)
		;
	if (n < 3 || sep >= n - 1) {
		*why = "expected: test NAME EXPECT [PATTERN...] -- COMMAND [ARGUMENT...]";
		return;
	}
	if (!valid_name(words[1])) {
		*why = "a test name is printable ASCII without '#'";
		return;
	}
	t->name = words[1];
	if (!strcmp(words[2], "exit")) {
		t->expect = EXPECT_EXIT;
	} else if (!strcmp(words[2], "present")) {
		t->expect = EXPECT_PRESENT;
	} else if (!strcmp(words[2], "absent")) {
		t->expect = EXPECT_ABSENT;
	} else if (words[2][0] == '$' && words[2][1]) {
		t->expect = EXPECT_VAR;
		t->var = words[2] + 1;
	} else {
		*why = "EXPECT is exit, present, absent or $VAR";
		return;
	}
	if ((t->expect == EXPECT_EXIT) != (sep == 3)) {
		*why = t->expect == EXPECT_EXIT ? "exit takes no PATTERN" :
						  "present, absent and $VAR need a PATTERN";
		return;
	}
	t->patterns = copy_words(words + 3, sep - 3);
	t->argv = copy_words(words + sep + 1, n - sep - 1);
}

/* The tests of the suite text, which is kept (the tests point into it). */
static int parse_suite(char *text, struct test *tests)
{
	char *words[MAX_WORDS];
	int count = 0, lineno = 0;
	char *line, *next;

	for (line = text; line; line = next) {
		const char *why = NULL;
		int n;

		lineno++;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		line += strspn(line, " \t");
		if (!*line || *line == '#')
			continue;
		n = split(line, words, MAX_WORDS, &why);
		if (n > 0 && !strcmp(words[0], "boot"))
			continue;
		if (n > 0 && strcmp(words[0], "test"))
			why = "a line is a boot, a test or a # comment";
		else if (n > 0 && count == MAX_TESTS)
			why = "too many tests";
		else if (n > 0)
			parse_test(&tests[count], words, n, &why);
		if (why) {
			printf("1..0\nBail out! %s:%d: %s\n", suite_path, lineno, why);
			return -1;
		}
		count++;
	}
	return count;
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

/*
 * Run argv with stdout and stderr into out; its wait status, or -1 (out
 * says why) if it could not be started.
 */
static int run(char *const argv[], struct buf *out)
{
	char path[256];
	char chunk[4096];
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	snprintf(path, sizeof(path), "%s%s", strchr(argv[0], '/') ? "" : "bin/",
		 argv[0]);
	if (pipe2(fds, O_CLOEXEC)) {
		buf_printf(out, "pipe: %s\n", strerror(errno));
		return -1;
	}
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		buf_printf(out, "fork: %s\n", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		dup2(fds[1], STDERR_FILENO);
		execv(path, argv);
		dprintf(STDERR_FILENO, "init: cannot execute %s: %s\n", path,
			strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		buf_add(out, chunk, n);
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			buf_printf(out, "waitpid: %s\n", strerror(errno));
			return -1;
		}
	}
	return status;
}

/* Every line of text as a "# " diagnostic. */
static void diagnose(const char *text)
{
	while (text && *text) {
		size_t len = strcspn(text, "\n");
		size_t shown = len;

		while (shown && (text[shown - 1] == '\r' || text[shown - 1] == ' '))
			shown--;
		printf("#%s%.*s\n", shown ? " " : "", (int)shown, text);
		text += len;
		if (*text)
			text++;
	}
}

/* The last non-blank line of text, for a SKIP reason. */
static void last_line(const char *text, char *line, size_t size)
{
	const char *end = text + strlen(text), *start;

	line[0] = '\0';
	while (end > text && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' '))
		end--;
	for (start = end; start > text && start[-1] != '\n'; start--)
		;
	snprintf(line, size, "%.*s", (int)(end - start), start);
}

/* The line of text holding the first of the patterns found in it, or NULL. */
static const char *find(const char *text, char **patterns, char *line, size_t size)
{
	char **p;

	for (p = patterns; *p; p++) {
		const char *hit = strstr(text, *p), *start, *end;

		if (!hit)
			continue;
		for (start = hit; start > text && start[-1] != '\n'; start--)
			;
		end = hit + strcspn(hit, "\n");
		while (start < end && (*start == '\t' || *start == ' '))
			start++;
		snprintf(line, size, "%.*s", (int)(end - start), start);
		return line;
	}
	return NULL;
}

static void describe_status(struct buf *why, int status)
{
	if (WIFEXITED(status))
		buf_printf(why, "exit status %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		buf_printf(why, "killed by signal %d (%s)", WTERMSIG(status),
			   strsignal(WTERMSIG(status)));
	else
		buf_printf(why, "wait status 0x%x", status);
}

enum result { PASS, FAIL, SKIP };

/* Run test number n; print its KTAP result line, and its output if it failed. */
static enum result run_test(int n, const struct test *t)
{
	struct buf out = { 0 }, why = { 0 };
	enum result result = FAIL;
	enum expect expect = t->expect;
	char value[64], source[256] = "", line[512], reason[256] = "";
	char **p;
	int status;

	buf_add(&out, "", 0);
	buf_add(&why, "", 0);
	if (expect == EXPECT_VAR) {
		if (!param(t->var, value, sizeof(value))) {
			buf_printf(&why, "covekit.%s= is not on the kernel command line",
				   t->var);
			goto report;
		}
		snprintf(source, sizeof(source), " (covekit.%s=%s)", t->var, value);
		if (!strcmp(value, "present")) {
			expect = EXPECT_PRESENT;
		} else if (!strcmp(value, "absent")) {
			expect = EXPECT_ABSENT;
		} else {
			buf_printf(&why, "covekit.%s=%s: expected present or absent",
				   t->var, value);
			goto report;
		}
	}

	status = run(t->argv, &out);
	if (status == -1) {
		buf_printf(&why, "%s did not start", t->argv[0]);
		goto report;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == KSFT_SKIP) {
		last_line(out.data, line, sizeof(line));
		snprintf(reason, sizeof(reason), "%s", line[0] ? line :
			 "exit status 4 (KSFT_SKIP)");
		result = SKIP;
		goto report;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		buf_printf(&why, "%s: ", t->argv[0]);
		describe_status(&why, status);
		goto report;
	}
	if (expect == EXPECT_EXIT) {
		result = PASS;
	} else if (find(out.data, t->patterns, line, sizeof(line))) {
		if (expect == EXPECT_PRESENT)
			result = PASS;
		else
			buf_printf(&why, "expected absent%s, found: %s", source, line);
	} else {
		if (expect == EXPECT_ABSENT) {
			result = PASS;
		} else {
			buf_printf(&why, "expected present%s, found none of:", source);
			for (p = t->patterns; *p; p++)
				buf_printf(&why, " \"%s\"", *p);
		}
	}

report:
	if (result == FAIL) {
		diagnose(out.data);
		printf("# %s: %s\n", t->name, why.data);
	}
	if (result == SKIP)
		printf("ok %d %s # SKIP %s\n", n, t->name, reason);
	else
		printf("%s %d %s\n", result == PASS ? "ok" : "not ok", n, t->name);
	fflush(stdout);
	free(out.data);
	free(why.data);
	return result;
}

static void mount_fs(const char *type, const char *dir)
{
	if (mkdir(dir, 0755) && errno != EEXIST)
		printf("# init: mkdir %s: %s\n", dir, strerror(errno));
	if (mount(type, dir, type, MS_NOSUID | MS_NOEXEC, NULL) && errno != EBUSY)
		printf("# init: mount %s on %s: %s\n", type, dir, strerror(errno));
}

int main(void)
{
	static struct test tests[MAX_TESTS];
	bool pid1 = getpid() == 1;
	int count, i, failed = 0;
	char *text;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (pid1) {
		if (chdir("/"))
			printf("# init: chdir /: %s\n", strerror(errno));
		mount_fs("proc", "proc");
		mount_fs("sysfs", "sys");
		mount_fs("devtmpfs", "dev");
	}

	printf("KTAP version 1\n");
	cmdline = read_file(cmdline_path);
	if (!cmdline)
		printf("# init: %s: %s\n", cmdline_path, strerror(errno));
	text = read_file(suite_path);
	if (!text) {
		/* A plan, so that the runner reports the bail out's reason. */
		printf("1..0\nBail out! %s: %s\n", suite_path, strerror(errno));
		count = -1;
	} else {
		count = parse_suite(text, tests);
	}
	if (count >= 0) {
		printf("1..%d\n", count);
		for (i = 0; i < count; i++)
			failed += run_test(i + 1, &tests[i]) == FAIL;
	}
	fflush(stdout);

	if (!pid1)
		return count < 0 ? 2 : failed ? 1 : 0;
	sync();
	reboot(RB_POWER_OFF);
	printf("# init: power off: %s\n", strerror(errno));
	fflush(stdout);
	/* Exiting panics the kernel, which is the crash the runner looks for. */
	return 1;
}
