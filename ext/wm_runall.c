/* Worker::runAll / Worker::stopAll: commands, the master process and the worker
 * processes it forks (the supervision itself is src/proc). */
#include "ext/wm_ext.h"
#include "ext/wm_globals.h"
#include "php_wm.h"

#include "main/php_open_temporary_file.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

void php_wm_runall_rinit(void)
{
	WM_G(proc.master) = NULL;
	WM_G(proc.current) = NULL;
	WM_G(proc.start_file) = NULL;
	WM_G(proc.status) = WM_STATUS_STARTING;
	WM_G(proc.exit_status) = 0;
	WM_G(proc.master_pid) = 0;
	WM_G(proc.in_child) = false;
	WM_G(proc.in_master) = false;
	WM_G(proc.unwinding) = false;
	WM_G(proc.stop_requested) = false;
}

void php_wm_runall_rshutdown(void)
{
	if (WM_G(proc.master)) {
		wm_master_free(WM_G(proc.master));
		WM_G(proc.master) = NULL;
	}
	if (WM_G(proc.start_file)) {
		zend_string_release(WM_G(proc.start_file));
		WM_G(proc.start_file) = NULL;
	}
}

bool php_wm_is_master(void)
{
	return WM_G(proc.in_master);
}

int php_wm_status(void)
{
	return WM_G(proc.status);
}

zend_string *php_wm_start_file(void)
{
	return WM_G(proc.start_file);
}

