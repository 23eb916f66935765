/* wm_listen + wm_conn + wm_loop: integration tests over real sockets (socketpair() and
 * TCP on 127.0.0.1 port 0). SIGPIPE keeps its default action on purpose: a write path
 * that can raise it kills the test. */
#include "wm_test.h"
#include "wm_test_loop.h"

#include "src/buf/wm_buf.h"
#include "src/loop/wm_loop.h"
#include "src/net/wm_addr.h"
#include "src/net/wm_conn.h"
#include "src/net/wm_listen.h"
#include "src/proto/wm_text.h"
#include "src/wm_core.h"

#include <arpa/inet.h>
#include <event2/event.h>
#include <fcntl.h>
#include <netinet/tcp.h>
#include <sys/stat.h>
#include <sys/time.h>

/* ---- helpers ---- */

static void fill_pattern(char *p, size_t n, size_t start)
{
	for (size_t i = 0; i < n; i++) {
		p[i] = (char)((start + i) % 251);
	}
}

static void stop_cb(wm_watch_t *w, int what)
{
	(void)what;
	wm_loop_stop(w->loop);
}

/* Run the loop for a while (to see that nothing happens). */
static void run_for(wm_loop_t *loop, double seconds)
{
	wm_watch_t *t = wm_watch_timer(loop, seconds, 0, stop_cb, NULL);
	(void)t;
	wm_loop_run(loop);
}

static void make_pair(int type, int sv[2])
{
	if (socketpair(AF_UNIX, type | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) != 0) {
		perror("socketpair");
		abort();
	}
}

/* Read what is available on a non-blocking fd into b; returns bytes read, -1 on EOF. */
static ssize_t drain_fd(int fd, wm_buf_t *b)
{
	ssize_t total = 0;
	for (;;) {
		char *p = wm_buf_reserve(b, 65536);
		ssize_t n = read(fd, p, 65536);
		if (n > 0) {
			wm_buf_commit(b, (size_t)n);
			total += n;
			continue;
		}
		if (n == 0) {
			return total ? total : -1;
		}
		return total;
	}
}

/* A test connection: the wm_conn_t plus what the callbacks saw and what they should do. */
typedef struct tc tc_t;
struct tc {
	wm_conn_t c; /* first: the callbacks cast back */
	wm_loop_t *loop;
	int peer;
	/* observed */
	wm_buf_t seen;          /* bytes consumed by on_data, in order */
	char view[256];         /* the last view on_data got (truncated copy) */
	size_t view_len;
	int data_calls, eof_calls, eof_err, drain_calls, werr_calls, werr_err, full_calls;
	int not_in_batch;       /* on_data ran without being the batch connection */
	int send_rc[8];
	int nsend;
	size_t pending_in_batch;
	int peer_readable_in_batch;
	int batch_end_rc;
	/* behaviour */
	int lines;              /* consume complete lines only (else everything) */
	int pause_after_lines;  /* pause once this many lines were consumed */
	int nlines;
	size_t over_consume;    /* consume this much more than available */
	const char *reply;      /* send this from on_data (split in two iovecs) */
	int explicit_end;       /* call wm_conn_batch_end from on_data */
	int close_in_data, close_on_eof, close_on_drain, close_on_werr;
	int stop_on_data, stop_on_eof, stop_on_drain, stop_on_werr;
	void (*hook)(tc_t *t);  /* extra action at the end of on_data */
	size_t echoed;          /* echo_hook: bytes of seen already sent back */
};

static void tc_on_data(wm_conn_t *c)
{
	tc_t *t = (tc_t *)c;
	size_t len;
	const char *d = wm_conn_rdata(c, &len);
	t->data_calls++;
	if (c->loop->batch_conn != c) {
		t->not_in_batch++;
	}
	t->view_len = len < sizeof(t->view) ? len : sizeof(t->view);
	memcpy(t->view, d, t->view_len);
	if (t->lines) {
		while (c->reading) {
			d = wm_conn_rdata(c, &len);
			size_t n = len ? wm_text_input(d, len) : 0;
			if (n == 0) {
				break;
			}
			wm_buf_append(&t->seen, d, n);
			wm_conn_rconsume(c, n);
			t->nlines++;
			if (t->pause_after_lines && t->nlines == t->pause_after_lines) {
				wm_conn_pause_read(c);
			}
		}
	} else {
		wm_buf_append(&t->seen, d, len);
		wm_conn_rconsume(c, len + t->over_consume);
		d = wm_conn_rdata(c, &len);
		CHECK_EQ(len, 0);
	}
	if (t->reply) {
		size_t rl = strlen(t->reply), half = rl / 2;
		struct iovec one = {(void *)t->reply, half};
		struct iovec two[2] = {{(void *)(t->reply + half), (rl - half) / 2},
			{(void *)(t->reply + half + (rl - half) / 2), rl - half - (rl - half) / 2}};
		if (t->nsend < 8) {
			t->send_rc[t->nsend++] = wm_conn_send(c, &one, 1);
		}
		if (t->nsend < 8) {
			t->send_rc[t->nsend++] = wm_conn_send(c, two, 2);
		}
		t->pending_in_batch = wm_conn_pending(c);
		char tmp;
		t->peer_readable_in_batch = recv(t->peer, &tmp, 1, MSG_PEEK | MSG_DONTWAIT) > 0;
	}
	if (t->hook) {
		t->hook(t);
	}
	if (t->explicit_end) {
		t->batch_end_rc = wm_conn_batch_end(c);
	}
	if (t->close_in_data) {
		wm_conn_close(c);
	}
	if (t->stop_on_data) {
		wm_loop_stop(t->loop);
	}
}

static void tc_on_eof(wm_conn_t *c, int err)
{
	tc_t *t = (tc_t *)c;
	t->eof_calls++;
	t->eof_err = err;
	if (t->close_on_eof) {
		wm_conn_close(c);
	}
	if (t->stop_on_eof) {
		wm_loop_stop(t->loop);
	}
}

static void tc_on_drain(wm_conn_t *c)
{
	tc_t *t = (tc_t *)c;
	t->drain_calls++;
	if (t->close_on_drain) {
		wm_conn_close(c);
	}
	if (t->stop_on_drain) {
		wm_loop_stop(t->loop);
	}
}

static void tc_on_write_error(wm_conn_t *c, int err)
{
	tc_t *t = (tc_t *)c;
	t->werr_calls++;
	t->werr_err = err;
	if (t->close_on_werr) {
		wm_conn_close(c);
	}
	if (t->stop_on_werr) {
		wm_loop_stop(t->loop);
	}
}

static void tc_on_full(wm_conn_t *c)
{
	tc_t *t = (tc_t *)c;
	t->full_calls++;
}

static const wm_conn_ops_t tc_ops = {
	.on_data = tc_on_data,
	.on_eof = tc_on_eof,
	.on_drain = tc_on_drain,
	.on_write_error = tc_on_write_error,
	.on_full = tc_on_full,
};

/* Zeroed heap context (so ASan sees any use after wm_conn_close + free). */
static tc_t *tc_new(wm_loop_t *loop, int fd, int peer)
{
	tc_t *t = calloc(1, sizeof(*t));
	t->loop = loop;
	t->peer = peer;
	t->close_on_eof = t->close_on_werr = 1;
	t->stop_on_eof = t->stop_on_werr = 1;
	t->c.max_send = INT64_MAX; /* no limit unless a test sets one */
	t->c.transport = wm_transport_for_fd(fd);
	if (wm_conn_start(&t->c, loop, fd, &tc_ops) != WM_OK) {
		fprintf(stderr, "wm_conn_start failed\n");
		abort();
	}
	return t;
}

static void tc_free(tc_t *t)
{
	wm_conn_close(&t->c);
	wm_conn_close(&t->c); /* idempotent */
	wm_buf_free(&t->seen);
	if (t->peer >= 0) {
		close(t->peer);
	}
	free(t);
}

#define CHECK_SEEN(t, s) CHECK_MEM_EQ(wm_buf_head(&(t)->seen), wm_buf_size(&(t)->seen), s, strlen(s))
#define CHECK_VIEW(t, s) CHECK_MEM_EQ((t)->view, (t)->view_len, s, strlen(s))

static void peer_write(int fd, const char *s)
{
	size_t n = strlen(s);
	if (write(fd, s, n) != (ssize_t)n) {
		perror("peer write");
		abort();
	}
}

