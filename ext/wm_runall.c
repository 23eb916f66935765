/* Worker::runAll / Worker::stopAll: commands, the master process and the worker
 * processes it forks (the supervision itself is src/proc). */
#include "ext/wm_bridge.h"
#include "ext/wm_connection.h"
#include "ext/wm_event.h"
#include "ext/wm_globals.h"
#include "ext/wm_process.h"
#include "ext/wm_status.h"
#include "ext/wm_timer.h"
#include "ext/wm_worker_hooks.h"
#include "php_wm.h"
#include "src/proc/wm_daemon.h"

#include <pwd.h>

#include "main/php_open_temporary_file.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

void php_wm_runall_rinit(void)
{
	WM_G(proc.master) = NULL;
	WM_G(proc.current) = NULL;
	WM_G(proc.start_file) = NULL;
	WM_G(proc.status) = WM_WORKER_STATUS_STARTING;
	WM_G(proc.exit_status) = 0;
	WM_G(proc.in_child) = false;
	WM_G(proc.in_master) = false;
	WM_G(proc.unwinding) = false;
	WM_G(proc.stop_requested) = false;
	WM_G(proc.child_master) = NULL;
	WM_G(proc.in_run) = false;
	WM_G(proc.loop_ran) = false;
	WM_G(proc.standalone) = false;
	WM_G(proc.check_errors_registered) = false;
	WM_G(proc.ui_line_len) = -1;
}

void php_wm_runall_rshutdown(void)
{
	if (WM_G(proc.master)) {
		wm_master_free(WM_G(proc.master));
		WM_G(proc.master) = NULL;
	}
	php_wm_child_forget_master();
	if (WM_G(proc.start_file)) {
		zend_string_release(WM_G(proc.start_file));
		WM_G(proc.start_file) = NULL;
	}
}

void php_wm_request_stop(int exit_status)
{
	if (exit_status >= 0 && WM_G(proc.exit_status) == 0) {
		WM_G(proc.exit_status) = exit_status;
	}
	WM_G(proc.stop_requested) = true;
	if (WM_G(proc.in_master) && WM_G(proc.master)) {
		wm_master_stop(WM_G(proc.master), 0);
		return;
	}
	if (WM_G(loop.loop)) {
		wm_loop_stop(WM_G(loop.loop));
	}
}

/* ---- helpers ---- */

/* basename of the start file, as Workerman's messages show it */
static const char *start_file_name(void)
{
	if (!WM_G(proc.start_file)) {
		return "";
	}
	const char *s = ZSTR_VAL(WM_G(proc.start_file));
	const char *slash = strrchr(s, '/');
	return slash ? slash + 1 : s;
}

/* The script being run: the outermost user frame's file. */
static zend_string *detect_start_file(void)
{
	zend_string *file = NULL;
	for (zend_execute_data *ex = EG(current_execute_data); ex; ex = ex->prev_execute_data) {
		if (ex->func && ZEND_USER_CODE(ex->func->type) && ex->func->op_array.filename) {
			file = ex->func->op_array.filename;
		}
	}
	return file ? zend_string_copy(file) : zend_string_init("workerman", sizeof("workerman") - 1, 0);
}

static HashTable *script_argv(void)
{
	zval *argv = zend_hash_str_find_deref(&EG(symbol_table), "argv", sizeof("argv") - 1);
	return argv && Z_TYPE_P(argv) == IS_ARRAY ? Z_ARRVAL_P(argv) : NULL;
}

static const char *argv_at(HashTable *argv, zend_ulong i)
{
	zval *v = argv ? zend_hash_index_find_deref(argv, i) : NULL;
	return v && Z_TYPE_P(v) == IS_STRING ? Z_STRVAL_P(v) : NULL;
}

static void call_php_function(const char *name, uint32_t argc, zval *argv)
{
	zval fn, rv;
	if (!zend_hash_str_exists(EG(function_table), name, strlen(name))) {
		return;
	}
	ZVAL_STRING(&fn, name);
	call_user_function(NULL, NULL, &fn, &rv, argc, argv);
	zval_ptr_dtor(&rv);
	zval_ptr_dtor(&fn);
	if (EG(exception)) {
		zend_clear_exception();
	}
}

