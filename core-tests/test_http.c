/* wm_http: request head parsing, framing, smuggling defences, chunked decoding, helpers. */
#include "wm_test.h"

#include "src/buf/wm_buf.h"
#include "src/proto/wm_http.h"

/* A parse through an exact-size heap copy (ASan sees any read past len). The copy stays
 * alive in the fixture so the slices can be checked. */
typedef struct parsed {
	char *buf;
	size_t len;
	int rc;
	wm_http_req_t req;
} parsed_t;

static parsed_t P;

static int slice_inside(wm_slice_t s, const char *buf, size_t len)
{
	if (!s.p) {
		return s.len == 0;
	}
	return s.p >= buf && s.len <= len && (size_t)(s.p - buf) <= len - s.len;
}

/* Every slice of a complete head lies inside the head. */
static void check_slices(const parsed_t *ps)
{
	const wm_http_req_t *r = &ps->req;
	size_t hl = r->head_len;
	CHECK(slice_inside(r->method, ps->buf, hl) && r->method.p);
	CHECK(slice_inside(r->target, ps->buf, hl) && r->target.p);
	CHECK(slice_inside(r->path, ps->buf, hl) && r->path.p);
	CHECK(slice_inside(r->query, ps->buf, hl));
	CHECK(slice_inside(r->host, ps->buf, hl));
	for (unsigned i = 0; i < r->nheaders; i++) {
		CHECK(slice_inside(r->headers[i].name, ps->buf, hl));
		CHECK(slice_inside(r->headers[i].value, ps->buf, hl));
	}
}

static int parse_n(parsed_t *ps, const char *s, size_t len, const wm_http_limits_t *lim)
{
	free(ps->buf);
	ps->buf = malloc(len ? len : 1);
	memcpy(ps->buf, s, len);
	ps->len = len;
	ps->rc = wm_http_parse_head(ps->buf, len, lim, &ps->req);
	if (ps->rc > 0) {
		CHECK_EQ(ps->rc, ps->req.head_len);
		CHECK_LE(ps->req.head_len, len);
		check_slices(ps);
	}
	return ps->rc;
}

#define PARSE(s) parse_n(&P, (s), strlen(s), NULL)
#define PARSE_LIM(s, lim) parse_n(&P, (s), strlen(s), (lim))
#define SL_EQ(sl, str) CHECK_MEM_EQ((sl).p, (sl).len, (str), strlen(str))

static void done(void)
{
	free(P.buf);
	P.buf = NULL;
}

static const char *hval(const char *name)
{
	static char tmp[256];
	const wm_http_header_t *h = wm_http_header_find(&P.req, name);
	if (!h) {
		return NULL;
	}
	snprintf(tmp, sizeof(tmp), "%.*s", (int)h->value.len, h->value.p);
	return tmp;
}

TEST(http_simple_get)
{
	const char *s = "GET /index.php?a=1&b=%20#frag HTTP/1.1\r\n"
		"Host: example.com:8080\r\n"
		"User-Agent: curl/8.0\r\n"
		"Accept: */*\r\n"
		"\r\n";
	REQUIRE_EQ(PARSE(s), strlen(s));
	SL_EQ(P.req.method, "GET");
	SL_EQ(P.req.target, "/index.php?a=1&b=%20#frag");
	SL_EQ(P.req.path, "/index.php");
	SL_EQ(P.req.query, "a=1&b=%20");
	SL_EQ(P.req.host, "example.com:8080");
	CHECK_EQ(P.req.version, 11);
	CHECK_EQ(P.req.nheaders, 3);
	SL_EQ(P.req.headers[1].name, "User-Agent");
	SL_EQ(P.req.headers[1].value, "curl/8.0");
	CHECK_EQ(P.req.keep_alive, 1);
	CHECK_EQ(P.req.chunked, 0);
	CHECK_EQ(P.req.expect_continue, 0);
	CHECK_EQ(P.req.upgrade, 0);
	CHECK_EQ(P.req.content_length, -1);
	CHECK_EQ(P.req.body_len, 0);
	CHECK_EQ(P.req.package_len, strlen(s));
	CHECK_EQ(wm_http_package_length(&P.req), strlen(s));
	done();
}

TEST(http_path_query_forms)
{
	REQUIRE_GE(PARSE("GET / HTTP/1.0\r\n\r\n"), 1);
	SL_EQ(P.req.path, "/");
	CHECK(P.req.query.p == NULL);
	CHECK(P.req.host.p == NULL);
	CHECK_EQ(P.req.nheaders, 0);
	CHECK_EQ(P.req.version, 10);

	REQUIRE_GE(PARSE("GET /a? HTTP/1.0\r\n\r\n"), 1);
	SL_EQ(P.req.path, "/a");
	CHECK(P.req.query.p != NULL);
	CHECK_EQ(P.req.query.len, 0);

	REQUIRE_GE(PARSE("GET /a#x?y HTTP/1.0\r\n\r\n"), 1);
	SL_EQ(P.req.path, "/a");
	CHECK(P.req.query.p == NULL);

	/* Bytes >= 0x80 in the target are accepted (raw UTF-8 paths). */
	REQUIRE_GE(PARSE("GET /caf\xc3\xa9?q=\xe2\x82\xac HTTP/1.0\r\n\r\n"), 1);
	SL_EQ(P.req.path, "/caf\xc3\xa9");
	SL_EQ(P.req.query, "q=\xe2\x82\xac");

	/* Any token is a method; the binding decides what it supports. */
	REQUIRE_GE(PARSE("PROPFIND /x HTTP/1.0\r\n\r\n"), 1);
	SL_EQ(P.req.method, "PROPFIND");
	REQUIRE_GE(PARSE("get /x HTTP/1.0\r\n\r\n"), 1);
	SL_EQ(P.req.method, "get");

	REQUIRE_GE(PARSE("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n"), 1);
	SL_EQ(P.req.path, "*");
	CHECK_EQ(PARSE("GET * HTTP/1.1\r\nHost: h\r\n\r\n"), WM_HTTP_E_TARGET);
	CHECK_EQ(PARSE("options * HTTP/1.1\r\nHost: h\r\n\r\n"), WM_HTTP_E_TARGET);
	CHECK_EQ(PARSE("OPTIONS *x HTTP/1.1\r\nHost: h\r\n\r\n"), WM_HTTP_E_TARGET);
	done();
}

