/* Event loop on libevent. */
#include "src/loop/wm_loop.h"
#include "src/wm_core.h"

#include <event2/event.h>
#include <math.h>
#include <string.h>
#include <time.h>

#define WM_SCRATCH_SIZE 65536

wm_loop_t *wm_loop_new(void)
{
	struct event_config *cfg = event_config_new();
	if (!cfg) {
		return NULL;
	}
	/* We never share a base between threads; skip the locking. */
	event_config_set_flag(cfg, EVENT_BASE_FLAG_NOLOCK);
	struct event_base *base = event_base_new_with_config(cfg);
	event_config_free(cfg);
	if (!base) {
		return NULL;
	}
	wm_loop_t *loop = wm_calloc(1, sizeof(*loop));
	loop->base = base;
	loop->next_id = 1;
	return loop;
}

static void watch_unlink(wm_watch_t *w)
{
	wm_loop_t *loop = w->loop;
	if (w->prev) {
		w->prev->next = w->next;
	} else {
		loop->watches = w->next;
	}
	if (w->next) {
		w->next->prev = w->prev;
	}
	w->prev = w->next = NULL;
	loop->watch_count--;
	if (w->kind == WM_EV_TIMER) {
		loop->timer_count--;
	}
}

static void watch_release(wm_watch_t *w)
{
	if (w->ev) {
		event_free(w->ev);
		w->ev = NULL;
	}
	if (w->dispose) {
		w->dispose(w);
	}
	wm_free(w);
}

static void free_all_watches(wm_loop_t *loop)
{
	while (loop->watches) {
		wm_watch_t *w = loop->watches;
		watch_unlink(w);
		if (w->firing) {
			/* The running callback frees it when it returns. */
			if (w->ev) {
				event_del(w->ev);
			}
			w->doomed = 1;
			w->loop = NULL;
			continue;
		}
		watch_release(w);
	}
}

void wm_loop_free(wm_loop_t *loop)
{
	if (!loop) {
		return;
	}
	free_all_watches(loop);
	if (loop->resolver_release) {
		loop->resolver_release(loop, 0);
	}
	event_base_free(loop->base);
	wm_free(loop->scratch);
	wm_buf_free(&loop->batch_out);
	wm_free(loop);
}

int wm_loop_run(wm_loop_t *loop)
{
	loop->stopping = 0;
	int rc = event_base_loop(loop->base, 0);
	return rc < 0 ? -1 : 0;
}

void wm_loop_stop(wm_loop_t *loop)
{
	loop->stopping = 1;
	event_base_loopbreak(loop->base);
}

int wm_loop_reset_after_fork(wm_loop_t *loop)
{
	/* event_reinit gives the base its own epoll fd and signal pipe without touching the
	 * parent's; only then is it safe to delete the inherited events. */
	if (event_reinit(loop->base) < 0) {
		return -1;
	}
	free_all_watches(loop);
	if (loop->resolver_release) {
		loop->resolver_release(loop, 1);
	}
	loop->batch_conn = NULL;
	loop->scratch_busy = 0;
	wm_buf_clear(&loop->batch_out);
	return 0;
}

static double monotonic_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct timeval timeval_of(double seconds)
{
	struct timeval tv;
	tv.tv_sec = (time_t)seconds;
	tv.tv_usec = (suseconds_t)((seconds - (double)tv.tv_sec) * 1e6);
	return tv;
}

static void watch_fire(evutil_socket_t fd, short what, void *arg)
{
	wm_watch_t *w = arg;
	int mask = 0;
	(void)fd;
	if (what & EV_READ) {
		mask |= WM_EV_READ;
	}
	if (what & EV_WRITE) {
		mask |= WM_EV_WRITE;
	}
	if (what & EV_TIMEOUT) {
		mask |= WM_EV_TIMER;
	}
	if (what & EV_SIGNAL) {
		mask |= WM_EV_SIGNAL;
	}
	if (w->kind == WM_EV_TIMER) {
		w->due = monotonic_now() + w->interval;
	}
	w->firing = 1;
	w->cb(w, mask);
	w->firing = 0;
	if (w->doomed) {
		watch_release(w);
		return;
	}
	if (w->kind == WM_EV_TIMER && !w->persist) {
		wm_watch_free(w);
	}
}

