/* wm_conn_connect (loopback TCP, IPv6, unix sockets: connected, refused, timed out, closed
 * while connecting, output sent before the connection is up) and wm_conn_send_file (a file
 * streamed through a socketpair to a slow reader, ranges, short files, close mid-way). */
#include "wm_test.h"
#include "wm_test_loop.h"

#include "src/buf/wm_buf.h"
#include "src/loop/wm_loop.h"
#include "src/net/wm_addr.h"
#include "src/net/wm_conn.h"
#include "src/net/wm_listen.h"
#include "src/wm_core.h"

#include <dirent.h>
#include <event2/event.h>
#include <fcntl.h>
#include <sys/time.h>

/* ---- helpers ---- */

static int never(void *ctx)
{
	(void)ctx;
	return 0;
}

static void run_for(wm_loop_t *loop, double seconds)
{
	run_until(loop, never, NULL, seconds);
}

static double now_s(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static int count_fds(void)
{
	int n = 0;
	DIR *d = opendir("/proc/self/fd");
	if (!d) {
		return -1;
	}
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] != '.') {
			n++;
		}
	}
	closedir(d);
	return n - 1; /* the directory's own fd */
}

static int fd_is_open(int fd)
{
	return fcntl(fd, F_GETFD) >= 0;
}

static void fill_pattern(char *p, size_t n, size_t start)
{
	for (size_t i = 0; i < n; i++) {
		p[i] = (char)((start + i) % 251);
	}
}

/* A connection plus what its callbacks saw. */
typedef struct cc {
	wm_conn_t c; /* first: the callbacks cast back */
	wm_loop_t *loop;
	int connect_calls, connect_err;
	int reading_at_connect;
	int eof_calls, drain_calls, werr_calls, full_calls;
	int file_calls, file_status;
	int file_fd_open_at_done;
	int close_on_file_done;
	wm_buf_t got;
	size_t max_pending;
	const char *send_on_connect;
} cc_t;

static void cc_on_data(wm_conn_t *c)
{
	cc_t *t = (cc_t *)c;
	size_t len;
	const char *d = wm_conn_rdata(c, &len);
	wm_buf_append(&t->got, d, len);
	wm_conn_rconsume(c, len);
}

static void cc_on_eof(wm_conn_t *c, int err)
{
	(void)err;
	((cc_t *)c)->eof_calls++;
	wm_conn_close(c);
}

static void cc_on_drain(wm_conn_t *c)
{
	((cc_t *)c)->drain_calls++;
}

static void cc_on_write_error(wm_conn_t *c, int err)
{
	(void)err;
	((cc_t *)c)->werr_calls++;
	wm_conn_close(c);
}

static void cc_on_connect(wm_conn_t *c, int err)
{
	cc_t *t = (cc_t *)c;
	t->connect_calls++;
	t->connect_err = err;
	t->reading_at_connect = c->reading;
	if (!err && t->send_on_connect) {
		struct iovec iov = {(void *)t->send_on_connect, strlen(t->send_on_connect)};
		wm_conn_send(c, &iov, 1);
	}
}

static void cc_on_full(wm_conn_t *c)
{
	((cc_t *)c)->full_calls++;
}

static int last_file_fd = -1;
static void cc_on_file_done(wm_conn_t *c, int status)
{
	cc_t *t = (cc_t *)c;
	t->file_calls++;
	t->file_status = status;
	t->file_fd_open_at_done = last_file_fd >= 0 && fd_is_open(last_file_fd);
	if (t->close_on_file_done) {
		wm_conn_close(c);
	}
}

static const wm_conn_ops_t cc_ops = {
	.on_data = cc_on_data,
	.on_eof = cc_on_eof,
	.on_drain = cc_on_drain,
	.on_write_error = cc_on_write_error,
	.on_connect = cc_on_connect,
	.on_full = cc_on_full,
	.on_file_done = cc_on_file_done,
};