/* Peer-side read of everything available now. */
static void check_peer_got(int fd, const char *expect, const char *file, int line)
{
	wm_buf_t b = WM_BUF_INIT;
	drain_fd(fd, &b);
	wm_test_cur_checks++;
	size_t el = strlen(expect);
	if (wm_buf_size(&b) != el || (el && memcmp(wm_buf_head(&b), expect, el) != 0)) {
		wm_test_fail(file, line, "peer got %zu bytes, expected \"%s\"", wm_buf_size(&b), expect);
		if (wm_buf_size(&b)) {
			fprintf(stderr, "    got: ");
			wm_test_print_mem(stderr, wm_buf_head(&b), wm_buf_size(&b));
			fputc('\n', stderr);
		}
	}
	wm_buf_free(&b);
}
#define CHECK_PEER_GOT(fd, s) check_peer_got(fd, s, __FILE__, __LINE__)

/* ---- reading ---- */

TEST(conn_on_data_sees_bytes)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->stop_on_data = 1;
	CHECK_EQ(t->c.fd, sv[0]);
	CHECK(t->c.reading);
	peer_write(sv[1], "hello");
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(t->data_calls, 1);
	CHECK_EQ(t->not_in_batch, 0);
	CHECK_VIEW(t, "hello");
	CHECK_SEEN(t, "hello");
	CHECK_EQ(t->c.bytes_read, 5);
	/* Everything consumed: the connection owns no receive memory, the batch is over. */
	CHECK(t->c.in.data == NULL);
	CHECK(t->c.rptr == NULL);
	CHECK(loop->batch_conn == NULL);
	CHECK_EQ(loop->scratch_busy, 0);
	/* Binary data, NUL bytes included. */
	static const char bin[] = {'\0', 'a', '\0', '\n', '\xff'};
	CHECK_EQ(write(sv[1], bin, sizeof(bin)), (ssize_t)sizeof(bin));
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(t->data_calls, 2);
	CHECK_MEM_EQ(t->view, t->view_len, bin, sizeof(bin));
	CHECK_EQ(t->c.bytes_read, 10);
	tc_free(t);
	wm_loop_free(loop);
}

/* wm_conn_rdata() on a connection that never buffered anything returns
 * wm_buf_head(&c->in) = NULL + 0: pointer arithmetic on a null pointer, undefined in C.
 * gcc's UBSan does not check it; clang's does (make clang-test), and ext/ calls
 * wm_conn_rdata() outside a batch (getRecvBufferQueueSize, status). */
TEST(conn_rdata_on_idle_connection)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	size_t len = 123;
	wm_conn_rdata(&t->c, &len);
	CHECK_EQ(len, 0);
	tc_free(t);
	wm_loop_free(loop);
}

TEST(conn_partial_consume_keeps_remainder)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->lines = 1;
	t->stop_on_data = 1;

	/* Batch 1 reads into the loop scratch; the unframed "def" moves into conn->in. */
	peer_write(sv[1], "abc\ndef");
	CHECK(run_until_stop(loop, 5));
	CHECK_VIEW(t, "abc\ndef");
	CHECK_SEEN(t, "abc\n");
	CHECK_MEM_EQ(wm_buf_head(&t->c.in), wm_buf_size(&t->c.in), "def", 3);
	CHECK(t->c.rptr == NULL);
	CHECK_EQ(loop->scratch_busy, 0);
	size_t len;
	const char *d = wm_conn_rdata(&t->c, &len); /* outside a batch: the leftover */
	CHECK_MEM_EQ(d, len, "def", 3);

	/* Batch 2 reads behind the leftover: the view is leftover + new bytes. */
	peer_write(sv[1], "\nxyz");
	CHECK(run_until_stop(loop, 5));
	CHECK_VIEW(t, "def\nxyz");
	CHECK_SEEN(t, "abc\ndef\n");
	CHECK_MEM_EQ(wm_buf_head(&t->c.in), wm_buf_size(&t->c.in), "xyz", 3);

	/* Batch 3 completes the last line: the leftover memory is released. */
	peer_write(sv[1], "\n");
	CHECK(run_until_stop(loop, 5));
	CHECK_VIEW(t, "xyz\n");
	CHECK_SEEN(t, "abc\ndef\nxyz\n");
	CHECK(t->c.in.data == NULL);
	CHECK_EQ(wm_buf_size(&t->c.in), 0);
	CHECK_EQ(t->c.bytes_read, 12);
	CHECK_EQ(t->data_calls, 3);
	tc_free(t);
	wm_loop_free(loop);
}

TEST(conn_partial_consume_many_small_batches)
{
	/* A line delivered one byte per batch accumulates in conn->in in order. */
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->lines = 1;
	t->stop_on_data = 1;
	const char *msg = "first line\nsecond\n";
	for (const char *p = msg; *p; p++) {
		CHECK_EQ(write(sv[1], p, 1), 1);
		CHECK(run_until_stop(loop, 5));
	}
	CHECK_SEEN(t, msg);
	CHECK_EQ(t->nlines, 2);
	CHECK_EQ(t->data_calls, (int)strlen(msg));
	CHECK(t->c.in.data == NULL);
	tc_free(t);
	wm_loop_free(loop);
}

TEST(conn_rconsume_clamps)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->stop_on_data = 1;
	t->over_consume = 1000; /* on_data checks that nothing is left */
	peer_write(sv[1], "abc");
	CHECK(run_until_stop(loop, 5));
	CHECK_SEEN(t, "abc");
	CHECK(t->c.in.data == NULL);
	/* Same from the leftover buffer path. */
	t->lines = 1;
	peer_write(sv[1], "par");
	CHECK(run_until_stop(loop, 5));
	t->lines = 0;
	peer_write(sv[1], "tial");
	CHECK(run_until_stop(loop, 5));
	CHECK_VIEW(t, "partial");
	CHECK_SEEN(t, "abcpartial");
	CHECK(t->c.in.data == NULL);
	tc_free(t);
	wm_loop_free(loop);
}

/* ---- writing ---- */

TEST(conn_send_in_batch_is_one_write)
{
	/* SOCK_SEQPACKET keeps write boundaries: the peer sees how many writes happened. */
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_SEQPACKET, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->stop_on_data = 1;
	t->reply = "reply-data"; /* sent as 1 iovec "reply" then 2 iovecs "-d" "ata" */
	peer_write(sv[1], "request");
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(t->nsend, 2);
	CHECK_EQ(t->send_rc[0], WM_SEND_BATCHED);
	CHECK_EQ(t->send_rc[1], WM_SEND_BATCHED);
	CHECK_EQ(t->pending_in_batch, 10);
	CHECK_EQ(t->peer_readable_in_batch, 0); /* nothing written during the batch */
	char buf[64];
	ssize_t n = recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT);
	CHECK_MEM_EQ(buf, n > 0 ? (size_t)n : 0, "reply-data", 10);
	n = recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT);
	CHECK_MSG(n < 0 && errno == EAGAIN, "a second write reached the peer (recv %zd)", n);
	CHECK_EQ(t->c.bytes_written, 10);
	CHECK_EQ(wm_conn_pending(&t->c), 0);
	CHECK(loop->batch_conn == NULL);
	CHECK_EQ(wm_buf_size(&loop->batch_out), 0);
	tc_free(t);
	wm_loop_free(loop);
}

TEST(conn_batch_end_explicit)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_SEQPACKET, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->stop_on_data = 1;
	t->reply = "abcd";
	t->explicit_end = 1;
	peer_write(sv[1], "go");
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(t->send_rc[0], WM_SEND_BATCHED);
	CHECK_EQ(t->send_rc[1], WM_SEND_BATCHED);
	CHECK_EQ(t->batch_end_rc, WM_SEND_DONE);
	char buf[64];
	ssize_t n = recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT);
	CHECK_MEM_EQ(buf, n > 0 ? (size_t)n : 0, "abcd", 4);
	CHECK(recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT) < 0);
	/* Ending a batch that is not ours, or twice, does nothing. */
	CHECK_EQ(wm_conn_batch_end(&t->c), WM_SEND_DONE);
	tc_free(t);
	wm_loop_free(loop);
}

static void send_after_end_hook(tc_t *t)
{
	/* After an explicit batch end, sends in the same callback go straight out. */
	CHECK_EQ(wm_conn_batch_end(&t->c), WM_SEND_DONE);
	struct iovec iov = {"late", 4};
	CHECK_EQ(wm_conn_send(&t->c, &iov, 1), WM_SEND_DONE);
}

