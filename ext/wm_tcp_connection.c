/* Workerman\Connection\TcpConnection (and the abstract ConnectionInterface): object
 * handlers, the per-connection limit properties, and the PHP methods. The I/O core is
 * wm_conn_io.c. */
#include "ext/wm_globals.h"
#include "ext/wm_bridge.h"
#include "ext/wm_connection.h"
#include "src/net/wm_tls.h"
#include "stubs/connection_interface_arginfo.h"
#include "stubs/connection_arginfo.h"

#include "ext/standard/php_var.h"
#include "main/php_network.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>


static zend_object_handlers conn_handlers;

/* ---- object handlers ---- */

static zend_object *conn_create(zend_class_entry *ce)
{
	php_wm_conn *c = zend_object_alloc(sizeof(php_wm_conn), ce);
	zend_object_std_init(&c->std, ce);
	object_properties_init(&c->std, ce);
	c->std.handlers = &conn_handlers;
	c->io.fd = -1;
	ZVAL_UNDEF(&c->stream);
	c->io.max_send = 1048576;
	c->pc.max_package = 10485760;
	c->pc.io = &c->io;
	c->status = WM_CONN_STATUS_INITIAL;
	return &c->std;
}

static void conn_free(zend_object *obj)
{
	php_wm_conn *c = php_wm_conn_from_obj(obj);
	wm_conn_close(&c->io);
	if (c->counted) {
		WM_G(conn.stats)[WM_STAT_CONNECTION_COUNT]--;
	}
	php_wm_conn_close_dup_stream(c); /* even while the app still holds it */
	zval_ptr_dtor(&c->stream);
	if (c->own_cbs) {
		for (int i = 0; i <= WM_CONN_PROP_ON_BUFFER_DRAIN; i++) {
			php_wm_cb_dtor(&c->own_cbs->cb[i]);
		}
		efree(c->own_cbs);
	}
	if (c->proto_ident) {
		zend_string_release((zend_string *)c->proto_ident);
	}
	wm_proto_conn_clear(&c->pc);
	if (c->http && php_wm_conn_hook.free_http) {
		php_wm_conn_hook.free_http(c);
	}
	if (c->async) {
		php_wm_async_free(c);
	}
	zend_object_std_dtor(obj);
}