static cc_t *cc_new(wm_loop_t *loop)
{
	cc_t *t = calloc(1, sizeof(*t));
	t->loop = loop;
	t->c.fd = -1;
	t->c.max_send = 1048576;
	return t;
}

static void cc_free(cc_t *t)
{
	wm_conn_close(&t->c);
	wm_buf_free(&t->got);
	free(t);
}

static int connected(void *ctx)
{
	return ((cc_t *)ctx)->connect_calls > 0;
}

static int tcp_listener(const char *hostport, int backlog, wm_sockaddr_t *addr, socklen_t *alen)
{
	wm_listen_opts_t o = {backlog, 0, -1};
	if (wm_addr_parse_inet(hostport, addr, alen) != WM_OK) {
		return -1;
	}
	int fd = wm_listen_stream(addr, *alen, &o);
	if (fd >= 0) {
		*alen = sizeof(*addr);
		getsockname(fd, &addr->sa, alen);
	}
	return fd;
}

/* Accept one connection within a second (blocking with a poll loop). */
static int accept_one(int lfd)
{
	for (int i = 0; i < 500; i++) {
		wm_inaddr_t peer;
		int fd = wm_accept(lfd, &peer);
		if (fd >= 0) {
			return fd;
		}
		usleep(2000);
	}
	return -1;
}

/* Read from fd until want bytes arrived (or 2 s passed). */
static size_t read_until(int fd, wm_buf_t *b, size_t want)
{
	for (int i = 0; i < 1000 && wm_buf_size(b) < want; i++) {
		char *p = wm_buf_reserve(b, 65536);
		ssize_t n = read(fd, p, 65536);
		if (n > 0) {
			wm_buf_commit(b, (size_t)n);
		} else if (n == 0) {
			break;
		} else {
			usleep(2000);
		}
	}
	return wm_buf_size(b);
}

typedef struct got_ctx {
	cc_t *t;
	size_t want;
} got_ctx_t;

static int got_enough(void *ctx)
{
	got_ctx_t *g = ctx;
	return wm_buf_size(&g->t->got) >= g->want;
}

/* Connect, send "hello" before the connection is up, get "world" back. */
static void exchange_over(const wm_sockaddr_t *addr, socklen_t alen, int lfd)
{
	wm_loop_t *loop = wm_loop_new();
	cc_t *t = cc_new(loop);
	REQUIRE_EQ(wm_conn_connect(&t->c, loop, &addr->sa, alen, 2000, &cc_ops), WM_OK);
	CHECK(t->c.connecting);
	CHECK_EQ(t->connect_calls, 0); /* never from inside the call */
	struct iovec iov = {"hello", 5};
	CHECK_EQ(wm_conn_send(&t->c, &iov, 1), WM_SEND_QUEUED);
	CHECK_EQ(wm_conn_pending(&t->c), 5);
	CHECK(run_until(loop, connected, t, 2));
	CHECK_EQ(t->connect_calls, 1);
	CHECK_EQ(t->connect_err, 0);
	CHECK_EQ(t->reading_at_connect, 1);
	CHECK(!t->c.connecting);
	int sfd = accept_one(lfd);
	REQUIRE(sfd >= 0);
	run_for(loop, 0.02); /* flush the queued output */
	wm_buf_t b = WM_BUF_INIT;
	read_until(sfd, &b, 5);
	CHECK_MEM_EQ(wm_buf_head(&b), wm_buf_size(&b), "hello", 5);
	CHECK_EQ(t->drain_calls, 1);
	CHECK_EQ(write(sfd, "world", 5), 5);
	got_ctx_t g = {t, 5};
	CHECK(run_until(loop, got_enough, &g, 2));
	CHECK_MEM_EQ(wm_buf_head(&t->got), wm_buf_size(&t->got), "world", 5);
	/* Direct sends once connected. */
	CHECK_EQ(wm_conn_send(&t->c, &iov, 1), WM_SEND_DONE);
	wm_buf_free(&b);
	close(sfd);
	cc_free(t);
	wm_loop_free(loop);
}