TEST(conn_send_after_batch_end_is_direct)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_SEQPACKET, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->stop_on_data = 1;
	t->reply = "early";
	t->hook = send_after_end_hook;
	peer_write(sv[1], "go");
	CHECK(run_until_stop(loop, 5));
	char buf[64];
	ssize_t n = recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT);
	CHECK_MEM_EQ(buf, n > 0 ? (size_t)n : 0, "early", 5);
	n = recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT);
	CHECK_MEM_EQ(buf, n > 0 ? (size_t)n : 0, "late", 4);
	tc_free(t);
	wm_loop_free(loop);
}

/* During A's batch, a send on another connection B is not batched. */
static tc_t *other_conn;
static void send_on_other_hook(tc_t *t)
{
	(void)t;
	struct iovec iov = {"to-b", 4};
	other_conn->send_rc[other_conn->nsend++] = wm_conn_send(&other_conn->c, &iov, 1);
	char tmp[8];
	other_conn->peer_readable_in_batch = recv(other_conn->peer, tmp, sizeof(tmp), MSG_PEEK | MSG_DONTWAIT) == 4;
}

TEST(conn_send_outside_batch_is_done)
{
	wm_loop_t *loop = wm_loop_new();
	int sa[2], sb[2];
	make_pair(SOCK_STREAM, sa);
	make_pair(SOCK_STREAM, sb);
	tc_t *a = tc_new(loop, sa[0], sa[1]);
	tc_t *b = tc_new(loop, sb[0], sb[1]);
	struct iovec iov[3] = {{"pi", 2}, {"", 0}, {"ng", 2}};
	CHECK_EQ(wm_conn_send(&a->c, iov, 3), WM_SEND_DONE);
	CHECK_EQ(a->c.bytes_written, 4);
	CHECK_EQ(wm_conn_pending(&a->c), 0);
	CHECK_PEER_GOT(sa[1], "ping");
	/* Nothing to send is done at once. */
	CHECK_EQ(wm_conn_send(&a->c, iov + 1, 1), WM_SEND_DONE);
	CHECK_EQ(wm_conn_send(&a->c, NULL, 0), WM_SEND_DONE);

	other_conn = b;
	a->hook = send_on_other_hook;
	a->stop_on_data = 1;
	peer_write(sa[1], "x");
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(b->nsend, 1);
	CHECK_EQ(b->send_rc[0], WM_SEND_DONE);
	CHECK_EQ(b->peer_readable_in_batch, 1);
	CHECK_PEER_GOT(sb[1], "to-b");
	tc_free(a);
	tc_free(b);
	wm_loop_free(loop);
}

/* Fill the socket until the kernel refuses: returns bytes handed to wm_conn_send. */
static size_t fill_until_queued(tc_t *t, size_t *seq)
{
	static char chunk[65536];
	size_t total = 0;
	for (int i = 0; i < 4096; i++) {
		fill_pattern(chunk, sizeof(chunk), *seq);
		struct iovec iov = {chunk, sizeof(chunk)};
		int rc = wm_conn_send(&t->c, &iov, 1);
		if (rc == WM_SEND_FAILED) {
			return 0;
		}
		*seq += sizeof(chunk);
		total += sizeof(chunk);
		if (rc == WM_SEND_QUEUED) {
			return total;
		}
	}
	return 0;
}

/* A peer that reads everything and checks it against the pattern. */
typedef struct peer_reader {
	int fd;
	size_t got;
	size_t expect;
	int mismatch;
	tc_t *t;
} peer_reader_t;

static void peer_read_cb(wm_watch_t *w, int what)
{
	peer_reader_t *r = w->data;
	char buf[65536], ref[65536];
	(void)what;
	for (;;) {
		ssize_t n = read(r->fd, buf, sizeof(buf));
		if (n <= 0) {
			break;
		}
		fill_pattern(ref, (size_t)n, r->got);
		if (memcmp(buf, ref, (size_t)n) != 0) {
			r->mismatch++;
		}
		r->got += (size_t)n;
	}
}

/* Everything arrived at the peer and the connection reported the drain. */
static int reader_done(void *ctx)
{
	peer_reader_t *r = ctx;
	return r->got >= r->expect && r->t->drain_calls > 0;
}

TEST(conn_send_queued_then_drain)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	size_t seq = 0;
	size_t total = fill_until_queued(t, &seq);
	REQUIRE(total > 0);
	CHECK_GT(wm_conn_pending(&t->c), 0);
	CHECK_EQ(wm_conn_pending(&t->c), total - t->c.bytes_written);
	CHECK(t->c.ev_flags & EV_WRITE);
	/* Once something is queued, every further send queues behind it, in order. */
	char more[1000];
	fill_pattern(more, sizeof(more), seq);
	struct iovec iov = {more, sizeof(more)};
	size_t before = wm_conn_pending(&t->c);
	CHECK_EQ(wm_conn_send(&t->c, &iov, 1), WM_SEND_QUEUED);
	CHECK_EQ(wm_conn_pending(&t->c), before + sizeof(more));
	seq += sizeof(more);
	total += sizeof(more);

	/* The peer does not read: no drain. */
	run_for(loop, 0.05);
	CHECK_EQ(t->drain_calls, 0);
	CHECK_GT(wm_conn_pending(&t->c), 0);

	/* The peer reads: the queue drains, on_drain fires once, memory is returned. */
	peer_reader_t r = {sv[1], 0, total, 0, t};
	wm_watch_t *pw = wm_watch_fd(loop, sv[1], WM_EV_READ, peer_read_cb, &r);
	CHECK(run_until(loop, reader_done, &r, 10));
	CHECK_EQ(r.got, total);
	CHECK_EQ(r.mismatch, 0);
	CHECK_EQ(t->drain_calls, 1);
	CHECK_EQ(wm_conn_pending(&t->c), 0);
	CHECK(t->c.out.data == NULL);
	CHECK_EQ(t->c.bytes_written, total);
	CHECK_EQ(t->c.ev_flags, EV_READ); /* no longer waiting for writability */
	/* After the drain, sends are direct again. */
	struct iovec small = {"z", 1};
	CHECK_EQ(wm_conn_send(&t->c, &small, 1), WM_SEND_DONE);
	wm_watch_free(pw);
	tc_free(t);
	wm_loop_free(loop);
}

/* In a batch with output already queued, a send queues (keeping order), not batches. */
static size_t hook_seq;
static void send_pattern_hook(tc_t *t)
{
	char more[500];
	fill_pattern(more, sizeof(more), hook_seq);
	struct iovec iov = {more, sizeof(more)};
	size_t before = wm_conn_pending(&t->c);
	t->send_rc[t->nsend++] = wm_conn_send(&t->c, &iov, 1);
	hook_seq += sizeof(more);
	t->pending_in_batch = wm_conn_pending(&t->c) - before;
}

TEST(conn_pending_counts_queued_and_batched)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	CHECK_EQ(wm_conn_pending(&t->c), 0);

	/* Batched bytes count. */
	t->reply = "0123456789";
	t->stop_on_data = 1;
	peer_write(sv[1], "a");
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(t->pending_in_batch, 10);
	CHECK_EQ(wm_conn_pending(&t->c), 0);
	CHECK_PEER_GOT(sv[1], "0123456789");

	/* Queued bytes count, and a send inside a batch joins the queue. */
	t->reply = NULL;
	size_t seq = 0;
	uint64_t written_before = t->c.bytes_written;
	size_t total = fill_until_queued(t, &seq);
	REQUIRE(total > 0);
	size_t queued = wm_conn_pending(&t->c);
	CHECK_EQ(queued, total - (t->c.bytes_written - written_before));
	hook_seq = seq;
	t->hook = send_pattern_hook;
	t->nsend = 0;
	peer_write(sv[1], "b");
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(t->send_rc[0], WM_SEND_QUEUED);
	CHECK_EQ(t->pending_in_batch, 500);
	total += 500;
	t->hook = NULL;
	t->stop_on_data = 0;

	peer_reader_t r = {sv[1], 0, total, 0, t};
	wm_watch_t *pw = wm_watch_fd(loop, sv[1], WM_EV_READ, peer_read_cb, &r);
	CHECK(run_until(loop, reader_done, &r, 10));
	CHECK_EQ(r.got, total);
	CHECK_EQ(r.mismatch, 0);
	CHECK_EQ(wm_conn_pending(&t->c), 0);
	wm_watch_free(pw);
	tc_free(t);
	wm_loop_free(loop);
}

