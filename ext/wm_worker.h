/* Workerman\Worker: its object, declared property slots and the calls other areas make (wm_worker.c). */
#ifndef WM_EXT_WM_WORKER_H
#define WM_EXT_WM_WORKER_H

#include "ext/wm_callable.h"

/* A process's state, WM_G(proc.status) (Worker::STATUS_* in Workerman). */
#define WM_WORKER_STATUS_STARTING 1
#define WM_WORKER_STATUS_RUNNING 2
#define WM_WORKER_STATUS_SHUTDOWN 4
#define WM_WORKER_STATUS_RELOADING 8

typedef struct php_wm_protocol php_wm_protocol;

typedef struct php_wm_worker {
	int listen_fd;              /* owned, -1 when not listening */
	wm_watch_t *accept_watch;   /* owned by the loop, NULL when paused */
	zend_string *socket_name;   /* as given */
	zend_string *address;       /* after the scheme */
	zend_string *scheme;        /* an application protocol's scheme ("text"), else NULL */
	zval main_socket;           /* getMainSocket()'s stream (a dup of listen_fd), UNDEF until asked */
	zval context;               /* the context option array */
	php_wm_protocol *proto;     /* resolved protocol of the socket name, or NULL */
	int transport;              /* WM_TRANSPORT_* */
	struct wm_tls_ctx *tls;     /* owned; the ssl transport's context once listening */
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
	WM_WORKER_PROP_AUTOLOAD_ROOT,  /* protected $_autoloadRootPath */
};


void php_wm_worker_minit(void);
/* OBJ_PROP offsets of the declared properties (WM_WORKER_PROP_*): storage in wm_globals.c,
 * set by the Worker's MINIT. */
extern uint32_t php_wm_worker_prop_off[WM_WORKER_PROP_AUTOLOAD_ROOT + 1];
/* A declared property's slot. */
static inline zval *php_wm_worker_prop(php_wm_worker *w, int slot)
{
	return OBJ_PROP(&w->std, php_wm_worker_prop_off[slot]);
}
zend_result php_wm_worker_listen(php_wm_worker *w);
zend_result php_wm_worker_check_bind(php_wm_worker *w);
void php_wm_worker_unlisten(php_wm_worker *w);
void php_wm_worker_resume_accept(php_wm_worker *w);
void php_wm_worker_pause_accept(php_wm_worker *w);
void php_wm_worker_stop(php_wm_worker *w, bool graceful);
/* 3.5's setUserAndGroup(): run as $this->user/$this->group (root only; logged otherwise). */
void php_wm_worker_set_user_and_group(php_wm_worker *w);
/* Autoload from $this->_autoloadRootPath (3.5's Autoloader::setRootPath), when set. */
void php_wm_worker_use_autoload_root(php_wm_worker *w);
HashTable *php_wm_workers(void);
/* The socket fd of a PHP stream resource, -1 when zstream is none or has no socket. */
int php_wm_stream_socket_fd(zval *zstream);    /* all Workers of this request, in creation order */

/* Worker::runAll() and Worker::stopAll() run the process model, which sits above the Worker
 * class (it drives Workers); the module installs it here. */
typedef struct php_wm_process_ops {
	void (*run_all)(void);
	void (*stop_all)(void);
	void (*run)(php_wm_worker *w);          /* Worker::run() */
	void (*init)(void);                     /* Worker::init() */
	void (*parse_command)(void);            /* Worker::parseCommand() */
	void (*signal)(zend_long signo);        /* Worker::signalHandler() */
	void (*check_errors)(void);             /* Worker::checkErrors() */
	void (*reload_all)(void);               /* Worker::reloadAllWorkers() */
	void (*reset_std)(void);                /* Worker::resetStd() (may throw) */
	void (*check_child_running)(void);      /* Worker::checkIfChildRunning() */
	zend_long (*ui_line_length)(void);      /* Worker::getSingleLineTotalLength() */
} php_wm_process_ops;
void php_wm_worker_set_process_ops(const php_wm_process_ops *ops);

#endif