/* ---- connecting ---- */

TEST(connect_tcp_exchanges_bytes)
{
	wm_sockaddr_t a;
	socklen_t alen;
	int lfd = tcp_listener("127.0.0.1:0", 16, &a, &alen);
	REQUIRE(lfd >= 0);
	exchange_over(&a, alen, lfd);
	close(lfd);
}

TEST(connect_ipv6_exchanges_bytes)
{
	wm_sockaddr_t a;
	socklen_t alen;
	int lfd = tcp_listener("[::1]:0", 16, &a, &alen);
	if (lfd < 0) {
		TEST_NOTE("no IPv6 loopback here: skipped");
		return;
	}
	exchange_over(&a, alen, lfd);
	close(lfd);
}

TEST(connect_unix_exchanges_bytes)
{
	char path[64];
	snprintf(path, sizeof(path), "/tmp/wm_test_conn_%d.sock", (int)getpid());
	unlink(path);
	wm_sockaddr_t a;
	socklen_t alen;
	REQUIRE_EQ(wm_addr_parse_unix(path, &a, &alen), WM_OK);
	wm_listen_opts_t o = {16, 0, -1};
	int lfd = wm_listen_stream(&a, alen, &o);
	REQUIRE(lfd >= 0);
	exchange_over(&a, alen, lfd);
	close(lfd);
	unlink(path);
}

TEST(connect_refused)
{
	/* A port nobody listens on: bind one, then close it. */
	wm_sockaddr_t a;
	socklen_t alen;
	int lfd = tcp_listener("127.0.0.1:0", 1, &a, &alen);
	REQUIRE(lfd >= 0);
	close(lfd);
	int fds = count_fds();
	wm_loop_t *loop = wm_loop_new();
	int base = count_fds();
	cc_t *t = cc_new(loop);
	REQUIRE_EQ(wm_conn_connect(&t->c, loop, &a.sa, alen, 2000, &cc_ops), WM_OK);
	CHECK(run_until(loop, connected, t, 2));
	CHECK_EQ(t->connect_calls, 1);
	CHECK_EQ(t->connect_err, ECONNREFUSED);
	CHECK(t->c.closed);
	CHECK_EQ(t->c.fd, -1);
	CHECK_EQ(count_fds(), base);
	run_for(loop, 0.02);
	CHECK_EQ(t->connect_calls, 1);
	cc_free(t);
	wm_loop_free(loop);
	CHECK_EQ(count_fds(), fds);
}

TEST(connect_unix_missing_path_fails_from_the_loop)
{
	wm_sockaddr_t a;
	socklen_t alen;
	REQUIRE_EQ(wm_addr_parse_unix("/tmp/wm_test_no_such_socket", &a, &alen), WM_OK);
	wm_loop_t *loop = wm_loop_new();
	cc_t *t = cc_new(loop);
	REQUIRE_EQ(wm_conn_connect(&t->c, loop, &a.sa, alen, 2000, &cc_ops), WM_OK);
	CHECK_EQ(t->connect_calls, 0);
	CHECK(run_until(loop, connected, t, 2));
	CHECK_EQ(t->connect_err, ENOENT);
	CHECK(t->c.closed);
	cc_free(t);
	wm_loop_free(loop);
}

/* A listener whose accept queue is full drops further SYNs: a connect to it hangs. */
typedef struct stuck {
	int lfd;
	int clients[8];
	int n;
	wm_sockaddr_t addr;
	socklen_t alen;
} stuck_t;

