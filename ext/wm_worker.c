/* Workerman\Worker: construction (address, protocol, autoload root), listening and
 * accepting, and the per-process stop. runAll and the process model are in wm_runall.c. */
#include "ext/wm_bridge.h"
#include "ext/wm_connection.h"
#include "ext/wm_globals.h"
#include "ext/wm_process.h"
#include "ext/wm_protocol.h"
#include "ext/wm_tls.h"
#include "ext/wm_udp.h"
#include "ext/wm_worker_hooks.h"
#include "src/net/wm_listen.h"
#include "src/proc/wm_daemon.h"
#include "stubs/worker_arginfo.h"

#include "main/php_streams.h"
#include "main/php_network.h"

#include <errno.h>
#include <unistd.h>


static zend_object_handlers worker_handlers;


static php_wm_process_ops process_ops;

void php_wm_worker_set_process_ops(const php_wm_process_ops *ops)
{
	process_ops = *ops;
}

HashTable *php_wm_workers(void)
{
	return &WM_G(proc.workers);
}

/* ---- object handlers ---- */

static php_wm_cb *worker_caches(php_wm_worker *w, int *n)
{
	*n = 9;
	return &w->cb_start;
}

static zend_object *worker_create(zend_class_entry *ce)
{
	php_wm_worker *w = zend_object_alloc(sizeof(php_wm_worker), ce);
	zend_object_std_init(&w->std, ce);
	object_properties_init(&w->std, ce);
	w->std.handlers = &worker_handlers;
	w->listen_fd = -1;
	w->group = -1;
	ZVAL_UNDEF(&w->context);
	ZVAL_UNDEF(&w->main_socket);
	return &w->std;
}

static void worker_free(zend_object *obj)
{
	php_wm_worker *w = php_wm_worker_from_obj(obj);
	int n;
	php_wm_cb *cbs = worker_caches(w, &n);
	php_wm_worker_unlisten(w);
	for (int i = 0; i < n; i++) {
		php_wm_cb_dtor(&cbs[i]);
	}
	if (w->socket_name) {
		zend_string_release(w->socket_name);
	}
	if (w->address) {
		zend_string_release(w->address);
	}
	if (w->scheme) {
		zend_string_release(w->scheme);
	}
	zval_ptr_dtor(&w->context);
	wm_tls_ctx_free(w->tls);
	zend_object_std_dtor(obj);
}

