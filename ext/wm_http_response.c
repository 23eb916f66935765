/* The response side of Workerman\Protocols\Http: the state that Http::header(),
 * headerRemove(), responseCode() and setcookie() change (3.5's HttpCache, reset by every
 * decode()), the encoding of a response, send() on an Http connection with the
 * keep-alive decision, and streaming a file with bounded memory. Contract:
 * docs/http-3.5-behaviour.md §4, §5, §8. */
#include "ext/wm_http.h"
#include "ext/standard/url.h"

#include <unistd.h>

/* One process answers one request at a time, so the state is per process (NTS). */
static struct {
	zend_string *status;   /* status line without CRLF */
	HashTable headers;     /* lower-case name => line (string) or lines (array, appended) */
	HashTable cookies;     /* Set-Cookie lines in order */
	bool ready;
	bool dirty;            /* changed since the reset (else the default head applies) */
} resp;

/* The default head up to the Content-Length value, for the common untouched response. */
static const char default_head[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html;charset=utf-8\r\n"
	"Connection: keep-alive\r\nServer: workerman\r\nContent-Length: ";

static zend_string *default_status;
static zend_string *default_lines[3];
static zend_string *default_keys[3];
static zend_string *key_connection, *key_content_length, *key_transfer_encoding;

static bool has_crlf(const char *s, size_t len)
{
	return memchr(s, '\r', len) != NULL || memchr(s, '\n', len) != NULL;
}

void php_wm_http_response_reset(void)
{
	if (!resp.ready) {
		zend_hash_init(&resp.headers, 8, NULL, ZVAL_PTR_DTOR, 0);
		zend_hash_init(&resp.cookies, 4, NULL, ZVAL_PTR_DTOR, 0);
		resp.ready = true;
	} else if (!resp.dirty) {
		return;
	} else {
		zend_hash_clean(&resp.headers);
		zend_hash_clean(&resp.cookies);
	}
	if (resp.status) {
		zend_string_release(resp.status);
	}
	resp.status = default_status; /* interned */
	for (int i = 0; i < 3; i++) {
		zval v;
		ZVAL_INTERNED_STR(&v, default_lines[i]);
		zend_hash_add_new(&resp.headers, default_keys[i], &v);
	}
	resp.dirty = false;
}

static void ensure_ready(void)
{
	if (!resp.ready) {
		/* A send before any request (e.g. in onConnect) gets the defaults, not the broken
		 * empty head 3.5 writes. */
		php_wm_http_response_reset();
	}
}

bool php_wm_http_response_code(zend_long code)
{
	const char *text = code >= 100 && code <= 599 && code != 431 ? wm_http_status_text((int)code) : NULL;
	if (!text) {
		return false;
	}
	ensure_ready();
	resp.dirty = true;
	zend_string_release(resp.status);
	resp.status = zend_strpprintf(0, "HTTP/1.1 " ZEND_LONG_FMT " %s", code, text);
	return true;
}

bool php_wm_http_header(const char *s, size_t len, bool replace, zend_long code)
{
	if (has_crlf(s, len)) {
		php_error_docref(NULL, E_WARNING, "Header may not contain a CR or LF character (response splitting)");
		return false;
	}
	ensure_ready();
	resp.dirty = true;
	if (len >= 4 && memcmp(s, "HTTP", 4) == 0) {
		zend_string_release(resp.status);
		resp.status = zend_string_init(s, len, 0);
		return true;
	}
	const char *colon = memchr(s, ':', len);
	if (!colon || colon == s) {
		return false;
	}
	size_t nlen = (size_t)(colon - s);
	if (nlen == 8 && zend_binary_strncasecmp(s, nlen, "location", 8, 8) == 0) {
		php_wm_http_response_code(code ? code : 302);
	}
	zval line;
	ZVAL_STRINGL(&line, s, len);
	if (nlen == 10 && memcmp(s, "Set-Cookie", 10) == 0) {
		zend_hash_next_index_insert_new(&resp.cookies, &line);
		return true;
	}
	zend_string *key = zend_string_init(s, nlen, 0);
	zend_str_tolower(ZSTR_VAL(key), nlen);
	zval *old = replace ? NULL : zend_hash_find(&resp.headers, key);
	if (old) {
		if (Z_TYPE_P(old) != IS_ARRAY) {
			zval arr;
			array_init_size(&arr, 2);
			Z_TRY_ADDREF_P(old);
			zend_hash_next_index_insert_new(Z_ARRVAL(arr), old);
			zend_hash_update(&resp.headers, key, &arr);
			old = zend_hash_find(&resp.headers, key);
		}
		zend_hash_next_index_insert_new(Z_ARRVAL_P(old), &line);
	} else {
		/* Replacing keeps the position; a new name goes to the end. */
		zend_hash_update(&resp.headers, key, &line);
	}
	zend_string_release(key);
	return true;
}

void php_wm_http_header_remove(const char *name, size_t len)
{
	ensure_ready();
	resp.dirty = true;
	zend_string *key = zend_string_init(name, len, 0);
	zend_str_tolower(ZSTR_VAL(key), len);
	zend_hash_del(&resp.headers, key);
	zend_string_release(key);
}

bool php_wm_http_setcookie(zend_string *name, zend_string *value, zend_long maxage, zend_string *path,
		zend_string *domain, bool secure, bool httponly)
{
	if (has_crlf(ZSTR_VAL(name), ZSTR_LEN(name)) || (path && has_crlf(ZSTR_VAL(path), ZSTR_LEN(path)))
			|| (domain && has_crlf(ZSTR_VAL(domain), ZSTR_LEN(domain)))) {
		php_error_docref(NULL, E_WARNING, "Cookie name, path and domain may not contain a CR or LF character");
		return false;
	}
	ensure_ready();
	resp.dirty = true;
	smart_str s = {0};
	smart_str_appends(&s, "Set-Cookie: ");
	smart_str_append(&s, name);
	smart_str_appendc(&s, '=');
	if (value && ZSTR_LEN(value)) {
		zend_string *enc = php_raw_url_encode(ZSTR_VAL(value), ZSTR_LEN(value));
		smart_str_append(&s, enc);
		zend_string_release(enc);
	}
	/* 3.5 leaves out every part that is empty(): Max-Age=0 is never sent. */
	if (domain && ZSTR_LEN(domain) && !zend_string_equals_literal(domain, "0")) {
		smart_str_appends(&s, "; Domain=");
		smart_str_append(&s, domain);
	}
	if (maxage) {
		smart_str_appends(&s, "; Max-Age=");
		smart_str_append_long(&s, maxage);
	}
	if (path && ZSTR_LEN(path) && !zend_string_equals_literal(path, "0")) {
		smart_str_appends(&s, "; Path=");
		smart_str_append(&s, path);
	}
	if (secure) {
		smart_str_appends(&s, "; Secure");
	}
	if (httponly) {
		smart_str_appends(&s, "; HttpOnly");
	}
	zval line;
	ZVAL_STR(&line, smart_str_extract(&s));
	zend_hash_next_index_insert_new(&resp.cookies, &line);
	return true;
}

/* $connection->gzip (a dynamic property in 3.5): the gzip level, empty = off. */
static zend_long conn_gzip_level(php_wm_conn *c)
{
	if (!c || !c->std.properties) {
		return 0;
	}
	zval *zv = zend_hash_str_find(c->std.properties, "gzip", 4);
	if (!zv) {
		return 0;
	}
	if (Z_TYPE_P(zv) == IS_INDIRECT) {
		zv = Z_INDIRECT_P(zv);
	}
	ZVAL_DEREF(zv);
	if (!zend_is_true(zv)) {
		return 0;
	}
	zend_long level = zval_get_long(zv);
	return level ? level : -1;
}

static zend_string *gzip_body(zend_string *body, zend_long level)
{
	zval fn, rv, args[2];
	ZVAL_STRING(&fn, "gzencode");
	ZVAL_STR(&args[0], body);
	ZVAL_LONG(&args[1], level);
	zend_string *out = NULL;
	if (call_user_function(NULL, NULL, &fn, &rv, 2, args) == SUCCESS && Z_TYPE(rv) == IS_STRING) {
		out = Z_STR(rv);
	} else {
		zval_ptr_dtor(&rv);
	}
	zval_ptr_dtor(&fn);
	return out;
}

static void append_line(smart_str *s, zval *line)
{
	smart_str_append(s, Z_STR_P(line));
	smart_str_appendl(s, "\r\n", 2);
}

/* The head for a body of body_len bytes; close = the request asked to close. */
static zend_string *build_head(size_t body_len, bool close, bool gzip)
{
	if (!resp.dirty && !close && !gzip) {
		char num[24];
		char *end = num + sizeof(num);
		char *p = zend_print_ulong_to_buf(end - 1, body_len);
		*(end - 1) = '\0';
		size_t nlen = (size_t)(end - 1 - p);
		zend_string *h = zend_string_alloc(sizeof(default_head) - 1 + nlen + 4, 0);
		memcpy(ZSTR_VAL(h), default_head, sizeof(default_head) - 1);
		memcpy(ZSTR_VAL(h) + sizeof(default_head) - 1, p, nlen);
		memcpy(ZSTR_VAL(h) + sizeof(default_head) - 1 + nlen, "\r\n\r\n", 5);
		return h;
	}
	smart_str s = {0};
	smart_str_alloc(&s, 160, 0);
	smart_str_append(&s, resp.status);
	smart_str_appendl(&s, "\r\n", 2);
	zval *line;
	ZEND_HASH_FOREACH_VAL(&resp.cookies, line) {
		append_line(&s, line);
	} ZEND_HASH_FOREACH_END();
	bool conn_seen = false;
	zend_string *key;
	zval *val;
	ZEND_HASH_FOREACH_STR_KEY_VAL(&resp.headers, key, val) {
		if (key == key_connection || zend_string_equals(key, key_connection)) {
			conn_seen = true;
			if (close) {
				smart_str_appends(&s, "Connection: close\r\n");
				continue;
			}
		} else if (zend_string_equals(key, key_content_length) || zend_string_equals(key, key_transfer_encoding)) {
			/* The length is always computed here; a second one would corrupt framing. */
			continue;
		}
		if (Z_TYPE_P(val) == IS_ARRAY) {
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(val), line) {
				append_line(&s, line);
			} ZEND_HASH_FOREACH_END();
		} else {
			append_line(&s, val);
		}
	} ZEND_HASH_FOREACH_END();
	if (close && !conn_seen) {
		smart_str_appends(&s, "Connection: close\r\n");
	}
	if (gzip) {
		smart_str_appends(&s, "Content-Encoding: gzip\r\n");
	}
	smart_str_appends(&s, "Content-Length: ");
	smart_str_append_unsigned(&s, body_len);
	smart_str_appendl(&s, "\r\n\r\n", 4);
	smart_str_0(&s);
	return s.s;
}

