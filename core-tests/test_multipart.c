/* wm_multipart: boundary parameter, part iteration, malformed bodies. */
#include "wm_test.h"

#include "src/proto/wm_multipart.h"

#define SL_EQ(sl, str) CHECK_MEM_EQ((sl).p, (sl).len, (str), strlen(str))

/* ---- boundary ---- */

/* wm_multipart_boundary through an exact-size copy; the boundary as a C string in out. */
static int boundary_of(const char *ct, char *out, size_t outsz)
{
	size_t n = strlen(ct);
	char *c = malloc(n ? n : 1);
	memcpy(c, ct, n);
	wm_slice_t b = {NULL, 0};
	int rc = wm_multipart_boundary(c, n, &b);
	if (rc == 0) {
		CHECK(b.p >= c && b.p + b.len <= c + n);
		snprintf(out, outsz, "%.*s", (int)b.len, b.p);
	} else {
		out[0] = 0;
	}
	free(c);
	return rc;
}

TEST(mp_boundary_param)
{
	char b[512];
	CHECK_EQ(boundary_of("multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW", b, sizeof(b)), 0);
	CHECK_STR_EQ(b, "----WebKitFormBoundary7MA4YWxkTrZu0gW");
	CHECK_EQ(boundary_of("multipart/form-data; boundary=\"a b:c=d?\"", b, sizeof(b)), 0);
	CHECK_STR_EQ(b, "a b:c=d?");
	CHECK_EQ(boundary_of("Multipart/Form-Data;BOUNDARY=abc", b, sizeof(b)), 0);
	CHECK_STR_EQ(b, "abc");
	CHECK_EQ(boundary_of("multipart/form-data; charset=utf-8; boundary=xyz; foo=\"b;ar\"", b, sizeof(b)), 0);
	CHECK_STR_EQ(b, "xyz");
	CHECK_EQ(boundary_of("  multipart/mixed ; boundary=q ;", b, sizeof(b)), 0);
	CHECK_STR_EQ(b, "q");
	/* Unquoted bchars that are not token chars (as JavaMail sends them). */
	CHECK_EQ(boundary_of("multipart/form-data; boundary=----=_Part_0_1.2", b, sizeof(b)), 0);
	CHECK_STR_EQ(b, "----=_Part_0_1.2");

	static const char *bad[] = {
		"",
		"multipart/form-data",
		"multipart/form-data;",
		"multipart/form-data; boundary=",
		"multipart/form-data; boundary=\"\"",
		"multipart/form-data; boundary=\"abc",
		"multipart/form-data; boundary=\"ab\\\"c\"",
		"multipart/form-data; boundary=\"ab \"",
		"multipart/form-data; boundary=a@b",
		"multipart/form-data; boundary=a b",
		"multipart/form-data; boundary=a; boundary=b",
		"multipart/form-data; boundary = a",
		"multipart/form-data boundary=a",
		"text/plain; boundary=abc",
		"multipart; boundary=abc",
		"multipart/; boundary=abc",
		"multipart/form-data; =abc",
		"multipart/form-data; boundary=\"a\x01\"",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK_MSG(boundary_of(bad[i], b, sizeof(b)) == WM_MP_E_BOUNDARY, "bad[%zu] %s accepted", i, bad[i]);
	}

	/* Length: up to WM_MULTIPART_MAX_BOUNDARY. */
	char ct[400];
	int n = sprintf(ct, "multipart/form-data; boundary=");
	memset(ct + n, 'x', WM_MULTIPART_MAX_BOUNDARY);
	ct[n + WM_MULTIPART_MAX_BOUNDARY] = 0;
	CHECK_EQ(boundary_of(ct, b, sizeof(b)), 0);
	CHECK_EQ(strlen(b), WM_MULTIPART_MAX_BOUNDARY);
	strcat(ct, "x");
	CHECK_EQ(boundary_of(ct, b, sizeof(b)), WM_MP_E_BOUNDARY);
	wm_slice_t sl;
	CHECK_EQ(wm_multipart_boundary(NULL, 0, &sl), WM_MP_E_BOUNDARY);
}