static HashTable *worker_get_gc(zend_object *obj, zval **table, int *n)
{
	php_wm_worker *w = php_wm_worker_from_obj(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	int k;
	php_wm_cb *cbs = worker_caches(w, &k);
	for (int i = 0; i < k; i++) {
		zend_get_gc_buffer_add_zval(buf, &cbs[i].held);
	}
	zend_get_gc_buffer_add_zval(buf, &w->context);
	zend_get_gc_buffer_use(buf, table, n);
	return zend_std_get_properties(obj);
}

static int transport_of(const char *scheme, size_t len)
{
	if (len == 3 && memcmp(scheme, "tcp", 3) == 0) {
		return WM_TRANSPORT_TCP;
	}
	if (len == 4 && memcmp(scheme, "unix", 4) == 0) {
		return WM_TRANSPORT_UNIX;
	}
	if (len == 3 && memcmp(scheme, "udp", 3) == 0) {
		return WM_TRANSPORT_UDP;
	}
	if (len == 3 && memcmp(scheme, "ssl", 3) == 0) {
		return WM_TRANSPORT_SSL;
	}
	return -1;
}

static void set_prop_string(php_wm_worker *w, int slot, zend_string *s)
{
	zval *p = php_wm_worker_prop(w, slot);
	zval_ptr_dtor(p);
	ZVAL_STR_COPY(p, s);
}

/* ---- listening ---- */

/* context['socket'][name], or NULL. */
static zval *context_socket_opt(php_wm_worker *w, const char *name)
{
	zval *socket;
	if (Z_TYPE(w->context) != IS_ARRAY || !(socket = zend_hash_str_find_deref(Z_ARRVAL(w->context), "socket", 6))
			|| Z_TYPE_P(socket) != IS_ARRAY) {
		return NULL;
	}
	return zend_hash_str_find_deref(Z_ARRVAL_P(socket), name, strlen(name));
}

static zend_long context_backlog(php_wm_worker *w)
{
	zval *backlog = context_socket_opt(w, "backlog");
	return backlog ? zval_get_long(backlog) : 102400;
}

static bool reuse_port_enabled(php_wm_worker *w)
{
	return w->transport != WM_TRANSPORT_UNIX
		&& zend_is_true(php_wm_worker_prop(w, WM_WORKER_PROP_REUSE_PORT));
}

static int parse_address(php_wm_worker *w, wm_sockaddr_t *sa, socklen_t *salen)
{
	const char *addr = ZSTR_VAL(w->address);
	if (w->transport == WM_TRANSPORT_UNIX) {
		/* unix:///path -> address "///path" after the scheme's ':' */
		while (addr[0] == '/' && addr[1] == '/') {
			addr++;
		}
		return wm_addr_parse_unix(addr, sa, salen);
	}
	while (*addr == '/') {
		addr++;
	}
	return wm_addr_parse_inet(addr, sa, salen);
}

/* Resolve the scheme's protocol class and the transport (the transport property may have
 * been changed after construction). Throws like Workerman 3.5 when the class is missing. */
static zend_result worker_prepare(php_wm_worker *w)
{
	if (!w->scheme) {
		/* A transport scheme (tcp://, ssl://, …) decides the transport: 3.5's listen()
		 * sets $transport back to it. */
		if (w->socket_name) {
			static const char *const names[] = {"tcp", "unix", "udp", "ssl"};
			zend_string *t = zend_string_init(names[w->transport], strlen(names[w->transport]), 0);
			set_prop_string(w, WM_WORKER_PROP_TRANSPORT, t);
			zend_string_release(t);
		}
		return SUCCESS;
	}
	if (!w->proto) {
		php_wm_protocol *p = php_wm_protocol_from_scheme(ZSTR_VAL(w->scheme), ZSTR_LEN(w->scheme));
		if (!p) {
			return FAILURE;
		}
		w->proto = p;
		set_prop_string(w, WM_WORKER_PROP_PROTOCOL, p->name);
	}
	zval *tp = php_wm_worker_prop(w, WM_WORKER_PROP_TRANSPORT);
	ZVAL_DEREF(tp);
	int transport = Z_TYPE_P(tp) == IS_STRING ? transport_of(Z_STRVAL_P(tp), Z_STRLEN_P(tp)) : -1;
	if (transport < 0) {
		zend_string *desc = zval_get_string(tp);
		zend_throw_exception_ex(zend_ce_exception, 0, "Bad worker->transport '%s'", ZSTR_VAL(desc));
		zend_string_release(desc);
		return FAILURE;
	}
	w->transport = transport;
	return SUCCESS;
}

/* The ssl transport's context, made once, before any socket: a bad certificate fails the
 * start (in the master), not every handshake. Children inherit it. */
static zend_result worker_tls_prepare(php_wm_worker *w)
{
	if (w->transport != WM_TRANSPORT_SSL || w->tls) {
		return SUCCESS;
	}
	char err[512];
	w->tls = php_wm_tls_ctx_from_context(&w->context, 1, err, sizeof(err));
	if (!w->tls) {
		zend_throw_exception_ex(zend_ce_exception, 0, "%s", err);
		return FAILURE;
	}
	return SUCCESS;
}

/* reusePort Workers listen in each child: the master only checks that the address can be
 * bound (wm_listen_probe), so a port already taken fails once, in the master, not in a
 * restart loop of the children. */
zend_result php_wm_worker_check_bind(php_wm_worker *w)
{
	wm_sockaddr_t sa;
	socklen_t salen;
	if (worker_prepare(w) == FAILURE) {
		return FAILURE;
	}
	if (worker_tls_prepare(w) == FAILURE) {
		return FAILURE;
	}
	if (!w->address || w->transport == WM_TRANSPORT_UNIX) {
		return SUCCESS;
	}
	if (parse_address(w, &sa, &salen) != WM_OK) {
		zend_throw_exception_ex(zend_ce_exception, 0, "Invalid listen address %s", ZSTR_VAL(w->socket_name));
		return FAILURE;
	}
	if ((w->transport == WM_TRANSPORT_UDP ? wm_listen_probe_dgram(&sa, salen) : wm_listen_probe(&sa, salen)) != WM_OK) {
		zend_throw_exception_ex(zend_ce_exception, 0, "%s", strerror(errno));
		return FAILURE;
	}
	return SUCCESS;
}

zend_result php_wm_worker_listen(php_wm_worker *w)
{
	if (!w->socket_name || !w->address) {
		return SUCCESS;
	}
	if (worker_prepare(w) == FAILURE) {
		return FAILURE;
	}
	if (w->listen_fd < 0) {
		wm_sockaddr_t sa;
		socklen_t salen;
		if (worker_tls_prepare(w) == FAILURE) {
			return FAILURE;
		}
		if (parse_address(w, &sa, &salen) != WM_OK) {
			zend_throw_exception_ex(zend_ce_exception, 0, "Invalid listen address %s", ZSTR_VAL(w->socket_name));
			return FAILURE;
		}
		/* socket.so_reuseport sets the option on the one socket (PHP's meaning); reusePort
		 * also gives each process its own. socket.ipv6_v6only as PHP's. */
		zval *so_reuseport = context_socket_opt(w, "so_reuseport");
		zval *v6only = context_socket_opt(w, "ipv6_v6only");
		wm_listen_opts_t opts = {(int)context_backlog(w), reuse_port_enabled(w) || (so_reuseport && zend_is_true(so_reuseport)),
			v6only ? zend_is_true(v6only) : -1};
		int fd = w->transport == WM_TRANSPORT_UDP ? wm_listen_dgram(&sa, salen, &opts)
			: wm_listen_stream(&sa, salen, &opts);
		if (fd < 0) {
			/* As stream_socket_server's message. */
			zend_throw_exception_ex(zend_ce_exception, errno, "%s", strerror(errno));
			return FAILURE;
		}
		w->listen_fd = fd;
	}
	php_wm_worker_resume_accept(w);
	return SUCCESS;
}

void php_wm_worker_unlisten(php_wm_worker *w)
{
	php_wm_worker_pause_accept(w);
	if (Z_TYPE(w->main_socket) == IS_RESOURCE) {
		/* As 3.5's fclose($this->_mainSocket): closed even where the app still holds it,
		 * so that nothing keeps the socket listening. */
		zend_list_close(Z_RES(w->main_socket));
		zval_ptr_dtor(&w->main_socket);
		ZVAL_UNDEF(&w->main_socket);
	}
	if (w->listen_fd >= 0) {
		close(w->listen_fd);
		w->listen_fd = -1;
	}
}

enum { ACCEPT_NONE = 0, ACCEPT_ONE = 1, ACCEPT_STOP = -1 };

/* 3.5's acceptConnection(): one pending connection from listen_fd becomes a TcpConnection
 * of w (registered, the Worker's settings copied), then onConnect. ACCEPT_NONE when none was
 * pending, ACCEPT_STOP when onConnect failed (the process is stopping). */
static int accept_one(php_wm_worker *w, int listen_fd)
{
	wm_inaddr_t peer;
	int fd = wm_accept(listen_fd, &peer);
	if (fd < 0) {
		if (errno == EMFILE || errno == ENFILE) {
			php_wm_logf("accept failed on %s: %s", w->socket_name ? ZSTR_VAL(w->socket_name) : "none",
				strerror(errno));
		}
		return ACCEPT_NONE;
	}
	php_wm_conn *c = php_wm_conn_accepted(w, fd, &peer);
	if (!c) {
		return ACCEPT_ONE;
	}
	zval *on_connect = php_wm_worker_prop(w, WM_WORKER_PROP_ON_CONNECT);
	if (php_wm_cb_get(&w->cb_connect, on_connect, "onConnect")) {
		zval arg;
		ZVAL_OBJ(&arg, &c->std);
		GC_ADDREF(&c->std);
		bool ok = php_wm_cb_call(&w->cb_connect, NULL, 1, &arg);
		OBJ_RELEASE(&c->std);
		if (!ok) {
			return ACCEPT_STOP;
		}
	}
	return ACCEPT_ONE;
}

static void on_accept(wm_watch_t *watch, int what)
{
	php_wm_worker *w = watch->data;
	(void)what;
	GC_ADDREF(&w->std);
	if (w->transport == WM_TRANSPORT_UDP) {
		php_wm_udp_worker_readable(w);
		OBJ_RELEASE(&w->std);
		return;
	}
	/* Bounded so one busy listener can't starve the rest of the loop. */
	for (int i = 0; i < 64 && w->listen_fd >= 0 && !WM_G(proc.stop_requested); i++) {
		if (accept_one(w, w->listen_fd) != ACCEPT_ONE) {
			break;
		}
	}
	OBJ_RELEASE(&w->std);
}

/* The loop frees watchers on its own after a fork: forget ours then. */
static void accept_watch_disposed(wm_watch_t *watch)
{
	php_wm_worker *w = watch->data;
	if (w->accept_watch == watch) {
		w->accept_watch = NULL;
	}
}

void php_wm_worker_resume_accept(php_wm_worker *w)
{
	/* Only a running worker process accepts (the master just holds the socket), or a
	 * script serving through Worker::run() outside runAll. */
	if (w->accept_watch || w->listen_fd < 0 || !(WM_G(proc.in_child) || WM_G(proc.standalone))) {
		return;
	}
	w->accept_watch = wm_watch_fd(php_wm_loop(), w->listen_fd, WM_EV_READ, on_accept, w);
	if (w->accept_watch) {
		w->accept_watch->dispose = accept_watch_disposed;
	}
}

void php_wm_worker_pause_accept(php_wm_worker *w)
{
	if (w->accept_watch) {
		wm_watch_t *watch = w->accept_watch;
		w->accept_watch = NULL;
		wm_watch_free(watch);
	}
}


/* Workerman's Worker::stop(): onWorkerStop, stop listening, close the connections
 * (a graceful stop leaves them to end by themselves). */
static void worker_stop(php_wm_worker *w, bool graceful)
{
	w->stopped = true;
	zval *cb = php_wm_worker_prop(w, WM_WORKER_PROP_ON_WORKER_STOP);
	if (php_wm_cb_get(&w->cb_stop, cb, "onWorkerStop")) {
		zval arg;
		ZVAL_OBJ(&arg, &w->std);
		php_wm_cb_call(&w->cb_stop, NULL, 1, &arg);
	}
	php_wm_worker_unlisten(w);
	zval *list = php_wm_worker_prop(w, WM_WORKER_PROP_CONNECTIONS);
	ZVAL_DEREF(list);
	if (!graceful && Z_TYPE_P(list) == IS_ARRAY) {
		zval copy, *zc;
		ZVAL_COPY(&copy, list);
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(copy), zc) {
			ZVAL_DEREF(zc);
			if (Z_TYPE_P(zc) == IS_OBJECT
					&& instanceof_function(Z_OBJCE_P(zc), wm_ce_Workerman_Connection_TcpConnection)) {
				php_wm_conn_close(php_wm_conn_from_obj(Z_OBJ_P(zc)), NULL, false);
			}
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(&copy);
	}
	/* 3.5 clears the callbacks new connections would copy (accepted ones keep theirs). */
	static const int cleared[] = {WM_WORKER_PROP_ON_MESSAGE, WM_WORKER_PROP_ON_CLOSE, WM_WORKER_PROP_ON_ERROR,
		WM_WORKER_PROP_ON_BUFFER_DRAIN, WM_WORKER_PROP_ON_BUFFER_FULL};
	for (size_t i = 0; i < sizeof(cleared) / sizeof(cleared[0]); i++) {
		zval *p = php_wm_worker_prop(w, cleared[i]);
		zval old;
		ZVAL_COPY_VALUE(&old, p);
		ZVAL_NULL(p);
		zval_ptr_dtor(&old);
	}
}

/* stopAll()'s stop of each Worker: once, then marked stopping. */
void php_wm_worker_stop(php_wm_worker *w, bool graceful)
{
	if (w->stopped) {
		return;
	}
	GC_ADDREF(&w->std);
	worker_stop(w, graceful);
	zval *st = php_wm_worker_prop(w, WM_WORKER_PROP_STOPPING);
	zval_ptr_dtor(st);
	ZVAL_TRUE(st);
	OBJ_RELEASE(&w->std);
}

void php_wm_worker_set_user_and_group(php_wm_worker *w)
{
	zend_string *user = zval_get_string(php_wm_worker_prop(w, WM_WORKER_PROP_USER));
	zend_string *group = zval_get_string(php_wm_worker_prop(w, WM_WORKER_PROP_GROUP));
	char err[256];
	if (wm_proc_switch_user(ZSTR_VAL(user), ZSTR_VAL(group), err, sizeof(err)) != WM_OK) {
		php_wm_logf("Warning: %s", err);
	}
	zend_string_release(user);
	zend_string_release(group);
}

void php_wm_worker_use_autoload_root(php_wm_worker *w)
{
	zval *root = php_wm_worker_prop(w, WM_WORKER_PROP_AUTOLOAD_ROOT);
	ZVAL_DEREF(root);
	if (Z_TYPE_P(root) == IS_STRING && Z_STRLEN_P(root) > 0) {
		php_wm_autoload_register(Z_STR_P(root));
	}
}

/* ---- methods ---- */

#define THIS_WORKER() php_wm_worker_from_obj(Z_OBJ_P(ZEND_THIS))


ZEND_METHOD(Workerman_Worker, __construct)
{
	zend_string *socket_name = NULL;
	HashTable *context = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(socket_name)
		Z_PARAM_ARRAY_HT(context)
	ZEND_PARSE_PARAMETERS_END();

	php_wm_worker *w = THIS_WORKER();
	if (w->group >= 0) {
		zend_throw_error(NULL, "Worker is already constructed");
		RETURN_THROWS();
	}

	/* Workerman 3.5: classes are autoloaded from the directory of the file creating the
	 * Worker. */
	zend_string *file = zend_get_executed_filename_ex();
	if (file) {
		char *dir = estrndup(ZSTR_VAL(file), ZSTR_LEN(file));
		size_t dlen = zend_dirname(dir, ZSTR_LEN(file));
		zend_string *root = zend_string_init(dir, dlen, 0);
		efree(dir);
		set_prop_string(w, WM_WORKER_PROP_AUTOLOAD_ROOT, root);
		php_wm_autoload_register(root);
		zend_string_release(root);
	}

	if (context) {
		ZVAL_ARR(&w->context, zend_array_dup(context));
	}

	if (socket_name && ZSTR_LEN(socket_name)) {
		const char *s = ZSTR_VAL(socket_name);
		const char *colon = memchr(s, ':', ZSTR_LEN(socket_name));
		if (!colon || colon == s) {
			zend_argument_value_error(1, "must be an address like \"tcp://0.0.0.0:8080\", \"%s\" given", s);
			RETURN_THROWS();
		}
		size_t slen = (size_t)(colon - s);
		int transport = transport_of(s, slen);
		if (transport < 0) {
			/* Resolved when listening, as in Workerman 3.5 (the class may be defined
			 * after the Worker is created). */
			w->scheme = zend_string_init(s, slen, 0);
			transport = WM_TRANSPORT_TCP;
		} else {
			zend_string *t = zend_string_init(s, slen, 0);
			set_prop_string(w, WM_WORKER_PROP_TRANSPORT, t);
			zend_string_release(t);
		}
		w->transport = transport;
		w->socket_name = zend_string_copy(socket_name);
		w->address = zend_string_init(colon + 1, ZSTR_LEN(socket_name) - slen - 1, 0);
		{
			wm_sockaddr_t sa;
			socklen_t salen;
			if (parse_address(w, &sa, &salen) != WM_OK) {
				zend_argument_value_error(1, "has an invalid address \"%s\"", s);
				RETURN_THROWS();
			}
		}
		/* 3.5 turns reusePort on for Linux; a unix socket can't be shared that way. */
		zval *rp = php_wm_worker_prop(w, WM_WORKER_PROP_REUSE_PORT);
		ZVAL_BOOL(rp, transport != WM_TRANSPORT_UNIX);
	}

	w->group = (int)zend_hash_num_elements(&WM_G(proc.workers));
	zval self;
	ZVAL_OBJ_COPY(&self, &w->std);
	zend_hash_next_index_insert(&WM_G(proc.workers), &self);

	/* A Worker created inside a running worker process serves from this process. */
	if (WM_G(proc.in_child)) {
		w->group = -2;
	}
}

ZEND_METHOD(Workerman_Worker, runAll)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	if (process_ops.run_all) {
		process_ops.run_all();
	}
}