static int stuck_listener(stuck_t *s)
{
	memset(s, 0, sizeof(*s));
	s->lfd = tcp_listener("127.0.0.1:0", 1, &s->addr, &s->alen);
	if (s->lfd < 0 || listen(s->lfd, 0) < 0) { /* (wm_listen_stream takes 0 as "default") */
		return -1;
	}
	/* Fill the accept queue (backlog 0 still admits one or two). */
	for (s->n = 0; s->n < 4; s->n++) {
		int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		connect(fd, &s->addr.sa, s->alen);
		s->clients[s->n] = fd;
	}
	usleep(50000);
	return 0;
}

static void stuck_free(stuck_t *s)
{
	for (int i = 0; i < s->n; i++) {
		close(s->clients[i]);
	}
	close(s->lfd);
}

TEST(connect_times_out)
{
	stuck_t s;
	REQUIRE_EQ(stuck_listener(&s), 0);
	wm_loop_t *loop = wm_loop_new();
	cc_t *t = cc_new(loop);
	double t0 = now_s();
	REQUIRE_EQ(wm_conn_connect(&t->c, loop, &s.addr.sa, s.alen, 300, &cc_ops), WM_OK);
	struct iovec iov = {"lost", 4};
	CHECK_EQ(wm_conn_send(&t->c, &iov, 1), WM_SEND_QUEUED);
	CHECK(run_until(loop, connected, t, 3));
	double took = now_s() - t0;
	CHECK_EQ(t->connect_err, ETIMEDOUT);
	CHECK(t->c.closed);
	CHECK_EQ(wm_conn_pending(&t->c), 0); /* the queued output went with it */
	TEST_NOTE("timed out after %.3f s", took);
	CHECK(took >= 0.25 && took < 1.5);
	cc_free(t);
	wm_loop_free(loop);
	stuck_free(&s);
}

TEST(connect_close_while_connecting)
{
	stuck_t s;
	REQUIRE_EQ(stuck_listener(&s), 0);
	wm_loop_t *loop = wm_loop_new();
	int base = count_fds();
	cc_t *t = cc_new(loop);
	REQUIRE_EQ(wm_conn_connect(&t->c, loop, &s.addr.sa, s.alen, 100, &cc_ops), WM_OK);
	CHECK_EQ(count_fds(), base + 1);
	char big[100000];
	memset(big, 'q', sizeof(big));
	struct iovec iov = {big, sizeof(big)};
	CHECK_EQ(wm_conn_send(&t->c, &iov, 1), WM_SEND_QUEUED);
	run_for(loop, 0.02);
	wm_conn_close(&t->c);
	CHECK_EQ(count_fds(), base);
	/* Past the timeout: no callback after the close (ASan checks the queue's memory). */
	run_for(loop, 0.3);
	CHECK_EQ(t->connect_calls, 0);
	cc_free(t);

	/* Closed before the loop ever ran, on a connect that succeeds at once. */
	wm_sockaddr_t a;
	socklen_t alen;
	int lfd = tcp_listener("127.0.0.1:0", 16, &a, &alen);
	REQUIRE(lfd >= 0);
	t = cc_new(loop);
	REQUIRE_EQ(wm_conn_connect(&t->c, loop, &a.sa, alen, 0, &cc_ops), WM_OK);
	wm_conn_close(&t->c);
	run_for(loop, 0.05);
	CHECK_EQ(t->connect_calls, 0);
	cc_free(t);
	close(lfd);
	wm_loop_free(loop);
	stuck_free(&s);
}

