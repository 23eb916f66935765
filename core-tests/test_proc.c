/* wm_proc: pid files, the master's supervision of worker processes and its accessors, the
 * stop command's wait; wm_report: the status report file and its "#pids:" line.
 * Everything that forks is bounded by alarm() (in the test and in every child) and
 * every child is reaped. */
#include "wm_test.h"

#include "src/loop/wm_loop.h"
#include "src/proc/wm_proc.h"
#include "src/proc/wm_report.h"
#include "src/wm_core.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

static char tmpdir[64];

static void make_tmpdir(void)
{
	strcpy(tmpdir, "/tmp/wm-core-tests-XXXXXX");
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		abort();
	}
}

static void write_file(const char *path, const char *content, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, content, len) != (ssize_t)len) {
		perror(path);
		abort();
	}
	close(fd);
}

static pid_t read_as(const char *path, const char *content)
{
	write_file(path, content, strlen(content));
	return wm_pidfile_read(path);
}

/* ---- pid files ---- */

TEST(pidfile_round_trip)
{
	make_tmpdir();
	char path[128];
	snprintf(path, sizeof(path), "%s/w.pid", tmpdir);
	CHECK_EQ(wm_pidfile_write(path, 123456), WM_OK);
	CHECK_EQ(wm_pidfile_read(path), 123456);
	/* Rewriting a shorter pid truncates the file. */
	CHECK_EQ(wm_pidfile_write(path, 42), WM_OK);
	CHECK_EQ(wm_pidfile_read(path), 42);
	char buf[16] = {0};
	int fd = open(path, O_RDONLY);
	CHECK_EQ(read(fd, buf, sizeof(buf) - 1), 2);
	close(fd);
	CHECK_STR_EQ(buf, "42");
	CHECK_EQ(wm_pidfile_write(path, getpid()), WM_OK);
	CHECK_EQ(wm_pidfile_read(path), getpid());
	struct stat st;
	CHECK(stat(path, &st) == 0 && S_ISREG(st.st_mode));
	unlink(path);
	rmdir(tmpdir);
}

TEST(pidfile_missing_or_garbage_reads_zero)
{
	make_tmpdir();
	char path[128];
	snprintf(path, sizeof(path), "%s/w.pid", tmpdir);
	CHECK_EQ(wm_pidfile_read(path), 0); /* missing */
	CHECK_EQ(read_as(path, ""), 0);
	CHECK_EQ(read_as(path, "abc"), 0);
	CHECK_EQ(read_as(path, "\n"), 0);
	CHECK_EQ(read_as(path, "0"), 0);
	CHECK_EQ(read_as(path, "-5"), 0);
	CHECK_EQ(read_as(path, "x123"), 0);
	write_file(path, "\0\0\0\0", 4);
	CHECK_EQ(wm_pidfile_read(path), 0);
	/* Lenient like PHP's (int) cast: leading blanks and trailing junk are accepted. */
	CHECK_EQ(read_as(path, "123\n"), 123);
	CHECK_EQ(read_as(path, "  77"), 77);
	CHECK_EQ(read_as(path, "12abc"), 12);
	/* A directory is not a pid file. */
	CHECK_EQ(wm_pidfile_read(tmpdir), 0);
	unlink(path);
	rmdir(tmpdir);
}

TEST(pidfile_write_error)
{
	errno = 0;
	CHECK_EQ(wm_pidfile_write("/nonexistent-dir-wm/x.pid", 1), WM_ERR);
	CHECK_EQ(errno, ENOENT);
}

TEST(pidfile_read_out_of_range_is_not_a_pid)
{
	/* strtol() gives a long; anything that does not fit pid_t is cast, so a corrupt pid
	 * file can name pid 1 (init) or -1 (kill(-1, sig): every process the user may
	 * signal). The header promises "the pid, or 0". */
	make_tmpdir();
	char path[128];
	snprintf(path, sizeof(path), "%s/w.pid", tmpdir);
	CHECK_EQ(read_as(path, "2147483647"), 2147483647); /* the largest pid_t is fine */
	CHECK_EQ(read_as(path, "4294967295"), 0);
	CHECK_EQ(read_as(path, "4294967297"), 0);
	CHECK_EQ(read_as(path, "2147483648"), 0);
	CHECK_EQ(read_as(path, "99999999999999999999"), 0);
	unlink(path);
	rmdir(tmpdir);
}