ZEND_METHOD(Workerman_Worker, stopAll)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	if (process_ops.stop_all) {
		process_ops.stop_all();
	}
}

ZEND_METHOD(Workerman_Worker, listen)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_worker *w = THIS_WORKER();
	php_wm_worker_use_autoload_root(w);
	php_wm_worker_listen(w);
}

ZEND_METHOD(Workerman_Worker, unlisten)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_worker_unlisten(THIS_WORKER());
}

ZEND_METHOD(Workerman_Worker, pauseAccept)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_worker_pause_accept(THIS_WORKER());
}

ZEND_METHOD(Workerman_Worker, resumeAccept)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_worker_resume_accept(THIS_WORKER());
}

ZEND_METHOD(Workerman_Worker, getSocketName)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_worker *w = THIS_WORKER();
	if (!w->socket_name) {
		RETURN_STRING("none");
	}
	zend_string *s = zend_string_dup(w->socket_name, 0);
	ZSTR_VAL(s)[0] = (char)tolower((unsigned char)ZSTR_VAL(s)[0]);
	RETURN_NEW_STR(s);
}

ZEND_METHOD(Workerman_Worker, getMainSocket)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_worker *w = THIS_WORKER();
	if (w->listen_fd < 0) {
		RETURN_NULL();
	}
	/* One stream per listening socket, as 3.5's $_mainSocket: the same resource on every
	 * call. It shares the socket through a dup (the app closing it leaves ours open). */
	if (Z_TYPE(w->main_socket) != IS_RESOURCE || Z_RES(w->main_socket)->type < 0) {
		zval_ptr_dtor(&w->main_socket);
		ZVAL_UNDEF(&w->main_socket);
		int fd = dup(w->listen_fd);
		php_stream *stream = fd >= 0 ? php_stream_sock_open_from_socket(fd, NULL) : NULL;
		if (!stream) {
			if (fd >= 0) {
				close(fd);
			}
			RETURN_NULL();
		}
		php_stream_to_zval(stream, &w->main_socket);
	}
	RETURN_COPY(&w->main_socket);
}

