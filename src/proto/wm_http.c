/* HTTP/1.1 request parsing: head, Content-Length / chunked framing, helpers.
 * The rules (and why) are listed in wm_http.h. */
#include "src/proto/wm_http.h"

#include <limits.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Byte classes. */
#define CT_TOKEN  0x01 /* tchar (RFC 7230 3.2.6) */
#define CT_VALUE  0x02 /* field-value byte: HTAB, SP, VCHAR, obs-text */
#define CT_TARGET 0x04 /* request-target byte: VCHAR, obs-text */
#define CT_HOST   0x08 /* uri-host/port byte: unreserved, pct, sub-delims, ':', '[', ']' */
#define CT_HEX    0x10

static const unsigned char ctab[256] = {
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x02, 0x0f, 0x06, 0x07, 0x0f, 0x0f, 0x0f, 0x0f, 0x0e, 0x0e, 0x0f, 0x0f, 0x0e, 0x0f, 0x0f, 0x06,
	0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x0e, 0x0e, 0x06, 0x0e, 0x06, 0x06,
	0x06, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f,
	0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0e, 0x06, 0x0e, 0x07, 0x0f,
	0x07, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f,
	0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x06, 0x07, 0x06, 0x0f, 0x00,
	0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06,
	0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06,
	0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06,
	0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06,
	0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06,
	0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06,
	0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06,
	0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06, 0x06,
};

#define IS(c, cls) (ctab[(unsigned char)(c)] & (cls))
#define IS_WS(c) ((c) == ' ' || (c) == '\t')

/* Skip 16 bytes at a time while none of them is a control byte (<= 0x1f), DEL, or (when
 * stop_sp) SP: those are the only bytes that end or invalidate a field value or a request
 * target, so the byte-wise loop that follows decides about them. Values and targets are
 * most of a request head; this is where parsing time goes. */
static inline const char *skip_plain(const char *p, const char *end, int stop_sp)
{
#ifdef __SSE2__
	const __m128i c1f = _mm_set1_epi8(0x1f);
	const __m128i del = _mm_set1_epi8(0x7f);
	const __m128i sp = _mm_set1_epi8(stop_sp ? 0x20 : 0x7f);
	while (end - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i bad = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, c1f), c1f),
			_mm_or_si128(_mm_cmpeq_epi8(v, del), _mm_cmpeq_epi8(v, sp)));
		int mask = _mm_movemask_epi8(bad);
		if (mask) {
			return p + __builtin_ctz((unsigned)mask);
		}
		p += 16;
	}
#else
	(void)end;
	(void)stop_sp;
#endif
	return p;
}

static inline unsigned char lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c | 0x20) : c;
}

/* a[0..n) equals the lowercase literal l[0..n), ASCII case-insensitively. */
static int ci_eq(const char *a, const char *l, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (lower((unsigned char)a[i]) != (unsigned char)l[i]) {
			return 0;
		}
	}
	return 1;
}

#define SLICE_IS(s, lit) ((s).len == sizeof(lit) - 1 && ci_eq((s).p, lit, sizeof(lit) - 1))

static inline int hexval(unsigned char c)
{
	if (c <= '9') {
		return c - '0';
	}
	return lower(c) - 'a' + 10;
}

/* ---- request line ---- */