/* ---- master ----
 * Only the public surface is used (wm_master_run's result, the ops callbacks and the
 * accessors), so these tests survive changes of the slot bookkeeping. */

typedef struct master_ud {
	int exits;
	int exit_ok;           /* exits with WIFEXITED(st) && status 0 */
	int killed;            /* exits by SIGKILL */
	int by_sigint;         /* exits by SIGINT */
	int by_sigterm;        /* exits by SIGTERM */
	int stops;
	int graceful;          /* what on_stop was told */
	int fork_errors;
	int bad_slot;
	int backoffs;
	double last_delay;
	int delays_grow;       /* every back-off delay >= the previous one of its slot */
	double slot_delay[2];
} master_ud_t;

static void ud_child_exit(void *ud, int group, int index, pid_t pid, int status)
{
	master_ud_t *u = ud;
	u->exits++;
	if (group < 0 || group > 1 || index < 0 || index > 1 || pid <= 0) {
		u->bad_slot++;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		u->exit_ok++;
	}
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
		u->killed++;
	}
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGINT) {
		u->by_sigint++;
	}
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) {
		u->by_sigterm++;
	}
}

static void ud_stop(void *ud, int graceful)
{
	master_ud_t *u = ud;
	u->stops++;
	u->graceful = graceful;
}

static void ud_fork_error(void *ud, int group, int index, int err)
{
	(void)group;
	(void)index;
	(void)err;
	((master_ud_t *)ud)->fork_errors++;
}

static void ud_backoff(void *ud, int group, int index, int fails, double delay)
{
	master_ud_t *u = ud;
	(void)group;
	(void)fails;
	u->backoffs++;
	u->last_delay = delay;
	if (index >= 0 && index < 2) {
		if (delay < u->slot_delay[index]) {
			u->delays_grow = 0;
		}
		u->slot_delay[index] = delay;
	}
}

static const wm_master_ops_t ud_ops = {
	.on_child_exit = ud_child_exit,
	.on_stop = ud_stop,
	.on_fork_error = ud_fork_error,
	.on_backoff = ud_backoff,
};

static void sigint_self(wm_watch_t *w, int what)
{
	(void)w;
	(void)what;
	kill(getpid(), SIGINT);
}

static void sigterm_self(wm_watch_t *w, int what)
{
	(void)w;
	(void)what;
	kill(getpid(), SIGTERM);
}

/* Every child of this process is gone. */
static int no_children_left(void)
{
	errno = 0;
	return waitpid(-1, NULL, WNOHANG) == -1 && errno == ECHILD;
}

static void reap_all(void)
{
	while (waitpid(-1, NULL, 0) > 0 || errno == EINTR) {
	}
}

/* Collect the (group, index) records children wrote to the pipe. */
static int read_records(int fd, int slot_seen[2][2], int *bad)
{
	int rec[2], started = 0;
	while (read(fd, rec, sizeof(rec)) == sizeof(rec)) {
		started++;
		if (rec[0] < 0 || rec[0] > 1 || rec[1] < 0 || rec[1] > 1) {
			(*bad)++;
		} else {
			slot_seen[rec[0]][rec[1]]++;
		}
	}
	return started;
}

static void child_report(int fd, const wm_master_t *m)
{
	int rec[2] = {wm_master_child_group(m), wm_master_child_index(m)};
	if (write(fd, rec, sizeof(rec)) != sizeof(rec)) {
		_exit(3);
	}
}