/* Encode into head (+ body, owned; NULL for HEAD). */
static zend_string *encode_parts(php_wm_conn *c, zend_string *body, zend_string **body_out)
{
	php_wm_http_session_write_close();
	if (EG(exception)) {
		/* e.g. an unserializable $_SESSION: as 3.5, encode() throws and nothing is sent */
		*body_out = NULL;
		return NULL;
	}
	ensure_ready();
	php_wm_http_conn *h = c ? c->http : NULL;
	bool close = h && h->close_after;
	zend_long level = conn_gzip_level(c);
	zend_string *b = zend_string_copy(body);
	if (level) {
		zend_string *gz = gzip_body(body, level < 0 ? -1 : level);
		if (gz) {
			zend_string_release(b);
			b = gz;
		} else {
			level = 0;
		}
	}
	zend_string *head = build_head(ZSTR_LEN(b), close, level != 0);
	if (h && h->head_method) {
		zend_string_release(b);
		b = NULL;
	}
	*body_out = b;
	return head;
}

zend_string *php_wm_http_encode(php_wm_conn *c, zend_string *body)
{
	zend_string *b;
	zend_string *head = encode_parts(c, body, &b);
	if (!head) {
		return ZSTR_EMPTY_ALLOC();
	}
	if (!b) {
		return head;
	}
	zend_string *out = zend_string_concat2(ZSTR_VAL(head), ZSTR_LEN(head), ZSTR_VAL(b), ZSTR_LEN(b));
	zend_string_release(head);
	zend_string_release(b);
	return out;
}

