/* Fork path and master supervision. */
#include "src/proc/wm_proc.h"
#include "src/wm_core.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The master's state: private to this file; others use the accessors in wm_proc.h. */
typedef struct wm_master_slot {
	pid_t pid;                 /* 0 when empty */
	double started;            /* monotonic seconds of the last fork */
	int fast_fails;            /* consecutive exits within a second of starting */
	int ready;                 /* the child reported it is serving */
	wm_watch_t *respawn_timer; /* a delayed fork is pending */
} wm_master_slot_t;

struct wm_master {
	wm_loop_t *loop;           /* not owned */
	const wm_master_ops_t *ops;
	void *ud;
	int ngroups;
	int *counts;                    /* owned: processes per group */
	wm_master_slot_t **slots;       /* owned: slots[group][index] */
	wm_exit_info_t (*exits)[WM_MASTER_EXIT_KINDS]; /* owned: per group */
	wm_watch_t *kill_timer;
	double kill_timeout;            /* stop: SIGKILL after this */
	double graceful_timeout;        /* stop -g / reload -g: SIGKILL after this */
	int stopping;
	int graceful;
	int alive;
	/* reload, one process at a time */
	int reloading;
	int reload_sig;
	int *reload_queue;              /* owned: group,index pairs */
	int reload_len, reload_pos;
	int reload_group, reload_index; /* the slot being replaced, -1 when none */
	pid_t reload_pid;
	int reload_wait_ready;          /* old process gone: wait for its replacement */
	wm_watch_t *reload_timer;
	/* children write their pid here once serving */
	int ready_pipe[2];
	wm_watch_t *ready_watch;
	/* Set in a forked child: which slot it fills. */
	int child_group;
	int child_index;
};

#define WM_FAST_EXIT_SECONDS 1.0
#define WM_READY_TIMEOUT 5.0

static double now_mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

pid_t wm_proc_fork(wm_loop_t *loop)
{
	/* Signals stay blocked in the child until it has its own handlers: until then the
	 * inherited libevent handlers would report them through the master's signal pipe. */
	sigset_t all, old;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	pid_t pid = fork();
	if (pid != 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		return pid;
	}
	if (loop) {
		wm_loop_reset_after_fork(loop);
	}
	return 0;
}