TEST(http_absolute_form)
{
	REQUIRE_GE(PARSE("GET http://example.com:8080/p/a?x=1 HTTP/1.1\r\nHost: other\r\n\r\n"), 1);
	SL_EQ(P.req.target, "http://example.com:8080/p/a?x=1");
	SL_EQ(P.req.host, "example.com:8080"); /* the URI's authority wins over Host */
	SL_EQ(P.req.path, "/p/a");
	SL_EQ(P.req.query, "x=1");
	SL_EQ(P.req.headers[0].value, "other");

	REQUIRE_GE(PARSE("GET HTTPS://[::1]:443 HTTP/1.1\r\nHost: [::1]:443\r\n\r\n"), 1);
	SL_EQ(P.req.host, "[::1]:443");
	CHECK(P.req.path.p != NULL);
	CHECK_EQ(P.req.path.len, 0); /* empty: means "/" */

	REQUIRE_GE(PARSE("GET http://h?q HTTP/1.0\r\n\r\n"), 1);
	SL_EQ(P.req.host, "h");
	CHECK_EQ(P.req.path.len, 0);
	SL_EQ(P.req.query, "q");

	/* Still HTTP/1.1 without Host: 400. */
	CHECK_EQ(PARSE("GET http://h/ HTTP/1.1\r\n\r\n"), WM_HTTP_E_HOST);
	CHECK_EQ(PARSE("GET http:///x HTTP/1.0\r\n\r\n"), WM_HTTP_E_TARGET);
	wm_http_limits_t lim = WM_HTTP_LIMITS_DEFAULT;
	lim.flags = WM_HTTP_HOST_OPTIONAL;
	REQUIRE_GE(PARSE_LIM("GET http://h/ HTTP/1.1\r\n\r\n", &lim), 1);
	SL_EQ(P.req.host, "h");
	CHECK_EQ(PARSE("GET http:// HTTP/1.0\r\n\r\n"), WM_HTTP_E_TARGET);
	CHECK_EQ(PARSE("GET http://user@h/ HTTP/1.0\r\n\r\n"), WM_HTTP_E_TARGET);
	CHECK_EQ(PARSE("GET ftp://h/ HTTP/1.0\r\n\r\n"), WM_HTTP_E_TARGET);
	CHECK_EQ(PARSE("GET httpx://h/ HTTP/1.0\r\n\r\n"), WM_HTTP_E_TARGET);
	CHECK_EQ(PARSE("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"),
		WM_HTTP_E_TARGET);
	CHECK_EQ(PARSE("GET index.html HTTP/1.0\r\n\r\n"), WM_HTTP_E_TARGET);
	done();
}

TEST(http_headers_case_insensitive)
{
	const char *s = "POST /f HTTP/1.1\r\n"
		"hOsT: h\r\n"
		"CONTENT-length: 3\r\n"
		"X-Empty:\r\n"
		"X-Spaces: \t a  b \t \r\n"
		"X-Utf8: caf\xc3\xa9\r\n"
		"connection: KEEP-ALIVE\r\n"
		"\r\n"
		"abc";
	REQUIRE_EQ(PARSE(s), strlen(s) - 3);
	SL_EQ(P.req.host, "h");
	CHECK_EQ(P.req.content_length, 3);
	CHECK_EQ(P.req.body_len, 3);
	CHECK_EQ(P.req.package_len, strlen(s));
	CHECK_STR_EQ(hval("Host"), "h");
	CHECK_STR_EQ(hval("HOST"), "h");
	CHECK_STR_EQ(hval("content-length"), "3");
	CHECK_STR_EQ(hval("x-empty"), "");
	CHECK_STR_EQ(hval("x-spaces"), "a  b");
	CHECK_STR_EQ(hval("X-UTF8"), "caf\xc3\xa9");
	CHECK(hval("X-Missing") == NULL);
	CHECK(hval("Hos") == NULL);
	CHECK(wm_http_header_findn(&P.req, "hostx", 4) == &P.req.headers[0]);
	done();
}

TEST(http_header_find_first)
{
	REQUIRE_GE(PARSE("GET / HTTP/1.0\r\nCookie: a=1\r\ncookie: b=2\r\n\r\n"), 1);
	CHECK_STR_EQ(hval("COOKIE"), "a=1");
	CHECK_EQ(P.req.nheaders, 2);
	done();
}

static int ka(const char *req)
{
	int rc = PARSE(req);
	CHECK_MSG(rc > 0, "parse of %s failed: %d", req, rc);
	return rc > 0 ? P.req.keep_alive : -1;
}

TEST(http_keep_alive_matrix)
{
	CHECK_EQ(ka("GET / HTTP/1.0\r\n\r\n"), 0);
	CHECK_EQ(ka("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"), 1);
	CHECK_EQ(ka("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"), 1);
	CHECK_EQ(ka("GET / HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n"), 0);
	CHECK_EQ(ka("GET / HTTP/1.0\r\nConnection: close\r\nConnection: keep-alive\r\n\r\n"), 0);
	CHECK_EQ(ka("GET / HTTP/1.0\r\nConnection: keep-alivex\r\n\r\n"), 0);
	CHECK_EQ(ka("GET / HTTP/1.1\r\nHost: h\r\n\r\n"), 1);
	CHECK_EQ(ka("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"), 0);
	CHECK_EQ(ka("GET / HTTP/1.1\r\nHost: h\r\nConnection: CLOSE\r\n\r\n"), 0);
	CHECK_EQ(ka("GET / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, close\r\n\r\n"), 0);
	CHECK_EQ(P.req.upgrade, 1);
	CHECK_EQ(ka("GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, Upgrade\r\n\r\n"), 1);
	CHECK_EQ(P.req.upgrade, 1);
	CHECK_EQ(ka("GET / HTTP/1.1\r\nHost: h\r\nConnection: ,, close ,\r\n\r\n"), 0);
	CHECK_EQ(ka("GET / HTTP/1.1\r\nHost: h\r\nConnection: closed\r\n\r\n"), 1);
	CHECK_EQ(ka("GET / HTTP/1.1\r\nHost: h\r\nConnection: \r\n\r\n"), 1);
	CHECK_EQ(ka("GET / HTTP/1.1\r\nHost: h\r\nX-Connection: close\r\n\r\n"), 1);
	done();
}

