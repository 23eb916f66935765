/* Workerman\Connection\AsyncTcpConnection: a TcpConnection that connects out. The name is
 * resolved on the loop (src/net/wm_resolve), the connect and its timeout are the engine's
 * (wm_conn_connect); after that it is a TcpConnection like any other (wm_conn_io.c). */
#include "ext/wm_globals.h"
#include "ext/wm_bridge.h"
#include "ext/wm_connection.h"
#include "ext/wm_protocol.h"
#include "ext/wm_timer.h"
#include "ext/wm_tls.h"
#include "src/net/wm_resolve.h"
#include "stubs/async_tcp_connection_arginfo.h"

#include "ext/standard/php_math.h"
#include "ext/standard/url.h"
#include "main/php_network.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <sys/socket.h>


static uint32_t on_connect_offset;
static wm_conn_ops_t async_ops; /* php_wm_conn_ops with on_connect */

typedef struct php_wm_async {
	zend_string *host;           /* as given, without brackets; empty for unix */
	zend_long port;
	zend_string *uri;            /* path and query ("/" when none), getRemoteURI() */
	zend_string *address;        /* "host:port" (or the unix path): 3.5's _remoteAddress */
	zval context;                /* the constructor's context options (kept, as 3.5) */
	php_wm_cb cb_connect;        /* onConnect, resolved */
	wm_resolve_t *resolving;     /* a lookup in flight: holds a reference to the object */
	wm_watch_t *autoconnect;     /* the deferred connect of 3.1 apps: holds a reference */
	zend_long reconnect_timer;   /* Timer id of reconnect($after), 0 when none */
	double connect_start;        /* microtime of the connect, for the failure message */
	struct wm_tls_ctx *tls;      /* owned; the ssl transport's client context, made once */
	bool is_unix;
	bool want_tls;               /* the transport of this connect is ssl */
} php_wm_async;

#define THIS_CONN() php_wm_conn_from_obj(Z_OBJ_P(ZEND_THIS))

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static zval *on_connect_prop(php_wm_conn *c)
{
	return OBJ_PROP(&c->std, on_connect_offset);
}

/* ---- connecting ---- */

static void destroy_if_closing(php_wm_conn *c)
{
	if (c->status == WM_CONN_STATUS_CLOSING) {
		php_wm_conn_destroy(c);
	}
	if (c->status == WM_CONN_STATUS_CLOSED) {
		zval *p = on_connect_prop(c);
		zval_ptr_dtor(p);
		ZVAL_NULL(p);
	}
}

/* 3.5's emitError(WORKERMAN_CONNECT_FAIL, msg), then destroy (onClose) unless the
 * callback reconnected. */
static void connect_failed(php_wm_conn *c, const char *msg)
{
	GC_ADDREF(&c->std);
	c->status = WM_CONN_STATUS_CLOSING;
	if (php_wm_conn_emit_error(c, 1, msg)) {
		destroy_if_closing(c);
	}
	OBJ_RELEASE(&c->std);
}

/* "connect ADDR fail after N seconds" with N as PHP prints round(N, 4). */
static void connect_failed_after(php_wm_conn *c)
{
	php_wm_async *a = c->async;
	double took = _php_math_round(now_seconds() - a->connect_start, 4, PHP_ROUND_HALF_UP);
	smart_str msg = {0};
	smart_str_append_printf(&msg, "connect %s fail after ", ZSTR_VAL(a->address));
	smart_str_append_double(&msg, took, (int)EG(precision), false);
	smart_str_appends(&msg, " seconds");
	smart_str_0(&msg);
	connect_failed(c, ZSTR_VAL(msg.s));
	smart_str_free(&msg);
}

/* The connect's bound: default_socket_timeout (3.5 has none and waits for the kernel). */
static unsigned connect_timeout_ms(void)
{
	zend_long t = zend_ini_long("default_socket_timeout", sizeof("default_socket_timeout") - 1, 0);
	return t > 0 ? (unsigned)(t > 86400 ? 86400000 : t * 1000) : 0;
}