static HashTable *conn_get_gc(zend_object *obj, zval **table, int *n)
{
	php_wm_conn *c = php_wm_conn_from_obj(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	zend_get_gc_buffer_add_zval(buf, &c->stream);
	if (c->own_cbs) {
		for (int i = 0; i <= WM_CONN_PROP_ON_BUFFER_DRAIN; i++) {
			zend_get_gc_buffer_add_zval(buf, &c->own_cbs->cb[i].held);
		}
	}
	zend_get_gc_buffer_use(buf, table, n);
	return zend_std_get_properties(obj);
}

/* $connection->maxSendBufferSize / ->maxPackageSize: per-connection limits (3.5),
 * while TcpConnection::$maxSendBufferSize is the manual's static spelling. Each lives next
 * to what it limits: the engine connection's queue (io.max_send) and the framing (pc). */
static int64_t *limit_slot(php_wm_conn *c, zend_string *name)
{
	if (zend_string_equals_literal(name, "maxSendBufferSize")) {
		return &c->io.max_send;
	}
	if (zend_string_equals_literal(name, "maxPackageSize")) {
		return &c->pc.max_package;
	}
	return NULL;
}

static zval *conn_read_property(zend_object *obj, zend_string *name, int type, void **cache, zval *rv)
{
	int64_t *slot = limit_slot(php_wm_conn_from_obj(obj), name);
	if (slot) {
		ZVAL_LONG(rv, (zend_long)*slot);
		return rv;
	}
	return zend_std_read_property(obj, name, type, cache, rv);
}

static zval *conn_write_property(zend_object *obj, zend_string *name, zval *value, void **cache)
{
	int64_t *slot = limit_slot(php_wm_conn_from_obj(obj), name);
	if (slot) {
		*slot = (int64_t)zval_get_long(value);
		return value;
	}
	return zend_std_write_property(obj, name, value, cache);
}

static int conn_has_property(zend_object *obj, zend_string *name, int check_empty, void **cache)
{
	int64_t *slot = limit_slot(php_wm_conn_from_obj(obj), name);
	if (slot) {
		return check_empty == ZEND_PROPERTY_NOT_EMPTY ? *slot != 0 : 1;
	}
	return zend_std_has_property(obj, name, check_empty, cache);
}

static zval *conn_get_property_ptr_ptr(zend_object *obj, zend_string *name, int type, void **cache)
{
	if (limit_slot(php_wm_conn_from_obj(obj), name)) {
		return NULL; /* served by read/write_property */
	}
	return zend_std_get_property_ptr_ptr(obj, name, type, cache);
}

static void conn_unset_property(zend_object *obj, zend_string *name, void **cache)
{
	if (limit_slot(php_wm_conn_from_obj(obj), name)) {
		return;
	}
	zend_std_unset_property(obj, name, cache);
}

/* ---- methods ---- */

#define THIS_CONN() php_wm_conn_from_obj(Z_OBJ_P(ZEND_THIS))

ZEND_METHOD(Workerman_Connection_TcpConnection, __construct)
{
	RETVAL_NULL(); /* void, as in Workerman */
	zval *zstream;
	zend_string *remote = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_RESOURCE(zstream)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(remote)
	ZEND_PARSE_PARAMETERS_END();

	php_wm_conn *c = THIS_CONN();
	if (c->status != WM_CONN_STATUS_INITIAL) {
		zend_throw_error(NULL, "TcpConnection is already constructed");
		RETURN_THROWS();
	}
	php_stream *stream;
	php_stream_from_zval(stream, zstream);
	php_socket_t fd = -1;
	if (php_stream_cast(stream, PHP_STREAM_AS_FD_FOR_SELECT | PHP_STREAM_CAST_INTERNAL,
			(void **)&fd, 1) != SUCCESS || fd < 0) {
		zend_argument_value_error(1, "must be a stream with a file descriptor");
		RETURN_THROWS();
	}
	php_stream_set_option(stream, PHP_STREAM_OPTION_BLOCKING, 0, NULL);
	php_stream_set_option(stream, PHP_STREAM_OPTION_READ_BUFFER, PHP_STREAM_BUFFER_NONE, NULL);
	c->io.keep_fd = 1; /* the PHP stream owns the fd */
	c->io.transport = wm_transport_for_fd(fd); /* a socket, or a pipe/file */
	if (remote && ZSTR_LEN(remote)) {
		wm_sockaddr_t sa;
		socklen_t salen;
		if (wm_addr_parse_inet(ZSTR_VAL(remote), &sa, &salen) == WM_OK && sa.sa.sa_family != AF_UNIX) {
			memcpy(&c->remote, &sa, salen);
		}
	} else {
		wm_sockaddr_t sa;
		socklen_t salen = sizeof(sa);
		if (getpeername(fd, &sa.sa, &salen) == 0 && (sa.sa.sa_family == AF_INET || sa.sa.sa_family == AF_INET6)) {
			memcpy(&c->remote, &sa, salen);
		}
	}
	if (wm_conn_start(&c->io, php_wm_loop(), fd, &php_wm_conn_ops) != WM_OK) {
		zend_throw_error(NULL, "cannot watch this stream");
		RETURN_THROWS();
	}
	ZVAL_COPY(&c->stream, zstream);
	GC_ADDREF(&c->std); /* the loop's reference while open */
	c->loop_ref = true;
	php_wm_conn_init_common(c);
}

ZEND_METHOD(Workerman_Connection_TcpConnection, send)
{
	zval *data;
	bool raw = false;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ZVAL(data)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(raw)
	ZEND_PARSE_PARAMETERS_END();
	php_wm_conn_send(THIS_CONN(), data, raw, return_value);
}

ZEND_METHOD(Workerman_Connection_TcpConnection, close)
{
	RETVAL_NULL(); /* void, as in Workerman */
	zval *data = NULL;
	bool raw = false;
	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(data)
		Z_PARAM_BOOL(raw)
	ZEND_PARSE_PARAMETERS_END();
	php_wm_conn *c = THIS_CONN();
	zend_string *s = NULL;
	if (data && Z_TYPE_P(data) != IS_NULL) {
		s = zval_get_string(data);
	}
	php_wm_conn_close(c, s, raw);
	if (s) {
		zend_string_release(s);
	}
}

ZEND_METHOD(Workerman_Connection_TcpConnection, destroy)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_conn_destroy(THIS_CONN());
}

