/* Workerman\Connection\UdpConnection: a view of (socket, peer), its send through the protocol,
 * and what a udp Worker does with each datagram (3.5's acceptUdpConnection). The client
 * subclass is wm_async_udp_connection.c; sockets are src/net/wm_dgram. */
#include "ext/wm_bridge.h"
#include "ext/wm_connection.h"
#include "ext/wm_globals.h"
#include "ext/wm_protocol.h"
#include "ext/wm_udp.h"
#include "src/net/wm_dgram.h"
#include "src/proto/wm_text.h"
#include "stubs/udp_connection_arginfo.h"

#include "main/php_network.h"

#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

static zend_object_handlers udp_handlers;
uint32_t php_wm_udp_prop_off[WM_UDP_PROP_ON_CONNECT + 1];

/* ---- object handlers ---- */

static zend_object *udp_create(zend_class_entry *ce)
{
	php_wm_udp *u = zend_object_alloc(sizeof(php_wm_udp), ce);
	zend_object_std_init(&u->std, ce);
	object_properties_init(&u->std, ce);
	u->std.handlers = &udp_handlers;
	u->fd = -1;
	ZVAL_UNDEF(&u->socket);
	return &u->std;
}

static void udp_free(zend_object *obj)
{
	php_wm_udp *u = php_wm_udp_from_obj(obj);
	if (u->client) {
		php_wm_async_udp_free(u);
	}
	if (u->fd_owned && u->fd >= 0) {
		close(u->fd);
	}
	if (u->worker) {
		OBJ_RELEASE(&u->worker->std);
	}
	zval_ptr_dtor(&u->socket);
	if (u->remote) {
		zend_string_release(u->remote);
	}
	if (u->proto_ident) {
		zend_string_release(u->proto_ident);
	}
	zend_object_std_dtor(obj);
}

