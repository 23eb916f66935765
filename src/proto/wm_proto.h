/* The protocol seam. Every connection, whatever it speaks, frames its input and encodes its
 * output through one `const wm_proto_ops_t *` and one state pointer (wm_proto_conn_t).
 * Adding a protocol adds a vtable, not a branch in the connection code.
 *
 * Implementations: Text (src/proto/wm_text.c) in C; Http and "a PHP class with static
 * input/decode/encode" in ext/, because their messages are PHP values. Values that belong
 * to the embedder (a zval in ext/) pass through src/ as `void *` and are never looked into.
 *
 * The read loop (the embedder's, because every message ends in a callback) does, per frame:
 *   n = input(pc, unread, len)   > 0: frame length; 0: need more; < 0: WM_PROTO_E_*
 *   the frame is consumed from the connection's unread input, then
 *   decode(pc, frame, n, &msg)   the frame's bytes stay valid during the call
 * and send() does encode(pc, payload, &out), then writes out.iov. */
#ifndef WM_PROTO_WM_PROTO_H
#define WM_PROTO_WM_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

typedef struct wm_conn wm_conn_t;
typedef struct wm_proto_ops wm_proto_ops_t;

/* Results of the ops (negative = failure). */
enum {
	WM_PROTO_OK = 0,
	WM_PROTO_EMPTY = 1,         /* encode: nothing to send (send() reports null) */
	WM_PROTO_E_BAD = -1,        /* input: malformed or oversized frame (logged by the protocol):
	                             * drop the connection */
	WM_PROTO_E_CLOSE = -2,      /* input: close the connection gracefully (queued output goes out) */
	WM_PROTO_E_HANDLED = -3,    /* the op answered and closed the connection itself, or an
	                             * embedder exception is pending: stop processing */
	WM_PROTO_E_REFUSED = -4,    /* encode: the payload can't be sent (send() reports false) */
};

/* One connection's protocol: what it speaks, its state, and the generic framing state the
 * read loop keeps for every protocol (Workerman's _currentPackageLength). Embedded in the
 * embedder's connection. */
typedef struct wm_proto_conn {
	const wm_proto_ops_t *ops;  /* NULL: raw bytes, no framing */
	void *state;                /* owned, ops->state_size bytes (NULL when 0) */
	const void *arg;            /* what the state was initialised with (not owned) */
	wm_conn_t *io;              /* the stream it frames (not owned) */
	int64_t max_package;        /* maxPackageSize of the connection */
	size_t package_len;         /* length input() announced for the frame being received */
} wm_proto_conn_t;

/* A decoded message: bytes (src/ protocols) or the embedder's value (embedder protocols). */
typedef struct wm_proto_msg {
	const char *data;           /* a view, valid during the dispatch of this message */
	size_t len;
	/* On entry: storage the embedder offers for a value of its own (a zval in ext/). On
	 * return: still set when decode put the message there (the embedder owns it), NULL when
	 * the message is the bytes data/len. */
	void *value;
} wm_proto_msg_t;

/* What send() hands to encode: the embedder's value, and its bytes — given at once when the
 * value is bytes already (the common case), else converted by bytes() on first use (the
 * conversion belongs to the payload and is released by the embedder). */
typedef struct wm_proto_payload wm_proto_payload_t;
struct wm_proto_payload {
	void *value;
	const char *data;           /* NULL until known */
	size_t len;
	const char *(*bytes)(wm_proto_payload_t *pl, size_t *len);
	void *tmp;                  /* the embedder's conversion, if any */
};

static inline const char *wm_proto_payload_bytes(wm_proto_payload_t *pl, size_t *len)
{
	if (pl->data) {
		*len = pl->len;
		return pl->data;
	}
	return pl->bytes(pl, len);
}

/* Where encode puts the bytes to send. The iov point into memory that stays valid until the
 * connection has taken them: the payload's, the state's, the ops' static data, or `hold`
 * (embedder memory the embedder releases after the write). */
#define WM_PROTO_OUT_IOV 4
typedef struct wm_proto_out {
	struct iovec iov[WM_PROTO_OUT_IOV];
	int iovcnt;
	void *hold[2];
	bool close_after;           /* close the connection once this is written */
} wm_proto_out_t;

struct wm_proto_ops {
	const char *name;
	size_t state_size;
	/* State lifecycle (optional): init after the state was zeroed; free before it goes. */
	void (*init)(wm_proto_conn_t *pc);
	void (*free)(wm_proto_conn_t *pc);
	int64_t (*input)(wm_proto_conn_t *pc, const char *data, size_t len);
	/* WM_PROTO_OK with msg filled, or WM_PROTO_E_HANDLED. */
	int (*decode)(wm_proto_conn_t *pc, const char *frame, size_t len, wm_proto_msg_t *msg);
	/* WM_PROTO_OK with out filled, WM_PROTO_EMPTY, WM_PROTO_E_REFUSED or WM_PROTO_E_HANDLED. */
	int (*encode)(wm_proto_conn_t *pc, wm_proto_payload_t *pl, wm_proto_out_t *out);
	/* Optional hooks: the connection is established (a protocol with a handshake sends its
	 * greeting or starts waiting here), and the connection closed (before free). */
	void (*on_open)(wm_proto_conn_t *pc);
	void (*on_close)(wm_proto_conn_t *pc);
};

/* Switch pc to ops (NULL = raw), initialised with arg: the old state is freed first.
 * A no-op when pc already speaks ops with arg. */
void wm_proto_conn_set(wm_proto_conn_t *pc, const wm_proto_ops_t *ops, const void *arg);
/* Free the state (on_close is not called: the embedder calls it where the close happens). */
void wm_proto_conn_clear(wm_proto_conn_t *pc);

/* The Text protocol (src/proto/wm_text.c). */
extern const wm_proto_ops_t wm_proto_text;

#endif
