/* Module globals, one sub-struct per area. */
#ifndef WM_EXT_WM_GLOBALS_H
#define WM_EXT_WM_GLOBALS_H

#include "php.h"
#include <time.h>
#include "src/loop/wm_loop.h"
#include "src/proc/wm_proc.h"

struct php_wm_worker;

ZEND_BEGIN_MODULE_GLOBALS(workerman)
	struct {
		wm_loop_t *loop;            /* owned; the process's event loop */
		zval global_event;          /* owned Native instance once a worker runs */
		HashTable fd_watches;       /* Native::add watchers: key => php_wm_fd_watch* (owned) */
	} loop;
	struct {
		HashTable workers;          /* Worker objects (owned refs), in creation order */
		wm_master_t *master;        /* owned while runAll supervises */
		struct php_wm_worker *current; /* the Worker this child process serves */
		zend_string *start_file;    /* owned */
		int status;                 /* Worker::STATUS_* */
		int exit_status;            /* for the child's exit once its loop stops */
		bool in_child;
		bool in_master;
		bool unwinding;             /* exit() was called in a callback */
		bool stop_requested;
		bool graceful;              /* a graceful stop waits for the connections to end */
		time_t started;             /* when runAll started, for the status table */
		bool auto_reload;           /* ini workerman.auto_reload */
		wm_master_t *child_master;  /* owned, in a child until it serves: its ready notice */
		bool in_run;                /* Worker::run() of this process is serving (its loop) */
		bool loop_ran;              /* Worker::run() reached the event loop */
		bool standalone;            /* Worker::run() called outside runAll */
		bool check_errors_registered; /* Worker::checkErrors is a shutdown function */
		int ui_line_len;            /* 3.5's LINE_VERSIOIN_LENGTH once fixed, else -1 */
	} proc;
	struct {
		HashTable timers;           /* id => php_wm_timer* (owned) */
	} timer;
	struct {
		HashTable protocols;        /* lowercase class name => php_wm_protocol* (owned) */
		zend_long next_id;
		zend_long stats[4];
		zend_string *autoload_root; /* owned */
		bool autoload_registered;
		zend_long ssl_handshake_timeout; /* ini workerman.ssl_handshake_timeout (seconds) */
	} conn;
ZEND_END_MODULE_GLOBALS(workerman)

ZEND_EXTERN_MODULE_GLOBALS(workerman)
#define WM_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(workerman, v)

/* A static property's zval (never NULL for declared ones). */
static inline zval *php_wm_static_prop(zend_class_entry *ce, const char *name)
{
	zval *zv = zend_read_static_property(ce, name, strlen(name), true);
	if (!zv) {
		return &EG(uninitialized_zval);
	}
	ZVAL_DEREF(zv);
	return zv;
}

static inline void php_wm_set_static_prop(zend_class_entry *ce, const char *name, zval *value)
{
	zend_update_static_property(ce, name, strlen(name), value);
}

#endif