TEST(http_expect_continue)
{
	REQUIRE_GE(PARSE("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"), 1);
	CHECK_EQ(P.req.expect_continue, 1);
	REQUIRE_GE(PARSE("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\n\r\n"), 1);
	CHECK_EQ(P.req.expect_continue, 1);
	REQUIRE_GE(PARSE("POST / HTTP/1.1\r\nHost: h\r\nExpect: 200-ok\r\n\r\n"), 1);
	CHECK_EQ(P.req.expect_continue, 0);
	/* HTTP/1.0 has no 100 Continue. */
	REQUIRE_GE(PARSE("POST / HTTP/1.0\r\nExpect: 100-continue\r\n\r\n"), 1);
	CHECK_EQ(P.req.expect_continue, 0);
	done();
}

TEST(http_leading_empty_lines)
{
	const char *s = "\r\n\r\nGET / HTTP/1.0\r\n\r\n";
	REQUIRE_EQ(PARSE(s), strlen(s));
	SL_EQ(P.req.method, "GET");
	CHECK_EQ(PARSE("\r\n\r"), 0);
	CHECK_EQ(PARSE("\r\n"), 0);
	CHECK_EQ(PARSE("\r\nX"), 0);
	CHECK_EQ(PARSE("\r\r\n"), WM_HTTP_E_LINE_END);
	CHECK_EQ(PARSE("\nGET / HTTP/1.0\r\n\r\n"), WM_HTTP_E_LINE_END);
	done();
}

TEST(http_empty_and_null)
{
	wm_http_req_t r;
	CHECK_EQ(wm_http_parse_head(NULL, 0, NULL, &r), 0);
	CHECK_EQ(PARSE(""), 0);
	CHECK_EQ(PARSE("G"), 0);
	CHECK_EQ(PARSE("GET"), 0);
	CHECK_EQ(PARSE("GET / HTTP/1.1\r\nHost: h\r\n"), 0);
	CHECK_EQ(PARSE("GET / HTTP/1.1\r\nHost: h\r\n\r"), 0);
	done();
}

/* Feed every prefix: 0 until the head is complete, then the same result every time. */
static void split_every_byte(const char *s, size_t len)
{
	parsed_t full = {0};
	int rc = parse_n(&full, s, len, NULL);
	REQUIRE(rc > 0);
	for (size_t i = 0; i <= len; i++) {
		parsed_t part = {0};
		int r = parse_n(&part, s, i, NULL);
		if (i < (size_t)rc) {
			CHECK_MSG(r == 0, "prefix %zu: %d", i, r);
		} else {
			CHECK_MSG(r == rc, "prefix %zu: %d != %d", i, r, rc);
			CHECK_EQ(part.req.nheaders, full.req.nheaders);
			CHECK_EQ(part.req.content_length, full.req.content_length);
			CHECK_EQ(part.req.package_len, full.req.package_len);
			CHECK_EQ(part.req.keep_alive, full.req.keep_alive);
			CHECK_EQ(part.req.chunked, full.req.chunked);
			CHECK_EQ(part.req.path.p - part.buf, full.req.path.p - full.buf);
			CHECK_EQ(part.req.path.len, full.req.path.len);
			for (unsigned h = 0; h < full.req.nheaders; h++) {
				CHECK_EQ(part.req.headers[h].value.p - part.buf, full.req.headers[h].value.p - full.buf);
				CHECK_EQ(part.req.headers[h].value.len, full.req.headers[h].value.len);
			}
		}
		free(part.buf);
	}
	free(full.buf);
}

TEST(http_split_at_every_byte)
{
	const char *a = "\r\nPOST /upload?x=1 HTTP/1.1\r\n"
		"Host: localhost\r\n"
		"Content-Type: application/x-www-form-urlencoded\r\n"
		"Content-Length: 7\r\n"
		"Connection: keep-alive\r\n"
		"\r\n"
		"a=1&b=2";
	split_every_byte(a, strlen(a));
	const char *b = "PUT /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
	split_every_byte(b, strlen(b));
	const char *c = "GET / HTTP/1.0\r\n\r\n";
	split_every_byte(c, strlen(c));
}

/* Errors are reported as soon as their bytes are there, and never change with more bytes. */
static void error_on_prefixes(const char *s, int err)
{
	size_t len = strlen(s);
	for (size_t i = 0; i <= len; i++) {
		parsed_t part = {0};
		int r = parse_n(&part, s, i, NULL);
		CHECK_MSG(r == 0 || r == err, "prefix %zu of %s: %d (want 0 or %d)", i, s, r, err);
		free(part.buf);
	}
}

TEST(http_pipelined)
{
	const char *s = "GET /one HTTP/1.1\r\nHost: h\r\n\r\n"
		"POST /two HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world"
		"\r\nGET /three HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n"
		"DELETE /four HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"
		"GET /fi";
	static const char *paths[] = {"/one", "/two", "/three", "/four"};
	char *buf = malloc(strlen(s));
	size_t len = strlen(s), off = 0;
	memcpy(buf, s, len);
	for (int i = 0; i < 4; i++) {
		wm_http_req_t r;
		int rc = wm_http_parse_head(buf + off, len - off, NULL, &r);
		REQUIRE(rc > 0);
		CHECK_MEM_EQ(r.path.p, r.path.len, paths[i], strlen(paths[i]));
		int64_t pl = wm_http_package_length(&r);
		REQUIRE(pl >= rc && (size_t)pl <= len - off);
		if (i == 1) {
			CHECK_EQ(r.body_len, 11);
			CHECK_MEM_EQ(buf + off + rc, (size_t)r.body_len, "hello world", 11);
		}
		CHECK_EQ(r.keep_alive, i != 3);
		off += (size_t)pl;
	}
	wm_http_req_t r;
	CHECK_EQ(wm_http_parse_head(buf + off, len - off, NULL, &r), 0);
	free(buf);
}

typedef struct bad_case {
	const char *req;
	int err;
	int status;
} bad_case_t;