void php_wm_request_stop(int exit_status)
{
	if (exit_status >= 0 && WM_G(proc.exit_status) == 0) {
		WM_G(proc.exit_status) = exit_status;
	}
	WM_G(proc.stop_requested) = true;
	if (WM_G(proc.in_master) && WM_G(proc.master)) {
		wm_master_stop(WM_G(proc.master));
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
static bool parse_command(void)
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
	bool alive = master > 0 && kill(master, 0) == 0 && master != getpid();
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
		php_wm_logf("Workerman[%s] is stopping ...", self);
		if (alive) {
			kill(master, SIGINT);
		}
		time_t begin = time(NULL);
		while (alive && kill(master, 0) == 0) {
			if (time(NULL) - begin >= 5) {
				php_wm_logf("Workerman[%s] stop fail", self);
				exit_with(1);
				return false;
			}
			usleep(10000);
		}
		php_wm_logf("Workerman[%s] stop success", self);
		if (strcmp(cmd, "stop") == 0) {
			exit_with(0);
			return false;
		}
		if (strcmp(mode, "-d") == 0) {
			zval t;
			ZVAL_TRUE(&t);
			php_wm_set_static_prop(wm_ce_Workerman_Worker, "daemonize", &t);
		}
		return true;
	}
	if (strcmp(cmd, "reload") == 0) {
		kill(master, strcmp(mode, "-g") == 0 ? SIGQUIT : SIGUSR1);
		exit_with(0);
		return false;
	}
	/* status and connections come with the process-manager stage. */
	php_wm_logf("Workerman[%s] %s: not supported by this build yet", self, cmd);
	exit_with(1);
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

static void master_on_stop(void *ud)
{
	(void)ud;
	WM_G(proc.status) = WM_STATUS_SHUTDOWN;
	php_wm_logf("Workerman[%s] stopping ...", start_file_name());
}

static void master_on_fork_error(void *ud, int group, int index, int err)
{
	(void)ud;
	(void)group;
	(void)index;
	php_wm_logf("fork worker process failed: %s", strerror(err));
}

static const wm_master_ops_t master_ops = {
	master_on_child_exit, master_on_stop, master_on_fork_error,
};

static void master_on_reload_signal(wm_watch_t *w, int what)
{
	(void)what;
	wm_master_t *m = WM_G(proc.master);
	if (!m || m->stopping) {
		return;
	}
	zval *cb = php_wm_static_prop(wm_ce_Workerman_Worker, "onMasterReload");
	if (Z_TYPE_P(cb) != IS_NULL) {
		php_wm_callable c;
		char *error = NULL;
		if (php_wm_callable_init(&c, cb, &error)) {
			php_wm_call_callable(&c, NULL, 0, NULL);
			php_wm_callable_dtor(&c);
		}
		if (error) {
			efree(error);
		}
	}
	/* Each child runs onWorkerReload and, when reloadable, exits to be replaced. */
	for (int g = 0; g < m->ngroups; g++) {
		for (int i = 0; i < m->counts[g]; i++) {
			if (m->pids[g][i] > 0) {
				kill(m->pids[g][i], w->fd);
			}
		}
	}
}

static void master_on_ignored_signal(wm_watch_t *w, int what)
{
	(void)w;
	(void)what;
}

static void display_ui(void)
{
	zend_string *sep = zend_string_alloc(80, 0);
	memset(ZSTR_VAL(sep), '-', 80);
	ZSTR_VAL(sep)[80] = '\0';
	php_printf("%.31s WORKERMAN (native) %.30s\n", ZSTR_VAL(sep), ZSTR_VAL(sep));
	php_printf("Workerman version:%s (extension %s)     PHP version:%s\n", "3.5.35", PHP_WORKERMAN_VERSION, PHP_VERSION);
	php_printf("%.36s WORKERS %.36s\n", ZSTR_VAL(sep), ZSTR_VAL(sep));
	php_printf("%-10s %-16s %-36s %-10s %s\n", "proto", "worker", "listen", "processes", "status");
	zval *zw;
	ZEND_HASH_FOREACH_VAL(&WM_G(proc.workers), zw) {
		php_wm_worker *w = php_wm_worker_from_obj(Z_OBJ_P(zw));
		zend_string *name = worker_name(w);
		zval *transport = php_wm_worker_prop(w, WM_WORKER_PROP_TRANSPORT);
		zend_string *t = zval_get_string(transport);
		php_printf("%-10s %-16s %-36s %-10ld %s\n", ZSTR_VAL(t), ZSTR_VAL(name),
			w->socket_name ? ZSTR_VAL(w->socket_name) : "none",
			(long)zval_get_long(php_wm_worker_prop(w, WM_WORKER_PROP_COUNT)), "[OK]");
		zend_string_release(t);
		zend_string_release(name);
	} ZEND_HASH_FOREACH_END();
	php_printf("%s\n", ZSTR_VAL(sep));
	if (!zend_is_true(php_wm_static_prop(wm_ce_Workerman_Worker, "daemonize"))) {
		php_printf("Press Ctrl+C to stop. Start success.\n");
	} else {
		php_printf("Input \"php %s stop\" to stop. Start success.\n", start_file_name());
	}
	sapi_flush();
	zend_string_release(sep);
}

/* ---- worker process ---- */

static void child_stop_all(void)
{
	WM_G(proc.status) = WM_STATUS_SHUTDOWN;
	zval *zw;
	ZEND_HASH_FOREACH_VAL(&WM_G(proc.workers), zw) {
		php_wm_worker *w = php_wm_worker_from_obj(Z_OBJ_P(zw));
		php_wm_worker_stop(w);
	} ZEND_HASH_FOREACH_END();
	php_wm_request_stop(0);
}

static void child_on_stop_signal(wm_watch_t *w, int what)
{
	(void)w;
	(void)what;
	child_stop_all();
}

static void child_on_reload_signal(wm_watch_t *watch, int what)
{
	(void)watch;
	(void)what;
	php_wm_worker *w = WM_G(proc.current);
	if (!w) {
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
		child_stop_all();
	}
	OBJ_RELEASE(&w->std);
}

static void install_child_signals(wm_loop_t *loop)
{
	wm_watch_signal(loop, SIGINT, child_on_stop_signal, NULL);
	wm_watch_signal(loop, SIGTERM, child_on_stop_signal, NULL);
	wm_watch_signal(loop, SIGUSR1, child_on_reload_signal, NULL);
	wm_watch_signal(loop, SIGQUIT, child_on_reload_signal, NULL);
	wm_watch_signal(loop, SIGUSR2, master_on_ignored_signal, NULL);
	wm_watch_signal(loop, SIGIO, master_on_ignored_signal, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
}

static void child_run(php_wm_worker *w, int index)
{
	wm_loop_t *loop = php_wm_loop();
	WM_G(proc.in_master) = false;
	WM_G(proc.in_child) = true;
	WM_G(proc.status) = WM_STATUS_RUNNING;
	WM_G(proc.current) = w;
	if (WM_G(proc.master)) {
		wm_master_free(WM_G(proc.master));
		WM_G(proc.master) = NULL;
	}
	/* Drop the master's signal watchers and timers (Workerman: Timer::delAll()). */
	wm_loop_reset_after_fork(loop);
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

	if (w->root_path) {
		php_wm_autoload_register(w->root_path);
	}
	if (php_wm_worker_listen(w) == FAILURE) {
		php_wm_handle_exception();
		sleep(1);
		return;
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
			return;
		}
	}
	if (!WM_G(proc.stop_requested)) {
		wm_loop_run(loop);
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
	WM_G(proc.start_file) = detect_start_file();
	init_paths();
	if (!parse_command()) {
		return;
	}
	if (zend_is_true(php_wm_static_prop(wm_ce_Workerman_Worker, "daemonize"))) {
		/* Daemon mode comes with the process-manager stage: run in the foreground. */
		php_wm_logf("Workerman[%s] daemon mode is not supported by this build yet; running in the foreground",
			start_file_name());
		zval f;
		ZVAL_FALSE(&f);
		php_wm_set_static_prop(wm_ce_Workerman_Worker, "daemonize", &f);
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
		zend_result rc = zend_is_true(php_wm_worker_prop(w, WM_WORKER_PROP_REUSE_PORT)) && w->transport != WM_TRANSPORT_UNIX
			? php_wm_worker_check_bind(w) : php_wm_worker_listen(w);
		if (rc == FAILURE) {
			efree(counts);
			return;
		}
	} ZEND_HASH_FOREACH_END();

	WM_G(proc.in_master) = true;
	WM_G(proc.master_pid) = getpid();
	display_ui();
	if (wm_pidfile_write(pid_file_path(), getpid()) != WM_OK) {
		php_wm_logf("can not save pid to %s: %s", pid_file_path(), strerror(errno));
	}
	zend_string *t = zval_get_string(php_wm_static_prop(wm_ce_Workerman_Worker, "processTitle"));
	set_process_title("%s: master process  start_file=%s", ZSTR_VAL(t), ZSTR_VAL(WM_G(proc.start_file)));
	zend_string_release(t);
	signal(SIGPIPE, SIG_IGN);

	wm_loop_t *loop = php_wm_loop();
	wm_master_t *m = wm_master_new(loop, ngroups, counts, &master_ops, NULL);
	efree(counts);
	WM_G(proc.master) = m;
	wm_watch_t *extra[4];
	extra[0] = wm_watch_signal(loop, SIGUSR1, master_on_reload_signal, NULL);
	extra[1] = wm_watch_signal(loop, SIGQUIT, master_on_reload_signal, NULL);
	extra[2] = wm_watch_signal(loop, SIGUSR2, master_on_ignored_signal, NULL);
	extra[3] = wm_watch_signal(loop, SIGIO, master_on_ignored_signal, NULL);
	WM_G(proc.status) = WM_STATUS_RUNNING;

	int rc = wm_master_run(m);
	if (rc == 1) {
		php_wm_worker *w = worker_at(m->child_group);
		int index = m->child_index;
		child_run(w, index);
		if (WM_G(proc.unwinding)) {
			return; /* exit() in a callback: its unwind is pending */
		}
		if (EG(exception)) {
			php_wm_handle_exception();
		}
		exit_with(WM_G(proc.exit_status));
		return;
	}
	for (int k = 0; k < 4; k++) {
		wm_watch_free(extra[k]);
	}
	/* Master: everything stopped. */
	unlink(pid_file_path());
	php_wm_logf("Workerman[%s] has been stopped", start_file_name());
	zval *cb = php_wm_static_prop(wm_ce_Workerman_Worker, "onMasterStop");
	if (Z_TYPE_P(cb) != IS_NULL) {
		php_wm_callable c;
		char *error = NULL;
		if (php_wm_callable_init(&c, cb, &error)) {
			php_wm_call_callable(&c, NULL, 0, NULL);
			php_wm_callable_dtor(&c);
		}
		if (error) {
			efree(error);
		}
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
		child_stop_all();
		if (!EG(exception)) {
			exit_with(0);
		}
		return;
	}
	/* Outside runAll: stop whatever loop is running. */
	WM_G(proc.status) = WM_STATUS_SHUTDOWN;
	php_wm_request_stop(0);
}