ZEND_METHOD(Workerman_Connection_TcpConnection, pauseRecv)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_conn *c = THIS_CONN();
	if (!c->io.closed && c->io.loop) {
		wm_conn_pause_read(&c->io);
	}
}

ZEND_METHOD(Workerman_Connection_TcpConnection, resumeRecv)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_conn *c = THIS_CONN();
	if (!c->io.closed && c->io.loop && c->status == WM_CONN_STATUS_ESTABLISHED) {
		wm_conn_resume_read(&c->io);
	}
}

static size_t remote_ip(php_wm_conn *c, char *buf, size_t len)
{
	return c->is_unix ? 0 : wm_addr_ip(&c->remote.sa, buf, len);
}

ZEND_METHOD(Workerman_Connection_TcpConnection, getRemoteIp)
{
	char ip[INET6_ADDRSTRLEN];
	ZEND_PARSE_PARAMETERS_NONE();
	size_t n = remote_ip(THIS_CONN(), ip, sizeof(ip));
	RETURN_STRINGL(ip, n);
}

ZEND_METHOD(Workerman_Connection_TcpConnection, getRemotePort)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_conn *c = THIS_CONN();
	RETURN_LONG(c->is_unix ? 0 : wm_addr_port(&c->remote.sa));
}

zend_string *php_wm_format_addr(const struct sockaddr *sa)
{
	char ip[INET6_ADDRSTRLEN];
	size_t n = wm_addr_ip(sa, ip, sizeof(ip));
	if (n == 0) {
		return ZSTR_EMPTY_ALLOC();
	}
	if (sa->sa_family == AF_INET6) {
		return zend_strpprintf(0, "[%s]:%d", ip, wm_addr_port(sa));
	}
	return zend_strpprintf(0, "%s:%d", ip, wm_addr_port(sa));
}

ZEND_METHOD(Workerman_Connection_TcpConnection, getRemoteAddress)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_conn *c = THIS_CONN();
	if (c->is_unix) {
		/* A unix client's is its path (3.5: the peer name of the socket it connected). */
		if (c->async) {
			RETURN_STR(php_wm_async_address(c));
		}
		RETURN_EMPTY_STRING();
	}
	RETURN_STR(php_wm_format_addr(&c->remote.sa));
}

static bool local_addr(php_wm_conn *c, wm_sockaddr_t *sa)
{
	socklen_t len = sizeof(*sa);
	memset(sa, 0, sizeof(*sa));
	return c->io.fd >= 0 && getsockname(c->io.fd, &sa->sa, &len) == 0;
}

ZEND_METHOD(Workerman_Connection_TcpConnection, getLocalIp)
{
	char ip[INET6_ADDRSTRLEN];
	wm_sockaddr_t sa;
	ZEND_PARSE_PARAMETERS_NONE();
	if (!local_addr(THIS_CONN(), &sa)) {
		RETURN_EMPTY_STRING();
	}
	size_t n = wm_addr_ip(&sa.sa, ip, sizeof(ip));
	RETURN_STRINGL(ip, n);
}