void wm_proc_signals_unblock(void)
{
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

wm_master_t *wm_master_new(wm_loop_t *loop, int ngroups, const int *counts,
		const wm_master_ops_t *ops, void *ud)
{
	wm_master_t *m = wm_calloc(1, sizeof(*m));
	size_t n = (size_t)(ngroups ? ngroups : 1);
	m->loop = loop;
	m->ops = ops;
	m->ud = ud;
	m->ngroups = ngroups;
	m->counts = wm_calloc(n, sizeof(int));
	m->slots = wm_calloc(n, sizeof(wm_master_slot_t *));
	m->exits = wm_calloc(n, sizeof(*m->exits));
	for (int g = 0; g < ngroups; g++) {
		m->counts[g] = counts[g] > 0 ? counts[g] : 1;
		m->slots[g] = wm_calloc((size_t)m->counts[g], sizeof(wm_master_slot_t));
	}
	m->kill_timeout = 2.0;
	m->graceful_timeout = 30.0;
	m->child_group = m->child_index = -1;
	m->reload_group = m->reload_index = -1;
	m->ready_pipe[0] = m->ready_pipe[1] = -1;
	if (pipe2(m->ready_pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
		m->ready_pipe[0] = m->ready_pipe[1] = -1;
	}
	return m;
}

void wm_master_free(wm_master_t *m)
{
	if (!m) {
		return;
	}
	for (int g = 0; g < m->ngroups; g++) {
		for (int i = 0; i < m->counts[g]; i++) {
			if (m->slots[g][i].respawn_timer) {
				wm_watch_free(m->slots[g][i].respawn_timer);
			}
		}
		wm_free(m->slots[g]);
	}
	if (m->kill_timer) {
		wm_watch_free(m->kill_timer);
	}
	if (m->reload_timer) {
		wm_watch_free(m->reload_timer);
	}
	if (m->ready_watch) {
		wm_watch_free(m->ready_watch);
	}
	for (int k = 0; k < 2; k++) {
		if (m->ready_pipe[k] >= 0) {
			close(m->ready_pipe[k]);
		}
	}
	wm_free(m->reload_queue);
	wm_free(m->exits);
	wm_free(m->slots);
	wm_free(m->counts);
	wm_free(m);
}

/* Fork every empty slot that is not waiting for a back-off. Returns 1 in the child. */
static int master_fill(wm_master_t *m)
{
	if (m->stopping) {
		return 0;
	}
	for (int g = 0; g < m->ngroups; g++) {
		for (int i = 0; i < m->counts[g]; i++) {
			wm_master_slot_t *s = &m->slots[g][i];
			if (s->pid || s->respawn_timer) {
				continue;
			}
			pid_t pid = wm_proc_fork(NULL);
			if (pid < 0) {
				if (m->ops->on_fork_error) {
					m->ops->on_fork_error(m->ud, g, i, errno);
				}
				continue;
			}
			if (pid == 0) {
				m->child_group = g;
				m->child_index = i;
				return 1;
			}
			s->pid = pid;
			s->started = now_mono();
			s->ready = 0;
			m->alive++;
		}
	}
	return 0;
}

static void leave_for_child(wm_master_t *m)
{
	/* In the new child: leave the master's loop; wm_master_run returns 1. */
	wm_loop_stop(m->loop);
}

static void on_respawn_timer(wm_watch_t *w, int what)
{
	wm_master_t *m = w->data;
	(void)what;
	for (int g = 0; g < m->ngroups; g++) {
		for (int i = 0; i < m->counts[g]; i++) {
			if (m->slots[g][i].respawn_timer == w) {
				m->slots[g][i].respawn_timer = NULL;
			}
		}
	}
	if (master_fill(m) == 1) {
		leave_for_child(m);
	}
}

static void record_exit(wm_master_t *m, int g, int status)
{
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : (WIFSIGNALED(status) ? WTERMSIG(status) : status);
	wm_exit_info_t *info = m->exits[g];
	for (int k = 0; k < WM_MASTER_EXIT_KINDS; k++) {
		if (info[k].count > 0 && info[k].status == code) {
			info[k].count++;
			return;
		}
		if (info[k].count == 0) {
			info[k].status = code;
			info[k].count = 1;
			return;
		}
	}
}

static void reload_next(wm_master_t *m);
static void drain_ready(wm_master_t *m);

static void master_reap(wm_master_t *m)
{
	int status;
	pid_t pid;
	/* A child may have reported ready just before exiting: count that first. */
	drain_ready(m);
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (int g = 0; g < m->ngroups; g++) {
			for (int i = 0; i < m->counts[g]; i++) {
				wm_master_slot_t *s = &m->slots[g][i];
				if (s->pid != pid) {
					continue;
				}
				s->pid = 0;
				m->alive--;
				record_exit(m, g, status);
				if (m->ops->on_child_exit) {
					m->ops->on_child_exit(m->ud, g, i, pid, status);
				}
				if (pid == m->reload_pid) {
					m->reload_pid = 0;
					m->reload_wait_ready = 1;
					if (m->reload_timer) {
						wm_watch_free(m->reload_timer);
						m->reload_timer = NULL;
					}
					s->fast_fails = 0;
					continue;
				}
				if (m->stopping) {
					continue;
				}
				/* A slot that keeps dying at start-up (before reporting ready, or within a
				 * second) waits longer each time. */
				int never_ready = m->ready_pipe[0] >= 0 && !s->ready;
				if (never_ready || now_mono() - s->started < WM_FAST_EXIT_SECONDS) {
					s->fast_fails++;
				} else {
					s->fast_fails = 0;
				}
				if (s->fast_fails >= 2) {
					int k = s->fast_fails - 2;
					double delay = 0.5 * (double)(1 << (k > 5 ? 5 : k));
					if (delay > 10.0) {
						delay = 10.0;
					}
					if (m->ops->on_backoff) {
						m->ops->on_backoff(m->ud, g, i, s->fast_fails, delay);
					}
					s->respawn_timer = wm_watch_timer(m->loop, delay, 0, on_respawn_timer, m);
				}
			}
		}
	}
}

static void kill_all(wm_master_t *m, int sig)
{
	for (int g = 0; g < m->ngroups; g++) {
		for (int i = 0; i < m->counts[g]; i++) {
			if (m->slots[g][i].pid > 0) {
				kill(m->slots[g][i].pid, sig);
			}
		}
	}
}

void wm_master_signal_all(wm_master_t *m, int sig)
{
	kill_all(m, sig);
}

static void on_kill_timer(wm_watch_t *w, int what)
{
	wm_master_t *m = w->data;
	(void)what;
	m->kill_timer = NULL;
	kill_all(m, SIGKILL);
}

void wm_master_stop(wm_master_t *m, int graceful)
{
	if (m->stopping) {
		return;
	}
	m->stopping = 1;
	m->graceful = graceful;
	if (m->ops->on_stop) {
		m->ops->on_stop(m->ud, graceful);
	}
	for (int g = 0; g < m->ngroups; g++) {
		for (int i = 0; i < m->counts[g]; i++) {
			if (m->slots[g][i].respawn_timer) {
				wm_watch_free(m->slots[g][i].respawn_timer);
				m->slots[g][i].respawn_timer = NULL;
			}
		}
	}
	kill_all(m, graceful ? SIGTERM : SIGINT);
	m->kill_timer = wm_watch_timer(m->loop, graceful ? m->graceful_timeout : m->kill_timeout, 0,
		on_kill_timer, m);
	if (m->alive == 0) {
		wm_loop_stop(m->loop);
	}
}

static void on_reload_timeout(wm_watch_t *w, int what)
{
	wm_master_t *m = w->data;
	(void)what;
	m->reload_timer = NULL;
	if (m->reload_pid > 0) {
		/* It did not exit in time: kill it; its replacement continues the reload. */
		kill(m->reload_pid, SIGKILL);
		return;
	}
	if (m->reload_wait_ready) {
		/* The replacement never reported ready: go on anyway. */
		m->reload_wait_ready = 0;
		reload_next(m);
	}
}

static void reload_next(wm_master_t *m)
{
	while (m->reload_pos < m->reload_len && !m->stopping) {
		int g = m->reload_queue[2 * m->reload_pos];
		int i = m->reload_queue[2 * m->reload_pos + 1];
		m->reload_pos++;
		pid_t pid = m->slots[g][i].pid;
		if (pid <= 0) {
			continue;
		}
		m->reload_group = g;
		m->reload_index = i;
		m->reload_pid = pid;
		kill(pid, m->reload_sig);
		m->reload_timer = wm_watch_timer(m->loop, m->graceful ? m->graceful_timeout : m->kill_timeout,
			0, on_reload_timeout, m);
		return;
	}
	m->reloading = 0;
	m->reload_group = m->reload_index = -1;
	m->reload_pid = 0;
	if (m->ops->on_reload_done) {
		m->ops->on_reload_done(m->ud);
	}
}

void wm_master_reload(wm_master_t *m, const int *reloadable, int sig, int graceful)
{
	if (m->stopping || m->reloading) {
		return;
	}
	int total = 0;
	for (int g = 0; g < m->ngroups; g++) {
		total += m->counts[g];
	}
	wm_free(m->reload_queue);
	m->reload_queue = wm_calloc((size_t)(total ? total : 1) * 2, sizeof(int));
	m->reload_len = m->reload_pos = 0;
	for (int g = 0; g < m->ngroups; g++) {
		for (int i = 0; i < m->counts[g]; i++) {
			if (!m->slots[g][i].pid) {
				continue;
			}
			if (reloadable[g]) {
				m->reload_queue[2 * m->reload_len] = g;
				m->reload_queue[2 * m->reload_len + 1] = i;
				m->reload_len++;
			} else {
				kill(m->slots[g][i].pid, sig);
			}
		}
	}
	m->reloading = 1;
	m->reload_sig = sig;
	m->graceful = graceful;
	reload_next(m);
}

void wm_master_set_timeouts(wm_master_t *m, double kill_timeout, double graceful_timeout)
{
	m->kill_timeout = kill_timeout;
	m->graceful_timeout = graceful_timeout;
}

int wm_master_groups(const wm_master_t *m)
{
	return m->ngroups;
}

int wm_master_group_size(const wm_master_t *m, int group)
{
	return group >= 0 && group < m->ngroups ? m->counts[group] : 0;
}

pid_t wm_master_pid(const wm_master_t *m, int group, int index)
{
	if (index < 0 || index >= wm_master_group_size(m, group)) {
		return 0;
	}
	pid_t pid = m->slots[group][index].pid;
	return pid > 0 ? pid : 0;
}

int wm_master_alive(const wm_master_t *m)
{
	return m->alive;
}

int wm_master_stopping(const wm_master_t *m)
{
	return m->stopping;
}

int wm_master_reloading(const wm_master_t *m)
{
	return m->reloading;
}

const wm_exit_info_t *wm_master_exits(const wm_master_t *m, int group, int *n)
{
	*n = 0;
	if (group < 0 || group >= m->ngroups) {
		return NULL;
	}
	const wm_exit_info_t *info = m->exits[group];
	while (*n < WM_MASTER_EXIT_KINDS && info[*n].count > 0) {
		(*n)++;
	}
	return info;
}

int wm_master_child_group(const wm_master_t *m)
{
	return m->child_group;
}

int wm_master_child_index(const wm_master_t *m)
{
	return m->child_index;
}

void wm_master_forget_in_child(wm_master_t *m)
{
	for (int g = 0; g < m->ngroups; g++) {
		for (int i = 0; i < m->counts[g]; i++) {
			m->slots[g][i].respawn_timer = NULL;
		}
	}
	m->kill_timer = NULL;
	m->reload_timer = NULL;
	m->ready_watch = NULL;
}

void wm_master_child_ready(wm_master_t *m)
{
	if (m->ready_pipe[1] < 0) {
		return;
	}
	int32_t pid = (int32_t)getpid();
	if (write(m->ready_pipe[1], &pid, sizeof(pid)) < 0) {
		/* the master notices by its timeout */
	}
	close(m->ready_pipe[1]);
	m->ready_pipe[1] = -1;
}

/* Read the pids children reported as serving and mark their slots ready. */
static void drain_ready(wm_master_t *m)
{
	int32_t pids[64];
	if (m->ready_pipe[0] < 0) {
		return;
	}
	for (;;) {
		ssize_t n = read(m->ready_pipe[0], pids, sizeof(pids));
		if (n <= 0) {
			return;
		}
		for (ssize_t k = 0; k + (ssize_t)sizeof(int32_t) <= n; k += (ssize_t)sizeof(int32_t)) {
			pid_t pid = (pid_t)pids[k / (ssize_t)sizeof(int32_t)];
			for (int g = 0; g < m->ngroups; g++) {
				for (int i = 0; i < m->counts[g]; i++) {
					if (m->slots[g][i].pid == pid) {
						m->slots[g][i].ready = 1;
					}
				}
			}
		}
	}
}

static void on_ready(wm_watch_t *w, int what)
{
	wm_master_t *m = w->data;
	(void)what;
	drain_ready(m);
	if (m->reloading && m->reload_wait_ready && m->reload_group >= 0
			&& m->slots[m->reload_group][m->reload_index].ready) {
		m->reload_wait_ready = 0;
		if (m->reload_timer) {
			wm_watch_free(m->reload_timer);
			m->reload_timer = NULL;
		}
		reload_next(m);
	}
}

static void on_master_signal(wm_watch_t *w, int what)
{
	wm_master_t *m = w->data;
	(void)what;
	switch (w->fd) {
	case SIGCHLD:
		master_reap(m);
		if (m->stopping) {
			if (m->alive == 0) {
				wm_loop_stop(m->loop);
			}
			return;
		}
		if (master_fill(m) == 1) {
			leave_for_child(m);
			return;
		}
		if (m->reloading && m->reload_wait_ready && !m->reload_timer) {
			m->reload_timer = wm_watch_timer(m->loop, WM_READY_TIMEOUT, 0, on_reload_timeout, m);
		}
		return;
	case SIGINT:
		wm_master_stop(m, 0);
		return;
	case SIGTERM:
		wm_master_stop(m, 1);
		return;
	default:
		return;
	}
}

int wm_master_run(wm_master_t *m)
{
	static const int sigs[] = {SIGCHLD, SIGINT, SIGTERM};
	wm_watch_t *watches[3];

	for (int k = 0; k < 3; k++) {
		watches[k] = wm_watch_signal(m->loop, sigs[k], on_master_signal, m);
	}
	if (m->ready_pipe[0] >= 0) {
		m->ready_watch = wm_watch_fd(m->loop, m->ready_pipe[0], WM_EV_READ, on_ready, m);
	}
	if (master_fill(m) == 1) {
		return 1;
	}
	/* Children that died before the watcher saw them. */
	master_reap(m);
	if (master_fill(m) == 1) {
		return 1;
	}
	int rc = wm_loop_run(m->loop);
	if (m->child_group >= 0) {
		return 1;
	}
	for (int k = 0; k < 3; k++) {
		wm_watch_free(watches[k]);
	}
	if (m->kill_timer) {
		wm_watch_free(m->kill_timer);
		m->kill_timer = NULL;
	}
	if (m->ready_watch) {
		wm_watch_free(m->ready_watch);
		m->ready_watch = NULL;
	}
	return rc < 0 ? -1 : 0;
}

int wm_proc_alive(pid_t pid)
{
	return pid > 0 && pid != getpid() && kill(pid, 0) == 0;
}

int wm_proc_stop_wait(pid_t pid, int sig, double timeout)
{
	if (sig) {
		/* Failing (ESRCH, EPERM) shows in the poll below: kill(pid, 0) fails the same way. */
		kill(pid, sig);
	}
	double deadline = now_mono() + timeout;
	for (;;) {
		/* A zombie still answers kill(pid, 0): reap our own child first. Others: ECHILD. */
		if (waitpid(pid, NULL, WNOHANG) == pid || kill(pid, 0) != 0) {
			return WM_OK;
		}
		if (now_mono() >= deadline) {
			errno = ETIMEDOUT;
			return WM_ERR;
		}
		usleep(10000);
	}
}

int wm_pidfile_write(const char *path, pid_t pid)
{
	char buf[32];
	int n = snprintf(buf, sizeof(buf), "%d", (int)pid);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		return WM_ERR;
	}
	ssize_t w = write(fd, buf, (size_t)n);
	int e = errno;
	close(fd);
	if (w != n) {
		errno = w < 0 ? e : EIO;
		return WM_ERR;
	}
	return WM_OK;
}

pid_t wm_pidfile_read(const char *path)
{
	char buf[32];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		return 0;
	}
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0) {
		return 0;
	}
	buf[n] = '\0';
	errno = 0;
	char *end;
	long v = strtol(buf, &end, 10);
	/* Out of pid_t's range is not a pid (never truncate it to a valid one). */
	if (errno || end == buf || v <= 0 || v > INT32_MAX) {
		return 0;
	}
	return (pid_t)v;
}