int php_wm_stream_socket_fd(zval *zstream)
{
	if (zstream && Z_TYPE_P(zstream) == IS_RESOURCE) {
		php_stream *stream = (php_stream *)zend_fetch_resource2_ex(zstream, NULL, php_file_le_stream(),
			php_file_le_pstream());
		php_socket_t fd;
		if (stream && php_stream_cast(stream, PHP_STREAM_AS_SOCKETD, (void **)&fd, 0) == SUCCESS && fd >= 0) {
			return (int)fd;
		}
	}
	return -1;
}

/* The fd to accept on: a stream's (3.5 accepts on the socket it is given), else ours. */
static int accept_fd_of(php_wm_worker *w, zval *socket)
{
	int fd = php_wm_stream_socket_fd(socket);
	return fd >= 0 ? fd : w->listen_fd;
}

ZEND_METHOD(Workerman_Worker, acceptConnection)
{
	zval *socket;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(socket)
	ZEND_PARSE_PARAMETERS_END();
	RETVAL_NULL(); /* void, as in 3.5 */
	php_wm_worker *w = THIS_WORKER();
	int fd = accept_fd_of(w, socket);
	if (fd < 0) {
		return; /* not listening: 3.5's accept fails silently */
	}
	GC_ADDREF(&w->std);
	accept_one(w, fd);
	OBJ_RELEASE(&w->std);
}