int php_wm_http_encode_out(php_wm_conn *c, zend_string *body, wm_proto_out_t *out)
{
	zend_string *b;
	zend_string *head = encode_parts(c, body, &b);
	if (!head) {
		return WM_PROTO_E_REFUSED;
	}
	out->hold[0] = head;
	out->hold[1] = b;
	out->iov[0].iov_base = ZSTR_VAL(head);
	out->iov[0].iov_len = ZSTR_LEN(head);
	out->iovcnt = 1;
	if (b && ZSTR_LEN(b)) {
		out->iov[1].iov_base = ZSTR_VAL(b);
		out->iov[1].iov_len = ZSTR_LEN(b);
		out->iovcnt = 2;
	}
	out->close_after = c->http && c->http->close_after && !wm_conn_file_active(&c->io);
	return WM_PROTO_OK;
}

void php_wm_http_send(php_wm_conn *c, zend_string *body, zval *return_value)
{
	if (c->status == WM_CONN_STATUS_CLOSING || c->status == WM_CONN_STATUS_CLOSED) {
		RETURN_FALSE; /* as send(): nothing is encoded for a closing connection */
	}
	wm_proto_out_t out;
	memset(&out, 0, sizeof(out));
	if (php_wm_http_encode_out(c, body, &out) != WM_PROTO_OK) {
		RETURN_FALSE;
	}
	php_wm_conn_send_out(c, &out, return_value);
}