TEST(master_respawns_then_stops)
{
	alarm(20);
	int pfd[2];
	REQUIRE(pipe(pfd) == 0); /* children report their slot here */
	wm_loop_t *loop = wm_loop_new();
	master_ud_t u = {0};
	int counts[1] = {2};
	wm_master_t *m = wm_master_new(loop, 1, counts, &ud_ops, &u);
	REQUIRE(m != NULL);
	CHECK_EQ(wm_master_groups(m), 1);
	CHECK_EQ(wm_master_group_size(m, 0), 2);
	CHECK_EQ(wm_master_group_size(m, 1), 0); /* out of range reads as empty */
	CHECK_EQ(wm_master_pid(m, 0, 0), 0);     /* nothing forked yet */
	CHECK_EQ(wm_master_pid(m, 0, 2), 0);
	CHECK_EQ(wm_master_alive(m), 0);
	CHECK_EQ(wm_master_stopping(m), 0);
	CHECK_EQ(wm_master_reloading(m), 0);
	CHECK_EQ(wm_master_child_group(m), -1);
	CHECK_EQ(wm_master_child_index(m), -1);
	/* Stop after some respawns: SIGINT to ourselves, as a user's Ctrl-C would be. */
	REQUIRE(wm_watch_timer(loop, 0.6, 0, sigint_self, NULL) != NULL);

	int rc = wm_master_run(m);
	if (rc == 1) {
		wm_proc_signals_unblock();
		/* Worker: report, live a little, leave. Never return into the test runner. */
		alarm(5);
		child_report(pfd[1], m);
		usleep(100 * 1000);
		_exit(0);
	}
	close(pfd[1]);
	CHECK_EQ(rc, 0);
	CHECK_EQ(wm_master_alive(m), 0);
	CHECK_EQ(wm_master_stopping(m), 1);
	CHECK_EQ(wm_master_pid(m, 0, 0), 0);
	CHECK_EQ(wm_master_pid(m, 0, 1), 0);
	CHECK_EQ(u.stops, 1);
	CHECK_EQ(u.graceful, 0);
	CHECK_EQ(u.fork_errors, 0);
	CHECK_EQ(u.bad_slot, 0);
	CHECK_EQ(wm_master_child_group(m), -1); /* the master is not a child */
	CHECK(no_children_left());

	/* More children than the first two were started, each in slot 0/0 or 0/1. */
	int slot_seen[2][2] = {{0, 0}, {0, 0}}, bad = 0;
	int started = read_records(pfd[0], slot_seen, &bad);
	close(pfd[0]);
	CHECK_EQ(bad, 0);
	CHECK_GE(started, 4); /* 2 at start, each respawned at least once */
	CHECK_GE(slot_seen[0][0], 2);
	CHECK_GE(slot_seen[0][1], 2);
	CHECK_EQ(slot_seen[1][0] + slot_seen[1][1], 0);
	CHECK_EQ(u.exits, started);
	CHECK_GE(u.exit_ok, started - 2); /* the last two may have died of the SIGINT */
	TEST_NOTE("%d workers started, %d exits (%d clean, %d by SIGINT), %d back-offs",
		started, u.exits, u.exit_ok, u.by_sigint, u.backoffs);
	/* The master's own watchers are gone again; only ours... which fired. */
	CHECK_EQ(loop->watch_count, 0);
	wm_master_free(m);
	wm_loop_free(loop);
	reap_all();
	alarm(0);
}

TEST(master_backs_off_children_dying_at_start)
{
	/* Children that exit at once are respawned, but not in a tight loop: the delay
	 * grows and on_backoff reports it. */
	alarm(20);
	int pfd[2];
	REQUIRE(pipe(pfd) == 0);
	wm_loop_t *loop = wm_loop_new();
	master_ud_t u = {0};
	u.delays_grow = 1;
	int counts[1] = {2};
	wm_master_t *m = wm_master_new(loop, 1, counts, &ud_ops, &u);
	REQUIRE(wm_watch_timer(loop, 2.0, 0, sigint_self, NULL) != NULL);
	int rc = wm_master_run(m);
	if (rc == 1) {
		wm_proc_signals_unblock();
		child_report(pfd[1], m);
		_exit(7);
	}
	close(pfd[1]);
	CHECK_EQ(rc, 0);
	int slot_seen[2][2] = {{0, 0}, {0, 0}}, bad = 0;
	int started = read_records(pfd[0], slot_seen, &bad);
	close(pfd[0]);
	CHECK_EQ(bad, 0);
	CHECK_GE(started, 4);
	CHECK_LE(started, 20); /* a tight loop would fork thousands in 2 s */
	CHECK_GE(u.backoffs, 2);
	CHECK(u.delays_grow);
	CHECK_GT(u.last_delay, 0);
	CHECK_EQ(u.exits, started);
	CHECK_EQ(u.exit_ok, 0);
	CHECK(no_children_left());
	TEST_NOTE("%d forks in 2s, %d back-offs, last delay %.2fs", started, u.backoffs, u.last_delay);
	wm_master_free(m);
	wm_loop_free(loop);
	reap_all();
	alarm(0);
}

