/* Processes: the single fork path, the master's supervision of worker processes, and
 * pid files. The master runs its own loop only for signals and master timers; it never
 * accepts connections. */
#ifndef WM_PROC_WM_PROC_H
#define WM_PROC_WM_PROC_H

#include <sys/types.h>

#include "src/loop/wm_loop.h"

typedef struct wm_master wm_master_t;

typedef struct wm_master_ops {
	/* A worker process ended (status as from waitpid). */
	void (*on_child_exit)(void *ud, int group, int index, pid_t pid, int status);
	/* SIGINT/SIGTERM reached the master; children are being stopped. */
	void (*on_stop)(void *ud);
	/* A child could not be forked (errno). */
	void (*on_fork_error)(void *ud, int group, int index, int err);
} wm_master_ops_t;

struct wm_master {
	wm_loop_t *loop;           /* not owned */
	const wm_master_ops_t *ops;
	void *ud;
	int ngroups;
	int *counts;               /* owned: processes per group */
	pid_t **pids;              /* owned: pids[group][index], 0 when none */
	wm_watch_t *kill_timer;
	double kill_timeout;
	int stopping;
	int alive;
	/* Set in a forked child: which slot it fills. */
	int child_group;
	int child_index;
};

/* Fork. In the child, the signal mask is cleared and every loop watcher inherited from
 * the parent is freed (loop may be NULL). Returns what fork returns. */
pid_t wm_proc_fork(wm_loop_t *loop);

/* counts[i] processes for group i; the master owns copies. */
wm_master_t *wm_master_new(wm_loop_t *loop, int ngroups, const int *counts,
		const wm_master_ops_t *ops, void *ud);
void wm_master_free(wm_master_t *m);
/* Fork every missing process, then supervise until all are stopped.
 * Returns 1 in a forked child (child_group/child_index tell which), 0 in the master once
 * everything has stopped, -1 when the loop failed. */
int wm_master_run(wm_master_t *m);
/* Stop: SIGINT to every child, SIGKILL to those alive after kill_timeout seconds. */
void wm_master_stop(wm_master_t *m);

/* Pid file helpers. write: WM_OK or WM_ERR (errno). read: the pid, or 0. */
int wm_pidfile_write(const char *path, pid_t pid);
pid_t wm_pidfile_read(const char *path);

#endif