/* ---- pause / resume ---- */

TEST(conn_pause_resume_new_data)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->stop_on_data = 1;
	wm_conn_pause_read(&t->c);
	CHECK(!t->c.reading);
	CHECK_EQ(t->c.ev_flags, 0);
	peer_write(sv[1], "while-paused");
	run_for(loop, 0.05);
	CHECK_EQ(t->data_calls, 0);
	wm_conn_pause_read(&t->c); /* twice is fine */
	wm_conn_resume_read(&t->c);
	CHECK(t->c.reading);
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(t->data_calls, 1);
	CHECK_SEEN(t, "while-paused");
	wm_conn_resume_read(&t->c); /* resuming a reading connection does nothing */
	peer_write(sv[1], "more");
	CHECK(run_until_stop(loop, 5));
	CHECK_SEEN(t, "while-pausedmore");
	CHECK_EQ(t->data_calls, 2);
	tc_free(t);
	wm_loop_free(loop);
}

static void resume_cb(wm_watch_t *w, int what)
{
	tc_t *t = w->data;
	(void)what;
	t->pause_after_lines = 0;
	wm_conn_resume_read(&t->c);
}

TEST(conn_pause_resume_buffered_input)
{
	/* on_data pauses after the first line (as pauseRecv() in onMessage): the other
	 * complete lines stay buffered and are processed after resume, together with what
	 * arrived meanwhile, in order. */
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->lines = 1;
	t->pause_after_lines = 1;
	t->stop_on_data = 1;
	peer_write(sv[1], "a\nb\nc\n");
	CHECK(run_until_stop(loop, 5));
	CHECK_SEEN(t, "a\n");
	CHECK(!t->c.reading);
	CHECK_MEM_EQ(wm_buf_head(&t->c.in), wm_buf_size(&t->c.in), "b\nc\n", 4);

	peer_write(sv[1], "d\n");
	t->stop_on_data = 0;
	run_for(loop, 0.05);
	CHECK_EQ(t->data_calls, 1);
	CHECK_SEEN(t, "a\n");

	/* Resume from the loop (a timer), as an application would. */
	t->stop_on_data = 1;
	wm_watch_timer(loop, 0.001, 0, resume_cb, t);
	CHECK(run_until_stop(loop, 5));
	CHECK_SEEN(t, "a\nb\nc\nd\n");
	CHECK(t->c.in.data == NULL);
	CHECK_EQ(t->c.resume_pending, 0);

	/* Resume with buffered input but nothing new on the socket. */
	t->pause_after_lines = t->nlines + 1;
	peer_write(sv[1], "e\nf\n");
	CHECK(run_until_stop(loop, 5));
	CHECK_SEEN(t, "a\nb\nc\nd\ne\n");
	CHECK(!t->c.reading);
	wm_watch_timer(loop, 0.001, 0, resume_cb, t);
	CHECK(run_until_stop(loop, 5));
	CHECK_SEEN(t, "a\nb\nc\nd\ne\nf\n");
	CHECK_VIEW(t, "f\n");
	tc_free(t);
	wm_loop_free(loop);
}

TEST(conn_resume_buffered_input_after_peer_closed)
{
	/* As above, but the peer has closed (EOF queued behind the data). Resume must
	 * process the buffered "b\n" (as Workerman's resumeRecv does) before reporting EOF.
	 * conn_read_ready() reads first, gets 0 and calls on_eof, so "b\n" is lost. */
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->lines = 1;
	t->pause_after_lines = 1;
	t->stop_on_data = 1;
	peer_write(sv[1], "a\nb\n");
	shutdown(sv[1], SHUT_WR);
	CHECK(run_until_stop(loop, 5));
	CHECK_SEEN(t, "a\n");
	CHECK_MEM_EQ(wm_buf_head(&t->c.in), wm_buf_size(&t->c.in), "b\n", 2);

	t->stop_on_data = 0;
	t->stop_on_eof = 1;
	wm_watch_timer(loop, 0.001, 0, resume_cb, t);
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(t->eof_calls, 1);
	CHECK_EQ(t->eof_err, 0);
	CHECK_SEEN(t, "a\nb\n");
	tc_free(t);
	wm_loop_free(loop);
}

/* A random stream of lines written in random chunk sizes while on_data pauses at random
 * points (leaving complete lines buffered) and a timer resumes: the lines come out
 * exactly once and in order, whichever of scratch or conn->in they went through. */
typedef struct stress {
	tc_t *t;
	char *stream;
	size_t len, written, lines_end;
	uint64_t rng;
	int pauses, resumes;
	wm_watch_t *resume_timer;
} stress_t;

static uint32_t stress_rand(stress_t *s)
{
	s->rng = s->rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(s->rng >> 33);
}

static stress_t *the_stress;

static void stress_resume_cb(wm_watch_t *w, int what)
{
	stress_t *s = w->data;
	(void)what;
	s->resume_timer = NULL;
	s->resumes++;
	/* Sometimes pause again after a few lines. */
	s->t->pause_after_lines = stress_rand(s) % 2 ? s->t->nlines + 1 + (int)(stress_rand(s) % 3) : 0;
	wm_conn_resume_read(&s->t->c);
}

static void stress_hook(tc_t *t)
{
	stress_t *s = the_stress;
	if (!t->c.reading && !s->resume_timer) {
		s->pauses++;
		s->resume_timer = wm_watch_timer(t->loop, 0.001 * (stress_rand(s) % 3), 0, stress_resume_cb, s);
	} else if (t->c.reading && stress_rand(s) % 4 == 0) {
		t->pause_after_lines = t->nlines + 1 + (int)(stress_rand(s) % 4);
	}
}

static void stress_writer_cb(wm_watch_t *w, int what)
{
	stress_t *s = w->data;
	(void)what;
	if (s->written >= s->len) {
		return;
	}
	size_t n = 1 + stress_rand(s) % 3000;
	if (n > s->len - s->written) {
		n = s->len - s->written;
	}
	ssize_t k = write(s->t->peer, s->stream + s->written, n);
	if (k > 0) {
		s->written += (size_t)k;
	}
}

static int stress_done(void *ctx)
{
	stress_t *s = ctx;
	return wm_buf_size(&s->t->seen) >= s->lines_end;
}

TEST(conn_random_chunks_and_pauses_keep_order)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	stress_t s = {0};
	s.rng = 12345;
	s.len = 200000;
	s.stream = malloc(s.len);
	for (size_t i = 0; i < s.len; i++) {
		uint32_t r = stress_rand(&s);
		s.stream[i] = r % 40 == 0 ? '\n' : (char)('a' + r % 26);
		if (s.stream[i] == '\n') {
			s.lines_end = i + 1;
		}
	}
	s.t = tc_new(loop, sv[0], sv[1]);
	s.t->lines = 1;
	s.t->hook = stress_hook;
	the_stress = &s;
	wm_watch_t *writer = wm_watch_timer(loop, 0.0005, 1, stress_writer_cb, &s);
	CHECK(run_until(loop, stress_done, &s, 30));
	CHECK_EQ(wm_buf_size(&s.t->seen), s.lines_end);
	CHECK(memcmp(wm_buf_head(&s.t->seen), s.stream, s.lines_end) == 0);
	CHECK_GT(s.pauses, 5);
	TEST_NOTE("%d on_data calls, %d pauses, %d resumes", s.t->data_calls, s.pauses, s.resumes);
	wm_watch_free(writer);
	if (s.resume_timer) {
		wm_watch_free(s.resume_timer);
	}
	tc_free(s.t);
	free(s.stream);
	wm_loop_free(loop);
}

/* ---- end of stream and errors ---- */

TEST(conn_peer_close_gives_eof)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	peer_write(sv[1], "last words");
	close(sv[1]);
	t->peer = -1;
	CHECK(run_until_stop(loop, 5));
	CHECK_SEEN(t, "last words");
	CHECK_EQ(t->eof_calls, 1);
	CHECK_EQ(t->eof_err, 0);
	CHECK(t->c.closed);
	CHECK_EQ(t->c.fd, -1);
	CHECK(t->c.ev == NULL); /* freed once the callback returned */
	/* After close: sends fail with EPIPE, pause/resume do nothing. */
	struct iovec iov = {"x", 1};
	errno = 0;
	CHECK_EQ(wm_conn_send(&t->c, &iov, 1), WM_SEND_FAILED);
	CHECK_EQ(errno, EPIPE);
	wm_conn_resume_read(&t->c);
	wm_conn_pause_read(&t->c);
	CHECK(!t->c.reading);
	tc_free(t);
	wm_loop_free(loop);
}

