/* Static files over HTTP: Range, HTTP dates, mime types, the head (see wm_static.h). */
#include "src/proto/wm_static.h"

#include <stdio.h>
#include <string.h>

/* ---- Range ---- */

/* Digits to a number, saturating (a huge position is simply beyond the file). NULL when
 * there is no digit at p. */
static const char *parse_u64(const char *p, const char *e, uint64_t *out)
{
	uint64_t v = 0;
	const char *start = p;
	while (p < e && *p >= '0' && *p <= '9') {
		unsigned d = (unsigned)(*p - '0');
		v = v > (UINT64_MAX - d) / 10 ? UINT64_MAX : v * 10 + d;
		p++;
	}
	*out = v;
	return p == start ? NULL : p;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

/* Case-insensitive compare of n bytes of a with the lower-case b. */
static int eq_lower(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (lower((unsigned char)a[i]) != (unsigned char)b[i]) {
			return 0;
		}
	}
	return 1;
}

int wm_range_parse(const char *s, size_t len, uint64_t size, uint64_t *start, uint64_t *end)
{
	const char *p = s, *e = s + len;
	uint64_t first = 0, last = 0;
	if (len < 6 || !eq_lower(p, "bytes=", 6)) {
		return WM_RANGE_IGNORE;
	}
	p += 6;
	while (p < e && (*p == ' ' || *p == '\t')) {
		p++;
	}
	const char *q = parse_u64(p, e, &first);
	int has_first = q != NULL;
	p = q ? q : p;
	if (p >= e || *p != '-') {
		return WM_RANGE_IGNORE;
	}
	p++;
	q = parse_u64(p, e, &last);
	int has_last = q != NULL;
	p = q ? q : p;
	while (p < e && (*p == ' ' || *p == '\t')) {
		p++;
	}
	if (p != e || (!has_first && !has_last)) {
		return WM_RANGE_IGNORE;
	}
	if (has_first) {
		if (has_last && last < first) {
			return WM_RANGE_IGNORE;
		}
		if (first >= size) {
			return WM_RANGE_UNSATISFIABLE;
		}
		*start = first;
		*end = has_last && last < size - 1 ? last + 1 : size;
		return WM_RANGE_PARTIAL;
	}
	/* A suffix: the last n bytes; n = 0, or any range of an empty file, is unsatisfiable. */
	if (last == 0 || size == 0) {
		return WM_RANGE_UNSATISFIABLE;
	}
	*start = last >= size ? 0 : size - last;
	*end = size;
	return WM_RANGE_PARTIAL;
}

/* ---- dates ---- */

