/* Static files over HTTP, the plain-C parts: the single byte range of a Range header, HTTP
 * dates (IMF-fixdate out; the three RFC 9110 formats in), the built-in extension -> mime type
 * table, and the response head of a static file (200 / 206 / 416). Allocates nothing except
 * into a wm_buf_t the caller owns. */
#ifndef WM_PROTO_WM_STATIC_H
#define WM_PROTO_WM_STATIC_H

#include <stddef.h>
#include <stdint.h>

#include "src/buf/wm_buf.h"

/* ---- Range ---- */

enum {
	WM_RANGE_UNSATISFIABLE = -1, /* 416 */
	WM_RANGE_IGNORE = 0,         /* send the whole file (no, invalid or several ranges) */
	WM_RANGE_PARTIAL = 1,        /* 206 with [*start, *end) */
};

/* A Range value ("bytes=a-b", "bytes=a-", "bytes=-n"; unit case-insensitive, SP/HTAB around
 * the range) against a file of size bytes. A last position past the end is clamped; a first
 * position at or past the end, a suffix of 0 or any range of an empty file is unsatisfiable;
 * "a-b" with b < a, a list of ranges, or anything else is ignored, as RFC 9110 allows.
 * *start and *end are set only for WM_RANGE_PARTIAL. */
int wm_range_parse(const char *s, size_t len, uint64_t size, uint64_t *start, uint64_t *end);

/* ---- dates ---- */

#define WM_HTTP_DATE_LEN 29 /* "Sun, 06 Nov 1994 08:49:37 GMT" */

/* t as an IMF-fixdate, always English and GMT (whatever the locale or time zone), into
 * out (at least WM_HTTP_DATE_LEN + 1 bytes; NUL-terminated). Returns WM_HTTP_DATE_LEN. A time
 * gmtime cannot represent is written as the epoch. */
size_t wm_http_date_format(int64_t t, char *out);

/* An HTTP-date: IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), obsolete RFC 850
 * ("Sunday, 06-Nov-94 08:49:37 GMT"; years 70-99 are 19xx, 00-69 20xx) or asctime
 * ("Sun Nov  6 08:49:37 1994"). The zone of the first two may be "GMT" or "UTC" (3.5 wrote
 * its Last-Modified with the zone's name); the day name must match the date; SP/HTAB around
 * the value are ignored. Returns seconds since the epoch, or -1 when s is none of these. */
int64_t wm_http_date_parse(const char *s, size_t len);

/* ---- mime types ---- */

/* The built-in type of a file extension (no dot; ASCII case-insensitive, as nginx), or NULL
 * when it has none (static storage). */
const char *wm_mime_lookup(const char *ext, size_t len);
/* The built-in table, sorted by extension (lower case): entry i < wm_mime_count(). */
size_t wm_mime_count(void);
void wm_mime_entry(size_t i, const char **ext, const char **type);
/* The extension of path as PHP's pathinfo() gives it: after the last '.' of the base name
 * (NULL, *len 0 without one). Points into path (NUL-terminated). */
const char *wm_path_extension(const char *path, size_t *len);

/* ---- the response head ---- */

typedef struct wm_static_head {
	int range;              /* WM_RANGE_* of the request */
	uint64_t start, end;    /* WM_RANGE_PARTIAL: the bytes sent */
	uint64_t size;          /* of the file */
	int64_t mtime;          /* Last-Modified */
	const char *type;       /* Content-Type; NULL: unknown, sent as a download */
	size_t type_len;
	const char *path;       /* NUL-terminated; its base name is the download's file name */
	int close_after;        /* "Connection: close" instead of keep-alive */
} wm_static_head_t;

/* Append the head of a static-file response to out: 200 OK, 206 Partial Content (with
 * Content-Range) or 416 Requested Range Not Satisfiable (no Content-Type/Last-Modified,
 * Content-Length 0), with Connection, Server: workerman, Accept-Ranges: bytes and the blank
 * line. An unknown type is application/octet-stream with a Content-Disposition whose file
 * name is a quoted-string ('"' and '\' escaped, control bytes as '_'). */
void wm_static_head_build(wm_buf_t *out, const wm_static_head_t *h);

#endif
