/* WebServer's static files (3.5's WebServer::sendFile with its fixes): If-Modified-Since
 * compared as a date, one Content-Type, a GMT Last-Modified, single byte ranges with
 * suffix/clamp/416, HEAD; the head is sent raw and the body streamed by
 * php_wm_http_send_file, so big files take bounded memory. Range, dates, the built-in mime
 * table and the head are src/proto/wm_static; this file adds WebServer::$mimeTypeMap, the
 * request's $_SERVER values and the sending. */
#include "ext/wm_globals.h"
#include "ext/wm_webserver.h"
#include "ext/date/php_date.h"
#include "src/proto/wm_static.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

extern zend_class_entry *wm_ce_Workerman_WebServer;

/* ---- mime types ---- */

void php_wm_webserver_mime_map_init(void)
{
	zval *map = php_wm_static_prop(wm_ce_Workerman_WebServer, "mimeTypeMap");
	size_t n = wm_mime_count();
	if (Z_TYPE_P(map) != IS_ARRAY) {
		zval fresh;
		array_init_size(&fresh, (uint32_t)n);
		php_wm_set_static_prop(wm_ce_Workerman_WebServer, "mimeTypeMap", &fresh);
		zval_ptr_dtor(&fresh);
		map = php_wm_static_prop(wm_ce_Workerman_WebServer, "mimeTypeMap");
	}
	SEPARATE_ARRAY(map);
	/* As 3.5: the table's entries overwrite, entries a subclass added stay. */
	for (size_t i = 0; i < n; i++) {
		const char *ext, *type;
		wm_mime_entry(i, &ext, &type);
		add_assoc_string(map, ext, type);
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
	const char *type = wm_mime_lookup(ext, len);
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

	/* 304: If-Modified-Since read as a date (3.5 wanted its own string byte for byte): an
	 * HTTP-date, else whatever PHP's date parser makes of it, as before the C parser. */
	zend_string *ims = php_wm_webserver_server_str("HTTP_IF_MODIFIED_SINCE", sizeof("HTTP_IF_MODIFIED_SINCE") - 1);
	if (ims) {
		int64_t since = wm_http_date_parse(ZSTR_VAL(ims), ZSTR_LEN(ims));
		if (since == -1) {
			since = (int64_t)php_parse_date(ZSTR_VAL(ims), NULL);
		}
		if (since != -1 && (int64_t)st.st_mtime <= since) {
			close(fd);
			php_wm_webserver_respond(c, "HTTP/1.1 304 Not Modified", "", 0);
			return;
		}
	}

	wm_static_head_t sh;
	memset(&sh, 0, sizeof(sh));
	sh.size = (uint64_t)st.st_size;
	sh.mtime = (int64_t)st.st_mtime;
	sh.path = path;
	sh.range = WM_RANGE_IGNORE;
	zend_string *rh = php_wm_webserver_server_str("HTTP_RANGE", sizeof("HTTP_RANGE") - 1);
	if (rh) {
		sh.range = wm_range_parse(ZSTR_VAL(rh), ZSTR_LEN(rh), sh.size, &sh.start, &sh.end);
	}
	off_t start = 0, end = st.st_size;
	if (sh.range == WM_RANGE_PARTIAL) {
		start = (off_t)sh.start;
		end = (off_t)sh.end;
	}
	if (sh.range != WM_RANGE_UNSATISFIABLE) {
		size_t ext_len;
		const char *ext = wm_path_extension(path, &ext_len);
		sh.type = mime_of(ext, ext_len, &sh.type_len);
	}

	php_wm_http_conn *hc = php_wm_http_conn_get(c);
	bool close_after = hc->close_after;
	bool head_only = hc->head_method || sh.range == WM_RANGE_UNSATISFIABLE;
	sh.close_after = close_after;
	wm_buf_t h = WM_BUF_INIT;
	wm_static_head_build(&h, &sh);

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
	struct iovec iov[2] = {{(void *)wm_buf_head(&h), wm_buf_size(&h)}, {body, body ? want : 0}};
	int rc = php_wm_conn_send_iov(c, iov, body ? 2 : 1, &rv);
	zval_ptr_dtor(&rv);
	wm_buf_free(&h);
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