TEST(master_kills_stubborn_children_after_timeout)
{
	alarm(20);
	wm_loop_t *loop = wm_loop_new();
	master_ud_t u = {0};
	int counts[1] = {2};
	wm_master_t *m = wm_master_new(loop, 1, counts, &ud_ops, &u);
	wm_master_set_timeouts(m, 0.3, 30.0);
	wm_watch_timer(loop, 0.2, 0, sigint_self, NULL);
	int rc = wm_master_run(m);
	if (rc == 1) {
		wm_proc_signals_unblock();
		/* A worker that ignores SIGINT (and SIGTERM) and never exits by itself. */
		alarm(10);
		signal(SIGINT, SIG_IGN);
		signal(SIGTERM, SIG_IGN);
		for (;;) {
			pause();
		}
	}
	CHECK_EQ(rc, 0);
	CHECK_EQ(u.stops, 1);
	CHECK_EQ(u.exits, 2);
	CHECK_EQ(u.killed, 2);
	CHECK_EQ(wm_master_alive(m), 0);
	/* The status table's figures: one kind of exit, SIGKILL, twice. */
	int kinds = -1;
	const wm_exit_info_t *exits = wm_master_exits(m, 0, &kinds);
	REQUIRE_EQ(kinds, 1);
	CHECK_EQ(exits[0].status, SIGKILL);
	CHECK_EQ(exits[0].count, 2);
	CHECK(wm_master_exits(m, 1, &kinds) == NULL);
	CHECK_EQ(kinds, 0);
	CHECK(no_children_left());
	CHECK_EQ(loop->watch_count, 0);
	wm_master_free(m);
	wm_loop_free(loop);
	reap_all();
	alarm(0);
}

TEST(master_sigterm_stops_gracefully_two_groups)
{
	alarm(20);
	wm_loop_t *loop = wm_loop_new();
	master_ud_t u = {0};
	int counts[2] = {1, 0}; /* a count < 1 means 1 */
	wm_master_t *m = wm_master_new(loop, 2, counts, &ud_ops, &u);
	CHECK_EQ(wm_master_group_size(m, 1), 1);
	wm_master_set_timeouts(m, 2.0, 5.0);
	wm_watch_timer(loop, 0.2, 0, sigterm_self, NULL);
	int rc = wm_master_run(m);
	if (rc == 1) {
		wm_proc_signals_unblock();
		/* Workers with default dispositions die of whatever the master sends. */
		alarm(5);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		for (;;) {
			pause();
		}
	}
	CHECK_EQ(rc, 0);
	CHECK_EQ(u.stops, 1);
	CHECK_EQ(u.graceful, 1);
	CHECK_EQ(u.exits, 2);
	CHECK_EQ(u.by_sigterm, 2);
	CHECK_EQ(u.killed, 0);
	CHECK_EQ(u.bad_slot, 0);
	CHECK(no_children_left());
	wm_master_free(m);
	wm_loop_free(loop);
	reap_all();
	alarm(0);
}

/* ---- the stop command's wait (wm_proc_alive, wm_proc_stop_wait) ---- */

/* Monotonic milliseconds (the CHECK_* macros compare integers). */
static long long mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Fork a child that sets its SIGINT/SIGTERM disposition (SIG_DFL, SIG_IGN, or exit after
 * delay_ms when it arrives), reports on a pipe that it is ready, then waits. The child never
 * outlives its alarm. */
static int stop_sig_delay_ms;
static void exit_later(int sig)
{
	(void)sig;
	usleep((useconds_t)stop_sig_delay_ms * 1000);
	_exit(0);
}

static pid_t fork_stoppable(void (*handler)(int), int delay_ms)
{
	int pfd[2];
	if (pipe(pfd) != 0) {
		return -1;
	}
	pid_t pid = fork();
	if (pid == 0) {
		alarm(10);
		stop_sig_delay_ms = delay_ms;
		signal(SIGINT, handler);
		signal(SIGTERM, handler);
		if (write(pfd[1], "r", 1) != 1) {
			_exit(3);
		}
		for (;;) {
			pause();
		}
	}
	char c;
	close(pfd[1]);
	if (pid > 0 && read(pfd[0], &c, 1) != 1) {
		pid = -1;
	}
	close(pfd[0]);
	return pid;
}

TEST(proc_alive)
{
	CHECK_EQ(wm_proc_alive(0), 0);
	CHECK_EQ(wm_proc_alive(-1), 0);       /* never kill(-1, 0): "every process" */
	CHECK_EQ(wm_proc_alive(getpid()), 0); /* a pid file naming ourselves is stale */
	pid_t pid = fork_stoppable(SIG_DFL, 0);
	REQUIRE(pid > 0);
	CHECK_EQ(wm_proc_alive(pid), 1);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	CHECK_EQ(wm_proc_alive(pid), 0);
}