/* ---- parts ---- */

#define MAXP 16

typedef struct mp_result {
	int rc;        /* last return of wm_multipart_next: 0 or an error */
	int n;         /* parts returned */
	wm_multipart_part_t parts[MAXP];
	char *body;    /* exact-size copy the slices point into */
	size_t len;
} mp_result_t;

static int slice_in(wm_slice_t s, const char *b, size_t len)
{
	if (!s.p) {
		return s.len == 0;
	}
	return s.p >= b && s.len <= len && (size_t)(s.p - b) <= len - s.len;
}

static int run_mp(mp_result_t *r, const char *body, size_t len, const char *boundary, unsigned max_parts)
{
	memset(r, 0, sizeof(*r));
	r->body = malloc(len ? len : 1);
	memcpy(r->body, body, len);
	r->len = len;
	wm_multipart_t mp;
	wm_slice_t b = {boundary, strlen(boundary)};
	wm_multipart_init(&mp, r->body, len, b, max_parts);
	for (;;) {
		wm_multipart_part_t part;
		int rc = wm_multipart_next(&mp, &part);
		if (rc <= 0) {
			r->rc = rc;
			/* Sticky. */
			CHECK_EQ(wm_multipart_next(&mp, &part), rc);
			break;
		}
		CHECK(slice_in(part.headers, r->body, len));
		CHECK(slice_in(part.name, r->body, len));
		CHECK(slice_in(part.filename, r->body, len));
		CHECK(slice_in(part.content_type, r->body, len));
		CHECK(slice_in(part.data, r->body, len) && part.data.p);
		/* The data is followed by CRLF "--" boundary. */
		size_t end = (size_t)(part.data.p - r->body) + part.data.len;
		size_t bl = strlen(boundary);
		CHECK(len - end >= bl + 4 && memcmp(r->body + end, "\r\n--", 4) == 0 &&
			memcmp(r->body + end + 4, boundary, bl) == 0);
		if (r->n < MAXP) {
			r->parts[r->n] = part;
		}
		r->n++;
		REQUIRE(r->n < 100000);
	}
	return r->rc;
}

static void mp_free(mp_result_t *r)
{
	free(r->body);
	r->body = NULL;
}

#define RUN(r, body, bnd) run_mp((r), (body), strlen(body), (bnd), 0)

TEST(mp_two_fields_one_file)
{
	static const char body[] =
		"------WebKitFormBoundaryABC\r\n"
		"Content-Disposition: form-data; name=\"user\"\r\n"
		"\r\n"
		"walkor\r\n"
		"------WebKitFormBoundaryABC\r\n"
		"Content-Disposition: form-data; name=\"msg\"\r\n"
		"\r\n"
		"line1\r\nline2\r\n"
		"------WebKitFormBoundaryABC\r\n"
		"Content-Disposition: form-data; name=\"upload\"; filename=\"a.png\"\r\n"
		"Content-Type: image/png\r\n"
		"\r\n"
		"\x89PNG\r\n\x1a\n\0\0\r\n"
		"------WebKitFormBoundaryABC--\r\n";
	size_t len = sizeof(body) - 1; /* the data has NUL bytes */
	mp_result_t r;
	CHECK_EQ(run_mp(&r, body, len, "----WebKitFormBoundaryABC", 0), 0);
	REQUIRE_EQ(r.n, 3);
	SL_EQ(r.parts[0].name, "user");
	CHECK(r.parts[0].filename.p == NULL);
	CHECK(r.parts[0].content_type.p == NULL);
	SL_EQ(r.parts[0].data, "walkor");
	SL_EQ(r.parts[0].headers, "Content-Disposition: form-data; name=\"user\"\r\n");
	SL_EQ(r.parts[1].name, "msg");
	SL_EQ(r.parts[1].data, "line1\r\nline2");
	SL_EQ(r.parts[2].name, "upload");
	SL_EQ(r.parts[2].filename, "a.png");
	SL_EQ(r.parts[2].content_type, "image/png");
	CHECK_MEM_EQ(r.parts[2].data.p, r.parts[2].data.len, "\x89PNG\r\n\x1a\n\0\0", 10);
	CHECK_EQ(r.parts[2].name_escaped, 0);
	CHECK_EQ(r.parts[2].filename_escaped, 0);
	mp_free(&r);
}

