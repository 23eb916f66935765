/* WebServer's static files (3.5's WebServer::sendFile with its fixes): the mime table,
 * If-Modified-Since compared as a date, one Content-Type, a GMT Last-Modified, single
 * byte ranges with suffix/clamp/416, HEAD; the head is sent raw and the body streamed by
 * php_wm_http_send_file, so big files take bounded memory. */
#include "ext/wm_webserver.h"
#include "ext/wm_globals.h"
#include "ext/date/php_date.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

extern zend_class_entry *wm_ce_Workerman_WebServer;

/* ---- mime types ---- */

typedef struct {
	const char *ext;
	const char *type;
} mime_entry;

/* Extension → type, nginx style, sorted by extension (bsearch). Types that would only say
 * "application/octet-stream" are left out: unknown extensions get that type plus a
 * Content-Disposition, which is what such downloads want. */
static const mime_entry mime_table[] = {
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
		unsigned char ca = (unsigned char)zend_tolower_ascii(a[i]);
		unsigned char cb = (unsigned char)b[i];
		if (cb == '\0' || ca != cb) {
			return cb == '\0' ? 1 : (int)ca - (int)cb;
		}
	}
	return b[len] == '\0' ? 0 : -1;
}

/* The built-in type of an extension, case-insensitively as nginx does. NULL: unknown. */
static const char *mime_builtin(const char *ext, size_t len)
{
	size_t lo = 0, hi = MIME_COUNT;
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

void php_wm_webserver_mime_map_init(void)
{
	zval *map = php_wm_static_prop(wm_ce_Workerman_WebServer, "mimeTypeMap");
	if (Z_TYPE_P(map) != IS_ARRAY) {
		zval fresh;
		array_init_size(&fresh, MIME_COUNT);
		php_wm_set_static_prop(wm_ce_Workerman_WebServer, "mimeTypeMap", &fresh);
		zval_ptr_dtor(&fresh);
		map = php_wm_static_prop(wm_ce_Workerman_WebServer, "mimeTypeMap");
	}
	SEPARATE_ARRAY(map);
	/* As 3.5: the table's entries overwrite, entries a subclass added stay. */
	for (size_t i = 0; i < MIME_COUNT; i++) {
		add_assoc_string(map, mime_table[i].ext, mime_table[i].type);
	}
}

/* The type for a file's extension: WebServer::$mimeTypeMap first (3.5 subclasses extend
 * it), then the built-in table; NULL when unknown. Valid until PHP code runs. */
static const char *mime_of(const char *ext, size_t len, size_t *type_len)
{
	if (len == 0) {
		return NULL;
	}
	zval *map = php_wm_static_prop(wm_ce_Workerman_WebServer, "mimeTypeMap");
	if (Z_TYPE_P(map) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL_P(map)) > 0) {
		zval *t = zend_symtable_str_find(Z_ARRVAL_P(map), ext, len);
		if (t) {
			ZVAL_DEREF(t);
			if (Z_TYPE_P(t) == IS_STRING && Z_STRLEN_P(t) > 0
					&& !memchr(Z_STRVAL_P(t), '\r', Z_STRLEN_P(t)) && !memchr(Z_STRVAL_P(t), '\n', Z_STRLEN_P(t))) {
				*type_len = Z_STRLEN_P(t);
				return Z_STRVAL_P(t);
			}
		}
	}
	const char *type = mime_builtin(ext, len);
	if (type) {
		*type_len = strlen(type);
	}
	return type;
}

/* ---- responses through Http ---- */

void php_wm_webserver_respond(php_wm_conn *c, const char *status, const char *body, size_t body_len)
{
	zval rv;
	php_wm_http_header(status, strlen(status), true, 0);
	zend_string *b = zend_string_init(body, body_len, 0);
	php_wm_http_send(c, b, &rv);
	zend_string_release(b);
	zval_ptr_dtor(&rv);
}

/* ---- request headers ---- */

zend_string *php_wm_webserver_server_str(const char *key, size_t len)
{
	zval *server = php_wm_http_global(WM_HTTP_G_SERVER);
	if (Z_TYPE_P(server) != IS_ARRAY) {
		return NULL;
	}
	zval *v = zend_hash_str_find_deref(Z_ARRVAL_P(server), key, len);
	return v && Z_TYPE_P(v) == IS_STRING && Z_STRLEN_P(v) > 0 ? Z_STR_P(v) : NULL;
}

/* Digits to a number, saturating (a huge position is simply beyond the file). */
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

enum { RANGE_IGNORE = 0, RANGE_PARTIAL = 1, RANGE_UNSATISFIABLE = -1 };

