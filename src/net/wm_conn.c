/* Stream connection I/O: the read/write loop over c->transport, the send-buffer limit,
 * connecting, and streaming a file behind the output. */
#include "src/net/wm_conn.h"
#include "src/net/wm_addr.h"
#include "src/wm_core.h"

#include <errno.h>
#include <event2/event.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define WM_READ_CHUNK 65536
#define WM_FILE_CHUNK 65536

static void conn_event(evutil_socket_t fd, short what, void *arg);
static void conn_file_pump(wm_conn_t *c);
static struct timeval *connect_tv(const wm_conn_t *c, struct timeval *tv);

static void conn_update_events(wm_conn_t *c)
{
	short want = 0;
	if (c->closed || !c->ev || c->connecting) {
		return;
	}
	if (c->reading) {
		want |= EV_READ;
	}
	if (wm_buf_size(&c->out) > 0) {
		want |= EV_WRITE;
	}
	if (want == c->ev_flags) {
		return;
	}
	event_del(c->ev);
	c->ev_flags = want;
	if (want) {
		event_assign(c->ev, c->loop->base, c->fd, want | EV_PERSIST, conn_event, c);
		event_add(c->ev, NULL);
	}
}

/* Input the transport holds already (TLS records decrypted past what one read took) gets
 * no read event: ask for one. */
static void conn_check_pending(wm_conn_t *c)
{
	if (c->transport->pending && c->reading && !c->closed && c->ev && c->transport->pending(c) > 0) {
		event_active(c->ev, EV_READ, 0);
	}
}

/* (Re)arm c->ev for fd with flags; reuses an event whose free was deferred (a reconnect
 * from inside a callback). Returns WM_OK or WM_ERR. */
static int conn_arm(wm_conn_t *c, short flags, const struct timeval *tv)
{
	if (c->ev) {
		c->free_ev = 0;
		event_del(c->ev);
		event_assign(c->ev, c->loop->base, c->fd, flags, conn_event, c);
	} else {
		c->ev = event_new(c->loop->base, c->fd, flags, conn_event, c);
		if (!c->ev) {
			return WM_ERR;
		}
	}
	if (event_add(c->ev, tv) < 0) {
		event_free(c->ev);
		c->ev = NULL;
		return WM_ERR;
	}
	return WM_OK;
}

static void conn_reset(wm_conn_t *c, wm_loop_t *loop, int fd, const wm_conn_ops_t *ops)
{
	c->loop = loop;
	c->ops = ops;
	c->fd = fd;
	if (!c->transport) {
		c->transport = &wm_transport_plain;
	}
	c->closed = 0;
	c->reading = 1;
	c->connecting = 0;
	c->handshaking = 0;
	c->handshake_begun = 0;
}

int wm_conn_start(wm_conn_t *c, wm_loop_t *loop, int fd, const wm_conn_ops_t *ops)
{
	conn_reset(c, loop, fd, ops);
	c->ev_flags = EV_READ;
	return conn_arm(c, EV_READ | EV_PERSIST, NULL);
}

int wm_conn_handshake(wm_conn_t *c, unsigned timeout_ms)
{
	if (c->closed || c->connecting || !c->transport->handshake) {
		errno = EINVAL;
		return WM_ERR;
	}
	c->connecting = 1;
	c->handshaking = 1;
	c->handshake_begun = 1;
	wm_conn_aux(c)->connect_timeout_ms = timeout_ms;
	struct timeval tv;
	/* Try at once: a server's first step only reads, a client's writes its hello. */
	c->ev_flags = EV_WRITE;
	if (conn_arm(c, EV_WRITE, connect_tv(c, &tv)) != WM_OK) {
		c->connecting = 0;
		c->handshaking = 0;
		return WM_ERR;
	}
	event_active(c->ev, EV_WRITE, 0);
	return WM_OK;
}

void wm_conn_pause_read(wm_conn_t *c)
{
	c->reading = 0;
	conn_update_events(c);
}

void wm_conn_resume_read(wm_conn_t *c)
{
	if (c->closed || c->reading) {
		return;
	}
	c->reading = 1;
	conn_update_events(c);
	if (wm_buf_size(&c->in) > 0 && c->ev && !c->connecting) {
		c->resume_pending = 1;
		event_active(c->ev, EV_READ, 0);
	}
}

