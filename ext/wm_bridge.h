/* Calling PHP from the loop with the exception policy, and the log path (wm_bridge.c). */
#ifndef WM_EXT_WM_BRIDGE_H
#define WM_EXT_WM_BRIDGE_H

#include "ext/wm_callable.h"

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
/* What an uncaught exception does, without one: counted, and the process stops with 250. */
void php_wm_fail_process(void);
/* Apply the exception policy to a pending exception. Returns true when one was pending. */
bool php_wm_handle_exception(void);
/* Worker::log: timestamped line to the log file, echoed when not a daemon. */
void php_wm_log_str(const char *msg, size_t len);
void php_wm_logf(const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 1, 2);
/* Output to the terminal (stdout) unless daemonized. */
void php_wm_echo(const char *msg, size_t len);
void php_wm_write_stdout(const char *msg, size_t len);

#endif