TEST(mp_quoted_boundary_end_to_end)
{
	char b[128];
	REQUIRE_EQ(boundary_of("multipart/form-data; boundary=\"my boundary:1\"", b, sizeof(b)), 0);
	const char *body = "--my boundary:1\r\n"
		"Content-Disposition: form-data; name=a\r\n\r\n1\r\n"
		"--my boundary:1--";
	mp_result_t r;
	CHECK_EQ(RUN(&r, body, b), 0);
	REQUIRE_EQ(r.n, 1);
	SL_EQ(r.parts[0].name, "a");
	SL_EQ(r.parts[0].data, "1");
	mp_free(&r);
}

TEST(mp_crlf_handling)
{
	mp_result_t r;
	/* Data ending in CRLF keeps it; only the delimiter's CRLF is removed. */
	CHECK_EQ(RUN(&r, "--b\r\nContent-Disposition: form-data; name=x\r\n\r\nv\r\n\r\n--b--", "b"), 0);
	REQUIRE_EQ(r.n, 1);
	SL_EQ(r.parts[0].data, "v\r\n");
	mp_free(&r);
	/* Empty data. */
	CHECK_EQ(RUN(&r, "--b\r\nContent-Disposition: form-data; name=x\r\n\r\n\r\n--b--", "b"), 0);
	REQUIRE_EQ(r.n, 1);
	SL_EQ(r.parts[0].data, "");
	mp_free(&r);
	/* The empty line directly followed by the delimiter (it shares the CRLF): empty data. */
	CHECK_EQ(RUN(&r, "--b\r\nContent-Disposition: form-data; name=x\r\n\r\n--b--", "b"), 0);
	REQUIRE_EQ(r.n, 1);
	SL_EQ(r.parts[0].data, "");
	mp_free(&r);
	/* Headers directly followed by the delimiter (no empty line): empty data. */
	CHECK_EQ(RUN(&r, "--b\r\nContent-Disposition: form-data; name=x\r\n--b\r\n\r\nz\r\n--b--", "b"), 0);
	REQUIRE_EQ(r.n, 2);
	SL_EQ(r.parts[0].name, "x");
	SL_EQ(r.parts[0].data, "");
	CHECK_EQ(r.parts[1].headers.len, 0);
	CHECK(r.parts[1].name.p == NULL);
	SL_EQ(r.parts[1].data, "z");
	mp_free(&r);
	/* LF-only lines are not delimiters: data (then no end). */
	CHECK_EQ(RUN(&r, "--b\r\nContent-Disposition: form-data; name=x\r\n\r\nv\n--b\n--b--", "b"), WM_MP_E_NO_END);
	mp_free(&r);
	CHECK_EQ(RUN(&r, "--b\r\nContent-Disposition: form-data; name=x\r\n\r\nv\n--b\r\n--b--", "b"), 0);
	REQUIRE_EQ(r.n, 1);
	SL_EQ(r.parts[0].data, "v\n--b"); /* "\n--b" is data, "\r\n--b--" the close delimiter */
	mp_free(&r);
	/* An LF-only body has no delimiter line at all. */
	CHECK_EQ(RUN(&r, "--b\nContent-Disposition: form-data; name=x\n\nv\n--b--\n", "b"), WM_MP_E_NO_START);
	mp_free(&r);
	/* Transport padding after the boundary, preamble and epilogue. */
	CHECK_EQ(RUN(&r, "preamble\r\n--b \t\r\n\r\nv\r\n--b--\r\nepilogue\r\n--b\r\n", "b"), 0);
	REQUIRE_EQ(r.n, 1);
	SL_EQ(r.parts[0].data, "v");
	mp_free(&r);
	CHECK_EQ(RUN(&r, "--b--", "b"), 0);
	CHECK_EQ(r.n, 0);
	mp_free(&r);
}