static HashTable *udp_get_gc(zend_object *obj, zval **table, int *n)
{
	php_wm_udp *u = php_wm_udp_from_obj(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	zend_get_gc_buffer_add_zval(buf, &u->socket);
	if (u->worker) {
		zend_get_gc_buffer_add_obj(buf, &u->worker->std);
	}
	if (u->client) {
		php_wm_async_udp_gc(u, buf);
	}
	zend_get_gc_buffer_use(buf, table, n);
	return zend_std_get_properties(obj);
}

/* ---- the socket, the peer, the protocol ---- */

int php_wm_udp_fd(php_wm_udp *u)
{
	if (u->fd_owned) {
		return u->fd;
	}
	if (u->worker) {
		return u->worker->listen_fd;
	}
	return php_wm_stream_socket_fd(&u->socket);
}

static zend_string *udp_remote(php_wm_udp *u)
{
	if (!u->remote) {
		u->remote = u->peer_len ? php_wm_format_addr(&u->peer.sa) : ZSTR_EMPTY_ALLOC();
	}
	return u->remote;
}

/* The peer to send to: known, or parsed from the remote address string once. */
static bool udp_peer(php_wm_udp *u)
{
	if (!u->peer_len && u->remote && ZSTR_LEN(u->remote)) {
		wm_sockaddr_t sa;
		socklen_t salen;
		if (wm_addr_parse_inet(ZSTR_VAL(u->remote), &sa, &salen) == WM_OK && sa.sa.sa_family != AF_UNIX) {
			memcpy(&u->peer, &sa, salen);
			u->peer_len = salen;
		}
	}
	return u->peer_len > 0;
}

php_wm_protocol *php_wm_udp_protocol(php_wm_udp *u, bool *failed)
{
	zval *p = php_wm_udp_prop(u, WM_UDP_PROP_PROTOCOL);
	ZVAL_DEREF(p);
	*failed = false;
	if (!zend_is_true(p)) {
		return NULL;
	}
	if (Z_TYPE_P(p) != IS_STRING) {
		zend_throw_error(NULL, "UdpConnection::$protocol must be a class name");
		*failed = true;
		return NULL;
	}
	if (u->proto_ident && (u->proto_ident == Z_STR_P(p) || zend_string_equals(u->proto_ident, Z_STR_P(p)))) {
		return u->proto;
	}
	php_wm_protocol *proto = php_wm_protocol_get(Z_STR_P(p));
	if (!proto) {
		if (!EG(exception)) {
			zend_throw_error(NULL, "Class \"%s\" not found", Z_STRVAL_P(p));
		}
		*failed = true;
		return NULL;
	}
	if (u->proto_ident) {
		zend_string_release(u->proto_ident);
	}
	u->proto_ident = zend_string_copy(Z_STR_P(p));
	u->proto = proto;
	return proto;
}

static bool call_proto(const php_wm_protocol *p, zend_function *fn, const char *name, zval *rv, zval *arg,
		php_wm_udp *u)
{
	if (!fn) {
		zend_throw_error(NULL, "Call to undefined method %s::%s()", ZSTR_VAL(p->ce->name), name);
		ZVAL_UNDEF(rv);
		return false;
	}
	zval args[2];
	ZVAL_COPY_VALUE(&args[0], arg);
	ZVAL_OBJ(&args[1], &u->std);
	zend_call_known_function(fn, NULL, p->ce, rv, 2, args, NULL);
	return !EG(exception);
}

void php_wm_udp_out_release(php_wm_udp_out *out)
{
	for (int i = 0; i < 2; i++) {
		if (out->hold[i]) {
			zend_string_release(out->hold[i]);
			out->hold[i] = NULL;
		}
	}
}

int php_wm_udp_encode(php_wm_udp *u, zval *data, bool raw, php_wm_udp_out *out)
{
	memset(out, 0, sizeof(*out));
	bool failed = false;
	php_wm_protocol *p = raw ? NULL : php_wm_udp_protocol(u, &failed);
	if (failed) {
		return WM_PROTO_E_HANDLED;
	}
	zend_string *s;
	if (p && p->ops != &wm_proto_text) {
		zval encoded;
		if (!call_proto(p, p->encode, "encode", &encoded, data, u)) {
			zval_ptr_dtor(&encoded);
			return WM_PROTO_E_HANDLED;
		}
		s = zval_try_get_string(&encoded);
		zval_ptr_dtor(&encoded);
		if (!s) {
			return WM_PROTO_E_HANDLED;
		}
		if (ZSTR_LEN(s) == 0) {
			zend_string_release(s);
			return WM_PROTO_EMPTY; /* 3.5: an empty encoding sends nothing, returns null */
		}
	} else if (!(s = zval_try_get_string(data))) {
		return WM_PROTO_E_HANDLED;
	}
	out->hold[0] = s;
	out->iov[0].iov_base = ZSTR_VAL(s);
	out->iov[0].iov_len = ZSTR_LEN(s);
	out->iovcnt = 1;
	if (p && p->ops == &wm_proto_text) {
		/* Text::encode in C: the line and its "\n", one datagram. */
		out->iov[1].iov_base = (void *)"\n";
		out->iov[1].iov_len = 1;
		out->iovcnt = 2;
	}
	return WM_PROTO_OK;
}

bool php_wm_udp_deliver(php_wm_udp *u, const php_wm_udp_out *out, bool connected)
{
	int fd = php_wm_udp_fd(u);
	if (fd < 0 || (!connected && !udp_peer(u))) {
		return false;
	}
	size_t len = 0;
	for (int i = 0; i < out->iovcnt; i++) {
		len += out->iov[i].iov_len;
	}
	ssize_t n = wm_dgram_sendv(fd, out->iov, out->iovcnt, connected ? NULL : &u->peer.sa, u->peer_len);
	return n >= 0 && (size_t)n == len;
}

void php_wm_udp_send(php_wm_udp *u, zval *data, bool raw, zval *return_value)
{
	php_wm_udp_out out;
	int rc = php_wm_udp_encode(u, data, raw, &out);
	if (rc == WM_PROTO_OK) {
		RETVAL_BOOL(php_wm_udp_deliver(u, &out, false));
	} else {
		RETVAL_NULL();
	}
	php_wm_udp_out_release(&out);
}

zend_string *php_wm_udp_recv(int fd, wm_inaddr_t *peer, socklen_t *peer_len)
{
	char buf[WM_DGRAM_MAX];
	ssize_t n = wm_dgram_recv(fd, buf, sizeof(buf), peer, peer_len);
	if (n < 0) {
		return NULL;
	}
	return n == 0 ? ZSTR_EMPTY_ALLOC() : zend_string_init(buf, (size_t)n, 0);
}

/* ---- a udp Worker's datagrams (3.5's acceptUdpConnection) ---- */

typedef struct udp_dispatch {
	php_wm_worker *w;
	php_wm_udp *u;
	zval conn;
	php_wm_protocol *p;
	zend_string *dgram;
} udp_dispatch;

static int64_t text_input(void *arg, const char *data, size_t len)
{
	(void)arg;
	return (int64_t)wm_text_input(data, len);
}

/* The protocol class's input($buffer, $connection) over what is left of the datagram. */
static int64_t class_input(void *arg, const char *data, size_t len)
{
	udp_dispatch *d = arg;
	zval buf, rv;
	if (data == ZSTR_VAL(d->dgram) && len == ZSTR_LEN(d->dgram)) {
		ZVAL_STR_COPY(&buf, d->dgram);
	} else {
		ZVAL_STRINGL_FAST(&buf, data, len);
	}
	bool ok = call_proto(d->p, d->p->input, "input", &rv, &buf, d->u);
	zval_ptr_dtor(&buf);
	if (!ok) {
		zval_ptr_dtor(&rv);
		php_wm_handle_exception();
		return WM_DGRAM_STOP;
	}
	bool valid;
	zend_long plen = php_wm_proto_input_len(&rv, &valid);
	if (!valid || plen < 0) {
		zend_string *shown = zval_get_string(&rv);
		php_wm_logf("error package. package_length=%s from %s: the rest of the datagram is dropped",
			valid ? ZSTR_VAL(shown) : zend_zval_type_name(&rv), ZSTR_VAL(udp_remote(d->u)));
		zend_string_release(shown);
		zval_ptr_dtor(&rv);
		return WM_DGRAM_BAD;
	}
	zval_ptr_dtor(&rv);
	return (int64_t)plen;
}

static bool emit_message(udp_dispatch *d, zval *data)
{
	zval *cb = php_wm_worker_prop(d->w, WM_WORKER_PROP_ON_MESSAGE);
	if (!php_wm_cb_get(&d->w->cb_message, cb, "onMessage")) {
		return !WM_G(proc.stop_requested);
	}
	zval argv[2];
	ZVAL_COPY_VALUE(&argv[0], &d->conn);
	ZVAL_COPY_VALUE(&argv[1], data);
	return php_wm_cb_call(&d->w->cb_message, NULL, 2, argv) && !WM_G(proc.stop_requested);
}

/* One package: decoded (a decode() returning false drops it, as 3.5), then onMessage. */
static int package(void *arg, const char *pkg, size_t len)
{
	udp_dispatch *d = arg;
	zval msg;
	if (d->p->ops == &wm_proto_text) {
		ZVAL_STRINGL_FAST(&msg, pkg, wm_text_decoded_len(pkg, len));
	} else {
		zval raw;
		if (pkg == ZSTR_VAL(d->dgram) && len == ZSTR_LEN(d->dgram)) {
			ZVAL_STR_COPY(&raw, d->dgram);
		} else {
			ZVAL_STRINGL_FAST(&raw, pkg, len);
		}
		bool ok = call_proto(d->p, d->p->decode, "decode", &msg, &raw, d->u);
		zval_ptr_dtor(&raw);
		if (!ok) {
			zval_ptr_dtor(&msg);
			php_wm_handle_exception();
			return 1;
		}
		if (Z_TYPE(msg) == IS_FALSE) {
			return 0;
		}
	}
	bool ok = emit_message(d, &msg);
	zval_ptr_dtor(&msg);
	return ok ? 0 : 1;
}

/* Every package of the datagram to onMessage; total_request counts the datagram once it was
 * consumed to its end (not when input() left an incomplete tail), as 3.5 does. */
static void dispatch(php_wm_worker *w, zval *stream, zend_string *dgram, const wm_inaddr_t *peer,
		socklen_t peer_len)
{
	if (!zend_is_true(php_wm_worker_prop(w, WM_WORKER_PROP_ON_MESSAGE))) {
		return;
	}
	udp_dispatch d = {.w = w, .p = w->proto, .dgram = dgram};
	object_init_ex(&d.conn, wm_ce_Workerman_Connection_UdpConnection);
	d.u = php_wm_udp_from_obj(Z_OBJ(d.conn));
	if (stream) {
		ZVAL_COPY(&d.u->socket, stream);
	} else {
		d.u->worker = w;
		GC_ADDREF(&w->std);
	}
	memcpy(&d.u->peer, peer, peer_len);
	d.u->peer_len = peer_len;
	zval *wp = php_wm_worker_prop(w, WM_WORKER_PROP_PROTOCOL);
	ZVAL_DEREF(wp);
	ZVAL_COPY(php_wm_udp_prop(d.u, WM_UDP_PROP_PROTOCOL), wp);
	if (w->proto && Z_TYPE_P(wp) == IS_STRING) {
		d.u->proto = w->proto;
		d.u->proto_ident = zend_string_copy(Z_STR_P(wp));
	}
	zval msg;
	if (!d.p) {
		ZVAL_STR_COPY(&msg, dgram);
		if (emit_message(&d, &msg)) {
			php_wm_stats_add(WM_STAT_TOTAL_REQUEST, 1);
		}
		zval_ptr_dtor(&msg);
	} else if (d.p->ops == &wm_proto_text || d.p->input) {
		int rc = wm_dgram_split(ZSTR_VAL(dgram), ZSTR_LEN(dgram),
			d.p->ops == &wm_proto_text ? text_input : class_input, package, &d);
		if (rc == WM_DGRAM_DONE) {
			php_wm_stats_add(WM_STAT_TOTAL_REQUEST, 1);
		}
	} else {
		/* A protocol without input(): the datagram is one package. */
		zval raw;
		ZVAL_STR_COPY(&raw, dgram);
		bool ok = call_proto(d.p, d.p->decode, "decode", &msg, &raw, d.u);
		zval_ptr_dtor(&raw);
		if (!ok) {
			php_wm_handle_exception();
		} else if (Z_TYPE(msg) != IS_FALSE && emit_message(&d, &msg)) {
			php_wm_stats_add(WM_STAT_TOTAL_REQUEST, 1);
		}
		zval_ptr_dtor(&msg);
	}
	zval_ptr_dtor(&d.conn);
}

bool php_wm_udp_accept(php_wm_worker *w, int fd, zval *stream)
{
	wm_inaddr_t peer;
	socklen_t peer_len;
	zend_string *dgram = php_wm_udp_recv(fd, &peer, &peer_len);
	if (!dgram || peer_len == 0) {
		if (dgram) {
			zend_string_release(dgram);
		}
		return false;
	}
	GC_ADDREF(&w->std);
	dispatch(w, stream, dgram, &peer, peer_len);
	OBJ_RELEASE(&w->std);
	zend_string_release(dgram);
	return true;
}

void php_wm_udp_worker_readable(php_wm_worker *w)
{
	/* Bounded so one busy socket can't starve the rest of the loop. */
	for (int i = 0; i < 64 && w->listen_fd >= 0 && !WM_G(proc.stop_requested); i++) {
		if (!php_wm_udp_accept(w, w->listen_fd, NULL)) {
			break; /* none pending (or an error the socket reported) */
		}
	}
}

/* ---- methods ---- */

#define THIS_UDP() php_wm_udp_from_obj(Z_OBJ_P(ZEND_THIS))

ZEND_METHOD(Workerman_Connection_UdpConnection, __construct)
{
	zval *socket, *remote;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_ZVAL(socket)
		Z_PARAM_ZVAL(remote)
	ZEND_PARSE_PARAMETERS_END();
	RETVAL_NULL();
	php_wm_udp *u = THIS_UDP();
	zend_string *r = zval_try_get_string(remote);
	if (!r) {
		RETURN_THROWS();
	}
	zval_ptr_dtor(&u->socket);
	ZVAL_COPY(&u->socket, socket);
	if (u->remote) {
		zend_string_release(u->remote);
	}
	u->remote = r;
	u->peer_len = 0;
}

ZEND_METHOD(Workerman_Connection_UdpConnection, send)
{
	zval *data;
	bool raw = false;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ZVAL(data)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(raw)
	ZEND_PARSE_PARAMETERS_END();
	php_wm_udp_send(THIS_UDP(), data, raw, return_value);
}

/* 3.5 reads both addresses as strings: the IP is what precedes the last ':' (the remote one
 * without brackets, the local one as stream_socket_get_name wrote it), the port what follows. */
static zend_string *addr_ip(zend_string *addr, bool trim)
{
	const char *colon = zend_memrchr(ZSTR_VAL(addr), ':', ZSTR_LEN(addr));
	if (!colon || colon == ZSTR_VAL(addr)) {
		return ZSTR_EMPTY_ALLOC();
	}
	const char *b = ZSTR_VAL(addr), *e = colon;
	while (trim && b < e && (*b == '[' || *b == ']')) {
		b++;
	}
	while (trim && e > b && (e[-1] == '[' || e[-1] == ']')) {
		e--;
	}
	return zend_string_init(b, (size_t)(e - b), 0);
}

static zend_long addr_port(zend_string *addr)
{
	const char *colon = zend_memrchr(ZSTR_VAL(addr), ':', ZSTR_LEN(addr));
	return colon ? ZEND_STRTOL(colon + 1, NULL, 10) : 0;
}

static zend_string *local_address(php_wm_udp *u)
{
	wm_sockaddr_t sa;
	socklen_t len = sizeof(sa);
	int fd = php_wm_udp_fd(u);
	if (fd < 0 || getsockname(fd, &sa.sa, &len) != 0) {
		return ZSTR_EMPTY_ALLOC();
	}
	return php_wm_format_addr(&sa.sa);
}

ZEND_METHOD(Workerman_Connection_UdpConnection, getRemoteIp)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_STR(addr_ip(udp_remote(THIS_UDP()), true));
}