static int tcp_listener(int *port)
{
	wm_sockaddr_t a;
	socklen_t alen;
	wm_listen_opts_t o = {0, 0, -1};
	if (wm_addr_parse_inet("127.0.0.1:0", &a, &alen) != WM_OK) {
		return -1;
	}
	int fd = wm_listen_stream(&a, alen, &o);
	if (fd >= 0) {
		wm_sockaddr_t b;
		socklen_t blen = sizeof(b);
		getsockname(fd, &b.sa, &blen);
		*port = wm_addr_port(&b.sa);
	}
	return fd;
}

static int tcp_connect(int port)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in sin;
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Accept, waiting a little for the connection to be queued. */
static int accept_wait(int lfd, wm_inaddr_t *peer)
{
	for (int i = 0; i < 500; i++) {
		int fd = wm_accept(lfd, peer);
		if (fd >= 0 || errno != EAGAIN) {
			return fd;
		}
		usleep(1000);
	}
	return -1;
}

TEST(conn_tcp_reset_gives_eof_with_errno)
{
	wm_loop_t *loop = wm_loop_new();
	int port = 0;
	int lfd = tcp_listener(&port);
	REQUIRE(lfd >= 0);
	int cfd = tcp_connect(port);
	REQUIRE(cfd >= 0);
	wm_inaddr_t peer;
	int sfd = accept_wait(lfd, &peer);
	REQUIRE(sfd >= 0);
	tc_t *t = tc_new(loop, sfd, -1);
	struct linger lg = {1, 0};
	setsockopt(cfd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	close(cfd); /* RST */
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(t->eof_calls, 1);
	CHECK_EQ(t->eof_err, ECONNRESET);
	tc_free(t);
	close(lfd);
	wm_loop_free(loop);
}

TEST(conn_close_inside_on_data)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->close_in_data = 1;
	t->stop_on_data = 1;
	t->reply = "dropped"; /* batched output is dropped by the close */
	peer_write(sv[1], "bye");
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(t->data_calls, 1);
	CHECK_EQ(t->send_rc[0], WM_SEND_BATCHED);
	CHECK(t->c.closed);
	CHECK(t->c.ev == NULL);
	CHECK(loop->batch_conn == NULL);
	CHECK_EQ(wm_buf_size(&loop->batch_out), 0);
	CHECK_EQ(loop->scratch_busy, 0);
	/* The peer sees EOF and nothing else. */
	char buf[16];
	CHECK_EQ(read(sv[1], buf, sizeof(buf)), 0);
	/* The loop keeps working for others afterwards. */
	int sv2[2];
	make_pair(SOCK_STREAM, sv2);
	tc_t *t2 = tc_new(loop, sv2[0], sv2[1]);
	t2->stop_on_data = 1;
	peer_write(sv2[1], "next");
	CHECK(run_until_stop(loop, 5));
	CHECK_SEEN(t2, "next");
	tc_free(t2);
	tc_free(t);
	wm_loop_free(loop);
}

TEST(conn_close_inside_on_data_from_leftover)
{
	/* Close while the view points into conn->in (the leftover path): conn->in is freed
	 * under the batch; nothing may touch it afterwards. */
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->lines = 1;
	t->stop_on_data = 1;
	peer_write(sv[1], "partial");
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(wm_buf_size(&t->c.in), 7);
	t->close_in_data = 1;
	peer_write(sv[1], " line\nmore");
	CHECK(run_until_stop(loop, 5));
	CHECK_VIEW(t, "partial line\nmore");
	CHECK_SEEN(t, "partial line\n");
	CHECK(t->c.closed);
	CHECK(t->c.in.data == NULL);
	tc_free(t);
	wm_loop_free(loop);
}

TEST(conn_close_inside_on_drain)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	size_t seq = 0;
	size_t total = fill_until_queued(t, &seq);
	REQUIRE(total > 0);
	t->close_on_drain = 1;
	peer_reader_t r = {sv[1], 0, total, 0, t};
	wm_watch_t *pw = wm_watch_fd(loop, sv[1], WM_EV_READ, peer_read_cb, &r);
	CHECK(run_until(loop, reader_done, &r, 10));
	CHECK_EQ(t->drain_calls, 1);
	CHECK(t->c.closed);
	CHECK_EQ(r.got, total);
	wm_watch_free(pw);
	tc_free(t);
	wm_loop_free(loop);
}

TEST(conn_send_to_closed_peer_fails_without_sigpipe)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	close(sv[1]);
	t->peer = -1;
	struct iovec iov = {"data", 4};
	errno = 0;
	CHECK_EQ(wm_conn_send(&t->c, &iov, 1), WM_SEND_FAILED);
	CHECK(errno == EPIPE || errno == ECONNRESET);
	CHECK_EQ(wm_conn_pending(&t->c), 0); /* nothing queued */
	CHECK(run_until_stop(loop, 5)); /* EOF */
	CHECK_EQ(t->eof_calls, 1);
	tc_free(t);
	wm_loop_free(loop);
}

static void close_peer_hook(tc_t *t)
{
	close(t->peer);
	t->peer = -1;
}

TEST(conn_batch_write_to_closed_peer_fails)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->reply = "reply";
	t->hook = close_peer_hook; /* the peer goes away before the batch is written */
	t->explicit_end = 1;
	t->stop_on_data = 1;
	peer_write(sv[1], "req");
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(t->send_rc[0], WM_SEND_BATCHED);
	CHECK_EQ(t->batch_end_rc, WM_SEND_FAILED);
	CHECK_EQ(t->c.bytes_written, 0);
	tc_free(t);
	wm_loop_free(loop);
}

TEST(conn_batch_write_to_closed_peer_implicit_end)
{
	/* Same without an explicit batch end: the loop's implicit end must not raise
	 * SIGPIPE; the connection then sees the end of the stream. */
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->reply = "reply";
	t->hook = close_peer_hook;
	peer_write(sv[1], "req");
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(t->data_calls, 1);
	CHECK_EQ(t->eof_calls + t->werr_calls, 1);
	CHECK(t->c.closed);
	tc_free(t);
	wm_loop_free(loop);
}

TEST(conn_queued_write_to_closed_peer_reports_error)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	size_t seq = 0;
	REQUIRE(fill_until_queued(t, &seq) > 0);
	close(sv[1]);
	t->peer = -1;
	CHECK(run_until_stop(loop, 5));
	/* The write fails (on_write_error) or the read sees the reset (on_eof) first. */
	CHECK_EQ(t->werr_calls + t->eof_calls, 1);
	if (t->werr_calls) {
		CHECK(t->werr_err == EPIPE || t->werr_err == ECONNRESET);
	} else {
		CHECK(t->eof_err == 0 || t->eof_err == ECONNRESET);
	}
	CHECK(t->c.closed);
	CHECK(t->c.out.data == NULL);
	tc_free(t);
	wm_loop_free(loop);
}

TEST(conn_on_pipe_uses_write)
{
	/* Not a socket: wm_transport_for_fd picks the fd transport (write/writev). A pipe has
	 * no MSG_NOSIGNAL, so (as documented) the embedder must ignore SIGPIPE. */
	wm_loop_t *loop = wm_loop_new();
	int p[2];
	REQUIRE(pipe2(p, O_NONBLOCK | O_CLOEXEC) == 0);
	tc_t *t = tc_new(loop, p[1], p[0]);
	wm_conn_pause_read(&t->c);
	struct iovec iov[2] = {{"pi", 2}, {"pe!", 3}};
	CHECK_EQ(wm_conn_send(&t->c, iov, 2), WM_SEND_DONE);
	CHECK(t->c.transport == &wm_transport_fd);
	CHECK_PEER_GOT(p[0], "pipe!");
	CHECK_EQ(wm_conn_send(&t->c, iov, 1), WM_SEND_DONE);
	CHECK_PEER_GOT(p[0], "pi");
	signal(SIGPIPE, SIG_IGN);
	close(p[0]);
	t->peer = -1;
	errno = 0;
	CHECK_EQ(wm_conn_send(&t->c, iov, 2), WM_SEND_FAILED);
	CHECK_EQ(errno, EPIPE);
	signal(SIGPIPE, SIG_DFL);
	tc_free(t);
	wm_loop_free(loop);
}