wm_conn_aux_t *wm_conn_aux(wm_conn_t *c)
{
	if (!c->aux) {
		c->aux = wm_calloc(1, sizeof(*c->aux));
		c->aux->file_fd = -1;
	}
	return c->aux;
}

/* ---- connecting ---- */

static struct timeval *connect_tv(const wm_conn_t *c, struct timeval *tv)
{
	unsigned ms = c->aux->connect_timeout_ms;
	if (!ms) {
		return NULL;
	}
	tv->tv_sec = ms / 1000;
	tv->tv_usec = (ms % 1000) * 1000;
	return tv;
}

int wm_conn_connect(wm_conn_t *c, wm_loop_t *loop, const struct sockaddr *addr, socklen_t addrlen, unsigned timeout_ms,
	const wm_conn_ops_t *ops)
{
	return wm_conn_connect_from(c, loop, addr, addrlen, NULL, 0, timeout_ms, ops);
}

int wm_conn_connect_from(wm_conn_t *c, wm_loop_t *loop, const struct sockaddr *addr, socklen_t addrlen,
	const struct sockaddr *bind_addr, socklen_t bind_len, unsigned timeout_ms, const wm_conn_ops_t *ops)
{
	int fd = socket(addr->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		return WM_ERR;
	}
	if (bind_addr) {
		int one = 1;
		/* As PHP's bindto: a fixed local port can be reused at once after a close. */
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (bind(fd, bind_addr, bind_len) < 0) {
			int err = errno;
			close(fd);
			errno = err;
			return WM_ERR;
		}
	}
	conn_reset(c, loop, fd, ops);
	c->connecting = 1;
	wm_conn_aux_t *x = wm_conn_aux(c);
	x->connect_timeout_ms = timeout_ms;
	x->connect_err = 0;
	int rc;
	do {
		rc = connect(fd, addr, addrlen);
	} while (rc < 0 && errno == EINTR);
	if (rc < 0 && errno != EINPROGRESS) {
		/* Reported from the loop like any other outcome (unix sockets fail at once). */
		x->connect_err = errno;
	}
	struct timeval tv;
	c->ev_flags = EV_WRITE;
	if (conn_arm(c, EV_WRITE, connect_tv(c, &tv)) != WM_OK) {
		int err = errno;
		close(fd);
		c->fd = -1;
		c->connecting = 0;
		c->closed = 1;
		wm_free(c->aux);
		c->aux = NULL;
		errno = err;
		return WM_ERR;
	}
	if (x->connect_err || rc == 0) {
		event_active(c->ev, EV_WRITE, 0);
	}
	return WM_OK;
}

/* what: the event's flags, or 0 for a check on the embedder's request (wm_conn_connect_check),
 * where a connect still in progress counts as failed (ENOTCONN). */
static void conn_connect_step(wm_conn_t *c, short what)
{
	int err = 0;
	if (what & EV_TIMEOUT) {
		err = ETIMEDOUT;
	} else if (!c->handshaking) {
		err = c->aux->connect_err;
		if (!err) {
			socklen_t len = sizeof(err);
			if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0) {
				err = errno;
			}
		}
		if (!err && what == 0) {
			wm_sockaddr_t peer;
			socklen_t plen = sizeof(peer);
			if (getpeername(c->fd, &peer.sa, &plen) < 0) {
				err = errno;
			}
		}
		if (!err && c->transport->handshake) {
			c->handshaking = 1;
			c->handshake_begun = 1;
		}
	}
	if (!err && c->handshaking) {
		int r = c->transport->handshake(c);
		if (r == WM_HANDSHAKE_WANT_READ || r == WM_HANDSHAKE_WANT_WRITE) {
			struct timeval tv;
			c->ev_flags = r == WM_HANDSHAKE_WANT_READ ? EV_READ : EV_WRITE;
			if (conn_arm(c, c->ev_flags, connect_tv(c, &tv)) == WM_OK) {
				return;
			}
			r = WM_HANDSHAKE_ERROR;
		}
		if (r != WM_HANDSHAKE_DONE) {
			err = errno ? errno : EPROTO;
		}
		c->handshaking = 0;
	}
	c->connecting = 0;
	if (err) {
		wm_conn_close(c);
	} else {
		/* The event fired once (not persistent): register what we wait for now. */
		event_del(c->ev);
		c->ev_flags = 0;
		conn_update_events(c);
		conn_check_pending(c);
	}
	if (c->ops->on_connect) {
		c->ops->on_connect(c, err);
	}
}

