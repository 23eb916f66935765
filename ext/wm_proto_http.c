/* Workerman\Protocols\Http: the class, the framing of requests on a connection (parsed
 * in C by src/proto/wm_http, errors answered with a complete response and a close), and
 * decode(), which fills the superglobals as Workerman 3.5 does. The response side is in
 * wm_http_response.c, sessions in wm_http_session.c. Contract:
 * docs/http-3.5-behaviour.md §1-§3, §7. */
#include "ext/wm_http.h"
#include "ext/wm_conn_private.h"
#include "ext/wm_globals.h"
#include "ext/json/php_json.h"
#include "ext/standard/php_array.h"
#include "main/php_variables.h"
#include "src/proto/wm_multipart.h"
#include "stubs/http_arginfo.h"

#include <unistd.h>

zend_class_entry *wm_ce_Workerman_Protocols_Http;

/* The request being framed or decoded: one at a time per process, too big for the stack
 * of every call (100 header slots). */
static wm_http_req_t cur_req;

/* ---- superglobals ---- */

static const char *const global_names[WM_HTTP_G_COUNT] = {
	"_SERVER", "_GET", "_POST", "_COOKIE", "_FILES", "_REQUEST", "_SESSION",
	"HTTP_RAW_POST_DATA", "HTTP_RAW_REQUEST_DATA",
};
static zend_string *global_keys[WM_HTTP_G_COUNT];
static bool globals_armed; /* the JIT auto globals were created this request */
static zend_string *server_software; /* "workerman/" . Worker::VERSION */

/* $_SERVER and $_REQUEST are created on first use (auto_globals_jit): create them now, or
 * a script compiled later would have them re-created from the CLI environment over ours. */
static void globals_prepare(void)
{
	if (!globals_armed) {
		globals_armed = true;
		for (int i = WM_HTTP_G_SERVER; i <= WM_HTTP_G_SESSION; i++) {
			zend_is_auto_global(global_keys[i]);
		}
	}
}

/* The globals' zvals inside the symbol table, remembered while its bucket storage stays
 * the same (a hash lookup per global per request otherwise). */
static zval *slot_cache[WM_HTTP_G_COUNT];
static Bucket *slot_cache_data;

static zval *global_slot(int which)
{
	if (EG(symbol_table).arData != slot_cache_data) {
		memset(slot_cache, 0, sizeof(slot_cache));
		slot_cache_data = EG(symbol_table).arData;
	}
	zval *zv = slot_cache[which];
	/* The bucket must still be this global's (an in-place rehash moves buckets). */
	if (zv && Z_TYPE_P(zv) != IS_UNDEF && ((Bucket *)zv)->key == global_keys[which]) {
		return zv;
	}
	slot_cache[which] = NULL;
	zv = zend_hash_find_known_hash(&EG(symbol_table), global_keys[which]);
	if (zv && Z_TYPE_P(zv) == IS_INDIRECT) {
		return Z_INDIRECT_P(zv); /* a CV of the main script: not cached */
	}
	if (zv && ((Bucket *)zv)->key == global_keys[which]) {
		slot_cache[which] = zv;
	}
	return zv;
}

zval *php_wm_http_global(int which)
{
	globals_prepare();
	zval *zv = global_slot(which);
	if (!zv || Z_TYPE_P(zv) == IS_UNDEF) {
		return &EG(uninitialized_zval);
	}
	ZVAL_DEREF(zv);
	return zv;
}

void php_wm_http_global_set(int which, zval *value)
{
	globals_prepare();
	zval *zv = global_slot(which);
	if (!zv || Z_TYPE_P(zv) == IS_UNDEF) {
		zend_hash_update(&EG(symbol_table), global_keys[which], value);
		return;
	}
	ZVAL_DEREF(zv);
	zval old;
	ZVAL_COPY_VALUE(&old, zv);
	ZVAL_COPY_VALUE(zv, value);
	zval_ptr_dtor(&old);
}

static void global_set_empty_array(int which)
{
	zval v;
	ZVAL_EMPTY_ARRAY(&v);
	php_wm_http_global_set(which, &v);
}

/* ---- per-connection state ---- */

php_wm_http_conn *php_wm_http_conn_get(php_wm_conn *c)
{
	if (!c->http) {
		c->http = ecalloc(1, sizeof(*c->http));
		c->http->file_fd = -1;
	}
	return c->http;
}

void php_wm_http_conn_free(php_wm_conn *c)
{
	if (c->http) {
		if (c->http->file_fd >= 0) {
			close(c->http->file_fd);
		}
		if (c->http->remote_ip) {
			zend_string_release(c->http->remote_ip);
		}
		efree(c->http);
		c->http = NULL;
	}
}