ZEND_METHOD(Workerman_Worker, acceptUdpConnection)
{
	zval *socket;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(socket)
	ZEND_PARSE_PARAMETERS_END();
	php_wm_worker *w = THIS_WORKER();
	int fd = accept_fd_of(w, socket);
	if (fd < 0) {
		RETURN_FALSE;
	}
	RETURN_BOOL(php_wm_udp_accept(w, fd, php_wm_stream_socket_fd(socket) >= 0 ? socket : NULL));
}

ZEND_METHOD(Workerman_Worker, run)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETVAL_NULL(); /* void, as in 3.5 */
	if (process_ops.run) {
		php_wm_worker *w = THIS_WORKER();
		GC_ADDREF(&w->std);
		process_ops.run(w);
		OBJ_RELEASE(&w->std);
	}
}

ZEND_METHOD(Workerman_Worker, stop)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETVAL_NULL(); /* void, as in 3.5 */
	php_wm_worker *w = THIS_WORKER();
	GC_ADDREF(&w->std);
	worker_stop(w, WM_G(proc.graceful));
	OBJ_RELEASE(&w->std);
}

ZEND_METHOD(Workerman_Worker, setUserAndGroup)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETVAL_NULL(); /* void, as in 3.5 */
	php_wm_worker_set_user_and_group(THIS_WORKER());
}