/* ---- hold / release: the embedder may free the connection in release ---- */

typedef struct rc_conn {
	tc_t t;        /* first */
	int refs;      /* the owner's reference + one per dispatch in progress */
	int holds, releases;
	int *freed;    /* set when the memory goes away */
	int close_and_drop_in_data;
} rc_conn_t;

static void rc_unref(rc_conn_t *r)
{
	if (--r->refs == 0) {
		*r->freed = 1;
		wm_conn_close(&r->t.c);
		wm_buf_free(&r->t.seen);
		free(r);
	}
}

static void rc_hold(wm_conn_t *c)
{
	rc_conn_t *r = (rc_conn_t *)c;
	r->refs++;
	r->holds++;
}

static void rc_release(wm_conn_t *c)
{
	rc_conn_t *r = (rc_conn_t *)c;
	r->releases++;
	rc_unref(r);
}

static void rc_on_data(wm_conn_t *c)
{
	rc_conn_t *r = (rc_conn_t *)c;
	tc_on_data(c);
	if (r->close_and_drop_in_data) {
		/* As a script dropping its last reference inside onMessage: close, unref. */
		wm_conn_close(c);
		rc_unref(r);
	}
}

static const wm_conn_ops_t rc_ops = {
	.on_data = rc_on_data,
	.on_eof = tc_on_eof,
	.on_drain = tc_on_drain,
	.on_write_error = tc_on_write_error,
	.hold = rc_hold,
	.release = rc_release,
};

TEST(conn_hold_release_brackets_dispatch)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	int freed = 0;
	rc_conn_t *r = calloc(1, sizeof(*r));
	r->refs = 1;
	r->freed = &freed;
	r->t.loop = loop;
	r->t.peer = -1;
	r->t.stop_on_data = 1;
	r->t.c.max_send = INT64_MAX;
	REQUIRE(wm_conn_start(&r->t.c, loop, sv[0], &rc_ops) == WM_OK);
	peer_write(sv[1], "one");
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(r->holds, 1);
	CHECK_EQ(r->releases, 1);
	CHECK_EQ(r->refs, 1);
	CHECK_SEEN(&r->t, "one");

	/* Close and drop the last reference inside on_data: the memory must survive until
	 * release (ASan reports any use after the free in release). */
	r->close_and_drop_in_data = 1;
	r->t.reply = "batched";
	peer_write(sv[1], "two");
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(freed, 1);
	/* The peer sees the end of the stream. */
	char buf[16];
	CHECK_EQ(read(sv[1], buf, sizeof(buf)), 0);
	close(sv[1]);
	wm_loop_free(loop);
}

TEST(conn_hold_release_on_write_and_eof)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	int freed = 0;
	rc_conn_t *r = calloc(1, sizeof(*r));
	r->refs = 1;
	r->freed = &freed;
	r->t.loop = loop;
	r->t.peer = sv[1];
	r->t.stop_on_eof = 1;
	r->t.c.max_send = INT64_MAX;
	REQUIRE(wm_conn_start(&r->t.c, loop, sv[0], &rc_ops) == WM_OK);
	size_t seq = 0;
	size_t total = fill_until_queued(&r->t, &seq);
	REQUIRE(total > 0);
	peer_reader_t pr = {sv[1], 0, total, 0, &r->t};
	wm_watch_t *pw = wm_watch_fd(loop, sv[1], WM_EV_READ, peer_read_cb, &pr);
	CHECK(run_until(loop, reader_done, &pr, 10));
	CHECK_EQ(pr.mismatch, 0);
	CHECK_GE(r->holds, 1);
	CHECK_EQ(r->holds, r->releases);
	CHECK_EQ(r->refs, 1);
	wm_watch_free(pw);
	/* EOF: on_eof closes; the owner drops its reference afterwards. */
	shutdown(sv[1], SHUT_WR);
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(r->t.eof_calls, 1);
	CHECK_EQ(r->holds, r->releases);
	rc_unref(r);
	CHECK_EQ(freed, 1);
	close(sv[1]);
	wm_loop_free(loop);
}

/* ---- listening sockets ---- */

static int fd_nonblocking(int fd) { return (fcntl(fd, F_GETFL) & O_NONBLOCK) != 0; }
static int fd_cloexec(int fd) { return (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0; }
static int sockopt_int(int fd, int level, int opt)
{
	int v = -1;
	socklen_t l = sizeof(v);
	getsockopt(fd, level, opt, &v, &l);
	return v;
}

TEST(listen_tcp_v4_and_accept)
{
	int port = 0;
	int lfd = tcp_listener(&port);
	REQUIRE(lfd >= 0);
	CHECK_GT(port, 0);
	CHECK(fd_nonblocking(lfd));
	CHECK(fd_cloexec(lfd));
	CHECK_EQ(sockopt_int(lfd, SOL_SOCKET, SO_ACCEPTCONN), 1);
	CHECK_NE(sockopt_int(lfd, SOL_SOCKET, SO_REUSEADDR), 0);

	wm_inaddr_t peer;
	errno = 0;
	CHECK_EQ(wm_accept(lfd, &peer), -1); /* nothing pending */
	CHECK(errno == EAGAIN || errno == EWOULDBLOCK);

	int cfd = tcp_connect(port);
	REQUIRE(cfd >= 0);
	memset(&peer, 0xab, sizeof(peer));
	int sfd = accept_wait(lfd, &peer);
	REQUIRE(sfd >= 0);
	CHECK(fd_nonblocking(sfd));
	CHECK(fd_cloexec(sfd));
	CHECK_NE(sockopt_int(sfd, IPPROTO_TCP, TCP_NODELAY), 0);
	CHECK_NE(sockopt_int(sfd, SOL_SOCKET, SO_KEEPALIVE), 0);
	struct sockaddr_in local;
	socklen_t ll = sizeof(local);
	getsockname(cfd, (struct sockaddr *)&local, &ll);
	char ip[64];
	CHECK_EQ(peer.sa.sa_family, AF_INET);
	CHECK(wm_addr_ip(&peer.sa, ip, sizeof(ip)) > 0);
	CHECK_STR_EQ(ip, "127.0.0.1");
	CHECK_EQ(wm_addr_port(&peer.sa), ntohs(local.sin_port));
	close(cfd);
	close(sfd);
	close(lfd);
}

TEST(listen_tcp_v6_and_accept)
{
	wm_sockaddr_t a;
	socklen_t alen;
	wm_listen_opts_t o = {16, 0, 1};
	REQUIRE_EQ(wm_addr_parse_inet("[::1]:0", &a, &alen), WM_OK);
	int lfd = wm_listen_stream(&a, alen, &o);
	if (lfd < 0 && (errno == EADDRNOTAVAIL || errno == EAFNOSUPPORT)) {
		TEST_NOTE("no IPv6 loopback here; skipped");
		return;
	}
	REQUIRE(lfd >= 0);
	CHECK_EQ(sockopt_int(lfd, IPPROTO_IPV6, IPV6_V6ONLY), 1);
	wm_sockaddr_t b;
	socklen_t blen = sizeof(b);
	getsockname(lfd, &b.sa, &blen);
	int cfd = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
	REQUIRE(connect(cfd, &b.sa, blen) == 0);
	wm_inaddr_t peer;
	int sfd = accept_wait(lfd, &peer);
	REQUIRE(sfd >= 0);
	char ip[64];
	CHECK_EQ(peer.sa.sa_family, AF_INET6);
	CHECK(wm_addr_ip(&peer.sa, ip, sizeof(ip)) > 0);
	CHECK_STR_EQ(ip, "::1");
	struct sockaddr_in6 local;
	socklen_t ll = sizeof(local);
	getsockname(cfd, (struct sockaddr *)&local, &ll);
	CHECK_EQ(wm_addr_port(&peer.sa), ntohs(local.sin6_port));
	close(cfd);
	close(sfd);
	close(lfd);
}

TEST(listen_reuse_port_and_addr_in_use)
{
	int port = 0;
	wm_sockaddr_t a;
	socklen_t alen;
	wm_listen_opts_t ro = {0, 1, -1};
	REQUIRE_EQ(wm_addr_parse_inet("127.0.0.1:0", &a, &alen), WM_OK);
	int l1 = wm_listen_stream(&a, alen, &ro);
	REQUIRE(l1 >= 0);
	wm_sockaddr_t b;
	socklen_t blen = sizeof(b);
	getsockname(l1, &b.sa, &blen);
	port = wm_addr_port(&b.sa);
	/* Same port with SO_REUSEPORT on both: allowed. */
	int l2 = wm_listen_stream(&b, blen, &ro);
	CHECK(l2 >= 0);
	/* Without it: EADDRINUSE, errno preserved, no fd leaked. */
	wm_listen_opts_t no = {0, 0, -1};
	errno = 0;
	int l3 = wm_listen_stream(&b, blen, &no);
	CHECK_EQ(l3, -1);
	CHECK_EQ(errno, EADDRINUSE);
	CHECK_GT(port, 0);
	if (l2 >= 0) {
		close(l2);
	}
	close(l1);
}

TEST(listen_bind_error_sets_errno)
{
	wm_sockaddr_t a;
	socklen_t alen;
	wm_listen_opts_t o = {0, 0, -1};
	REQUIRE_EQ(wm_addr_parse_inet("192.0.2.1:0", &a, &alen), WM_OK); /* TEST-NET-1 */
	errno = 0;
	CHECK_EQ(wm_listen_stream(&a, alen, &o), -1);
	CHECK_EQ(errno, EADDRNOTAVAIL);
}

static char tmpdir[64];
static void make_tmpdir(void)
{
	strcpy(tmpdir, "/tmp/wm-core-tests-XXXXXX");
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		abort();
	}
}