TEST(connect_big_output_before_connected_is_flushed)
{
	wm_sockaddr_t a;
	socklen_t alen;
	int lfd = tcp_listener("127.0.0.1:0", 16, &a, &alen);
	REQUIRE(lfd >= 0);
	wm_loop_t *loop = wm_loop_new();
	cc_t *t = cc_new(loop);
	t->send_on_connect = "|after";
	REQUIRE_EQ(wm_conn_connect(&t->c, loop, &a.sa, alen, 2000, &cc_ops), WM_OK);
	size_t total = 3 * 1024 * 1024;
	char *big = malloc(total);
	fill_pattern(big, total, 0);
	t->c.max_send = (int64_t)total + 1;
	struct iovec iov = {big, total};
	CHECK_EQ(wm_conn_send(&t->c, &iov, 1), WM_SEND_QUEUED);
	CHECK_EQ(t->full_calls, 0);
	struct iovec one = {"x", 1};
	CHECK_EQ(wm_conn_send(&t->c, &one, 1), WM_SEND_QUEUED); /* reaches the limit */
	CHECK_EQ(t->full_calls, 1);
	CHECK_EQ(wm_conn_send(&t->c, &one, 1), WM_SEND_DROPPED);
	t->c.max_send = INT64_MAX; /* on_connect's send goes behind the queue */
	CHECK(run_until(loop, connected, t, 2));
	REQUIRE_EQ(t->connect_err, 0);
	int sfd = accept_one(lfd);
	REQUIRE(sfd >= 0);
	fcntl(sfd, F_SETFL, O_NONBLOCK);
	wm_buf_t b = WM_BUF_INIT;
	for (int i = 0; i < 500 && wm_buf_size(&b) < total + 7; i++) {
		run_for(loop, 0.005);
		char *p = wm_buf_reserve(&b, 1 << 20);
		ssize_t n = read(sfd, p, 1 << 20);
		if (n > 0) {
			wm_buf_commit(&b, (size_t)n);
		}
	}
	REQUIRE_EQ(wm_buf_size(&b), total + 7);
	CHECK(memcmp(wm_buf_head(&b), big, total) == 0);
	CHECK_MEM_EQ(wm_buf_head(&b) + total, 7, "x|after", 7);
	run_for(loop, 0.01);
	CHECK_EQ(t->drain_calls, 1);
	free(big);
	wm_buf_free(&b);
	close(sfd);
	cc_free(t);
	close(lfd);
	wm_loop_free(loop);
}

/* A transport with a handshake: two steps (want-write, want-read) before on_connect. */
static int hs_steps;
static int hs_step(wm_conn_t *c)
{
	(void)c;
	hs_steps++;
	if (hs_steps == 1) {
		return WM_HANDSHAKE_WANT_WRITE;
	}
	if (hs_steps == 2) {
		/* Wait for the peer's first byte, as a TLS client waits for the ServerHello. */
		return WM_HANDSHAKE_WANT_READ;
	}
	char ch;
	if (read(c->fd, &ch, 1) != 1 || ch != '!') {
		errno = EPROTO;
		return WM_HANDSHAKE_ERROR;
	}
	return WM_HANDSHAKE_DONE;
}

TEST(connect_runs_the_transport_handshake_first)
{
	wm_transport_t hs = wm_transport_plain;
	hs.name = "test-handshake";
	hs.handshake = hs_step;
	wm_sockaddr_t a;
	socklen_t alen;
	int lfd = tcp_listener("127.0.0.1:0", 16, &a, &alen);
	REQUIRE(lfd >= 0);
	wm_loop_t *loop = wm_loop_new();
	cc_t *t = cc_new(loop);
	t->c.transport = &hs;
	hs_steps = 0;
	REQUIRE_EQ(wm_conn_connect(&t->c, loop, &a.sa, alen, 2000, &cc_ops), WM_OK);
	struct iovec iov = {"early", 5};
	CHECK_EQ(wm_conn_send(&t->c, &iov, 1), WM_SEND_QUEUED);
	int sfd = accept_one(lfd);
	REQUIRE(sfd >= 0);
	run_for(loop, 0.05);
	CHECK_EQ(hs_steps, 2); /* waiting for the peer */
	CHECK_EQ(t->connect_calls, 0);
	CHECK(t->c.connecting);
	char tmp[8];
	CHECK_EQ(recv(sfd, tmp, sizeof(tmp), MSG_DONTWAIT), -1); /* nothing before the handshake */
	CHECK_EQ(write(sfd, "!", 1), 1);
	CHECK(run_until(loop, connected, t, 2));
	CHECK_EQ(hs_steps, 3);
	CHECK_EQ(t->connect_err, 0);
	run_for(loop, 0.02);
	wm_buf_t b = WM_BUF_INIT;
	read_until(sfd, &b, 5);
	CHECK_MEM_EQ(wm_buf_head(&b), wm_buf_size(&b), "early", 5);
	wm_buf_free(&b);
	close(sfd);
	cc_free(t);
	close(lfd);
	wm_loop_free(loop);
}