/* ---- static process-model methods: the process model does them (process_ops) ---- */

#define PROCESS_OP_VOID(method, op) \
	ZEND_METHOD(Workerman_Worker, method) \
	{ \
		ZEND_PARSE_PARAMETERS_NONE(); \
		RETVAL_NULL(); /* void, as in 3.5 */ \
		if (process_ops.op) { \
			process_ops.op(); \
		} \
	}

PROCESS_OP_VOID(init, init)
PROCESS_OP_VOID(parseCommand, parse_command)
PROCESS_OP_VOID(checkErrors, check_errors)
PROCESS_OP_VOID(reloadAllWorkers, reload_all)
PROCESS_OP_VOID(resetStd, reset_std)
PROCESS_OP_VOID(checkIfChildRunning, check_child_running)

ZEND_METHOD(Workerman_Worker, signalHandler)
{
	zval *signal;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(signal)
	ZEND_PARSE_PARAMETERS_END();
	RETVAL_NULL(); /* void, as in 3.5 */
	/* 3.5 switches on the value as given: anything that is no signal number does nothing. */
	if (Z_TYPE_P(signal) == IS_LONG && process_ops.signal) {
		process_ops.signal(Z_LVAL_P(signal));
	}
}

ZEND_METHOD(Workerman_Worker, getUiColumns)
{
	ZEND_PARSE_PARAMETERS_NONE();
	/* 3.5's column => Worker property map of the start-up table. */
	static const char *const columns[][2] = {{"proto", "transport"}, {"user", "user"}, {"worker", "name"},
		{"socket", "socket"}, {"processes", "count"}, {"status", "status"}};
	array_init_size(return_value, 6);
	for (size_t i = 0; i < sizeof(columns) / sizeof(columns[0]); i++) {
		add_assoc_string(return_value, columns[i][0], columns[i][1]);
	}
}

