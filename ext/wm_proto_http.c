/* Workerman\Protocols\Http: the class, and Http as a protocol of the protocol seam
 * (php_wm_proto_http_ops): requests are framed by src/proto/wm_http_framer (head parsed by
 * src/proto/wm_http), refusals answered with a complete response and a close. decode() is in
 * wm_http_decode.c, the response side in wm_http_response.c, sessions in wm_http_session.c.
 * Contract: docs/http-3.5-behaviour.md §1-§3, §7. */
#include "ext/wm_bridge.h"
#include "ext/wm_http.h"
#include "ext/wm_protocol.h"
#include "php_wm.h"
#include "src/proto/wm_static.h"
#include "stubs/http_arginfo.h"

#include "main/php_open_temporary_file.h"
#include "zend_smart_str.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>


/* The request being framed or decoded: one at a time per process, too big for the stack
 * of every call (100 header slots). */
static wm_http_req_t cur_req;
/* ---- per-connection state ---- */

php_wm_http_conn *php_wm_http_conn_get(php_wm_conn *c)
{
	if (!c->http) {
		c->http = ecalloc(1, sizeof(*c->http));
	}
	return c->http;
}

void php_wm_http_conn_free(php_wm_conn *c)
{
	if (c->http) {
		zval_ptr_dtor(&c->http->decoded);
		wm_http_framer_free(&c->http->framer);
		if (c->http->remote_ip) {
			zend_string_release(c->http->remote_ip);
		}
		efree(c->http);
		c->http = NULL;
	}
}

/* ---- framing ---- */