/* ---- writing ---- */

static ssize_t conn_writev(wm_conn_t *c, const struct iovec *iov, int iovcnt)
{
	ssize_t n;
	do {
		n = c->transport->writev(c, iov, iovcnt);
	} while (n < 0 && errno == EINTR);
	return n;
}

static void queue_rest(wm_conn_t *c, const struct iovec *iov, int iovcnt, size_t skip)
{
	for (int i = 0; i < iovcnt; i++) {
		size_t l = iov[i].iov_len;
		if (skip >= l) {
			skip -= l;
			continue;
		}
		wm_buf_append(&c->out, (const char *)iov[i].iov_base + skip, l - skip);
		skip = 0;
	}
}

/* Send without the limit: batch, queue, or write now. */
/* The send made while its request batch is processed: the common case. */
#define EXPECTED_BATCH(x) __builtin_expect(!!(x), 1)

/* Write at once what the kernel takes and queue the rest (or queue all while connecting or
 * while output is already queued), as Workerman's send() does. */
static int conn_write_or_queue(wm_conn_t *c, const struct iovec *iov, int iovcnt, size_t total)
{
	if (wm_buf_size(&c->out) > 0 || c->connecting) {
		queue_rest(c, iov, iovcnt, 0);
		return WM_SEND_QUEUED;
	}
	if (total == 0) {
		return WM_SEND_DONE;
	}
	ssize_t n = conn_writev(c, iov, iovcnt);
	if (n < 0) {
		if (errno != EAGAIN && errno != EWOULDBLOCK) {
			return WM_SEND_FAILED;
		}
		n = 0;
	}
	c->bytes_written += (uint64_t)n;
	if ((size_t)n == total) {
		return WM_SEND_DONE;
	}
	queue_rest(c, iov, iovcnt, (size_t)n);
	conn_update_events(c);
	return WM_SEND_QUEUED;
}

int wm_conn_send(wm_conn_t *c, const struct iovec *iov, int iovcnt)
{
	wm_loop_t *loop = c->loop;
	size_t total = 0;
	for (int i = 0; i < iovcnt; i++) {
		total += iov[i].iov_len;
	}
	if (EXPECTED_BATCH(loop && loop->batch_conn == c && wm_buf_size(&c->out) == 0 && !c->closed)) {
		size_t held = wm_buf_size(&loop->batch_out);
		if (EXPECTED_BATCH((int64_t)(held + total) < c->max_send)) {
			/* The hot path (a reply produced while its request batch is processed): held
			 * for the batch's one write; it cannot fill the send buffer. */
			char *dst = wm_buf_reserve(&loop->batch_out, total);
			for (int i = 0; i < iovcnt; i++) {
				memcpy(dst, iov[i].iov_base, iov[i].iov_len);
				dst += iov[i].iov_len;
			}
			wm_buf_commit(&loop->batch_out, total);
			return WM_SEND_BATCHED;
		}
		/* This send could fill the buffer. Workerman's send() writes at once, so the kernel
		 * gets what is held first and the limit then counts only what it refused. */
		if (held > 0) {
			struct iovec h = {(void *)wm_buf_head(&loop->batch_out), held};
			int rc = conn_write_or_queue(c, &h, 1, held);
			wm_buf_clear(&loop->batch_out);
			if (rc == WM_SEND_FAILED) {
				return rc;
			}
		}
	}
	if (c->closed) {
		errno = EPIPE;
		return WM_SEND_FAILED;
	}
	size_t queued = wm_buf_size(&c->out);
	if (queued > 0 && (int64_t)queued >= c->max_send) {
		return WM_SEND_DROPPED;
	}
	int rc = conn_write_or_queue(c, iov, iovcnt, total);
	/* Once per fill: again only after the queue was written out (conn_write_ready). */
	if (rc == WM_SEND_QUEUED && !c->full_reported && wm_conn_full(c)) {
		c->full_reported = 1;
		if (c->ops->on_full) {
			c->ops->on_full(c); /* last: it may close c */
		}
	}
	return rc;
}

