/* Workerman\Connection\AsyncUdpConnection (3.5): a UDP socket connected to one peer.
 * connect() makes the socket at once for an IP literal (and calls onConnect from inside
 * connect(), as 3.5 does); a host name is resolved without blocking (src/net/wm_resolve), and
 * what is sent meanwhile waits for the socket. Datagrams that arrive go, decoded whole, to
 * onMessage. While it resolves or watches its socket the loop holds a reference to it. */
#include "ext/wm_bridge.h"
#include "ext/wm_connection.h"
#include "ext/wm_globals.h"
#include "ext/wm_protocol.h"
#include "ext/wm_udp.h"
#include "src/net/wm_dgram.h"
#include "stubs/async_udp_connection_arginfo.h"

#include "Zend/zend_interfaces.h"

#include <errno.h>
#include <unistd.h>

#define THIS_UDP() php_wm_udp_from_obj(Z_OBJ_P(ZEND_THIS))

static php_wm_udp_client *client_of(php_wm_udp *u)
{
	if (!u->client) {
		u->client = ecalloc(1, sizeof(*u->client));
		ZVAL_UNDEF(&u->client->context);
		ZVAL_UNDEF(&u->client->queued);
	}
	return u->client;
}

static void hold(php_wm_udp *u)
{
	if (!u->client->held) {
		u->client->held = true;
		GC_ADDREF(&u->std);
	}
}

/* Drop the loop's reference once nothing is pending (never inside a callback of u: the
 * callers hold their own reference around those). */
static void release_if_idle(php_wm_udp *u)
{
	php_wm_udp_client *cl = u->client;
	if (cl->held && !cl->watch && !cl->resolving) {
		cl->held = false;
		OBJ_RELEASE(&u->std);
	}
}

static void stop_watching(php_wm_udp_client *cl)
{
	if (cl->watch) {
		wm_watch_t *w = cl->watch;
		cl->watch = NULL;
		wm_watch_free(w);
	}
}

void php_wm_async_udp_free(php_wm_udp *u)
{
	php_wm_udp_client *cl = u->client;
	stop_watching(cl);
	wm_resolve_cancel(cl->resolving);
	cl->resolving = NULL;
	if (cl->host) {
		zend_string_release(cl->host);
	}
	zval_ptr_dtor(&cl->context);
	zval_ptr_dtor(&cl->queued);
	php_wm_cb_dtor(&cl->cb_connect);
	php_wm_cb_dtor(&cl->cb_message);
	php_wm_cb_dtor(&cl->cb_close);
	efree(cl);
	u->client = NULL;
}

void php_wm_async_udp_gc(php_wm_udp *u, zend_get_gc_buffer *buf)
{
	php_wm_udp_client *cl = u->client;
	zend_get_gc_buffer_add_zval(buf, &cl->context);
	zend_get_gc_buffer_add_zval(buf, &cl->queued);
	zend_get_gc_buffer_add_zval(buf, &cl->cb_connect.held);
	zend_get_gc_buffer_add_zval(buf, &cl->cb_message.held);
	zend_get_gc_buffer_add_zval(buf, &cl->cb_close.held);
}

/* Call one of u's own callback properties with (u). */
static void emit(php_wm_udp *u, php_wm_cb *cache, int slot, const char *what)
{
	if (php_wm_cb_get(cache, php_wm_udp_prop(u, slot), what)) {
		zval arg;
		ZVAL_OBJ(&arg, &u->std);
		php_wm_cb_call(cache, NULL, 1, &arg);
	}
}

/* 3.5's connect failure: the message is echoed, nothing else happens. */
static void connect_failed(php_wm_udp *u, const char *why)
{
	zend_string *msg = zend_strpprintf(0, "Exception: %s (udp://%s)\n", why, u->remote ? ZSTR_VAL(u->remote) : "");
	php_wm_echo(ZSTR_VAL(msg), ZSTR_LEN(msg));
	zend_string_release(msg);
	zval_ptr_dtor(&u->client->queued);
	ZVAL_UNDEF(&u->client->queued);
}

/* ---- receiving (3.5's baseRead) ---- */