/* ---- decode: the request into the superglobals ---- */

/* Keys used on every request: interned once, so their hashes are never computed again. */
enum {
	K_QUERY_STRING, K_REQUEST_METHOD, K_REQUEST_URI, K_SERVER_PROTOCOL, K_SERVER_SOFTWARE,
	K_SERVER_NAME, K_HTTP_HOST, K_HTTP_USER_AGENT, K_HTTP_ACCEPT, K_HTTP_ACCEPT_LANGUAGE,
	K_HTTP_ACCEPT_ENCODING, K_HTTP_COOKIE, K_HTTP_CONNECTION, K_CONTENT_TYPE, K_REMOTE_ADDR,
	K_REMOTE_PORT, /* the fixed keys of 3.5's $_SERVER, in its order (docs §3.2) */
	K_SERVER_PORT, K_CONTENT_LENGTH,
	K_get, K_post, K_cookie, K_server, K_files, K_request,
	K_COUNT
};
#define K_FIXED_COUNT (K_REMOTE_PORT + 1)
static const char *const key_names[K_COUNT] = {
	"QUERY_STRING", "REQUEST_METHOD", "REQUEST_URI", "SERVER_PROTOCOL", "SERVER_SOFTWARE",
	"SERVER_NAME", "HTTP_HOST", "HTTP_USER_AGENT", "HTTP_ACCEPT", "HTTP_ACCEPT_LANGUAGE",
	"HTTP_ACCEPT_ENCODING", "HTTP_COOKIE", "HTTP_CONNECTION", "CONTENT_TYPE", "REMOTE_ADDR",
	"REMOTE_PORT", "SERVER_PORT", "CONTENT_LENGTH",
	"get", "post", "cookie", "server", "files", "request",
};
static zend_string *keys[K_COUNT];
static zend_string *str_http10, *str_http11, *str_multipart;
/* $_SERVER with the fixed keys set to '' (copied for every request; request memory). */
static zend_array *server_template;

static zend_array *server_new(void)
{
	if (!server_template) {
		server_template = zend_new_array(32);
		zval e;
		ZVAL_EMPTY_STRING(&e);
		for (int i = 0; i < K_FIXED_COUNT; i++) {
			zend_hash_add_new(server_template, keys[i], &e);
		}
		ZVAL_INTERNED_STR(&e, server_software);
		zend_hash_update(server_template, keys[K_SERVER_SOFTWARE], &e);
	}
	return zend_array_dup(server_template);
}

static void server_set(HashTable *ht, int k, const char *v, size_t vlen)
{
	zval zv;
	ZVAL_STRINGL_FAST(&zv, v, vlen);
	zend_hash_update(ht, keys[k], &zv);
}

/* An empty array that can be written to ($_GET etc. start as the shared immutable one). */
static HashTable *writable(zval *arr)
{
	if (Z_TYPE_P(arr) != IS_ARRAY || Z_ARR_P(arr) == &zend_empty_array) {
		zval_ptr_dtor(arr);
		array_init(arr);
	}
	return Z_ARRVAL_P(arr);
}

/* parse_str() semantics (PHP's own parser: '+', %XX, a[]=, '.' and ' ' to '_'). */
static void parse_query_into(const char *s, size_t len, zval *arr)
{
	if (len == 0) {
		return;
	}
	writable(arr);
	char *copy = estrndup(s, len); /* treat_data owns and frees it */
	sapi_module.treat_data(PARSE_STRING, copy, arr);
}

/* The peer's address as a string, cached on the connection (inet_ntop is not cheap). */
static zend_string *remote_ip(php_wm_conn *c)
{
	php_wm_http_conn *h = php_wm_http_conn_get(c);
	if (!h->remote_ip) {
		char ip[INET6_ADDRSTRLEN];
		size_t n = c->is_unix ? 0 : wm_addr_ip(&c->remote.sa, ip, sizeof(ip));
		h->remote_ip = zend_string_init(ip, n, 0);
	}
	return zend_string_copy(h->remote_ip);
}

/* json_decode($s, true); the JSON scanner needs a NUL after the text, so it gets a copy. */
static zend_result json_decode_assoc(zval *out, const char *s, size_t len)
{
	zend_string *copy = zend_string_init(s, len, 0);
	zend_result rc = php_json_decode_ex(out, ZSTR_VAL(copy), len, PHP_JSON_OBJECT_AS_ARRAY, PHP_JSON_PARSER_DEFAULT_DEPTH);
	zend_string_release(copy);
	return rc;
}

static bool slice_eq(wm_slice_t s, const char *lit, size_t len)
{
	return s.len == len && memcmp(s.p, lit, len) == 0;
}

