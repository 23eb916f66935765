/* A stream connection on the loop: reads into a shared scratch or its own leftover
 * buffer, writes immediately, queues what the kernel does not take (up to a limit), and
 * coalesces the output of one read batch into one write. It can also connect (with a
 * timeout and the transport's handshake) and stream a file behind its output. Bytes travel
 * through c->transport (src/net/wm_transport.h). Memory of the struct belongs to the
 * embedder (ext/ embeds it in the PHP object); the connection owns its fd (unless keep_fd),
 * event, buffers and a file being streamed. */
#ifndef WM_NET_WM_CONN_H
#define WM_NET_WM_CONN_H

#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>

#include "src/buf/wm_buf.h"
#include "src/loop/wm_loop.h"
#include "src/net/wm_transport.h"

typedef struct wm_conn wm_conn_t;

/* How a file handed over with wm_conn_send_file ended (on_file_done). */
enum {
	WM_FILE_SENT = 0,        /* every byte of the range went into the output */
	WM_FILE_READ_FAILED = 1, /* pread failed or the file ended early (errno; 0 when short) */
	WM_FILE_SEND_FAILED = 2, /* writing to the connection failed (errno) */
	WM_FILE_DROPPED = 3,     /* a chunk was refused by the send-buffer limit (WM_SEND_DROPPED) */
};

typedef struct wm_conn_ops {
	/* Bytes arrived: read them with wm_conn_rdata/wm_conn_rconsume. Called with the
	 * connection as the loop's batch connection; end the batch with wm_conn_batch_end. */
	void (*on_data)(wm_conn_t *c);
	/* The peer closed (err 0) or the read failed (errno). */
	void (*on_eof)(wm_conn_t *c, int err);
	/* The queued output was all written (not while a file is streamed: it takes the drain). */
	void (*on_drain)(wm_conn_t *c);
	/* Writing queued output failed (errno). */
	void (*on_write_error)(wm_conn_t *c, int err);
	/* Bracket every event dispatch, so that the embedder keeps the memory of c alive
	 * while the engine still uses it after the callbacks above (may be NULL). */
	void (*hold)(wm_conn_t *c);
	void (*release)(wm_conn_t *c);
	/* wm_conn_connect finished: err 0 connected (handshake done, reading starts, queued
	 * output is flushed), else errno (ETIMEDOUT on timeout) and the fd is closed already.
	 * May be NULL for connections that never connect. */
	void (*on_connect)(wm_conn_t *c, int err);
	/* A send left at least max_send bytes queued (called from inside wm_conn_send, after
	 * the bytes were taken), once per fill: not again before the queue was written out and
	 * on_drain ran. May be NULL. */
	void (*on_full)(wm_conn_t *c);
	/* The file of wm_conn_send_file is finished (WM_FILE_*; its fd is closed already).
	 * Reading stays paused: resume or close from here. May be NULL. Never called after
	 * wm_conn_close. */
	void (*on_file_done)(wm_conn_t *c, int status);
} wm_conn_ops_t;

enum {
	WM_SEND_DONE = 0,     /* the kernel took everything */
	WM_SEND_BATCHED = 1,  /* held for the write at the end of this read batch */
	WM_SEND_QUEUED = 2,   /* part or all waits in the send buffer for writability (or the connect) */
	WM_SEND_FAILED = -1,  /* errno says why; nothing was queued */
	WM_SEND_DROPPED = -2, /* the send buffer was full (see max_send); nothing was queued */
};

/* State of what most connections never do (connect, stream a file, keep transport state),
 * allocated when first needed and freed by wm_conn_close: an idle accepted connection stays
 * small (the PHP object that embeds wm_conn_t sits in a 512-byte allocator bin). */
typedef struct wm_conn_aux {
	void *transport_state;       /* owned by the transport (e.g. TLS); NULL for plain ones */
	off_t file_pos, file_end;    /* the file being streamed (wm_conn_send_file) */
	int file_fd;                 /* owned while c->file_active */
	unsigned connect_timeout_ms; /* per wait of the connect and the handshake; 0: none */
	int connect_err;             /* a connect() failure reported from the loop */
} wm_conn_aux_t;