/* ---- streaming a file ---- */

static int temp_file(size_t size, char **content)
{
	char path[] = "/tmp/wm_test_file_XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0) {
		return -1;
	}
	unlink(path);
	char *p = malloc(size ? size : 1);
	fill_pattern(p, size, 7);
	size_t off = 0;
	while (off < size) {
		ssize_t n = write(fd, p + off, size - off);
		if (n <= 0) {
			abort();
		}
		off += (size_t)n;
	}
	*content = p;
	return fd;
}

static cc_t *cc_on_pair(wm_loop_t *loop, int sv[2])
{
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) != 0) {
		abort();
	}
	/* A small kernel buffer so the reader's pace matters. */
	int sz = 32768;
	setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &sz, sizeof(sz));
	setsockopt(sv[1], SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
	cc_t *t = cc_new(loop);
	if (wm_conn_start(&t->c, loop, sv[0], &cc_ops) != WM_OK) {
		abort();
	}
	return t;
}

/* A reader that takes at most `step` bytes every 1 ms and watches the sender's memory. */
typedef struct slow_reader {
	int fd;
	size_t step;
	wm_buf_t got;
	cc_t *t;
	size_t stop_after; /* 0: read to the end */
	int eof;
} slow_reader_t;

static void slow_read_cb(wm_watch_t *w, int what)
{
	slow_reader_t *r = w->data;
	(void)what;
	size_t p = wm_buf_size(&r->t->c.out);
	if (p > r->t->max_pending) {
		r->t->max_pending = p;
	}
	if (r->eof || (r->stop_after && wm_buf_size(&r->got) >= r->stop_after)) {
		return;
	}
	char *dst = wm_buf_reserve(&r->got, r->step);
	ssize_t n = read(r->fd, dst, r->step);
	if (n > 0) {
		wm_buf_commit(&r->got, (size_t)n);
	} else if (n == 0) {
		r->eof = 1;
	}
}

typedef struct file_wait {
	slow_reader_t *r;
	size_t want;
	cc_t *t;
} file_wait_t;

static int file_all_read(void *ctx)
{
	file_wait_t *f = ctx;
	return wm_buf_size(&f->r->got) >= f->want && f->t->file_calls > 0;
}