static wm_http_limits_t conn_limits(php_wm_conn *c)
{
	wm_http_limits_t lim = WM_HTTP_LIMITS_DEFAULT;
	lim.flags = WM_HTTP_HOST_OPTIONAL; /* 3.5 never required Host */
	lim.max_body = c && c->pc.max_package > 0 ? (uint64_t)c->pc.max_package : WM_HTTP_DEFAULT_MAX_BODY;
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

/* A complete chunked body (raw bytes) into out. 1 when it decoded to the end. */
static int dechunk(const char *raw, size_t len, wm_buf_t *out)
{
	return wm_http_dechunk(raw, len, out);
}

static void send_continue(php_wm_conn *c)
{
	struct iovec iov = {(void *)"HTTP/1.1 100 Continue\r\n\r\n", 25};
	zval rv;
	php_wm_conn_send_iov(c, &iov, 1, &rv);
}

static int framer_method_ok(wm_slice_t method, void *arg)
{
	(void)arg;
	return method_allowed(method);
}

/* The framing itself is src/proto/wm_http_framer; this adds the head cache, the PHP-side
 * limits (Http::$methods, maxPackageSize) and the responses. */
int64_t php_wm_http_next(php_wm_conn *c, zval *msg)
{
	if (c->status != WM_CONN_STATUS_ESTABLISHED) {
		return 0; /* closing: what follows a "Connection: close" request is not processed */
	}
	php_wm_http_conn *h = php_wm_http_conn_get(c);
	if (wm_conn_file_active(&c->io)) {
		return 0; /* the next response waits for the file being streamed */
	}
	size_t len;
	const char *data = wm_conn_rdata(&c->io, &len);
	if (len == 0) {
		return 0;
	}
	size_t cached_len;
	const wm_http_req_t *hr = wm_http_framer_idle(&h->framer) ? php_wm_http_cache_match(data, len, &cached_len) : NULL;
	if (hr) {
		if (!method_allowed(hr->method)) {
			refuse(c, 400, "method not in Http::$methods");
			return -1;
		}
		if ((zend_long)cached_len > c->pc.max_package) {
			refuse(c, 413, "request over maxPackageSize");
			return -1;
		}
		h->close_after = !hr->keep_alive;
		h->head_method = php_wm_slice_eq(hr->method, "HEAD", 4);
		php_wm_http_decode_cached(c, msg);
		return (int64_t)cached_len;
	}
	wm_http_framer_limits_t lim;
	lim.head = conn_limits(c);
	lim.max_package = c->pc.max_package > 0 ? (uint64_t)c->pc.max_package : 0;
	lim.method_ok = framer_method_ok;
	lim.method_arg = NULL;
	wm_http_req_t *req = &cur_req;
	wm_http_frame_t fr;
	switch (wm_http_framer_step(&h->framer, data, len, &lim, req, &fr)) {
	case WM_HTTP_FRAME_MORE:
		return 0;
	case WM_HTTP_FRAME_CONTINUE:
		send_continue(c);
		return 0;
	case WM_HTTP_FRAME_REQUEST:
		break;
	default:
		refuse(c, fr.status, fr.err == WM_HTTP_FRAMER_E_METHOD ? "method not in Http::$methods" : fr.reason);
		return -1;
	}
	php_wm_http_decode(c, req, fr.body, fr.body_len, msg);
	wm_http_framer_release(&h->framer);
	php_wm_http_cache_store(c, data, req, msg);
	h->close_after = !req->keep_alive;
	h->head_method = php_wm_slice_eq(req->method, "HEAD", 4);
	return (int64_t)fr.package_len;
}

/* ---- Http behind the protocol seam (src/proto/wm_proto.h) ---- */

/* input frames and decodes at once (the head is parsed once); decode hands the result over. */
static int64_t http_input(wm_proto_conn_t *pc, const char *data, size_t len)
{
	(void)data;
	(void)len;
	php_wm_conn *c = php_wm_conn_from_io(pc->io);
	php_wm_http_conn *h = php_wm_http_conn_get(c);
	int64_t n = php_wm_http_next(c, &h->decoded);
	return n < 0 ? WM_PROTO_E_HANDLED : n;
}

static int http_decode(wm_proto_conn_t *pc, const char *frame, size_t len, wm_proto_msg_t *msg)
{
	(void)frame;
	(void)len;
	php_wm_http_conn *h = php_wm_conn_from_io(pc->io)->http;
	ZVAL_COPY_VALUE((zval *)msg->value, &h->decoded);
	ZVAL_UNDEF(&h->decoded);
	return WM_PROTO_OK;
}

static int http_encode(wm_proto_conn_t *pc, wm_proto_payload_t *pl, wm_proto_out_t *out)
{
	zend_string *tmp;
	zend_string *body = zval_get_tmp_string((zval *)pl->value, &tmp);
	int rc = php_wm_http_encode_out(php_wm_conn_from_io(pc->io), body, out);
	zend_tmp_string_release(tmp);
	return rc;
}

static const wm_proto_ops_t php_wm_proto_http_ops = {
	.name = "http",
	.input = http_input,
	.decode = http_decode,
	.encode = http_encode,
};

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
		if (c && c->status == WM_CONN_STATUS_ESTABLISHED) {
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
		dechunk(body, blen, &dechunked); /* a malformed tail is dropped: decode() has no error path */
		body = wm_buf_head(&dechunked);
		blen = wm_buf_size(&dechunked);
	} else if (cur_req.body_len >= 0 && (size_t)cur_req.body_len < blen) {
		blen = (size_t)cur_req.body_len;
	}
	php_wm_http_decode(c, &cur_req, body, blen, return_value);
	wm_buf_free(&dechunked);
	if (c) {
		php_wm_http_conn *h = php_wm_http_conn_get(c);
		h->close_after = !cur_req.keep_alive;
		h->head_method = php_wm_slice_eq(cur_req.method, "HEAD", 4);
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

/* 3.5 returns the path of its mime.types (nginx syntax), which apps and WebServer subclasses
 * parse. Ours is the native table WebServer serves with, written once per user and version
 * into the temp dir (atomically: other processes may ask at the same moment). */
ZEND_METHOD(Workerman_Protocols_Http, getMimeTypesFile)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zend_string *path = zend_strpprintf(0, "%s/workerman-%s-%ld.mime.types", php_get_temporary_directory(),
		PHP_WORKERMAN_VERSION, (long)geteuid());
	zend_stat_t st;
	if (VCWD_STAT(ZSTR_VAL(path), &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid()) {
		RETURN_STR(path);
	}
	smart_str out = {0};
	smart_str_appends(&out, "\ntypes {\n");
	for (size_t i = 0; i < wm_mime_count(); i++) {
		const char *ext, *type;
		wm_mime_entry(i, &ext, &type);
		smart_str_append_printf(&out, "    %-37s %s;\n", type, ext);
	}
	smart_str_appends(&out, "}\n");
	smart_str_0(&out);
	zend_string *tmp = zend_strpprintf(0, "%s.%ld.tmp", ZSTR_VAL(path), (long)getpid());
	int fd = open(ZSTR_VAL(tmp), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	bool ok = fd >= 0 && write(fd, ZSTR_VAL(out.s), ZSTR_LEN(out.s)) == (ssize_t)ZSTR_LEN(out.s);
	if (fd >= 0) {
		ok = close(fd) == 0 && ok;
	}
	ok = ok && rename(ZSTR_VAL(tmp), ZSTR_VAL(path)) == 0;
	if (!ok) {
		php_error_docref(NULL, E_WARNING, "cannot write %s: %s", ZSTR_VAL(path), strerror(errno));
		unlink(ZSTR_VAL(tmp));
	}
	zend_string_release(tmp);
	smart_str_free(&out);
	if (!ok) {
		zend_string_release(path);
		RETURN_FALSE;
	}
	RETURN_STR(path);
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

/* Http::$methods' default, ['GET' => 'GET', ...] as 3.5 declares it. gen_stub.php (8.2)
 * can't declare a non-empty array default, so MINIT builds it the way opcache stores
 * constant arrays: persistent, immutable, interned strings; every request starts from it
 * and a write separates. */
static HashTable *methods_default;

static HashTable *immutable_methods_array(void)
{
	static const char *const methods[] = {"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"};
	HashTable *ht = pemalloc(sizeof(HashTable), 1);
	zend_hash_init(ht, 8, NULL, NULL, 1);
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		zend_string *m = zend_string_init_interned(methods[i], strlen(methods[i]), 1);
		zval v;
		ZVAL_INTERNED_STR(&v, m);
		zend_hash_add_new(ht, m, &v);
	}
	GC_SET_REFCOUNT(ht, 2);
	GC_ADD_FLAGS(ht, IS_ARRAY_IMMUTABLE); /* zend_hash_init made it GC_PERSISTENT | GC_NOT_COLLECTABLE */
	return ht;
}

void php_wm_http_mshutdown(void)
{
	if (methods_default) {
		/* The class table outlives MSHUTDOWN: leave it a plain null, then free. */
		ZVAL_NULL(&wm_ce_Workerman_Protocols_Http->default_static_members_table[methods_offset]);
		GC_DEL_FLAGS(methods_default, IS_ARRAY_IMMUTABLE);
		zend_hash_destroy(methods_default);
		pefree(methods_default, 1);
		methods_default = NULL;
	}
}

void php_wm_http_minit(void)
{
	wm_ce_Workerman_Protocols_Http = register_class_Workerman_Protocols_Http();
	zend_property_info *mpi = zend_hash_str_find_ptr(&wm_ce_Workerman_Protocols_Http->properties_info,
		"methods", sizeof("methods") - 1);
	methods_offset = mpi->offset;
	methods_default = immutable_methods_array();
	zval *def = &wm_ce_Workerman_Protocols_Http->default_static_members_table[mpi->offset];
	Z_ARR_P(def) = methods_default;
	Z_TYPE_INFO_P(def) = IS_ARRAY; /* immutable: not refcounted, copied on write */
	php_wm_http_decode_minit();
	php_wm_http_response_minit();
	php_wm_protocol_register_native(wm_ce_Workerman_Protocols_Http, &php_wm_proto_http_ops);
}

void php_wm_http_rinit(void)
{
	php_wm_http_decode_rinit();
	php_wm_http_session_rinit();
}

void php_wm_http_rshutdown(void)
{
	php_wm_http_decode_rshutdown();
	php_wm_http_response_rshutdown();
	php_wm_http_session_rshutdown();
}