/* ---- streaming a file (pumped by the engine: wm_conn_send_file) ---- */

void php_wm_http_file_sent(php_wm_conn *c)
{
	if (c->status != WM_CONN_STATUS_ESTABLISHED) {
		return;
	}
	if (c->http && c->http->file_close_after) {
		php_wm_conn_close(c, NULL, false);
	} else {
		/* Requests that arrived meanwhile are processed now (from the loop). */
		wm_conn_resume_read(&c->io);
	}
}

void php_wm_http_send_file(php_wm_conn *c, int fd, off_t start, off_t end, bool close_after)
{
	php_wm_http_conn_get(c)->file_close_after = close_after;
	/* The connection's next requests wait until the file is out (responses in order). */
	wm_conn_send_file(&c->io, fd, start, end);
}

/* ---- module ---- */

void php_wm_http_response_minit(void)
{
	static const char *const lines[3] = {
		"Content-Type: text/html;charset=utf-8", "Connection: keep-alive", "Server: workerman"};
	static const char *const keys[3] = {"content-type", "connection", "server"};
	default_status = zend_string_init_interned("HTTP/1.1 200 OK", 15, 1);
	for (int i = 0; i < 3; i++) {
		default_lines[i] = zend_string_init_interned(lines[i], strlen(lines[i]), 1);
		default_keys[i] = zend_string_init_interned(keys[i], strlen(keys[i]), 1);
	}
	key_connection = default_keys[1];
	key_content_length = zend_string_init_interned("content-length", 14, 1);
	key_transfer_encoding = zend_string_init_interned("transfer-encoding", 17, 1);
}

void php_wm_http_response_rshutdown(void)
{
	if (resp.ready) {
		zend_hash_destroy(&resp.headers);
		zend_hash_destroy(&resp.cookies);
		resp.ready = false;
	}
	if (resp.status) {
		zend_string_release(resp.status);
		resp.status = NULL;
	}
}