ZEND_METHOD(Workerman_Worker, getSingleLineTotalLength)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(process_ops.ui_line_length ? process_ops.ui_line_length() : 0);
}

static void windows_only(zval *return_value, const char *method)
{
	RETVAL_NULL();
	zend_throw_exception_ex(zend_ce_exception, 0, "Worker::%s() is only for Windows", method);
}

ZEND_METHOD(Workerman_Worker, getStartFilesForWindows)
{
	ZEND_PARSE_PARAMETERS_NONE();
	windows_only(return_value, "getStartFilesForWindows");
}

ZEND_METHOD(Workerman_Worker, forkOneWorkerForWindows)
{
	zval *start_file;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(start_file)
	ZEND_PARSE_PARAMETERS_END();
	(void)start_file;
	windows_only(return_value, "forkOneWorkerForWindows");
}

ZEND_METHOD(Workerman_Worker, checkWorkerStatusForWindows)
{
	ZEND_PARSE_PARAMETERS_NONE();
	windows_only(return_value, "checkWorkerStatusForWindows");
}

ZEND_METHOD(Workerman_Worker, getAllWorkers)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_ARR(zend_array_dup(&WM_G(proc.workers)));
}

ZEND_METHOD(Workerman_Worker, getEventLoop)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_COPY(php_wm_static_prop(wm_ce_Workerman_Worker, "globalEvent"));
}

