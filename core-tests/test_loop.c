/* wm_loop: timers, signal and fd watchers, stop, free, reset after fork. */
#include "wm_test.h"

#include "src/loop/wm_loop.h"
#include "src/proc/wm_proc.h"
#include "src/wm_core.h"

#include <fcntl.h>
#include <math.h>
#include <sys/time.h>

static double now(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

typedef struct counter {
	int fired;
	int disposed;
	int limit;        /* free the watcher from its callback at this count */
	int last_what;
	wm_watch_t *other; /* a watcher to free from the callback */
	wm_loop_t *loop;
	int stop_at;      /* wm_loop_stop at this count */
} counter_t;

static void count_cb(wm_watch_t *w, int what)
{
	counter_t *c = w->data;
	c->fired++;
	c->last_what = what;
	if (c->other) {
		wm_watch_free(c->other);
		c->other = NULL;
	}
	if (c->limit && c->fired == c->limit) {
		wm_watch_free(w);
		wm_watch_free(w); /* twice: the second call is a no-op */
	}
	if (c->stop_at && c->fired == c->stop_at) {
		wm_loop_stop(c->loop);
	}
}

static void count_dispose(wm_watch_t *w)
{
	counter_t *c = w->data;
	c->disposed++;
}

/* Guard against a hung loop: stops it and records the timeout. */
static int guard_hit;
static void guard_cb(wm_watch_t *w, int what)
{
	(void)what;
	guard_hit = 1;
	wm_loop_stop(w->loop);
}

TEST(loop_new_free)
{
	wm_loop_t *loop = wm_loop_new();
	REQUIRE(loop != NULL);
	CHECK(loop->base != NULL);
	CHECK_EQ(loop->watch_count, 0);
	CHECK_EQ(loop->next_id, 1);
	/* A loop with nothing to watch returns at once. */
	CHECK_EQ(wm_loop_run(loop), 0);
	wm_loop_free(loop);
	wm_loop_free(NULL);
}

TEST(timer_oneshot_fires_once)
{
	wm_loop_t *loop = wm_loop_new();
	counter_t c = {0};
	double t0 = now();
	wm_watch_t *w = wm_watch_timer(loop, 0.02, 0, count_cb, &c);
	REQUIRE(w != NULL);
	w->dispose = count_dispose;
	CHECK_EQ(w->kind, WM_EV_TIMER);
	CHECK_EQ(w->fd, -1);
	CHECK_EQ(loop->watch_count, 1);
	CHECK_EQ(loop->timer_count, 1);
	/* The loop ends by itself once the only timer has fired and been freed. */
	CHECK_EQ(wm_loop_run(loop), 0);
	double dt = now() - t0;
	CHECK_EQ(c.fired, 1);
	CHECK_EQ(c.last_what, WM_EV_TIMER);
	CHECK_EQ(c.disposed, 1);
	CHECK_MSG(dt >= 0.015, "fired after %.3fs, expected >= 0.02", dt);
	CHECK_EQ(loop->watch_count, 0);
	CHECK_EQ(loop->timer_count, 0);
	CHECK(loop->watches == NULL);
	wm_loop_free(loop);
}

TEST(timer_zero_seconds_fires)
{
	wm_loop_t *loop = wm_loop_new();
	counter_t c = {0};
	REQUIRE(wm_watch_timer(loop, 0, 0, count_cb, &c) != NULL);
	CHECK_EQ(wm_loop_run(loop), 0);
	CHECK_EQ(c.fired, 1);
	wm_loop_free(loop);
}

TEST(timer_persistent_repeats)
{
	wm_loop_t *loop = wm_loop_new();
	counter_t c = {0};
	c.limit = 5; /* frees itself inside its 5th callback */
	double t0 = now();
	wm_watch_t *w = wm_watch_timer(loop, 0.01, 1, count_cb, &c);
	REQUIRE(w != NULL);
	w->dispose = count_dispose;
	CHECK(w->persist);
	CHECK_EQ(wm_loop_run(loop), 0);
	double dt = now() - t0;
	CHECK_EQ(c.fired, 5);
	CHECK_EQ(c.disposed, 1);
	CHECK_MSG(dt >= 0.045, "5 ticks of 10ms took %.3fs", dt);
	CHECK_EQ(loop->watch_count, 0);
	CHECK_EQ(loop->timer_count, 0);
	wm_loop_free(loop);
}

/* A callback that runs the due timers itself (Timer::tick() from a long callback). */
static void tick_cb(wm_watch_t *w, int what)
{
	counter_t *c = w->data;
	(void)what;
	c->fired++;
	usleep(30000); /* long enough for the 0.01 s timers to be due */
	c->last_what = wm_loop_run_due_timers(w->loop);
}

TEST(timer_run_due_fires_due_timers_from_a_callback)
{
	wm_loop_t *loop = wm_loop_new();
	counter_t ticker = {0}, once = {0}, rep = {0}, later = {0};
	wm_watch_t *o = wm_watch_timer(loop, 0.01, 0, count_cb, &once);
	o->dispose = count_dispose;
	wm_watch_t *r = wm_watch_timer(loop, 0.01, 1, count_cb, &rep);
	rep.limit = 2;
	wm_watch_t *l = wm_watch_timer(loop, 5, 0, count_cb, &later);
	REQUIRE(o && r && l);
	/* Not from the loop: nothing is due yet. */
	CHECK_EQ(wm_loop_run_due_timers(loop), 0);
	CHECK_EQ(loop->timer_count, 3);
	REQUIRE(wm_watch_timer(loop, 0, 0, tick_cb, &ticker) != NULL);
	/* The ticker's callback ran the two due ones (not itself, not the 5 s one). */
	wm_watch_free(l);
	CHECK_EQ(wm_loop_run(loop), 0);
	CHECK_EQ(ticker.fired, 1);
	CHECK_EQ(ticker.last_what, 2);
	CHECK_EQ(later.fired, 0);
	/* The one-shot fired once and was freed; the persistent one was re-armed and fired
	 * again from the loop (it frees itself at its 2nd firing). */
	CHECK_EQ(once.fired, 1);
	CHECK_EQ(once.disposed, 1);
	CHECK_EQ(rep.fired, 2);
	CHECK_EQ(loop->timer_count, 0);
	wm_loop_free(loop);
}

TEST(timer_oneshot_free_inside_own_callback)
{
	wm_loop_t *loop = wm_loop_new();
	counter_t c = {0};
	c.limit = 1; /* a one-shot freeing itself: must not be freed twice */
	wm_watch_t *w = wm_watch_timer(loop, 0.001, 0, count_cb, &c);
	REQUIRE(w != NULL);
	w->dispose = count_dispose;
	CHECK_EQ(wm_loop_run(loop), 0);
	CHECK_EQ(c.fired, 1);
	CHECK_EQ(c.disposed, 1);
	CHECK_EQ(loop->watch_count, 0);
	wm_loop_free(loop);
}

TEST(timer_free_other_from_callback)
{
	wm_loop_t *loop = wm_loop_new();
	counter_t a = {0}, b = {0};
	/* Same deadline: whichever runs first frees the other, which then never fires. */
	wm_watch_t *wa = wm_watch_timer(loop, 0.01, 0, count_cb, &a);
	wm_watch_t *wb = wm_watch_timer(loop, 0.01, 0, count_cb, &b);
	REQUIRE(wa && wb);
	wa->dispose = count_dispose;
	wb->dispose = count_dispose;
	a.other = wb;
	b.other = wa;
	CHECK_EQ(wm_loop_run(loop), 0);
	CHECK_EQ(a.fired + b.fired, 1);
	CHECK_EQ(a.disposed, 1);
	CHECK_EQ(b.disposed, 1);
	CHECK_EQ(loop->watch_count, 0);
	wm_loop_free(loop);
}

TEST(timer_invalid_intervals)
{
	wm_loop_t *loop = wm_loop_new();
	counter_t c = {0};
	CHECK(wm_watch_timer(loop, -1, 0, count_cb, &c) == NULL);
	CHECK(wm_watch_timer(loop, NAN, 0, count_cb, &c) == NULL);
	CHECK(wm_watch_timer(loop, 2e9, 1, count_cb, &c) == NULL);
	CHECK(wm_watch_timer(loop, INFINITY, 1, count_cb, &c) == NULL);
	CHECK_EQ(loop->watch_count, 0);
	CHECK_EQ(loop->timer_count, 0);
	wm_watch_free(NULL);
	wm_loop_free(loop);
}

TEST(watch_find_and_ids)
{
	wm_loop_t *loop = wm_loop_new();
	counter_t c = {0};
	wm_watch_t *a = wm_watch_timer(loop, 10, 0, count_cb, &c);
	wm_watch_t *b = wm_watch_timer(loop, 10, 1, count_cb, &c);
	wm_watch_t *d = wm_watch_timer(loop, 10, 0, count_cb, &c);
	REQUIRE(a && b && d);
	CHECK_LT(a->id, b->id);
	CHECK_LT(b->id, d->id);
	wm_watch_free(b);
	CHECK_EQ(loop->watch_count, 2);
	CHECK_EQ(loop->timer_count, 2);
	/* Ids are never reused. */
	wm_watch_t *e = wm_watch_timer(loop, 10, 0, count_cb, &c);
	CHECK_GT(e->id, d->id);
	wm_loop_free(loop); /* frees the live watchers */
	CHECK_EQ(c.fired, 0);
}

TEST(loop_free_disposes_live_watchers)
{
	wm_loop_t *loop = wm_loop_new();
	counter_t c = {0};
	for (int i = 0; i < 10; i++) {
		wm_watch_t *w = wm_watch_timer(loop, 100, i & 1, count_cb, &c);
		REQUIRE(w != NULL);
		w->dispose = count_dispose;
	}
	wm_watch_t *s = wm_watch_signal(loop, SIGUSR2, count_cb, &c);
	REQUIRE(s != NULL);
	s->dispose = count_dispose;
	CHECK_EQ(loop->watch_count, 11);
	CHECK_EQ(loop->timer_count, 10);
	wm_loop_free(loop);
	CHECK_EQ(c.disposed, 11);
	CHECK_EQ(c.fired, 0);
}

TEST(loop_stop_from_callback)
{
	wm_loop_t *loop = wm_loop_new();
	counter_t c = {0};
	c.loop = loop;
	c.stop_at = 3;
	wm_watch_t *w = wm_watch_timer(loop, 0.005, 1, count_cb, &c);
	REQUIRE(w != NULL);
	CHECK_EQ(wm_loop_run(loop), 0);
	CHECK_EQ(c.fired, 3);
	CHECK_EQ(loop->stopping, 1);
	/* Running again resumes the persistent timer. */
	c.stop_at = 5;
	CHECK_EQ(wm_loop_run(loop), 0);
	CHECK_EQ(c.fired, 5);
	wm_watch_free(w);
	wm_loop_free(loop);
}

TEST(watch_fd_readable)
{
	wm_loop_t *loop = wm_loop_new();
	int p[2];
	REQUIRE(pipe2(p, O_NONBLOCK | O_CLOEXEC) == 0);
	counter_t c = {0};
	c.loop = loop;
	c.stop_at = 1;
	wm_watch_t *w = wm_watch_fd(loop, p[0], WM_EV_READ, count_cb, &c);
	REQUIRE(w != NULL);
	CHECK_EQ(w->fd, p[0]);
	CHECK_EQ(w->kind, WM_EV_READ);
	CHECK_EQ(loop->timer_count, 0);
	guard_hit = 0;
	wm_watch_t *guard = wm_watch_timer(loop, 5, 0, guard_cb, NULL);
	CHECK_EQ(write(p[1], "x", 1), 1);
	CHECK_EQ(wm_loop_run(loop), 0);
	CHECK(!guard_hit);
	CHECK_EQ(c.fired, 1);
	CHECK_EQ(c.last_what, WM_EV_READ);
	/* A writable watcher on the write end fires at once. */
	counter_t cw = {0};
	cw.loop = loop;
	cw.stop_at = 1;
	wm_watch_t *ww = wm_watch_fd(loop, p[1], WM_EV_WRITE, count_cb, &cw);
	REQUIRE(ww != NULL);
	wm_watch_free(w);
	CHECK_EQ(wm_loop_run(loop), 0);
	CHECK_EQ(cw.fired, 1);
	CHECK(cw.last_what & WM_EV_WRITE);
	wm_watch_free(ww);
	if (!guard_hit) {
		wm_watch_free(guard);
	}
	wm_loop_free(loop);
	close(p[0]);
	close(p[1]);
}

static void raise_usr1(wm_watch_t *w, int what)
{
	(void)w;
	(void)what;
	kill(getpid(), SIGUSR1);
}

TEST(watch_signal)
{
	wm_loop_t *loop = wm_loop_new();
	counter_t c = {0};
	c.loop = loop;
	c.stop_at = 2;
	wm_watch_t *s = wm_watch_signal(loop, SIGUSR1, count_cb, &c);
	REQUIRE(s != NULL);
	CHECK_EQ(s->fd, SIGUSR1);
	CHECK_EQ(s->kind, WM_EV_SIGNAL);
	wm_watch_t *t = wm_watch_timer(loop, 0.01, 1, raise_usr1, NULL);
	guard_hit = 0;
	wm_watch_t *guard = wm_watch_timer(loop, 5, 0, guard_cb, NULL);
	CHECK_EQ(wm_loop_run(loop), 0);
	CHECK(!guard_hit);
	CHECK_EQ(c.fired, 2);
	CHECK_EQ(c.last_what, WM_EV_SIGNAL);
	wm_watch_free(t);
	wm_watch_free(s);
	if (!guard_hit) {
		wm_watch_free(guard);
	}
	/* Once the watcher is gone the default disposition is back. */
	struct sigaction sa;
	sigaction(SIGUSR1, NULL, &sa);
	CHECK(sa.sa_handler == SIG_DFL);
	wm_loop_free(loop);
}

/* wm_proc_fork(loop): the child starts with no watchers (dispose hooks run), signals
 * blocked until wm_proc_signals_unblock, and a
 * working loop; the parent's watchers are untouched. */
TEST(proc_fork_resets_child_loop)
{
	wm_loop_t *loop = wm_loop_new();
	counter_t c = {0};
	c.loop = loop;
	c.stop_at = 1;
	wm_watch_t *t = wm_watch_timer(loop, 0.05, 0, count_cb, &c);
	wm_watch_t *s = wm_watch_signal(loop, SIGUSR1, count_cb, &c);
	REQUIRE(t && s);
	t->dispose = count_dispose;
	s->dispose = count_dispose;
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR2);
	sigprocmask(SIG_BLOCK, &block, &old);

	pid_t pid = wm_proc_fork(loop);
	REQUIRE(pid >= 0);
	if (pid == 0) {
		int bad = 0;
		sigset_t cur;
		sigprocmask(SIG_SETMASK, NULL, &cur);
		bad |= sigismember(&cur, SIGUSR2) ? 0 : 1;       /* blocked until the child is ready */
		wm_proc_signals_unblock();
		sigprocmask(SIG_SETMASK, NULL, &cur);
		bad |= sigismember(&cur, SIGUSR2) ? 1 : 0;       /* then cleared */
		bad |= loop->watch_count != 0 ? 2 : 0;
		bad |= c.disposed != 2 ? 4 : 0;
		struct sigaction sa;
		sigaction(SIGUSR1, NULL, &sa);
		bad |= sa.sa_handler != SIG_DFL ? 8 : 0;          /* handler restored */
		counter_t cc = {0};
		cc.loop = loop;
		cc.stop_at = 2;
		wm_watch_t *ct = wm_watch_timer(loop, 0.005, 1, count_cb, &cc);
		bad |= !ct ? 16 : 0;
		if (ct) {
			wm_loop_run(loop);
			bad |= cc.fired != 2 ? 32 : 0;
			wm_watch_free(ct);
		}
		bad |= c.fired != 0 ? 64 : 0;
		wm_loop_free(loop);
		_exit(bad);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	int st;
	REQUIRE(waitpid(pid, &st, 0) == pid);
	CHECK(WIFEXITED(st));
	CHECK_MSG(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child reported failure bits 0x%x",
		WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	/* Parent: both watchers still live, the timer fires normally. */
	CHECK_EQ(loop->watch_count, 2);
	CHECK_EQ(c.disposed, 0);
	CHECK_EQ(wm_loop_run(loop), 0);
	CHECK_EQ(c.fired, 1);
	wm_watch_free(s);
	wm_loop_free(loop);
	CHECK_EQ(c.disposed, 2);
}

/* Forking from inside a watcher callback (as the master does on SIGCHLD) and resetting
 * the child's loop while that watcher is firing. */
static pid_t fork_child_pid;
static int fork_child_status = -1;
static void fork_in_cb(wm_watch_t *w, int what)
{
	counter_t *c = w->data;
	(void)what;
	c->fired++;
	pid_t pid = wm_proc_fork(w->loop);
	if (pid == 0) {
		/* Child: the other watcher is gone; w was firing, so it is released (and its
		 * dispose hook runs) only when this callback returns. */
		int bad = (c->loop->watch_count != 0) | (c->disposed != 1) << 1;
		wm_loop_stop(c->loop);
		fork_child_status = bad;
		return;
	}
	fork_child_pid = pid;
	wm_loop_stop(w->loop);
}

TEST(proc_fork_inside_callback)
{
	wm_loop_t *loop = wm_loop_new();
	counter_t c = {0};
	c.loop = loop;
	wm_watch_t *t = wm_watch_timer(loop, 0.01, 0, fork_in_cb, &c);
	wm_watch_t *other = wm_watch_timer(loop, 100, 0, count_cb, &c);
	REQUIRE(t && other);
	t->dispose = count_dispose;
	other->dispose = count_dispose;
	fork_child_pid = 0;
	CHECK_EQ(wm_loop_run(loop), 0);
	if (fork_child_pid == 0) {
		/* Child: leaves the loop; the firing watcher was released after its callback. */
		int bad = fork_child_status | (c.disposed != 2) << 2;
		wm_loop_free(loop);
		_exit(bad);
	}
	int st;
	REQUIRE(waitpid(fork_child_pid, &st, 0) == fork_child_pid);
	CHECK_MSG(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child status 0x%x", st);
	CHECK_EQ(c.fired, 1);
	/* The parent still has the long timer. */
	CHECK_EQ(loop->watch_count, 1);
	wm_loop_free(loop);
	CHECK_EQ(c.disposed, 2);
}
