/* Fuzz the HTTP request parser the way a connection uses it. Input: byte 0 = mode and
 * limits, byte 1 = split seed, then the byte stream.
 *  - head mode: wm_http_parse_head on an exact-size copy, then the next pipelined
 *    requests (Content-Length framing, or the chunked decoder in pseudo-random splits).
 *  - chunked mode (byte 0 bit 7): the stream is a raw chunked body.
 * Checked: head_len <= len and <= max_head, every slice inside the head, the head ends at
 * the first CRLF CRLF and has no bare CR/LF, header names/values are clean, framing fields
 * agree; every prefix of the input gives 0 or the same result (same head_len or same
 * error); the chunked decoder gives the same result, consumed count and body whatever the
 * split, and stays within its limits; wm_url_decode matches a reference. */
#include "fuzz_util.h"

#include <string.h>

#include "src/buf/wm_buf.h"
#include "src/proto/wm_http.h"

static const size_t max_heads[] = {16, 64, 256, 1024, WM_HTTP_DEFAULT_MAX_HEAD};
static const unsigned max_headers[] = {1, 3, 100, 1000};
static const uint64_t max_bodies[] = {0, 10, 100, 5000, WM_HTTP_DEFAULT_MAX_BODY};

static int is_tchar(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c && strchr("!#$%&'*+-.^_`|~", c));
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

static void check_slice(wm_slice_t s, const char *buf, size_t len, int may_be_null)
{
	if (!s.p) {
		FUZZ_CHECK(may_be_null);
		FUZZ_CHECK(s.len == 0);
		return;
	}
	FUZZ_CHECK(s.p >= buf);
	FUZZ_CHECK((size_t)(s.p - buf) <= len);
	FUZZ_CHECK(s.len <= len - (size_t)(s.p - buf));
}

/* Reference urldecode. */
static size_t ref_decode(const char *in, size_t n, char *out, int plus)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		const char *hex = "0123456789abcdef";
		if (in[i] == '%' && i + 2 < n && in[i + 1] && in[i + 2] && strchr(hex, lower((unsigned char)in[i + 1])) &&
				strchr(hex, lower((unsigned char)in[i + 2]))) {
			int hi = (int)(strchr(hex, lower((unsigned char)in[i + 1])) - hex);
			int lo = (int)(strchr(hex, lower((unsigned char)in[i + 2])) - hex);
			out[w++] = (char)(hi * 16 + lo);
			i += 2;
		} else if (in[i] == '+' && plus) {
			out[w++] = ' ';
		} else {
			out[w++] = in[i];
		}
	}
	return w;
}

static void check_url_decode(wm_slice_t s)
{
	for (int plus = 0; plus < 2; plus++) {
		char *a = malloc(s.len ? s.len : 1), *b = malloc(s.len ? s.len : 1);
		if (s.len) {
			memcpy(a, s.p, s.len);
		}
		size_t n = wm_url_decode(a, s.len, plus);
		size_t m = ref_decode(s.p, s.len, b, plus);
		FUZZ_CHECK(n <= s.len);
		FUZZ_CHECK(n == m && memcmp(a, b, n) == 0);
		free(a);
		free(b);
	}
}