TEST(mp_missing_final_boundary)
{
	mp_result_t r;
	CHECK_EQ(RUN(&r, "--b\r\nContent-Disposition: form-data; name=x\r\n\r\nv\r\n--b\r\n", "b"), WM_MP_E_NO_END);
	CHECK_EQ(r.n, 1);
	mp_free(&r);
	CHECK_EQ(RUN(&r, "--b\r\nContent-Disposition: form-data; name=x\r\n\r\nv\r\n", "b"), WM_MP_E_NO_END);
	CHECK_EQ(r.n, 0);
	mp_free(&r);
	CHECK_EQ(RUN(&r, "--b\r\nContent-Disposition: form-data; name=x\r\n\r\nv\r\n--b", "b"), WM_MP_E_NO_END);
	mp_free(&r);
	CHECK_EQ(RUN(&r, "--b\r\nContent-Disposition: form-data; name=x\r\n\r\nv\r\n--b-", "b"), WM_MP_E_NO_END);
	mp_free(&r);
	CHECK_EQ(RUN(&r, "--b\r\nContent-Disposition: form-data; name=x", "b"), WM_MP_E_HEADER);
	mp_free(&r);
	CHECK_EQ(RUN(&r, "--b\r\n", "b"), WM_MP_E_NO_END);
	mp_free(&r);
	CHECK_EQ(RUN(&r, "", "b"), WM_MP_E_NO_START);
	mp_free(&r);
	CHECK_EQ(RUN(&r, "no delimiter here", "b"), WM_MP_E_NO_START);
	mp_free(&r);
	CHECK_EQ(RUN(&r, "--bb\r\n\r\nx\r\n--bb--", "b"), WM_MP_E_NO_START);
	mp_free(&r);
	/* Every truncation of a valid body fails cleanly (and reads nothing past it). */
	const char *body = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a b.txt\"\r\n"
		"Content-Type: text/plain\r\n\r\nhello\r\n--XyZ\r\nContent-Disposition: form-data; name=g\r\n\r\n"
		"\r\n--XyZ--";
	size_t len = strlen(body);
	for (size_t i = 0; i < len; i++) {
		CHECK_MSG(run_mp(&r, body, i, "XyZ", 0) < 0, "prefix %zu accepted", i);
		mp_free(&r);
	}
	CHECK_EQ(run_mp(&r, body, len, "XyZ", 0), 0);
	CHECK_EQ(r.n, 2);
	mp_free(&r);
}

TEST(mp_boundary_inside_data)
{
	mp_result_t r;
	const char *body = "--b\r\nContent-Disposition: form-data; name=x\r\n\r\n"
		"a--b b --b--\r\n"  /* not at a line start */
		"--bc\r\n"          /* a longer word at a line start */
		"--b-x\r\n"         /* "-" but not "--" */
		"--b x\r\n"         /* padding not followed by CRLF */
		"\r\n--b--";
	CHECK_EQ(RUN(&r, body, "b"), 0);
	REQUIRE_EQ(r.n, 1);
	SL_EQ(r.parts[0].data, "a--b b --b--\r\n--bc\r\n--b-x\r\n--b x\r\n");
	mp_free(&r);
}

TEST(mp_part_without_name)
{
	mp_result_t r;
	CHECK_EQ(RUN(&r, "--b\r\nContent-Disposition: form-data\r\n\r\n1\r\n"
		"--b\r\nX-Other: y\r\n\r\n2\r\n"
		"--b\r\n\r\n3\r\n"
		"--b\r\ncontent-disposition: attachment; filename=f\r\n\r\n4\r\n--b--", "b"), 0);
	REQUIRE_EQ(r.n, 4);
	CHECK(r.parts[0].name.p == NULL);
	SL_EQ(r.parts[0].data, "1");
	CHECK(r.parts[1].name.p == NULL);
	SL_EQ(r.parts[1].headers, "X-Other: y\r\n");
	CHECK(r.parts[2].name.p == NULL);
	CHECK_EQ(r.parts[2].headers.len, 0);
	SL_EQ(r.parts[2].data, "3");
	CHECK(r.parts[3].name.p == NULL);
	SL_EQ(r.parts[3].filename, "f");
	mp_free(&r);
	/* name="" is present but empty. */
	CHECK_EQ(RUN(&r, "--b\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n1\r\n--b--", "b"), 0);
	REQUIRE_EQ(r.n, 1);
	CHECK(r.parts[0].name.p != NULL);
	CHECK_EQ(r.parts[0].name.len, 0);
	mp_free(&r);
}

