/* Workerman\Connection\TcpConnection: its object, property slots, states and the calls other areas
 * make (wm_tcp_connection.c: the class; wm_conn_io.c: the read loop, send, close). */
#ifndef WM_EXT_WM_CONNECTION_H
#define WM_EXT_WM_CONNECTION_H

#include "ext/wm_worker.h"

typedef struct php_wm_conn {
	wm_conn_t io;
	wm_inaddr_t remote;         /* peer address, kept after close */
	php_wm_worker *worker;      /* not owned (the "worker" property holds the reference) */
	wm_proto_conn_t pc;         /* the protocol it speaks, resolved from the protocol property */
	const zend_string *proto_ident; /* the property value pc was resolved from (owned) */
	zend_long conn_id;          /* the id it was registered under */
	zval stream;                /* the wrapped PHP stream (new TcpConnection($stream)), or getSocket()'s
	                             * stream over a dup of the fd (stream_dup), else UNDEF; owned */
	struct php_wm_conn_cbs *own_cbs; /* callbacks set on this connection itself (lazily) */
	struct php_wm_http_conn *http; /* HTTP state (owned), allocated on the first request */
	struct php_wm_async *async; /* AsyncTcpConnection's client state (owned), else NULL */
	uint8_t status;             /* Workerman's STATUS_* */
	bool counted;               /* included in connection_count */
	bool is_unix;
	bool stream_dup;            /* stream is getSocket()'s: closed with the connection */
	bool loop_ref;              /* the loop holds a reference (taken when I/O starts, dropped at destroy) */
	zend_object std;
} php_wm_conn;

static inline php_wm_conn *php_wm_conn_from_obj(zend_object *obj)
{
	return (php_wm_conn *)((char *)obj - XtOffsetOf(php_wm_conn, std));
}
static inline php_wm_conn *php_wm_conn_from_io(wm_conn_t *io)
{
	return (php_wm_conn *)((char *)io - XtOffsetOf(php_wm_conn, io));
}

/* Declared property slots (OBJ_PROP_NUM index), fixed by the stub's declaration order. */
enum {
	WM_CONN_PROP_ON_MESSAGE = 0,
	WM_CONN_PROP_ON_CLOSE,
	WM_CONN_PROP_ON_ERROR,
	WM_CONN_PROP_ON_BUFFER_FULL,
	WM_CONN_PROP_ON_BUFFER_DRAIN,
	WM_CONN_PROP_PROTOCOL,
	WM_CONN_PROP_TRANSPORT,
	WM_CONN_PROP_WORKER,
	WM_CONN_PROP_BYTES_READ,
	WM_CONN_PROP_BYTES_WRITTEN,
	WM_CONN_PROP_ID,
};
/* Workerman's TcpConnection::STATUS_* values (the worker's own states are WM_WORKER_STATUS_*). */
#define WM_CONN_STATUS_INITIAL 0
#define WM_CONN_STATUS_CONNECTING 1
#define WM_CONN_STATUS_ESTABLISHED 2
#define WM_CONN_STATUS_CLOSING 4
#define WM_CONN_STATUS_CLOSED 8

/* OBJ_PROP offsets of the declared properties (WM_CONN_PROP_*), set in MINIT. */
extern uint32_t php_wm_conn_prop_off[WM_CONN_PROP_ID + 1];

/* Callbacks set on the connection itself, when they differ from its Worker's. */
struct php_wm_conn_cbs {
	php_wm_cb cb[WM_CONN_PROP_ON_BUFFER_DRAIN + 1];
};

static inline zval *conn_prop(php_wm_conn *c, int slot)
{
	return OBJ_PROP(&c->std, php_wm_conn_prop_off[slot]);
}

static inline void conn_set_long_prop(php_wm_conn *c, int slot, zend_long v)
{
	zval *p = conn_prop(c, slot);
	if (Z_TYPE_P(p) != IS_LONG) {
		zval_ptr_dtor(p);
	}
	ZVAL_LONG(p, v);
}