struct wm_conn {
	wm_loop_t *loop;
	const wm_conn_ops_t *ops;
	/* How bytes travel (not owned; static); wm_transport_plain when NULL at start/connect. */
	const wm_transport_t *transport;
	wm_conn_aux_t *aux; /* owned; NULL until needed (wm_conn_aux) */
	struct event *ev;   /* owned; one event, its flags follow what we wait for */
	wm_buf_t in;        /* leftover bytes not yet framed (owned, empty when idle) */
	wm_buf_t out;       /* bytes the kernel has not taken yet (owned) */
	const char *rptr;   /* unread view during a batch (scratch or in) */
	size_t rlen;
	uint64_t bytes_read;
	uint64_t bytes_written;
	/* Send-buffer limit (Workerman's maxSendBufferSize), on what the kernel refused (`out`),
	 * as in 3.5 whose send() writes at once: a send while out >= max_send is dropped; a send
	 * that leaves out >= max_send reports on_full, once per fill (again after out was written
	 * out). Bytes held for a batch's write never count: a send that could reach the limit
	 * writes them first. Set by the embedder (start and connect leave it alone); 0 or less
	 * drops every send made while anything is queued. */
	int64_t max_send;
	int fd;
	short ev_flags;       /* libevent flags currently registered */
	unsigned reading : 1; /* wants EV_READ (not paused) */
	unsigned closed : 1;
	unsigned in_callback : 1;    /* inside the event callback */
	unsigned free_ev : 1;        /* free the event when the callback returns */
	unsigned resume_pending : 1; /* process buffered input on the next activation */
	unsigned keep_fd : 1;        /* fd belongs to someone else (a PHP stream): close leaves it open */
	unsigned connecting : 1;     /* wm_conn_connect in progress (connect or handshake) */
	unsigned handshaking : 1;    /* connected; the transport's handshake runs */
	unsigned file_active : 1;    /* aux->file_fd is being streamed */
	unsigned full_reported : 1;  /* on_full ran since out was last empty */
	unsigned handshake_begun : 1; /* the last connect reached the transport's handshake */
};

/* Attach a connected fd to the loop and start reading, through c->transport (plain when
 * NULL; wm_transport_for_fd picks one for an fd of unknown kind). Returns WM_OK or WM_ERR. */
int wm_conn_start(wm_conn_t *c, wm_loop_t *loop, int fd, const wm_conn_ops_t *ops);
/* Connect a new non-blocking socket (owned by c) to addr (IPv4, IPv6 or unix), on loop:
 * then the transport's handshake, then ops->on_connect, always from the loop, never from
 * this call. timeout_ms (0: none) bounds each wait. Output sent meanwhile is queued and
 * flushed once connected. Returns WM_OK, or WM_ERR with errno when no socket could be
 * made (no callback then). wm_conn_close cancels (no callback). */
int wm_conn_connect(wm_conn_t *c, wm_loop_t *loop, const struct sockaddr *addr, socklen_t addrlen, unsigned timeout_ms,
	const wm_conn_ops_t *ops);
/* wm_conn_connect from a local address (PHP's socket.bindto): the socket is bound to
 * bind_addr first (SO_REUSEADDR); a failed bind is WM_ERR with errno, no callback. */
int wm_conn_connect_from(wm_conn_t *c, wm_loop_t *loop, const struct sockaddr *addr, socklen_t addrlen,
	const struct sockaddr *bind_addr, socklen_t bind_len, unsigned timeout_ms, const wm_conn_ops_t *ops);
/* Finish a connect now, as its write event would (Workerman's checkConnection()): when the
 * socket is connected, the handshake or on_connect(c, 0) follows; when it is still in
 * progress (or failed), on_connect(c, errno: ENOTCONN while in progress). Does nothing
 * unless a connect is in progress and its handshake has not started. */
