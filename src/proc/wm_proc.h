/* Processes: the single fork path, the master's supervision of worker processes (respawn
 * with back-off, stop, one-at-a-time reload), pid files, and the stop command's wait. The
 * master runs its own loop only for signals, timers and the children's ready pipe; it never
 * accepts connections. */
#ifndef WM_PROC_WM_PROC_H
#define WM_PROC_WM_PROC_H

#include <sys/types.h>

#include "src/loop/wm_loop.h"

/* The master's supervision state; opaque (see the accessors below). */
typedef struct wm_master wm_master_t;

typedef struct wm_master_ops {
	/* A worker process ended (status as from waitpid). */
	void (*on_child_exit)(void *ud, int group, int index, pid_t pid, int status);
	/* Stop began (SIGINT, SIGTERM or wm_master_stop); children are being stopped. */
	void (*on_stop)(void *ud, int graceful);
	/* A child could not be forked (errno). */
	void (*on_fork_error)(void *ud, int group, int index, int err);
	/* A slot keeps dying right after start: its next fork waits delay seconds. */
	void (*on_backoff)(void *ud, int group, int index, int fails, double delay);
	/* Every process of a reload has been replaced. */
	void (*on_reload_done)(void *ud);
} wm_master_ops_t;

typedef struct wm_exit_info {
	int status;                /* exit code, or the signal number that killed it */
	long count;
} wm_exit_info_t;

/* At most this many distinct exit statuses are counted per group. */
#define WM_MASTER_EXIT_KINDS 16

/* Fork. In the child every loop watcher inherited from the parent is freed (loop may be
 * NULL) and all signals stay blocked until wm_proc_signals_unblock, which the child calls
 * once its own signal watchers are installed. Returns what fork returns. */
pid_t wm_proc_fork(wm_loop_t *loop);
void wm_proc_signals_unblock(void);

/* counts[i] processes for group i; the master owns copies. */
wm_master_t *wm_master_new(wm_loop_t *loop, int ngroups, const int *counts,
		const wm_master_ops_t *ops, void *ud);
void wm_master_free(wm_master_t *m);
/* Fork every missing process, then supervise until all are stopped.
 * Returns 1 in a forked child (wm_master_child_group/_index tell which), 0 in the master once
 * everything has stopped, -1 when the loop failed. */
int wm_master_run(wm_master_t *m);
/* Stop: SIGINT (graceful: SIGTERM) to every child, SIGKILL to those alive after the timeout. */
void wm_master_stop(wm_master_t *m, int graceful);
/* Reload with sig: children of groups with reloadable[g] set are signalled one at a time,
 * each after its predecessor was replaced and the replacement reported ready; the others
 * are all signalled at once (they run onWorkerReload and stay). */
void wm_master_reload(wm_master_t *m, const int *reloadable, int sig, int graceful);
/* Send sig to every child. */
void wm_master_signal_all(wm_master_t *m, int sig);
/* Timeouts after which stop (graceful or not) and reload SIGKILL a child that has not
 * exited. Defaults: 2 s, and 30 s when graceful. */
void wm_master_set_timeouts(wm_master_t *m, double kill_timeout, double graceful_timeout);

/* What the master knows, for status reports and commands (out-of-range groups and slots
 * read as empty). */
int wm_master_groups(const wm_master_t *m);
int wm_master_group_size(const wm_master_t *m, int group); /* processes of that group */
pid_t wm_master_pid(const wm_master_t *m, int group, int index); /* 0 when not running */
int wm_master_alive(const wm_master_t *m);                 /* processes running now */
int wm_master_stopping(const wm_master_t *m);              /* a stop has begun */
int wm_master_reloading(const wm_master_t *m);             /* a reload is in progress */
/* The exit statuses seen in a group so far, each with its count (*n of them). */
const wm_exit_info_t *wm_master_exits(const wm_master_t *m, int group, int *n);
/* After wm_master_run returned 1, in the forked child: the slot it fills. -1 in the master. */
int wm_master_child_group(const wm_master_t *m);
int wm_master_child_index(const wm_master_t *m);

/* In a child, before its loop is reset: forget the master's watchers (the reset frees
 * them), so wm_master_free is safe later. */
void wm_master_forget_in_child(wm_master_t *m);
/* In a child: tell the master this process is serving. */
void wm_master_child_ready(wm_master_t *m);

/* The `stop` / `restart` commands, run in a process of their own: how long they wait for
 * the master to be gone. The master SIGKILLs its children after kill_timeout (2 s) or, for a
 * graceful stop, graceful_timeout (30 s), so these leave it time to finish. */
#define WM_STOP_WAIT_SECONDS 5.0
#define WM_STOP_WAIT_GRACEFUL_SECONDS 40.0

/* Is pid another running process this user may signal? 0 for pid <= 0 and for the caller. */
int wm_proc_alive(pid_t pid);
/* Send sig to pid (none when sig is 0), then poll every 10 ms until pid is gone. A child of
 * the caller is reaped (its status is not kept). WM_OK once it is gone, WM_ERR with errno
 * ETIMEDOUT when it is still there after timeout seconds (it is not killed). */
int wm_proc_stop_wait(pid_t pid, int sig, double timeout);

/* Pid file helpers. write: WM_OK or WM_ERR (errno). read: the pid, or 0. */
int wm_pidfile_write(const char *path, pid_t pid);
pid_t wm_pidfile_read(const char *path);

#endif
