/* The native HTTP side of the binding, shared by its files:
 *   wm_proto_http.c   Workerman\Protocols\Http and its protocol ops: framing (over
 *                     src/proto/wm_http_framer), Http::end.
 *   wm_http_decode.c  decode into the superglobals, the head cache.
 *   wm_http_response.c the response state (3.5's HttpCache), encode, handing a file to the
 *                     connection to stream (wm_conn_send_file).
 *   wm_http_session.c the Http::session* functions (files ses_<id> = serialize($_SESSION)).
 *   wm_webserver.c    Workerman\WebServer.
 * Only ext/ includes this. The contract is docs/http-3.5-behaviour.md. */
#ifndef WM_EXT_WM_HTTP_H
#define WM_EXT_WM_HTTP_H

#include "ext/wm_connection.h"
#include "src/proto/wm_http.h"
#include "src/proto/wm_http_framer.h"

#include <sys/types.h>


/* ---- per-connection state (php_wm_conn.http, owned; allocated on the first request) ---- */

typedef struct php_wm_http_conn {
	wm_http_framer_t framer;     /* framing of the request being received (zeroed = idle) */
	/* the request being answered (set by decode, read by encode) */
	bool close_after;            /* close once the response is sent */
	bool head_method;            /* HEAD: send the head only */
	zend_string *remote_ip;      /* cached $_SERVER['REMOTE_ADDR'] */
	zval decoded;                /* framed by input(), handed over by decode() (owned; UNDEF) */
	/* a file being streamed (php_wm_http_send_file; the engine's connection owns the fd) */
	bool file_close_after;       /* close once it is sent */
} php_wm_http_conn;

php_wm_http_conn *php_wm_http_conn_get(php_wm_conn *c);
/* Release c->http. */
void php_wm_http_conn_free(php_wm_conn *c);

/* ---- superglobals ---- */

enum {
	WM_HTTP_G_SERVER = 0,
	WM_HTTP_G_GET,
	WM_HTTP_G_POST,
	WM_HTTP_G_COOKIE,
	WM_HTTP_G_FILES,
	WM_HTTP_G_REQUEST,
	WM_HTTP_G_SESSION,
	WM_HTTP_G_RAW_POST,     /* $GLOBALS['HTTP_RAW_POST_DATA'] */
	WM_HTTP_G_RAW_REQUEST,  /* $GLOBALS['HTTP_RAW_REQUEST_DATA'] */
	WM_HTTP_G_COUNT
};
/* The current value of a global (dereferenced; an undefined one reads as NULL zval). */
zval *php_wm_http_global(int which);
/* Replace a global's value; takes ownership of value. */
void php_wm_http_global_set(int which, zval *value);

/* ---- response state (3.5's HttpCache): reset by decode() for every request ---- */

void php_wm_http_response_reset(void);
/* Http::header(): status line ("HTTP..."), Set-Cookie, or a header; Location sets 302 or
 * code. CR/LF anywhere: E_WARNING and false. */
bool php_wm_http_header(const char *s, size_t len, bool replace, zend_long code);
void php_wm_http_header_remove(const char *name, size_t len);
/* Http::responseCode(): false for a code outside 3.5's table. */
bool php_wm_http_response_code(zend_long code);
/* Http::setcookie(); false (with a warning) for CR/LF in name, path or domain. */
bool php_wm_http_setcookie(zend_string *name, zend_string *value, zend_long maxage, zend_string *path,
		zend_string *domain, bool secure, bool httponly);

/* Http::encode(): the whole response for body under the current state (status, cookies,
 * headers, Content-Length; no body bytes when c's request was HEAD). Runs
 * sessionWriteClose first. c may be NULL (no connection: keep-alive, not HEAD). */
zend_string *php_wm_http_encode(php_wm_conn *c, zend_string *body);
/* send($body) on an Http connection: encode, write, and close when the request asked for
 * it (Connection: close, HTTP/1.0). Sets return_value as send() does. */