ZEND_METHOD(Workerman_Worker, getStatus)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(php_wm_status());
}

ZEND_METHOD(Workerman_Worker, getGracefulStop)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_FALSE;
}

ZEND_METHOD(Workerman_Worker, log)
{
	zval *msg;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(msg)
	ZEND_PARSE_PARAMETERS_END();
	zend_string *s = zval_try_get_string(msg);
	if (!s) {
		RETURN_THROWS();
	}
	php_wm_log_str(ZSTR_VAL(s), ZSTR_LEN(s));
	zend_string_release(s);
}

ZEND_METHOD(Workerman_Worker, safeEcho)
{
	zval *msg;
	bool decorated = false;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ZVAL(msg)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(decorated)
	ZEND_PARSE_PARAMETERS_END();
	if (decorated) {
		RETURN_FALSE; /* no colour decoration: output may not be a terminal */
	}
	zend_string *s = zval_try_get_string(msg);
	if (!s) {
		RETURN_THROWS();
	}
	/* Workerman's markup tags carry no meaning without colours. */
	static const char *const tags[] = {"<n>", "<w>", "<g>", "</n>", "</w>", "</g>"};
	for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
		zend_string *r = php_str_to_str(ZSTR_VAL(s), ZSTR_LEN(s), tags[i], strlen(tags[i]), "", 0);
		zend_string_release(s);
		s = r;
	}
	php_wm_echo(ZSTR_VAL(s), ZSTR_LEN(s));
	zend_string_release(s);
	RETURN_TRUE;
}

/* ---- per-class child-start hooks (wm_worker_hooks.h) ---- */

#define WM_CHILD_HOOKS_MAX 8

/* Filled at MINIT, read-only afterwards: shared by every request and thread. */
static struct {
	const zend_class_entry *ce;
	php_wm_worker_child_hook fn;
} child_hooks[WM_CHILD_HOOKS_MAX];
static int child_hook_count;

void php_wm_worker_child_hook_register(zend_class_entry *ce, php_wm_worker_child_hook fn)
{
	for (int i = 0; i < child_hook_count; i++) {
		if (child_hooks[i].ce == ce) {
			child_hooks[i].fn = fn;
			return;
		}
	}
	ZEND_ASSERT(child_hook_count < WM_CHILD_HOOKS_MAX);
	if (child_hook_count < WM_CHILD_HOOKS_MAX) {
		child_hooks[child_hook_count].ce = ce;
		child_hooks[child_hook_count].fn = fn;
		child_hook_count++;
	}
}

php_wm_worker_child_hook php_wm_worker_child_hook_find(const zend_class_entry *ce)
{
	for (; ce; ce = ce->parent) {
		for (int i = 0; i < child_hook_count; i++) {
			if (child_hooks[i].ce == ce) {
				return child_hooks[i].fn;
			}
		}
	}
	return NULL;
}

void php_wm_worker_minit(void)
{
	wm_ce_Workerman_Worker = register_class_Workerman_Worker();
	wm_ce_Workerman_Worker->create_object = worker_create;
	memcpy(&worker_handlers, zend_get_std_object_handlers(), sizeof(worker_handlers));
	worker_handlers.offset = XtOffsetOf(php_wm_worker, std);
	worker_handlers.free_obj = worker_free;
	worker_handlers.get_gc = worker_get_gc;
	worker_handlers.clone_obj = NULL;

	static const char *const names[] = {"id", "name", "count", "user", "group", "reloadable",
		"reusePort", "onWorkerStart", "onConnect", "onMessage", "onClose", "onError",
		"onBufferFull", "onBufferDrain", "onWorkerStop", "onWorkerReload", "transport",
		"connections", "protocol", "stopping", "_autoloadRootPath"};
	for (int i = 0; i <= WM_WORKER_PROP_AUTOLOAD_ROOT; i++) {
		zend_property_info *pi = zend_hash_str_find_ptr(&wm_ce_Workerman_Worker->properties_info,
			names[i], strlen(names[i]));
		php_wm_worker_prop_off[i] = pi->offset;
	}
}