ZEND_METHOD(Workerman_Connection_TcpConnection, getLocalPort)
{
	wm_sockaddr_t sa;
	ZEND_PARSE_PARAMETERS_NONE();
	if (!local_addr(THIS_CONN(), &sa)) {
		RETURN_LONG(0);
	}
	RETURN_LONG(wm_addr_port(&sa.sa));
}

ZEND_METHOD(Workerman_Connection_TcpConnection, getLocalAddress)
{
	wm_sockaddr_t sa;
	ZEND_PARSE_PARAMETERS_NONE();
	if (!local_addr(THIS_CONN(), &sa)) {
		RETURN_EMPTY_STRING();
	}
	RETURN_STR(php_wm_format_addr(&sa.sa));
}

ZEND_METHOD(Workerman_Connection_TcpConnection, isIpV4)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_conn *c = THIS_CONN();
	RETURN_BOOL(!c->is_unix && c->remote.sa.sa_family != AF_INET6);
}

ZEND_METHOD(Workerman_Connection_TcpConnection, isIpV6)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_conn *c = THIS_CONN();
	RETURN_BOOL(!c->is_unix && c->remote.sa.sa_family == AF_INET6);
}

ZEND_METHOD(Workerman_Connection_TcpConnection, getSendBufferQueueSize)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG((zend_long)wm_conn_pending(&THIS_CONN()->io));
}

ZEND_METHOD(Workerman_Connection_TcpConnection, getRecvBufferQueueSize)
{
	size_t len;
	ZEND_PARSE_PARAMETERS_NONE();
	wm_conn_rdata(&THIS_CONN()->io, &len);
	RETURN_LONG((zend_long)len);
}

ZEND_METHOD(Workerman_Connection_TcpConnection, consumeRecvBuffer)
{
	RETVAL_NULL(); /* void, as in Workerman */
	zend_long n;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_LONG(n)
	ZEND_PARSE_PARAMETERS_END();
	if (n > 0) {
		wm_conn_rconsume(&THIS_CONN()->io, (size_t)n);
	}
}

ZEND_METHOD(Workerman_Connection_TcpConnection, getStatus)
{
	bool raw = true;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(raw)
	ZEND_PARSE_PARAMETERS_END();
	php_wm_conn *c = THIS_CONN();
	if (raw) {
		RETURN_LONG(c->status);
	}
	/* As 3.5: self::$_statusToString[status] (an app may have changed the names). */
	zval *name = php_wm_conn_status_name(c->status);
	if (name) {
		RETURN_COPY_DEREF(name);
	}
}

ZEND_METHOD(Workerman_Connection_TcpConnection, bufferIsFull)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_conn *c = THIS_CONN();
	RETURN_BOOL(wm_conn_full(&c->io));
}

ZEND_METHOD(Workerman_Connection_TcpConnection, bufferIsEmpty)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(wm_conn_pending(&THIS_CONN()->io) == 0);
}

/* getSocket(): the stream of the connection, the same resource on every call. A wrapped
 * stream is returned as it is; for an accepted connection a stream over a dup of the fd is
 * made on the first call (non-blocking and unbuffered, as 3.5's accepted socket), owned by
 * the connection and closed when it is destroyed or freed, as 3.5 fclose()s its socket. */
ZEND_METHOD(Workerman_Connection_TcpConnection, getSocket)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_conn *c = THIS_CONN();
	if (Z_TYPE(c->stream) == IS_UNDEF) {
		int fd = c->io.fd >= 0 ? fcntl(c->io.fd, F_DUPFD_CLOEXEC, 0) : -1;
		if (fd < 0) {
			RETURN_NULL(); /* closed before anyone asked for its socket */
		}
		php_stream *stream = php_stream_sock_open_from_socket(fd, NULL);
		if (!stream) {
			close(fd);
			RETURN_NULL();
		}
		php_stream_set_option(stream, PHP_STREAM_OPTION_BLOCKING, 0, NULL);
		php_stream_set_option(stream, PHP_STREAM_OPTION_READ_BUFFER, PHP_STREAM_BUFFER_NONE, NULL);
		php_stream_to_zval(stream, &c->stream);
		c->stream_dup = true;
	}
	RETURN_COPY(&c->stream);
}