static void unix_path(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/%s", tmpdir, name);
}

static int unix_connect(const char *path)
{
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_un un;
	memset(&un, 0, sizeof(un));
	un.sun_family = AF_UNIX;
	snprintf(un.sun_path, sizeof(un.sun_path), "%s", path);
	if (connect(fd, (struct sockaddr *)&un, sizeof(un)) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

TEST(listen_unix_and_accept)
{
	make_tmpdir();
	char path[128];
	unix_path(path, sizeof(path), "s.sock");
	wm_sockaddr_t a;
	socklen_t alen;
	wm_listen_opts_t o = {0, 1, -1}; /* reuse_port is ignored for unix sockets */
	REQUIRE_EQ(wm_addr_parse_unix(path, &a, &alen), WM_OK);
	int lfd = wm_listen_stream(&a, alen, &o);
	REQUIRE(lfd >= 0);
	CHECK(fd_nonblocking(lfd));
	CHECK(fd_cloexec(lfd));
	int cfd = unix_connect(path);
	REQUIRE(cfd >= 0);
	wm_inaddr_t peer;
	memset(&peer, 0xab, sizeof(peer));
	int sfd = accept_wait(lfd, &peer);
	REQUIRE(sfd >= 0);
	CHECK(fd_nonblocking(sfd));
	CHECK_EQ(peer.sa.sa_family, AF_UNSPEC); /* unix peers are anonymous */
	CHECK_EQ(wm_addr_port(&peer.sa), 0);
	close(cfd);
	close(sfd);
	close(lfd);
	unlink(path);
	rmdir(tmpdir);
}

TEST(listen_unix_stale_socket_replaced)
{
	make_tmpdir();
	char path[128];
	unix_path(path, sizeof(path), "stale.sock");
	wm_sockaddr_t a;
	socklen_t alen;
	wm_listen_opts_t o = {0, 0, -1};
	REQUIRE_EQ(wm_addr_parse_unix(path, &a, &alen), WM_OK);
	/* A socket file nobody listens on any more. */
	int old = socket(AF_UNIX, SOCK_STREAM, 0);
	REQUIRE(bind(old, &a.sa, alen) == 0);
	close(old);
	struct stat st;
	REQUIRE(stat(path, &st) == 0);
	int lfd = wm_listen_stream(&a, alen, &o);
	CHECK(lfd >= 0);
	int cfd = unix_connect(path);
	CHECK(cfd >= 0);
	if (cfd >= 0) {
		close(cfd);
	}
	if (lfd >= 0) {
		close(lfd);
	}
	unlink(path);
	rmdir(tmpdir);
}

TEST(listen_unix_live_socket_not_replaced)
{
	make_tmpdir();
	char path[128];
	unix_path(path, sizeof(path), "live.sock");
	wm_sockaddr_t a;
	socklen_t alen;
	wm_listen_opts_t o = {0, 0, -1};
	REQUIRE_EQ(wm_addr_parse_unix(path, &a, &alen), WM_OK);
	int l1 = wm_listen_stream(&a, alen, &o);
	REQUIRE(l1 >= 0);
	errno = 0;
	CHECK_EQ(wm_listen_stream(&a, alen, &o), -1);
	CHECK_EQ(errno, EADDRINUSE);
	/* The first listener still owns the path. */
	int cfd = unix_connect(path);
	CHECK(cfd >= 0);
	wm_inaddr_t peer;
	int sfd = accept_wait(l1, &peer);
	CHECK(sfd >= 0);
	if (sfd >= 0) {
		close(sfd);
	}
	if (cfd >= 0) {
		close(cfd);
	}
	close(l1);
	unlink(path);
	rmdir(tmpdir);
}

TEST(listen_unix_regular_file_not_deleted)
{
	/* connect() to a path that is not a socket fails with ECONNREFUSED, which
	 * unix_path_is_stale() takes for "stale socket": the user's file is deleted and
	 * replaced by the socket. Only a socket file should ever be replaced. */
	make_tmpdir();
	char path[128];
	unix_path(path, sizeof(path), "important.conf");
	FILE *f = fopen(path, "w");
	REQUIRE(f != NULL);
	fputs("precious data\n", f);
	fclose(f);
	wm_sockaddr_t a;
	socklen_t alen;
	wm_listen_opts_t o = {0, 0, -1};
	REQUIRE_EQ(wm_addr_parse_unix(path, &a, &alen), WM_OK);
	errno = 0;
	int lfd = wm_listen_stream(&a, alen, &o);
	CHECK_EQ(lfd, -1);
	CHECK_EQ(errno, EADDRINUSE);
	struct stat st;
	CHECK(stat(path, &st) == 0 && S_ISREG(st.st_mode));
	if (lfd >= 0) {
		close(lfd);
	}
	unlink(path);
	rmdir(tmpdir);
}

/* ---- all together: listen, accept from the loop, echo lines ---- */

typedef struct echo_server {
	int lfd;
	tc_t *conns[4];
	int nconns;
	wm_loop_t *loop;
} echo_server_t;

static void echo_hook(tc_t *t)
{
	/* Echo every consumed line back upper-cased, one byte per send. */
	size_t n = wm_buf_size(&t->seen);
	const char *p = wm_buf_head(&t->seen);
	for (; t->echoed < n; t->echoed++) {
		char c = p[t->echoed];
		if (c >= 'a' && c <= 'z') {
			c = (char)(c - 32);
		}
		struct iovec iov = {&c, 1};
		int rc = wm_conn_send(&t->c, &iov, 1);
		if (rc != WM_SEND_BATCHED) {
			t->send_rc[0] = rc;
		}
	}
}

static void on_acceptable(wm_watch_t *w, int what)
{
	echo_server_t *s = w->data;
	(void)what;
	for (;;) {
		wm_inaddr_t peer;
		int fd = wm_accept(s->lfd, &peer);
		if (fd < 0) {
			break;
		}
		if (s->nconns == 4) {
			close(fd);
			continue;
		}
		tc_t *t = tc_new(s->loop, fd, -1);
		t->lines = 1;
		t->hook = echo_hook;
		t->send_rc[0] = WM_SEND_BATCHED;
		t->stop_on_eof = 1;
		s->conns[s->nconns++] = t;
	}
}

static void client_cb(wm_watch_t *w, int what)
{
	wm_buf_t *b = w->data;
	(void)what;
	if (drain_fd(w->fd, b) < 0 || wm_buf_size(b) >= 12) {
		wm_loop_stop(w->loop);
	}
}

TEST(listen_accept_echo_integration)
{
	wm_loop_t *loop = wm_loop_new();
	echo_server_t s = {0};
	int port = 0;
	s.lfd = tcp_listener(&port);
	s.loop = loop;
	REQUIRE(s.lfd >= 0);
	wm_watch_t *lw = wm_watch_fd(loop, s.lfd, WM_EV_READ, on_acceptable, &s);
	int cfd = tcp_connect(port);
	REQUIRE(cfd >= 0);
	fcntl(cfd, F_SETFL, O_NONBLOCK);
	wm_buf_t got = WM_BUF_INIT;
	wm_watch_t *cw = wm_watch_fd(loop, cfd, WM_EV_READ, client_cb, &got);
	peer_write(cfd, "hello\nwor");
	peer_write(cfd, "ld\npartial");
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(s.nconns, 1);
	CHECK_MEM_EQ(wm_buf_head(&got), wm_buf_size(&got), "HELLO\nWORLD\n", 12);
	REQUIRE(s.nconns == 1);
	tc_t *t = s.conns[0];
	CHECK_EQ(t->send_rc[0], WM_SEND_BATCHED);
	CHECK_MEM_EQ(wm_buf_head(&t->c.in), wm_buf_size(&t->c.in), "partial", 7);
	/* Client goes away: the server side sees EOF. */
	wm_watch_free(cw);
	close(cfd);
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(t->eof_calls, 1);
	CHECK(t->c.closed);
	tc_free(t);
	wm_watch_free(lw);
	close(s.lfd);
	wm_buf_free(&got);
	wm_loop_free(loop);
}

/* ---- the send-buffer limit (max_send, WM_SEND_DROPPED, on_full) ---- */

TEST(conn_limit_full_then_drop)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	wm_conn_pause_read(&t->c);
	size_t seq = 0;
	REQUIRE(fill_until_queued(t, &seq) > 0);
	CHECK_EQ(t->full_calls, 0); /* no limit yet */
	size_t p = wm_conn_pending(&t->c);
	REQUIRE(p > 0);
	t->c.max_send = (int64_t)p + 10;
	CHECK(!wm_conn_full(&t->c));
	/* Below the limit: queued, not full. */
	struct iovec five = {"12345", 5};
	CHECK_EQ(wm_conn_send(&t->c, &five, 1), WM_SEND_QUEUED);
	CHECK_EQ(t->full_calls, 0);
	/* Reaching it: queued (taken) and on_full. */
	CHECK_EQ(wm_conn_send(&t->c, &five, 1), WM_SEND_QUEUED);
	CHECK_EQ(t->full_calls, 1);
	CHECK_EQ(wm_conn_pending(&t->c), p + 10);
	CHECK(wm_conn_full(&t->c));
	/* Full: dropped, nothing queued, no second on_full. */
	CHECK_EQ(wm_conn_send(&t->c, &five, 1), WM_SEND_DROPPED);
	CHECK_EQ(wm_conn_pending(&t->c), p + 10);
	CHECK_EQ(t->full_calls, 1);
	/* A limit of 0 or less drops whatever is sent while anything is pending... */
	t->c.max_send = 0;
	CHECK_EQ(wm_conn_send(&t->c, &five, 1), WM_SEND_DROPPED);
	t->c.max_send = -5;
	CHECK_EQ(wm_conn_send(&t->c, &five, 1), WM_SEND_DROPPED);
	CHECK_EQ(t->full_calls, 1);
	tc_free(t);
	wm_loop_free(loop);
}

TEST(conn_limit_zero_with_nothing_pending_sends)
{
	/* ...but with nothing pending a send goes out (Workerman checks the buffer first). */
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->c.max_send = 0;
	struct iovec iov = {"abc", 3};
	CHECK_EQ(wm_conn_send(&t->c, &iov, 1), WM_SEND_DONE);
	CHECK_EQ(t->full_calls, 0);
	CHECK_PEER_GOT(sv[1], "abc");
	tc_free(t);
	wm_loop_free(loop);
}

/* In a batch: held bytes never count toward the limit. A send that could reach it writes what
 * is held first (as Workerman's send() would have), then itself: the kernel takes both. */
static void limit_batch_hook(tc_t *t)
{
	struct iovec iov = {"0123456789", 10};
	t->send_rc[t->nsend++] = wm_conn_send(&t->c, &iov, 1);
	t->send_rc[t->nsend++] = wm_conn_send(&t->c, &iov, 1);
	t->pending_in_batch = wm_conn_pending(&t->c);
	t->send_rc[t->nsend++] = wm_conn_send(&t->c, &iov, 1);
	t->send_rc[t->nsend++] = wm_conn_send(&t->c, &iov, 1);
}

TEST(conn_limit_flushes_batched_bytes_first)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->c.max_send = 25;
	t->hook = limit_batch_hook;
	t->stop_on_data = 1;
	peer_write(sv[1], "go");
	CHECK(run_until_stop(loop, 5));
	CHECK_EQ(t->nsend, 4);
	CHECK_EQ(t->send_rc[0], WM_SEND_BATCHED);
	CHECK_EQ(t->send_rc[1], WM_SEND_BATCHED);
	CHECK_EQ(t->pending_in_batch, 20);
	/* 20 held + 10 would reach 25: the held 20 and these 10 go to the kernel at once. */
	CHECK_EQ(t->send_rc[2], WM_SEND_DONE);
	/* Nothing is held or queued now: batched again. */
	CHECK_EQ(t->send_rc[3], WM_SEND_BATCHED);
	CHECK_EQ(t->full_calls, 0);
	CHECK_PEER_GOT(sv[1], "0123456789012345678901234567890123456789");
	CHECK_EQ(wm_conn_pending(&t->c), 0);
	tc_free(t);
	wm_loop_free(loop);
}

