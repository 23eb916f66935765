/* HTTP/1.1 request side: a strict, allocation-free parser of the request head that
 * slices into the caller's buffer, body framing (Content-Length, chunked decoder) and
 * small helpers (header lookup, urldecode, status texts).
 *
 * Usage by a connection: call wm_http_parse_head() with the whole unread receive buffer
 * each time bytes arrive. 0 = need more; > 0 = the head is complete (head_len bytes);
 * < 0 = reject the request with wm_http_error_status(err) and close the connection.
 * Then the package is package_len bytes (Content-Length or no body), or, for
 * chunked bodies, feed the bytes after the head to wm_http_chunked_feed().
 * src/proto/wm_http_framer.h does all of this for a connection (per-request checks,
 * 100-continue, de-chunking, refusals).
 *
 * Decisions (strict, so that no two parsers disagree on where a request ends):
 *  - Lines end with CRLF only. A bare LF, or a CR not followed by LF, anywhere in the head,
 *    the chunked framing or the trailers is an error (400), never a line end.
 *  - Empty lines (CRLF) before the request line are skipped (RFC 7230 3.5); they count
 *    in head_len.
 *  - Request line: method SP request-target SP HTTP-version, single spaces. The method is
 *    any token (not limited to GET/POST/...: the binding decides). The target has no
 *    control characters, SP or DEL (bytes >= 0x80 are accepted); it is origin-form
 *    ("/..."), "*" (OPTIONS only) or absolute-form "http://authority/..." or
 *    "https://..." (scheme case-insensitive; then host is the URI's authority and path
 *    may be empty, meaning "/"). authority-form (CONNECT) is rejected.
 *  - Version: exactly "HTTP/1.0" or "HTTP/1.1"; any other "HTTP/d.d" is 505, anything
 *    else 400.
 *  - Header lines: name is a token immediately followed by ':' (whitespace before the
 *    colon: 400); leading whitespace on a line (obs-fold): 400; value bytes are HTAB, SP,
 *    visible ASCII and obs-text (>= 0x80), anything else (NUL, CTLs, DEL): 400; the value
 *    slice has leading/trailing SP/HTAB trimmed.
 *  - HTTP/1.1 requires a Host header (RFC 7230 5.4) unless lim->flags has
 *    WM_HTTP_HOST_OPTIONAL (Workerman 3.5 never required it); several Host headers or a
 *    Host value with characters outside a URI authority are 400 in any version.
 *  - Content-Length: 1*DIGIT (leading zeros allowed) below 2^63, nothing else (no sign,
 *    no inner spaces, no comma list): else 400. Duplicates are accepted only when
 *    byte-identical; different values: 400. Value > max_body: 413.
 *  - Transfer-Encoding (all such headers form one comma list): accepted only when the list
 *    is exactly one "chunked" (case-insensitive). Another coding (gzip, ..., also
 *    transfer-parameters): 501; "chunked" twice, empty or malformed elements: 400.
 *    Transfer-Encoding in an HTTP/1.0 request, or together with Content-Length: 400.
 *  - No Content-Length and no Transfer-Encoding: the body is empty, for every method
 *    (unlike Workerman 3.5, GET bodies announced by Content-Length are framed as bodies).
 *  - keep_alive: HTTP/1.1 keeps unless a Connection token is "close"; HTTP/1.0 closes
 *    unless a token is "keep-alive" (and none is "close"). Tokens are case-insensitive,
 *    comma-separated, over every Connection header.
 *  - expect_continue: HTTP/1.1 and an Expect value of "100-continue" (case-insensitive);
 *    other expectations are ignored.
 *  - Limits (wm_http_limits_t, NULL = defaults): max_head 16384 bytes (request line not
 *    finished within it: 414, else 431), max_headers 100 (431), max_body 10 MiB (the
 *    Content-Length value, or the raw chunked body bytes incl. sizes, extensions and
 *    trailers: 413; trailers alone are also bounded by max_head: 431). max_body bounds
 *    the body only: against a whole-package limit (maxPackageSize), also compare
 *    package_len, and give the chunked decoder max_body = maxPackageSize - head_len.
 */