/* Split the request-target into path and query; absolute-form also yields the authority. */
static int parse_target(wm_http_req_t *out, wm_slice_t *authority)
{
	const char *t = out->target.p;
	size_t tlen = out->target.len;
	const char *end = t + tlen;
	const char *path;

	authority->p = NULL;
	authority->len = 0;
	if (t[0] == '/') {
		path = t;
	} else if (tlen == 1 && t[0] == '*') {
		/* Methods are case-sensitive: only "OPTIONS *". */
		if (out->method.len != 7 || memcmp(out->method.p, "OPTIONS", 7) != 0) {
			return WM_HTTP_E_TARGET;
		}
		out->path.p = t;
		out->path.len = 1;
		out->query.p = NULL;
		out->query.len = 0;
		return 0;
	} else {
		const char *a;
		if (tlen > 7 && ci_eq(t, "http://", 7)) {
			a = t + 7;
		} else if (tlen > 8 && ci_eq(t, "https://", 8)) {
			a = t + 8;
		} else {
			return WM_HTTP_E_TARGET;
		}
		path = a;
		while (path < end && *path != '/' && *path != '?' && *path != '#') {
			if (!IS(*path, CT_HOST)) {
				return WM_HTTP_E_TARGET; /* userinfo ('@') or junk in the authority */
			}
			path++;
		}
		if (path == a) {
			return WM_HTTP_E_TARGET;
		}
		authority->p = a;
		authority->len = (size_t)(path - a);
	}
	const char *q = path;
	while (q < end && *q != '?' && *q != '#') {
		q++;
	}
	out->path.p = path;
	out->path.len = (size_t)(q - path);
	if (q < end && *q == '?') {
		const char *f = ++q;
		while (f < end && *f != '#') {
			f++;
		}
		out->query.p = q;
		out->query.len = (size_t)(f - q);
	} else {
		out->query.p = NULL;
		out->query.len = 0;
	}
	return 0;
}

/* ---- header semantics ---- */

typedef struct head_state {
	wm_slice_t cl;      /* first Content-Length value */
	wm_slice_t host;    /* Host value */
	int has_cl;
	int has_host;
	int te;             /* a Transfer-Encoding header was seen (then chunked exactly once) */
	int conn_close;
	int conn_keep;
	int conn_upgrade;
	int expect_continue;
	int64_t content_length;
	uint64_t max_body;
} head_state_t;

static int on_content_length(head_state_t *hs, wm_slice_t v)
{
	if (hs->has_cl) {
		/* Duplicates only when byte-identical (so every parser frames the same). */
		if (v.len != hs->cl.len || memcmp(v.p, hs->cl.p, v.len) != 0) {
			return WM_HTTP_E_CONTENT_LENGTH;
		}
		return 0;
	}
	if (hs->te) {
		return WM_HTTP_E_TRANSFER_ENCODING;
	}
	if (v.len == 0) {
		return WM_HTTP_E_CONTENT_LENGTH;
	}
	int64_t n = 0;
	for (size_t i = 0; i < v.len; i++) {
		unsigned char c = (unsigned char)v.p[i];
		if (c < '0' || c > '9') {
			return WM_HTTP_E_CONTENT_LENGTH;
		}
		if (n > (INT64_MAX - (c - '0')) / 10) {
			return WM_HTTP_E_CONTENT_LENGTH;
		}
		n = n * 10 + (c - '0');
	}
	if ((uint64_t)n > hs->max_body) {
		return WM_HTTP_E_BODY_TOO_LARGE;
	}
	hs->has_cl = 1;
	hs->cl = v;
	hs->content_length = n;
	return 0;
}

static int on_transfer_encoding(head_state_t *hs, wm_slice_t v)
{
	const char *q = v.p, *end = v.p + v.len;

	if (hs->has_cl) {
		return WM_HTTP_E_TRANSFER_ENCODING;
	}
	for (;;) {
		while (q < end && IS_WS(*q)) {
			q++;
		}
		const char *tok = q;
		while (q < end && IS(*q, CT_TOKEN)) {
			q++;
		}
		size_t toklen = (size_t)(q - tok);
		while (q < end && IS_WS(*q)) {
			q++;
		}
		if (toklen == 0) {
			return WM_HTTP_E_TRANSFER_ENCODING; /* empty element or junk */
		}
		if (q < end && *q == ';') {
			return WM_HTTP_E_TE_UNSUPPORTED; /* transfer-parameters */
		}
		if (q < end && *q != ',') {
			return WM_HTTP_E_TRANSFER_ENCODING;
		}
		if (toklen != 7 || !ci_eq(tok, "chunked", 7)) {
			return WM_HTTP_E_TE_UNSUPPORTED;
		}
		if (hs->te) {
			return WM_HTTP_E_TRANSFER_ENCODING; /* chunked twice */
		}
		hs->te = 1;
		if (q == end) {
			return 0;
		}
		q++; /* ',' */
	}
}