static bool name_is(wm_slice_t name, const char *lower, size_t len)
{
	return name.len == len && zend_binary_strncasecmp(name.p, len, lower, len, len) == 0;
}

/* multipart/form-data as 3.5's parseUploadFiles: fields into $_POST under their literal
 * name, files into $_FILES keyed by the part's position. */
static void parse_multipart(const char *body, size_t blen, wm_slice_t boundary, zval *post, zval *files)
{
	wm_multipart_t mp;
	wm_multipart_part_t part;
	wm_multipart_init(&mp, body, blen, boundary, 0);
	zend_long index = -1;
	int rc;
	while ((rc = wm_multipart_next(&mp, &part)) == 1) {
		index++;
		zend_string *name = zend_string_init(part.name.p ? part.name.p : "", part.name.len, 0);
		if (part.name_escaped) {
			ZSTR_LEN(name) = wm_multipart_unquote(ZSTR_VAL(name), ZSTR_LEN(name));
			ZSTR_VAL(name)[ZSTR_LEN(name)] = '\0';
		}
		zval *entry = NULL;
		if (part.filename.p) {
			zval file;
			array_init_size(&file, 5);
			add_assoc_str(&file, "name", zend_string_copy(name));
			zend_string *fname = zend_string_init(part.filename.p, part.filename.len, 0);
			if (part.filename_escaped) {
				ZSTR_LEN(fname) = wm_multipart_unquote(ZSTR_VAL(fname), ZSTR_LEN(fname));
				ZSTR_VAL(fname)[ZSTR_LEN(fname)] = '\0';
			}
			add_assoc_str(&file, "file_name", fname);
			add_assoc_stringl(&file, "file_data", part.data.p ? part.data.p : "", part.data.len);
			add_assoc_long(&file, "file_size", (zend_long)part.data.len);
			entry = zend_hash_index_update(Z_ARRVAL_P(files), index, &file);
		} else if (part.name.p) {
			zval v;
			ZVAL_STRINGL_FAST(&v, part.data.p ? part.data.p : "", part.data.len);
			zend_symtable_update(Z_ARRVAL_P(post), name, &v);
		}
		if (part.content_type.p) {
			if (!entry) {
				entry = zend_hash_index_find(Z_ARRVAL_P(files), index);
				if (!entry) {
					zval file;
					array_init(&file);
					entry = zend_hash_index_update(Z_ARRVAL_P(files), index, &file);
				}
			}
			add_assoc_stringl(entry, "file_type", part.content_type.p, part.content_type.len);
		}
		zend_string_release(name);
	}
}

/* Fill the superglobals from a parsed head and its (de-chunked) body; msg = decode()'s
 * array. c may be NULL (Http::decode() called without a connection). */
