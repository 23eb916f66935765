/* wm_http_framer: request framing on a connection (splits, pipelining, chunked bodies,
 * 100-continue, every refusal). */
#include "wm_test.h"

#include "src/buf/wm_buf.h"
#include "src/proto/wm_http_framer.h"

/* A connection's receive side: bytes arrive (append), the framer steps over all unread
 * bytes through an exact-size heap copy (ASan sees any read past len), a request is
 * consumed. */
typedef struct conn {
	wm_http_framer_t f;
	wm_http_framer_limits_t lim;
	wm_buf_t in;
	char *view;     /* the exact-size copy of the last step (REQUEST slices point here) */
	wm_http_req_t req;
	wm_http_frame_t fr;
	char body[4096];
	size_t body_len;
	size_t package_len;
	int continues;  /* CONTINUE results so far */
	int method_calls;
	const char *deny; /* method_ok refuses this method */
} conn_t;

static int method_ok(wm_slice_t m, void *arg)
{
	conn_t *c = arg;
	c->method_calls++;
	return !(c->deny && m.len == strlen(c->deny) && memcmp(m.p, c->deny, m.len) == 0);
}

static void conn_init(conn_t *c)
{
	memset(c, 0, sizeof(*c));
	wm_http_framer_init(&c->f);
	wm_http_limits_t h = WM_HTTP_LIMITS_DEFAULT;
	h.flags = WM_HTTP_HOST_OPTIONAL;
	c->lim.head = h;
	c->lim.max_package = WM_HTTP_DEFAULT_MAX_BODY;
	c->lim.method_ok = method_ok;
	c->lim.method_arg = c;
}

static void conn_free(conn_t *c)
{
	wm_http_framer_free(&c->f);
	wm_buf_free(&c->in);
	free(c->view);
	c->view = NULL;
}

/* One step over the unread input. On REQUEST the body is copied out, the request
 * consumed and the framer's buffer released, as a caller does. */
static int step(conn_t *c)
{
	size_t len = wm_buf_size(&c->in);
	free(c->view);
	c->view = malloc(len ? len : 1);
	memcpy(c->view, wm_buf_head(&c->in), len);
	int rc = wm_http_framer_step(&c->f, len ? c->view : NULL, len, &c->lim, &c->req, &c->fr);
	CHECK_LE(c->fr.package_len, len);
	if (rc == WM_HTTP_FRAME_CONTINUE) {
		c->continues++;
	} else if (rc == WM_HTTP_FRAME_REQUEST) {
		REQUIRE(c->fr.body_len < sizeof(c->body));
		REQUIRE(c->fr.package_len > 0);
		memcpy(c->body, c->fr.body, c->fr.body_len);
		c->body_len = c->fr.body_len;
		c->package_len = c->fr.package_len;
		wm_buf_consume(&c->in, c->fr.package_len);
		wm_http_framer_release(&c->f);
		CHECK(wm_http_framer_idle(&c->f));
	} else if (rc == WM_HTTP_FRAME_REFUSED) {
		CHECK(c->fr.status >= 400);
		CHECK(c->fr.reason != NULL);
	}
	return rc;
}

static int feed(conn_t *c, const char *s, size_t n)
{
	wm_buf_append(&c->in, s, n);
	return step(c);
}

#define FEED(c, s) feed((c), (s), strlen(s))
#define BODY_EQ(c, s) CHECK_MEM_EQ((c)->body, (c)->body_len, (s), strlen(s))

/* Feed s one byte at a time until a step says more than MORE/CONTINUE: a request only
 * at the last byte; a refusal may come as soon as the bytes so far show it. */
static int feed_bytes(conn_t *c, const char *s)
{
	size_t n = strlen(s);
	int rc = WM_HTTP_FRAME_MORE;
	for (size_t i = 0; i < n; i++) {
		rc = feed(c, s + i, 1);
		if (rc == WM_HTTP_FRAME_REFUSED) {
			break;
		}
		if (i + 1 < n) {
			CHECK(rc == WM_HTTP_FRAME_MORE || rc == WM_HTTP_FRAME_CONTINUE);
		}
	}
	return rc;
}