static void on_connection(head_state_t *hs, wm_slice_t v)
{
	const char *q = v.p, *end = v.p + v.len;

	while (q < end) {
		while (q < end && (IS_WS(*q) || *q == ',')) {
			q++;
		}
		const char *tok = q;
		while (q < end && *q != ',') {
			q++;
		}
		const char *te = q;
		while (te > tok && IS_WS(te[-1])) {
			te--;
		}
		wm_slice_t t = {tok, (size_t)(te - tok)};
		if (SLICE_IS(t, "close")) {
			hs->conn_close = 1;
		} else if (SLICE_IS(t, "keep-alive")) {
			hs->conn_keep = 1;
		} else if (SLICE_IS(t, "upgrade")) {
			hs->conn_upgrade = 1;
		}
	}
}

static int on_header(head_state_t *hs, wm_slice_t name, wm_slice_t v)
{
	switch (name.len) {
	case 4:
		if (ci_eq(name.p, "host", 4)) {
			if (hs->has_host) {
				return WM_HTTP_E_HOST;
			}
			for (size_t i = 0; i < v.len; i++) {
				if (!IS(v.p[i], CT_HOST)) {
					return WM_HTTP_E_HOST;
				}
			}
			hs->has_host = 1;
			hs->host = v;
		}
		break;
	case 6:
		if (ci_eq(name.p, "expect", 6) && SLICE_IS(v, "100-continue")) {
			hs->expect_continue = 1;
		}
		break;
	case 10:
		if (ci_eq(name.p, "connection", 10)) {
			on_connection(hs, v);
		}
		break;
	case 14:
		if (ci_eq(name.p, "content-length", 14)) {
			return on_content_length(hs, v);
		}
		break;
	case 17:
		if (ci_eq(name.p, "transfer-encoding", 17)) {
			return on_transfer_encoding(hs, v);
		}
		break;
	}
	return 0;
}

/* ---- the head ---- */

