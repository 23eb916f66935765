/* decode() of Workerman\Protocols\Http: a parsed request (src/proto/wm_http) into the
 * superglobals and the $data array, as Workerman 3.5 fills them (docs/http-3.5-behaviour.md §3),
 * and the cache that lets a repeated request head skip the parse. Made for the hot path:
 * interned keys with precomputed hashes, a $_SERVER template, cached symbol-table slots, the
 * shared empty array for untouched arrays, repeated values shared. */
#include "ext/wm_http.h"
#include "ext/json/php_json.h"
#include "ext/standard/php_array.h"
#include "main/php_variables.h"
#include "src/proto/wm_multipart.h"

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

/* ---- decode: the request into the superglobals ---- */

/* Keys used on every request: interned once, so their hashes are never computed again. */
enum {
	K_QUERY_STRING, K_REQUEST_METHOD, K_REQUEST_URI, K_SERVER_PROTOCOL, K_SERVER_SOFTWARE,
	K_SERVER_NAME, K_HTTP_HOST, K_HTTP_USER_AGENT, K_HTTP_ACCEPT, K_HTTP_ACCEPT_LANGUAGE,
	K_HTTP_ACCEPT_ENCODING, K_HTTP_COOKIE, K_HTTP_CONNECTION, K_CONTENT_TYPE, K_REMOTE_ADDR,
	K_REMOTE_PORT, /* the fixed keys of 3.5's $_SERVER, in its order (docs §3.2) */
	K_SERVER_PORT, K_CONTENT_LENGTH, K_REQUEST_TIME,
	K_get, K_post, K_cookie, K_server, K_files, K_request,
	K_COUNT
};
#define K_FIXED_COUNT (K_REMOTE_PORT + 1)
static const char *const key_names[K_COUNT] = {
	"QUERY_STRING", "REQUEST_METHOD", "REQUEST_URI", "SERVER_PROTOCOL", "SERVER_SOFTWARE",
	"SERVER_NAME", "HTTP_HOST", "HTTP_USER_AGENT", "HTTP_ACCEPT", "HTTP_ACCEPT_LANGUAGE",
	"HTTP_ACCEPT_ENCODING", "HTTP_COOKIE", "HTTP_CONNECTION", "CONTENT_TYPE", "REMOTE_ADDR",
	"REMOTE_PORT", "SERVER_PORT", "CONTENT_LENGTH", "REQUEST_TIME",
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

/* The last value stored under each key: the method, Host, User-Agent, Accept... repeat from
 * request to request, and sharing the string saves an allocation, a copy and a free. */
static zend_string *value_cache[K_COUNT];

static void server_set(HashTable *ht, int k, const char *v, size_t vlen)
{
	zval zv;
	zend_string *c = value_cache[k];
	if (c && ZSTR_LEN(c) == vlen && memcmp(ZSTR_VAL(c), v, vlen) == 0) {
		ZVAL_STR_COPY(&zv, c);
	} else if (vlen <= 1) {
		ZVAL_STRINGL_FAST(&zv, v, vlen);
	} else {
		if (c) {
			zend_string_release(c);
		}
		c = zend_string_init(v, vlen, 0);
		value_cache[k] = zend_string_copy(c);
		ZVAL_STR(&zv, c);
	}
	zend_hash_update(ht, keys[k], &zv);
}

static bool name_is(wm_slice_t name, const char *lower, size_t len);

/* The fixed HTTP_* key of a header name, or -1. */
static int fixed_header_key(wm_slice_t name)
{
	switch (name.len) {
	case 4:
		return name_is(name, "host", 4) ? K_HTTP_HOST : -1;
	case 6:
		return name_is(name, "accept", 6) ? K_HTTP_ACCEPT : name_is(name, "cookie", 6) ? K_HTTP_COOKIE : -1;
	case 10:
		return name_is(name, "user-agent", 10) ? K_HTTP_USER_AGENT
			: name_is(name, "connection", 10) ? K_HTTP_CONNECTION : -1;
	case 15:
		return name_is(name, "accept-language", 15) ? K_HTTP_ACCEPT_LANGUAGE
			: name_is(name, "accept-encoding", 15) ? K_HTTP_ACCEPT_ENCODING : -1;
	}
	return -1;
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

bool php_wm_slice_eq(wm_slice_t s, const char *lit, size_t len)
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

/* Set the superglobals (taking ownership of the values) and build decode()'s array; reset
 * the response and session state for the new request. */
static void publish(zval *get, zval *post, zval *cookie, zval *server, zval *files, zval *request,
		zval *raw, zval *msg)
{
	array_init_size(msg, 8);
	zval *parts[6] = {get, post, cookie, server, files, request};
	for (int i = 0; i < 6; i++) {
		Z_TRY_ADDREF_P(parts[i]);
		zend_hash_add_new(Z_ARRVAL_P(msg), keys[K_get + i], parts[i]);
	}
	php_wm_http_global_set(WM_HTTP_G_SERVER, server);
	php_wm_http_global_set(WM_HTTP_G_GET, get);
	php_wm_http_global_set(WM_HTTP_G_POST, post);
	php_wm_http_global_set(WM_HTTP_G_COOKIE, cookie);
	php_wm_http_global_set(WM_HTTP_G_FILES, files);
	php_wm_http_global_set(WM_HTTP_G_REQUEST, request);
	global_set_empty_array(WM_HTTP_G_SESSION);
	Z_TRY_ADDREF_P(raw);
	php_wm_http_global_set(WM_HTTP_G_RAW_POST, raw);
	php_wm_http_global_set(WM_HTTP_G_RAW_REQUEST, raw);
	php_wm_http_response_reset();
	php_wm_http_session_reset();
}

/* Fill the superglobals from a parsed head and its (de-chunked) body; msg = decode()'s
 * array. c may be NULL (Http::decode() called without a connection). */
void php_wm_http_decode(php_wm_conn *c, const wm_http_req_t *req, const char *body, size_t blen, zval *msg)
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
		int fk = fixed_header_key(hd->name);
		if (fk >= 0) {
			server_set(sv, fk, hd->value.p, hd->value.len);
		} else {
			size_t klen = 5 + hd->name.len;
			memcpy(key, "HTTP_", 5);
			for (size_t j = 0; j < hd->name.len; j++) {
				char ch = hd->name.p[j];
				key[5 + j] = ch == '-' ? '_' : (ch >= 'a' && ch <= 'z' ? (char)(ch - 32) : ch);
			}
			zval v;
			ZVAL_STRINGL_FAST(&v, hd->value.p, hd->value.len);
			zend_hash_str_update(sv, key, klen, &v);
		}
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
	bool is_post = php_wm_slice_eq(req->method, "POST", 4);
	bool is_get = php_wm_slice_eq(req->method, "GET", 3);
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
	/* Not in 3.5 (commented out there); PHP's SAPIs and the contract have it. */
	zval rt;
	ZVAL_LONG(&rt, (zend_long)time(NULL));
	zend_hash_update(sv, keys[K_REQUEST_TIME], &rt);

	publish(&get, &post, &cookie, &server, &files, &request, &raw, msg);
}

/* ---- the head cache ---- */

/* Keep-alive clients, health checks and load generators send the same head again and again.
 * A request without a body whose head is byte-identical to the previous one reuses its parse
 * and the arrays built from it: $_SERVER (with this connection's REMOTE_*), $_GET, $_COOKIE and
 * $_REQUEST are shared copy-on-write, so the application still gets values of its own to
 * modify; $_POST, $_FILES, $_SESSION and the response state are new as for any request
 * (3.5's decode cache shared those too, and the first client's REMOTE_*). */
#define HEAD_CACHE_MAX 4096
static struct {
	char *head;               /* owned copy of the head bytes; NULL = empty */
	size_t len;
	wm_http_req_t req;        /* its parse; slices into head */
	zval server, get, cookie, request;
	zend_long conn_id;        /* the connection whose REMOTE_* server holds */
	zend_long time;           /* the REQUEST_TIME server holds */
} hcache;

static void hcache_clear(void)
{
	if (hcache.head) {
		efree(hcache.head);
		hcache.head = NULL;
		zval_ptr_dtor(&hcache.server);
		zval_ptr_dtor(&hcache.get);
		zval_ptr_dtor(&hcache.cookie);
		zval_ptr_dtor(&hcache.request);
	}
}

static void rebase(wm_slice_t *s, const char *from, const char *to)
{
	if (s->p) {
		s->p = to + (s->p - from);
	}
}

/* Remember a just decoded request (msg = its decode() array) when it can be reused. */
void php_wm_http_cache_store(php_wm_conn *c, const char *data, const wm_http_req_t *req, zval *msg)
{
	hcache_clear();
	zval *post = zend_hash_find_known_hash(Z_ARRVAL_P(msg), keys[K_post]);
	if (req->chunked || req->body_len != 0 || req->head_len > HEAD_CACHE_MAX
			|| Z_TYPE_P(post) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL_P(post))) {
		return; /* (an empty JSON body gives $_POST === null) */
	}
	hcache.len = req->head_len;
	hcache.head = emalloc(hcache.len);
	memcpy(hcache.head, data, hcache.len);
	memcpy(&hcache.req, req, offsetof(wm_http_req_t, headers) + req->nheaders * sizeof(wm_http_header_t));
	wm_http_req_t *r = &hcache.req;
	wm_slice_t *slices[] = {&r->method, &r->target, &r->path, &r->query, &r->host};
	for (size_t i = 0; i < sizeof(slices) / sizeof(slices[0]); i++) {
		rebase(slices[i], data, hcache.head);
	}
	for (unsigned i = 0; i < r->nheaders; i++) {
		rebase(&r->headers[i].name, data, hcache.head);
		rebase(&r->headers[i].value, data, hcache.head);
	}
	HashTable *m = Z_ARRVAL_P(msg);
	ZVAL_COPY(&hcache.server, zend_hash_find_known_hash(m, keys[K_server]));
	ZVAL_COPY(&hcache.get, zend_hash_find_known_hash(m, keys[K_get]));
	ZVAL_COPY(&hcache.cookie, zend_hash_find_known_hash(m, keys[K_cookie]));
	ZVAL_COPY(&hcache.request, zend_hash_find_known_hash(m, keys[K_request]));
	hcache.conn_id = c->conn_id;
	zval *rt = zend_hash_find_known_hash(Z_ARRVAL(hcache.server), keys[K_REQUEST_TIME]);
	hcache.time = rt ? zval_get_long(rt) : 0;
}