/* One datagram from the socket, decoded whole through $protocol, to onMessage. false when
 * none could be read. */
static bool read_one(php_wm_udp *u)
{
	int fd = php_wm_udp_fd(u);
	zend_string *dgram = fd >= 0 ? php_wm_udp_recv(fd, NULL, NULL) : NULL;
	if (!dgram) {
		return false; /* none pending, or ECONNREFUSED for an earlier send: nothing to do */
	}
	php_wm_udp_client *cl = u->client;
	zval msg;
	ZVAL_STR(&msg, dgram);
	if (!php_wm_cb_get(&cl->cb_message, php_wm_udp_prop(u, WM_UDP_PROP_ON_MESSAGE), "onMessage")) {
		zval_ptr_dtor(&msg);
		return true;
	}
	bool failed;
	php_wm_protocol *p = php_wm_udp_protocol(u, &failed);
	if (p && p->decode) {
		zval args[2], decoded;
		ZVAL_COPY_VALUE(&args[0], &msg);
		ZVAL_OBJ(&args[1], &u->std);
		zend_call_known_function(p->decode, NULL, p->ce, &decoded, 2, args, NULL);
		zval_ptr_dtor(&msg);
		ZVAL_COPY_VALUE(&msg, &decoded);
	}
	if (failed || EG(exception)) {
		zval_ptr_dtor(&msg);
		php_wm_handle_exception();
		return false;
	}
	php_wm_stats_add(WM_STAT_TOTAL_REQUEST, 1);
	zval argv[2];
	ZVAL_OBJ(&argv[0], &u->std);
	ZVAL_COPY_VALUE(&argv[1], &msg);
	bool ok = php_wm_cb_call(&cl->cb_message, NULL, 2, argv);
	zval_ptr_dtor(&msg);
	return ok;
}

static void on_readable(wm_watch_t *w, int what)
{
	php_wm_udp *u = w->data;
	(void)what;
	GC_ADDREF(&u->std);
	for (int i = 0; i < 64 && u->client && u->client->watch == w && !WM_G(proc.stop_requested); i++) {
		if (!read_one(u)) {
			break;
		}
	}
	OBJ_RELEASE(&u->std);
}

/* The loop freed the watcher by itself (after a fork): forget it and the reference. */
static void watch_disposed(wm_watch_t *w)
{
	php_wm_udp *u = w->data;
	if (u->client && u->client->watch == w) {
		u->client->watch = NULL;
		release_if_idle(u);
	}
}

/* ---- connecting ---- */

static void flush_queued(php_wm_udp *u)
{
	php_wm_udp_client *cl = u->client;
	if (Z_TYPE(cl->queued) != IS_ARRAY) {
		return;
	}
	zval q, *s;
	ZVAL_COPY_VALUE(&q, &cl->queued);
	ZVAL_UNDEF(&cl->queued);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(q), s) {
		php_wm_udp_out out = {{{Z_STRVAL_P(s), Z_STRLEN_P(s)}}, 1, {NULL, NULL}};
		php_wm_udp_deliver(u, &out, true);
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&q);
}

/* The socket, connected to sa: watched when there is an onMessage (as 3.5), then onConnect. */
static void connect_to(php_wm_udp *u, const struct sockaddr *sa, socklen_t salen)
{
	php_wm_udp_client *cl = u->client;
	int fd = wm_dgram_connect(sa, salen);
	if (fd < 0) {
		connect_failed(u, strerror(errno));
		return;
	}
	u->fd = fd;
	u->fd_owned = true;
	memcpy(&u->peer, sa, salen);
	u->peer_len = salen;
	if (zend_is_true(php_wm_udp_prop(u, WM_UDP_PROP_ON_MESSAGE))) {
		cl->watch = wm_watch_fd(php_wm_loop(), fd, WM_EV_READ, on_readable, u);
		if (cl->watch) {
			cl->watch->dispose = watch_disposed;
			hold(u);
		}
	}
	cl->connected = true;
	flush_queued(u);
	emit(u, &cl->cb_connect, WM_UDP_PROP_ON_CONNECT, "onConnect");
}