int wm_http_parse_head(const char *buf, size_t len, const wm_http_limits_t *lim, wm_http_req_t *out)
{
	static const wm_http_limits_t defaults = WM_HTTP_LIMITS_DEFAULT;
	const char *p, *end;
	int in_request_line = 1;
	int full;
	int rc;

	if (!lim) {
		lim = &defaults;
	}
	size_t max_head = lim->max_head > INT_MAX ? INT_MAX : lim->max_head;
	unsigned max_headers = lim->max_headers > WM_HTTP_MAX_HEADERS ? WM_HTTP_MAX_HEADERS : lim->max_headers;

	/* Only the first max_head bytes matter: needing more beyond them is an error. */
	full = len >= max_head;
	if (len > max_head) {
		len = max_head;
	}
	out->nheaders = 0;
	if (len == 0) {
		goto need_more;
	}
	p = buf;
	end = buf + len;

	/* Empty lines before the request line. */
	while (*p == '\r') {
		if (end - p < 2) {
			goto need_more;
		}
		if (p[1] != '\n') {
			return WM_HTTP_E_LINE_END;
		}
		p += 2;
		if (p == end) {
			goto need_more;
		}
	}
	if (*p == '\n') {
		return WM_HTTP_E_LINE_END;
	}

	/* method SP */
	const char *m = p;
	while (p < end && IS(*p, CT_TOKEN)) {
		p++;
	}
	if (p == end) {
		goto need_more;
	}
	if (*p != ' ' || p == m) {
		return WM_HTTP_E_METHOD;
	}
	out->method.p = m;
	out->method.len = (size_t)(p - m);

	/* request-target SP */
	const char *t = ++p;
	p = skip_plain(p, end, 1);
	while (p < end && IS(*p, CT_TARGET)) {
		p++;
	}
	if (p == end) {
		goto need_more;
	}
	if (p == t) {
		return WM_HTTP_E_TARGET;
	}
	if (*p != ' ') {
		/* "GET /\r\n" (HTTP/0.9) has no version; anything else is junk in the target. */
		return *p == '\r' ? WM_HTTP_E_VERSION : WM_HTTP_E_TARGET;
	}
	out->target.p = t;
	out->target.len = (size_t)(p - t);

	/* HTTP-version CRLF: "HTTP/" DIGIT "." DIGIT */
	p++;
	for (int i = 0; i < 10; i++) {
		if (p + i == end) {
			goto need_more;
		}
		unsigned char c = (unsigned char)p[i];
		int ok;
		if (i < 5) {
			ok = c == (unsigned char)"HTTP/"[i];
		} else if (i == 5 || i == 7) {
			ok = c >= '0' && c <= '9';
		} else if (i == 6) {
			ok = c == '.';
		} else if (i == 8) {
			if (c == '\n') {
				return WM_HTTP_E_LINE_END;
			}
			ok = c == '\r';
		} else {
			if (c != '\n') {
				return WM_HTTP_E_LINE_END;
			}
			ok = 1;
		}
		if (!ok) {
			return WM_HTTP_E_VERSION;
		}
	}
	if (p[5] != '1' || (p[7] != '0' && p[7] != '1')) {
		return WM_HTTP_E_VERSION_UNSUPPORTED;
	}
	out->version = p[7] == '1' ? 11 : 10;
	p += 10;
	in_request_line = 0;

	wm_slice_t authority;
	rc = parse_target(out, &authority);
	if (rc < 0) {
		return rc;
	}

	/* header-field CRLF ... CRLF */
	head_state_t hs;
	memset(&hs, 0, sizeof(hs));
	hs.content_length = -1;
	hs.max_body = lim->max_body;
	for (;;) {
		if (p == end) {
			goto need_more;
		}
		if (*p == '\r') {
			if (end - p < 2) {
				goto need_more;
			}
			if (p[1] != '\n') {
				return WM_HTTP_E_LINE_END;
			}
			p += 2;
			break;
		}
		if (IS_WS(*p)) {
			return WM_HTTP_E_OBS_FOLD;
		}
		if (*p == '\n') {
			return WM_HTTP_E_LINE_END;
		}
		if (out->nheaders >= max_headers) {
			return WM_HTTP_E_TOO_MANY_HEADERS;
		}
		const char *name = p;
		while (p < end && IS(*p, CT_TOKEN)) {
			p++;
		}
		if (p == end) {
			goto need_more;
		}
		if (*p != ':' || p == name) {
			return WM_HTTP_E_HEADER; /* includes whitespace before the colon */
		}
		wm_http_header_t *h = &out->headers[out->nheaders];
		h->name.p = name;
		h->name.len = (size_t)(p - name);
		p++;
		while (p < end && IS_WS(*p)) {
			p++;
		}
		const char *v = p;
		p = skip_plain(p, end, 0);
		while (p < end && IS(*p, CT_VALUE)) {
			p++;
		}
		if (p == end) {
			goto need_more;
		}
		if (*p != '\r') {
			return *p == '\n' ? WM_HTTP_E_LINE_END : WM_HTTP_E_HEADER;
		}
		if (end - p < 2) {
			goto need_more;
		}
		if (p[1] != '\n') {
			return WM_HTTP_E_LINE_END;
		}
		const char *ve = p;
		while (ve > v && IS_WS(ve[-1])) {
			ve--;
		}
		h->value.p = v;
		h->value.len = (size_t)(ve - v);
		p += 2;
		out->nheaders++;
		rc = on_header(&hs, h->name, h->value);
		if (rc < 0) {
			return rc;
		}
	}

	/* The head is complete. */
	if (out->version == 11 && !hs.has_host && !(lim->flags & WM_HTTP_HOST_OPTIONAL)) {
		return WM_HTTP_E_HOST;
	}
	if (hs.te && out->version == 10) {
		return WM_HTTP_E_TRANSFER_ENCODING;
	}
	out->head_len = (size_t)(p - buf);
	if (authority.p) {
		out->host = authority;
	} else if (hs.has_host) {
		out->host = hs.host;
	} else {
		out->host.p = NULL;
		out->host.len = 0;
	}
	out->chunked = hs.te;
	out->content_length = hs.content_length;
	if (hs.te) {
		out->body_len = -1;
		out->package_len = -1;
	} else {
		out->body_len = hs.has_cl ? hs.content_length : 0;
		out->package_len = (int64_t)out->head_len + out->body_len;
	}
	if (out->version == 11) {
		out->keep_alive = !hs.conn_close;
		out->expect_continue = hs.expect_continue;
	} else {
		out->keep_alive = hs.conn_keep && !hs.conn_close;
		out->expect_continue = 0;
	}
	out->upgrade = hs.conn_upgrade;
	return (int)out->head_len;

need_more:
	if (full) {
		return in_request_line ? WM_HTTP_E_URI_TOO_LONG : WM_HTTP_E_HEAD_TOO_LARGE;
	}
	return 0;
}