static void decode_request(php_wm_conn *c, const wm_http_req_t *req, const char *body, size_t blen, zval *msg)
{
	globals_prepare();
	zval server, get, post, cookie, files, request, raw;
	ZVAL_ARR(&server, server_new());
	ZVAL_EMPTY_ARRAY(&get);
	ZVAL_EMPTY_ARRAY(&post);
	ZVAL_EMPTY_ARRAY(&cookie);
	ZVAL_EMPTY_ARRAY(&files);
	ZVAL_EMPTY_ARRAY(&request);
	HashTable *sv = Z_ARRVAL(server);

	if (req->query.p && req->query.len) {
		server_set(sv, K_QUERY_STRING, req->query.p, req->query.len);
	}
	server_set(sv, K_REQUEST_METHOD, req->method.p, req->method.len);
	server_set(sv, K_REQUEST_URI, req->target.p, req->target.len);
	zval proto;
	ZVAL_INTERNED_STR(&proto, req->version == 10 ? str_http10 : str_http11);
	zend_hash_update(sv, keys[K_SERVER_PROTOCOL], &proto);

	wm_slice_t boundary = {NULL, 0};
	bool multipart = false;
	char key[WM_HTTP_DEFAULT_MAX_HEAD + 6];
	for (unsigned i = 0; i < req->nheaders; i++) {
		const wm_http_header_t *hd = &req->headers[i];
		/* HTTP_ + upper-cased name with '-' as '_'; a repeated header keeps its last value. */
		size_t klen = 5 + hd->name.len;
		memcpy(key, "HTTP_", 5);
		for (size_t j = 0; j < hd->name.len; j++) {
			char ch = hd->name.p[j];
			key[5 + j] = ch == '-' ? '_' : (ch >= 'a' && ch <= 'z' ? (char)(ch - 32) : ch);
		}
		zval v;
		ZVAL_STRINGL_FAST(&v, hd->value.p, hd->value.len);
		zend_hash_str_update(sv, key, klen, &v);
		if (hd->name.len < 4 || hd->name.len > 14) {
			continue;
		}
		if (name_is(hd->name, "host", 4)) {
			const char *colon = memchr(hd->value.p, ':', hd->value.len);
			size_t nlen = colon ? (size_t)(colon - hd->value.p) : hd->value.len;
			server_set(sv, K_SERVER_NAME, hd->value.p, nlen);
			if (colon) {
				/* 3.5: explode(':') — the part between the first and a second colon. */
				const char *port = colon + 1;
				const char *end = memchr(port, ':', hd->value.len - nlen - 1);
				size_t plen = end ? (size_t)(end - port) : hd->value.len - nlen - 1;
				server_set(sv, K_SERVER_PORT, port, plen);
			}
		} else if (name_is(hd->name, "cookie", 6)) {
			/* 3.5: parse_str(str_replace('; ', '&', $cookie)); the last Cookie header wins. */
			zend_string *s = zend_string_init(hd->value.p, hd->value.len, 0);
			char *p = ZSTR_VAL(s);
			for (size_t j = 0; j + 1 < ZSTR_LEN(s); j++) {
				if (p[j] == ';' && p[j + 1] == ' ') {
					memmove(p + j + 1, p + j + 2, ZSTR_LEN(s) - j - 2);
					ZSTR_LEN(s)--;
					p[j] = '&';
				}
			}
			p[ZSTR_LEN(s)] = '\0';
			zval_ptr_dtor(&cookie);
			ZVAL_EMPTY_ARRAY(&cookie);
			parse_query_into(ZSTR_VAL(s), ZSTR_LEN(s), &cookie);
			zend_string_release(s);
		} else if (name_is(hd->name, "content-type", 12)) {
			if (php_memnstr(hd->value.p, "boundary=", 9, hd->value.p + hd->value.len)) {
				zval mt;
				ZVAL_INTERNED_STR(&mt, str_multipart);
				zend_hash_update(sv, keys[K_CONTENT_TYPE], &mt);
				multipart = wm_multipart_boundary(hd->value.p, hd->value.len, &boundary) == 0;
			} else {
				const char *semi = memchr(hd->value.p, ';', hd->value.len);
				size_t tlen = semi && semi != hd->value.p ? (size_t)(semi - hd->value.p) : hd->value.len;
				server_set(sv, K_CONTENT_TYPE, hd->value.p, tlen);
			}
		} else if (name_is(hd->name, "content-length", 14)) {
			server_set(sv, K_CONTENT_LENGTH, hd->value.p, hd->value.len);
		}
	}

	zend_string *ct = Z_STR_P(zend_hash_find_known_hash(sv, keys[K_CONTENT_TYPE]));
	bool is_post = slice_eq(req->method, "POST", 4);
	bool is_get = slice_eq(req->method, "GET", 3);
	if (is_post && ZSTR_LEN(ct)) {
		if (zend_string_equals_literal(ct, "multipart/form-data")) {
			if (multipart) {
				writable(&post);
				writable(&files);
				parse_multipart(body, blen, boundary, &post, &files);
			}
		} else if (zend_string_equals_literal(ct, "application/json")) {
			/* 3.5: json_decode($body, true); invalid JSON leaves $_POST === null. */
			if (json_decode_assoc(&post, body, blen) == FAILURE) {
				ZVAL_NULL(&post);
			}
		} else if (zend_string_equals_literal(ct, "application/x-www-form-urlencoded")) {
			parse_query_into(body, blen, &post);
		}
	}
	if (!is_get && !is_post) {
		/* Other methods: an urlencoded or JSON body goes to $_REQUEST only. Invalid JSON or a
		 * scalar is ignored (3.5 dies of a TypeError). */
		if (zend_string_equals_literal(ct, "application/x-www-form-urlencoded")) {
			parse_query_into(body, blen, &request);
		} else if (zend_string_equals_literal(ct, "application/json")) {
			zval data;
			if (json_decode_assoc(&data, body, blen) == SUCCESS && Z_TYPE(data) == IS_ARRAY) {
				php_array_merge(writable(&request), Z_ARRVAL(data));
			}
			zval_ptr_dtor(&data);
		}
	}
	ZVAL_STRINGL_FAST(&raw, body, blen);

	if (req->query.p && req->query.len) {
		parse_query_into(req->query.p, req->query.len, &get);
	}
	/* $_REQUEST = array_merge($_GET, $_POST, $_REQUEST): numeric keys renumbered. */
	bool post_arr = Z_TYPE(post) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL(post));
	if (zend_hash_num_elements(Z_ARRVAL(get)) || post_arr || zend_hash_num_elements(Z_ARRVAL(request))) {
		zval merged;
		array_init(&merged);
		php_array_merge(Z_ARRVAL(merged), Z_ARRVAL(get));
		if (post_arr) {
			php_array_merge(Z_ARRVAL(merged), Z_ARRVAL(post));
		}
		php_array_merge(Z_ARRVAL(merged), Z_ARRVAL(request));
		zval_ptr_dtor(&request);
		ZVAL_COPY_VALUE(&request, &merged);
	}

	if (c) {
		zval ip, port;
		ZVAL_STR(&ip, remote_ip(c));
		zend_hash_update(sv, keys[K_REMOTE_ADDR], &ip);
		ZVAL_LONG(&port, c->is_unix ? 0 : wm_addr_port(&c->remote.sa));
		zend_hash_update(sv, keys[K_REMOTE_PORT], &port);
	}

	array_init_size(msg, 8);
	zval *parts[6] = {&get, &post, &cookie, &server, &files, &request};
	for (int i = 0; i < 6; i++) {
		Z_TRY_ADDREF_P(parts[i]);
		zend_hash_add_new(Z_ARRVAL_P(msg), keys[K_get + i], parts[i]);
	}

	php_wm_http_global_set(WM_HTTP_G_SERVER, &server);
	php_wm_http_global_set(WM_HTTP_G_GET, &get);
	php_wm_http_global_set(WM_HTTP_G_POST, &post);
	php_wm_http_global_set(WM_HTTP_G_COOKIE, &cookie);
	php_wm_http_global_set(WM_HTTP_G_FILES, &files);
	php_wm_http_global_set(WM_HTTP_G_REQUEST, &request);
	global_set_empty_array(WM_HTTP_G_SESSION);
	Z_TRY_ADDREF(raw);
	php_wm_http_global_set(WM_HTTP_G_RAW_POST, &raw);
	php_wm_http_global_set(WM_HTTP_G_RAW_REQUEST, &raw);

	php_wm_http_response_reset();
	php_wm_http_session_reset();
}