int wm_conn_batch_end(wm_conn_t *c)
{
	wm_loop_t *loop = c->loop;
	if (loop->batch_conn != c) {
		return WM_SEND_DONE;
	}
	loop->batch_conn = NULL;
	size_t len = wm_buf_size(&loop->batch_out);
	if (len == 0 || c->closed) {
		wm_buf_clear(&loop->batch_out);
		return WM_SEND_DONE;
	}
	struct iovec iov = {(void *)wm_buf_head(&loop->batch_out), len};
	int rc = conn_write_or_queue(c, &iov, 1, len);
	wm_buf_clear(&loop->batch_out);
	return rc;
}

/* ---- streaming a file ---- */

static void file_stop(wm_conn_t *c)
{
	if (c->file_active) {
		c->file_active = 0;
		close(c->aux->file_fd);
		c->aux->file_fd = -1;
	}
}

static void file_done(wm_conn_t *c, int status)
{
	int err = errno;
	file_stop(c);
	if (c->ops->on_file_done) {
		errno = err;
		c->ops->on_file_done(c, status);
	}
}

/* Fill the output up to a bound below max_send, then wait for the drain. */
static void conn_file_pump(wm_conn_t *c)
{
	size_t high = c->max_send > 0 ? (size_t)c->max_send / 2 : WM_FILE_CHUNK;
	if (high > 4 * WM_FILE_CHUNK) {
		high = 4 * WM_FILE_CHUNK;
	}
	if (c->ops->hold) {
		c->ops->hold(c); /* on_full may close c */
	}
	char *buf = NULL;
	wm_conn_aux_t *x = c->aux;
	while (c->file_active && x->file_pos < x->file_end) {
		if (wm_conn_pending(c) >= high) {
			break;
		}
		if (!buf) {
			buf = wm_malloc(WM_FILE_CHUNK);
		}
		off_t left = x->file_end - x->file_pos;
		size_t want = left < WM_FILE_CHUNK ? (size_t)left : WM_FILE_CHUNK;
		ssize_t n;
		do {
			n = pread(x->file_fd, buf, want, x->file_pos);
		} while (n < 0 && errno == EINTR);
		if (n <= 0) {
			if (n == 0) {
				errno = 0; /* the file shrank: the announced length can't be met */
			}
			file_done(c, WM_FILE_READ_FAILED);
			break;
		}
		struct iovec iov = {buf, (size_t)n};
		int rc = wm_conn_send(c, &iov, 1);
		if (rc == WM_SEND_FAILED || rc == WM_SEND_DROPPED) {
			file_done(c, rc == WM_SEND_FAILED ? WM_FILE_SEND_FAILED : WM_FILE_DROPPED);
			break;
		}
		if (c->closed) {
			break; /* on_full closed it (x is gone with it) */
		}
		x->file_pos += n;
	}
	wm_free(buf);
	if (c->file_active && x->file_pos >= x->file_end) { /* (wm_conn_close clears file_active) */
		file_done(c, WM_FILE_SENT);
	}
	if (c->ops->release) {
		c->ops->release(c); /* may free c */
	}
}

void wm_conn_send_file(wm_conn_t *c, int fd, off_t start, off_t end)
{
	file_stop(c);
	if (c->closed) {
		close(fd);
		return;
	}
	wm_conn_aux_t *x = wm_conn_aux(c);
	x->file_fd = fd;
	x->file_pos = start;
	x->file_end = end;
	c->file_active = 1;
	/* Input that follows waits until the file is out (responses stay in order). */
	wm_conn_pause_read(c);
	conn_file_pump(c);
}

/* ---- closing ---- */

