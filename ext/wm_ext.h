/* Shared declarations of the Zend binding: class entries, object layouts, and the
 * calls one class file makes into another. Only ext/ includes this. */
#ifndef WM_EXT_WM_EXT_H
#define WM_EXT_WM_EXT_H

#include "php.h"
#include "SAPI.h"
#include "zend_attributes.h"
#include "zend_exceptions.h"
#include "ext/standard/php_string.h"
#include "ext/wm_compat.h"
#include "src/wm_core.h"
#include "zend_smart_str.h"
#include <time.h>
#include "src/loop/wm_loop.h"
#include "src/net/wm_addr.h"
#include "src/net/wm_conn.h"
#include "src/proc/wm_proc.h"
#include "src/proto/wm_proto.h"

extern zend_class_entry *wm_ce_Workerman_Worker;
extern zend_class_entry *wm_ce_Workerman_Connection_ConnectionInterface;
extern zend_class_entry *wm_ce_Workerman_Connection_TcpConnection;
extern zend_class_entry *wm_ce_Workerman_Lib_Timer;
extern zend_class_entry *wm_ce_Workerman_Events_EventInterface;
extern zend_class_entry *wm_ce_Workerman_Events_Native;
extern zend_class_entry *wm_ce_Workerman_Protocols_ProtocolInterface;
extern zend_class_entry *wm_ce_Workerman_Protocols_Text;

/* A process's state, WM_G(proc.status) (Worker::STATUS_* in Workerman). */
#define WM_WORKER_STATUS_STARTING 1
#define WM_WORKER_STATUS_RUNNING 2
#define WM_WORKER_STATUS_SHUTDOWN 4
#define WM_WORKER_STATUS_RELOADING 8

/* ---- callbacks stored in declared properties (wm_callable.c) ---- */

/* The resolved form of one callback property, re-resolved only when the property's
 * value changes identity. */
typedef struct php_wm_cb {
	zval held;                  /* owned reference to the resolved value (its identity) */
	zend_fcall_info_cache fcc;  /* valid when ok == 1; ok == 2: resolve per call */
	uint8_t ok;
} php_wm_cb;

/* Resolve prop (a callback property's value) through cache. NULL when the property is
 * empty or not callable (logged once per value); then call with php_wm_cb_call. */
zend_fcall_info_cache *php_wm_cb_get(php_wm_cb *cache, zval *prop, const char *what);
/* Call a resolved property callback (keeps it alive during the call). */
bool php_wm_cb_call(php_wm_cb *cache, zval *retval, uint32_t argc, zval *argv);
void php_wm_cb_dtor(php_wm_cb *cache);
/* Resolve any callable with the declaring class of an array callable's method as scope, so
 * an object's protected/private methods work as callbacks. false when not callable. */
bool php_wm_resolve_callable(zval *callable, zend_fcall_info_cache *fcc, char **error);

/* A callable passed as an argument (Timer::add, Native::add): holds its zval. */
typedef struct php_wm_callable {
	zval zv;                    /* owned reference */
	zend_fcall_info_cache fcc;
	bool cached;
} php_wm_callable;
bool php_wm_callable_init(php_wm_callable *c, zval *callable, char **error);
void php_wm_callable_dtor(php_wm_callable *c);

/* ---- calling PHP from the loop (wm_bridge.c) ---- */

/* Call with the exception policy applied. Returns false when an exception ended the call
 * (it was logged and the process is stopping). retval may be NULL. */
bool php_wm_call(zend_fcall_info_cache *fcc, zval *retval, uint32_t argc, zval *argv);
bool php_wm_call_callable(php_wm_callable *c, zval *retval, uint32_t argc, zval *argv);
bool php_wm_call_args_array(php_wm_callable *c, zval *args);
/* What the exception policy needs from other areas, installed by the module. */
typedef struct php_wm_bridge_hooks {
	bool (*ends_callback_only)(zend_object *ex); /* an exception that only ends the callback */
	void (*count_exception)(void);               /* an uncaught exception is counted */
	void (*request_stop)(int exit_status);       /* stop the loop, exit with status (-1: exit()) */
} php_wm_bridge_hooks;
void php_wm_bridge_set_hooks(const php_wm_bridge_hooks *h);
/* Apply the exception policy to a pending exception. Returns true when one was pending. */
bool php_wm_handle_exception(void);
/* Worker::log: timestamped line to the log file, echoed when not a daemon. */
void php_wm_log_str(const char *msg, size_t len);
void php_wm_logf(const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 1, 2);
/* Output to the terminal (stdout) unless daemonized. */
void php_wm_echo(const char *msg, size_t len);
void php_wm_write_stdout(const char *msg, size_t len);