/* ---- framing ---- */

static wm_http_limits_t conn_limits(php_wm_conn *c)
{
	wm_http_limits_t lim = WM_HTTP_LIMITS_DEFAULT;
	lim.flags = WM_HTTP_HOST_OPTIONAL; /* 3.5 never required Host */
	lim.max_body = c && c->max_package > 0 ? (uint64_t)c->max_package : WM_HTTP_DEFAULT_MAX_BODY;
	return lim;
}

static uint32_t methods_offset; /* of Http::$methods in the static members */

/* Http::$methods: the methods this process accepts (keys, case-sensitive). */
static bool method_allowed(wm_slice_t m)
{
	zend_class_entry *ce = wm_ce_Workerman_Protocols_Http;
	if (UNEXPECTED(!CE_STATIC_MEMBERS(ce))) {
		zend_class_init_statics(ce);
	}
	zval *methods = CE_STATIC_MEMBERS(ce) + methods_offset;
	ZVAL_DEREF(methods);
	if (Z_TYPE_P(methods) != IS_ARRAY) {
		return true;
	}
	return zend_hash_str_exists(Z_ARRVAL_P(methods), m.p, m.len);
}

/* A complete error response, then close (docs §2): never reaches onMessage. */
static void refuse(php_wm_conn *c, int status, const char *why)
{
	const char *text = wm_http_status_text(status);
	if (!text) {
		text = "Bad Request";
	}
	char body[128];
	int blen = snprintf(body, sizeof(body), "<h1>%d %s</h1>", status, text);
	char head[256];
	int hlen = snprintf(head, sizeof(head),
		"HTTP/1.1 %d %s\r\nContent-Type: text/html;charset=utf-8\r\nConnection: close\r\nServer: workerman\r\n"
		"Content-Length: %d\r\n\r\n", status, text, blen);
	if (why) {
		char peer[INET6_ADDRSTRLEN] = "";
		if (!c->is_unix) {
			wm_addr_ip(&c->remote.sa, peer, sizeof(peer));
		}
		php_wm_logf("http: %d %s from %s (%s)", status, text, peer, why);
	}
	struct iovec iov[2] = {{head, (size_t)hlen}, {body, (size_t)blen}};
	zval rv;
	php_wm_conn_send_iov(c, iov, 2, &rv);
	php_wm_conn_close(c, NULL, false);
}

static void reset_framing(php_wm_http_conn *h)
{
	h->head_len = 0;
	h->chunked_fed = 0;
	h->chunked_done = false;
	h->continue_sent = false;
}