void wm_conn_close(wm_conn_t *c)
{
	if (c->closed) {
		return;
	}
	c->closed = 1;
	c->reading = 0;
	c->connecting = 0;
	c->handshaking = 0;
	if (c->loop && c->loop->batch_conn == c) {
		c->loop->batch_conn = NULL;
		wm_buf_clear(&c->loop->batch_out);
	}
	if (c->ev) {
		event_del(c->ev);
		if (c->in_callback) {
			c->free_ev = 1;
		} else {
			event_free(c->ev);
			c->ev = NULL;
		}
	}
	file_stop(c);
	if (c->fd >= 0 && c->transport) {
		c->transport->close(c);
	}
	wm_free(c->aux);
	c->aux = NULL;
	c->fd = -1;
	c->rptr = NULL;
	c->rlen = 0;
	wm_buf_free(&c->in);
	wm_buf_free(&c->out);
}

/* ---- the event ---- */

/* Returns 1 when the queue was written out (on_drain or the file pump ran), else 0. */
static int conn_write_ready(wm_conn_t *c)
{
	size_t len = wm_buf_size(&c->out);
	if (len == 0) {
		conn_update_events(c);
		return 0;
	}
	struct iovec iov = {(void *)wm_buf_head(&c->out), len};
	ssize_t n = conn_writev(c, &iov, 1);
	if (n < 0) {
		if (errno == EAGAIN || errno == EWOULDBLOCK) {
			return 0;
		}
		c->ops->on_write_error(c, errno);
		return 0;
	}
	c->bytes_written += (uint64_t)n;
	wm_buf_consume(&c->out, (size_t)n);
	if (wm_buf_size(&c->out) == 0) {
		/* Give back the memory of a burst; idle connections keep none. */
		wm_buf_free(&c->out);
		c->full_reported = 0;
		conn_update_events(c);
		if (c->file_active) {
			conn_file_pump(c); /* a file being streamed takes the drain */
		} else {
			c->ops->on_drain(c);
		}
		return 1;
	}
	return 0;
}

/* With check_eof 0 (wm_conn_read_now) the peer's close or a read error is not reported:
 * what is buffered is processed and the read is over. */
static void conn_read_ready(wm_conn_t *c, int check_eof)
{
	wm_loop_t *loop = c->loop;
	int scratch = wm_buf_size(&c->in) == 0 && !loop->scratch_busy;
	char *dst;
	ssize_t n;

	if (scratch) {
		if (!loop->scratch) {
			loop->scratch = wm_malloc(WM_READ_CHUNK);
			loop->scratch_cap = WM_READ_CHUNK;
		}
		dst = loop->scratch;
	} else {
		dst = wm_buf_reserve(&c->in, WM_READ_CHUNK);
	}
	do {
		n = c->transport->read(c, dst, WM_READ_CHUNK);
	} while (n < 0 && errno == EINTR);
	if (n == 0) {
		if (c->resume_pending && !scratch) {
			/* Resumed with input buffered while the peer has closed: deliver what is
			 * buffered first; the EOF is seen again on the next wakeup. */
			goto process;
		}
		c->resume_pending = 0;
		if (check_eof) {
			c->ops->on_eof(c, 0);
		}
		return;
	}
	if (n < 0) {
		if (errno != EAGAIN && errno != EWOULDBLOCK && check_eof) {
			c->ops->on_eof(c, errno);
			return;
		}
		if (!c->resume_pending || scratch) {
			c->resume_pending = 0; /* nothing buffered (scratch) or nothing to resume */
			return;
		}
		n = 0;
	}
process:
	c->resume_pending = 0;
	c->bytes_read += (uint64_t)n;
	if (scratch) {
		loop->scratch_busy = 1;
		c->rptr = dst;
		c->rlen = (size_t)n;
	} else {
		wm_buf_commit(&c->in, (size_t)n);
		c->rptr = wm_buf_head(&c->in);
		c->rlen = wm_buf_size(&c->in);
	}
	loop->batch_conn = c;
	c->ops->on_data(c);
	if (loop->batch_conn == c) {
		wm_conn_batch_end(c);
	}
	if (scratch) {
		loop->scratch_busy = 0;
	}
	if (c->closed) {
		return;
	}
	/* Keep what was not framed yet. */
	if (scratch) {
		if (c->rlen > 0) {
			wm_buf_append(&c->in, c->rptr, c->rlen);
		}
	} else if (c->rlen == 0) {
		wm_buf_free(&c->in);
	} else {
		c->in.off = (size_t)(c->rptr - c->in.data);
	}
	c->rptr = NULL;
	c->rlen = 0;
	if (c->file_active) {
		/* The batch's write may have emptied the output: no drain would come. */
		conn_file_pump(c);
	} else {
		conn_check_pending(c);
	}
}