/* ---- objects ---- */

typedef struct php_wm_protocol php_wm_protocol;

typedef struct php_wm_worker {
	int listen_fd;              /* owned, -1 when not listening */
	wm_watch_t *accept_watch;   /* owned by the loop, NULL when paused */
	zend_string *socket_name;   /* as given */
	zend_string *address;       /* after the scheme */
	zend_string *scheme;        /* an application protocol's scheme ("text"), else NULL */
	zend_string *root_path;     /* directory of the file that created the Worker (autoload root) */
	zval context;               /* the context option array */
	php_wm_protocol *proto;     /* resolved protocol of the socket name, or NULL */
	int transport;              /* WM_TRANSPORT_* */
	int group;                  /* index in the master's process table */
	bool reuse_port_listen;     /* listen() happens in each child */
	bool stopped;
	php_wm_cb cb_start, cb_stop, cb_connect, cb_message, cb_close, cb_error,
		cb_buffer_full, cb_buffer_drain, cb_reload;
	zend_object std;
} php_wm_worker;

enum { WM_TRANSPORT_TCP = 0, WM_TRANSPORT_UNIX = 1, WM_TRANSPORT_UDP = 2, WM_TRANSPORT_SSL = 3 };

static inline php_wm_worker *php_wm_worker_from_obj(zend_object *obj)
{
	return (php_wm_worker *)((char *)obj - XtOffsetOf(php_wm_worker, std));
}