static const char day_names[7][4] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
static const char *const long_day_names[7] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday"};
static const char month_names[12][4] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
	"nov", "dec"};

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The date of a day number (inverse of days_from_civil). */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* Sunday = 0. */
static int weekday(int64_t days)
{
	int64_t w = (days + 4) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

static void two(char *p, unsigned v)
{
	p[0] = (char)('0' + v / 10 % 10);
	p[1] = (char)('0' + v % 10);
}

size_t wm_http_date_format(int64_t t, char *out)
{
	static const char days[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
		"Nov", "Dec"};
	/* Years 0..9999 only (the format has four digits); anything else is the epoch. */
	if (t < -62167219200LL || t > 253402300799LL) {
		t = 0;
	}
	int64_t dn = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int64_t secs = t - dn * 86400;
	int64_t y;
	int m, d;
	civil_from_days(dn, &y, &m, &d);
	unsigned hms = (unsigned)secs, yy = (unsigned)y;
	/* "Www, DD Mmm YYYY HH:MM:SS GMT" written by hand: snprintf cannot be told the ranges. */
	memcpy(out, days[weekday(dn)], 3);
	memcpy(out + 3, ", ", 2);
	two(out + 5, (unsigned)d);
	out[7] = ' ';
	memcpy(out + 8, months[m - 1], 3);
	out[11] = ' ';
	two(out + 12, yy / 100);
	two(out + 14, yy % 100);
	out[16] = ' ';
	two(out + 17, hms / 3600);
	out[19] = ':';
	two(out + 20, hms / 60 % 60);
	out[22] = ':';
	two(out + 23, hms % 60);
	memcpy(out + 25, " GMT", 5);
	return WM_HTTP_DATE_LEN;
}

typedef struct cursor {
	const char *p, *e;
} cursor_t;

static int take(cursor_t *c, const char *lit)
{
	size_t n = strlen(lit);
	if ((size_t)(c->e - c->p) < n || !eq_lower(c->p, lit, n)) {
		return 0;
	}
	c->p += n;
	return 1;
}

/* Exactly n digits. */
static int digits(cursor_t *c, int n, int *out)
{
	int v = 0;
	if (c->e - c->p < n) {
		return 0;
	}
	for (int i = 0; i < n; i++) {
		if (c->p[i] < '0' || c->p[i] > '9') {
			return 0;
		}
		v = v * 10 + (c->p[i] - '0');
	}
	c->p += n;
	*out = v;
	return 1;
}

static int month(cursor_t *c, int *m)
{
	for (int i = 0; i < 12; i++) {
		if (take(c, month_names[i])) {
			*m = i + 1;
			return 1;
		}
	}
	return 0;
}

/* "HH:MM:SS" */
static int time_of_day(cursor_t *c, int *secs)
{
	int h, mi, s;
	if (!digits(c, 2, &h) || !take(c, ":") || !digits(c, 2, &mi) || !take(c, ":") || !digits(c, 2, &s)) {
		return 0;
	}
	if (h > 23 || mi > 59 || s > 60) {
		return 0;
	}
	*secs = h * 3600 + mi * 60 + s;
	return 1;
}

static int zone(cursor_t *c)
{
	return take(c, "gmt") || take(c, "utc");
}

static int64_t make_time(int wday, int64_t y, int m, int d, int secs)
{
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (d < 1 || d > mdays[m - 1]) {
		return -1;
	}
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m == 2 && d == 29 && !leap) {
		return -1;
	}
	int64_t days = days_from_civil(y, m, d);
	if (weekday(days) != wday) {
		return -1;
	}
	return days * 86400 + secs;
}

int64_t wm_http_date_parse(const char *s, size_t len)
{
	cursor_t c = {s, s + len};
	while (c.p < c.e && (*c.p == ' ' || *c.p == '\t')) {
		c.p++;
	}
	while (c.e > c.p && (c.e[-1] == ' ' || c.e[-1] == '\t')) {
		c.e--;
	}
	int wday = -1, m = 0, d = 0, y = 0, secs = 0;
	for (int i = 0; i < 7 && wday < 0; i++) {
		if (take(&c, long_day_names[i])) {
			/* RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT" */
			if (!take(&c, ", ") || !digits(&c, 2, &d) || !take(&c, "-") || !month(&c, &m) || !take(&c, "-") ||
					!digits(&c, 2, &y) || !take(&c, " ") || !time_of_day(&c, &secs) || !take(&c, " ") ||
					!zone(&c) || c.p != c.e) {
				return -1;
			}
			return make_time(i, y < 70 ? 2000 + y : 1900 + y, m, d, secs);
		}
		if (take(&c, day_names[i])) {
			wday = i;
		}
	}
	if (wday < 0) {
		return -1;
	}
	if (take(&c, ", ")) {
		/* IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" */
		if (!digits(&c, 2, &d) || !take(&c, " ") || !month(&c, &m) || !take(&c, " ") || !digits(&c, 4, &y) ||
				!take(&c, " ") || !time_of_day(&c, &secs) || !take(&c, " ") || !zone(&c) || c.p != c.e) {
			return -1;
		}
		return make_time(wday, y, m, d, secs);
	}
	/* asctime: "Sun Nov  6 08:49:37 1994" */
	if (!take(&c, " ") || !month(&c, &m) || !take(&c, " ")) {
		return -1;
	}
	if (!take(&c, " ") && !digits(&c, 1, &d)) {
		return -1;
	}
	int d2;
	if (d == 0) {
		if (!digits(&c, 1, &d)) {
			return -1;
		}
	} else if (digits(&c, 1, &d2)) {
		d = d * 10 + d2;
	}
	if (!take(&c, " ") || !time_of_day(&c, &secs) || !take(&c, " ") || !digits(&c, 4, &y) || c.p != c.e) {
		return -1;
	}
	return make_time(wday, y, m, d, secs);
}

/* ---- mime types ---- */

typedef struct mime_entry {
	const char *ext;
	const char *type;
} mime_entry_t;