/* Bracket a dispatch: the embedder holds c, and a close from inside defers freeing the
 * event. Returns the previous in_callback state, for conn_leave. */
static int conn_enter(wm_conn_t *c)
{
	int outer = c->in_callback;
	if (c->ops->hold) {
		c->ops->hold(c);
	}
	c->in_callback = 1;
	return outer;
}

/* End the bracket of conn_enter; ops is c->ops read before the dispatch (c may be freed). */
static void conn_leave(wm_conn_t *c, const wm_conn_ops_t *ops, int outer)
{
	c->in_callback = outer;
	if (!outer && c->free_ev) {
		event_free(c->ev);
		c->ev = NULL;
		c->free_ev = 0;
	}
	if (ops->release) {
		ops->release(c); /* may free c */
	}
}

static void conn_event(evutil_socket_t fd, short what, void *arg)
{
	wm_conn_t *c = arg;
	const wm_conn_ops_t *ops = c->ops;
	(void)fd;
	int outer = conn_enter(c);
	if (c->connecting) {
		conn_connect_step(c, what);
	} else {
		if ((what & EV_WRITE) && !c->closed) {
			conn_write_ready(c);
		}
		if ((what & EV_READ) && !c->closed && c->reading) {
			conn_read_ready(c, 1);
		}
	}
	conn_leave(c, ops, outer);
}

/* ---- reading and writing on the embedder's request ---- */

void wm_conn_connect_check(wm_conn_t *c)
{
	if (c->closed || !c->connecting || c->handshaking || !c->loop) {
		return;
	}
	const wm_conn_ops_t *ops = c->ops;
	int outer = conn_enter(c);
	conn_connect_step(c, 0);
	conn_leave(c, ops, outer);
}

int wm_conn_handshake_step(wm_conn_t *c)
{
	if (c->closed || !c->loop) {
		return -1;
	}
	if (!c->handshaking) {
		return c->connecting ? 0 : 1; /* still connecting: the handshake has not begun */
	}
	const wm_conn_ops_t *ops = c->ops;
	int outer = conn_enter(c);
	conn_connect_step(c, EV_READ);
	int r = c->closed ? -1 : c->connecting ? 0 : 1;
	conn_leave(c, ops, outer);
	return r;
}

void wm_conn_read_now(wm_conn_t *c, int check_eof)
{
	if (c->closed || c->connecting || !c->loop || c->rptr) {
		return; /* closed, not connected yet, or inside its own read batch */
	}
	wm_conn_t *other = c->loop->batch_conn;
	if (other && other != c && wm_conn_batch_end(other) == WM_SEND_FAILED) {
		/* Called from another connection's batch: its held output goes first, so that
		 * bytes leave in the order they were sent. */
		other->ops->on_write_error(other, errno);
	}
	const wm_conn_ops_t *ops = c->ops;
	int outer = conn_enter(c);
	c->resume_pending = 1; /* process what is buffered even when nothing new arrives */
	conn_read_ready(c, check_eof);
	conn_leave(c, ops, outer);
}

int wm_conn_write_now(wm_conn_t *c)
{
	if (c->closed || c->connecting || !c->loop) {
		return 0;
	}
	const wm_conn_ops_t *ops = c->ops;
	int outer = conn_enter(c);
	int drained = 0;
	if (c->loop->batch_conn == c && wm_conn_batch_end(c) == WM_SEND_FAILED) {
		ops->on_write_error(c, errno);
	} else if (wm_buf_size(&c->out) > 0) {
		drained = conn_write_ready(c);
	} else if (!c->file_active) {
		ops->on_drain(c);
		drained = 1;
	}
	conn_leave(c, ops, outer);
	return drained;
}