static char *unq(wm_slice_t s)
{
	static char buf[256];
	memcpy(buf, s.p, s.len);
	size_t n = wm_multipart_unquote(buf, s.len);
	buf[n] = 0;
	return buf;
}

TEST(mp_filename_spaces_quotes)
{
	mp_result_t r;
	CHECK_EQ(RUN(&r, "--b\r\nContent-Disposition: form-data; name=\"my \\\"field\\\"\"; "
		"filename=\"my file \\\"q\\\" \\\\ x.txt\"\r\n\r\nD\r\n"
		"--b\r\nContent-Disposition: form-data; name=\"a;b=c\"; filename=\"C:\\dir\\a b.txt\"\r\n\r\nE\r\n"
		"--b\r\nContent-Disposition: form-data;name=plain;filename*=UTF-8''%e2%82%ac.txt; filename=x.txt\r\n\r\nF\r\n"
		"--b\r\nCONTENT-DISPOSITION:form-data ; NAME = \"x\"\r\n\r\nG\r\n--b--", "b"), WM_MP_E_DISPOSITION);
	REQUIRE_EQ(r.n, 3);
	SL_EQ(r.parts[0].name, "my \\\"field\\\"");
	CHECK_EQ(r.parts[0].name_escaped, 1);
	CHECK_STR_EQ(unq(r.parts[0].name), "my \"field\"");
	SL_EQ(r.parts[0].filename, "my file \\\"q\\\" \\\\ x.txt");
	CHECK_EQ(r.parts[0].filename_escaped, 1);
	CHECK_STR_EQ(unq(r.parts[0].filename), "my file \"q\" \\ x.txt");
	SL_EQ(r.parts[1].name, "a;b=c");
	SL_EQ(r.parts[1].filename, "C:\\dir\\a b.txt"); /* backslashes that escape nothing stay */
	CHECK_EQ(r.parts[1].filename_escaped, 0);
	CHECK_STR_EQ(unq(r.parts[1].filename), "C:\\dir\\a b.txt");
	SL_EQ(r.parts[2].name, "plain");
	SL_EQ(r.parts[2].filename, "x.txt"); /* filename* ignored */
	mp_free(&r);

	/* Case-insensitive header and parameter names (no spaces around '='). */
	CHECK_EQ(RUN(&r, "--b\r\nCONTENT-DISPOSITION:form-data ; NAME=\"x\" ; FileName=y\r\n"
		"content-type:  text/plain ; charset=utf-8  \r\n\r\nG\r\n--b--", "b"), 0);
	REQUIRE_EQ(r.n, 1);
	SL_EQ(r.parts[0].name, "x");
	SL_EQ(r.parts[0].filename, "y");
	SL_EQ(r.parts[0].content_type, "text/plain ; charset=utf-8");
	mp_free(&r);
}

