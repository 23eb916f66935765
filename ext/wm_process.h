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

/* For Worker's process-model methods (wm_worker_run.c). */
void php_wm_runall_init(void);          /* 3.5's init(): start file, pid/log defaults */
bool php_wm_parse_command(void);        /* false: the command is done, exit pending */
void php_wm_child_stop_all(bool graceful);
void php_wm_child_reload(bool graceful);
void php_wm_child_serving(void);        /* the ready notice to the master, once */
void php_wm_child_forget_master(void);
/* Worker::run(), Worker's static process methods: installed as the Worker's process ops. */
void php_wm_worker_run(struct php_wm_worker *w);
void php_wm_worker_run_init(void);
void php_wm_worker_run_parse_command(void);
void php_wm_worker_run_signal(zend_long signo);
void php_wm_worker_run_check_errors(void);
void php_wm_worker_run_reload_all(void);
void php_wm_worker_run_reset_std(void);
void php_wm_worker_run_check_child_running(void);
zend_long php_wm_worker_run_ui_line_length(void);

void php_wm_autoload_register(zend_string *root);
void php_wm_autoload_minit(void);
void php_wm_autoload_mshutdown(void);

/* In the master: watch the app's .php files, calling reload_fn on a change. */
void php_wm_autoreload_start(void (*reload_fn)(bool graceful));
void php_wm_autoreload_after_fork(void);
void php_wm_autoreload_stop(void);

#endif