static void stream_file(size_t size, off_t start, off_t end)
{
	char *content;
	int ffd = temp_file(size, &content);
	REQUIRE(ffd >= 0);
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	cc_t *t = cc_on_pair(loop, sv);
	struct iovec head = {"HEAD", 4};
	CHECK_EQ(wm_conn_send(&t->c, &head, 1), WM_SEND_DONE);
	last_file_fd = ffd;
	wm_conn_send_file(&t->c, ffd, start, end);
	CHECK(!t->c.reading); /* input waits for the file */
	CHECK(wm_conn_file_active(&t->c));
	slow_reader_t r = {sv[1], 16384, WM_BUF_INIT, t, 0, 0};
	wm_watch_t *rw = wm_watch_timer(loop, 0.001, 1, slow_read_cb, &r);
	size_t want = 4 + (size_t)(end - start);
	file_wait_t f = {&r, want, t};
	CHECK(run_until(loop, file_all_read, &f, 20));
	wm_watch_free(rw);
	CHECK_EQ(t->file_calls, 1);
	CHECK_EQ(t->file_status, WM_FILE_SENT);
	CHECK_EQ(t->file_fd_open_at_done, 0); /* closed before the callback */
	CHECK(!fd_is_open(ffd));
	CHECK(!wm_conn_file_active(&t->c));
	REQUIRE_EQ(wm_buf_size(&r.got), want);
	CHECK_MEM_EQ(wm_buf_head(&r.got), 4, "HEAD", 4);
	CHECK(memcmp(wm_buf_head(&r.got) + 4, content + start, (size_t)(end - start)) == 0);
	/* Bounded memory: at most the high-water mark (256 KiB) plus one chunk queued. */
	TEST_NOTE("max queued while streaming %zu bytes: %zu", (size_t)(end - start), t->max_pending);
	CHECK_LE(t->max_pending, 256 * 1024 + 65536);
	CHECK_LE(t->drain_calls, 1); /* the file took the drains; the last chunk's is reported */
	CHECK(!t->c.reading);        /* the embedder resumes */
	wm_buf_free(&r.got);
	close(sv[1]);
	cc_free(t);
	wm_loop_free(loop);
	free(content);
}

TEST(file_streams_to_a_slow_reader)
{
	stream_file(3 * 1024 * 1024 + 123, 0, 3 * 1024 * 1024 + 123);
}

TEST(file_streams_a_range)
{
	stream_file(2 * 1024 * 1024, 1000, 1500000);
}

TEST(file_empty_range_is_done_at_once)
{
	char *content;
	int ffd = temp_file(10, &content);
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	cc_t *t = cc_on_pair(loop, sv);
	last_file_fd = ffd;
	wm_conn_send_file(&t->c, ffd, 5, 5);
	CHECK_EQ(t->file_calls, 1);
	CHECK_EQ(t->file_status, WM_FILE_SENT);
	CHECK(!fd_is_open(ffd));
	close(sv[1]);
	cc_free(t);
	wm_loop_free(loop);
	free(content);
}

TEST(file_shorter_than_announced_fails)
{
	char *content;
	int ffd = temp_file(100000, &content);
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	cc_t *t = cc_on_pair(loop, sv);
	last_file_fd = ffd;
	wm_conn_send_file(&t->c, ffd, 0, 200000);
	slow_reader_t r = {sv[1], 65536, WM_BUF_INIT, t, 0, 0};
	wm_watch_t *rw = wm_watch_timer(loop, 0.001, 1, slow_read_cb, &r);
	file_wait_t f = {&r, 0, t};
	CHECK(run_until(loop, file_all_read, &f, 5));
	wm_watch_free(rw);
	CHECK_EQ(t->file_status, WM_FILE_READ_FAILED);
	CHECK_EQ(wm_conn_file_pos(&t->c), 100000);
	CHECK(!fd_is_open(ffd));
	wm_buf_free(&r.got);
	close(sv[1]);
	cc_free(t);
	wm_loop_free(loop);
	free(content);
}

TEST(file_close_midway_leaks_nothing)
{
	int base = count_fds();
	char *content;
	int ffd = temp_file(4 * 1024 * 1024, &content);
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	cc_t *t = cc_on_pair(loop, sv);
	last_file_fd = ffd;
	wm_conn_send_file(&t->c, ffd, 0, 4 * 1024 * 1024);
	slow_reader_t r = {sv[1], 16384, WM_BUF_INIT, t, 512 * 1024, 0};
	wm_watch_t *rw = wm_watch_timer(loop, 0.001, 1, slow_read_cb, &r);
	run_for(loop, 0.1);
	CHECK_GT(wm_buf_size(&r.got), 0);
	CHECK(wm_conn_file_active(&t->c));
	wm_conn_close(&t->c);
	CHECK(!fd_is_open(ffd));
	CHECK(!wm_conn_file_active(&t->c));
	run_for(loop, 0.05);
	CHECK_EQ(t->file_calls, 0); /* no callback after the close */
	wm_watch_free(rw);
	wm_buf_free(&r.got);
	close(sv[1]);
	cc_free(t);
	wm_loop_free(loop);
	free(content);
	CHECK_EQ(count_fds(), base);
}