/* ---- errors, status texts ---- */

static const struct {
	int status;
	const char *reason;
} errors[] = {
	{400, "bad request"},
	{400, "invalid method"},                          /* -1 */
	{400, "invalid request-target"},                  /* -2 */
	{400, "malformed HTTP version"},                  /* -3 */
	{505, "HTTP version not supported"},              /* -4 */
	{400, "bare CR or LF"},                           /* -5 */
	{400, "malformed header field"},                  /* -6 */
	{400, "obsolete line folding"},                   /* -7 */
	{400, "missing, duplicate or invalid Host"},      /* -8 */
	{400, "invalid Content-Length"},                  /* -9 */
	{400, "invalid Transfer-Encoding"},               /* -10 */
	{501, "unsupported transfer coding"},             /* -11 */
	{414, "request line too long"},                   /* -12 */
	{431, "request head too large"},                  /* -13 */
	{431, "too many header fields"},                  /* -14 */
	{413, "body too large"},                          /* -15 */
	{400, "malformed chunked body"},                  /* -16 */
	{400, "chunk size overflow"},                     /* -17 */
	{431, "trailer section too large"},               /* -18 */
};

int wm_http_error_status(int err)
{
	if (err < 0 && err >= WM_HTTP_E_LAST) {
		return errors[-err].status;
	}
	return 400;
}

const char *wm_http_error_reason(int err)
{
	if (err < 0 && err >= WM_HTTP_E_LAST) {
		return errors[-err].reason;
	}
	return errors[0].reason;
}

const char *wm_http_status_text(int code)
{
	switch (code) {
	case 100: return "Continue";
	case 101: return "Switching Protocols";
	case 200: return "OK";
	case 201: return "Created";
	case 202: return "Accepted";
	case 203: return "Non-Authoritative Information";
	case 204: return "No Content";
	case 205: return "Reset Content";
	case 206: return "Partial Content";
	case 300: return "Multiple Choices";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 305: return "Use Proxy";
	case 306: return "(Unused)";
	case 307: return "Temporary Redirect";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 402: return "Payment Required";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 406: return "Not Acceptable";
	case 407: return "Proxy Authentication Required";
	case 408: return "Request Timeout";
	case 409: return "Conflict";
	case 410: return "Gone";
	case 411: return "Length Required";
	case 412: return "Precondition Failed";
	case 413: return "Request Entity Too Large";
	case 414: return "Request-URI Too Long";
	case 415: return "Unsupported Media Type";
	case 416: return "Requested Range Not Satisfiable";
	case 417: return "Expectation Failed";
	case 422: return "Unprocessable Entity";
	case 423: return "Locked";
	case 431: return "Request Header Fields Too Large";
	case 500: return "Internal Server Error";
	case 501: return "Not Implemented";
	case 502: return "Bad Gateway";
	case 503: return "Service Unavailable";
	case 504: return "Gateway Timeout";
	case 505: return "HTTP Version Not Supported";
	}
	return NULL;
}