/* Invariants of a complete head in buf (exact copy of len bytes). */
static void check_head(const char *buf, size_t len, int rc, const wm_http_req_t *r, const wm_http_limits_t *lim)
{
	size_t hl = (size_t)rc;
	FUZZ_CHECK(r->head_len == hl);
	FUZZ_CHECK(hl <= len && hl <= lim->max_head);
	FUZZ_CHECK(hl >= 4 && memcmp(buf + hl - 4, "\r\n\r\n", 4) == 0);
	/* The head ends at the first CRLF CRLF after the leading empty lines. */
	size_t s = 0;
	while (s + 1 < hl && buf[s] == '\r' && buf[s + 1] == '\n') {
		s += 2;
	}
	for (size_t i = s; i + 4 <= hl; i++) {
		if (memcmp(buf + i, "\r\n\r\n", 4) == 0) {
			FUZZ_CHECK(i + 4 == hl);
			break;
		}
	}
	for (size_t i = 0; i < hl; i++) {
		if (buf[i] == '\n') {
			FUZZ_CHECK(i > 0 && buf[i - 1] == '\r');
		}
		if (buf[i] == '\r') {
			FUZZ_CHECK(i + 1 < hl && buf[i + 1] == '\n');
		}
		FUZZ_CHECK(buf[i] != 0);
	}
	FUZZ_CHECK(r->version == 10 || r->version == 11);
	check_slice(r->method, buf, hl, 0);
	check_slice(r->target, buf, hl, 0);
	check_slice(r->path, buf, hl, 0);
	check_slice(r->query, buf, hl, 1);
	check_slice(r->host, buf, hl, 1);
	FUZZ_CHECK(r->method.len > 0 && r->target.len > 0);
	for (size_t i = 0; i < r->method.len; i++) {
		FUZZ_CHECK(is_tchar((unsigned char)r->method.p[i]));
	}
	/* path and query lie inside the target. */
	FUZZ_CHECK(r->path.p >= r->target.p && r->path.p + r->path.len <= r->target.p + r->target.len);
	if (r->query.p) {
		FUZZ_CHECK(r->query.p > r->target.p && r->query.p[-1] == '?');
		FUZZ_CHECK(r->query.p + r->query.len <= r->target.p + r->target.len);
		FUZZ_CHECK(memchr(r->query.p, '#', r->query.len) == NULL);
	}
	FUZZ_CHECK(memchr(r->path.p, '?', r->path.len) == NULL);
	if (r->version == 11 && !(lim->flags & WM_HTTP_HOST_OPTIONAL)) {
		FUZZ_CHECK(r->host.p != NULL);
	}
	unsigned maxh = lim->max_headers > WM_HTTP_MAX_HEADERS ? WM_HTTP_MAX_HEADERS : lim->max_headers;
	FUZZ_CHECK(r->nheaders <= maxh);
	for (unsigned i = 0; i < r->nheaders; i++) {
		const wm_http_header_t *h = &r->headers[i];
		check_slice(h->name, buf, hl, 0);
		check_slice(h->value, buf, hl, 0);
		FUZZ_CHECK(h->name.len > 0);
		for (size_t j = 0; j < h->name.len; j++) {
			FUZZ_CHECK(is_tchar((unsigned char)h->name.p[j]));
		}
		FUZZ_CHECK(h->name.p[h->name.len] == ':');
		for (size_t j = 0; j < h->value.len; j++) {
			unsigned char c = (unsigned char)h->value.p[j];
			FUZZ_CHECK(c == '\t' || (c >= 0x20 && c != 0x7f));
		}
		if (h->value.len) {
			FUZZ_CHECK(h->value.p[0] != ' ' && h->value.p[0] != '\t');
			FUZZ_CHECK(h->value.p[h->value.len - 1] != ' ' && h->value.p[h->value.len - 1] != '\t');
		}
		/* The lookup finds this header or an earlier one with the same name. */
		const wm_http_header_t *f = wm_http_header_findn(r, h->name.p, h->name.len);
		FUZZ_CHECK(f && f <= h && f->name.len == h->name.len);
		for (size_t j = 0; j < h->name.len; j++) {
			FUZZ_CHECK(lower((unsigned char)f->name.p[j]) == lower((unsigned char)h->name.p[j]));
		}
	}
	FUZZ_CHECK(r->content_length >= -1);
	FUZZ_CHECK(r->content_length < 0 || (uint64_t)r->content_length <= lim->max_body);
	if (r->chunked) {
		FUZZ_CHECK(r->content_length == -1 && r->body_len == -1 && r->package_len == -1);
		FUZZ_CHECK(r->version == 11);
	} else {
		FUZZ_CHECK(r->body_len == (r->content_length < 0 ? 0 : r->content_length));
		FUZZ_CHECK(r->package_len == (int64_t)hl + r->body_len);
		FUZZ_CHECK(wm_http_package_length(r) == r->package_len);
	}
	FUZZ_CHECK(r->keep_alive == 0 || r->keep_alive == 1);
	FUZZ_CHECK(!r->expect_continue || r->version == 11);
	check_url_decode(r->target);
}

/* Parse an exact-size copy of buf[0..len). */
static int parse_copy(const char *buf, size_t len, const wm_http_limits_t *lim, wm_http_req_t *r, char **copy)
{
	char *c = malloc(len ? len : 1);
	if (len) {
		memcpy(c, buf, len);
	}
	int rc = wm_http_parse_head(len ? c : NULL, len, lim, r);
	if (copy) {
		*copy = c;
	} else {
		free(c);
	}
	return rc;
}