static void resolved(int err, const wm_resolve_addr_t *addrs, size_t n, void *arg)
{
	php_wm_udp *u = arg;
	php_wm_udp_client *cl = u->client;
	cl->resolving = NULL;
	GC_ADDREF(&u->std);
	if (err == WM_RESOLVE_ECANCELED) {
		/* the loop went away (a fork): nothing to report */
	} else if (err != WM_RESOLVE_OK || n == 0) {
		connect_failed(u, wm_resolve_strerror(err));
	} else {
		connect_to(u, &addrs[0].addr.sa, addrs[0].len);
	}
	release_if_idle(u);
	OBJ_RELEASE(&u->std);
}

static void udp_connect(php_wm_udp *u)
{
	php_wm_udp_client *cl = u->client;
	if (cl->connected || cl->resolving) {
		return;
	}
	char host[256];
	int port;
	if (!u->remote || wm_addr_split(ZSTR_VAL(u->remote), host, sizeof(host), &port) != WM_OK) {
		connect_failed(u, "Failed to parse address");
		return;
	}
	wm_sockaddr_t sa;
	socklen_t salen;
	if (wm_addr_literal(host, port, &sa, &salen) == WM_OK) {
		connect_to(u, &sa.sa, salen);
		return;
	}
	char ports[8];
	snprintf(ports, sizeof(ports), "%d", port);
	cl->resolving = wm_resolve_start(php_wm_loop(), host, ports, AF_UNSPEC, SOCK_DGRAM, resolved, u);
	if (cl->resolving) {
		hold(u);
	} else {
		connect_failed(u, "cannot resolve now");
	}
}

/* ---- methods ---- */

ZEND_METHOD(Workerman_Connection_AsyncUdpConnection, __construct)
{
	zend_string *remote;
	zval *context = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(remote)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(context)
	ZEND_PARSE_PARAMETERS_END();
	RETVAL_NULL();
	php_wm_udp *u = THIS_UDP();
	php_wm_udp_client *cl = client_of(u);
	if (cl->connected || cl->resolving) {
		zend_throw_error(NULL, "AsyncUdpConnection is already connected");
		RETURN_THROWS();
	}
	/* 3.5: "scheme://host:port"; a scheme other than udp names the protocol class. */
	const char *s = ZSTR_VAL(remote);
	const char *colon = memchr(s, ':', ZSTR_LEN(remote));
	size_t slen = colon ? (size_t)(colon - s) : ZSTR_LEN(remote);
	if (!(slen == 3 && memcmp(s, "udp", 3) == 0)) {
		php_wm_protocol *p = php_wm_protocol_from_scheme(s, slen);
		if (!p) {
			RETURN_THROWS();
		}
		zval *prop = php_wm_udp_prop(u, WM_UDP_PROP_PROTOCOL);
		zval_ptr_dtor(prop);
		ZVAL_STR_COPY(prop, p->name);
	}
	const char *addr = colon ? colon + 1 : s + ZSTR_LEN(remote);
	size_t alen = (size_t)(s + ZSTR_LEN(remote) - addr);
	/* substr($address, 2): the "//" */
	if (u->remote) {
		zend_string_release(u->remote);
	}
	u->remote = alen > 2 ? zend_string_init(addr + 2, alen - 2, 0) : ZSTR_EMPTY_ALLOC();
	zval_ptr_dtor(&cl->context);
	if (context) {
		ZVAL_COPY(&cl->context, context);
	} else {
		ZVAL_UNDEF(&cl->context);
	}
}

ZEND_METHOD(Workerman_Connection_AsyncUdpConnection, connect)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETVAL_NULL();
	php_wm_udp *u = THIS_UDP();
	client_of(u);
	udp_connect(u);
}

