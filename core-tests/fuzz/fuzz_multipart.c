/* Fuzz the multipart/form-data parser. Input: byte 0 = max_parts / fallback boundary
 * selector, then a Content-Type value up to the first '\n', then the body.
 * Checked: wm_multipart_boundary returns a valid slice of the Content-Type; the iterator
 * ends (parts <= max_parts), every slice lies inside the body, parts come in order,
 * each data slice is followed by CRLF "--" boundary and holds no delimiter line itself,
 * name/filename/content_type lie inside the part headers, a clean end follows a close
 * delimiter, errors are sticky; any prefix of the body yields the same first parts;
 * wm_multipart_unquote never grows and is the identity without escapes. */
#include "fuzz_util.h"

#include <string.h>

#include "src/proto/wm_multipart.h"

static const char *fallback[] = {"b", "XyZ", "----WebKitFormBoundaryABC", "a b"};
static const unsigned max_parts_tab[] = {0, 1, 3, 50};

#define KEEP 64

typedef struct result {
	int rc;
	unsigned n;
	wm_multipart_part_t parts[KEEP];
} result_t;

static int inside(wm_slice_t s, const char *b, size_t len)
{
	if (!s.p) {
		return s.len == 0;
	}
	return s.p >= b && (size_t)(s.p - b) <= len && s.len <= len - (size_t)(s.p - b);
}

static int within(wm_slice_t in, wm_slice_t outer)
{
	if (!in.p) {
		return 1;
	}
	return in.p >= outer.p && in.p + in.len <= outer.p + outer.len;
}

/* A delimiter line starts at b[at] ("--" boundary, then "--" or SP/HTAB* CRLF)? */
static int is_delim(const char *b, size_t len, size_t at, const char *bnd, size_t bl)
{
	if (len - at < bl + 2 || b[at] != '-' || b[at + 1] != '-' || memcmp(b + at + 2, bnd, bl) != 0) {
		return 0;
	}
	size_t p = at + 2 + bl;
	if (len - p >= 2 && b[p] == '-' && b[p + 1] == '-') {
		return 2;
	}
	while (p < len && (b[p] == ' ' || b[p] == '\t')) {
		p++;
	}
	return len - p >= 2 && b[p] == '\r' && b[p + 1] == '\n';
}

static void check_unquote(wm_slice_t s, int escaped)
{
	if (!s.p) {
		return;
	}
	char *c = malloc(s.len ? s.len : 1);
	if (s.len) {
		memcpy(c, s.p, s.len);
	}
	size_t n = wm_multipart_unquote(c, s.len);
	FUZZ_CHECK(n <= s.len);
	if (!escaped) {
		FUZZ_CHECK(n == s.len && memcmp(c, s.p, n) == 0);
	}
	free(c);
}