void php_wm_http_send(php_wm_conn *c, zend_string *body, zval *return_value);
/* The response for body as the protocol seam's encode gives it (out->hold owns head and body;
 * close_after when the request asked for it). WM_PROTO_OK, or WM_PROTO_E_REFUSED when
 * encoding failed (an exception may be pending). */
int php_wm_http_encode_out(php_wm_conn *c, zend_string *body, wm_proto_out_t *out);
/* Stream fd's bytes [start, end) after whatever is already queued, with bounded memory
 * (wm_conn_send_file); takes ownership of fd; closes c afterwards when close_after. The
 * connection's further requests wait until the file is sent. */
void php_wm_http_send_file(php_wm_conn *c, int fd, off_t start, off_t end, bool close_after);
/* The file of php_wm_http_send_file is out (the connection's on_file_done): close when the
 * request asked for it, else go on reading. */
void php_wm_http_file_sent(php_wm_conn *c);


/* Http::end()'s exception (\Exception 'jump_exit') that the dispatcher swallows. */
bool php_wm_http_is_jump_exit(zend_object *ex);

/* ---- decode (wm_http_decode.c) ---- */

/* Fill the superglobals and msg (decode()'s array) from a parsed head and its body (already
 * de-chunked); reset the response and session state. c may be NULL. */
void php_wm_http_decode(php_wm_conn *c, const wm_http_req_t *req, const char *body, size_t blen, zval *msg);
/* The head cache: the previous request without a body, when data starts with its head
 * (*head_len = its length); php_wm_http_decode_cached() decodes it again for c. */
const wm_http_req_t *php_wm_http_cache_match(const char *data, size_t len, size_t *head_len);
void php_wm_http_decode_cached(php_wm_conn *c, zval *msg);
/* Offer a just decoded request (data = its bytes, msg = its decode() array) to the cache. */
void php_wm_http_cache_store(php_wm_conn *c, const char *data, const wm_http_req_t *req, zval *msg);
bool php_wm_slice_eq(wm_slice_t s, const char *lit, size_t len);
void php_wm_http_decode_minit(void);
void php_wm_http_decode_rinit(void);
void php_wm_http_decode_rshutdown(void);

/* ---- the framing hook of the read path (wm_conn_io.c) ---- */

/* Frame the next request in c's unread input. Returns its length and msg = decode()'s array
 * (the caller consumes the bytes), 0 when more bytes are needed or the connection must not
 * process more now, -1 when the request was refused (error response sent, closing). */
int64_t php_wm_http_next(php_wm_conn *c, zval *msg);

/* ---- sessions (wm_http_session.c) ---- */

void php_wm_http_session_rinit(void);
void php_wm_http_session_rshutdown(void);
/* A new request: no session started, no session file. */
void php_wm_http_session_reset(void);
/* Http::sessionWriteClose(); also run by every encode(). */
bool php_wm_http_session_write_close(void);
/* The methods (wm_proto_http.c forwards the Http::session* methods here). */
void php_wm_http_m_sessionCreateId(INTERNAL_FUNCTION_PARAMETERS);
void php_wm_http_m_sessionId(INTERNAL_FUNCTION_PARAMETERS);
void php_wm_http_m_sessionName(INTERNAL_FUNCTION_PARAMETERS);
void php_wm_http_m_sessionSavePath(INTERNAL_FUNCTION_PARAMETERS);
void php_wm_http_m_sessionStarted(INTERNAL_FUNCTION_PARAMETERS);
void php_wm_http_m_sessionStart(INTERNAL_FUNCTION_PARAMETERS);
void php_wm_http_m_sessionWriteClose(INTERNAL_FUNCTION_PARAMETERS);
void php_wm_http_m_sessionRegenerateId(INTERNAL_FUNCTION_PARAMETERS);
void php_wm_http_m_tryGcSessions(INTERNAL_FUNCTION_PARAMETERS);

/* ---- WebServer (wm_webserver.c) ---- */

void php_wm_webserver_minit(void);

void php_wm_http_response_minit(void);
void php_wm_http_response_rshutdown(void);
void php_wm_http_minit(void);
void php_wm_http_mshutdown(void);
void php_wm_http_rinit(void);
void php_wm_http_rshutdown(void);

#endif