typedef struct php_wm_conn {
	wm_conn_t io;
	wm_inaddr_t remote;         /* peer address, kept after close */
	php_wm_worker *worker;      /* not owned (the "worker" property holds the reference) */
	wm_proto_conn_t pc;         /* the protocol it speaks, resolved from the protocol property */
	const zend_string *proto_ident; /* the property value pc was resolved from (owned) */
	zend_long conn_id;          /* the id it was registered under */
	zval stream;                /* a wrapped PHP stream (new TcpConnection($stream)), else UNDEF */
	struct php_wm_conn_cbs *own_cbs; /* callbacks set on this connection itself (lazily) */
	struct php_wm_http_conn *http; /* HTTP state (owned), allocated on the first request */
	uint8_t status;             /* Workerman's STATUS_* */
	bool counted;               /* included in connection_count */
	bool is_unix;
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
enum {
	WM_WORKER_PROP_ID = 0,
	WM_WORKER_PROP_NAME,
	WM_WORKER_PROP_COUNT,
	WM_WORKER_PROP_USER,
	WM_WORKER_PROP_GROUP,
	WM_WORKER_PROP_RELOADABLE,
	WM_WORKER_PROP_REUSE_PORT,
	WM_WORKER_PROP_ON_WORKER_START,
	WM_WORKER_PROP_ON_CONNECT,
	WM_WORKER_PROP_ON_MESSAGE,
	WM_WORKER_PROP_ON_CLOSE,
	WM_WORKER_PROP_ON_ERROR,
	WM_WORKER_PROP_ON_BUFFER_FULL,
	WM_WORKER_PROP_ON_BUFFER_DRAIN,
	WM_WORKER_PROP_ON_WORKER_STOP,
	WM_WORKER_PROP_ON_WORKER_RELOAD,
	WM_WORKER_PROP_TRANSPORT,
	WM_WORKER_PROP_CONNECTIONS,
	WM_WORKER_PROP_PROTOCOL,
	WM_WORKER_PROP_STOPPING,
};

/* ---- protocols (wm_protocol.c) ---- */

/* A protocol class, resolved once per request. Its ops are the C implementation of the class
 * when it has one (Text, Http), else php_wm_proto_class_ops, which calls the static methods. */
struct php_wm_protocol {
	zend_string *name;          /* as Workerman stores it, e.g. "\Workerman\Protocols\Text" */
	zend_class_entry *ce;
	zend_function *input, *decode, *encode, *on_close;
	const wm_proto_ops_t *ops;
};
/* The ops of a PHP protocol class (wm_proto_class.c); pc->arg is its php_wm_protocol. */
extern const wm_proto_ops_t php_wm_proto_class_ops;
/* The native Http protocol (wm_proto_http.c). */
extern const wm_proto_ops_t php_wm_proto_http_ops;
/* Resolve a protocol class name (cached for the request). NULL when the class is missing. */
php_wm_protocol *php_wm_protocol_get(zend_string *class_name);
/* Resolve a Worker scheme ("text", "JsonNL") the way Workerman 3.5 does; throws on failure. */
php_wm_protocol *php_wm_protocol_from_scheme(const char *scheme, size_t len);
void php_wm_protocol_cache_free(void);

/* ---- engine globals and cross-file calls ---- */

wm_loop_t *php_wm_loop(void);       /* the process's loop, created on first use */
void php_wm_loop_destroy(void);

void php_wm_worker_minit(void);
void php_wm_connection_minit(void);
void php_wm_connection_rinit(void);
void php_wm_timer_minit(void);
void php_wm_event_minit(void);
void php_wm_protocol_minit(void);
void php_wm_text_minit(void);
void php_wm_runall_rinit(void);
void php_wm_runall_rshutdown(void);
void php_wm_timer_rshutdown(void);

/* Workers (wm_worker.c) */
zval *php_wm_worker_prop(php_wm_worker *w, int slot); /* a declared property's slot */
zend_result php_wm_worker_listen(php_wm_worker *w);
zend_result php_wm_worker_check_bind(php_wm_worker *w);
void php_wm_worker_unlisten(php_wm_worker *w);
void php_wm_worker_resume_accept(php_wm_worker *w);
void php_wm_worker_pause_accept(php_wm_worker *w);
void php_wm_worker_stop(php_wm_worker *w, bool graceful);
HashTable *php_wm_workers(void);    /* all Workers of this request, in creation order */

/* Connections (wm_tcp_connection.c) */
php_wm_conn *php_wm_conn_accepted(php_wm_worker *w, int fd, const wm_inaddr_t *peer);
void php_wm_conn_close(php_wm_conn *c, zend_string *data, bool raw);
void php_wm_conn_destroy(php_wm_conn *c);
/* At process exit: drop w's open connections silently, releasing their references. */
void php_wm_conn_abandon_all(php_wm_worker *w);
/* "ip:port" or "[ip6]:port"; empty for other families. Caller owns the string. */
zend_string *php_wm_format_addr(const struct sockaddr *sa);
void php_wm_stats_add(int which, zend_long n);
enum { WM_STAT_CONNECTION_COUNT, WM_STAT_TOTAL_REQUEST, WM_STAT_THROW_EXCEPTION, WM_STAT_SEND_FAIL };

/* Timers (wm_timer.c) */
void php_wm_timer_del_all(void);
zend_long php_wm_timer_count(void);
zend_long php_wm_timer_add(double interval, php_wm_callable *cb, zval *args, bool persistent);
bool php_wm_timer_del(zend_long id);

/* Event loop object (wm_event.c) */
void php_wm_event_set_global(void);  /* Worker::$globalEvent = a Native instance */
void php_wm_event_clear_all(void);

/* Process control (wm_runall.c) */
void php_wm_run_all(void);
void php_wm_stop_all(void);
void php_wm_request_stop(int exit_status);
void php_wm_connection_gone(void); /* a graceful stop may end now */ /* stop this process's loop, exit with status */
int php_wm_status(void);
zend_string *php_wm_start_file(void);
void php_wm_autoload_register(zend_string *root);
void php_wm_autoload_minit(void);
void php_wm_autoload_mshutdown(void);

/* Auto-reload (wm_autoreload.c) and reload (wm_runall.c) */
void php_wm_master_reload(bool graceful);
void php_wm_autoreload_start(void);
void php_wm_autoreload_after_fork(void);
void php_wm_autoreload_stop(void);

/* Status and connections reports (wm_status.c) */
zend_string *php_wm_status_path(const char *suffix);
void php_wm_status_master_write(wm_master_t *m, time_t started);
void php_wm_connections_master_write(wm_master_t *m);
void php_wm_status_child_write(php_wm_worker *w);
void php_wm_connections_child_write(php_wm_worker *w);
int php_wm_status_command(pid_t master);
int php_wm_connections_command(pid_t master);

#endif
