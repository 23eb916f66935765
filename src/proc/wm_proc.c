/* Fork path and master supervision. */
#include "src/proc/wm_proc.h"
#include "src/wm_core.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

pid_t wm_proc_fork(wm_loop_t *loop)
{
	pid_t pid = fork();
	if (pid != 0) {
		return pid;
	}
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (loop) {
		wm_loop_reset_after_fork(loop);
	}
	return 0;
}

wm_master_t *wm_master_new(wm_loop_t *loop, int ngroups, const int *counts,
		const wm_master_ops_t *ops, void *ud)
{
	wm_master_t *m = wm_calloc(1, sizeof(*m));
	m->loop = loop;
	m->ops = ops;
	m->ud = ud;
	m->ngroups = ngroups;
	m->counts = wm_calloc((size_t)(ngroups ? ngroups : 1), sizeof(int));
	m->pids = wm_calloc((size_t)(ngroups ? ngroups : 1), sizeof(pid_t *));
	for (int g = 0; g < ngroups; g++) {
		m->counts[g] = counts[g] > 0 ? counts[g] : 1;
		m->pids[g] = wm_calloc((size_t)m->counts[g], sizeof(pid_t));
	}
	m->kill_timeout = 2.0;
	m->child_group = m->child_index = -1;
	return m;
}

void wm_master_free(wm_master_t *m)
{
	if (!m) {
		return;
	}
	for (int g = 0; g < m->ngroups; g++) {
		wm_free(m->pids[g]);
	}
	wm_free(m->pids);
	wm_free(m->counts);
	wm_free(m);
}

/* Fork every empty slot. Returns 1 in the child. */
static int master_fill(wm_master_t *m)
{
	for (int g = 0; g < m->ngroups; g++) {
		for (int i = 0; i < m->counts[g]; i++) {
			if (m->pids[g][i]) {
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
			m->pids[g][i] = pid;
			m->alive++;
		}
	}
	return 0;
}

static void master_reap(wm_master_t *m)
{
	int status;
	pid_t pid;
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (int g = 0; g < m->ngroups; g++) {
			for (int i = 0; i < m->counts[g]; i++) {
				if (m->pids[g][i] != pid) {
					continue;
				}
				m->pids[g][i] = 0;
				m->alive--;
				if (m->ops->on_child_exit) {
					m->ops->on_child_exit(m->ud, g, i, pid, status);
				}
			}
		}
	}
}

static void kill_all(wm_master_t *m, int sig)
{
	for (int g = 0; g < m->ngroups; g++) {
		for (int i = 0; i < m->counts[g]; i++) {
			if (m->pids[g][i] > 0) {
				kill(m->pids[g][i], sig);
			}
		}
	}
}

static void on_kill_timer(wm_watch_t *w, int what)
{
	wm_master_t *m = w->data;
	(void)what;
	m->kill_timer = NULL;
	kill_all(m, SIGKILL);
}

void wm_master_stop(wm_master_t *m)
{
	if (m->stopping) {
		return;
	}
	m->stopping = 1;
	if (m->ops->on_stop) {
		m->ops->on_stop(m->ud);
	}
	kill_all(m, SIGINT);
	m->kill_timer = wm_watch_timer(m->loop, m->kill_timeout, 0, on_kill_timer, m);
	if (m->alive == 0) {
		wm_loop_stop(m->loop);
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
			/* In the new child: leave the master's loop; wm_master_run returns 1. */
			wm_loop_stop(m->loop);
		}
		return;
	case SIGINT:
	case SIGTERM:
		wm_master_stop(m);
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
	if (master_fill(m) == 1) {
		return 1;
	}
	/* Children that died before the watcher saw them. */
	master_reap(m);
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
	return rc < 0 ? -1 : 0;
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
	long v = strtol(buf, NULL, 10);
	return v > 0 ? (pid_t)v : 0;
}