TEST(framer_get_whole_and_byte_by_byte)
{
	const char *r = "GET /a?b=1 HTTP/1.1\r\nHost: x\r\n\r\n";
	conn_t c;
	conn_init(&c);
	CHECK_EQ(step(&c), WM_HTTP_FRAME_MORE); /* nothing yet */
	CHECK_EQ(FEED(&c, r), WM_HTTP_FRAME_REQUEST);
	CHECK_EQ(c.package_len, strlen(r));
	CHECK_EQ(c.body_len, 0);
	CHECK_EQ(c.method_calls, 1);
	CHECK_EQ(feed_bytes(&c, r), WM_HTTP_FRAME_REQUEST);
	CHECK_EQ(c.package_len, strlen(r));
	CHECK_EQ(c.method_calls, 2);
	CHECK_EQ(wm_buf_size(&c.in), 0);
	conn_free(&c);
}

TEST(framer_content_length_byte_by_byte)
{
	const char *r = "POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world";
	conn_t c;
	conn_init(&c);
	CHECK_EQ(feed_bytes(&c, r), WM_HTTP_FRAME_REQUEST);
	CHECK_EQ(c.package_len, strlen(r));
	BODY_EQ(&c, "hello world");
	CHECK_EQ(c.continues, 0);
	CHECK_EQ(c.method_calls, 1); /* the head is checked once, not on every byte of the body */
	conn_free(&c);
}

TEST(framer_request_slices_point_into_input)
{
	const char *r = "PUT /x HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nab";
	conn_t c;
	conn_init(&c);
	CHECK_EQ(FEED(&c, "PUT /x HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n"), WM_HTTP_FRAME_MORE);
	CHECK_EQ(FEED(&c, "ab"), WM_HTTP_FRAME_REQUEST);
	/* The head was parsed again over the last step's bytes: its slices are in that view. */
	CHECK(c.req.method.p >= c.view && c.req.method.p < c.view + strlen(r));
	CHECK_MEM_EQ(c.req.method.p, c.req.method.len, "PUT", 3);
	CHECK_PTR_EQ(c.fr.body, c.view + c.req.head_len);
	conn_free(&c);
}

TEST(framer_pipelined)
{
	const char *a = "GET /1 HTTP/1.1\r\n\r\n";
	const char *b = "POST /2 HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc";
	const char *d = "POST /3 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nxyz\r\n0\r\n\r\n";
	char all[512];
	snprintf(all, sizeof(all), "%s%s%s%s", a, b, d, "GET /4");
	conn_t c;
	conn_init(&c);
	CHECK_EQ(FEED(&c, all), WM_HTTP_FRAME_REQUEST);
	CHECK_EQ(c.package_len, strlen(a));
	CHECK_EQ(step(&c), WM_HTTP_FRAME_REQUEST);
	CHECK_EQ(c.package_len, strlen(b));
	BODY_EQ(&c, "abc");
	CHECK_EQ(step(&c), WM_HTTP_FRAME_REQUEST);
	CHECK_EQ(c.package_len, strlen(d));
	BODY_EQ(&c, "xyz");
	CHECK_EQ(step(&c), WM_HTTP_FRAME_MORE);
	CHECK_EQ(wm_buf_size(&c.in), 6);
	CHECK_EQ(FEED(&c, " HTTP/1.0\r\n\r\n"), WM_HTTP_FRAME_REQUEST);
	CHECK_EQ(c.req.version, 10);
	CHECK_EQ(c.method_calls, 4);
	conn_free(&c);
}

