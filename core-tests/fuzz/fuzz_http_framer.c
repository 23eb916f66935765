/* Fuzz the HTTP request framer the way a connection drives it. Input: byte 0 = limits,
 * byte 1 = split seed, then the byte stream. The stream is framed twice: all at once, and
 * arriving in pseudo-random pieces (1..64 bytes); after each arrival the framer steps until
 * it needs more bytes, consuming every request it returns.
 * Checked on every step: package_len <= the bytes available, a request never exceeds
 * max_package nor the parser's limits, its body is the Content-Length bytes (or lies in the
 * framer's buffer when chunked, and fits the raw body), "100 Continue" only for requests
 * that asked, at most once each, the method filter runs once per request, a refusal is
 * sticky and carries a known status. Across the two runs: the same requests (lengths, heads,
 * bodies) and the same end (the same refusal, or the same bytes left over). */
#include "fuzz_util.h"

#include <string.h>

#include "src/buf/wm_buf.h"
#include "src/proto/wm_http_framer.h"

#define MAX_REQS 64

typedef struct rec {
	size_t package_len, head_len, body_len;
	uint32_t body_hash;
	int version, chunked;
} rec_t;

typedef struct run {
	wm_http_framer_t f;
	wm_http_framer_limits_t lim;
	char *in;            /* unread bytes */
	size_t len, cap;
	int refused, err;
	int nreq;
	rec_t reqs[MAX_REQS];
	int method_calls;
	int continues_this_req;
	uint8_t deny;        /* method_ok refuses methods starting with this byte (0: none) */
} run_t;

static wm_http_req_t req; /* scratch head, as ext's one per process */

static uint32_t hash(const char *p, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h = (h ^ (uint8_t)p[i]) * 16777619u;
	}
	return h;
}

static int method_ok(wm_slice_t m, void *arg)
{
	run_t *r = arg;
	r->method_calls++;
	FUZZ_CHECK(m.p && m.len > 0);
	return !(r->deny && (uint8_t)m.p[0] == r->deny);
}

static void run_init(run_t *r, const uint8_t *cfg)
{
	static const size_t max_heads[] = {64, 256, 1024, WM_HTTP_DEFAULT_MAX_HEAD};
	static const uint64_t max_bodies[] = {10, 1000, WM_HTTP_DEFAULT_MAX_BODY, UINT64_MAX};
	static const uint64_t max_packages[] = {0, 40, 200, 5000, WM_HTTP_DEFAULT_MAX_BODY, UINT64_MAX, 1, 100000};
	memset(r, 0, sizeof(*r));
	wm_http_framer_init(&r->f);
	wm_http_limits_t h = WM_HTTP_LIMITS_DEFAULT;
	h.max_head = max_heads[cfg[0] & 3];
	h.max_body = max_bodies[(cfg[0] >> 2) & 3];
	h.flags = (cfg[0] & 0x80) ? WM_HTTP_HOST_OPTIONAL : 0;
	r->lim.head = h;
	r->lim.max_package = max_packages[(cfg[0] >> 4) & 7];
	if (cfg[1] & 1) {
		r->lim.method_ok = method_ok;
		r->lim.method_arg = r;
		r->deny = (cfg[1] & 2) ? 'P' : 0;
	}
}

static void run_free(run_t *r)
{
	wm_http_framer_free(&r->f);
	free(r->in);
}