ZEND_METHOD(Workerman_Connection_UdpConnection, getRemotePort)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(addr_port(udp_remote(THIS_UDP())));
}

ZEND_METHOD(Workerman_Connection_UdpConnection, getRemoteAddress)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_STR_COPY(udp_remote(THIS_UDP()));
}

ZEND_METHOD(Workerman_Connection_UdpConnection, getLocalIp)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zend_string *a = local_address(THIS_UDP());
	RETVAL_STR(addr_ip(a, false));
	zend_string_release(a);
}

ZEND_METHOD(Workerman_Connection_UdpConnection, getLocalPort)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zend_string *a = local_address(THIS_UDP());
	RETVAL_LONG(addr_port(a));
	zend_string_release(a);
}

ZEND_METHOD(Workerman_Connection_UdpConnection, getLocalAddress)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_STR(local_address(THIS_UDP()));
}

static bool remote_is_v6(php_wm_udp *u)
{
	zend_string *ip = addr_ip(udp_remote(u), true);
	bool v6 = memchr(ZSTR_VAL(ip), ':', ZSTR_LEN(ip)) != NULL;
	zend_string_release(ip);
	return v6;
}

ZEND_METHOD(Workerman_Connection_UdpConnection, isIpV4)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(!remote_is_v6(THIS_UDP()));
}