static void set_process_title(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	zend_string *title = vstrpprintf(0, fmt, ap);
	va_end(ap);
	zval arg;
	ZVAL_STR(&arg, title);
	/* cli_set_process_title warns where the platform can't; a title is cosmetic. */
	int old = EG(error_reporting);
	EG(error_reporting) = 0;
	call_php_function("cli_set_process_title", 1, &arg);
	EG(error_reporting) = old;
	zval_ptr_dtor(&arg);
}

static zend_string *worker_name(php_wm_worker *w)
{
	zval *name = php_wm_worker_prop(w, WM_WORKER_PROP_NAME);
	return zval_get_string(name);
}

static void init_paths(void)
{
	zval *pid_file = php_wm_static_prop(wm_ce_Workerman_Worker, "pidFile");
	if (Z_TYPE_P(pid_file) != IS_STRING || Z_STRLEN_P(pid_file) == 0) {
		/* In the temp dir, named after the start file so two apps don't clash. */
		zend_string *prefix = zend_string_dup(WM_G(proc.start_file), 0);
		for (size_t i = 0; i < ZSTR_LEN(prefix); i++) {
			if (ZSTR_VAL(prefix)[i] == '/') {
				ZSTR_VAL(prefix)[i] = '_';
			}
		}
		zval v;
		ZVAL_STR(&v, zend_strpprintf(0, "%s/workerman%s.pid", php_get_temporary_directory(), ZSTR_VAL(prefix)));
		php_wm_set_static_prop(wm_ce_Workerman_Worker, "pidFile", &v);
		zval_ptr_dtor(&v);
		zend_string_release(prefix);
	}
	zval *log_file = php_wm_static_prop(wm_ce_Workerman_Worker, "logFile");
	if (Z_TYPE_P(log_file) != IS_STRING || Z_STRLEN_P(log_file) == 0) {
		char *dir = estrndup(ZSTR_VAL(WM_G(proc.start_file)), ZSTR_LEN(WM_G(proc.start_file)));
		size_t dlen = zend_dirname(dir, ZSTR_LEN(WM_G(proc.start_file)));
		zval v;
		ZVAL_STR(&v, zend_strpprintf(0, "%.*s/workerman.log", (int)dlen, dir));
		php_wm_set_static_prop(wm_ce_Workerman_Worker, "logFile", &v);
		zval_ptr_dtor(&v);
		efree(dir);
	}
}

