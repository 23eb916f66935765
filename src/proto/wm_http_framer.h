/* HTTP/1.1 request framing on a connection: where one request ends in the bytes received so
 * far, and what to do about it. Built on wm_http_parse_head() and the chunked decoder of
 * wm_http.h; this file adds the per-connection state machine around them:
 *
 *  - the head is parsed once it is complete and then checked once per request: the
 *    caller's method filter (400) and the whole-package limit (413);
 *  - a Content-Length body is waited for without looking at the bytes again;
 *  - a chunked body is validated incrementally (each byte once, whatever the splits), then
 *    de-chunked into a buffer the framer owns when its last chunk has arrived; its raw size
 *    is bounded by max_package - head_len (413);
 *  - "Expect: 100-continue": the step says once per request, when the head is complete and
 *    the body is not, that the interim response is due;
 *  - a refusal is sticky: the connection is to be answered with the status and closed.
 *
 * Usage (one framer per connection; all-zero memory is a valid idle framer):
 *   rc = wm_http_framer_step(&f, unread, unread_len, &lim, &req, &frame);
 *   MORE      wait for more bytes (call again with the whole unread input);
 *   CONTINUE  write "HTTP/1.1 100 Continue\r\n\r\n" now, then wait as for MORE;
 *   REQUEST   req is the parsed head (slices into unread), frame.body/body_len the body;
 *             use them, consume frame.package_len bytes, then wm_http_framer_release();
 *   REFUSED   answer frame.status (frame.reason says why, for the log) and close.
 * Between steps the caller only appends to its input and consumes nothing, so offsets
 * recorded by the framer stay valid; after REQUEST the next request starts fresh. */
#ifndef WM_PROTO_WM_HTTP_FRAMER_H
#define WM_PROTO_WM_HTTP_FRAMER_H

#include <stddef.h>
#include <stdint.h>

#include "src/buf/wm_buf.h"
#include "src/proto/wm_http.h"

/* Limits and policy of one step (the caller may change them between requests). */
typedef struct wm_http_framer_limits {
	wm_http_limits_t head;  /* for wm_http_parse_head(); its max_body bounds Content-Length */
	uint64_t max_package;   /* head + body (raw chunked bytes incl. framing); over it: 413 */
	/* Accept a method? 0 refuses with 400. NULL: every method. Called once per request,
	 * when its head is complete; arg is method_arg. */
	int (*method_ok)(wm_slice_t method, void *arg);
	void *method_arg;
} wm_http_framer_limits_t;

typedef struct wm_http_framer {
	wm_http_chunked_t chunked; /* validation state over the raw chunked body */
	wm_buf_t body;             /* de-chunked body of the request just returned (owned) */
	size_t head_len;           /* > 0: the head of the request in progress was accepted */
	size_t package_len;        /* its whole length (Content-Length framing), else 0 */
	size_t chunked_fed;        /* raw chunked bytes already validated */
	int err;                   /* < 0: refused (sticky), a WM_HTTP_E_* / WM_HTTP_FRAMER_E_* code */
	unsigned char is_chunked, chunked_done, expect_continue, continue_sent;
} wm_http_framer_t;

/* Results of wm_http_framer_step(). */
enum {
	WM_HTTP_FRAME_REFUSED = -1,
	WM_HTTP_FRAME_MORE = 0,
	WM_HTTP_FRAME_REQUEST = 1,
	WM_HTTP_FRAME_CONTINUE = 2,
};

/* Refusals of the framer itself (besides the parser's WM_HTTP_E_* codes). */
enum {
	WM_HTTP_FRAMER_E_METHOD = -100,  /* 400 method_ok said no */
	WM_HTTP_FRAMER_E_PACKAGE = -101, /* 413 head + Content-Length over max_package */
	WM_HTTP_FRAMER_E_DECHUNK = -102, /* 400 a validated chunked body did not decode */
};

/* What a step found (fields not listed for a result are 0/NULL). */
typedef struct wm_http_frame {
	size_t package_len; /* REQUEST: bytes of the input the request took */
	const char *body;   /* REQUEST: into the input, or into the framer's body buffer (chunked) */
	size_t body_len;
	int err;            /* REFUSED: the code */
	int status;         /* REFUSED: the HTTP status to answer (400, 413, 414, 431, 501, 505) */
	const char *reason; /* REFUSED: short static text for the log */
} wm_http_frame_t;

/* An idle framer (same as zeroed memory). */
void wm_http_framer_init(wm_http_framer_t *f);
/* Forget the request in progress (and a refusal) and free the body buffer. */
void wm_http_framer_reset(wm_http_framer_t *f);
/* Release everything the framer owns (the body buffer); f may be reused after init. */
void wm_http_framer_free(wm_http_framer_t *f);
/* Free the de-chunked body of the request last returned (its frame.body is invalid then).
 * Inline: on the hot path there is usually nothing to free. */
static inline void wm_http_framer_release(wm_http_framer_t *f)
{
	if (f->body.data) {
		wm_buf_free(&f->body);
	}
}
/* 1 when no request is in progress: the next bytes start a new head (so a caller may
 * recognise a head it knows, e.g. a cache of the last one, without stepping). */
static inline int wm_http_framer_idle(const wm_http_framer_t *f) { return f->head_len == 0 && f->err == 0; }

/* Frame the request at the start of data (len bytes: everything received and not yet
 * consumed). req is scratch space for the head (filled on REQUEST; slices into data).
 * Returns WM_HTTP_FRAME_*; out describes it. The previous request's body buffer is
 * released first. Never consumes: frame.package_len <= len. */
int wm_http_framer_step(wm_http_framer_t *f, const char *data, size_t len, const wm_http_framer_limits_t *lim,
		wm_http_req_t *req, wm_http_frame_t *out);

/* Status for a WM_HTTP_E_* or WM_HTTP_FRAMER_E_* code (400 when unknown). */
int wm_http_framer_error_status(int err);
/* Short static reason for such a code. */
const char *wm_http_framer_error_reason(int err);

/* De-chunk a complete chunked body (raw, len bytes; no size limit) by appending its data to
 * out (owned by the caller). Returns 1 when it decoded to the final chunk and trailers,
 * 0 when raw ends early, < 0 a WM_HTTP_E_* error; out then holds what was decoded. */
int wm_http_dechunk(const char *raw, size_t len, wm_buf_t *out);

#endif