/* baseRead($socket, $check_eof): 3.5's read handler. Reads what the connection's socket has
 * now and runs it through the protocol and onMessage, as a read event does ($socket is not
 * read: it is the connection's own in 3.5's calls). */
ZEND_METHOD(Workerman_Connection_TcpConnection, baseRead)
{
	RETVAL_NULL(); /* void, as in Workerman */
	zval *socket, *check_eof = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ZVAL(socket)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(check_eof)
	ZEND_PARSE_PARAMETERS_END();
	(void)socket;
	wm_conn_read_now(&THIS_CONN()->io, !check_eof || zend_is_true(check_eof));
}

/* baseWrite(): 3.5's write handler. Writes what the send buffer holds; once it is empty
 * onBufferDrain runs (and a closing connection is destroyed) and it returns true. */
ZEND_METHOD(Workerman_Connection_TcpConnection, baseWrite)
{
	ZEND_PARSE_PARAMETERS_NONE();
	if (wm_conn_write_now(&THIS_CONN()->io)) {
		RETURN_TRUE;
	}
	RETURN_NULL();
}

/* doSslHandshake($socket): one step of the TLS handshake now (the loop runs it anyway):
 * true once it is over, 0 while it needs the peer, false when it failed (the connection is
 * destroyed, as in 3.5). The argument is 3.5's socket and is not needed here. */
ZEND_METHOD(Workerman_Connection_TcpConnection, doSslHandshake)
{
	zval *socket;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(socket)
	ZEND_PARSE_PARAMETERS_END();
	(void)socket;
	php_wm_conn *c = THIS_CONN();
	if (c->io.closed) {
		RETURN_FALSE;
	}
	if (c->io.transport != &wm_transport_tls) {
		php_error_docref(NULL, E_WARNING, "the connection does not use the ssl transport");
		RETURN_FALSE;
	}
	int r = wm_conn_handshake_step(&c->io);
	if (r > 0) {
		RETURN_TRUE;
	}
	if (r == 0) {
		RETURN_LONG(0);
	}
	RETURN_FALSE;
}

/* pipe($dest): 3.5's four callbacks (wm_conn_pipe.c). */
ZEND_METHOD(Workerman_Connection_TcpConnection, pipe)
{
	RETVAL_NULL(); /* void, as in Workerman */
	zval *dest;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(dest, wm_ce_Workerman_Connection_TcpConnection)
	ZEND_PARSE_PARAMETERS_END();
	php_wm_conn_pipe(THIS_CONN(), php_wm_conn_from_obj(Z_OBJ_P(dest)));
}

/* Calls a builtin by its function entry (method_exists, call_user_func), so that what 3.5
 * gets from them (autoloading, their TypeErrors) is the same here. */
static void call_builtin(const char *name, zval *rv, uint32_t argc, zval *argv)
{
	zend_function *fn = zend_hash_str_find_ptr(CG(function_table), name, strlen(name));
	ZEND_ASSERT(fn);
	zend_call_known_function(fn, NULL, NULL, rv, argc, argv, NULL);
}

/* __call($name, $arguments), as 3.5: when the connection's protocol has a method of that
 * name, call_user_func([$protocol, $name], $this, $arguments) and return its result; an
 * exception from it is logged and the process exits with 250. Otherwise null (and
 * method_exists()'s TypeError when the protocol is neither a class name nor an object). */
