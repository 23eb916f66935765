/* Worker::run() and Worker's static process-model methods (signalHandler, checkErrors,
 * init, parseCommand, reloadAllWorkers, resetStd, checkIfChildRunning, the start-up table's
 * width), as Workerman 3.5 defines them. The Worker class reaches them through its process
 * ops (installed by the module); the processes themselves are wm_runall.c's. */
#include "ext/wm_bridge.h"
#include "ext/wm_event.h"
#include "ext/wm_globals.h"
#include "ext/wm_process.h"
#include "ext/wm_status.h"
#include "ext/wm_worker_hooks.h"
#include "src/proc/wm_daemon.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

/* 3.5's run() registers Worker::checkErrors as a shutdown function; once per process here
 * (3.5 adds one per call, which only repeats the same line). */
static void register_check_errors(void)
{
	if (WM_G(proc.check_errors_registered)) {
		return;
	}
	WM_G(proc.check_errors_registered) = true;
	zval fn, cb, rv;
	ZVAL_STRING(&fn, "register_shutdown_function");
	array_init_size(&cb, 2);
	add_next_index_str(&cb, zend_string_copy(wm_ce_Workerman_Worker->name));
	add_next_index_string(&cb, "checkErrors");
	call_user_function(NULL, NULL, &fn, &rv, 1, &cb);
	zval_ptr_dtor(&rv);
	zval_ptr_dtor(&cb);
	zval_ptr_dtor(&fn);
}

/* The class's own start-up (WebServer: its roots and onMessage), then onWorkerStart as the
 * property holds it now (an override of run() may have set it, or onMessage, $protocol …
 * before calling parent::run()). false when the process is stopping. */
static bool start_worker(php_wm_worker *w)
{
	php_wm_worker_child_hook hook = php_wm_worker_child_hook_find(w->std.ce);
	if (hook && hook(w) == FAILURE) {
		php_wm_request_stop(250);
		sleep(1);
		return false;
	}
	zval *cb = php_wm_worker_prop(w, WM_WORKER_PROP_ON_WORKER_START);
	if (php_wm_cb_get(&w->cb_start, cb, "onWorkerStart")) {
		zval arg;
		ZVAL_OBJ(&arg, &w->std);
		if (!php_wm_cb_call(&w->cb_start, NULL, 1, &arg)) {
			if (!WM_G(proc.unwinding)) {
				/* As Workerman: avoid a tight restart loop. */
				sleep(1);
			}
			return false;
		}
	}
	return !WM_G(proc.stop_requested);
}

void php_wm_worker_run(php_wm_worker *w)
{
	if (WM_G(proc.in_master)) {
		zend_throw_error(NULL, "Worker::run() serves in a worker process, not in the master");
		return;
	}
	WM_G(proc.status) = WM_WORKER_STATUS_RUNNING;
	register_check_errors();
	php_wm_worker_use_autoload_root(w);
	if (WM_G(proc.in_run)) {
		/* The loop already runs (run() from another Worker's callback): 3.5's start-up of
		 * this Worker, without a second loop. */
		start_worker(w);
		return;
	}
	bool standalone = !WM_G(proc.in_child);
	if (standalone) {
		/* A script without runAll: serve from here until stopAll(). */
		WM_G(proc.standalone) = true;
		WM_G(proc.stop_requested) = false;
		php_wm_event_set_global();
		php_wm_worker_resume_accept(w);
	}
	WM_G(proc.in_run) = true;
	if (start_worker(w)) {
		/* Serving now: a reload in progress may go on to the next process. */
		php_wm_child_serving();
		WM_G(proc.loop_ran) = true;
		wm_loop_run(php_wm_loop());
	}
	WM_G(proc.in_run) = false;
	if (standalone) {
		WM_G(proc.standalone) = false;
		php_wm_worker_pause_accept(w);
	}
}

void php_wm_worker_run_init(void)
{
	php_wm_runall_init();
	if (!WM_G(proc.in_master) && !WM_G(proc.in_child)) {
		WM_G(proc.status) = WM_WORKER_STATUS_STARTING;
	}
}

void php_wm_worker_run_parse_command(void)
{
	if (!php_wm_start_file()) {
		php_wm_runall_init();
	}
	php_wm_parse_command();
}

/* 3.5's signalHandler(): what the signal does in this process (master, worker, or a script
 * outside runAll). */
void php_wm_worker_run_signal(zend_long signo)
{
	wm_master_t *m = WM_G(proc.master);
	switch (signo) {
	case SIGINT:
	case SIGTERM:
		if (WM_G(proc.in_master) && m) {
			WM_G(proc.stop_requested) = true;
			wm_master_stop(m, signo == SIGTERM);
		} else if (signo == SIGTERM && WM_G(proc.in_child)) {
			php_wm_child_stop_all(true); /* ends when the last connection has closed */
		} else {
			php_wm_stop_all();
		}
		return;
	case SIGUSR1:
	case SIGQUIT:
		if (WM_G(proc.in_master)) {
			php_wm_master_reload(signo == SIGQUIT);
		} else {
			php_wm_child_reload(signo == SIGQUIT);
		}
		return;
	case SIGUSR2:
	case SIGIO:
		if (WM_G(proc.in_master) && m) {
			if (signo == SIGUSR2) {
				php_wm_status_master_write(m, WM_G(proc.started));
			} else {
				php_wm_connections_master_write(m);
			}
		} else if (WM_G(proc.current)) {
			if (signo == SIGUSR2) {
				php_wm_status_child_write(WM_G(proc.current));
			} else {
				php_wm_connections_child_write(WM_G(proc.current));
			}
		}
		return;
	default:
		return;
	}
}