/* context['socket']['bindto'] ("ip:port", "[ip6]:port", "0:port" for any address) in the
 * family of the address connected to. 0 when unset, 1 when set, -1 when unusable. */
static int context_bindto(php_wm_async *a, int family, wm_sockaddr_t *out, socklen_t *outlen)
{
	zval *sock, *b;
	if (Z_TYPE(a->context) != IS_ARRAY
			|| !(sock = zend_hash_str_find_deref(Z_ARRVAL(a->context), "socket", 6)) || Z_TYPE_P(sock) != IS_ARRAY
			|| !(b = zend_hash_str_find_deref(Z_ARRVAL_P(sock), "bindto", 6)) || Z_TYPE_P(b) != IS_STRING) {
		return 0;
	}
	char host[64];
	int port;
	if (family == AF_UNIX || wm_addr_split(Z_STRVAL_P(b), host, sizeof(host), &port) != WM_OK) {
		return -1;
	}
	memset(out, 0, sizeof(*out));
	if (family == AF_INET6) {
		out->in6.sin6_family = AF_INET6;
		out->in6.sin6_port = htons((uint16_t)port);
		if (host[0] && strcmp(host, "0") != 0 && inet_pton(AF_INET6, host, &out->in6.sin6_addr) != 1) {
			return -1;
		}
		*outlen = sizeof(out->in6);
	} else {
		out->in4.sin_family = AF_INET;
		out->in4.sin_port = htons((uint16_t)port);
		if (host[0] && strcmp(host, "0") != 0 && inet_pton(AF_INET, host, &out->in4.sin_addr) != 1) {
			return -1;
		}
		*outlen = sizeof(out->in4);
	}
	return 1;
}

static void start_connect(php_wm_conn *c, const struct sockaddr *sa, socklen_t salen)
{
	php_wm_async *a = c->async;
	wm_sockaddr_t local;
	socklen_t local_len = 0;
	int bind_to = context_bindto(a, sa->sa_family, &local, &local_len);
	if (bind_to < 0) {
		connect_failed(c, "bad socket.bindto for this address family (ip:port, [ip6]:port or 0:port)");
		return;
	}
	if (a->want_tls && !a->tls) {
		char err[512];
		a->tls = php_wm_tls_ctx_from_context(&a->context, 0, err, sizeof(err));
		if (!a->tls) {
			connect_failed(c, err);
			return;
		}
	}
	c->io.transport = NULL; /* plain until a session is attached (a reconnect starts over) */
	if (wm_conn_connect_from(&c->io, php_wm_loop(), sa, salen, bind_to ? &local.sa : NULL, local_len,
			connect_timeout_ms(), &async_ops) != WM_OK) {
		connect_failed(c, strerror(errno));
		return;
	}
	if (a->want_tls) {
		/* SNI and the name verified: ssl.peer_name, else the host connected to. */
		const char *name = php_wm_tls_peer_name(&a->context);
		if (!name && !a->is_unix && ZSTR_LEN(a->host) > 0) {
			name = ZSTR_VAL(a->host);
		}
		if (wm_tls_attach(&c->io, a->tls, name) != WM_OK) {
			char msg[160];
			snprintf(msg, sizeof(msg), "SSL handshake error: %s", strerror(errno));
			wm_conn_close(&c->io);
			connect_failed(c, msg);
			return;
		}
	}
	GC_ADDREF(&c->std); /* the loop's reference while connecting and connected */
	c->loop_ref = true;
}

static void on_resolved(int err, const wm_resolve_addr_t *addrs, size_t n, void *arg)
{
	php_wm_conn *c = arg;
	c->async->resolving = NULL;
	if (c->status == WM_CONN_STATUS_CONNECTING) {
		if (err != WM_RESOLVE_OK || n == 0) {
			char msg[512];
			snprintf(msg, sizeof(msg), "php_network_getaddresses: getaddrinfo for %s failed: %s",
				ZSTR_VAL(c->async->host), wm_resolve_strerror(err));
			connect_failed(c, msg);
		} else {
			memcpy(&c->remote, &addrs[0].addr, addrs[0].len);
			start_connect(c, &addrs[0].addr.sa, addrs[0].len);
		}
	}
	OBJ_RELEASE(&c->std); /* the lookup's reference */
}