TEST(stop_wait_children_exiting_at_different_times)
{
	alarm(20);
	/* Default disposition: gone at once. A handler that takes 300 ms: waited for. */
	pid_t quick = fork_stoppable(SIG_DFL, 0);
	pid_t slow = fork_stoppable(exit_later, 300);
	REQUIRE(quick > 0);
	REQUIRE(slow > 0);
	long long t0 = mono_ms();
	CHECK_EQ(wm_proc_stop_wait(quick, SIGINT, WM_STOP_WAIT_SECONDS), WM_OK);
	long long t1 = mono_ms();
	CHECK_LT(t1 - t0, 1000);
	CHECK_EQ(wm_proc_stop_wait(slow, SIGTERM, WM_STOP_WAIT_SECONDS), WM_OK);
	long long t2 = mono_ms();
	CHECK_GE(t2 - t1, 290);
	CHECK_LT(t2 - t1, 2000);
	/* Both were our children: reaped, not left as zombies that kill(pid, 0) still finds. */
	CHECK(no_children_left());
	/* Waiting for a process that is already gone returns at once. */
	CHECK_EQ(wm_proc_stop_wait(quick, 0, 5), WM_OK);
	CHECK_LT(mono_ms() - t2, 500);
	TEST_NOTE("quick stop %lld ms, slow stop %lld ms", t1 - t0, t2 - t1);
	alarm(0);
}

TEST(stop_wait_times_out_on_a_process_ignoring_the_signal)
{
	alarm(20);
	pid_t pid = fork_stoppable(SIG_IGN, 0);
	REQUIRE(pid > 0);
	long long t0 = mono_ms();
	errno = 0;
	CHECK_EQ(wm_proc_stop_wait(pid, SIGTERM, 0.3), WM_ERR);
	long long dt = mono_ms() - t0;
	CHECK_EQ(errno, ETIMEDOUT);
	CHECK_GE(dt, 300);
	CHECK_LT(dt, 1500);
	/* Not killed by the wait: still running. The caller decides; here it kills. */
	CHECK_EQ(wm_proc_alive(pid), 1);
	CHECK_EQ(wm_proc_stop_wait(pid, SIGKILL, 2.0), WM_OK);
	CHECK(no_children_left());
	reap_all();
	alarm(0);
}

/* ---- status reports (wm_report) ---- */

TEST(report_write_truncates_and_appends)
{
	make_tmpdir();
	char path[128];
	snprintf(path, sizeof(path), "%s/w.status", tmpdir);
	CHECK_EQ(wm_report_write(path, "head\n", 5, 1), WM_OK);
	CHECK_EQ(wm_report_write(path, "a\n", 2, 0), WM_OK);
	CHECK_EQ(wm_report_write(path, "b\n", 2, 0), WM_OK);
	char buf[64] = {0};
	int fd = open(path, O_RDONLY);
	CHECK_EQ(read(fd, buf, sizeof(buf) - 1), 9);
	close(fd);
	CHECK_STR_EQ(buf, "head\na\nb\n");
	/* A new head starts the file over. */
	CHECK_EQ(wm_report_write(path, "h2\n", 3, 1), WM_OK);
	memset(buf, 0, sizeof(buf));
	fd = open(path, O_RDONLY);
	CHECK_EQ(read(fd, buf, sizeof(buf) - 1), 3);
	close(fd);
	CHECK_STR_EQ(buf, "h2\n");
	errno = 0;
	CHECK_EQ(wm_report_write("/nonexistent-dir-wm/x.status", "x", 1, 0), WM_ERR);
	CHECK_EQ(errno, ENOENT);
	unlink(path);
	rmdir(tmpdir);
}

static char silent_seen[256];
static void note_silent(void *ud, pid_t pid)
{
	(void)ud;
	size_t n = strlen(silent_seen);
	snprintf(silent_seen + n, sizeof(silent_seen) - n, "%s%d", n ? "," : "", (int)pid);
}

static int silent_of(const char *text, wm_report_parts_t *p)
{
	silent_seen[0] = '\0';
	wm_report_split(text, strlen(text), p);
	return wm_report_each_silent(p, note_silent, NULL);
}