static const char *error_type_name(int type)
{
	switch (type) {
	case E_ERROR: return "E_ERROR";
	case E_PARSE: return "E_PARSE";
	case E_CORE_ERROR: return "E_CORE_ERROR";
	case E_COMPILE_ERROR: return "E_COMPILE_ERROR";
	case E_RECOVERABLE_ERROR: return "E_RECOVERABLE_ERROR";
	default: return "";
	}
}

/* 3.5's checkErrors() (its shutdown function): a process ending while not shutting down
 * logs so, with the fatal error that ended it. */
void php_wm_worker_run_check_errors(void)
{
	if (WM_G(proc.status) == WM_WORKER_STATUS_SHUTDOWN) {
		return;
	}
	int type = PG(last_error_type);
	bool fatal = PG(last_error_message) && (type == E_ERROR || type == E_PARSE || type == E_CORE_ERROR
		|| type == E_COMPILE_ERROR || type == E_RECOVERABLE_ERROR);
	if (fatal) {
		php_wm_logf("Worker[%d] process terminated with ERROR: %s \"%s in %s on line %d\"", (int)getpid(),
			error_type_name(type), ZSTR_VAL(PG(last_error_message)),
			PG(last_error_file) ? ZSTR_VAL(PG(last_error_file)) : "", (int)PG(last_error_lineno));
	} else {
		php_wm_logf("Worker[%d] process terminated", (int)getpid());
	}
}

/* In the master: reload every worker process, as SIGUSR1 does. In a worker process the
 * master is asked (the signal to its parent); outside runAll there is nothing to reload. */
void php_wm_worker_run_reload_all(void)
{
	if (WM_G(proc.in_master)) {
		php_wm_master_reload(false);
	} else if (WM_G(proc.in_child)) {
		kill(getppid(), SIGUSR1);
	}
}

/* 3.5's resetStd(): a daemon's stdout and stderr go to Worker::$stdoutFile. */
void php_wm_worker_run_reset_std(void)
{
	if (!zend_is_true(php_wm_static_prop(wm_ce_Workerman_Worker, "daemonize"))) {
		return;
	}
	zend_string *path = zval_get_string(php_wm_static_prop(wm_ce_Workerman_Worker, "stdoutFile"));
	int fd = open(ZSTR_VAL(path), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0) {
		zend_throw_exception_ex(zend_ce_exception, 0, "Can not open stdoutFile %s", ZSTR_VAL(path));
	} else {
		close(fd);
		wm_proc_redirect_std(ZSTR_VAL(path));
	}
	zend_string_release(path);
}

/* 3.5 drops the pids of children that are gone. The master's table follows SIGCHLD; this
 * makes it look now (reap, respawn), from the loop's clean stack. */
void php_wm_worker_run_check_child_running(void)
{
	if (WM_G(proc.in_master) && WM_G(proc.master)) {
		kill(getpid(), SIGCHLD);
	}
}

/* 3.5's getSingleLineTotalLength(): per column of getUiColumns(), the longest value of the
 * Workers runAll started (at least the column's default width) plus UI_SAFE_LENGTH; at
 * least the version line's length once the start-up table was shown (0 before, and 3.5
 * keeps that first value). */
zend_long php_wm_worker_run_ui_line_length(void)
{
	enum { PROTO, USER, WORKER, SOCKET, PROCESSES, STATUS, NCOLS };
	size_t widths[NCOLS] = {4, 12, 12, 12, 9, 1};
	if (WM_G(proc.in_master) || WM_G(proc.in_child)) {
		zval *zw;
		ZEND_HASH_FOREACH_VAL(&WM_G(proc.workers), zw) {
			php_wm_worker *w = php_wm_worker_from_obj(Z_OBJ_P(zw));
			if (w->group == -2) {
				continue; /* created in a worker process: not in the table */
			}
			zend_string *s[NCOLS];
			s[PROTO] = zval_get_string(php_wm_worker_prop(w, WM_WORKER_PROP_TRANSPORT));
			s[USER] = zval_get_string(php_wm_worker_prop(w, WM_WORKER_PROP_USER));
			s[WORKER] = zval_get_string(php_wm_worker_prop(w, WM_WORKER_PROP_NAME));
			s[SOCKET] = w->socket_name ? zend_string_copy(w->socket_name) : zend_string_init("none", 4, 0);
			zend_long count = zval_get_long(php_wm_worker_prop(w, WM_WORKER_PROP_COUNT));
			s[PROCESSES] = zend_long_to_str(count < 1 ? 1 : count);
			s[STATUS] = zend_string_init("<g> [OK] </g>", sizeof("<g> [OK] </g>") - 1, 0);
			for (int k = 0; k < NCOLS; k++) {
				if (ZSTR_LEN(s[k]) > widths[k]) {
					widths[k] = ZSTR_LEN(s[k]);
				}
				zend_string_release(s[k]);
			}
		} ZEND_HASH_FOREACH_END();
	}
	zend_long total = 0;
	for (int k = 0; k < NCOLS; k++) {
		total += (zend_long)widths[k] + 4; /* UI_SAFE_LENGTH */
	}
	if (WM_G(proc.ui_line_len) < 0) {
		WM_G(proc.ui_line_len) = 0;
	}
	return total <= WM_G(proc.ui_line_len) ? WM_G(proc.ui_line_len) : total;
}