static void on_connected(wm_conn_t *io, int err)
{
	php_wm_conn *c = php_wm_conn_from_io(io);
	if (c->status != WM_CONN_STATUS_CONNECTING) {
		return;
	}
	if (err && io->handshake_begun) {
		/* Connected, but TLS failed: say why (3.5 prints it and only destroys). */
		char msg[400];
		snprintf(msg, sizeof(msg), "SSL handshake error: %s",
			err == ETIMEDOUT ? "timed out" : (*wm_tls_last_error() ? wm_tls_last_error() : strerror(err)));
		connect_failed(c, msg);
		return;
	}
	if (err) {
		connect_failed_after(c);
		return;
	}
	GC_ADDREF(&c->std);
	if (!c->async->is_unix) {
		int one = 1;
		setsockopt(io->fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one));
		setsockopt(io->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		wm_sockaddr_t peer;
		socklen_t plen = sizeof(peer);
		if (getpeername(io->fd, &peer.sa, &plen) == 0 && plen <= sizeof(c->remote)) {
			memcpy(&c->remote, &peer, plen);
		}
	}
	c->status = WM_CONN_STATUS_ESTABLISHED;
	if (c->async->want_tls) {
		php_wm_conn_tls_handshaken(c);
	}
	zval *p = on_connect_prop(c);
	ZVAL_DEREF(p);
	bool ok = true;
	if (php_wm_cb_get(&c->async->cb_connect, p, "onConnect")) {
		zval arg;
		ZVAL_OBJ(&arg, &c->std);
		ok = php_wm_cb_call(&c->async->cb_connect, NULL, 1, &arg);
	}
	/* As 3.5: the protocol's onConnect after the app's. */
	if (ok && c->status == WM_CONN_STATUS_ESTABLISHED) {
		php_wm_conn_open_protocol(c);
	}
	OBJ_RELEASE(&c->std);
}

static void cancel_autoconnect(php_wm_async *a)
{
	if (a->autoconnect) {
		wm_watch_free(a->autoconnect); /* its dispose drops the reference */
	}
}

/* connect(): from INITIAL, CLOSING or CLOSED, as 3.5. */
static void async_connect(php_wm_conn *c)
{
	php_wm_async *a = c->async;
	cancel_autoconnect(a);
	if (c->status != WM_CONN_STATUS_INITIAL && c->status != WM_CONN_STATUS_CLOSING
			&& c->status != WM_CONN_STATUS_CLOSED) {
		return;
	}
	if (c->status != WM_CONN_STATUS_INITIAL) {
		php_wm_conn_register(c); /* connect() again after a close: live once more */
	}
	c->status = WM_CONN_STATUS_CONNECTING;
	a->connect_start = now_seconds();
	zval *tp = conn_prop(c, WM_CONN_PROP_TRANSPORT);
	ZVAL_DEREF(tp);
	/* "tls" is an alias of ssl here (PHP's stream wrappers negotiate the same way). */
	a->want_tls = Z_TYPE_P(tp) == IS_STRING
		&& (zend_string_equals_literal(Z_STR_P(tp), "ssl") || zend_string_equals_literal(Z_STR_P(tp), "tls"));
	if (Z_TYPE_P(tp) == IS_STRING && !a->want_tls && !zend_string_equals_literal(Z_STR_P(tp), "tcp")
			&& !zend_string_equals_literal(Z_STR_P(tp), "unix") && !zend_string_equals_literal(Z_STR_P(tp), "udp")) {
		char msg[160];
		snprintf(msg, sizeof(msg), "transport %.32s is not supported by this build of the extension yet",
			Z_STRVAL_P(tp));
		connect_failed(c, msg);
		return;
	}
	if (a->is_unix) {
		wm_sockaddr_t sa;
		socklen_t salen;
		if (wm_addr_parse_unix(ZSTR_VAL(a->address), &sa, &salen) != WM_OK) {
			connect_failed(c, "bad unix socket path");
			return;
		}
		start_connect(c, &sa.sa, salen);
		return;
	}
	if (a->port == 0) {
		a->port = a->want_tls ? 443 : 80; /* as 3.5 */
		zend_string_release(a->address);
		a->address = zend_strpprintf(0, "%s:%ld", ZSTR_VAL(a->host), (long)a->port);
	}
	char port[24];
	snprintf(port, sizeof(port), "%ld", (long)a->port);
	GC_ADDREF(&c->std); /* the lookup's reference */
	a->resolving = wm_resolve_start(php_wm_loop(), ZSTR_VAL(a->host), port, AF_UNSPEC, SOCK_STREAM, on_resolved, c);
	if (!a->resolving) {
		OBJ_RELEASE(&c->std);
		connect_failed(c, "the event loop is shutting down");
	}
}