static uint32_t next_rand(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

/* Decode a chunked body at once and in random pieces: same outcome. Returns the bytes
 * the body took (0 unless done). */
static size_t check_chunked(const char *data, size_t len, const wm_http_limits_t *lim, uint32_t seed, int *done)
{
	wm_http_chunked_t a, b;
	wm_buf_t oa = WM_BUF_INIT, ob = WM_BUF_INIT;
	size_t ca;

	char *copy = malloc(len ? len : 1);
	if (len) {
		memcpy(copy, data, len);
	}
	wm_http_chunked_init(&a, lim);
	int ra = wm_http_chunked_feed(&a, copy, len, &oa, &ca);
	FUZZ_CHECK(ra <= 1);
	FUZZ_CHECK(ca <= len);
	if (ra == 0) {
		FUZZ_CHECK(ca == len);
	}
	FUZZ_CHECK(a.raw_len == ca);
	FUZZ_CHECK(a.raw_len <= lim->max_body);
	FUZZ_CHECK(a.body_len == wm_buf_size(&oa));
	FUZZ_CHECK(a.body_len <= a.raw_len);
	free(copy);

	/* Pieces, each in its own exact-size allocation; sometimes without an output buffer. */
	int use_out = (seed & 1) != 0;
	wm_http_chunked_init(&b, lim);
	size_t pos = 0, total = 0;
	int rb = 0;
	uint32_t maxchunk = 1 + (seed >> 1) % 64;
	while (rb == 0) {
		size_t n = 1 + next_rand(&seed) % maxchunk;
		if (n > len - pos) {
			n = len - pos;
		}
		char *piece = malloc(n ? n : 1);
		if (n) {
			memcpy(piece, data + pos, n);
		}
		size_t c;
		rb = wm_http_chunked_feed(&b, n ? piece : NULL, n, use_out ? &ob : NULL, &c);
		free(piece);
		FUZZ_CHECK(c <= n);
		if (rb == 0) {
			FUZZ_CHECK(c == n);
		}
		total += c;
		pos += n;
		if (pos == len && rb == 0) {
			break;
		}
	}
	FUZZ_CHECK(ra == rb);
	if (ra == 1) {
		FUZZ_CHECK(total == ca && b.raw_len == ca);
		/* Finished decoders stay finished and take nothing. */
		size_t c = 1;
		FUZZ_CHECK(wm_http_chunked_feed(&b, "x", 1, NULL, &c) == 1 && c == 0);
	} else if (ra < 0) {
		/* Same error at the same byte. */
		FUZZ_CHECK(b.raw_len == a.raw_len);
		size_t c = 1;
		FUZZ_CHECK(wm_http_chunked_feed(&b, "0\r\n\r\n", 5, NULL, &c) == ra && c == 0);
		FUZZ_CHECK(wm_http_error_status(ra) != 0 && wm_http_error_reason(ra) != NULL);
	} else {
		FUZZ_CHECK(total == len);
	}
	FUZZ_CHECK(b.body_len == a.body_len);
	if (use_out) {
		FUZZ_CHECK(wm_buf_size(&oa) == wm_buf_size(&ob));
		FUZZ_CHECK(memcmp(wm_buf_head(&oa), wm_buf_head(&ob), wm_buf_size(&oa)) == 0);
	}
	wm_buf_free(&oa);
	wm_buf_free(&ob);
	*done = ra == 1;
	return ra == 1 ? ca : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2) {
		return 0;
	}
	uint8_t mode = data[0];
	uint32_t seed = (uint32_t)data[1] * 2654435761u;
	wm_http_limits_t lim;
	lim.max_head = max_heads[mode % 5];
	lim.max_headers = max_headers[(mode >> 3) % 4];
	lim.max_body = max_bodies[(mode >> 5) % 5];
	lim.flags = (data[1] & 0x80) ? WM_HTTP_HOST_OPTIONAL : 0;
	const char *stream = (const char *)data + 2;
	size_t len = size - 2;

	if (mode & 0x80 && mode & 0x04) {
		int done;
		check_chunked(stream, len, &lim, seed, &done);
		return 0;
	}

	/* Up to 8 pipelined requests. */
	size_t off = 0;
	for (int n = 0; n < 8 && off <= len; n++) {
		const char *buf = stream + off;
		size_t blen = len - off;
		wm_http_req_t r;
		char *copy;
		int rc = parse_copy(buf, blen, &lim, &r, &copy);
		if (rc > 0) {
			check_head(copy, blen, rc, &r, &lim);
		} else if (rc == 0) {
			FUZZ_CHECK(blen < lim.max_head);
		} else {
			FUZZ_CHECK(rc >= WM_HTTP_E_LAST);
			int st = wm_http_error_status(rc);
			FUZZ_CHECK(st == 400 || st == 413 || st == 414 || st == 431 || st == 501 || st == 505);
			FUZZ_CHECK(wm_http_status_text(st) != NULL);
		}
		free(copy);

		/* Every prefix (or a sample of them) agrees. */
		size_t step = blen <= 300 ? 1 : blen / 61 + 1;
		for (size_t i = 0; i < blen; i += step) {
			wm_http_req_t pr;
			int prc = parse_copy(buf, i, &lim, &pr, NULL);
			if (rc > 0 && i >= (size_t)rc) {
				FUZZ_CHECK(prc == rc);
				FUZZ_CHECK(pr.nheaders == r.nheaders && pr.package_len == r.package_len);
				FUZZ_CHECK(pr.keep_alive == r.keep_alive && pr.chunked == r.chunked);
			} else if (rc >= 0) {
				FUZZ_CHECK(prc == 0);
			} else {
				FUZZ_CHECK(prc == 0 || prc == rc);
			}
		}
		if (rc <= 0) {
			break;
		}
		if (r.chunked) {
			int done;
			size_t used = check_chunked(buf + rc, blen - (size_t)rc, &lim, seed + (uint32_t)n, &done);
			if (!done) {
				break;
			}
			off += (size_t)rc + used;
		} else {
			if (r.package_len > (int64_t)blen) {
				break;
			}
			off += (size_t)r.package_len;
		}
	}
	return 0;
}