ZEND_METHOD(Workerman_Connection_TcpConnection, __call)
{
	zval *name, *arguments;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_ZVAL(name)
		Z_PARAM_ARRAY(arguments)
	ZEND_PARSE_PARAMETERS_END();
	RETVAL_NULL();
	zval *protocol = conn_prop(THIS_CONN(), WM_CONN_PROP_PROTOCOL);
	ZVAL_DEREF(protocol);
	zval argv[3], exists;
	ZVAL_COPY_VALUE(&argv[0], protocol);
	ZVAL_COPY_VALUE(&argv[1], name);
	call_builtin("method_exists", &exists, 2, argv);
	if (EG(exception) || !zend_is_true(&exists)) {
		zval_ptr_dtor(&exists);
		return; /* the TypeError propagates to the caller, as in 3.5 */
	}
	zval callable;
	array_init_size(&callable, 2);
	Z_TRY_ADDREF_P(protocol);
	add_next_index_zval(&callable, protocol);
	Z_TRY_ADDREF_P(name);
	add_next_index_zval(&callable, name);
	ZVAL_COPY_VALUE(&argv[0], &callable);
	ZVAL_OBJ(&argv[1], Z_OBJ_P(ZEND_THIS));
	ZVAL_COPY_VALUE(&argv[2], arguments);
	call_builtin("call_user_func", return_value, 3, argv);
	zval_ptr_dtor(&callable);
	if (EG(exception) && !zend_is_unwind_exit(EG(exception))) {
		/* 3.5: Worker::log($e); exit(250). */
		php_wm_handle_exception();
		EG(exit_status) = 250;
		zend_throw_unwind_exit();
	}
}

/* 3.5's destructor decrements the connection count (and ends a graceful stop at zero): here
 * both happen when the connection is destroyed (php_wm_conn_destroy, or freed undestroyed),
 * so the method has nothing left to do. The engine does not call it (see minit). */
ZEND_METHOD(Workerman_Connection_TcpConnection, __destruct)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
}

static uint32_t prop_offset(zend_class_entry *ce, const char *name)
{
	zend_property_info *pi = zend_hash_str_find_ptr(&ce->properties_info, name, strlen(name));
	ZEND_ASSERT(pi && !(pi->flags & ZEND_ACC_STATIC));
	return pi->offset;
}

void php_wm_connection_minit(void)
{
	wm_ce_Workerman_Connection_ConnectionInterface = register_class_Workerman_Connection_ConnectionInterface();
	wm_ce_Workerman_Connection_TcpConnection =
		register_class_Workerman_Connection_TcpConnection(wm_ce_Workerman_Connection_ConnectionInterface);
	wm_ce_Workerman_Connection_TcpConnection->create_object = conn_create;
	/* __destruct is there for reflection and parent::__destruct(); its body is empty, so the
	 * engine need not call it for every connection that dies. */
	wm_ce_Workerman_Connection_TcpConnection->destructor = NULL;

	memcpy(&conn_handlers, zend_get_std_object_handlers(), sizeof(conn_handlers));
	conn_handlers.offset = XtOffsetOf(php_wm_conn, std);
	conn_handlers.free_obj = conn_free;
	conn_handlers.get_gc = conn_get_gc;
	conn_handlers.clone_obj = NULL;
	conn_handlers.read_property = conn_read_property;
	conn_handlers.write_property = conn_write_property;
	conn_handlers.has_property = conn_has_property;
	conn_handlers.get_property_ptr_ptr = conn_get_property_ptr_ptr;
	conn_handlers.unset_property = conn_unset_property;

	php_wm_conn_stats_minit();
	php_wm_conn_pipe_minit();

	zend_class_entry *ce = wm_ce_Workerman_Connection_TcpConnection;
	static const char *const names[] = {"onMessage", "onClose", "onError", "onBufferFull",
		"onBufferDrain", "protocol", "transport", "worker", "bytesRead", "bytesWritten", "id"};
	for (int i = 0; i <= WM_CONN_PROP_ID; i++) {
		php_wm_conn_prop_off[i] = prop_offset(ce, names[i]);
	}
}

void php_wm_connection_rinit(void)
{
	php_wm_conn_stats_rinit();
}