void php_wm_async_cancel_pending(php_wm_conn *c)
{
	php_wm_async *a = c->async;
	cancel_autoconnect(a);
	if (a->resolving) {
		wm_resolve_cancel(a->resolving);
		a->resolving = NULL;
		OBJ_RELEASE(&c->std); /* the lookup's; the caller holds the object meanwhile */
	}
}

void php_wm_async_free(php_wm_conn *c)
{
	php_wm_async *a = c->async;
	/* (No lookup or deferred connect can be pending: each holds a reference.) */
	zend_string_release(a->host);
	zend_string_release(a->uri);
	zend_string_release(a->address);
	zval_ptr_dtor(&a->context);
	php_wm_cb_dtor(&a->cb_connect);
	wm_tls_ctx_free(a->tls);
	efree(a);
	c->async = NULL;
}

zend_string *php_wm_async_address(php_wm_conn *c)
{
	return zend_string_copy(c->async->address);
}

/* 3.1 connected in the constructor: a client nobody called connect() on by the time the
 * callback that made it returned connects now. */
static void autoconnect_fire(wm_watch_t *w, int what)
{
	php_wm_conn *c = w->data;
	(void)what;
	GC_ADDREF(&c->std);
	if (c->status == WM_CONN_STATUS_INITIAL) {
		async_connect(c);
	}
	OBJ_RELEASE(&c->std);
}

static void autoconnect_dispose(wm_watch_t *w)
{
	php_wm_conn *c = w->data;
	c->async->autoconnect = NULL;
	OBJ_RELEASE(&c->std);
}

/* ---- methods ---- */

/* 3.5's constructor: parse_url, or "scheme:address" when parse_url fails; a scheme that is
 * not a transport names the protocol class. */
static bool parse_remote(php_wm_async *a, zend_string *remote, zend_string **scheme)
{
	if (ZSTR_LEN(remote) > 5 && strncasecmp(ZSTR_VAL(remote), "unix:", 5) == 0) {
		/* unix:///path: the path (3.5 loses it; the manual's unix:// clients need it) */
		const char *p = ZSTR_VAL(remote) + 5;
		while (p[0] == '/' && p[1] == '/') {
			p++;
		}
		*scheme = ZSTR_INIT_LITERAL("unix", 0);
		a->host = ZSTR_EMPTY_ALLOC();
		a->address = zend_string_init(p, strlen(p), 0);
		a->uri = ZSTR_INIT_LITERAL("/", 0);
		a->is_unix = true;
		return true;
	}
	php_url *u = php_url_parse_ex(ZSTR_VAL(remote), ZSTR_LEN(remote));
	if (!u || !u->host) {
		const char *colon = memchr(ZSTR_VAL(remote), ':', ZSTR_LEN(remote));
		if (u) {
			php_url_free(u);
		}
		if (!colon || colon[1] == '\0') {
			return false;
		}
		*scheme = zend_string_init(ZSTR_VAL(remote), colon - ZSTR_VAL(remote), 0);
		a->address = zend_string_init(colon + 1, ZSTR_LEN(remote) - (colon + 1 - ZSTR_VAL(remote)), 0);
		a->host = ZSTR_EMPTY_ALLOC();
		a->uri = ZSTR_EMPTY_ALLOC();
		return true;
	}
	const char *h = ZSTR_VAL(u->host);
	size_t hlen = ZSTR_LEN(u->host);
	if (hlen >= 2 && h[0] == '[' && h[hlen - 1] == ']') {
		h++;
		hlen -= 2;
	}
	a->host = zend_string_init(h, hlen, 0);
	a->port = u->port;
	a->address = zend_strpprintf(0, "%s:%ld", ZSTR_VAL(u->host), (long)a->port);
	a->uri = zend_strpprintf(0, "%s%s%s", u->path ? ZSTR_VAL(u->path) : "/", u->query ? "?" : "",
		u->query ? ZSTR_VAL(u->query) : "");
	*scheme = u->scheme ? zend_string_copy(u->scheme) : ZSTR_INIT_LITERAL("tcp", 0);
	php_url_free(u);
	return true;
}