/* "bytes=a-b", "bytes=a-" or "bytes=-n" against a file of size bytes: RANGE_PARTIAL with
 * [*start, *end), RANGE_UNSATISFIABLE (416), or RANGE_IGNORE for anything else (invalid
 * syntax, several ranges): the whole file is sent, as RFC 9110 allows. */
static int parse_range(const char *s, size_t len, off_t size, off_t *start, off_t *end)
{
	const char *p = s, *e = s + len;
	uint64_t first = 0, last = 0;
	bool has_first, has_last;
	if (len < 6 || strncasecmp(p, "bytes=", 6) != 0) {
		return RANGE_IGNORE;
	}
	p += 6;
	while (p < e && (*p == ' ' || *p == '\t')) {
		p++;
	}
	const char *q = parse_u64(p, e, &first);
	has_first = q != NULL;
	p = q ? q : p;
	if (p >= e || *p != '-') {
		return RANGE_IGNORE;
	}
	p++;
	q = parse_u64(p, e, &last);
	has_last = q != NULL;
	p = q ? q : p;
	while (p < e && (*p == ' ' || *p == '\t')) {
		p++;
	}
	if (p != e || (!has_first && !has_last)) {
		return RANGE_IGNORE;
	}
	uint64_t usize = (uint64_t)size;
	if (has_first) {
		if (has_last && last < first) {
			return RANGE_IGNORE;
		}
		if (first >= usize) {
			return RANGE_UNSATISFIABLE;
		}
		*start = (off_t)first;
		*end = has_last && last < usize - 1 ? (off_t)(last + 1) : size;
		return RANGE_PARTIAL;
	}
	/* A suffix: the last n bytes; n = 0, or any range of an empty file, is unsatisfiable. */
	if (last == 0 || usize == 0) {
		return RANGE_UNSATISFIABLE;
	}
	*start = last >= usize ? 0 : (off_t)(usize - last);
	*end = size;
	return RANGE_PARTIAL;
}

/* ---- the head ---- */

/* IMF-fixdate (RFC 9110), always English and GMT whatever the locale and time zone. */
static void append_http_date(smart_str *s, time_t t)
{
	static const char days[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
		"Sep", "Oct", "Nov", "Dec"};
	struct tm tm;
	char buf[40];
	if (!gmtime_r(&t, &tm)) {
		memset(&tm, 0, sizeof(tm));
		tm.tm_year = 70;
		tm.tm_mday = 1;
		tm.tm_wday = 4;
	}
	int n = snprintf(buf, sizeof(buf), "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday % 7],
		tm.tm_mday, months[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	smart_str_appendl(s, buf, n > 0 ? (size_t)n : 0);
}

/* The file's name as a quoted-string: '"' and '\' escaped, control bytes replaced. */
static void append_filename(smart_str *s, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	smart_str_appendc(s, '"');
	for (const char *p = base; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == '"' || ch == '\\') {
			smart_str_appendc(s, '\\');
			smart_str_appendc(s, (char)ch);
		} else if (ch < 0x20 || ch == 0x7f) {
			smart_str_appendc(s, '_');
		} else {
			smart_str_appendc(s, (char)ch);
		}
	}
	smart_str_appendc(s, '"');
}

/* The extension as pathinfo() gives it: after the last '.' of the base name. */
static const char *path_extension(const char *path, size_t *len)
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

/* ---- sendFile ---- */

/* Bodies up to this size are read at once and sent with the head; larger ones stream. */
#define WM_STATIC_INLINE_MAX 65536

static bool read_fully(int fd, char *buf, size_t len, off_t at)
{
	while (len > 0) {
		ssize_t n = pread(fd, buf, len, at);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			return false;
		}
		buf += n;
		len -= (size_t)n;
		at += n;
	}
	return true;
}

