/* A stream connection on the loop: reads into a shared scratch or its own leftover
 * buffer, writes immediately, queues what the kernel does not take, and coalesces the
 * output of one read batch into one write. Memory of the struct belongs to the embedder
 * (ext/ embeds it in the PHP object); the connection owns its fd, event and buffers. */
#ifndef WM_NET_WM_CONN_H
#define WM_NET_WM_CONN_H

#include <stdint.h>
#include <sys/uio.h>

#include "src/buf/wm_buf.h"
#include "src/loop/wm_loop.h"

typedef struct wm_conn wm_conn_t;

typedef struct wm_conn_ops {
	/* Bytes arrived: read them with wm_conn_rdata/wm_conn_rconsume. Called with the
	 * connection as the loop's batch connection; end the batch with wm_conn_batch_end. */
	void (*on_data)(wm_conn_t *c);
	/* The peer closed (err 0) or the read failed (errno). */
	void (*on_eof)(wm_conn_t *c, int err);
	/* The queued output was all written. */
	void (*on_drain)(wm_conn_t *c);
	/* Writing queued output failed (errno). */
	void (*on_write_error)(wm_conn_t *c, int err);
	/* Bracket every event dispatch, so that the embedder keeps the memory of c alive
	 * while the engine still uses it after the callbacks above (may be NULL). */
	void (*hold)(wm_conn_t *c);
	void (*release)(wm_conn_t *c);
} wm_conn_ops_t;

enum {
	WM_SEND_DONE = 0,    /* the kernel took everything */
	WM_SEND_BATCHED = 1, /* held for the write at the end of this read batch */
	WM_SEND_QUEUED = 2,  /* part or all waits in the send buffer for writability */
	WM_SEND_FAILED = -1, /* errno says why; nothing was queued */
};

struct wm_conn {
	wm_loop_t *loop;
	const wm_conn_ops_t *ops;
	struct event *ev;      /* owned; one event, its flags follow what we wait for */
	wm_buf_t in;           /* leftover bytes not yet framed (owned, empty when idle) */
	wm_buf_t out;          /* bytes the kernel has not taken yet (owned) */
	const char *rptr;      /* unread view during a batch (scratch or in) */
	size_t rlen;
	uint64_t bytes_read;
	uint64_t bytes_written;
	int fd;
	short ev_flags;        /* libevent flags currently registered */
	unsigned reading : 1;      /* wants EV_READ (not paused) */
	unsigned closed : 1;
	unsigned in_callback : 1;  /* inside the event callback */
	unsigned free_ev : 1;      /* free the event when the callback returns */
	unsigned resume_pending : 1; /* process buffered input on the next activation */
	unsigned keep_fd : 1;      /* fd belongs to someone else (a PHP stream) */
	unsigned not_socket : 1;   /* pipes and files: no MSG_NOSIGNAL */
};

/* Attach fd to the loop and start reading. Returns WM_OK or WM_ERR. */
int wm_conn_start(wm_conn_t *c, wm_loop_t *loop, int fd, const wm_conn_ops_t *ops);
void wm_conn_pause_read(wm_conn_t *c);
/* Resume; input already buffered is processed from the loop, not from this call. */
void wm_conn_resume_read(wm_conn_t *c);
/* Send the concatenation of iov. See WM_SEND_*. */
int wm_conn_send(wm_conn_t *c, const struct iovec *iov, int iovcnt);
/* Bytes waiting to be written (queued plus held for this batch). */
static inline size_t wm_conn_pending(const wm_conn_t *c)
{
	size_t n = wm_buf_size(&c->out);
	if (c->loop && c->loop->batch_conn == c) {
		n += wm_buf_size(&c->loop->batch_out);
	}
	return n;
}

/* Unread input: the view of the current batch, or the leftover buffer (owned by c). */
static inline const char *wm_conn_rdata(const wm_conn_t *c, size_t *len)
{
	if (c->rptr) {
		*len = c->rlen;
		return c->rptr;
	}
	*len = wm_buf_size(&c->in);
	return wm_buf_head(&c->in);
}

/* Drop n bytes of unread input. */
static inline void wm_conn_rconsume(wm_conn_t *c, size_t n)
{
	if (c->rptr) {
		if (n > c->rlen) {
			n = c->rlen;
		}
		c->rptr += n;
		c->rlen -= n;
		return;
	}
	wm_buf_consume(&c->in, n);
}
/* End the read batch: write what it produced. Returns WM_SEND_* for that write
 * (WM_SEND_DONE when nothing was held). */
int wm_conn_batch_end(wm_conn_t *c);
/* Close the fd (unless keep_fd), drop the event and the buffers. Idempotent. */
void wm_conn_close(wm_conn_t *c);

#endif
