/* Loop helpers shared by the tests that run a real loop: run until something stops it, or
 * until a condition holds, each bounded by a timeout. Include after wm_test.h. */
#ifndef WM_TEST_LOOP_H
#define WM_TEST_LOOP_H

#include "src/loop/wm_loop.h"

static int guard_hit;
static void guard_cb(wm_watch_t *w, int what)
{
	(void)what;
	guard_hit = 1;
	wm_loop_stop(w->loop);
}

/* Run the loop until something calls wm_loop_stop; 0 when the timeout hit first. */
static inline int run_until_stop(wm_loop_t *loop, double timeout)
{
	guard_hit = 0;
	wm_watch_t *g = wm_watch_timer(loop, timeout, 0, guard_cb, NULL);
	wm_loop_run(loop);
	if (!guard_hit) {
		wm_watch_free(g);
	}
	return !guard_hit;
}

typedef int (*pred_fn)(void *ctx);
typedef struct pred_watch {
	pred_fn fn;
	void *ctx;
} pred_watch_t;

static void pred_cb(wm_watch_t *w, int what)
{
	pred_watch_t *p = w->data;
	(void)what;
	if (p->fn(p->ctx)) {
		wm_loop_stop(w->loop);
	}
}

/* Run the loop until pred(ctx) holds (checked every 2 ms); its value at the end (0 on timeout). */
static inline int run_until(wm_loop_t *loop, pred_fn fn, void *ctx, double timeout)
{
	pred_watch_t p = {fn, ctx};
	wm_watch_t *pw = wm_watch_timer(loop, 0.002, 1, pred_cb, &p);
	run_until_stop(loop, timeout);
	wm_watch_free(pw);
	return fn(ctx);
}

#endif