static void run(const char *b, size_t len, wm_slice_t bnd, unsigned max_parts, result_t *res)
{
	wm_multipart_t mp;
	wm_multipart_part_t part;
	const char *prev_end = b;
	unsigned limit = max_parts ? max_parts : WM_MULTIPART_DEFAULT_MAX_PARTS;

	wm_multipart_init(&mp, len ? b : NULL, len, bnd, max_parts);
	res->n = 0;
	for (;;) {
		int rc = wm_multipart_next(&mp, &part);
		if (rc <= 0) {
			res->rc = rc;
			FUZZ_CHECK(wm_multipart_next(&mp, &part) == rc);
			FUZZ_CHECK(wm_multipart_error_reason(rc) != NULL);
			if (rc == 0 && res->n > 0) {
				/* The last part ended with the close delimiter. */
				const wm_multipart_part_t *l = res->n <= KEEP ? &res->parts[res->n - 1] : NULL;
				if (l) {
					size_t e = (size_t)(l->data.p - b) + l->data.len;
					FUZZ_CHECK(is_delim(b, len, e + 2, bnd.p, bnd.len) == 2);
				}
			}
			break;
		}
		FUZZ_CHECK(rc == 1);
		res->n++;
		FUZZ_CHECK(res->n <= limit);
		FUZZ_CHECK(inside(part.headers, b, len) && part.headers.p);
		FUZZ_CHECK(inside(part.data, b, len) && part.data.p);
		FUZZ_CHECK(inside(part.name, b, len));
		FUZZ_CHECK(inside(part.filename, b, len));
		FUZZ_CHECK(inside(part.content_type, b, len));
		FUZZ_CHECK(within(part.name, part.headers));
		FUZZ_CHECK(within(part.filename, part.headers));
		FUZZ_CHECK(within(part.content_type, part.headers));
		FUZZ_CHECK(part.headers.p >= prev_end);
		/* Data starts after the headers (or at their last CRLF when it is the delimiter's). */
		FUZZ_CHECK((size_t)(part.data.p - b) + 2 >= (size_t)(part.headers.p - b) + part.headers.len);
		if (part.headers.len) {
			FUZZ_CHECK(part.headers.len >= 2 && part.headers.p[part.headers.len - 2] == '\r' &&
				part.headers.p[part.headers.len - 1] == '\n');
		}
		size_t e = (size_t)(part.data.p - b) + part.data.len;
		FUZZ_CHECK(len - e >= 2 && b[e] == '\r' && b[e + 1] == '\n');
		FUZZ_CHECK(is_delim(b, len, e + 2, bnd.p, bnd.len));
		/* No delimiter line inside the data. */
		for (size_t j = (size_t)(part.data.p - b); j + 2 <= e; j++) {
			if (b[j] == '\r' && b[j + 1] == '\n') {
				FUZZ_CHECK(!is_delim(b, len, j + 2, bnd.p, bnd.len));
			}
		}
		check_unquote(part.name, part.name_escaped);
		check_unquote(part.filename, part.filename_escaped);
		prev_end = b + e;
		if (res->n <= KEEP) {
			res->parts[res->n - 1] = part;
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1) {
		return 0;
	}
	uint8_t mode = data[0];
	const char *rest = (const char *)data + 1;
	size_t rlen = size - 1;
	const char *nl = rlen ? memchr(rest, '\n', rlen) : NULL;
	size_t ctlen = nl ? (size_t)(nl - rest) : 0;
	const char *body = nl ? nl + 1 : rest;
	size_t blen = nl ? rlen - ctlen - 1 : rlen;

	/* Boundary from the Content-Type, through an exact-size copy. */
	char *ct = malloc(ctlen ? ctlen : 1);
	if (ctlen) {
		memcpy(ct, rest, ctlen);
	}
	wm_slice_t bnd = {NULL, 0};
	char bbuf[WM_MULTIPART_MAX_BOUNDARY];
	int brc = wm_multipart_boundary(ctlen ? ct : NULL, ctlen, &bnd);
	if (brc == 0) {
		FUZZ_CHECK(inside(bnd, ct, ctlen) && bnd.p);
		FUZZ_CHECK(bnd.len >= 1 && bnd.len <= WM_MULTIPART_MAX_BOUNDARY);
		FUZZ_CHECK(bnd.p[bnd.len - 1] != ' ');
		for (size_t i = 0; i < bnd.len; i++) {
			FUZZ_CHECK(bnd.p[i] != '"' && bnd.p[i] != '\\' && bnd.p[i] != '\r' && bnd.p[i] != '\n');
		}
		memcpy(bbuf, bnd.p, bnd.len);
		bnd.p = bbuf;
	} else {
		FUZZ_CHECK(brc == WM_MP_E_BOUNDARY);
		bnd.p = fallback[mode & 3];
		bnd.len = strlen(bnd.p);
	}
	free(ct);

	unsigned max_parts = max_parts_tab[(mode >> 2) & 3];
	char *b = malloc(blen ? blen : 1);
	if (blen) {
		memcpy(b, body, blen);
	}
	result_t *full = malloc(sizeof(*full));
	run(b, blen, bnd, max_parts, full);

	/* Prefixes give the same first parts (offsets), then stop. */
	result_t *pre = malloc(sizeof(*pre));
	size_t step = blen <= 200 ? 1 : blen / 23 + 1;
	for (size_t i = 0; i < blen; i += step) {
		char *p = malloc(i ? i : 1);
		if (i) {
			memcpy(p, b, i);
		}
		run(p, i, bnd, max_parts, pre);
		FUZZ_CHECK(pre->n <= full->n);
		for (unsigned k = 0; k < pre->n && k < KEEP; k++) {
			const wm_multipart_part_t *x = &pre->parts[k], *y = &full->parts[k];
			FUZZ_CHECK(x->data.p - p == y->data.p - b && x->data.len == y->data.len);
			FUZZ_CHECK(x->headers.p - p == y->headers.p - b && x->headers.len == y->headers.len);
			FUZZ_CHECK((x->name.p == NULL) == (y->name.p == NULL) && x->name.len == y->name.len);
		}
		free(p);
	}
	free(pre);
	free(full);
	free(b);
	return 0;
}