/* The cached request again, for connection c. */
void php_wm_http_decode_cached(php_wm_conn *c, zval *msg)
{
	globals_prepare();
	zend_long now = (zend_long)time(NULL);
	if (hcache.conn_id != c->conn_id || hcache.time != now) {
		zend_array *a = zend_array_dup(Z_ARR(hcache.server));
		zval ip, port, rt;
		ZVAL_LONG(&rt, now);
		zend_hash_update(a, keys[K_REQUEST_TIME], &rt);
		ZVAL_STR(&ip, remote_ip(c));
		zend_hash_update(a, keys[K_REMOTE_ADDR], &ip);
		ZVAL_LONG(&port, c->is_unix ? 0 : wm_addr_port(&c->remote.sa));
		zend_hash_update(a, keys[K_REMOTE_PORT], &port);
		zval_ptr_dtor(&hcache.server);
		ZVAL_ARR(&hcache.server, a);
		hcache.conn_id = c->conn_id;
		hcache.time = now;
	}
	zval server, get, post, cookie, files, request, raw;
	ZVAL_COPY(&server, &hcache.server);
	ZVAL_COPY(&get, &hcache.get);
	ZVAL_COPY(&cookie, &hcache.cookie);
	ZVAL_COPY(&request, &hcache.request);
	ZVAL_EMPTY_ARRAY(&post);
	ZVAL_EMPTY_ARRAY(&files);
	ZVAL_EMPTY_STRING(&raw);
	publish(&get, &post, &cookie, &server, &files, &request, &raw, msg);
}


/* The cached request when data starts with its head (then *head_len is its length). */
const wm_http_req_t *php_wm_http_cache_match(const char *data, size_t len, size_t *head_len)
{
	if (hcache.head && len >= hcache.len && memcmp(data, hcache.head, hcache.len) == 0) {
		*head_len = hcache.len;
		return &hcache.req;
	}
	return NULL;
}

/* ---- module ---- */

void php_wm_http_decode_minit(void)
{
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
	zend_string *sw = version ? zend_string_concat2("workerman/", 10, ZSTR_VAL(version), ZSTR_LEN(version))
		: zend_string_init("workerman/", 10, 0);
	server_software = zend_string_init_interned(ZSTR_VAL(sw), ZSTR_LEN(sw), 1);
	zend_string_release(sw);
}

void php_wm_http_decode_rinit(void)
{
	globals_armed = false;
	slot_cache_data = NULL;
}

void php_wm_http_decode_rshutdown(void)
{
	hcache_clear();
	if (server_template) {
		zend_array_destroy(server_template);
		server_template = NULL;
	}
	for (int i = 0; i < K_COUNT; i++) {
		if (value_cache[i]) {
			zend_string_release(value_cache[i]);
			value_cache[i] = NULL;
		}
	}
}