TEST(http_errors_and_smuggling)
{
	static const bad_case_t cases[] = {
		/* Content-Length vs Transfer-Encoding */
		{"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
			WM_HTTP_E_TRANSFER_ENCODING, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n",
			WM_HTTP_E_TRANSFER_ENCODING, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n",
			WM_HTTP_E_CONTENT_LENGTH, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 05\r\n\r\n",
			WM_HTTP_E_CONTENT_LENGTH, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: +5\r\n\r\n", WM_HTTP_E_CONTENT_LENGTH, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -5\r\n\r\n", WM_HTTP_E_CONTENT_LENGTH, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5 5\r\n\r\n", WM_HTTP_E_CONTENT_LENGTH, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5,5\r\n\r\n", WM_HTTP_E_CONTENT_LENGTH, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0x5\r\n\r\n", WM_HTTP_E_CONTENT_LENGTH, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5.0\r\n\r\n", WM_HTTP_E_CONTENT_LENGTH, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nContent-Length:\r\n\r\n", WM_HTTP_E_CONTENT_LENGTH, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 9223372036854775808\r\n\r\n",
			WM_HTTP_E_CONTENT_LENGTH, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999\r\n\r\n",
			WM_HTTP_E_CONTENT_LENGTH, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nContent-Length : 5\r\n\r\n", WM_HTTP_E_HEADER, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n", WM_HTTP_E_TE_UNSUPPORTED, 501},
		{"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
			WM_HTTP_E_TE_UNSUPPORTED, 501},
		{"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
			WM_HTTP_E_TE_UNSUPPORTED, 501},
		{"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked;q=1\r\n\r\n",
			WM_HTTP_E_TE_UNSUPPORTED, 501},
		{"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: xchunked\r\n\r\n", WM_HTTP_E_TE_UNSUPPORTED, 501},
		{"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: identity\r\n\r\n", WM_HTTP_E_TE_UNSUPPORTED, 501},
		{"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, chunked\r\n\r\n",
			WM_HTTP_E_TRANSFER_ENCODING, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
			WM_HTTP_E_TRANSFER_ENCODING, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked ,\tchunked\r\n\r\n",
			WM_HTTP_E_TRANSFER_ENCODING, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked ,gzip\r\n\r\n", WM_HTTP_E_TE_UNSUPPORTED, 501},
		{"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked x\r\n\r\n", WM_HTTP_E_TRANSFER_ENCODING, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked,\r\n\r\n", WM_HTTP_E_TRANSFER_ENCODING, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding:\r\n\r\n", WM_HTTP_E_TRANSFER_ENCODING, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: \"chunked\"\r\n\r\n",
			WM_HTTP_E_TRANSFER_ENCODING, 400},
		{"POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", WM_HTTP_E_TRANSFER_ENCODING, 400},
		/* line structure */
		{"POST / HTTP/1.1\r\nHost: h\r\nX: a\r\n b\r\n\r\n", WM_HTTP_E_OBS_FOLD, 400},
		{"POST / HTTP/1.1\r\nHost: h\r\nX: a\r\n\tb\r\n\r\n", WM_HTTP_E_OBS_FOLD, 400},
		{"GET / HTTP/1.1\r\n Host: h\r\n\r\n", WM_HTTP_E_OBS_FOLD, 400},
		{"GET / HTTP/1.1\r\nHost\t: h\r\n\r\n", WM_HTTP_E_HEADER, 400},
		{"GET / HTTP/1.1\r\nHost: h\r\n: v\r\n\r\n", WM_HTTP_E_HEADER, 400},
		{"GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n", WM_HTTP_E_HEADER, 400},
		{"GET / HTTP/1.1\r\nHost: h\r\nX(y): v\r\n\r\n", WM_HTTP_E_HEADER, 400},
		{"GET / HTTP/1.1\r\nHost: h\r\nX: a\x01" "b\r\n\r\n", WM_HTTP_E_HEADER, 400},
		{"GET / HTTP/1.1\r\nHost: h\r\nX: a\x7f\r\n\r\n", WM_HTTP_E_HEADER, 400},
		{"GET / HTTP/1.1\r\nHost: h\r\nX: a\x1b[0m\r\n\r\n", WM_HTTP_E_HEADER, 400},
		{"GET / HTTP/1.1\nHost: h\r\n\r\n", WM_HTTP_E_LINE_END, 400},
		{"GET / HTTP/1.1\r\nHost: h\n\r\n", WM_HTTP_E_LINE_END, 400},
		{"GET / HTTP/1.1\r\nHost: h\r\n\n", WM_HTTP_E_LINE_END, 400},
		{"GET / HTTP/1.1\r\nHost: h\r\r\n\r\n", WM_HTTP_E_LINE_END, 400},
		{"GET / HTTP/1.1\r\nHost: h\r\nX: 1\rY: 2\r\n\r\n", WM_HTTP_E_LINE_END, 400},
		{"GET / HTTP/1.1\r\nHost: h\r\n\rX", WM_HTTP_E_LINE_END, 400},
		{"GET / HTTP/1.1\rHost: h\r\n\r\n", WM_HTTP_E_LINE_END, 400},
		/* request line */
		{"G(T / HTTP/1.1\r\nHost: h\r\n\r\n", WM_HTTP_E_METHOD, 400},
		{"G\x01T / HTTP/1.1\r\nHost: h\r\n\r\n", WM_HTTP_E_METHOD, 400},
		{" GET / HTTP/1.1\r\nHost: h\r\n\r\n", WM_HTTP_E_METHOD, 400},
		{"GET\t/ HTTP/1.1\r\nHost: h\r\n\r\n", WM_HTTP_E_METHOD, 400},
		{"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", WM_HTTP_E_METHOD, 400}, /* TLS hello */
		{"GET  / HTTP/1.1\r\nHost: h\r\n\r\n", WM_HTTP_E_TARGET, 400},
		{"GET /a\x01 HTTP/1.1\r\nHost: h\r\n\r\n", WM_HTTP_E_TARGET, 400},
		{"GET /a\tb HTTP/1.1\r\nHost: h\r\n\r\n", WM_HTTP_E_TARGET, 400},
		{"GET /a\x7f HTTP/1.1\r\nHost: h\r\n\r\n", WM_HTTP_E_TARGET, 400},
		{"GET /\r\n\r\n", WM_HTTP_E_VERSION, 400},
		{"GET / HTTP/1.1 \r\nHost: h\r\n\r\n", WM_HTTP_E_VERSION, 400},
		{"GET / http/1.1\r\nHost: h\r\n\r\n", WM_HTTP_E_VERSION, 400},
		{"GET / HTTP/1\r\nHost: h\r\n\r\n", WM_HTTP_E_VERSION, 400},
		{"GET / HTTP/11\r\nHost: h\r\n\r\n", WM_HTTP_E_VERSION, 400},
		{"GET / HTTP/1.10\r\nHost: h\r\n\r\n", WM_HTTP_E_VERSION, 400},
		{"GET / HTTP/2.0\r\nHost: h\r\n\r\n", WM_HTTP_E_VERSION_UNSUPPORTED, 505},
		{"GET / HTTP/1.2\r\nHost: h\r\n\r\n", WM_HTTP_E_VERSION_UNSUPPORTED, 505},
		{"GET / HTTP/0.9\r\n\r\n", WM_HTTP_E_VERSION_UNSUPPORTED, 505},
		/* Host */
		{"GET / HTTP/1.1\r\n\r\n", WM_HTTP_E_HOST, 400},
		{"GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", WM_HTTP_E_HOST, 400},
		{"GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n", WM_HTTP_E_HOST, 400},
		{"GET / HTTP/1.1\r\nHost: a b\r\n\r\n", WM_HTTP_E_HOST, 400},
		{"GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", WM_HTTP_E_HOST, 400},
		{"GET / HTTP/1.1\r\nHost: u@a\r\n\r\n", WM_HTTP_E_HOST, 400},
		{"GET / HTTP/1.1\r\nHost: a\xc3\xa9\r\n\r\n", WM_HTTP_E_HOST, 400},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = PARSE(cases[i].req);
		CHECK_MSG(rc == cases[i].err, "case %zu: rc %d, want %d", i, rc, cases[i].err);
		CHECK_MSG(wm_http_error_status(rc) == cases[i].status, "case %zu: status %d, want %d", i,
			wm_http_error_status(rc), cases[i].status);
		error_on_prefixes(cases[i].req, cases[i].err);
	}
	done();
}

TEST(http_host_optional_flag)
{
	wm_http_limits_t lim = WM_HTTP_LIMITS_DEFAULT;
	CHECK_EQ(PARSE_LIM("GET / HTTP/1.1\r\n\r\n", &lim), WM_HTTP_E_HOST);
	lim.flags = WM_HTTP_HOST_OPTIONAL;
	REQUIRE_EQ(PARSE_LIM("GET / HTTP/1.1\r\n\r\n", &lim), 18);
	CHECK(P.req.host.p == NULL);
	/* Duplicate or invalid Host stays an error. */
	CHECK_EQ(PARSE_LIM("GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", &lim), WM_HTTP_E_HOST);
	CHECK_EQ(PARSE_LIM("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", &lim), WM_HTTP_E_HOST);
	done();
}

TEST(http_accepted_edge_cases)
{
	/* Identical duplicate Content-Length: accepted. */
	REQUIRE_GE(PARSE("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\ncontent-length: 5\r\n\r\n"), 1);
	CHECK_EQ(P.req.content_length, 5);
	/* Leading zeros, OWS around the value. */
	REQUIRE_GE(PARSE("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: \t007 \r\n\r\n"), 1);
	CHECK_EQ(P.req.content_length, 7);
	REQUIRE_GE(PARSE("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n"), 1);
	CHECK_EQ(P.req.content_length, 0);
	CHECK_EQ(P.req.body_len, 0);
	/* Transfer-Encoding: chunked in any case, with OWS. */
	REQUIRE_GE(PARSE("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding:  ChUnKeD \r\n\r\n"), 1);
	CHECK_EQ(P.req.chunked, 1);
	CHECK_EQ(P.req.content_length, -1);
	CHECK_EQ(P.req.body_len, -1);
	CHECK_EQ(P.req.package_len, -1);
	/* Empty Host is allowed (RFC 7230 5.4). */
	REQUIRE_GE(PARSE("GET / HTTP/1.1\r\nHost:\r\n\r\n"), 1);
	CHECK(P.req.host.p != NULL);
	CHECK_EQ(P.req.host.len, 0);
	REQUIRE_GE(PARSE("GET / HTTP/1.1\r\nHost: [2001:db8::1]:8080\r\n\r\n"), 1);
	SL_EQ(P.req.host, "[2001:db8::1]:8080");
	/* A GET body announced by Content-Length is framed as a body. */
	REQUIRE_GE(PARSE("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\n"), 1);
	CHECK_EQ(P.req.package_len, P.req.head_len + 4);
	/* HTAB and obs-text inside values. */
	REQUIRE_GE(PARSE("GET / HTTP/1.1\r\nHost: h\r\nX: a\tb\xff\r\n\r\n"), 1);
	SL_EQ(P.req.headers[1].value, "a\tb\xff");
	done();
}

TEST(http_limits_head)
{
	wm_http_limits_t lim = WM_HTTP_LIMITS_DEFAULT;
	const char *s = "GET / HTTP/1.0\r\nX: 0123456789\r\n\r\n"; /* 33 bytes */
	size_t n = strlen(s);
	lim.max_head = n;
	CHECK_EQ(PARSE_LIM(s, &lim), n);
	lim.max_head = n - 1;
	CHECK_EQ(PARSE_LIM(s, &lim), WM_HTTP_E_HEAD_TOO_LARGE);
	/* Fewer than max_head bytes: need more; max_head bytes without the end: error. */
	lim.max_head = 20;
	CHECK_EQ(parse_n(&P, s, 19, &lim), 0);
	CHECK_EQ(parse_n(&P, s, 20, &lim), WM_HTTP_E_HEAD_TOO_LARGE);
	CHECK_EQ(parse_n(&P, s, n, &lim), WM_HTTP_E_HEAD_TOO_LARGE);
	/* Request line not done within max_head: 414. */
	lim.max_head = 10;
	CHECK_EQ(PARSE_LIM(s, &lim), WM_HTTP_E_URI_TOO_LONG);
	CHECK_EQ(wm_http_error_status(WM_HTTP_E_URI_TOO_LONG), 414);
	CHECK_EQ(parse_n(&P, s, 9, &lim), 0);

	/* Default limit: 16 KB. */
	size_t big = WM_HTTP_DEFAULT_MAX_HEAD + 100;
	char *b = malloc(big + 1);
	memset(b, 'a', big);
	b[big] = 0;
	memcpy(b, "GET / HTTP/1.1\r\nHost: h\r\nX: ", 28);
	memcpy(b + big - 4, "\r\n\r\n", 4);
	CHECK_EQ(PARSE(b), WM_HTTP_E_HEAD_TOO_LARGE);
	CHECK_EQ(wm_http_error_status(P.rc), 431);
	memcpy(b + WM_HTTP_DEFAULT_MAX_HEAD - 4, "\r\n\r\n", 4);
	CHECK_EQ(PARSE(b), WM_HTTP_DEFAULT_MAX_HEAD);
	/* A huge request line. */
	memset(b, 'a', big);
	memcpy(b, "GET /", 5);
	CHECK_EQ(PARSE(b), WM_HTTP_E_URI_TOO_LONG);
	free(b);
	done();
}

TEST(http_limits_header_count)
{
	char *s = malloc(64 * 1024);
	size_t n = (size_t)sprintf(s, "GET / HTTP/1.1\r\nHost: h\r\n");
	for (int i = 1; i < WM_HTTP_MAX_HEADERS; i++) {
		n += (size_t)sprintf(s + n, "X-%d: %d\r\n", i, i);
	}
	strcpy(s + n, "\r\n");
	REQUIRE_GE(PARSE(s), 1);
	CHECK_EQ(P.req.nheaders, WM_HTTP_MAX_HEADERS);
	CHECK_STR_EQ(hval("x-99"), "99");
	n += (size_t)sprintf(s + n, "X-extra: 1\r\n\r\n");
	CHECK_EQ(PARSE(s), WM_HTTP_E_TOO_MANY_HEADERS);
	CHECK_EQ(wm_http_error_status(P.rc), 431);

	wm_http_limits_t lim = {4096, 2, 1024, 0};
	CHECK_EQ(PARSE_LIM("GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\n\r\n", &lim), 33);
	CHECK_EQ(PARSE_LIM("GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\n\r\n", &lim), WM_HTTP_E_TOO_MANY_HEADERS);
	/* Values above the array size are clamped. */
	lim.max_headers = 100000;
	CHECK_EQ(PARSE_LIM(s, &lim), WM_HTTP_E_TOO_MANY_HEADERS);
	free(s);
	done();
}

TEST(http_limits_body_content_length)
{
	wm_http_limits_t lim = {4096, 100, 10, 0};
	REQUIRE_GE(PARSE_LIM("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n", &lim), 1);
	CHECK_EQ(P.req.content_length, 10);
	CHECK_EQ(PARSE_LIM("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n", &lim),
		WM_HTTP_E_BODY_TOO_LARGE);
	CHECK_EQ(wm_http_error_status(P.rc), 413);
	CHECK_EQ(PARSE("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10485761\r\n\r\n"), WM_HTTP_E_BODY_TOO_LARGE);
	CHECK_EQ(PARSE("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10485760\r\n\r\n"), 54);
	CHECK_EQ(PARSE("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 9223372036854775807\r\n\r\n"),
		WM_HTTP_E_BODY_TOO_LARGE);
	done();
}

TEST(http_status_and_errors_tables)
{
	CHECK_STR_EQ(wm_http_status_text(100), "Continue");
	CHECK_STR_EQ(wm_http_status_text(200), "OK");
	CHECK_STR_EQ(wm_http_status_text(304), "Not Modified");
	CHECK_STR_EQ(wm_http_status_text(400), "Bad Request");
	CHECK_STR_EQ(wm_http_status_text(403), "Forbidden");
	CHECK_STR_EQ(wm_http_status_text(404), "Not Found");
	CHECK_STR_EQ(wm_http_status_text(405), "Method Not Allowed");
	CHECK_STR_EQ(wm_http_status_text(411), "Length Required");
	CHECK_STR_EQ(wm_http_status_text(413), "Request Entity Too Large");
	CHECK_STR_EQ(wm_http_status_text(414), "Request-URI Too Long");
	CHECK_STR_EQ(wm_http_status_text(431), "Request Header Fields Too Large");
	CHECK_STR_EQ(wm_http_status_text(500), "Internal Server Error");
	CHECK_STR_EQ(wm_http_status_text(501), "Not Implemented");
	CHECK_STR_EQ(wm_http_status_text(505), "HTTP Version Not Supported");
	CHECK(wm_http_status_text(0) == NULL);
	CHECK(wm_http_status_text(299) == NULL);
	CHECK(wm_http_status_text(-1) == NULL);
	for (int e = -1; e >= WM_HTTP_E_LAST; e--) {
		int st = wm_http_error_status(e);
		CHECK(st == 400 || st == 413 || st == 414 || st == 431 || st == 501 || st == 505);
		CHECK(wm_http_status_text(st) != NULL);
		CHECK(wm_http_error_reason(e) != NULL && wm_http_error_reason(e)[0]);
	}
	CHECK_EQ(wm_http_error_status(WM_HTTP_E_TE_UNSUPPORTED), 501);
	CHECK_EQ(wm_http_error_status(WM_HTTP_E_VERSION_UNSUPPORTED), 505);
	CHECK_EQ(wm_http_error_status(WM_HTTP_E_TRAILERS_TOO_LARGE), 431);
	CHECK_EQ(wm_http_error_status(-1000), 400);
	CHECK_EQ(wm_http_error_status(5), 400);
	CHECK(wm_http_error_reason(-1000) != NULL);
}

/* ---- url decode ---- */

static void ud(const char *in, int plus, const char *want, size_t wantlen)
{
	size_t n = strlen(in);
	char *s = malloc(n ? n : 1);
	memcpy(s, in, n);
	size_t r = wm_url_decode(s, n, plus);
	CHECK_MEM_EQ(s, r, want, wantlen);
	free(s);
}

#define UD(in, plus, want) ud((in), (plus), (want), sizeof(want) - 1)

TEST(http_url_decode)
{
	UD("", 1, "");
	UD("abc", 1, "abc");
	UD("a%20b", 1, "a b");
	UD("a+b", 1, "a b");
	UD("a+b", 0, "a+b");
	UD("%2B", 1, "+");
	UD("%41%42%43", 0, "ABC");
	UD("%4a%4A", 0, "JJ");
	UD("%e2%82%ac", 0, "\xe2\x82\xac");
	UD("%00x", 0, "\0x");
	UD("%", 1, "%");
	UD("%4", 1, "%4");
	UD("a%", 1, "a%");
	UD("%zz", 1, "%zz");
	UD("%4g", 1, "%4g");
	UD("%%41", 1, "%A");
	UD("%2525", 1, "%25"); /* one pass only */
	UD("100%", 0, "100%");
	UD("++", 1, "  ");
	wm_url_decode(NULL, 0, 1);
}

/* ---- chunked ---- */

typedef struct chunk_result {
	int rc;
	size_t consumed;
	char body[4096];
	size_t body_len;
} chunk_result_t;

/* Decode s in one call through an exact-size copy. */
static int chunked_once(const char *s, size_t len, const wm_http_limits_t *lim, chunk_result_t *res)
{
	wm_http_chunked_t st;
	wm_buf_t out = WM_BUF_INIT;
	char *b = malloc(len ? len : 1);
	memcpy(b, s, len);
	wm_http_chunked_init(&st, lim);
	res->rc = wm_http_chunked_feed(&st, b, len, &out, &res->consumed);
	res->body_len = wm_buf_size(&out);
	if (res->body_len <= sizeof(res->body)) {
		memcpy(res->body, wm_buf_head(&out), res->body_len);
	}
	CHECK_LE(res->consumed, len);
	CHECK_EQ(st.body_len, res->body_len);
	if (res->rc == 1) {
		CHECK_EQ(st.raw_len, res->consumed);
	}
	wm_buf_free(&out);
	free(b);
	return res->rc;
}

#define CHUNKED(s, res) chunked_once((s), strlen(s), NULL, (res))

TEST(http_chunked_normal)
{
	chunk_result_t r;
	const char *s = "4\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\n\r\nGET / HTTP/1.1\r\n";
	CHECK_EQ(CHUNKED(s, &r), 1);
	CHECK_EQ(r.consumed, strlen(s) - strlen("GET / HTTP/1.1\r\n"));
	CHECK_MEM_EQ(r.body, r.body_len, "Wikipedia in\r\n\r\nchunks.", 23);

	CHECK_EQ(CHUNKED("0\r\n\r\n", &r), 1);
	CHECK_EQ(r.consumed, 5);
	CHECK_EQ(r.body_len, 0);

	/* Uppercase / lowercase hex, leading zeros. */
	CHECK_EQ(CHUNKED("A\r\n0123456789\r\na\r\nabcdefghij\r\n00000000000000000000001\r\nZ\r\n000\r\n\r\n", &r), 1);
	CHECK_MEM_EQ(r.body, r.body_len, "0123456789abcdefghijZ", 21);
	CHECK_EQ(CHUNKED("1F\r\n0123456789012345678901234567890\r\n0\r\n\r\n", &r), 1);
	CHECK_EQ(r.body_len, 31);

	/* Need more at every point of an incomplete body. */
	CHECK_EQ(CHUNKED("4\r\nWi", &r), 0);
	CHECK_EQ(r.consumed, 5);
	CHECK_EQ(CHUNKED("0\r\n\r", &r), 0);
	CHECK_EQ(CHUNKED("", &r), 0);
}

TEST(http_chunked_extensions_and_trailers)
{
	chunk_result_t r;
	CHECK_EQ(CHUNKED("4;foo=bar\r\nWiki\r\n5;a;b=\"q;x\"\r\npedia\r\n0;last\r\n\r\n", &r), 1);
	CHECK_MEM_EQ(r.body, r.body_len, "Wikipedia", 9);
	CHECK_EQ(CHUNKED("4 ;x\r\nWiki\r\n0\t; y\r\n\r\n", &r), 1);
	CHECK_MEM_EQ(r.body, r.body_len, "Wiki", 4);

	const char *s = "3\r\nabc\r\n0\r\nX-Checksum: 123\r\nX-Other:\r\n\r\nNEXT";
	CHECK_EQ(CHUNKED(s, &r), 1);
	CHECK_EQ(r.consumed, strlen(s) - 4);
	CHECK_MEM_EQ(r.body, r.body_len, "abc", 3);

	/* Trailers are bounded by max_head. */
	wm_http_limits_t lim = {16, 100, 1 << 20, 0};
	const char *t16 = "0\r\nX: 01234567890\r\n\r\n";  /* 16 trailer bytes */
	const char *t17 = "0\r\nX: 012345678901\r\n\r\n"; /* 17 */
	CHECK_EQ(chunked_once(t16, strlen(t16), &lim, &r), 1);
	CHECK_EQ(chunked_once(t17, strlen(t17), &lim, &r), WM_HTTP_E_TRAILERS_TOO_LARGE);
	CHECK_EQ(wm_http_error_status(r.rc), 431);
}

TEST(http_chunked_errors)
{
	static const struct {
		const char *s;
		int err;
	} cases[] = {
		{"g\r\n", WM_HTTP_E_CHUNK},
		{"\r\n", WM_HTTP_E_CHUNK},
		{" 4\r\nWiki\r\n0\r\n\r\n", WM_HTTP_E_CHUNK},
		{"-4\r\n", WM_HTTP_E_CHUNK},
		{"0x4\r\n", WM_HTTP_E_CHUNK},
		{"4 \r\nWiki\r\n", WM_HTTP_E_CHUNK},
		{"4\nWiki\r\n0\r\n\r\n", WM_HTTP_E_CHUNK},
		{"4\r\nWiki\n0\r\n\r\n", WM_HTTP_E_CHUNK},
		{"4\r\nWikiX\r\n", WM_HTTP_E_CHUNK},
		{"4\r\nWiki\r\r\n", WM_HTTP_E_CHUNK},
		{"4\r\nWiki0\r\n\r\n", WM_HTTP_E_CHUNK},
		{"4;a\nb\r\nWiki\r\n", WM_HTTP_E_CHUNK},
		{"4;a\x01\r\nWiki\r\n", WM_HTTP_E_CHUNK},
		{"4\rx\nWiki\r\n", WM_HTTP_E_CHUNK},
		{"0\r\n\n", WM_HTTP_E_CHUNK},
		{"0\r\n\r\r", WM_HTTP_E_CHUNK},
		{"0\r\nX: 1\n\r\n", WM_HTTP_E_CHUNK},
		{"0\r\nX: 1\rY: 2\r\n\r\n", WM_HTTP_E_CHUNK},
		{"0\r\n X: 1\r\n\r\n", WM_HTTP_E_CHUNK},
		{"0\r\nX : 1\r\n\r\n", WM_HTTP_E_CHUNK},
		{"0\r\nX: 1\x7f\r\n\r\n", WM_HTTP_E_CHUNK},
		{"0\r\nNoColon\r\n\r\n", WM_HTTP_E_CHUNK},
		{"10000000000000000\r\n", WM_HTTP_E_CHUNK_OVERFLOW},
		{"8000000000000000\r\n", WM_HTTP_E_CHUNK_OVERFLOW},
		{"ffffffffffffffffffffffffffffffff\r\n", WM_HTTP_E_CHUNK_OVERFLOW},
		{"7fffffffffffffff\r\n", WM_HTTP_E_BODY_TOO_LARGE},
		{"a00001\r\n", WM_HTTP_E_BODY_TOO_LARGE},
	};
	chunk_result_t r;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CHECK_MSG(CHUNKED(cases[i].s, &r) == cases[i].err, "case %zu (%s): %d, want %d", i, cases[i].s,
			r.rc, cases[i].err);
	}
	CHECK_EQ(wm_http_error_status(WM_HTTP_E_CHUNK_OVERFLOW), 400);
	CHECK_EQ(wm_http_error_status(WM_HTTP_E_CHUNK), 400);
}