ZEND_METHOD(Workerman_Connection_AsyncUdpConnection, send)
{
	zval *data;
	bool raw = false;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ZVAL(data)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(raw)
	ZEND_PARSE_PARAMETERS_END();
	php_wm_udp *u = THIS_UDP();
	php_wm_udp_client *cl = client_of(u);
	php_wm_udp_out out;
	int rc = php_wm_udp_encode(u, data, raw, &out);
	if (rc != WM_PROTO_OK) {
		php_wm_udp_out_release(&out);
		RETURN_NULL(); /* nothing to send, or an exception is pending */
	}
	if (!cl->connected) {
		udp_connect(u);
	}
	if (cl->connected) {
		RETVAL_BOOL(php_wm_udp_deliver(u, &out, true));
	} else if (cl->resolving) {
		/* Sent once the name is resolved: queued, so null (as TcpConnection's queued send). */
		if (Z_TYPE(cl->queued) != IS_ARRAY) {
			array_init(&cl->queued);
		}
		zend_string *s = zend_string_alloc(out.iov[0].iov_len + (out.iovcnt > 1 ? out.iov[1].iov_len : 0), 0);
		memcpy(ZSTR_VAL(s), out.iov[0].iov_base, out.iov[0].iov_len);
		if (out.iovcnt > 1) {
			memcpy(ZSTR_VAL(s) + out.iov[0].iov_len, out.iov[1].iov_base, out.iov[1].iov_len);
		}
		ZSTR_VAL(s)[ZSTR_LEN(s)] = '\0';
		add_next_index_str(&cl->queued, s);
		RETVAL_NULL();
	} else {
		RETVAL_FALSE;
	}
	php_wm_udp_out_release(&out);
}

ZEND_METHOD(Workerman_Connection_AsyncUdpConnection, baseRead)
{
	zval *socket;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(socket)
	ZEND_PARSE_PARAMETERS_END();
	(void)socket; /* its own socket: the one 3.5 registers this method for */
	php_wm_udp *u = THIS_UDP();
	client_of(u);
	RETURN_BOOL(read_one(u));
}

ZEND_METHOD(Workerman_Connection_AsyncUdpConnection, close)
{
	zval *data = NULL;
	bool raw = false;
	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(data)
		Z_PARAM_BOOL(raw)
	ZEND_PARSE_PARAMETERS_END();
	php_wm_udp *u = THIS_UDP();
	php_wm_udp_client *cl = client_of(u);
	if (data && Z_TYPE_P(data) != IS_NULL) {
		zval rv, args[2];
		ZVAL_COPY_VALUE(&args[0], data);
		ZVAL_BOOL(&args[1], raw);
		zend_call_method_with_2_params(&u->std, u->std.ce, NULL, "send", &rv, &args[0], &args[1]);
		zval_ptr_dtor(&rv);
		if (EG(exception)) {
			RETURN_THROWS();
		}
	}
	/* 3.5: stop watching, close the socket, onClose, then forget the callbacks. */
	stop_watching(cl);
	wm_resolve_cancel(cl->resolving);
	cl->resolving = NULL;
	zval_ptr_dtor(&cl->queued);
	ZVAL_UNDEF(&cl->queued);
	if (u->fd_owned && u->fd >= 0) {
		close(u->fd);
	}
	u->fd = -1;
	cl->connected = false;
	emit(u, &cl->cb_close, WM_UDP_PROP_ON_CLOSE, "onClose");
	static const int cleared[] = {WM_UDP_PROP_ON_CONNECT, WM_UDP_PROP_ON_MESSAGE, WM_UDP_PROP_ON_CLOSE};
	for (size_t i = 0; i < sizeof(cleared) / sizeof(cleared[0]); i++) {
		zval *p = php_wm_udp_prop(u, cleared[i]);
		zval old;
		ZVAL_COPY_VALUE(&old, p);
		ZVAL_NULL(p);
		zval_ptr_dtor(&old);
	}
	release_if_idle(u);
	RETURN_TRUE;
}

void php_wm_async_udp_minit(void)
{
	wm_ce_Workerman_Connection_AsyncUdpConnection =
		register_class_Workerman_Connection_AsyncUdpConnection(wm_ce_Workerman_Connection_UdpConnection);
	zend_property_info *pi = zend_hash_str_find_ptr(
		&wm_ce_Workerman_Connection_AsyncUdpConnection->properties_info, "onConnect", sizeof("onConnect") - 1);
	php_wm_udp_prop_off[WM_UDP_PROP_ON_CONNECT] = pi->offset;
}