static bool is_builtin_transport(zend_string *s)
{
	static const char *const names[] = {"tcp", "udp", "unix", "ssl", "sslv2", "sslv3", "tls"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (zend_string_equals_cstr(s, names[i], strlen(names[i]))) {
			return true;
		}
	}
	return false;
}

ZEND_METHOD(Workerman_Connection_AsyncTcpConnection, __construct)
{
	RETVAL_NULL(); /* void, as in Workerman */
	zend_string *remote;
	HashTable *context = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(remote)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(context)
	ZEND_PARSE_PARAMETERS_END();
	php_wm_conn *c = THIS_CONN();
	if (c->async || c->status != WM_CONN_STATUS_INITIAL) {
		zend_throw_error(NULL, "AsyncTcpConnection is already constructed");
		RETURN_THROWS();
	}
	php_wm_async *a = ecalloc(1, sizeof(*a));
	zend_string *scheme = NULL;
	if (!parse_remote(a, remote, &scheme)) {
		efree(a);
		zend_throw_exception(zend_ce_exception, "bad remote_address", 0);
		RETURN_THROWS();
	}
	c->async = a;
	ZVAL_EMPTY_ARRAY(&a->context);
	if (context) {
		ZVAL_ARR(&a->context, zend_array_dup(context));
	}
	if (is_builtin_transport(scheme)) {
		zval *tp = conn_prop(c, WM_CONN_PROP_TRANSPORT);
		zval_ptr_dtor(tp);
		ZVAL_STR_COPY(tp, scheme);
	} else {
		php_wm_protocol *p = php_wm_protocol_from_scheme(ZSTR_VAL(scheme), ZSTR_LEN(scheme));
		if (!p) {
			zend_string_release(scheme);
			RETURN_THROWS();
		}
		zval *pp = conn_prop(c, WM_CONN_PROP_PROTOCOL);
		zval_ptr_dtor(pp);
		ZVAL_STR_COPY(pp, p->name);
	}
	zend_string_release(scheme);
	/* A literal address is known before the connect (getRemoteIp() in a 3.5 app's code
	 * that runs before onConnect). */
	if (!a->is_unix && ZSTR_LEN(a->host)) {
		struct sockaddr_in *v4 = (struct sockaddr_in *)&c->remote;
		struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&c->remote;
		if (inet_pton(AF_INET, ZSTR_VAL(a->host), &v4->sin_addr) == 1) {
			v4->sin_family = AF_INET;
			v4->sin_port = htons((uint16_t)a->port);
		} else if (inet_pton(AF_INET6, ZSTR_VAL(a->host), &v6->sin6_addr) == 1) {
			v6->sin6_family = AF_INET6;
			v6->sin6_port = htons((uint16_t)a->port);
		}
	}
	c->is_unix = a->is_unix;
	php_wm_conn_init_common(c);
	c->status = WM_CONN_STATUS_INITIAL;
	a->autoconnect = wm_watch_timer(php_wm_loop(), 0, 0, autoconnect_fire, c);
	if (a->autoconnect) {
		a->autoconnect->dispose = autoconnect_dispose;
		GC_ADDREF(&c->std);
	}
}

ZEND_METHOD(Workerman_Connection_AsyncTcpConnection, connect)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_conn *c = THIS_CONN();
	if (!c->async) {
		zend_throw_error(NULL, "AsyncTcpConnection was not constructed");
		RETURN_THROWS();
	}
	async_connect(c);
}

