/* HTTP/1.1 request framing state machine (see wm_http_framer.h). */
#include "src/proto/wm_http_framer.h"

#include <string.h>

void wm_http_framer_init(wm_http_framer_t *f)
{
	memset(f, 0, sizeof(*f));
}

/* The request in progress is over (returned or forgotten); the body buffer is kept. */
static void next_request(wm_http_framer_t *f)
{
	f->head_len = 0;
	f->package_len = 0;
	f->chunked_fed = 0;
	f->is_chunked = 0;
	f->chunked_done = 0;
	f->expect_continue = 0;
	f->continue_sent = 0;
}

void wm_http_framer_reset(wm_http_framer_t *f)
{
	wm_http_framer_release(f);
	next_request(f);
	f->err = 0;
}

void wm_http_framer_free(wm_http_framer_t *f)
{
	wm_http_framer_reset(f);
}

int wm_http_framer_error_status(int err)
{
	switch (err) {
	case WM_HTTP_FRAMER_E_METHOD:
	case WM_HTTP_FRAMER_E_DECHUNK:
		return 400;
	case WM_HTTP_FRAMER_E_PACKAGE:
		return 413;
	default:
		return wm_http_error_status(err);
	}
}

const char *wm_http_framer_error_reason(int err)
{
	switch (err) {
	case WM_HTTP_FRAMER_E_METHOD:
		return "method not accepted";
	case WM_HTTP_FRAMER_E_PACKAGE:
		return "request over maxPackageSize";
	case WM_HTTP_FRAMER_E_DECHUNK:
		return "chunked body";
	default:
		return wm_http_error_reason(err);
	}
}

int wm_http_dechunk(const char *raw, size_t len, wm_buf_t *out)
{
	wm_http_limits_t lim = WM_HTTP_LIMITS_DEFAULT;
	lim.max_body = UINT64_MAX; /* callers bound the raw bytes themselves */
	wm_http_chunked_t st;
	size_t used = 0;
	wm_http_chunked_init(&st, &lim);
	return wm_http_chunked_feed(&st, raw, len, out, &used);
}

static int refuse(wm_http_framer_t *f, int err, wm_http_frame_t *out)
{
	f->err = err;
	out->err = err;
	out->status = wm_http_framer_error_status(err);
	out->reason = wm_http_framer_error_reason(err);
	return WM_HTTP_FRAME_REFUSED;
}

/* The body is incomplete: ask for "100 Continue" once if the client waits for it. */
static int wait_body(wm_http_framer_t *f)
{
	if (f->expect_continue && !f->continue_sent) {
		f->continue_sent = 1;
		return WM_HTTP_FRAME_CONTINUE;
	}
	return WM_HTTP_FRAME_MORE;
}

/* A complete head seen for the first time: the checks that do not need the body. */
static int accept_head(wm_http_framer_t *f, const wm_http_framer_limits_t *lim, const wm_http_req_t *req,
		wm_http_frame_t *out)
{
	if (lim->method_ok && !lim->method_ok(req->method, lim->method_arg)) {
		return refuse(f, WM_HTTP_FRAMER_E_METHOD, out);
	}
	if (!req->chunked && (uint64_t)req->package_len > lim->max_package) {
		return refuse(f, WM_HTTP_FRAMER_E_PACKAGE, out);
	}
	f->head_len = req->head_len;
	f->is_chunked = req->chunked != 0;
	f->expect_continue = req->expect_continue != 0;
	if (req->chunked) {
		wm_http_limits_t cl = lim->head;
		cl.max_body = lim->max_package > req->head_len ? lim->max_package - req->head_len : 0;
		wm_http_chunked_init(&f->chunked, &cl);
	} else {
		f->package_len = (size_t)req->package_len;
	}
	return WM_HTTP_FRAME_MORE;
}

int wm_http_framer_step(wm_http_framer_t *f, const char *data, size_t len, const wm_http_framer_limits_t *lim,
		wm_http_req_t *req, wm_http_frame_t *out)
{
	memset(out, 0, sizeof(*out));
	wm_http_framer_release(f);
	if (f->err) {
		return refuse(f, f->err, out);
	}
	if (len == 0) {
		return WM_HTTP_FRAME_MORE;
	}
	int parsed = 0;
	if (f->head_len == 0) {
		int rc = wm_http_parse_head(data, len, &lim->head, req);
		if (rc == 0) {
			return WM_HTTP_FRAME_MORE;
		}
		if (rc < 0) {
			return refuse(f, rc, out);
		}
		if (accept_head(f, lim, req, out) == WM_HTTP_FRAME_REFUSED) {
			return WM_HTTP_FRAME_REFUSED;
		}
		parsed = 1;
	}
	if (len < f->head_len) {
		return WM_HTTP_FRAME_MORE; /* misuse (input consumed under the framer): wait */
	}
	if (!f->is_chunked) {
		if (len < f->package_len) {
			return wait_body(f);
		}
	} else if (!f->chunked_done) {
		size_t avail = len - f->head_len;
		if (avail < f->chunked_fed) {
			return WM_HTTP_FRAME_MORE; /* misuse, as above */
		}
		size_t used = 0;
		int cr = wm_http_chunked_feed(&f->chunked, data + f->head_len + f->chunked_fed, avail - f->chunked_fed,
			NULL, &used);
		f->chunked_fed += used;
		if (cr < 0) {
			return refuse(f, cr, out);
		}
		if (cr == 0) {
			return wait_body(f);
		}
		f->chunked_done = 1;
	}

	/* Complete. The head's slices must point into this data: parse it again unless this
	 * step did (same bytes, so the same result). */
	if (!parsed) {
		int rc = wm_http_parse_head(data, len, &lim->head, req);
		if (rc <= 0 || (size_t)rc != f->head_len) {
			return refuse(f, rc < 0 ? rc : WM_HTTP_E_HEADER, out);
		}
	}
	if (f->is_chunked) {
		if (wm_http_dechunk(data + f->head_len, f->chunked_fed, &f->body) != 1) {
			wm_http_framer_release(f);
			return refuse(f, WM_HTTP_FRAMER_E_DECHUNK, out);
		}
		out->body = wm_buf_head(&f->body);
		out->body_len = wm_buf_size(&f->body);
		out->package_len = f->head_len + f->chunked_fed;
	} else {
		out->body = data + f->head_len;
		out->body_len = (size_t)req->body_len;
		out->package_len = f->package_len;
	}
	next_request(f);
	return WM_HTTP_FRAME_REQUEST;
}