/* ---- helpers ---- */

const wm_http_header_t *wm_http_header_findn(const wm_http_req_t *req, const char *name, size_t len)
{
	for (unsigned i = 0; i < req->nheaders; i++) {
		const wm_http_header_t *h = &req->headers[i];
		if (h->name.len != len) {
			continue;
		}
		size_t j;
		for (j = 0; j < len; j++) {
			if (lower((unsigned char)h->name.p[j]) != lower((unsigned char)name[j])) {
				break;
			}
		}
		if (j == len) {
			return h;
		}
	}
	return NULL;
}

const wm_http_header_t *wm_http_header_find(const wm_http_req_t *req, const char *name)
{
	return wm_http_header_findn(req, name, strlen(name));
}

size_t wm_url_decode(char *s, size_t len, int plus_is_space)
{
	size_t r, w = 0;

	for (r = 0; r < len; r++) {
		char c = s[r];
		if (c == '+' && plus_is_space) {
			c = ' ';
		} else if (c == '%' && len - r > 2 && IS(s[r + 1], CT_HEX) && IS(s[r + 2], CT_HEX)) {
			c = (char)(hexval((unsigned char)s[r + 1]) << 4 | hexval((unsigned char)s[r + 2]));
			r += 2;
		}
		s[w++] = c;
	}
	return w;
}

/* ---- chunked bodies ---- */

enum {
	CS_SIZE_START,  /* first hex digit of a chunk-size */
	CS_SIZE,        /* more hex digits */
	CS_SIZE_WS,     /* BWS between the size and ';' */
	CS_EXT,         /* chunk extensions, skipped */
	CS_SIZE_LF,     /* LF ending the size line */
	CS_DATA,
	CS_DATA_CR,
	CS_DATA_LF,
	CS_TRAILER_START, /* start of a trailer line or of the final CRLF */
	CS_TRAILER_NAME,
	CS_TRAILER_VALUE,
	CS_TRAILER_LF,
	CS_END_LF,      /* LF of the final CRLF */
	CS_DONE,
	CS_ERROR,
};

void wm_http_chunked_init(wm_http_chunked_t *st, const wm_http_limits_t *lim)
{
	static const wm_http_limits_t defaults = WM_HTTP_LIMITS_DEFAULT;

	if (!lim) {
		lim = &defaults;
	}
	memset(st, 0, sizeof(*st));
	st->state = CS_SIZE_START;
	st->max_body = lim->max_body;
	st->max_trailer = lim->max_head;
}