TEST(report_split_and_silent_processes)
{
	wm_report_parts_t p;
	const char *text = "GLOBAL\nheads\n#pids: 12:0 123:0 4567890:1 77:1\n"
		"123     1.00M  ...\n4567890 2.00M ...\n12x     not a pid line\n";
	CHECK_EQ(silent_of(text, &p), 2);
	CHECK_EQ(p.has_pids, 1);
	CHECK_EQ(p.head_len, strlen("GLOBAL\nheads\n"));
	CHECK(memcmp(p.head, "GLOBAL\nheads\n", p.head_len) == 0);
	CHECK_EQ(p.pids_len, strlen(" 12:0 123:0 4567890:1 77:1"));
	CHECK(strncmp(p.rest, "123     1.00M", 13) == 0);
	CHECK_EQ(p.rest_len, strlen(text) - (size_t)(p.rest - text));
	/* 12 is not answered by "123 ..." nor by "12x": only a line starting "12" padded to
	 * 7 columns and a blank is its answer. 77 never answered. */
	CHECK_STR_EQ(silent_seen, "12,77");

	/* No mark: the whole text is the head, nobody is silent. */
	CHECK_EQ(silent_of("just text\n", &p), 0);
	CHECK_EQ(p.has_pids, 0);
	CHECK_EQ(p.head_len, strlen("just text\n"));
	/* A mark without its newline (a cut file): the list runs to the end, no lines answer. */
	CHECK_EQ(silent_of("h\n#pids: 5:0", &p), 1);
	CHECK_STR_EQ(silent_seen, "5");
	CHECK_EQ(p.rest_len, 0);
	/* An empty list, blanks and junk tokens. */
	CHECK_EQ(silent_of("#pids:\n", &p), 0);
	CHECK_EQ(silent_of("#pids:   x:0  0:1 -3:0 99999999999:0 \n", &p), 0);
	/* The first line after the mark answers too. */
	CHECK_EQ(silent_of("#pids: 8:0\n8       up\n", &p), 0);
}

static wm_buf_t pids_snapshot = WM_BUF_INIT;
static wm_master_t *snapshot_master;
static void snapshot_then_stop(wm_watch_t *w, int what)
{
	(void)w;
	(void)what;
	wm_report_append_pids(snapshot_master, &pids_snapshot);
	kill(getpid(), SIGINT);
}

TEST(report_pids_line_names_running_processes)
{
	alarm(20);
	wm_loop_t *loop = wm_loop_new();
	master_ud_t u = {0};
	int counts[2] = {2, 1};
	wm_master_t *m = wm_master_new(loop, 2, counts, &ud_ops, &u);
	wm_buf_t before = WM_BUF_INIT;
	wm_report_append_pids(m, &before);
	CHECK_EQ(wm_buf_size(&before), strlen("#pids:\n"));
	CHECK(memcmp(wm_buf_head(&before), "#pids:\n", wm_buf_size(&before)) == 0);
	wm_buf_free(&before);
	snapshot_master = m;
	REQUIRE(wm_watch_timer(loop, 0.3, 0, snapshot_then_stop, NULL) != NULL);
	int rc = wm_master_run(m);
	if (rc == 1) {
		wm_proc_signals_unblock();
		alarm(5);
		signal(SIGINT, SIG_DFL);
		for (;;) {
			pause();
		}
	}
	CHECK_EQ(rc, 0);
	/* "#pids: <pid>:0 <pid>:0 <pid>:1\n", as the status command reads it back. */
	char line[256] = {0};
	size_t n = wm_buf_size(&pids_snapshot);
	REQUIRE(n > 0 && n < sizeof(line));
	memcpy(line, wm_buf_head(&pids_snapshot), n);
	CHECK(strncmp(line, "#pids: ", 7) == 0);
	CHECK_EQ(line[n - 1], '\n');
	int p1 = 0, p2 = 0, p3 = 0, g1 = -1, g2 = -1, g3 = -1;
	CHECK_EQ(sscanf(line, "#pids: %d:%d %d:%d %d:%d", &p1, &g1, &p2, &g2, &p3, &g3), 6);
	CHECK(p1 > 0 && p2 > 0 && p3 > 0 && p1 != p2 && p2 != p3 && p1 != p3);
	CHECK_EQ(g1, 0);
	CHECK_EQ(g2, 0);
	CHECK_EQ(g3, 1);
	wm_report_parts_t parts;
	silent_seen[0] = '\0';
	wm_report_split(line, n, &parts);
	CHECK_EQ(wm_report_each_silent(&parts, note_silent, NULL), 3);
	TEST_NOTE("%.*s", (int)(n - 1), line);
	wm_buf_free(&pids_snapshot);
	wm_master_free(m);
	wm_loop_free(loop);
	reap_all();
	alarm(0);
}