ZEND_METHOD(Workerman_Connection_UdpConnection, isIpV6)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(remote_is_v6(THIS_UDP()));
}

ZEND_METHOD(Workerman_Connection_UdpConnection, close)
{
	zval *data = NULL;
	bool raw = false;
	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(data)
		Z_PARAM_BOOL(raw)
	ZEND_PARSE_PARAMETERS_END();
	/* 3.5: a datagram socket has nothing to close; the data goes out. */
	if (data && Z_TYPE_P(data) != IS_NULL) {
		zval rv;
		php_wm_udp_send(THIS_UDP(), data, raw, &rv);
		if (EG(exception)) {
			RETURN_THROWS();
		}
	}
	RETURN_TRUE;
}

void php_wm_udp_minit(void)
{
	wm_ce_Workerman_Connection_UdpConnection =
		register_class_Workerman_Connection_UdpConnection(wm_ce_Workerman_Connection_ConnectionInterface);
	wm_ce_Workerman_Connection_UdpConnection->create_object = udp_create;
	memcpy(&udp_handlers, zend_get_std_object_handlers(), sizeof(udp_handlers));
	udp_handlers.offset = XtOffsetOf(php_wm_udp, std);
	udp_handlers.free_obj = udp_free;
	udp_handlers.get_gc = udp_get_gc;
	udp_handlers.clone_obj = NULL;
	static const char *const names[] = {"onMessage", "onClose", "onError", "protocol"};
	for (int i = 0; i <= WM_UDP_PROP_PROTOCOL; i++) {
		zend_property_info *pi = zend_hash_str_find_ptr(&wm_ce_Workerman_Connection_UdpConnection->properties_info,
			names[i], strlen(names[i]));
		php_wm_udp_prop_off[i] = pi->offset;
	}
}
