/* Stream connection I/O. */
#include "src/net/wm_conn.h"
#include "src/wm_core.h"

#include <errno.h>
#include <event2/event.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define WM_READ_CHUNK 65536

static void conn_event(evutil_socket_t fd, short what, void *arg);

static void conn_update_events(wm_conn_t *c)
{
	short want = 0;
	if (c->closed || !c->ev) {
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

int wm_conn_start(wm_conn_t *c, wm_loop_t *loop, int fd, const wm_conn_ops_t *ops)
{
	c->loop = loop;
	c->ops = ops;
	c->fd = fd;
	c->reading = 1;
	c->ev_flags = EV_READ;
	c->ev = event_new(loop->base, fd, EV_READ | EV_PERSIST, conn_event, c);
	if (!c->ev || event_add(c->ev, NULL) < 0) {
		if (c->ev) {
			event_free(c->ev);
			c->ev = NULL;
		}
		return WM_ERR;
	}
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
	if (wm_buf_size(&c->in) > 0 && c->ev) {
		c->resume_pending = 1;
		event_active(c->ev, EV_READ, 0);
	}
}

static ssize_t conn_writev(wm_conn_t *c, const struct iovec *iov, int iovcnt)
{
	/* write()/writev() cost the kernel less than sendmsg(); they are safe on sockets once
	 * the process ignores SIGPIPE (the embedder says so with loop->sigpipe_ignored). */
	if (c->not_socket || c->loop->sigpipe_ignored) {
		return iovcnt == 1 ? write(c->fd, iov[0].iov_base, iov[0].iov_len) : writev(c->fd, iov, iovcnt);
	}
	struct msghdr msg;
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = (struct iovec *)iov;
	msg.msg_iovlen = (size_t)iovcnt;
	ssize_t n = sendmsg(c->fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
	if (n < 0 && errno == ENOTSOCK) {
		c->not_socket = 1;
		return writev(c->fd, iov, iovcnt);
	}
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

int wm_conn_send(wm_conn_t *c, const struct iovec *iov, int iovcnt)
{
	size_t total = 0;
	if (c->closed) {
		errno = EPIPE;
		return WM_SEND_FAILED;
	}
	for (int i = 0; i < iovcnt; i++) {
		total += iov[i].iov_len;
	}
	if (c->loop->batch_conn == c && wm_buf_size(&c->out) == 0) {
		char *dst = wm_buf_reserve(&c->loop->batch_out, total);
		for (int i = 0; i < iovcnt; i++) {
			memcpy(dst, iov[i].iov_base, iov[i].iov_len);
			dst += iov[i].iov_len;
		}
		wm_buf_commit(&c->loop->batch_out, total);
		return WM_SEND_BATCHED;
	}
	if (wm_buf_size(&c->out) > 0) {
		queue_rest(c, iov, iovcnt, 0);
		return WM_SEND_QUEUED;
	}
	if (total == 0) {
		return WM_SEND_DONE;
	}
	ssize_t n;
	do {
		n = conn_writev(c, iov, iovcnt);
	} while (n < 0 && errno == EINTR);
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
	int rc = wm_conn_send(c, &iov, 1);
	wm_buf_clear(&loop->batch_out);
	return rc;
}

void wm_conn_close(wm_conn_t *c)
{
	if (c->closed) {
		return;
	}
	c->closed = 1;
	c->reading = 0;
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
	if (c->fd >= 0 && !c->keep_fd) {
		close(c->fd);
	}
	c->fd = -1;
	c->rptr = NULL;
	c->rlen = 0;
	wm_buf_free(&c->in);
	wm_buf_free(&c->out);
}

static void conn_write_ready(wm_conn_t *c)
{
	size_t len = wm_buf_size(&c->out);
	if (len == 0) {
		conn_update_events(c);
		return;
	}
	struct iovec iov = {(void *)wm_buf_head(&c->out), len};
	ssize_t n;
	do {
		n = conn_writev(c, &iov, 1);
	} while (n < 0 && errno == EINTR);
	if (n < 0) {
		if (errno == EAGAIN || errno == EWOULDBLOCK) {
			return;
		}
		c->ops->on_write_error(c, errno);
		return;
	}
	c->bytes_written += (uint64_t)n;
	wm_buf_consume(&c->out, (size_t)n);
	if (wm_buf_size(&c->out) == 0) {
		/* Give back the memory of a burst; idle connections keep none. */
		wm_buf_free(&c->out);
		conn_update_events(c);
		c->ops->on_drain(c);
	}
}

static void conn_read_ready(wm_conn_t *c)
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
		n = read(c->fd, dst, WM_READ_CHUNK);
	} while (n < 0 && errno == EINTR);
	if (n == 0) {
		if (c->resume_pending && !scratch) {
			/* Resumed with input buffered while the peer has closed: deliver what is
			 * buffered first; the EOF is seen again on the next wakeup. */
			goto process;
		}
		c->resume_pending = 0;
		c->ops->on_eof(c, 0);
		return;
	}
	if (n < 0) {
		if (errno != EAGAIN && errno != EWOULDBLOCK) {
			c->ops->on_eof(c, errno);
			return;
		}
		if (!c->resume_pending || scratch) {
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
}

static void conn_event(evutil_socket_t fd, short what, void *arg)
{
	wm_conn_t *c = arg;
	const wm_conn_ops_t *ops = c->ops;
	(void)fd;
	if (ops->hold) {
		ops->hold(c);
	}
	c->in_callback = 1;
	if ((what & EV_WRITE) && !c->closed) {
		conn_write_ready(c);
	}
	if ((what & EV_READ) && !c->closed && c->reading) {
		conn_read_ready(c);
	}
	c->in_callback = 0;
	if (c->free_ev) {
		event_free(c->ev);
		c->ev = NULL;
		c->free_ev = 0;
	}
	if (ops->release) {
		ops->release(c); /* may free c */
	}
}