void php_wm_webserver_send_file(php_wm_conn *c, const char *path)
{
	struct stat st;
	/* O_NONBLOCK: opening a FIFO must not block the worker; it is refused below anyway. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		if (fd >= 0) {
			close(fd);
		}
		php_wm_webserver_respond(c, "HTTP/1.1 404 Not Found", WM_WEBSERVER_404_BODY,
			sizeof(WM_WEBSERVER_404_BODY) - 1);
		return;
	}

	/* 304: If-Modified-Since read as a date (3.5 wanted its own string byte for byte). */
	zend_string *ims = php_wm_webserver_server_str("HTTP_IF_MODIFIED_SINCE", sizeof("HTTP_IF_MODIFIED_SINCE") - 1);
	if (ims) {
		zend_long since = php_parse_date(ZSTR_VAL(ims), NULL);
		if (since != -1 && (zend_long)st.st_mtime <= since) {
			close(fd);
			php_wm_webserver_respond(c, "HTTP/1.1 304 Not Modified", "", 0);
			return;
		}
	}

	off_t size = st.st_size, start = 0, end = size;
	int range = RANGE_IGNORE;
	zend_string *rh = php_wm_webserver_server_str("HTTP_RANGE", sizeof("HTTP_RANGE") - 1);
	if (rh) {
		range = parse_range(ZSTR_VAL(rh), ZSTR_LEN(rh), size, &start, &end);
	}

	php_wm_http_conn *hc = php_wm_http_conn_get(c);
	bool close_after = hc->close_after;
	bool head_only = hc->head_method || range == RANGE_UNSATISFIABLE;
	smart_str h = {0};

	if (range == RANGE_UNSATISFIABLE) {
		smart_str_appends(&h, "HTTP/1.1 416 Requested Range Not Satisfiable\r\n");
	} else if (range == RANGE_PARTIAL) {
		smart_str_appends(&h, "HTTP/1.1 206 Partial Content\r\n");
	} else {
		smart_str_appends(&h, "HTTP/1.1 200 OK\r\n");
	}
	if (range != RANGE_UNSATISFIABLE) {
		size_t ext_len, type_len = 0;
		const char *ext = path_extension(path, &ext_len);
		const char *type = mime_of(ext, ext_len, &type_len);
		smart_str_appends(&h, "Content-Type: ");
		if (type) {
			smart_str_appendl(&h, type, type_len);
			smart_str_appends(&h, "\r\n");
		} else {
			/* Unknown: a download (3.5 said so for every file). */
			smart_str_appends(&h, "application/octet-stream\r\nContent-Disposition: attachment; filename=");
			append_filename(&h, path);
			smart_str_appends(&h, "\r\n");
		}
	}
	smart_str_appends(&h, close_after ? "Connection: close\r\n" : "Connection: keep-alive\r\n");
	smart_str_appends(&h, "Server: workerman\r\n");
	if (range != RANGE_UNSATISFIABLE) {
		smart_str_appends(&h, "Last-Modified: ");
		append_http_date(&h, st.st_mtime);
		smart_str_appends(&h, "\r\n");
	}
	smart_str_appends(&h, "Accept-Ranges: bytes\r\n");
	if (range == RANGE_PARTIAL) {
		smart_str_appends(&h, "Content-Range: bytes ");
		smart_str_append_long(&h, (zend_long)start);
		smart_str_appendc(&h, '-');
		smart_str_append_long(&h, (zend_long)(end - 1));
		smart_str_appendc(&h, '/');
		smart_str_append_long(&h, (zend_long)size);
		smart_str_appends(&h, "\r\n");
	} else if (range == RANGE_UNSATISFIABLE) {
		smart_str_appends(&h, "Content-Range: bytes */");
		smart_str_append_long(&h, (zend_long)size);
		smart_str_appends(&h, "\r\n");
	}
	smart_str_appends(&h, "Content-Length: ");
	smart_str_append_long(&h, range == RANGE_UNSATISFIABLE ? 0 : (zend_long)(end - start));
	smart_str_appends(&h, "\r\n\r\n");
	smart_str_0(&h);

	/* A small body goes out with the head in one send: no streaming state, and the
	 * connection goes on reading at once (most static assets are this size). */
	size_t want = head_only ? 0 : (size_t)(end - start);
	char *body = NULL;
	if (want > 0 && want <= WM_STATIC_INLINE_MAX) {
		body = emalloc(want);
		if (!read_fully(fd, body, want, start)) {
			efree(body);
			body = NULL; /* the file changed under us: streaming reports it */
		}
	}

	zval rv;
	struct iovec iov[2] = {{ZSTR_VAL(h.s), ZSTR_LEN(h.s)}, {body, body ? want : 0}};
	int rc = php_wm_conn_send_iov(c, iov, body ? 2 : 1, &rv);
	zval_ptr_dtor(&rv);
	smart_str_free(&h);
	if (body) {
		efree(body);
	}
	if (rc == WM_SEND_FAILED || EG(exception)) {
		/* Dropped (buffer full, peer gone): onError has been told; no body either. */
		close(fd);
		return;
	}
	if (body || want == 0) {
		close(fd);
		if (close_after) {
			php_wm_conn_close(c, NULL, false);
		}
		return;
	}
	php_wm_http_send_file(c, fd, start, end, close_after);
}