TEST(mp_malformed_parts)
{
	static const struct {
		const char *body;
		int err;
	} cases[] = {
		{"--b\r\nContent-Disposition form-data\r\n\r\nx\r\n--b--", WM_MP_E_HEADER},
		{"--b\r\nContent-Disposition : form-data\r\n\r\nx\r\n--b--", WM_MP_E_HEADER},
		{"--b\r\nA: 1\r\n B: 2\r\n\r\nx\r\n--b--", WM_MP_E_HEADER},
		{"--b\r\nA: 1\n\r\nx\r\n--b--", WM_MP_E_HEADER},
		{"--b\r\nA: 1\x01\r\n\r\nx\r\n--b--", WM_MP_E_HEADER},
		{"--b\r\n\rx\r\n--b--", WM_MP_E_HEADER},
		{"--b\r\nContent-Type: a\r\nContent-Type: b\r\n\r\nx\r\n--b--", WM_MP_E_HEADER},
		{"--b\r\nContent-Disposition: form-data; name=\"x\r\n\r\nx\r\n--b--", WM_MP_E_DISPOSITION},
		{"--b\r\nContent-Disposition: form-data; name=\"x\" y\r\n\r\nx\r\n--b--", WM_MP_E_DISPOSITION},
		{"--b\r\nContent-Disposition: form-data; name=a; name=b\r\n\r\nx\r\n--b--", WM_MP_E_DISPOSITION},
		{"--b\r\nContent-Disposition: form-data; filename=a; filename=b\r\n\r\nx\r\n--b--", WM_MP_E_DISPOSITION},
		{"--b\r\nContent-Disposition: form-data; name=\r\n\r\nx\r\n--b--", WM_MP_E_DISPOSITION},
		{"--b\r\nContent-Disposition: form-data; name\r\n\r\nx\r\n--b--", WM_MP_E_DISPOSITION},
		{"--b\r\nContent-Disposition: ; name=a\r\n\r\nx\r\n--b--", WM_MP_E_DISPOSITION},
		{"--b\r\nContent-Disposition:\r\n\r\nx\r\n--b--", WM_MP_E_DISPOSITION},
		{"--b\r\nContent-Disposition: form-data; name=a\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--b--",
			WM_MP_E_DISPOSITION},
		{"--b\r\nContent-Disposition: form-data; name=\"a\\\"\r\n\r\nx\r\n--b--", WM_MP_E_DISPOSITION},
	};
	mp_result_t r;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = RUN(&r, cases[i].body, "b");
		CHECK_MSG(rc == cases[i].err, "case %zu: %d, want %d", i, rc, cases[i].err);
		CHECK(wm_multipart_error_reason(rc) != NULL);
		mp_free(&r);
	}
}

TEST(mp_max_parts)
{
	const char *body = "--b\r\n\r\n1\r\n--b\r\n\r\n2\r\n--b\r\n\r\n3\r\n--b--";
	mp_result_t r;
	CHECK_EQ(run_mp(&r, body, strlen(body), "b", 3), 0);
	CHECK_EQ(r.n, 3);
	mp_free(&r);
	CHECK_EQ(run_mp(&r, body, strlen(body), "b", 2), WM_MP_E_TOO_MANY_PARTS);
	CHECK_EQ(r.n, 2);
	mp_free(&r);
	/* The default: 1024. */
	size_t cap = 1100 * 16 + 16;
	char *big = malloc(cap);
	size_t n = 0;
	for (int i = 0; i < 1025; i++) {
		n += (size_t)sprintf(big + n, "--b\r\n\r\n%d\r\n", i);
	}
	n += (size_t)sprintf(big + n, "--b--");
	CHECK_EQ(run_mp(&r, big, n, "b", 0), WM_MP_E_TOO_MANY_PARTS);
	CHECK_EQ(r.n, WM_MULTIPART_DEFAULT_MAX_PARTS);
	mp_free(&r);
	free(big);
}

TEST(mp_invalid_iterator_input)
{
	wm_multipart_t mp;
	wm_multipart_part_t part;
	wm_slice_t none = {NULL, 0};
	wm_multipart_init(&mp, "--b--", 5, none, 0);
	CHECK_EQ(wm_multipart_next(&mp, &part), WM_MP_E_BOUNDARY);
	wm_slice_t b = {"b", 1};
	wm_multipart_init(&mp, NULL, 0, b, 0);
	CHECK_EQ(wm_multipart_next(&mp, &part), WM_MP_E_NO_START);
}

TEST(mp_unquote)
{
	char s[32];
	strcpy(s, "a\\\"b\\\\c\\d\\");
	size_t n = wm_multipart_unquote(s, strlen(s));
	CHECK_MEM_EQ(s, n, "a\"b\\c\\d\\", 8);
	CHECK_EQ(wm_multipart_unquote(s, 0), 0);
	strcpy(s, "\\\\\\\\");
	n = wm_multipart_unquote(s, 4);
	CHECK_MEM_EQ(s, n, "\\\\", 2);
}