static void cancel_reconnect(php_wm_async *a)
{
	if (a->reconnect_timer) {
		php_wm_timer_del(a->reconnect_timer);
		a->reconnect_timer = 0;
	}
}

/* reconnect($after = 0), as 3.5: registered again, then connect() now or after $after
 * seconds. A connection still open is closed first, without onClose (3.5 would leak it). */
ZEND_METHOD(Workerman_Connection_AsyncTcpConnection, reconnect)
{
	RETVAL_NULL(); /* void, as in Workerman */
	zval *after = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(after)
	ZEND_PARSE_PARAMETERS_END();
	php_wm_conn *c = THIS_CONN();
	php_wm_async *a = c->async;
	if (!a) {
		zend_throw_error(NULL, "AsyncTcpConnection was not constructed");
		RETURN_THROWS();
	}
	double seconds = after ? zval_get_double(after) : 0;
	if (!c->io.closed && c->io.fd >= 0) {
		wm_conn_close(&c->io);
	}
	php_wm_async_cancel_pending(c);
	if (c->loop_ref) {
		c->loop_ref = false;
		GC_DELREF(&c->std); /* the caller ($this) still holds it */
	}
	c->status = WM_CONN_STATUS_INITIAL;
	php_wm_conn_register(c);
	cancel_reconnect(a);
	if (seconds > 0) {
		zval callable;
		array_init_size(&callable, 2);
		Z_ADDREF_P(ZEND_THIS);
		add_next_index_zval(&callable, ZEND_THIS);
		add_next_index_string(&callable, "connect");
		php_wm_callable cb;
		char *error = NULL;
		if (php_wm_callable_init(&cb, &callable, &error)) {
			a->reconnect_timer = php_wm_timer_add(seconds, &cb, NULL, false);
		}
		if (error) {
			efree(error);
		}
		zval_ptr_dtor(&callable);
		return;
	}
	async_connect(c);
}

ZEND_METHOD(Workerman_Connection_AsyncTcpConnection, cancelReconnect)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_conn *c = THIS_CONN();
	if (c->async) {
		cancel_reconnect(c->async);
	}
}

ZEND_METHOD(Workerman_Connection_AsyncTcpConnection, getRemoteHost)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_conn *c = THIS_CONN();
	if (!c->async) {
		RETURN_EMPTY_STRING();
	}
	RETURN_STR_COPY(c->async->host);
}

ZEND_METHOD(Workerman_Connection_AsyncTcpConnection, getRemoteURI)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_conn *c = THIS_CONN();
	if (!c->async) {
		RETURN_EMPTY_STRING();
	}
	RETURN_STR_COPY(c->async->uri);
}

/* checkConnection(): 3.5's write-event handler of the connect. Called by an app, it finishes
 * the connect now: connected -> onConnect; still in progress -> the connect fails, as in 3.5. */
ZEND_METHOD(Workerman_Connection_AsyncTcpConnection, checkConnection)
{
	RETVAL_NULL(); /* void, as in Workerman */
	zval *socket = NULL; /* the event loop's argument in 3.x; the connection's own socket */
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(socket)
	ZEND_PARSE_PARAMETERS_END();
	(void)socket;
	php_wm_conn *c = THIS_CONN();
	if (c->async && c->status == WM_CONN_STATUS_CONNECTING && c->io.connecting) {
		wm_conn_connect_check(&c->io);
	}
}

void php_wm_async_tcp_connection_minit(void)
{
	wm_ce_Workerman_Connection_AsyncTcpConnection =
		register_class_Workerman_Connection_AsyncTcpConnection(wm_ce_Workerman_Connection_TcpConnection);
	zend_property_info *pi = zend_hash_str_find_ptr(
		&wm_ce_Workerman_Connection_AsyncTcpConnection->properties_info, "onConnect", sizeof("onConnect") - 1);
	on_connect_offset = pi->offset;
	async_ops = php_wm_conn_ops;
	async_ops.on_connect = on_connected;
}