#ifndef WM_PROTO_WM_HTTP_H
#define WM_PROTO_WM_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "src/buf/wm_buf.h"

/* A piece of someone else's memory. p == NULL (len 0) means "absent". */
typedef struct wm_slice {
	const char *p;
	size_t len;
} wm_slice_t;

#define WM_HTTP_MAX_HEADERS 100

typedef struct wm_http_header {
	wm_slice_t name;   /* as received (compare case-insensitively) */
	wm_slice_t value;  /* OWS-trimmed; may be empty */
} wm_http_header_t;

typedef struct wm_http_limits {
	size_t max_head;      /* bytes up to and including the blank line */
	unsigned max_headers; /* header fields; clamped to WM_HTTP_MAX_HEADERS */
	uint64_t max_body;    /* Content-Length value / raw chunked body bytes */
	unsigned flags;       /* WM_HTTP_* options below */
} wm_http_limits_t;

#define WM_HTTP_HOST_OPTIONAL 0x1 /* accept HTTP/1.1 requests without Host */

#define WM_HTTP_DEFAULT_MAX_HEAD 16384
#define WM_HTTP_DEFAULT_MAX_BODY 10485760 /* Workerman's default maxPackageSize */
#define WM_HTTP_LIMITS_DEFAULT {WM_HTTP_DEFAULT_MAX_HEAD, WM_HTTP_MAX_HEADERS, WM_HTTP_DEFAULT_MAX_BODY, 0}

/* A parsed request head. Every slice points into the buffer given to wm_http_parse_head()
 * (valid while it is); contents are unspecified unless the parse returned > 0. */
typedef struct wm_http_req {
	wm_slice_t method;
	wm_slice_t target;   /* the request-target as received */
	wm_slice_t path;     /* target up to '?' or '#'; "*" for OPTIONS *; may be empty (absolute-form) */
	wm_slice_t query;    /* after '?' up to '#'; p == NULL without '?' */
	wm_slice_t host;     /* Host value, or the authority of an absolute-form target; NULL if none */
	int version;         /* 10 or 11 */
	int keep_alive;      /* 1: the connection stays open after the response */
	int chunked;         /* 1: Transfer-Encoding: chunked, use wm_http_chunked_* */
	int expect_continue; /* 1: send "100 Continue" before reading the body */
	int upgrade;         /* 1: a Connection token is "upgrade" */
	int64_t content_length; /* -1: no Content-Length header */
	size_t head_len;     /* bytes of the head incl. the blank line (= the return value) */
	int64_t body_len;    /* Content-Length, 0 without body, -1 chunked (not known yet) */
	int64_t package_len; /* head_len + body_len; -1 chunked */
	unsigned nheaders;
	wm_http_header_t headers[WM_HTTP_MAX_HEADERS];
} wm_http_req_t;

/* Errors (negative); each maps to a status and a reason. */
enum {
	WM_HTTP_E_METHOD = -1,          /* 400 invalid method token */
	WM_HTTP_E_TARGET = -2,          /* 400 invalid request-target */
	WM_HTTP_E_VERSION = -3,         /* 400 malformed HTTP-version */
	WM_HTTP_E_VERSION_UNSUPPORTED = -4, /* 505 */
	WM_HTTP_E_LINE_END = -5,        /* 400 bare LF or CR */
	WM_HTTP_E_HEADER = -6,          /* 400 malformed header field */
	WM_HTTP_E_OBS_FOLD = -7,        /* 400 folded header line */
	WM_HTTP_E_HOST = -8,            /* 400 missing, duplicate or invalid Host */
	WM_HTTP_E_CONTENT_LENGTH = -9,  /* 400 invalid or conflicting Content-Length */
	WM_HTTP_E_TRANSFER_ENCODING = -10, /* 400 malformed TE, TE + CL, TE in HTTP/1.0 */
	WM_HTTP_E_TE_UNSUPPORTED = -11, /* 501 transfer coding other than chunked */
	WM_HTTP_E_URI_TOO_LONG = -12,   /* 414 request line longer than max_head */
	WM_HTTP_E_HEAD_TOO_LARGE = -13, /* 431 head longer than max_head */
	WM_HTTP_E_TOO_MANY_HEADERS = -14, /* 431 more than max_headers */
	WM_HTTP_E_BODY_TOO_LARGE = -15, /* 413 body over max_body */
	WM_HTTP_E_CHUNK = -16,          /* 400 malformed chunked framing or trailer */
	WM_HTTP_E_CHUNK_OVERFLOW = -17, /* 400 chunk size >= 2^63 */
	WM_HTTP_E_TRAILERS_TOO_LARGE = -18, /* 431 trailers longer than max_head */
};
#define WM_HTTP_E_LAST WM_HTTP_E_TRAILERS_TOO_LARGE

