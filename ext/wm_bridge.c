/* Calls from the loop into PHP, the exception policy, and the log path. What the policy
 * needs from other areas (Http::end's exception, the statistics counter, stopping the
 * process) comes through hooks the module installs, so the bridge calls no area's code. */
#include "ext/wm_bridge.h"
#include "ext/wm_globals.h"

#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

static php_wm_bridge_hooks hooks;

void php_wm_bridge_set_hooks(const php_wm_bridge_hooks *h)
{
	hooks = *h;
}

bool php_wm_call(zend_fcall_info_cache *fcc, zval *retval, uint32_t argc, zval *argv)
{
	zval rv;
	zend_call_known_function(fcc->function_handler, fcc->object, fcc->called_scope,
		retval ? retval : &rv, argc, argv, NULL);
	if (!retval) {
		zval_ptr_dtor(&rv);
	}
	if (UNEXPECTED(EG(exception))) {
		if (hooks.ends_callback_only && hooks.ends_callback_only(EG(exception))) {
			/* Http::end(): the callback stops there, the process goes on. */
			zend_clear_exception();
			return true;
		}
		php_wm_handle_exception();
		return false;
	}
	return true;
}

/* As Workerman: an exception escaping a callback is logged and the process exits with
 * status 250 (the master forks a replacement). exit() inside a callback ends the process
 * with its status. Either way the loop stops dispatching at once. */
bool php_wm_handle_exception(void)
{
	zend_object *ex = EG(exception);
	if (!ex) {
		return false;
	}
	if (zend_is_unwind_exit(ex)) {
		/* Leave it pending: it unwinds the script once the loop has returned. */
		WM_G(proc.unwinding) = true;
		if (hooks.request_stop) {
			hooks.request_stop(-1);
		}
		return true;
	}
	GC_ADDREF(ex);
	zend_clear_exception();
	if (hooks.count_exception) {
		hooks.count_exception();
	}
	zval zv;
	ZVAL_OBJ(&zv, ex);
	zend_string *s = zval_try_get_string(&zv);
	if (EG(exception)) {
		zend_clear_exception();
	}
	if (s) {
		php_wm_log_str(ZSTR_VAL(s), ZSTR_LEN(s));
		zend_string_release(s);
	} else {
		php_wm_log_str(ZSTR_VAL(ex->ce->name), ZSTR_LEN(ex->ce->name));
	}
	OBJ_RELEASE(ex);
	if (hooks.request_stop) {
		hooks.request_stop(250);
	}
	return true;
}

void php_wm_fail_process(void)
{
	if (hooks.count_exception) {
		hooks.count_exception();
	}
	if (hooks.request_stop) {
		hooks.request_stop(250);
	}
}

void php_wm_echo(const char *msg, size_t len)
{
	if (zend_is_true(php_wm_static_prop(wm_ce_Workerman_Worker, "daemonize"))) {
		return;
	}
	php_wm_write_stdout(msg, len);
}

/* Straight to fd 1, as Workerman's safeEcho writes to STDOUT: not through PHP's output
 * layer, which treats a failed write (a terminal or pipe that went away) as an aborted
 * request and ends the process. Errors are ignored. */
void php_wm_write_stdout(const char *msg, size_t len)
{
	while (len > 0) {
		ssize_t n = write(STDOUT_FILENO, msg, len);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			return;
		}
		msg += n;
		len -= (size_t)n;
	}
}

void php_wm_log_str(const char *msg, size_t len)
{
	char head[64];
	time_t now = time(NULL);
	struct tm tm;
	size_t hlen;
	zval *file;

	php_wm_echo(msg, len);
	php_wm_echo("\n", 1);

	localtime_r(&now, &tm);
	hlen = strftime(head, sizeof(head), "%Y-%m-%d %H:%M:%S", &tm);
	hlen += (size_t)snprintf(head + hlen, sizeof(head) - hlen, " pid:%d ", (int)getpid());

	file = php_wm_static_prop(wm_ce_Workerman_Worker, "logFile");
	if (Z_TYPE_P(file) != IS_STRING || Z_STRLEN_P(file) == 0) {
		return;
	}
	int fd = open(Z_STRVAL_P(file), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0) {
		return;
	}
	/* One write per line so that lines of several processes don't interleave. */
	char *line = emalloc(hlen + len + 1);
	memcpy(line, head, hlen);
	memcpy(line + hlen, msg, len);
	line[hlen + len] = '\n';
	if (write(fd, line, hlen + len + 1) < 0) {
		/* the log is best effort */
	}
	efree(line);
	close(fd);
}

void php_wm_logf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	zend_string *s = vstrpprintf(0, fmt, ap);
	va_end(ap);
	php_wm_log_str(ZSTR_VAL(s), ZSTR_LEN(s));
	zend_string_release(s);
}