static void send_continue(php_wm_conn *c, php_wm_http_conn *h)
{
	if (!h->continue_sent) {
		h->continue_sent = true;
		struct iovec iov = {(void *)"HTTP/1.1 100 Continue\r\n\r\n", 25};
		zval rv;
		php_wm_conn_send_iov(c, &iov, 1, &rv);
	}
}

int php_wm_http_next(php_wm_conn *c, zval *msg)
{
	if (c->status != WM_STATUS_ESTABLISHED) {
		return 0; /* closing: what follows a "Connection: close" request is not processed */
	}
	php_wm_http_conn *h = php_wm_http_conn_get(c);
	if (h->file_fd >= 0) {
		return 0;
	}
	size_t len;
	const char *data = wm_conn_rdata(&c->io, &len);
	if (len == 0) {
		return 0;
	}
	wm_http_limits_t lim = conn_limits(c);
	wm_http_req_t *req = &cur_req;
	int rc = wm_http_parse_head(data, len, &lim, req);
	if (rc == 0) {
		return 0;
	}
	if (rc < 0) {
		refuse(c, wm_http_error_status(rc), wm_http_error_reason(rc));
		return -1;
	}
	if (h->head_len == 0) {
		/* First time this head is complete: checks that don't need the body. */
		if (!method_allowed(req->method)) {
			refuse(c, 400, "method not in Http::$methods");
			return -1;
		}
		if (!req->chunked && req->package_len > c->max_package) {
			refuse(c, 413, "request over maxPackageSize");
			return -1;
		}
		h->head_len = req->head_len;
		if (req->chunked) {
			wm_http_limits_t cl = lim;
			cl.max_body = (uint64_t)c->max_package > req->head_len ? (uint64_t)c->max_package - req->head_len : 0;
			wm_http_chunked_init(&h->chunked, &cl);
		}
	}
	const char *body;
	size_t blen, package;
	wm_buf_t dechunked;
	memset(&dechunked, 0, sizeof(dechunked));
	if (req->chunked) {
		size_t avail = len - req->head_len;
		if (!h->chunked_done) {
			size_t used = 0;
			int cr = wm_http_chunked_feed(&h->chunked, data + req->head_len + h->chunked_fed,
				avail - h->chunked_fed, NULL, &used);
			h->chunked_fed += used;
			if (cr < 0) {
				refuse(c, wm_http_error_status(cr), wm_http_error_reason(cr));
				return -1;
			}
			if (cr == 0) {
				if (req->expect_continue) {
					send_continue(c, h);
				}
				return 0;
			}
			h->chunked_done = true;
		}
		/* Complete: decode again into a buffer (the first pass only validated). */
		wm_http_chunked_t st;
		wm_http_limits_t cl = lim;
		cl.max_body = UINT64_MAX;
		wm_http_chunked_init(&st, &cl);
		size_t used = 0;
		if (wm_http_chunked_feed(&st, data + req->head_len, h->chunked_fed, &dechunked, &used) != 1) {
			wm_buf_free(&dechunked);
			refuse(c, 400, "chunked body");
			return -1;
		}
		body = wm_buf_head(&dechunked);
		blen = wm_buf_size(&dechunked);
		package = req->head_len + h->chunked_fed;
	} else {
		if ((int64_t)len < req->package_len) {
			if (req->expect_continue) {
				send_continue(c, h);
			}
			return 0;
		}
		body = data + req->head_len;
		blen = (size_t)req->body_len;
		package = (size_t)req->package_len;
	}
	decode_request(c, req, body ? body : "", blen, msg);
	wm_buf_free(&dechunked);
	h->close_after = !req->keep_alive;
	h->head_method = slice_eq(req->method, "HEAD", 4);
	reset_framing(h);
	wm_conn_rconsume(&c->io, package);
	return 1;
}

bool php_wm_http_is_jump_exit(zend_object *ex)
{
	if (!ex || ex->ce != zend_ce_exception) {
		return false;
	}
	zval rv;
	zval *msg = zend_read_property_ex(zend_ce_exception, ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), true, &rv);
	return msg && Z_TYPE_P(msg) == IS_STRING && zend_string_equals_literal(Z_STR_P(msg), "jump_exit");
}

/* ---- the class ---- */

static php_wm_conn *arg_conn(zval *connection)
{
	if (connection && Z_TYPE_P(connection) == IS_OBJECT
			&& instanceof_function(Z_OBJCE_P(connection), wm_ce_Workerman_Connection_TcpConnection)) {
		return php_wm_conn_from_obj(Z_OBJ_P(connection));
	}
	return NULL;
}

/* Length of the first request in buffer: 0 = incomplete (or refused: then the connection
 * got the error response and is closing). */