/* Parse the request head at the start of buf (len bytes, NULL allowed when len is 0).
 * Returns head_len > 0 when complete, 0 when more bytes are needed (then fewer than
 * max_head bytes were given), < 0 a WM_HTTP_E_* error. lim NULL = defaults. Allocates
 * nothing; the slices in out point into buf. The result only depends on the first
 * min(len, max_head) bytes, and more bytes never change a result other than 0. */
int wm_http_parse_head(const char *buf, size_t len, const wm_http_limits_t *lim, wm_http_req_t *out);

/* Total bytes of the request (head + Content-Length body), or -1 for chunked bodies. */
static inline int64_t wm_http_package_length(const wm_http_req_t *req) { return req->package_len; }

/* Status code for an error (400, 413, 414, 431, 501, 505; 400 for unknown codes). */
int wm_http_error_status(int err);
/* Short static reason for an error, e.g. "bare LF in head" (static storage). */
const char *wm_http_error_reason(int err);
/* Reason phrase of a status code ("OK", "Not Found"; Workerman 3.5's table plus 431),
 * or NULL for an unknown code (static storage). */
const char *wm_http_status_text(int code);

/* First header named name (case-insensitive; NUL-terminated), or NULL. The pointer is
 * into req->headers. */
const wm_http_header_t *wm_http_header_find(const wm_http_req_t *req, const char *name);
/* Same with an explicit name length. */
const wm_http_header_t *wm_http_header_findn(const wm_http_req_t *req, const char *name, size_t len);

/* Decode %XX (and '+' as space when plus_is_space: urldecode; else rawurldecode) in
 * place; an invalid '%' sequence is kept as is. Returns the new length (<= len). */
size_t wm_url_decode(char *s, size_t len, int plus_is_space);

/* Incremental decoder of a chunked body (RFC 7230 4.1). Chunk extensions and trailer
 * fields are validated loosely and skipped. State is plain data: no cleanup needed. */
typedef struct wm_http_chunked {
	int state;
	int err;             /* sticky error once the state is the error state */
	uint64_t size;       /* chunk size being read / data bytes left in the chunk */
	uint64_t raw_len;    /* raw bytes consumed so far (all calls) */
	uint64_t body_len;   /* decoded data bytes so far */
	uint64_t max_body;   /* limit on raw_len (413) */
	size_t trailer_len;  /* bytes of trailer section so far */
	size_t max_trailer;  /* limit on trailer_len (431) */
} wm_http_chunked_t;

/* Prepare st; lim NULL = defaults (max_body for the raw body, max_head for trailers). */
void wm_http_chunked_init(wm_http_chunked_t *st, const wm_http_limits_t *lim);
/* Feed the next len bytes of the raw body. Data bytes are appended to out_body (may be
 * NULL: framing and validation only). *consumed = bytes of buf used by this call: all of
 * len when 0 is returned, up to and including the final CRLF when 1 is returned (the
 * next request starts there). Returns 1 done (st->raw_len = whole chunked body),
 * 0 need more, < 0 a WM_HTTP_E_* error (sticky: later calls return it again). */
int wm_http_chunked_feed(wm_http_chunked_t *st, const char *buf, size_t len, wm_buf_t *out_body,
		size_t *consumed);

#endif
