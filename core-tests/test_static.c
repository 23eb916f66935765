/* wm_static: Range, HTTP dates, the mime table, the head of a static-file response. */
#include "wm_test.h"

#include <time.h>

#include "src/buf/wm_buf.h"
#include "src/proto/wm_static.h"

/* Through an exact-size heap copy so ASan sees any read past len. */
static int range(const char *s, uint64_t size, uint64_t *start, uint64_t *end)
{
	size_t n = strlen(s);
	char *p = malloc(n ? n : 1);
	memcpy(p, s, n);
	*start = *end = 12345;
	int rc = wm_range_parse(p, n, size, start, end);
	free(p);
	return rc;
}

static int64_t date(const char *s)
{
	size_t n = strlen(s);
	char *p = malloc(n ? n : 1);
	memcpy(p, s, n);
	int64_t t = wm_http_date_parse(p, n);
	free(p);
	return t;
}

#define RANGE_IS(s, size, a, b) \
	do { \
		uint64_t st_, en_; \
		CHECK_EQ(range((s), (size), &st_, &en_), WM_RANGE_PARTIAL); \
		CHECK_EQ(st_, (a)); \
		CHECK_EQ(en_, (b)); \
	} while (0)

TEST(range_partial)
{
	RANGE_IS("bytes=0-4", 10, 0, 5);
	RANGE_IS("bytes=5-", 10, 5, 10);
	RANGE_IS("bytes=-3", 10, 7, 10);
	RANGE_IS("bytes=-20", 10, 0, 10);  /* suffix longer than the file: all of it */
	RANGE_IS("bytes=3-100", 10, 3, 10); /* last position clamped */
	RANGE_IS("bytes=9-9", 10, 9, 10);
	RANGE_IS("BYTES= 1-2 \t", 10, 1, 3);
	RANGE_IS("bytes=0-99999999999999999999999999", 10, 0, 10); /* saturates */
}

TEST(range_unsatisfiable_and_ignored)
{
	uint64_t a, b;
	CHECK_EQ(range("bytes=10-", 10, &a, &b), WM_RANGE_UNSATISFIABLE);
	CHECK_EQ(range("bytes=10-20", 10, &a, &b), WM_RANGE_UNSATISFIABLE);
	CHECK_EQ(range("bytes=-0", 10, &a, &b), WM_RANGE_UNSATISFIABLE);
	CHECK_EQ(range("bytes=0-", 0, &a, &b), WM_RANGE_UNSATISFIABLE);
	CHECK_EQ(range("bytes=-5", 0, &a, &b), WM_RANGE_UNSATISFIABLE);
	CHECK_EQ(range("bytes=5-2", 10, &a, &b), WM_RANGE_IGNORE);
	CHECK_EQ(range("bytes=0-1,3-4", 10, &a, &b), WM_RANGE_IGNORE);
	CHECK_EQ(range("items=0-1", 10, &a, &b), WM_RANGE_IGNORE);
	CHECK_EQ(range("bytes=-", 10, &a, &b), WM_RANGE_IGNORE);
	CHECK_EQ(range("bytes=", 10, &a, &b), WM_RANGE_IGNORE);
	CHECK_EQ(range("bytes", 10, &a, &b), WM_RANGE_IGNORE);
	CHECK_EQ(range("bytes=1", 10, &a, &b), WM_RANGE_IGNORE);
	CHECK_EQ(range("bytes=1-2x", 10, &a, &b), WM_RANGE_IGNORE);
	CHECK_EQ(range("bytes=+1-2", 10, &a, &b), WM_RANGE_IGNORE);
	CHECK_EQ(range("", 10, &a, &b), WM_RANGE_IGNORE);
	CHECK_EQ(a, 12345); /* untouched unless partial */
}

TEST(date_format)
{
	char buf[WM_HTTP_DATE_LEN + 1];
	CHECK_EQ(wm_http_date_format(0, buf), WM_HTTP_DATE_LEN);
	CHECK_STR_EQ(buf, "Thu, 01 Jan 1970 00:00:00 GMT");
	wm_http_date_format(784111777, buf);
	CHECK_STR_EQ(buf, "Sun, 06 Nov 1994 08:49:37 GMT");
	wm_http_date_format(951782400, buf); /* a leap day */
	CHECK_STR_EQ(buf, "Tue, 29 Feb 2000 00:00:00 GMT");
	wm_http_date_format(-1, buf);
	CHECK_STR_EQ(buf, "Wed, 31 Dec 1969 23:59:59 GMT");
	wm_http_date_format(253402300799LL, buf);
	CHECK_STR_EQ(buf, "Fri, 31 Dec 9999 23:59:59 GMT");
	wm_http_date_format(253402300800LL, buf); /* five-digit year: the epoch instead */
	CHECK_STR_EQ(buf, "Thu, 01 Jan 1970 00:00:00 GMT");
}