TEST(framer_chunked_extensions_trailers_split)
{
	const char *r = "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
		"5;name=value;x\r\nhello\r\n6 ; q=\"a b\"\r\n world\r\n0;last\r\nX-Trailer: 1\r\nY: 2\r\n\r\n"
		"GET /next HTTP/1.1\r\n\r\n";
	size_t first = strlen(r) - strlen("GET /next HTTP/1.1\r\n\r\n");
	conn_t c;
	conn_init(&c);
	/* Byte by byte up to the end of the first request. */
	int rc = WM_HTTP_FRAME_MORE;
	for (size_t i = 0; i < first; i++) {
		rc = feed(&c, r + i, 1);
		if (i + 1 < first) {
			REQUIRE_EQ(rc, WM_HTTP_FRAME_MORE);
		}
	}
	CHECK_EQ(rc, WM_HTTP_FRAME_REQUEST);
	CHECK_EQ(c.package_len, first);
	BODY_EQ(&c, "hello world");
	CHECK(c.req.chunked);
	CHECK_EQ(FEED(&c, r + first), WM_HTTP_FRAME_REQUEST);
	CHECK_MEM_EQ(c.req.path.p, c.req.path.len, "/next", 5);
	conn_free(&c);
}

TEST(framer_chunked_empty_body)
{
	conn_t c;
	conn_init(&c);
	CHECK_EQ(FEED(&c, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"), WM_HTTP_FRAME_REQUEST);
	CHECK_EQ(c.body_len, 0);
	conn_free(&c);
}

TEST(framer_continue_once_content_length)
{
	conn_t c;
	conn_init(&c);
	CHECK_EQ(FEED(&c, "PUT /u HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n"),
		WM_HTTP_FRAME_CONTINUE);
	CHECK_EQ(FEED(&c, "a"), WM_HTTP_FRAME_MORE);
	CHECK_EQ(FEED(&c, "b"), WM_HTTP_FRAME_MORE);
	CHECK_EQ(FEED(&c, "cd"), WM_HTTP_FRAME_REQUEST);
	BODY_EQ(&c, "abcd");
	CHECK_EQ(c.continues, 1);
	/* The next request gets its own. */
	CHECK_EQ(FEED(&c, "PUT /u HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n"),
		WM_HTTP_FRAME_CONTINUE);
	CHECK_EQ(FEED(&c, "z"), WM_HTTP_FRAME_REQUEST);
	CHECK_EQ(c.continues, 2);
	conn_free(&c);
}

TEST(framer_continue_byte_by_byte_and_chunked)
{
	conn_t c;
	conn_init(&c);
	CHECK_EQ(feed_bytes(&c, "POST / HTTP/1.1\r\nExpect: 100-Continue\r\nTransfer-Encoding: chunked\r\n\r\n"
		"1\r\nq\r\n0\r\n\r\n"), WM_HTTP_FRAME_REQUEST);
	CHECK_EQ(c.continues, 1);
	BODY_EQ(&c, "q");
	conn_free(&c);
}

TEST(framer_no_continue_when_body_present_or_not_asked)
{
	conn_t c;
	conn_init(&c);
	/* The whole body came with the head: nothing to wait for, no interim response. */
	CHECK_EQ(FEED(&c, "PUT / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok"),
		WM_HTTP_FRAME_REQUEST);
	/* No body at all. */
	CHECK_EQ(FEED(&c, "GET / HTTP/1.1\r\nExpect: 100-continue\r\n\r\n"), WM_HTTP_FRAME_REQUEST);
	/* HTTP/1.0 does not know Expect; no Expect: plain wait. */
	CHECK_EQ(FEED(&c, "PUT / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"), WM_HTTP_FRAME_MORE);
	CHECK_EQ(FEED(&c, "ok"), WM_HTTP_FRAME_REQUEST);
	CHECK_EQ(FEED(&c, "PUT / HTTP/1.1\r\nContent-Length: 2\r\n\r\n"), WM_HTTP_FRAME_MORE);
	CHECK_EQ(FEED(&c, "ok"), WM_HTTP_FRAME_REQUEST);
	CHECK_EQ(c.continues, 0);
	conn_free(&c);
}

/* Refusal helper: a fresh framer fed s at once and byte by byte gives err/status. */
static void check_refused(const char *s, uint64_t max_package, int err, int status)
{
	for (int bytewise = 0; bytewise < 2; bytewise++) {
		conn_t c;
		conn_init(&c);
		c.lim.max_package = max_package;
		c.deny = "BREW";
		int rc = bytewise ? feed_bytes(&c, s) : FEED(&c, s);
		CHECK_MSG(rc == WM_HTTP_FRAME_REFUSED, "%s: rc %d, wanted refusal %d", s, rc, err);
		CHECK_MSG(c.fr.err == err, "%s: err %d, wanted %d", s, c.fr.err, err);
		CHECK_EQ(c.fr.status, status);
		CHECK_EQ(wm_http_framer_error_status(err), status);
		CHECK(!wm_http_framer_idle(&c.f));
		/* Sticky, whatever comes next. */
		CHECK_EQ(FEED(&c, "GET / HTTP/1.1\r\n\r\n"), WM_HTTP_FRAME_REFUSED);
		CHECK_EQ(c.fr.err, err);
		wm_http_framer_reset(&c.f);
		CHECK(wm_http_framer_idle(&c.f));
		conn_free(&c);
	}
}

TEST(framer_refusals)
{
	const uint64_t big = WM_HTTP_DEFAULT_MAX_BODY;
	check_refused("GET / HTTP/1.1\nHost: x\r\n\r\n", big, WM_HTTP_E_LINE_END, 400);
	check_refused("GET / HTTP/2.0\r\n\r\n", big, WM_HTTP_E_VERSION_UNSUPPORTED, 505);
	check_refused("BREW /pot HTTP/1.1\r\n\r\n", big, WM_HTTP_FRAMER_E_METHOD, 400);
	check_refused("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", big, WM_HTTP_E_TE_UNSUPPORTED, 501);
	check_refused("POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", big,
		WM_HTTP_E_TRANSFER_ENCODING, 400);
	/* head + Content-Length over max_package (the head alone is 40 bytes). */
	check_refused("POST / HTTP/1.1\r\nContent-Length: 20\r\n\r\n", 50, WM_HTTP_FRAMER_E_PACKAGE, 413);
	check_refused("GET / HTTP/1.1\r\n\r\n", 10, WM_HTTP_FRAMER_E_PACKAGE, 413);
	/* raw chunked bytes over max_package - head_len */
	check_refused("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n", 60,
		WM_HTTP_E_BODY_TOO_LARGE, 413);
	check_refused("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", big, WM_HTTP_E_CHUNK, 400);
	check_refused("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab", big, WM_HTTP_E_CHUNK, 400);
}

TEST(framer_refusal_limits_from_the_head)
{
	conn_t c;
	conn_init(&c);
	c.lim.head.max_body = 5; /* Content-Length over the parser's limit: 413 from the parser */
	CHECK_EQ(FEED(&c, "POST / HTTP/1.1\r\nContent-Length: 6\r\n\r\n"), WM_HTTP_FRAME_REFUSED);
	CHECK_EQ(c.fr.err, WM_HTTP_E_BODY_TOO_LARGE);
	CHECK_EQ(c.fr.status, 413);
	conn_free(&c);

	conn_init(&c);
	c.lim.head.max_head = 32;
	CHECK_EQ(FEED(&c, "GET / HTTP/1.1\r\nX-Long: aaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n"), WM_HTTP_FRAME_REFUSED);
	CHECK_EQ(c.fr.status, 431);
	conn_free(&c);
}

TEST(framer_method_checked_once_per_request)
{
	conn_t c;
	conn_init(&c);
	CHECK_EQ(FEED(&c, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"), WM_HTTP_FRAME_MORE);
	CHECK_EQ(FEED(&c, "2\r\nab\r\n"), WM_HTTP_FRAME_MORE);
	CHECK_EQ(FEED(&c, "0\r\n"), WM_HTTP_FRAME_MORE);
	CHECK_EQ(FEED(&c, "\r\n"), WM_HTTP_FRAME_REQUEST);
	CHECK_EQ(c.method_calls, 1);
	/* NULL method_ok: anything goes. */
	c.lim.method_ok = NULL;
	CHECK_EQ(FEED(&c, "BREW / HTTP/1.1\r\n\r\n"), WM_HTTP_FRAME_REQUEST);
	conn_free(&c);
}

TEST(framer_idle_and_reset)
{
	conn_t c;
	conn_init(&c);
	CHECK(wm_http_framer_idle(&c.f));
	CHECK_EQ(FEED(&c, "POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\na"), WM_HTTP_FRAME_MORE);
	CHECK(!wm_http_framer_idle(&c.f)); /* a head cache must not match in the middle of a body */
	wm_http_framer_reset(&c.f);
	CHECK(wm_http_framer_idle(&c.f));
	/* After a reset the same bytes frame again from the start. */
	CHECK_EQ(FEED(&c, "bc"), WM_HTTP_FRAME_REQUEST);
	BODY_EQ(&c, "abc");
	/* Zeroed memory is an idle framer too. */
	wm_http_framer_t z;
	memset(&z, 0, sizeof(z));
	CHECK(wm_http_framer_idle(&z));
	conn_free(&c);
}

TEST(framer_chunked_body_owned_until_release)
{
	conn_t c;
	conn_init(&c);
	const char *r = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\ndata\r\n0\r\n\r\n";
	wm_buf_append(&c.in, r, strlen(r));
	int rc = wm_http_framer_step(&c.f, wm_buf_head(&c.in), wm_buf_size(&c.in), &c.lim, &c.req, &c.fr);
	CHECK_EQ(rc, WM_HTTP_FRAME_REQUEST);
	/* The body is in the framer's buffer, not in the input. */
	CHECK(c.fr.body == wm_buf_head(&c.f.body));
	CHECK_MEM_EQ(c.fr.body, c.fr.body_len, "data", 4);
	wm_http_framer_release(&c.f);
	CHECK(c.f.body.data == NULL);
	conn_free(&c);
}

TEST(framer_dechunk)
{
	wm_buf_t out = WM_BUF_INIT;
	CHECK_EQ(wm_http_dechunk("3\r\nabc\r\n1;x=y\r\nd\r\n0\r\nT: v\r\n\r\n", 31, &out), 1);
	CHECK_MEM_EQ(wm_buf_head(&out), wm_buf_size(&out), "abcd", 4);
	wm_buf_free(&out);
	CHECK_EQ(wm_http_dechunk("3\r\nab", 5, &out), 0);
	wm_buf_free(&out);
	CHECK(wm_http_dechunk("x\r\n", 3, &out) < 0);
	wm_buf_free(&out);
}

TEST(framer_error_texts)
{
	CHECK_EQ(wm_http_framer_error_status(WM_HTTP_FRAMER_E_METHOD), 400);
	CHECK_EQ(wm_http_framer_error_status(WM_HTTP_FRAMER_E_PACKAGE), 413);
	CHECK_EQ(wm_http_framer_error_status(WM_HTTP_FRAMER_E_DECHUNK), 400);
	CHECK_EQ(wm_http_framer_error_status(WM_HTTP_E_URI_TOO_LONG), 414);
	CHECK_STR_EQ(wm_http_framer_error_reason(WM_HTTP_FRAMER_E_PACKAGE), "request over maxPackageSize");
	CHECK(wm_http_framer_error_reason(WM_HTTP_E_CHUNK) != NULL);
}