void wm_conn_connect_check(wm_conn_t *c);
/* Run the transport's handshake on a started connection (an accepted TLS one): output is
 * queued and nothing is read until it is over; then ops->on_connect(c, 0), or on_connect(c,
 * errno: ETIMEDOUT when a wait passed timeout_ms, 0: none) with the fd closed already,
 * always from the loop. Returns WM_OK, or WM_ERR with errno (EINVAL: no handshake). */
int wm_conn_handshake(wm_conn_t *c, unsigned timeout_ms);
/* One handshake step now, as its event would (Workerman's doSslHandshake()); on_connect
 * follows when it ends. Returns 1 when the handshake is over (also when it was over before),
 * 0 while it needs the peer, -1 when c is closed (it failed). */
int wm_conn_handshake_step(wm_conn_t *c);
void wm_conn_pause_read(wm_conn_t *c);
/* Resume; input already buffered is processed from the loop, not from this call. */
void wm_conn_resume_read(wm_conn_t *c);
/* Send the concatenation of iov, subject to max_send (may call ops->on_full before it
 * returns). See WM_SEND_*. */
int wm_conn_send(wm_conn_t *c, const struct iovec *iov, int iovcnt);
/* Stream [start, end) of fd after the output already queued, with bounded memory (the
 * output is refilled up to min(max_send / 2, 256 KiB), or 64 KiB when max_send <= 0, on
 * drain and at the end of each read batch). Takes ownership of fd (a file already in flight
 * is closed first) and pauses reading; ops->on_file_done reports the end (possibly from
 * inside this call). */
void wm_conn_send_file(wm_conn_t *c, int fd, off_t start, off_t end);
static inline int wm_conn_file_active(const wm_conn_t *c)
{
	return c->file_active;
}
/* Offset reached in the file being (or last) streamed; 0 when none. */
static inline off_t wm_conn_file_pos(const wm_conn_t *c)
{
	return c->aux ? c->aux->file_pos : 0;
}
/* c->aux, allocated (zeroed) on first use; owned by c until wm_conn_close. */
wm_conn_aux_t *wm_conn_aux(wm_conn_t *c);
/* Bytes waiting to be written (queued plus held for this batch). */
static inline size_t wm_conn_pending(const wm_conn_t *c)
{
	size_t n = wm_buf_size(&c->out);
	if (c->loop && c->loop->batch_conn == c) {
		n += wm_buf_size(&c->loop->batch_out);
	}
	return n;
}
/* The queue the kernel refused reached the limit (Workerman's bufferIsFull()). */
static inline int wm_conn_full(const wm_conn_t *c)
{
	return (int64_t)wm_buf_size(&c->out) >= c->max_send;
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
/* End the read batch: write what it produced (not subject to max_send: those bytes were
 * accepted already). Returns WM_SEND_* for that write (WM_SEND_DONE when nothing was held). */
int wm_conn_batch_end(wm_conn_t *c);
/* Read once now and run the batch, as a read event would (Workerman's baseRead): what is
 * buffered is processed even when nothing new arrives; with check_eof 0 the peer's close or
 * a read error is not reported. A batch of another connection that is open is written first.
 * Does nothing while c is closed, connecting, or inside its own read batch (the loop reads
 * again once that batch is over). */
void wm_conn_read_now(wm_conn_t *c, int check_eof);
/* Write now, as a write event would (Workerman's baseWrite): bytes held for c's read batch,
 * then the queue; on_drain once it is empty (also when it was empty already, unless a file
 * is streamed), on_write_error when writing fails. Returns 1 when the queue was written
 * out, else 0 (also when closed or connecting). */
int wm_conn_write_now(wm_conn_t *c);
/* Close the fd through the transport (unless keep_fd), drop the event, the buffers and a
 * file being streamed; cancels a connect. No callback follows. Idempotent. */
void wm_conn_close(wm_conn_t *c);

#endif