static void discard_cb(wm_watch_t *w, int what)
{
	peer_reader_t *r = w->data;
	char buf[65536];
	(void)what;
	while (read(r->fd, buf, sizeof(buf)) > 0) {
	}
}

static int drained(void *ctx)
{
	return ((tc_t *)ctx)->drain_calls > 0;
}

/* on_full once per fill: not again while full; again after the queue was written out. */
TEST(conn_limit_full_once_per_fill)
{
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	wm_conn_pause_read(&t->c);
	size_t seq = 0;
	REQUIRE(fill_until_queued(t, &seq) > 0);
	size_t p = wm_conn_pending(&t->c);
	t->c.max_send = (int64_t)p + 5;
	struct iovec five = {"12345", 5};
	CHECK_EQ(wm_conn_send(&t->c, &five, 1), WM_SEND_QUEUED);
	CHECK_EQ(t->full_calls, 1);
	/* A bigger limit: no longer full, then full again without a drain: not reported twice. */
	t->c.max_send = (int64_t)p + 10;
	CHECK_EQ(wm_conn_send(&t->c, &five, 1), WM_SEND_QUEUED);
	CHECK_EQ(t->full_calls, 1);
	/* The peer reads everything: drain, then a new fill is reported again. */
	fcntl(sv[1], F_SETFL, O_NONBLOCK);
	peer_reader_t r = {sv[1], 0, seq + 10 - 0, 0, t};
	wm_watch_t *pw = wm_watch_fd(loop, sv[1], WM_EV_READ, discard_cb, &r);
	CHECK(run_until(loop, drained, t, 10));
	wm_watch_free(pw);
	CHECK_EQ(wm_conn_pending(&t->c), 0);
	t->c.max_send = 1;
	REQUIRE(fill_until_queued(t, &seq) > 0);
	CHECK_EQ(t->full_calls, 2);
	tc_free(t);
	wm_loop_free(loop);
}

/* on_full may close the connection: wm_conn_send must not touch it afterwards. */
static void close_on_full(wm_conn_t *c)
{
	tc_t *t = (tc_t *)c;
	t->full_calls++;
	wm_conn_close(c);
}

TEST(conn_limit_on_full_may_close)
{
	static const wm_conn_ops_t ops = {
		.on_data = tc_on_data,
		.on_eof = tc_on_eof,
		.on_drain = tc_on_drain,
		.on_write_error = tc_on_write_error,
		.on_full = close_on_full,
	};
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	make_pair(SOCK_STREAM, sv);
	tc_t *t = tc_new(loop, sv[0], sv[1]);
	t->c.ops = &ops;
	wm_conn_pause_read(&t->c);
	size_t seq = 0;
	REQUIRE(fill_until_queued(t, &seq) > 0);
	t->c.max_send = 1;
	struct iovec iov = {"x", 1};
	CHECK_EQ(wm_conn_send(&t->c, &iov, 1), WM_SEND_DROPPED);
	CHECK_EQ(t->full_calls, 0);
	t->c.max_send = (int64_t)wm_conn_pending(&t->c) + 1;
	CHECK_EQ(wm_conn_send(&t->c, &iov, 1), WM_SEND_QUEUED);
	CHECK_EQ(t->full_calls, 1);
	CHECK(t->c.closed);
	CHECK_EQ(wm_conn_send(&t->c, &iov, 1), WM_SEND_FAILED);
	tc_free(t);
	wm_loop_free(loop);
}