ZEND_METHOD(Workerman_Protocols_Http, input)
{
	zend_string *buffer;
	zval *connection = NULL;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(buffer)
		Z_PARAM_ZVAL(connection)
	ZEND_PARSE_PARAMETERS_END();
	php_wm_conn *c = arg_conn(connection);
	wm_http_limits_t lim = conn_limits(c);
	int rc = wm_http_parse_head(ZSTR_VAL(buffer), ZSTR_LEN(buffer), &lim, &cur_req);
	if (rc > 0 && !method_allowed(cur_req.method)) {
		rc = WM_HTTP_E_METHOD;
	}
	if (rc > 0 && cur_req.chunked) {
		wm_http_chunked_t st;
		size_t used = 0;
		wm_http_chunked_init(&st, &lim);
		int cr = wm_http_chunked_feed(&st, ZSTR_VAL(buffer) + cur_req.head_len,
			ZSTR_LEN(buffer) - cur_req.head_len, NULL, &used);
		if (cr == 0) {
			RETURN_LONG(0);
		}
		if (cr < 0) {
			rc = cr;
		} else {
			RETURN_LONG((zend_long)(cur_req.head_len + used));
		}
	}
	if (rc < 0) {
		if (c && c->status == WM_STATUS_ESTABLISHED) {
			refuse(c, wm_http_error_status(rc), wm_http_error_reason(rc));
		}
		RETURN_LONG(0);
	}
	RETURN_LONG(rc == 0 ? 0 : (zend_long)cur_req.package_len);
}

ZEND_METHOD(Workerman_Protocols_Http, decode)
{
	zend_string *buffer;
	zval *connection = NULL;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(buffer)
		Z_PARAM_ZVAL(connection)
	ZEND_PARSE_PARAMETERS_END();
	php_wm_conn *c = arg_conn(connection);
	wm_http_limits_t lim = conn_limits(c);
	lim.max_body = UINT64_MAX;
	int rc = wm_http_parse_head(ZSTR_VAL(buffer), ZSTR_LEN(buffer), &lim, &cur_req);
	if (rc <= 0) {
		zend_throw_exception_ex(zend_ce_exception, 0, "Http::decode(): not a complete HTTP request head (%s)",
			rc < 0 ? wm_http_error_reason(rc) : "incomplete");
		RETURN_THROWS();
	}
	const char *body = ZSTR_VAL(buffer) + cur_req.head_len;
	size_t blen = ZSTR_LEN(buffer) - cur_req.head_len;
	wm_buf_t dechunked;
	memset(&dechunked, 0, sizeof(dechunked));
	if (cur_req.chunked) {
		wm_http_chunked_t st;
		size_t used = 0;
		wm_http_chunked_init(&st, &lim);
		wm_http_chunked_feed(&st, body, blen, &dechunked, &used);
		body = wm_buf_size(&dechunked) ? wm_buf_head(&dechunked) : "";
		blen = wm_buf_size(&dechunked);
	} else if (cur_req.body_len >= 0 && (size_t)cur_req.body_len < blen) {
		blen = (size_t)cur_req.body_len;
	}
	decode_request(c, &cur_req, body, blen, return_value);
	wm_buf_free(&dechunked);
	if (c) {
		php_wm_http_conn *h = php_wm_http_conn_get(c);
		h->close_after = !cur_req.keep_alive;
		h->head_method = slice_eq(cur_req.method, "HEAD", 4);
	}
}

ZEND_METHOD(Workerman_Protocols_Http, encode)
{
	zend_string *content;
	zval *connection = NULL;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(content)
		Z_PARAM_ZVAL(connection)
	ZEND_PARSE_PARAMETERS_END();
	RETURN_STR(php_wm_http_encode(arg_conn(connection), content));
}

ZEND_METHOD(Workerman_Protocols_Http, header)
{
	zend_string *content;
	bool replace = true;
	zend_long code = 0;
	bool code_null = true;
	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_STR(content)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(replace)
		Z_PARAM_LONG_OR_NULL(code, code_null)
	ZEND_PARSE_PARAMETERS_END();
	RETURN_BOOL(php_wm_http_header(ZSTR_VAL(content), ZSTR_LEN(content), replace, code_null ? 0 : code));
}

ZEND_METHOD(Workerman_Protocols_Http, headerRemove)
{
	zend_string *name;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();
	php_wm_http_header_remove(ZSTR_VAL(name), ZSTR_LEN(name));
	(void)return_value;
}

ZEND_METHOD(Workerman_Protocols_Http, responseCode)
{
	zval *code;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(code)
	ZEND_PARSE_PARAMETERS_END();
	if (!php_wm_http_response_code(zval_get_long(code))) {
		RETURN_FALSE;
	}
	RETURN_COPY(code);
}