/* 3.5's init(): the start file, the pid and log file defaults, the log file created. */
void php_wm_runall_init(void)
{
	if (WM_G(proc.start_file)) {
		zend_string_release(WM_G(proc.start_file));
	}
	WM_G(proc.start_file) = detect_start_file();
	init_paths();
	zval *log_file = php_wm_static_prop(wm_ce_Workerman_Worker, "logFile");
	if (Z_TYPE_P(log_file) == IS_STRING && Z_STRLEN_P(log_file) > 0 && access(Z_STRVAL_P(log_file), F_OK) != 0) {
		int fd = open(Z_STRVAL_P(log_file), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
		if (fd >= 0) {
			close(fd);
			chmod(Z_STRVAL_P(log_file), 0622); /* as 3.5's touch() + chmod() */
		}
	}
}

static const char *pid_file_path(void)
{
	zval *pid_file = php_wm_static_prop(wm_ce_Workerman_Worker, "pidFile");
	return Z_TYPE_P(pid_file) == IS_STRING ? Z_STRVAL_P(pid_file) : "";
}

static void exit_with(int status)
{
	EG(exit_status) = status;
	zend_throw_unwind_exit();
}

/* ---- commands ---- */

static const char usage[] =
	"Usage: php yourfile <command> [mode]\nCommands: \nstart\t\tStart worker in DEBUG mode.\n"
	"\t\tUse mode -d to start in DAEMON mode.\nstop\t\tStop worker.\n\t\tUse mode -g to stop gracefully.\n"
	"restart\t\tRestart workers.\n\t\tUse mode -d to start in DAEMON mode.\n\t\tUse mode -g to stop gracefully.\n"
	"reload\t\tReload codes.\n\t\tUse mode -g to reload gracefully.\nstatus\t\tGet worker status.\n"
	"\t\tUse mode -d to show live status.\nconnections\tGet worker connections.\n";

/* Returns true to continue starting, false when the command is done (exit pending). */
bool php_wm_parse_command(void)
{
	HashTable *argv = script_argv();
	const char *self = argv_at(argv, 0);
	const char *cmd = argv_at(argv, 1);
	const char *mode = argv_at(argv, 2);
	if (!self) {
		self = start_file_name();
	}
	if (!mode) {
		mode = "";
	}
	static const char *const commands[] = {"start", "stop", "restart", "reload", "status", "connections"};
	bool known = false;
	for (size_t i = 0; cmd && i < sizeof(commands) / sizeof(commands[0]); i++) {
		known = known || strcmp(cmd, commands[i]) == 0;
	}
	if (!known) {
		if (cmd) {
			php_printf("Unknown command: %s\n", cmd);
		}
		PHPWRITE(usage, sizeof(usage) - 1);
		exit_with(64);
		return false;
	}
	bool start = strcmp(cmd, "start") == 0;
	if (start) {
		bool daemon = strcmp(mode, "-d") == 0 || zend_is_true(php_wm_static_prop(wm_ce_Workerman_Worker, "daemonize"));
		php_wm_logf("Workerman[%s] %s %s", self, cmd, daemon ? "in DAEMON mode" : "in DEBUG mode");
	} else {
		php_wm_logf("Workerman[%s] %s ", self, cmd);
	}

	pid_t master = wm_pidfile_read(pid_file_path());
	bool alive = wm_proc_alive(master);
	if (alive && start) {
		php_wm_logf("Workerman[%s] already running", self);
		exit_with(1);
		return false;
	}
	if (!alive && !start && strcmp(cmd, "restart") != 0) {
		php_wm_logf("Workerman[%s] not run", self);
		exit_with(1);
		return false;
	}
	if (start) {
		if (strcmp(mode, "-d") == 0) {
			zval t;
			ZVAL_TRUE(&t);
			php_wm_set_static_prop(wm_ce_Workerman_Worker, "daemonize", &t);
		}
		return true;
	}
	if (strcmp(cmd, "stop") == 0 || strcmp(cmd, "restart") == 0) {
		bool graceful = strcmp(mode, "-g") == 0;
		php_wm_logf(graceful ? "Workerman[%s] is gracefully stopping ..." : "Workerman[%s] is stopping ...", self);
		if (alive && wm_proc_stop_wait(master, graceful ? SIGTERM : SIGINT,
				graceful ? WM_STOP_WAIT_GRACEFUL_SECONDS : WM_STOP_WAIT_SECONDS) != WM_OK) {
			php_wm_logf("Workerman[%s] stop fail", self);
			exit_with(1);
			return false;
		}
		php_wm_logf("Workerman[%s] stop success", self);
		if (strcmp(cmd, "stop") == 0) {
			exit_with(0);
			return false;
		}
		/* restart: stop, then start again as a daemon (the shell gets its prompt back). */
		zval t;
		ZVAL_TRUE(&t);
		php_wm_set_static_prop(wm_ce_Workerman_Worker, "daemonize", &t);
		return true;
	}
	if (strcmp(cmd, "reload") == 0) {
		kill(master, strcmp(mode, "-g") == 0 ? SIGQUIT : SIGUSR1);
		exit_with(0);
		return false;
	}
	if (strcmp(cmd, "status") == 0) {
		bool live = strcmp(mode, "-d") == 0;
		do {
			if (live) {
				php_printf("\33[H\33[2J\33(B\33[m");
			}
			int rc = php_wm_status_command(master);
			if (!live || rc != 0 || kill(master, 0) != 0) {
				exit_with(rc);
				return false;
			}
			php_printf("\nPress Ctrl+C to quit.\n\n");
			sapi_flush();
		} while (1);
	}
	exit_with(php_wm_connections_command(master));
	return false;
}

/* ---- master ---- */

static php_wm_worker *worker_at(int group)
{
	zval *zw = zend_hash_index_find(&WM_G(proc.workers), (zend_ulong)group);
	return zw ? php_wm_worker_from_obj(Z_OBJ_P(zw)) : NULL;
}

static void master_on_child_exit(void *ud, int group, int index, pid_t pid, int status)
{
	(void)ud;
	(void)index;
	php_wm_worker *w = worker_at(group);
	if (status != 0 && w) {
		zend_string *name = worker_name(w);
		php_wm_logf("worker[%s:%d] exit with status %d", ZSTR_VAL(name), (int)pid, status);
		zend_string_release(name);
	}
}

static void master_on_stop(void *ud, int graceful)
{
	(void)ud;
	WM_G(proc.status) = WM_WORKER_STATUS_SHUTDOWN;
	php_wm_logf(graceful ? "Workerman[%s] gracefully stopping ..." : "Workerman[%s] stopping ...",
		start_file_name());
}

static void master_on_fork_error(void *ud, int group, int index, int err)
{
	(void)ud;
	(void)group;
	(void)index;
	php_wm_logf("fork worker process failed: %s", strerror(err));
}

static void master_on_backoff(void *ud, int group, int index, int fails, double delay)
{
	(void)ud;
	php_wm_worker *w = worker_at(group);
	zend_string *name = w ? worker_name(w) : zend_string_init("none", 4, 0);
	php_wm_logf("worker[%s] process %d exited %d times right after start; restarting it in %.1f s",
		ZSTR_VAL(name), index, fails, delay);
	zend_string_release(name);
}

static void master_on_reload_done(void *ud)
{
	(void)ud;
	if (WM_G(proc.status) == WM_WORKER_STATUS_RELOADING) {
		WM_G(proc.status) = WM_WORKER_STATUS_RUNNING;
	}
}

static const wm_master_ops_t master_ops = {
	master_on_child_exit, master_on_stop, master_on_fork_error, master_on_backoff, master_on_reload_done,
};

static void call_static_callback(const char *name)
{
	zval *cb = php_wm_static_prop(wm_ce_Workerman_Worker, name);
	if (Z_TYPE_P(cb) == IS_NULL) {
		return;
	}
	php_wm_callable c;
	char *error = NULL;
	if (php_wm_callable_init(&c, cb, &error)) {
		php_wm_call_callable(&c, NULL, 0, NULL);
		php_wm_callable_dtor(&c);
	} else {
		php_wm_logf("Worker::$%s is not callable: %s", name, error ? error : "");
	}
	if (error) {
		efree(error);
	}
}

/* Reload: reloadable Workers' processes are replaced one at a time; the others get the
 * signal too (they run onWorkerReload and stay). */
void php_wm_master_reload(bool graceful)
{
	wm_master_t *m = WM_G(proc.master);
	if (!m || wm_master_stopping(m) || wm_master_reloading(m)) {
		return;
	}
	php_wm_logf(graceful ? "Workerman[%s] gracefully reloading" : "Workerman[%s] reloading", start_file_name());
	WM_G(proc.status) = WM_WORKER_STATUS_RELOADING;
	call_static_callback("onMasterReload");
	int ngroups = wm_master_groups(m);
	int *reloadable = ecalloc((size_t)(ngroups ? ngroups : 1), sizeof(int));
	for (int g = 0; g < ngroups; g++) {
		php_wm_worker *wk = worker_at(g);
		reloadable[g] = wk && zend_is_true(php_wm_worker_prop(wk, WM_WORKER_PROP_RELOADABLE));
	}
	wm_master_reload(m, reloadable, graceful ? SIGQUIT : SIGUSR1, graceful);
	efree(reloadable);
}

/* SIGUSR1: reload; SIGQUIT: graceful reload. */
static void master_on_reload_signal(wm_watch_t *w, int what)
{
	(void)what;
	php_wm_master_reload(w->fd == SIGQUIT);
}

static void master_on_status_signal(wm_watch_t *w, int what)
{
	(void)what;
	wm_master_t *m = WM_G(proc.master);
	if (!m) {
		return;
	}
	if (w->fd == SIGUSR2) {
		php_wm_status_master_write(m, WM_G(proc.started));
	} else {
		php_wm_connections_master_write(m);
	}
}

static void display_ui(void)
{
	smart_str out = {0};
	char sep[81];
	memset(sep, '-', 80);
	sep[80] = '\0';
	if (WM_G(proc.ui_line_len) < 0) {
		/* 3.5's LINE_VERSIOIN_LENGTH: its version line, as getSingleLineTotalLength() uses it. */
		WM_G(proc.ui_line_len) = (int)(strlen("Workerman version:3.5.35") + 22 + strlen(PHP_VERSION) + 22
			+ strlen("\\Workerman\\Events\\Native") + 1);
	}
	smart_str_append_printf(&out, "%.31s WORKERMAN (native) %.30s\n", sep, sep);
	smart_str_append_printf(&out, "Workerman version:%s (extension %s)     PHP version:%s\n", "3.5.35",
		PHP_WORKERMAN_VERSION, PHP_VERSION);
	smart_str_append_printf(&out, "%.36s WORKERS %.36s\n", sep, sep);
	smart_str_append_printf(&out, "%-10s %-16s %-36s %-10s %s\n", "proto", "worker", "listen", "processes", "status");
	zval *zw;
	ZEND_HASH_FOREACH_VAL(&WM_G(proc.workers), zw) {
		php_wm_worker *w = php_wm_worker_from_obj(Z_OBJ_P(zw));
		zend_string *name = worker_name(w);
		zend_string *t = zval_get_string(php_wm_worker_prop(w, WM_WORKER_PROP_TRANSPORT));
		smart_str_append_printf(&out, "%-10s %-16s %-36s %-10ld %s\n", ZSTR_VAL(t), ZSTR_VAL(name),
			w->socket_name ? ZSTR_VAL(w->socket_name) : "none",
			(long)zval_get_long(php_wm_worker_prop(w, WM_WORKER_PROP_COUNT)), "[OK]");
		zend_string_release(t);
		zend_string_release(name);
	} ZEND_HASH_FOREACH_END();
	smart_str_append_printf(&out, "%s\n", sep);
	if (!zend_is_true(php_wm_static_prop(wm_ce_Workerman_Worker, "daemonize"))) {
		smart_str_appends(&out, "Press Ctrl+C to stop. Start success.\n");
	} else {
		smart_str_append_printf(&out, "Input \"php %s stop\" to stop. Start success.\n", start_file_name());
	}
	smart_str_0(&out);
	/* Not php_wm_echo: the banner is shown in daemon mode too (before stdio goes away). */
	php_wm_write_stdout(ZSTR_VAL(out.s), ZSTR_LEN(out.s));
	smart_str_free(&out);
}

/* ---- worker process ---- */

/* Workerman's stopAll() in a worker process: stop every Worker of this process; a
 * graceful stop keeps the connections and exits when the last one has closed. */
void php_wm_child_stop_all(bool graceful)
{
	WM_G(proc.status) = WM_WORKER_STATUS_SHUTDOWN;
	WM_G(proc.graceful) = graceful;
	zval *zw;
	ZEND_HASH_FOREACH_VAL(&WM_G(proc.workers), zw) {
		php_wm_worker *w = php_wm_worker_from_obj(Z_OBJ_P(zw));
		php_wm_worker_stop(w, graceful);
	} ZEND_HASH_FOREACH_END();
	if (!graceful || WM_G(conn.stats)[WM_STAT_CONNECTION_COUNT] <= 0) {
		php_wm_request_stop(0);
	}
}

void php_wm_connection_gone(void)
{
	if (WM_G(proc.graceful) && WM_G(proc.status) == WM_WORKER_STATUS_SHUTDOWN
			&& WM_G(conn.stats)[WM_STAT_CONNECTION_COUNT] <= 0) {
		php_wm_request_stop(0);
	}
}

static void child_on_stop_signal(wm_watch_t *w, int what)
{
	(void)what;
	php_wm_child_stop_all(w->fd == SIGTERM);
}

/* The reload signal in a worker process (3.5's reload() there): onWorkerReload, then stop
 * when reloadable. Outside runAll the first Worker stands for the process, as in 3.5. */
void php_wm_child_reload(bool graceful)
{
	php_wm_worker *w = WM_G(proc.current);
	if (!w && !WM_G(proc.in_master)) {
		zval *first = zend_hash_index_find(&WM_G(proc.workers), 0);
		w = first ? php_wm_worker_from_obj(Z_OBJ_P(first)) : NULL;
	}
	if (!w || WM_G(proc.status) == WM_WORKER_STATUS_SHUTDOWN) {
		return;
	}
	GC_ADDREF(&w->std);
	zval *cb = php_wm_worker_prop(w, WM_WORKER_PROP_ON_WORKER_RELOAD);
	bool ok = true;
	if (php_wm_cb_get(&w->cb_reload, cb, "onWorkerReload")) {
		zval arg;
		ZVAL_OBJ(&arg, &w->std);
		ok = php_wm_cb_call(&w->cb_reload, NULL, 1, &arg);
	}
	/* reloadable is read after onWorkerReload returns (GatewayWorker relies on it). */
	if (ok && zend_is_true(php_wm_worker_prop(w, WM_WORKER_PROP_RELOADABLE))) {
		php_wm_child_stop_all(graceful);
	}
	OBJ_RELEASE(&w->std);
}

static void child_on_reload_signal(wm_watch_t *watch, int what)
{
	(void)what;
	php_wm_child_reload(watch->fd == SIGQUIT);
}

static void child_on_status_signal(wm_watch_t *watch, int what)
{
	(void)what;
	php_wm_worker *w = WM_G(proc.current);
	if (!w) {
		return;
	}
	if (watch->fd == SIGUSR2) {
		php_wm_status_child_write(w);
	} else {
		php_wm_connections_child_write(w);
	}
}

static void install_child_signals(wm_loop_t *loop)
{
	wm_watch_signal(loop, SIGINT, child_on_stop_signal, NULL);
	wm_watch_signal(loop, SIGTERM, child_on_stop_signal, NULL);
	wm_watch_signal(loop, SIGUSR1, child_on_reload_signal, NULL);
	wm_watch_signal(loop, SIGQUIT, child_on_reload_signal, NULL);
	wm_watch_signal(loop, SIGUSR2, child_on_status_signal, NULL);
	wm_watch_signal(loop, SIGIO, child_on_status_signal, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
}

/* The ready notice to the master, once (reload moves on to the next process). */
void php_wm_child_serving(void)
{
	wm_master_t *m = WM_G(proc.child_master);
	if (m) {
		WM_G(proc.child_master) = NULL;
		wm_master_child_ready(m);
		wm_master_free(m);
	}
}

void php_wm_child_forget_master(void)
{
	if (WM_G(proc.child_master)) {
		wm_master_free(WM_G(proc.child_master));
		WM_G(proc.child_master) = NULL;
	}
}

/* The forked worker process: its set-up here, then $worker->run() through PHP's method
 * dispatch (a subclass's override runs; the native run() in wm_worker_run.c does the rest
 * of 3.5's run(): the class's hook, onWorkerStart, the ready notice, the loop). */
static void child_run(php_wm_worker *w, int index)
{
	wm_loop_t *loop = php_wm_loop();
	WM_G(proc.in_master) = false;
	WM_G(proc.in_child) = true;
	WM_G(proc.status) = WM_WORKER_STATUS_RUNNING;
	WM_G(proc.current) = w;
	wm_master_t *m = WM_G(proc.master);
	WM_G(proc.master) = NULL;
	if (m) {
		wm_master_forget_in_child(m);
	}
	WM_G(proc.child_master) = m;
	/* Drop the master's signal watchers and timers (Workerman: Timer::delAll()). */
	wm_loop_reset_after_fork(loop);
	php_wm_autoreload_after_fork();
	php_wm_timer_del_all();
	call_php_function("srand", 0, NULL);
	call_php_function("mt_srand", 0, NULL);

	zval *zo;
	ZEND_HASH_FOREACH_VAL(&WM_G(proc.workers), zo) {
		php_wm_worker *other = php_wm_worker_from_obj(Z_OBJ_P(zo));
		if (other != w) {
			php_wm_worker_unlisten(other);
		}
	} ZEND_HASH_FOREACH_END();

	zend_string *name = worker_name(w);
	zval *title = php_wm_static_prop(wm_ce_Workerman_Worker, "processTitle");
	zend_string *t = zval_get_string(title);
	set_process_title("%s: worker process  %s %s", ZSTR_VAL(t), ZSTR_VAL(name),
		w->socket_name ? ZSTR_VAL(w->socket_name) : "none");
	zend_string_release(t);
	zend_string_release(name);

	zval *id = php_wm_worker_prop(w, WM_WORKER_PROP_ID);
	zval_ptr_dtor(id);
	ZVAL_LONG(id, index);

	php_wm_event_set_global();
	install_child_signals(loop);
	wm_proc_signals_unblock();

	php_wm_worker_use_autoload_root(w);
	if (php_wm_worker_listen(w) == FAILURE) {
		php_wm_child_forget_master();
		php_wm_handle_exception();
		sleep(1);
		return;
	}
	php_wm_worker_set_user_and_group(w);

	zend_function *run = zend_hash_str_find_ptr(&w->std.ce->function_table, "run", sizeof("run") - 1);
	zval rv;
	ZVAL_UNDEF(&rv);
	GC_ADDREF(&w->std);
	zend_call_known_instance_method_with_0_params(run, &w->std, &rv);
	OBJ_RELEASE(&w->std);
	zval_ptr_dtor(&rv);
	php_wm_child_forget_master();
	if (EG(exception)) {
		return; /* exit() unwinding, or what the override threw: runAll's caller handles it */
	}
	if (!WM_G(proc.loop_ran) && !WM_G(proc.stop_requested)) {
		/* An override of run() that never called parent::run(): 3.5 logs this, exits 250. */
		php_wm_logf("event-loop exited");
		php_wm_request_stop(250);
	}
}

void php_wm_run_all(void)
{
	if (WM_G(proc.in_child) || WM_G(proc.in_master)) {
		zend_throw_error(NULL, "Worker::runAll() is already running");
		return;
	}
	if (strcmp(sapi_module.name, "cli") != 0) {
		php_printf("only run in command line mode \n");
		exit_with(1);
		return;
	}
	/* Output may go to a pipe whose reader is gone (`start -d | head -1`): never die of it. */
	signal(SIGPIPE, SIG_IGN);
	php_wm_runall_init();
	if (!php_wm_parse_command()) {
		return;
	}
	bool daemon = zend_is_true(php_wm_static_prop(wm_ce_Workerman_Worker, "daemonize"));
	if (daemon && wm_proc_daemonize() < 0) {
		php_wm_logf("Workerman[%s] cannot daemonize: %s", start_file_name(), strerror(errno));
		exit_with(1);
		return;
	}

	/* Listen in the master unless each process binds its own (reusePort). */
	int ngroups = (int)zend_hash_num_elements(&WM_G(proc.workers));
	int *counts = ecalloc((size_t)(ngroups ? ngroups : 1), sizeof(int));
	zval *zw;
	int g = 0;
	ZEND_HASH_FOREACH_VAL(&WM_G(proc.workers), zw) {
		php_wm_worker *w = php_wm_worker_from_obj(Z_OBJ_P(zw));
		w->group = g;
		zend_long count = zval_get_long(php_wm_worker_prop(w, WM_WORKER_PROP_COUNT));
		counts[g++] = count > 0 ? (int)count : 1;
		zval *name = php_wm_worker_prop(w, WM_WORKER_PROP_NAME);
		if (Z_TYPE_P(name) != IS_STRING || Z_STRLEN_P(name) == 0) {
			zval_ptr_dtor(name);
			ZVAL_STRING(name, "none");
		}
		zval *user = php_wm_worker_prop(w, WM_WORKER_PROP_USER);
		struct passwd *pw = getpwuid(getuid());
		if (Z_TYPE_P(user) != IS_STRING || Z_STRLEN_P(user) == 0) {
			zval_ptr_dtor(user);
			ZVAL_STRING(user, pw ? pw->pw_name : "");
		} else if (getuid() != 0 && (!pw || strcmp(Z_STRVAL_P(user), pw->pw_name) != 0)) {
			php_wm_logf("Warning: You must have the root privileges to change uid and gid.");
		}
		zend_result rc = zend_is_true(php_wm_worker_prop(w, WM_WORKER_PROP_REUSE_PORT)) && w->transport != WM_TRANSPORT_UNIX
			? php_wm_worker_check_bind(w) : php_wm_worker_listen(w);
		if (rc == FAILURE) {
			efree(counts);
			return;
		}
	} ZEND_HASH_FOREACH_END();

	WM_G(proc.in_master) = true;
	display_ui();
	if (wm_pidfile_write(pid_file_path(), getpid()) != WM_OK) {
		php_wm_logf("can not save pid to %s: %s", pid_file_path(), strerror(errno));
	}
	zend_string *t = zval_get_string(php_wm_static_prop(wm_ce_Workerman_Worker, "processTitle"));
	set_process_title("%s: master process  start_file=%s", ZSTR_VAL(t), ZSTR_VAL(WM_G(proc.start_file)));
	zend_string_release(t);
	signal(SIGPIPE, SIG_IGN);
	WM_G(proc.started) = time(NULL);
	if (daemon) {
		zval *out = php_wm_static_prop(wm_ce_Workerman_Worker, "stdoutFile");
		zend_string *path = zval_get_string(out);
		wm_proc_redirect_std(ZSTR_VAL(path));
		zend_string_release(path);
	}

	wm_loop_t *loop = php_wm_loop();
	wm_master_t *m = wm_master_new(loop, ngroups, counts, &master_ops, NULL);
	efree(counts);
	WM_G(proc.master) = m;
	wm_watch_t *extra[4];
	extra[0] = wm_watch_signal(loop, SIGUSR1, master_on_reload_signal, NULL);
	extra[1] = wm_watch_signal(loop, SIGQUIT, master_on_reload_signal, NULL);
	extra[2] = wm_watch_signal(loop, SIGUSR2, master_on_status_signal, NULL);
	extra[3] = wm_watch_signal(loop, SIGIO, master_on_status_signal, NULL);
	signal(SIGHUP, SIG_IGN);
	WM_G(proc.status) = WM_WORKER_STATUS_RUNNING;
	php_wm_autoreload_start(php_wm_master_reload);

	int rc = wm_master_run(m);
	if (rc == 1) {
		php_wm_worker *w = worker_at(wm_master_child_group(m));
		int index = wm_master_child_index(m);
		child_run(w, index);
		php_wm_conn_abandon_all(w);
		if (WM_G(proc.unwinding)) {
			return; /* exit() in a callback: its unwind is pending */
		}
		if (EG(exception)) {
			php_wm_handle_exception();
			if (WM_G(proc.unwinding)) {
				return; /* exit() in an override of run() */
			}
		}
		exit_with(WM_G(proc.exit_status));
		return;
	}
	for (int k = 0; k < 4; k++) {
		wm_watch_free(extra[k]);
	}
	php_wm_autoreload_stop();
	/* Master: everything stopped. */
	unlink(pid_file_path());
	php_wm_logf("Workerman[%s] has been stopped", start_file_name());
	call_static_callback("onMasterStop");
	static const char *const reports[] = {"status", "connections"};
	for (int k = 0; k < 2; k++) {
		zend_string *report = php_wm_status_path(reports[k]);
		unlink(ZSTR_VAL(report));
		zend_string_release(report);
	}
	if (WM_G(proc.unwinding)) {
		return;
	}
	if (EG(exception)) {
		zend_clear_exception();
	}
	exit_with(WM_G(proc.exit_status));
}

void php_wm_stop_all(void)
{
	if (WM_G(proc.in_master)) {
		php_wm_request_stop(0);
		return;
	}
	if (WM_G(proc.in_child)) {
		/* As Workerman: this process stops and exits at once (exit(0)); the master
		 * forks a replacement. */
		php_wm_child_stop_all(false);
		if (!EG(exception)) {
			exit_with(0);
		}
		return;
	}
	/* Outside runAll: stop whatever loop is running. */
	WM_G(proc.status) = WM_WORKER_STATUS_SHUTDOWN;
	php_wm_request_stop(0);
}