/* Step until the framer needs more bytes (or refused). */
static void drain(run_t *r)
{
	while (!r->refused) {
		/* An exact-size copy, so ASan sees any read past len. */
		char *view = malloc(r->len ? r->len : 1);
		if (r->len) {
			memcpy(view, r->in, r->len);
		}
		int calls_before = r->method_calls;
		int was_idle = wm_http_framer_idle(&r->f);
		wm_http_frame_t fr;
		int rc = wm_http_framer_step(&r->f, r->len ? view : NULL, r->len, &r->lim, &req, &fr);
		FUZZ_CHECK(rc >= WM_HTTP_FRAME_REFUSED && rc <= WM_HTTP_FRAME_CONTINUE);
		FUZZ_CHECK(fr.package_len <= r->len);
		/* The filter runs only when a head starts being accepted. */
		FUZZ_CHECK(r->method_calls - calls_before <= 1);
		if (r->method_calls != calls_before) {
			FUZZ_CHECK(was_idle);
		}
		if (rc == WM_HTTP_FRAME_REFUSED) {
			FUZZ_CHECK(fr.err < 0);
			FUZZ_CHECK(fr.status == 400 || fr.status == 413 || fr.status == 414 || fr.status == 431 ||
				fr.status == 501 || fr.status == 505);
			FUZZ_CHECK(fr.status == wm_http_framer_error_status(fr.err));
			FUZZ_CHECK(fr.reason != NULL);
			FUZZ_CHECK(fr.err != WM_HTTP_FRAMER_E_DECHUNK); /* validated bodies always decode */
			FUZZ_CHECK(!wm_http_framer_idle(&r->f));
			/* Sticky. */
			wm_http_frame_t again;
			FUZZ_CHECK(wm_http_framer_step(&r->f, "GET / HTTP/1.0\r\n\r\n", 18, &r->lim, &req, &again) ==
				WM_HTTP_FRAME_REFUSED && again.err == fr.err);
			r->refused = 1;
			r->err = fr.err;
		} else if (rc == WM_HTTP_FRAME_CONTINUE) {
			FUZZ_CHECK(req.expect_continue && req.version == 11);
			FUZZ_CHECK(++r->continues_this_req == 1);
			FUZZ_CHECK(!wm_http_framer_idle(&r->f));
		} else if (rc == WM_HTTP_FRAME_REQUEST) {
			FUZZ_CHECK(r->nreq < MAX_REQS);
			size_t pl = fr.package_len;
			FUZZ_CHECK(pl > 0 && pl >= req.head_len);
			FUZZ_CHECK((uint64_t)pl <= r->lim.max_package);
			FUZZ_CHECK(req.head_len <= r->lim.head.max_head);
			FUZZ_CHECK(req.method.p >= view && req.method.p < view + r->len);
			if (req.chunked) {
				FUZZ_CHECK(fr.body_len == 0 || fr.body == wm_buf_head(&r->f.body));
				FUZZ_CHECK(fr.body_len <= pl - req.head_len);
			} else {
				FUZZ_CHECK(req.content_length < 0 || (uint64_t)req.content_length <= r->lim.head.max_body);
				FUZZ_CHECK(fr.body == view + req.head_len);
				FUZZ_CHECK((int64_t)fr.body_len == req.body_len);
				FUZZ_CHECK(pl == req.head_len + fr.body_len);
			}
			FUZZ_CHECK(wm_http_framer_idle(&r->f));
			rec_t *x = &r->reqs[r->nreq++];
			x->package_len = pl;
			x->head_len = req.head_len;
			x->body_len = fr.body_len;
			x->body_hash = hash(fr.body, fr.body_len);
			x->version = req.version;
			x->chunked = req.chunked;
			wm_http_framer_release(&r->f);
			FUZZ_CHECK(r->f.body.data == NULL);
			memmove(r->in, r->in + pl, r->len - pl);
			r->len -= pl;
			r->continues_this_req = 0;
			if (r->nreq == MAX_REQS) {
				r->refused = 1; /* enough: stop both runs at the same point */
				r->err = 1;
			}
		}
		free(view);
		if (rc == WM_HTTP_FRAME_MORE) {
			break;
		}
	}
}

static void arrive(run_t *r, const char *p, size_t n)
{
	if (r->refused || n == 0) {
		return;
	}
	if (r->len + n > r->cap) {
		r->cap = (r->len + n) * 2;
		r->in = realloc(r->in, r->cap);
	}
	memcpy(r->in + r->len, p, n);
	r->len += n;
	drain(r);
}

static uint32_t next_rand(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2) {
		return 0;
	}
	const char *stream = (const char *)data + 2;
	size_t len = size - 2;
	static run_t whole, split;

	run_init(&whole, data);
	arrive(&whole, stream, len);

	run_init(&split, data);
	uint32_t seed = (uint32_t)data[1] * 2654435761u + 1;
	uint32_t maxpiece = 1 + (data[1] >> 2) % 64;
	for (size_t pos = 0; pos < len && !split.refused;) {
		size_t n = 1 + next_rand(&seed) % maxpiece;
		if (n > len - pos) {
			n = len - pos;
		}
		arrive(&split, stream + pos, n);
		pos += n;
	}

	FUZZ_CHECK(whole.nreq == split.nreq);
	for (int i = 0; i < whole.nreq; i++) {
		const rec_t *a = &whole.reqs[i], *b = &split.reqs[i];
		FUZZ_CHECK(a->package_len == b->package_len && a->head_len == b->head_len);
		FUZZ_CHECK(a->body_len == b->body_len && a->body_hash == b->body_hash);
		FUZZ_CHECK(a->version == b->version && a->chunked == b->chunked);
	}
	FUZZ_CHECK(whole.refused == split.refused);
	if (whole.refused) {
		FUZZ_CHECK(whole.err == split.err);
	} else {
		FUZZ_CHECK(whole.len == split.len);
	}
	/* The filter ran once per request, plus once for a head accepted but not finished. */
	FUZZ_CHECK(!whole.lim.method_ok || (whole.method_calls >= whole.nreq && whole.method_calls <= whole.nreq + 1));
	run_free(&whole);
	run_free(&split);
	return 0;
}
