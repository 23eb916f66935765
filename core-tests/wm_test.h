/* wm_test.h: a tiny self-contained test framework for the engine's C tests.
 *
 *   TEST(name) { CHECK(x); CHECK_EQ(a, b); ... }      registers a test case
 *   TEST_KNOWN_BUG(name, "why") { ... }               a test documenting a src/ bug
 *
 * Checks report file:line and keep going; REQUIRE* stop the current test.
 * Every test runs in its own forked process (a crash, a sanitizer report, a leak or a
 * hang is charged to that test only) under a per-test alarm. The program ends with
 *   RESULT <program>: passed=N failed=M
 * which core-tests/run_tests.sh adds up.
 *
 * Environment:
 *   WM_TEST_NOFORK=1           run tests in-process (for gdb)
 *   WM_TEST_TIMEOUT=<seconds>  per-test alarm (default 60)
 *   WM_TEST_SKIP_KNOWN_BUGS=1  skip TEST_KNOWN_BUG tests
 * Arguments: substrings; only tests whose name contains one of them run.
 *
 * Define WM_TEST_NO_MAIN before including to leave main() out. */
#ifndef WM_TEST_H
#define WM_TEST_H

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef void (*wm_test_fn)(void);

typedef struct wm_test_case {
	const char *name;
	wm_test_fn fn;
	const char *file;
	int line;
	const char *known_bug; /* NULL for ordinary tests */
} wm_test_case_t;

#define WM_TEST_MAX 512

static wm_test_case_t wm_test_cases[WM_TEST_MAX];
static int wm_test_ncases;
static int wm_test_cur_failed;   /* failed checks in the running test */
static long wm_test_cur_checks;  /* checks evaluated in the running test */
static jmp_buf wm_test_jmp;
static const char *wm_test_cur_name;

__attribute__((unused)) static void wm_test_register(const char *name, wm_test_fn fn, const char *file, int line,
		const char *known_bug)
{
	if (wm_test_ncases >= WM_TEST_MAX) {
		fprintf(stderr, "wm_test: too many tests (raise WM_TEST_MAX)\n");
		abort();
	}
	wm_test_case_t *t = &wm_test_cases[wm_test_ncases++];
	t->name = name;
	t->fn = fn;
	t->file = file;
	t->line = line;
	t->known_bug = known_bug;
}

#define WM_TEST_REGISTER_(name, bug) \
	static void wm_test_fn_##name(void); \
	__attribute__((constructor)) static void wm_test_reg_##name(void) \
	{ \
		wm_test_register(#name, wm_test_fn_##name, __FILE__, __LINE__, bug); \
	} \
	static void wm_test_fn_##name(void)

#define TEST(name) WM_TEST_REGISTER_(name, NULL)
#define TEST_KNOWN_BUG(name, why) WM_TEST_REGISTER_(name, why)

__attribute__((format(printf, 3, 4)))
static void wm_test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	wm_test_cur_failed++;
	fprintf(stderr, "%s:%d: [%s] check failed: ", file, line,
		wm_test_cur_name ? wm_test_cur_name : "?");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
}

/* Note: a message with file:line but not a failure. */
#define TEST_NOTE(...) \
	do { \
		fprintf(stderr, "%s:%d: [%s] note: ", __FILE__, __LINE__, wm_test_cur_name); \
		fprintf(stderr, __VA_ARGS__); \
		fputc('\n', stderr); \
	} while (0)

/* Stop the running test (after a failed REQUIRE). */
static void wm_test_abort_current(void) __attribute__((noreturn, unused));
static void wm_test_abort_current(void)
{
	longjmp(wm_test_jmp, 1);
}