static int file_or_write_error(void *ctx)
{
	cc_t *t = ctx;
	return t->file_calls + t->werr_calls > 0;
}

TEST(file_peer_gone_reports_send_failed)
{
	signal(SIGPIPE, SIG_IGN);
	char *content;
	int ffd = temp_file(2 * 1024 * 1024, &content);
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	cc_t *t = cc_on_pair(loop, sv);
	t->close_on_file_done = 1;
	last_file_fd = ffd;
	wm_conn_send_file(&t->c, ffd, 0, 2 * 1024 * 1024);
	close(sv[1]);
	CHECK(run_until(loop, file_or_write_error, t, 5));
	/* The kernel refuses either a direct write in the pump (on_file_done) or the queued
	 * output's write (on_write_error, which closes: the file goes with the connection). */
	CHECK_EQ(t->file_calls + t->werr_calls, 1);
	if (t->file_calls) {
		CHECK_EQ(t->file_status, WM_FILE_SEND_FAILED);
	}
	CHECK(!fd_is_open(ffd));
	cc_free(t);
	wm_loop_free(loop);
	free(content);
	signal(SIGPIPE, SIG_DFL);
}

/* From inside a read batch: the first chunks are batched, the rest follows on drain. */
static int batch_file_fd = -1;
static off_t batch_file_len;
static void batch_on_data(wm_conn_t *c)
{
	cc_on_data(c);
	if (batch_file_fd >= 0) {
		struct iovec head = {"HEAD", 4};
		CHECK_EQ(wm_conn_send(c, &head, 1), WM_SEND_BATCHED);
		last_file_fd = batch_file_fd;
		wm_conn_send_file(c, batch_file_fd, 0, batch_file_len);
		batch_file_fd = -1;
		/* Batched chunks count as pending: the pump stopped at the high-water mark. */
		CHECK_GE(wm_conn_pending(c), 256 * 1024);
		CHECK_LE(wm_conn_pending(c), 256 * 1024 + 65536);
	}
}

TEST(file_sent_from_a_batch)
{
	static const wm_conn_ops_t ops = {
		.on_data = batch_on_data,
		.on_eof = cc_on_eof,
		.on_drain = cc_on_drain,
		.on_write_error = cc_on_write_error,
		.on_file_done = cc_on_file_done,
	};
	char *content;
	size_t size = 1024 * 1024 + 5;
	batch_file_fd = temp_file(size, &content);
	batch_file_len = (off_t)size;
	wm_loop_t *loop = wm_loop_new();
	int sv[2];
	cc_t *t = cc_on_pair(loop, sv);
	t->c.ops = &ops;
	CHECK_EQ(write(sv[1], "GET", 3), 3);
	slow_reader_t r = {sv[1], 65536, WM_BUF_INIT, t, 0, 0};
	wm_watch_t *rw = wm_watch_timer(loop, 0.001, 1, slow_read_cb, &r);
	file_wait_t f = {&r, 4 + size, t};
	CHECK(run_until(loop, file_all_read, &f, 10));
	wm_watch_free(rw);
	CHECK_EQ(t->file_status, WM_FILE_SENT);
	REQUIRE_EQ(wm_buf_size(&r.got), 4 + size);
	CHECK(memcmp(wm_buf_head(&r.got) + 4, content, size) == 0);
	CHECK_MEM_EQ(wm_buf_head(&t->got), wm_buf_size(&t->got), "GET", 3);
	wm_buf_free(&r.got);
	close(sv[1]);
	cc_free(t);
	wm_loop_free(loop);
	free(content);
}