TEST(http_chunked_body_limit)
{
	wm_http_limits_t lim = {4096, 100, 20, 0};
	chunk_result_t r;
	/* Exactly 20 raw bytes. */
	const char *ok = "a\r\n0123456789\r\n0\r\n\r\n";
	CHECK_EQ(strlen(ok), 20);
	CHECK_EQ(chunked_once(ok, 20, &lim, &r), 1);
	lim.max_body = 19;
	CHECK_EQ(chunked_once(ok, 20, &lim, &r), WM_HTTP_E_BODY_TOO_LARGE);
	CHECK_EQ(wm_http_error_status(r.rc), 413);
	/* A chunk size beyond the budget fails before its data arrives. */
	lim.max_body = 100;
	CHECK_EQ(chunked_once("100\r\n", 5, &lim, &r), WM_HTTP_E_BODY_TOO_LARGE);
	/* Many small chunks count their framing too. */
	char s[400];
	size_t n = 0;
	for (int i = 0; i < 30; i++) {
		n += (size_t)sprintf(s + n, "1\r\nx\r\n");
	}
	CHECK_EQ(chunked_once(s, n, &lim, &r), WM_HTTP_E_BODY_TOO_LARGE);
	CHECK_LE(r.consumed, 100);
}

TEST(http_chunked_split_every_byte)
{
	const char *s = "4;ext=1\r\nWiki\r\n5\r\npedia\r\n00E\r\n in\r\n\r\nchunks.\r\n0\r\nT: v\r\n\r\nNEXT";
	size_t len = strlen(s);
	chunk_result_t once;
	REQUIRE_EQ(chunked_once(s, len, NULL, &once), 1);
	/* Two pieces split at i. */
	for (size_t i = 0; i <= len; i++) {
		wm_http_chunked_t st;
		wm_buf_t out = WM_BUF_INIT;
		size_t c1, c2 = 0;
		char *a = malloc(i ? i : 1), *b = malloc(len - i ? len - i : 1);
		memcpy(a, s, i);
		memcpy(b, s + i, len - i);
		wm_http_chunked_init(&st, NULL);
		int rc = wm_http_chunked_feed(&st, a, i, &out, &c1);
		if (rc == 0) {
			CHECK_EQ(c1, i);
			rc = wm_http_chunked_feed(&st, b, len - i, &out, &c2);
		}
		CHECK_EQ(rc, 1);
		CHECK_EQ(c1 + c2, once.consumed);
		CHECK_EQ(st.raw_len, once.consumed);
		CHECK_MEM_EQ(wm_buf_head(&out), wm_buf_size(&out), once.body, once.body_len);
		wm_buf_free(&out);
		free(a);
		free(b);
	}
	/* Byte by byte. */
	wm_http_chunked_t st;
	wm_buf_t out = WM_BUF_INIT;
	wm_http_chunked_init(&st, NULL);
	size_t total = 0;
	int rc = 0;
	for (size_t i = 0; i < len && rc == 0; i++) {
		size_t c;
		char *one = malloc(1);
		one[0] = s[i];
		rc = wm_http_chunked_feed(&st, one, 1, &out, &c);
		free(one);
		total += c;
	}
	CHECK_EQ(rc, 1);
	CHECK_EQ(total, once.consumed);
	CHECK_MEM_EQ(wm_buf_head(&out), wm_buf_size(&out), once.body, once.body_len);
	wm_buf_free(&out);
}