#define CHECK(cond) \
	do { \
		wm_test_cur_checks++; \
		if (!(cond)) { \
			wm_test_fail(__FILE__, __LINE__, "CHECK(%s)", #cond); \
		} \
	} while (0)

#define CHECK_MSG(cond, ...) \
	do { \
		wm_test_cur_checks++; \
		if (!(cond)) { \
			wm_test_fail(__FILE__, __LINE__, __VA_ARGS__); \
		} \
	} while (0)

/* Integer comparison: both sides are evaluated once and compared as long long. */
#define CHECK_OP_(a, op, b, stop) \
	do { \
		long long wm_a_ = (long long)(a); \
		long long wm_b_ = (long long)(b); \
		wm_test_cur_checks++; \
		if (!(wm_a_ op wm_b_)) { \
			wm_test_fail(__FILE__, __LINE__, "%s %s %s (%lld %s %lld)", #a, #op, #b, \
				wm_a_, #op, wm_b_); \
			if (stop) { \
				wm_test_abort_current(); \
			} \
		} \
	} while (0)

#define CHECK_EQ(a, b) CHECK_OP_(a, ==, b, 0)
#define CHECK_NE(a, b) CHECK_OP_(a, !=, b, 0)
#define CHECK_LT(a, b) CHECK_OP_(a, <, b, 0)
#define CHECK_LE(a, b) CHECK_OP_(a, <=, b, 0)
#define CHECK_GT(a, b) CHECK_OP_(a, >, b, 0)
#define CHECK_GE(a, b) CHECK_OP_(a, >=, b, 0)
#define REQUIRE_EQ(a, b) CHECK_OP_(a, ==, b, 1)
#define REQUIRE_GE(a, b) CHECK_OP_(a, >=, b, 1)

#define REQUIRE(cond) \
	do { \
		wm_test_cur_checks++; \
		if (!(cond)) { \
			wm_test_fail(__FILE__, __LINE__, "REQUIRE(%s)", #cond); \
			wm_test_abort_current(); \
		} \
	} while (0)

#define CHECK_PTR_EQ(a, b) \
	do { \
		const void *wm_pa_ = (const void *)(a); \
		const void *wm_pb_ = (const void *)(b); \
		wm_test_cur_checks++; \
		if (wm_pa_ != wm_pb_) { \
			wm_test_fail(__FILE__, __LINE__, "%s == %s (%p != %p)", #a, #b, wm_pa_, wm_pb_); \
		} \
	} while (0)

#define CHECK_STR_EQ(a, b) \
	do { \
		const char *wm_sa_ = (a); \
		const char *wm_sb_ = (b); \
		wm_test_cur_checks++; \
		if (!wm_sa_ || !wm_sb_ || strcmp(wm_sa_, wm_sb_) != 0) { \
			wm_test_fail(__FILE__, __LINE__, "%s == %s (\"%s\" != \"%s\")", #a, #b, \
				wm_sa_ ? wm_sa_ : "(null)", wm_sb_ ? wm_sb_ : "(null)"); \
		} \
	} while (0)

__attribute__((unused)) static void wm_test_print_mem(FILE *f, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t max = n > 64 ? 64 : n;
	fputc('"', f);
	for (size_t i = 0; i < max; i++) {
		if (s[i] >= 0x20 && s[i] < 0x7f && s[i] != '"' && s[i] != '\\') {
			fputc(s[i], f);
		} else {
			fprintf(f, "\\x%02x", s[i]);
		}
	}
	fputc('"', f);
	if (max < n) {
		fprintf(f, "...(%zu bytes)", n);
	}
}

/* Compare two byte ranges of the given lengths (lengths must match too). */
#define CHECK_MEM_EQ(a, alen, b, blen) \
	do { \
		const void *wm_ma_ = (a); \
		const void *wm_mb_ = (b); \
		size_t wm_la_ = (alen), wm_lb_ = (blen); \
		wm_test_cur_checks++; \
		if (wm_la_ != wm_lb_ || (wm_la_ && memcmp(wm_ma_, wm_mb_, wm_la_) != 0)) { \
			wm_test_fail(__FILE__, __LINE__, "%s[%s] == %s[%s]", #a, #alen, #b, #blen); \
			fprintf(stderr, "    left:  "); \
			wm_test_print_mem(stderr, wm_ma_, wm_la_); \
			fprintf(stderr, "\n    right: "); \
			wm_test_print_mem(stderr, wm_mb_, wm_lb_); \
			fputc('\n', stderr); \
		} \
	} while (0)

#ifndef WM_TEST_NO_MAIN

static int wm_test_selected(const wm_test_case_t *t, int argc, char **argv)
{
	if (argc <= 1) {
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		if (strstr(t->name, argv[i])) {
			return 1;
		}
	}
	return 0;
}

/* Run one test in this process; returns the number of failed checks. */
static int wm_test_run_here(const wm_test_case_t *t)
{
	wm_test_cur_failed = 0;
	wm_test_cur_checks = 0;
	wm_test_cur_name = t->name;
	if (setjmp(wm_test_jmp) == 0) {
		t->fn();
	}
	fflush(stdout);
	fflush(stderr);
	return wm_test_cur_failed;
}

static const char *wm_test_prog_name(const char *argv0)
{
	const char *s = strrchr(argv0, '/');
	return s ? s + 1 : argv0;
}

int main(int argc, char **argv)
{
	const char *prog = wm_test_prog_name(argv[0]);
	int nofork = getenv("WM_TEST_NOFORK") && atoi(getenv("WM_TEST_NOFORK")) != 0;
	int skip_known = getenv("WM_TEST_SKIP_KNOWN_BUGS") &&
		atoi(getenv("WM_TEST_SKIP_KNOWN_BUGS")) != 0;
	int timeout = getenv("WM_TEST_TIMEOUT") ? atoi(getenv("WM_TEST_TIMEOUT")) : 60;
	int passed = 0, failed = 0, skipped = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	for (int i = 0; i < wm_test_ncases; i++) {
		const wm_test_case_t *t = &wm_test_cases[i];
		if (!wm_test_selected(t, argc, argv)) {
			continue;
		}
		if (t->known_bug && skip_known) {
			printf("  skip %s (known src/ bug: %s)\n", t->name, t->known_bug);
			skipped++;
			continue;
		}
		int ok;
		char why[128] = "";
		fflush(stdout);
		fflush(stderr);
		if (nofork) {
			ok = wm_test_run_here(t) == 0;
		} else {
			pid_t pid = fork();
			if (pid < 0) {
				perror("fork");
				return 2;
			}
			if (pid == 0) {
				if (timeout > 0) {
					alarm((unsigned)timeout);
				}
				int nf = wm_test_run_here(t);
				exit(nf ? 1 : 0); /* exit(): LeakSanitizer checks this test */
			}
			int st;
			while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {
			}
			if (WIFEXITED(st)) {
				ok = WEXITSTATUS(st) == 0;
				if (WEXITSTATUS(st) > 1) {
					snprintf(why, sizeof(why), " (exit status %d: sanitizer report or leak above)",
						WEXITSTATUS(st));
				}
			} else if (WIFSIGNALED(st)) {
				ok = 0;
				snprintf(why, sizeof(why), " (killed by signal %d: %s%s)", WTERMSIG(st),
					strsignal(WTERMSIG(st)), WTERMSIG(st) == SIGALRM ? ", timed out" : "");
			} else {
				ok = 0;
			}
		}
		if (ok) {
			printf("  ok   %s\n", t->name);
			passed++;
		} else {
			printf("  FAIL %s%s  [%s:%d]\n", t->name, why, t->file, t->line);
			if (t->known_bug) {
				printf("       known src/ bug: %s\n", t->known_bug);
			}
			failed++;
		}
	}
	if (skipped) {
		printf("%s: %d skipped (known src/ bugs)\n", prog, skipped);
	}
	printf("RESULT %s: passed=%d failed=%d\n", prog, passed, failed);
	return failed ? 1 : 0;
}

#endif /* WM_TEST_NO_MAIN */

#endif