/* Extension -> type, nginx style, sorted by extension (bsearch). Types that would only say
 * "application/octet-stream" are left out: unknown extensions get that type plus a
 * Content-Disposition, which is what such downloads want. */
static const mime_entry_t mime_table[] = {
	{"3gp", "video/3gpp"},
	{"3gpp", "video/3gpp"},
	{"7z", "application/x-7z-compressed"},
	{"aac", "audio/aac"},
	{"ai", "application/postscript"},
	{"apng", "image/apng"},
	{"asf", "video/x-ms-asf"},
	{"asx", "video/x-ms-asf"},
	{"atom", "application/atom+xml"},
	{"avi", "video/x-msvideo"},
	{"avif", "image/avif"},
	{"bmp", "image/bmp"},
	{"bz2", "application/x-bzip2"},
	{"css", "text/css"},
	{"csv", "text/csv"},
	{"doc", "application/msword"},
	{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	{"eot", "application/vnd.ms-fontobject"},
	{"eps", "application/postscript"},
	{"epub", "application/epub+zip"},
	{"flac", "audio/flac"},
	{"flv", "video/x-flv"},
	{"gif", "image/gif"},
	{"gz", "application/gzip"},
	{"heic", "image/heic"},
	{"heif", "image/heif"},
	{"htc", "text/x-component"},
	{"htm", "text/html"},
	{"html", "text/html"},
	{"ico", "image/x-icon"},
	{"ics", "text/calendar"},
	{"jar", "application/java-archive"},
	{"jpeg", "image/jpeg"},
	{"jpg", "image/jpeg"},
	{"js", "application/javascript"},
	{"json", "application/json"},
	{"jsonld", "application/ld+json"},
	{"kml", "application/vnd.google-earth.kml+xml"},
	{"kmz", "application/vnd.google-earth.kmz"},
	{"m3u8", "application/vnd.apple.mpegurl"},
	{"m4a", "audio/x-m4a"},
	{"m4v", "video/x-m4v"},
	{"map", "application/json"},
	{"md", "text/markdown"},
	{"mid", "audio/midi"},
	{"midi", "audio/midi"},
	{"mjs", "application/javascript"},
	{"mkv", "video/x-matroska"},
	{"mov", "video/quicktime"},
	{"mp3", "audio/mpeg"},
	{"mp4", "video/mp4"},
	{"mpeg", "video/mpeg"},
	{"mpg", "video/mpeg"},
	{"odp", "application/vnd.oasis.opendocument.presentation"},
	{"ods", "application/vnd.oasis.opendocument.spreadsheet"},
	{"odt", "application/vnd.oasis.opendocument.text"},
	{"oga", "audio/ogg"},
	{"ogg", "audio/ogg"},
	{"ogv", "video/ogg"},
	{"opus", "audio/opus"},
	{"otf", "font/otf"},
	{"pdf", "application/pdf"},
	{"png", "image/png"},
	{"ppt", "application/vnd.ms-powerpoint"},
	{"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
	{"ps", "application/postscript"},
	{"rar", "application/x-rar-compressed"},
	{"rss", "application/rss+xml"},
	{"rtf", "application/rtf"},
	{"svg", "image/svg+xml"},
	{"svgz", "image/svg+xml"},
	{"swf", "application/x-shockwave-flash"},
	{"tar", "application/x-tar"},
	{"tgz", "application/gzip"},
	{"tif", "image/tiff"},
	{"tiff", "image/tiff"},
	{"ts", "video/mp2t"},
	{"ttf", "font/ttf"},
	{"txt", "text/plain"},
	{"vtt", "text/vtt"},
	{"wasm", "application/wasm"},
	{"wav", "audio/wav"},
	{"weba", "audio/webm"},
	{"webm", "video/webm"},
	{"webmanifest", "application/manifest+json"},
	{"webp", "image/webp"},
	{"wml", "text/vnd.wap.wml"},
	{"wmv", "video/x-ms-wmv"},
	{"woff", "font/woff"},
	{"woff2", "font/woff2"},
	{"xhtml", "application/xhtml+xml"},
	{"xls", "application/vnd.ms-excel"},
	{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	{"xml", "text/xml"},
	{"xsl", "application/xml"},
	{"yaml", "application/yaml"},
	{"yml", "application/yaml"},
	{"zip", "application/zip"},
};

#define MIME_COUNT (sizeof(mime_table) / sizeof(mime_table[0]))

/* Compare a (len bytes, any case) with the lower-case table key b. */
static int ext_cmp(const char *a, size_t len, const char *b)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char ca = (unsigned char)lower((unsigned char)a[i]);
		unsigned char cb = (unsigned char)b[i];
		if (cb == '\0' || ca != cb) {
			return cb == '\0' ? 1 : (int)ca - (int)cb;
		}
	}
	return b[len] == '\0' ? 0 : -1;
}

const char *wm_mime_lookup(const char *ext, size_t len)
{
	size_t lo = 0, hi = MIME_COUNT;
	if (len == 0) {
		return NULL;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = ext_cmp(ext, len, mime_table[mid].ext);
		if (c == 0) {
			return mime_table[mid].type;
		}
		if (c < 0) {
			hi = mid;
		} else {
			lo = mid + 1;
		}
	}
	return NULL;
}

size_t wm_mime_count(void)
{
	return MIME_COUNT;
}

void wm_mime_entry(size_t i, const char **ext, const char **type)
{
	*ext = mime_table[i].ext;
	*type = mime_table[i].type;
}

const char *wm_path_extension(const char *path, size_t *len)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	if (!dot) {
		*len = 0;
		return NULL;
	}
	*len = strlen(dot + 1);
	return dot + 1;
}