int wm_http_chunked_feed(wm_http_chunked_t *st, const char *buf, size_t len, wm_buf_t *out_body,
		size_t *consumed)
{
	size_t i = 0;
	int err;

	*consumed = 0;
	if (st->state == CS_DONE) {
		return 1;
	}
	if (st->state == CS_ERROR) {
		return st->err;
	}
	/* Raw bytes this call may still consume. */
	uint64_t budget = st->max_body - st->raw_len;

	while (i < len) {
		unsigned char c = (unsigned char)buf[i];

		if (i >= budget) {
			err = WM_HTTP_E_BODY_TOO_LARGE;
			goto fail;
		}
		switch (st->state) {
		case CS_SIZE_START:
			if (!IS(c, CT_HEX)) {
				err = WM_HTTP_E_CHUNK;
				goto fail;
			}
			st->size = (uint64_t)hexval(c);
			st->state = CS_SIZE;
			break;
		case CS_SIZE:
			if (IS(c, CT_HEX)) {
				if (st->size >> 59) { /* size * 16 + digit would reach 2^63 */
					err = WM_HTTP_E_CHUNK_OVERFLOW;
					goto fail;
				}
				st->size = st->size << 4 | (uint64_t)hexval(c);
			} else if (c == '\r') {
				st->state = CS_SIZE_LF;
			} else if (c == ';') {
				st->state = CS_EXT;
			} else if (IS_WS(c)) {
				st->state = CS_SIZE_WS;
			} else {
				err = WM_HTTP_E_CHUNK;
				goto fail;
			}
			break;
		case CS_SIZE_WS:
			if (c == ';') {
				st->state = CS_EXT;
			} else if (!IS_WS(c)) {
				err = WM_HTTP_E_CHUNK;
				goto fail;
			}
			break;
		case CS_EXT:
			if (c == '\r') {
				st->state = CS_SIZE_LF;
			} else if (!IS(c, CT_VALUE)) {
				err = WM_HTTP_E_CHUNK;
				goto fail;
			}
			break;
		case CS_SIZE_LF:
			if (c != '\n') {
				err = WM_HTTP_E_CHUNK;
				goto fail;
			}
			if (st->size == 0) {
				st->state = CS_TRAILER_START;
			} else if (st->size > budget - i - 1) {
				err = WM_HTTP_E_BODY_TOO_LARGE;
				goto fail;
			} else {
				st->state = CS_DATA;
			}
			break;
		case CS_DATA: {
			size_t n = len - i;
			if ((uint64_t)n > st->size) {
				n = (size_t)st->size;
			}
			if ((uint64_t)n > budget - i) {
				err = WM_HTTP_E_BODY_TOO_LARGE;
				goto fail;
			}
			if (out_body) {
				wm_buf_append(out_body, buf + i, n);
			}
			st->size -= n;
			st->body_len += n;
			if (st->size == 0) {
				st->state = CS_DATA_CR;
			}
			i += n;
			continue;
		}
		case CS_DATA_CR:
			if (c != '\r') {
				err = WM_HTTP_E_CHUNK;
				goto fail;
			}
			st->state = CS_DATA_LF;
			break;
		case CS_DATA_LF:
			if (c != '\n') {
				err = WM_HTTP_E_CHUNK;
				goto fail;
			}
			st->state = CS_SIZE_START;
			break;
		case CS_TRAILER_START:
			if (c == '\r') {
				st->state = CS_END_LF;
				break;
			}
			if (!IS(c, CT_TOKEN)) {
				err = WM_HTTP_E_CHUNK; /* obs-fold, bare LF, junk */
				goto fail;
			}
			st->state = CS_TRAILER_NAME;
			goto trailer_byte;
		case CS_TRAILER_NAME:
			if (c == ':') {
				st->state = CS_TRAILER_VALUE;
			} else if (!IS(c, CT_TOKEN)) {
				err = WM_HTTP_E_CHUNK;
				goto fail;
			}
			goto trailer_byte;
		case CS_TRAILER_VALUE:
			if (c == '\r') {
				st->state = CS_TRAILER_LF;
			} else if (!IS(c, CT_VALUE)) {
				err = WM_HTTP_E_CHUNK;
				goto fail;
			}
			goto trailer_byte;
		case CS_TRAILER_LF:
			if (c != '\n') {
				err = WM_HTTP_E_CHUNK;
				goto fail;
			}
			st->state = CS_TRAILER_START;
			goto trailer_byte;
		case CS_END_LF:
			if (c != '\n') {
				err = WM_HTTP_E_CHUNK;
				goto fail;
			}
			i++;
			st->state = CS_DONE;
			st->raw_len += i;
			*consumed = i;
			return 1;
		default:
			err = WM_HTTP_E_CHUNK;
			goto fail;
		}
		i++;
		continue;
trailer_byte:
		if (++st->trailer_len > st->max_trailer) {
			err = WM_HTTP_E_TRAILERS_TOO_LARGE;
			goto fail;
		}
		i++;
	}
	st->raw_len += i;
	*consumed = i;
	return 0;

fail:
	st->raw_len += i;
	st->state = CS_ERROR;
	st->err = err;
	*consumed = i;
	return err;
}