/* Formatting agrees with the C library's gmtime + strftime, and parses back. */
TEST(date_format_matches_gmtime_and_round_trips)
{
	uint64_t x = 88172645463325252ULL;
	for (int i = 0; i < 20000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		int64_t t = (int64_t)(x % 8000000000ULL) - 2000000000LL; /* 1906 .. 2160 */
		time_t tt = (time_t)t;
		struct tm tm;
		REQUIRE(gmtime_r(&tt, &tm) != NULL);
		char want[64], got[WM_HTTP_DATE_LEN + 1];
		strftime(want, sizeof(want), "%a, %d %b %Y %H:%M:%S GMT", &tm);
		wm_http_date_format(t, got);
		CHECK_STR_EQ(got, want);
		CHECK_EQ(wm_http_date_parse(got, strlen(got)), t);
		/* asctime form of the same instant */
		strftime(want, sizeof(want), "%a %b %e %H:%M:%S %Y", &tm);
		CHECK_EQ(date(want), t);
		if (wm_test_cur_failed) {
			break;
		}
	}
}

TEST(date_parse_formats)
{
	CHECK_EQ(date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
	CHECK_EQ(date("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777);
	CHECK_EQ(date("Sun Nov  6 08:49:37 1994"), 784111777);
	CHECK_EQ(date("Sun Nov 06 08:49:37 1994"), 784111777);
	CHECK_EQ(date("  Sun, 06 Nov 1994 08:49:37 GMT\t"), 784111777);
	CHECK_EQ(date("Sun, 06 Nov 1994 08:49:37 UTC"), 784111777); /* 3.5's Last-Modified in UTC */
	CHECK_EQ(date("sun, 06 nov 1994 08:49:37 gmt"), 784111777);
	CHECK_EQ(date("Thursday, 01-Jan-70 00:00:00 GMT"), 0);
	CHECK_EQ(date("Saturday, 01-Jan-00 00:00:00 GMT"), 946684800); /* 00-69: 20xx */
	CHECK_EQ(date("Tue, 29 Feb 2000 00:00:00 GMT"), 951782400);
	CHECK_EQ(date("Fri, 31 Dec 9999 23:59:59 GMT"), 253402300799LL);
}

TEST(date_parse_rejects)
{
	const char *bad[] = {
		"", "yesterday-ish", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 CET",
		"Mon, 06 Nov 1994 08:49:37 GMT",   /* wrong day name */
		"Sun, 6 Nov 1994 08:49:37 GMT",    /* one-digit day */
		"Sun, 06 Nov 94 08:49:37 GMT",     /* two-digit year in IMF */
		"Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:60:00 GMT",
		"Sun, 31 Nov 1994 08:49:37 GMT",   /* no such day */
		"Thu, 29 Feb 2001 00:00:00 GMT",   /* not a leap year */
		"Sun, 06 Nov 1994 08:49:37 GMT x", "Sun, 06 Foo 1994 08:49:37 GMT",
		"Sunday, 06-Nov-1994 08:49:37 GMT", "Sun Nov  6 08:49:37 94", "Sun Nov  6 08:49:37 1994 GMT",
		"Sun,06 Nov 1994 08:49:37 GMT", "2026-11-28",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK_MSG(date(bad[i]) == -1, "accepted \"%s\"", bad[i]);
	}
}

TEST(mime_lookup)
{
	CHECK_STR_EQ(wm_mime_lookup("html", 4), "text/html");
	CHECK_STR_EQ(wm_mime_lookup("HTML", 4), "text/html");
	CHECK_STR_EQ(wm_mime_lookup("Js", 2), "application/javascript");
	CHECK_STR_EQ(wm_mime_lookup("htm", 3), "text/html");
	CHECK_STR_EQ(wm_mime_lookup("woff2", 5), "font/woff2");
	CHECK_STR_EQ(wm_mime_lookup("htmlx", 4), "text/html"); /* the length counts, not a NUL */
	CHECK(wm_mime_lookup("", 0) == NULL);
	CHECK(wm_mime_lookup("unknown", 7) == NULL);
	CHECK(wm_mime_lookup("ht", 2) == NULL);
	CHECK(wm_mime_lookup("zzz", 3) == NULL);
	CHECK(wm_mime_lookup("000", 3) == NULL);
}

TEST(mime_table_sorted_and_complete)
{
	size_t n = wm_mime_count();
	CHECK_GT(n, 50);
	const char *prev = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *ext, *type;
		wm_mime_entry(i, &ext, &type);
		CHECK(ext && type && *ext && *type);
		if (prev) {
			CHECK_MSG(strcmp(prev, ext) < 0, "table not sorted at %s", ext);
		}
		for (const char *p = ext; *p; p++) {
			CHECK(!(*p >= 'A' && *p <= 'Z'));
		}
		CHECK_PTR_EQ(wm_mime_lookup(ext, strlen(ext)), type);
		prev = ext;
	}
}

TEST(path_extension)
{
	size_t n;
	const char *e = wm_path_extension("/srv/www/a.txt", &n);
	CHECK_MEM_EQ(e, n, "txt", 3);
	e = wm_path_extension("x.tar.gz", &n);
	CHECK_MEM_EQ(e, n, "gz", 2);
	e = wm_path_extension("/a/.htaccess", &n);
	CHECK_MEM_EQ(e, n, "htaccess", 8);
	e = wm_path_extension("/a/file.", &n);
	CHECK(e != NULL && n == 0);
	CHECK(wm_path_extension("/a.b/file", &n) == NULL && n == 0);
	CHECK(wm_path_extension("plain", &n) == NULL && n == 0);
}

static char *head(const wm_static_head_t *h)
{
	wm_buf_t b = WM_BUF_INIT;
	wm_static_head_build(&b, h);
	char *s = malloc(wm_buf_size(&b) + 1);
	memcpy(s, wm_buf_head(&b), wm_buf_size(&b));
	s[wm_buf_size(&b)] = 0;
	wm_buf_free(&b);
	return s;
}

TEST(static_head_200_206_416)
{
	wm_static_head_t h;
	memset(&h, 0, sizeof(h));
	h.range = WM_RANGE_IGNORE;
	h.size = 11;
	h.mtime = 784111777;
	h.type = "text/plain";
	h.type_len = 10;
	h.path = "/www/a.txt";
	char *s = head(&h);
	CHECK_STR_EQ(s, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: keep-alive\r\nServer: workerman\r\n"
		"Last-Modified: Sun, 06 Nov 1994 08:49:37 GMT\r\nAccept-Ranges: bytes\r\nContent-Length: 11\r\n\r\n");
	free(s);

	h.range = WM_RANGE_PARTIAL;
	h.start = 2;
	h.end = 5;
	h.close_after = 1;
	s = head(&h);
	CHECK_STR_EQ(s, "HTTP/1.1 206 Partial Content\r\nContent-Type: text/plain\r\nConnection: close\r\n"
		"Server: workerman\r\nLast-Modified: Sun, 06 Nov 1994 08:49:37 GMT\r\nAccept-Ranges: bytes\r\n"
		"Content-Range: bytes 2-4/11\r\nContent-Length: 3\r\n\r\n");
	free(s);

	h.range = WM_RANGE_UNSATISFIABLE;
	h.close_after = 0;
	s = head(&h);
	CHECK_STR_EQ(s, "HTTP/1.1 416 Requested Range Not Satisfiable\r\nConnection: keep-alive\r\nServer: workerman\r\n"
		"Accept-Ranges: bytes\r\nContent-Range: bytes */11\r\nContent-Length: 0\r\n\r\n");
	free(s);
}

TEST(static_head_unknown_type_is_a_download)
{
	wm_static_head_t h;
	memset(&h, 0, sizeof(h));
	h.range = WM_RANGE_IGNORE;
	h.size = 0;
	h.mtime = 0;
	h.path = "/www/we\"ird\\na\x01me.bin";
	char *s = head(&h);
	CHECK_STR_EQ(s, "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
		"Content-Disposition: attachment; filename=\"we\\\"ird\\\\na_me.bin\"\r\nConnection: keep-alive\r\n"
		"Server: workerman\r\nLast-Modified: Thu, 01 Jan 1970 00:00:00 GMT\r\nAccept-Ranges: bytes\r\n"
		"Content-Length: 0\r\n\r\n");
	free(s);
}