ZEND_METHOD(Workerman_Protocols_Http, setcookie)
{
	zend_string *name, *value = NULL, *path = NULL, *domain = NULL;
	zend_long maxage = 0;
	bool secure = false, httponly = false;
	ZEND_PARSE_PARAMETERS_START(1, 7)
		Z_PARAM_STR(name)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(value)
		Z_PARAM_LONG(maxage)
		Z_PARAM_STR(path)
		Z_PARAM_STR(domain)
		Z_PARAM_BOOL(secure)
		Z_PARAM_BOOL(httponly)
	ZEND_PARSE_PARAMETERS_END();
	RETURN_BOOL(php_wm_http_setcookie(name, value, maxage, path, domain, secure, httponly));
}

ZEND_METHOD(Workerman_Protocols_Http, end)
{
	zend_string *msg = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(msg)
	ZEND_PARSE_PARAMETERS_END();
	if (msg && ZSTR_LEN(msg) && !zend_string_equals_literal(msg, "0")) {
		PHPWRITE(ZSTR_VAL(msg), ZSTR_LEN(msg));
	}
	zend_throw_exception(zend_ce_exception, "jump_exit", 0);
	(void)return_value;
}

#define WM_HTTP_FORWARD(m) \
	ZEND_METHOD(Workerman_Protocols_Http, m) { php_wm_http_m_##m(INTERNAL_FUNCTION_PARAM_PASSTHRU); }
WM_HTTP_FORWARD(sessionCreateId)
WM_HTTP_FORWARD(sessionId)
WM_HTTP_FORWARD(sessionName)
WM_HTTP_FORWARD(sessionSavePath)
WM_HTTP_FORWARD(sessionStarted)
WM_HTTP_FORWARD(sessionStart)
WM_HTTP_FORWARD(sessionWriteClose)
WM_HTTP_FORWARD(sessionRegenerateId)
WM_HTTP_FORWARD(tryGcSessions)

/* ---- module ---- */

void php_wm_http_minit(void)
{
	wm_ce_Workerman_Protocols_Http = register_class_Workerman_Protocols_Http();
	zend_property_info *mpi = zend_hash_str_find_ptr(&wm_ce_Workerman_Protocols_Http->properties_info,
		"methods", sizeof("methods") - 1);
	methods_offset = mpi->offset;
	for (int i = 0; i < WM_HTTP_G_COUNT; i++) {
		global_keys[i] = zend_string_init_interned(global_names[i], strlen(global_names[i]), 1);
		ZSTR_H(global_keys[i]) = zend_string_hash_val(global_keys[i]);
	}
	for (int i = 0; i < K_COUNT; i++) {
		keys[i] = zend_string_init_interned(key_names[i], strlen(key_names[i]), 1);
		ZSTR_H(keys[i]) = zend_string_hash_val(keys[i]);
	}
	str_http10 = zend_string_init_interned("HTTP/1.0", 8, 1);
	str_http11 = zend_string_init_interned("HTTP/1.1", 8, 1);
	str_multipart = zend_string_init_interned("multipart/form-data", 19, 1);
	zend_class_constant *v = zend_hash_str_find_ptr(&wm_ce_Workerman_Worker->constants_table, "VERSION", 7);
	zend_string *version = v && Z_TYPE(v->value) == IS_STRING ? Z_STR(v->value) : NULL;
	server_software = version ? zend_string_concat2("workerman/", 10, ZSTR_VAL(version), ZSTR_LEN(version))
		: zend_string_init("workerman/", 10, 1);
	if (!ZSTR_IS_INTERNED(server_software)) {
		zend_string *s = zend_string_init_interned(ZSTR_VAL(server_software), ZSTR_LEN(server_software), 1);
		zend_string_release(server_software);
		server_software = s;
	}
	php_wm_http_response_minit();
	php_wm_webserver_minit();
}

void php_wm_http_rinit(void)
{
	globals_armed = false;
	slot_cache_data = NULL;
	/* Http::$methods = ['GET' => 'GET', ...] (an array default can't be declared here). */
	static const char *const methods[] = {"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"};
	zval arr;
	array_init_size(&arr, 6);
	for (size_t i = 0; i < 6; i++) {
		add_assoc_string(&arr, methods[i], methods[i]);
	}
	zend_update_static_property(wm_ce_Workerman_Protocols_Http, "methods", sizeof("methods") - 1, &arr);
	zval_ptr_dtor(&arr);
	php_wm_http_session_rinit();
}

void php_wm_http_rshutdown(void)
{
	if (server_template) {
		zend_array_destroy(server_template);
		server_template = NULL;
	}
	php_wm_http_response_rshutdown();
	php_wm_http_session_rshutdown();
}
