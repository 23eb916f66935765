/* The process model: Worker::runAll/stopAll and the commands (wm_runall.c), the autoload
 * rule (wm_autoload.c), auto-reload (wm_autoreload.c). */
#ifndef WM_EXT_WM_PROCESS_H
#define WM_EXT_WM_PROCESS_H

#include "ext/wm_ext.h"
#include "ext/wm_globals.h"

void php_wm_runall_rinit(void);
void php_wm_runall_rshutdown(void);
void php_wm_run_all(void);
void php_wm_stop_all(void);
/* Stop this process's loop; the process exits with exit_status (-1: exit() is unwinding). */
void php_wm_request_stop(int exit_status);
/* A connection ended: a graceful stop may end now. */
void php_wm_connection_gone(void);
/* Worker::STATUS_* of this process. */
static inline int php_wm_status(void)
{
	return WM_G(proc.status);
}
/* The script that called runAll (owned by the globals). */
static inline zend_string *php_wm_start_file(void)
{
	return WM_G(proc.start_file);
}
void php_wm_master_reload(bool graceful);

void php_wm_autoload_register(zend_string *root);
void php_wm_autoload_minit(void);
void php_wm_autoload_mshutdown(void);

/* In the master: watch the app's .php files, calling reload_fn on a change. */
void php_wm_autoreload_start(void (*reload_fn)(bool graceful));
void php_wm_autoreload_after_fork(void);
void php_wm_autoreload_stop(void);

#endif