extern const wm_conn_ops_t php_wm_conn_ops;
/* php_wm_conn_ops plus the end of an accepted ssl connection's handshake. */
extern wm_conn_ops_t php_wm_conn_tls_ops;
/* The TLS handshake finished: the connection's onSslHandshake runs when it is set. */
void php_wm_conn_tls_handshaken(php_wm_conn *c);
/* send() as Workerman defines it; sets return_value. */
void php_wm_conn_send(php_wm_conn *c, zval *data, bool raw, zval *return_value);
/* id, limits from the statics, status, statistics: for every new connection. */
void php_wm_conn_init_common(php_wm_conn *c);
void php_wm_conn_stats_minit(void);
void php_wm_conn_stats_rinit(void);


/* What the connection core needs from the areas above it, installed by the module. */
typedef struct php_wm_conn_hooks {
	void (*gone)(void);                 /* a connection ended (a graceful stop may end now) */
	void (*file_sent)(php_wm_conn *c);  /* a file handed to the engine was sent in full */
	void (*free_http)(php_wm_conn *c);  /* release c->http */
} php_wm_conn_hooks;
void php_wm_conn_set_hooks(const php_wm_conn_hooks *h);
extern php_wm_conn_hooks php_wm_conn_hook;

void php_wm_connection_minit(void);
void php_wm_connection_rinit(void);
php_wm_conn *php_wm_conn_accepted(php_wm_worker *w, int fd, const wm_inaddr_t *peer);
void php_wm_conn_close(php_wm_conn *c, zend_string *data, bool raw);
void php_wm_conn_destroy(php_wm_conn *c);
/* At process exit: drop w's open connections silently, releasing their references. */
void php_wm_conn_abandon_all(php_wm_worker *w);
/* Raw bytes through c's send path (limits, onBufferFull, batching), as send($x, true)
 * does; sets return_value (true/null/false). Returns WM_SEND_*. */
int php_wm_conn_send_iov(php_wm_conn *c, const struct iovec *iov, int n, zval *return_value);
/* Send what an encode op produced (then release out->hold, and close when out asks for it). */
void php_wm_conn_send_out(php_wm_conn *c, wm_proto_out_t *out, zval *return_value);
/* "ip:port" or "[ip6]:port"; empty for other families. Caller owns the string. */
zend_string *php_wm_format_addr(const struct sockaddr *sa);
/* Close getSocket()'s stream (a dup of the fd), so that it never outlives the connection. */
void php_wm_conn_close_dup_stream(php_wm_conn *c);
/* TcpConnection::$_statusToString[status], or NULL when the array has no such entry. */
zval *php_wm_conn_status_name(int status);
/* onError($c, $code, $msg); false when the callback failed (the process is exiting). */
bool php_wm_conn_emit_error(php_wm_conn *c, zend_long code, const char *msg);
/* A protocol with a greeting or a handshake (ops->on_open) starts now. */
void php_wm_conn_open_protocol(php_wm_conn *c);
/* Registered again (a reconnect): in TcpConnection::$connections and the connection count. */
void php_wm_conn_register(php_wm_conn *c);
/* AsyncTcpConnection (wm_async_tcp_connection.c): stop what a client has pending (a name
 * lookup, the deferred connect) when it is destroyed, and free its state with the object. */
void php_wm_async_cancel_pending(php_wm_conn *c);
void php_wm_async_free(php_wm_conn *c);
/* The address a client was made for ("host:port", a unix path); the caller owns the result. */
zend_string *php_wm_async_address(php_wm_conn *c);
void php_wm_async_tcp_connection_minit(void);

/* pipe() (wm_conn_pipe.c): set 3.5's four callbacks as Closures bound to the other side. */
void php_wm_conn_pipe(php_wm_conn *source, php_wm_conn *dest);
/* The destination when on_message is pipe()'s onMessage Closure (and dest's send() is the
 * native one), so the read path can forward the bytes itself; else NULL. */
php_wm_conn *php_wm_pipe_dest(zval *on_message);
void php_wm_conn_pipe_minit(void);
void php_wm_conn_pipe_mshutdown(void);

/* ConnectionInterface::$statistics */
void php_wm_stats_add(int which, zend_long n);
enum { WM_STAT_CONNECTION_COUNT, WM_STAT_TOTAL_REQUEST, WM_STAT_THROW_EXCEPTION, WM_STAT_SEND_FAIL };

#endif