static wm_watch_t *watch_new(wm_loop_t *loop, int kind, int fd, wm_watch_cb cb, void *data)
{
	wm_watch_t *w = wm_calloc(1, sizeof(*w));
	w->loop = loop;
	w->cb = cb;
	w->data = data;
	w->kind = kind;
	w->fd = fd;
	w->id = loop->next_id++;
	w->next = loop->watches;
	if (loop->watches) {
		loop->watches->prev = w;
	}
	loop->watches = w;
	loop->watch_count++;
	if (kind == WM_EV_TIMER) {
		loop->timer_count++;
	}
	return w;
}

static void watch_abort(wm_watch_t *w)
{
	w->dispose = NULL;
	watch_unlink(w);
	watch_release(w);
}

wm_watch_t *wm_watch_timer(wm_loop_t *loop, double seconds, int persist, wm_watch_cb cb, void *data)
{
	if (!(seconds >= 0) || seconds > 1e9) {
		return NULL;
	}
	wm_watch_t *w = watch_new(loop, WM_EV_TIMER, -1, cb, data);
	w->persist = persist ? 1 : 0;
	w->interval = seconds;
	w->due = monotonic_now() + seconds;
	w->ev = event_new(loop->base, -1, persist ? EV_PERSIST : 0, watch_fire, w);
	struct timeval tv = timeval_of(seconds);
	if (!w->ev || event_add(w->ev, &tv) < 0) {
		watch_abort(w);
		return NULL;
	}
	return w;
}

wm_watch_t *wm_watch_signal(wm_loop_t *loop, int signo, wm_watch_cb cb, void *data)
{
	wm_watch_t *w = watch_new(loop, WM_EV_SIGNAL, signo, cb, data);
	w->persist = 1;
	w->ev = evsignal_new(loop->base, signo, watch_fire, w);
	if (!w->ev || event_add(w->ev, NULL) < 0) {
		watch_abort(w);
		return NULL;
	}
	return w;
}

wm_watch_t *wm_watch_fd(wm_loop_t *loop, int fd, int flags, wm_watch_cb cb, void *data)
{
	short ev = EV_PERSIST;
	if (flags & WM_EV_READ) {
		ev |= EV_READ;
	}
	if (flags & WM_EV_WRITE) {
		ev |= EV_WRITE;
	}
	wm_watch_t *w = watch_new(loop, flags & (WM_EV_READ | WM_EV_WRITE), fd, cb, data);
	w->persist = 1;
	w->ev = event_new(loop->base, fd, ev, watch_fire, w);
	if (!w->ev || event_add(w->ev, NULL) < 0) {
		watch_abort(w);
		return NULL;
	}
	return w;
}

void wm_watch_free(wm_watch_t *w)
{
	if (!w || w->doomed) {
		return;
	}
	if (w->loop) {
		watch_unlink(w);
	}
	if (w->firing) {
		if (w->ev) {
			event_del(w->ev);
		}
		w->doomed = 1;
		return;
	}
	watch_release(w);
}

int wm_loop_run_due_timers(wm_loop_t *loop)
{
	if (!loop->timer_count) {
		return 0;
	}
	/* Ids first: a callback may free or create any watcher, so the list is walked again
	 * for each. */
	double t = monotonic_now();
	size_t n = 0, cap = loop->timer_count;
	int64_t *ids = wm_malloc(cap * sizeof(*ids));
	for (wm_watch_t *w = loop->watches; w && n < cap; w = w->next) {
		if (w->kind == WM_EV_TIMER && !w->firing && w->due <= t) {
			ids[n++] = w->id;
		}
	}
	int ran = 0;
	for (size_t i = 0; i < n; i++) {
		wm_watch_t *w = loop->watches;
		while (w && w->id != ids[i]) {
			w = w->next;
		}
		if (!w || w->firing) {
			continue;
		}
		event_del(w->ev);
		if (w->persist) {
			struct timeval tv = timeval_of(w->interval);
			event_add(w->ev, &tv);
		}
		watch_fire(-1, EV_TIMEOUT, w);
		ran++;
	}
	wm_free(ids);
	return ran;
}