TEST(http_chunked_state_after_end)
{
	wm_http_chunked_t st;
	size_t c;
	wm_http_chunked_init(&st, NULL);
	/* Framing only (no output buffer). */
	CHECK_EQ(wm_http_chunked_feed(&st, "3\r\nabc\r\n0\r\n\r\nxyz", 16, NULL, &c), 1);
	CHECK_EQ(c, 13);
	CHECK_EQ(st.body_len, 3);
	CHECK_EQ(wm_http_chunked_feed(&st, "xyz", 3, NULL, &c), 1);
	CHECK_EQ(c, 0);
	/* Errors are sticky. */
	wm_http_chunked_init(&st, NULL);
	CHECK_EQ(wm_http_chunked_feed(&st, "z", 1, NULL, &c), WM_HTTP_E_CHUNK);
	CHECK_EQ(wm_http_chunked_feed(&st, "0\r\n\r\n", 5, NULL, &c), WM_HTTP_E_CHUNK);
	CHECK_EQ(c, 0);
	/* Empty feeds. */
	wm_http_chunked_init(&st, NULL);
	CHECK_EQ(wm_http_chunked_feed(&st, NULL, 0, NULL, &c), 0);
	CHECK_EQ(c, 0);
}

/* Head + chunked body + next request, the way a connection would handle it. */
TEST(http_chunked_request_framing)
{
	const char *s = "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
		"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
		"GET /next HTTP/1.1\r\nHost: h\r\n\r\n";
	size_t len = strlen(s);
	char *buf = malloc(len);
	memcpy(buf, s, len);
	wm_http_req_t r;
	int rc = wm_http_parse_head(buf, len, NULL, &r);
	REQUIRE(rc > 0);
	REQUIRE(r.chunked);
	wm_http_chunked_t st;
	wm_buf_t body = WM_BUF_INIT;
	size_t c;
	wm_http_chunked_init(&st, NULL);
	REQUIRE_EQ(wm_http_chunked_feed(&st, buf + rc, len - (size_t)rc, &body, &c), 1);
	CHECK_MEM_EQ(wm_buf_head(&body), wm_buf_size(&body), "hello world", 11);
	size_t off = (size_t)rc + c;
	rc = wm_http_parse_head(buf + off, len - off, NULL, &r);
	CHECK_EQ(rc, len - off);
	CHECK_MEM_EQ(r.path.p, r.path.len, "/next", 5);
	wm_buf_free(&body);
	free(buf);
}