/* ---- the head ---- */

static void put(wm_buf_t *b, const char *s)
{
	wm_buf_append(b, s, strlen(s));
}

static void put_u64(wm_buf_t *b, uint64_t v)
{
	char tmp[24];
	int n = snprintf(tmp, sizeof(tmp), "%llu", (unsigned long long)v);
	wm_buf_append(b, tmp, (size_t)n);
}

/* The base name of path as a quoted-string. */
static void put_filename(wm_buf_t *b, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	wm_buf_append(b, "\"", 1);
	for (const char *p = base; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == '"' || ch == '\\') {
			char esc[2] = {'\\', (char)ch};
			wm_buf_append(b, esc, 2);
		} else if (ch < 0x20 || ch == 0x7f) {
			wm_buf_append(b, "_", 1);
		} else {
			wm_buf_append(b, (const char *)p, 1);
		}
	}
	wm_buf_append(b, "\"", 1);
}

void wm_static_head_build(wm_buf_t *out, const wm_static_head_t *h)
{
	int unsat = h->range == WM_RANGE_UNSATISFIABLE;
	if (unsat) {
		put(out, "HTTP/1.1 416 Requested Range Not Satisfiable\r\n");
	} else if (h->range == WM_RANGE_PARTIAL) {
		put(out, "HTTP/1.1 206 Partial Content\r\n");
	} else {
		put(out, "HTTP/1.1 200 OK\r\n");
	}
	if (!unsat) {
		put(out, "Content-Type: ");
		if (h->type) {
			wm_buf_append(out, h->type, h->type_len);
			put(out, "\r\n");
		} else {
			/* Unknown: a download (3.5 said so for every file). */
			put(out, "application/octet-stream\r\nContent-Disposition: attachment; filename=");
			put_filename(out, h->path);
			put(out, "\r\n");
		}
	}
	put(out, h->close_after ? "Connection: close\r\n" : "Connection: keep-alive\r\n");
	put(out, "Server: workerman\r\n");
	if (!unsat) {
		char date[WM_HTTP_DATE_LEN + 1];
		put(out, "Last-Modified: ");
		wm_buf_append(out, date, wm_http_date_format(h->mtime, date));
		put(out, "\r\n");
	}
	put(out, "Accept-Ranges: bytes\r\n");
	if (h->range == WM_RANGE_PARTIAL) {
		put(out, "Content-Range: bytes ");
		put_u64(out, h->start);
		put(out, "-");
		put_u64(out, h->end - 1);
		put(out, "/");
		put_u64(out, h->size);
		put(out, "\r\n");
	} else if (unsat) {
		put(out, "Content-Range: bytes */");
		put_u64(out, h->size);
		put(out, "\r\n");
	}
	put(out, "Content-Length: ");
	if (unsat) {
		put_u64(out, 0);
	} else if (h->range == WM_RANGE_PARTIAL) {
		put_u64(out, h->end - h->start);
	} else {
		put_u64(out, h->size);
	}
	put(out, "\r\n\r\n");
}
