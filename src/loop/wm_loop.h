/* Event loop: a libevent base plus the per-loop scratch buffers and the list of
 * watchers (timers, signals, fd readiness) registered on it. */
#ifndef WM_LOOP_WM_LOOP_H
#define WM_LOOP_WM_LOOP_H

#include <stddef.h>
#include <stdint.h>

#include "src/buf/wm_buf.h"

struct event_base;
struct event;
struct wm_conn;
struct wm_resolver;

typedef struct wm_watch wm_watch_t;
typedef struct wm_loop wm_loop_t;

/* Called when the watched thing happens; what is a WM_EV_* mask. */
typedef void (*wm_watch_cb)(wm_watch_t *w, int what);
/* Called once when a watcher is freed, so its owner can drop what data points to. */
typedef void (*wm_watch_dispose)(wm_watch_t *w);

enum {
	WM_EV_READ = 1,
	WM_EV_WRITE = 2,
	WM_EV_TIMER = 4,
	WM_EV_SIGNAL = 8,
};

struct wm_watch {
	struct event *ev;        /* owned */
	wm_loop_t *loop;
	wm_watch_cb cb;
	wm_watch_dispose dispose;
	void *data;              /* owned by whoever created the watcher */
	int64_t id;              /* loop-unique id, for the PHP timer API */
	wm_watch_t *prev, *next; /* the loop's list of live watchers */
	int kind;                /* WM_EV_TIMER, WM_EV_SIGNAL, or fd flags */
	int fd;                  /* fd or signal number; -1 for timers */
	double interval;         /* timers: seconds between firings */
	double due;              /* timers: when it fires next (monotonic seconds) */
	unsigned persist : 1;
	unsigned firing : 1;     /* inside cb */
	unsigned doomed : 1;     /* freed while firing: release after cb returns */
};

struct wm_loop {
	struct event_base *base; /* owned */
	wm_watch_t *watches;     /* owned list */
	size_t watch_count;
	size_t timer_count;
	int64_t next_id;
	/* Shared read scratch: a connection without leftover bytes reads here, so idle
	 * connections own no receive memory. */
	char *scratch;           /* owned */
	size_t scratch_cap;
	int scratch_busy;
	/* Output produced while one connection's read batch is processed, written with one
	 * syscall when the batch ends. */
	wm_buf_t batch_out;
	struct wm_conn *batch_conn;
	int stopping;
	int sigpipe_ignored;     /* set by the embedder: SIGPIPE is SIG_IGN in this process */
	/* Name resolution (src/net/wm_resolve.c), created on first use. wm_loop_free and
	 * wm_loop_reset_after_fork call resolver_release(loop, after_fork) once the watchers
	 * are gone: it frees everything, or after a fork drops the inherited DNS state. */
	struct wm_resolver *resolver; /* owned, through resolver_release */
	void (*resolver_release)(wm_loop_t *loop, int after_fork);
};

/* New loop; caller owns it (wm_loop_free). NULL when libevent can't create a base. */
wm_loop_t *wm_loop_new(void);
void wm_loop_free(wm_loop_t *loop);
/* Run until wm_loop_stop or nothing is left to watch. Returns 0, or -1 on a backend error. */
int wm_loop_run(wm_loop_t *loop);
void wm_loop_stop(wm_loop_t *loop);
/* In a forked child: give the base its own kernel state and free every inherited watcher
 * (their dispose hooks run). */
int wm_loop_reset_after_fork(wm_loop_t *loop);

/* Watchers; the loop owns the returned watcher until wm_watch_free. */
wm_watch_t *wm_watch_timer(wm_loop_t *loop, double seconds, int persist, wm_watch_cb cb, void *data);
wm_watch_t *wm_watch_signal(wm_loop_t *loop, int signo, wm_watch_cb cb, void *data);
wm_watch_t *wm_watch_fd(wm_loop_t *loop, int fd, int flags, wm_watch_cb cb, void *data);
/* Stop and free (deferred until the callback returns when called from inside it). */
void wm_watch_free(wm_watch_t *w);
/* Fire now, from the caller's stack, every timer whose time has come and that is not
 * already firing (Workerman's Timer::tick() from inside a long callback); each is re-armed
 * (persistent) or freed (one-shot) as if the loop had fired it. Returns how many ran. */
int wm_loop_run_due_timers(wm_loop_t *loop);

#endif
