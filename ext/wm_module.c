/* Module entry, request lifecycle and phpinfo. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "ext/standard/info.h"
#include "php_wm.h"
#include "ext/wm_bridge.h"
#include "ext/wm_event.h"
#include "ext/wm_globals.h"
#include "ext/wm_connection.h"
#include "ext/wm_webserver.h"
#include "ext/wm_process.h"
#include "ext/wm_protocol.h"
#include "ext/wm_timer.h"
#include "ext/wm_udp.h"

#include "src/wm_core.h"

#include <event2/event.h>

static void wm_log_sink(const char *msg, size_t len)
{
	php_wm_log_str(msg, len);
}

PHP_INI_BEGIN()
	/* Reload the reloadable Workers when a .php file of the app changes (development aid). */
	STD_PHP_INI_BOOLEAN("workerman.auto_reload", "0", PHP_INI_ALL, OnUpdateBool, proc.auto_reload,
		zend_workerman_globals, workerman_globals)
	/* Bound on each wait of a TLS handshake on an accepted connection (nginx's
	 * ssl_handshake_timeout); 0: none. Clients use default_socket_timeout. */
	STD_PHP_INI_ENTRY("workerman.ssl_handshake_timeout", "60", PHP_INI_ALL, OnUpdateLong, conn.ssl_handshake_timeout,
		zend_workerman_globals, workerman_globals)
PHP_INI_END()

static PHP_GINIT_FUNCTION(workerman)
{
#if defined(COMPILE_DL_WORKERMAN) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(workerman_globals, 0, sizeof(*workerman_globals));
}

static void count_exception(void)
{
	php_wm_stats_add(WM_STAT_THROW_EXCEPTION, 1);
}

static PHP_MINIT_FUNCTION(workerman)
{
	static const php_wm_bridge_hooks bridge_hooks = {
		php_wm_http_is_jump_exit, count_exception, php_wm_request_stop,
	};
	static const php_wm_process_ops process_ops = {
		php_wm_run_all, php_wm_stop_all, php_wm_worker_run, php_wm_worker_run_init,
		php_wm_worker_run_parse_command, php_wm_worker_run_signal, php_wm_worker_run_check_errors,
		php_wm_worker_run_reload_all, php_wm_worker_run_reset_std, php_wm_worker_run_check_child_running,
		php_wm_worker_run_ui_line_length,
	};
	static const php_wm_conn_hooks conn_hooks = {
		php_wm_connection_gone, php_wm_http_file_sent, php_wm_http_conn_free,
	};
	(void)type;
	(void)module_number;
	REGISTER_INI_ENTRIES();
	REGISTER_LONG_CONSTANT("WORKERMAN_CONNECT_FAIL", 1, CONST_CS | CONST_PERSISTENT);
	REGISTER_LONG_CONSTANT("WORKERMAN_SEND_FAIL", 2, CONST_CS | CONST_PERSISTENT);
	REGISTER_LONG_CONSTANT("OS_TYPE_LINUX", 1, CONST_CS | CONST_PERSISTENT);
	REGISTER_LONG_CONSTANT("OS_TYPE_WINDOWS", 2, CONST_CS | CONST_PERSISTENT);

	/* Order matters: interfaces and parents first. */
	php_wm_event_minit();
	php_wm_protocol_minit();
	php_wm_text_minit();
	php_wm_connection_minit();
	php_wm_async_tcp_connection_minit();
	php_wm_udp_minit();
	php_wm_async_udp_minit();
	php_wm_worker_minit();
	php_wm_timer_minit();
	php_wm_http_minit();
	php_wm_webserver_minit();
	php_wm_autoload_minit();
	wm_set_log_sink(wm_log_sink);
	php_wm_bridge_set_hooks(&bridge_hooks);
	php_wm_conn_set_hooks(&conn_hooks);
	php_wm_worker_set_process_ops(&process_ops);
	return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(workerman)
{
	(void)type;
	(void)module_number;
	php_wm_autoload_mshutdown();
	php_wm_http_mshutdown();
	php_wm_conn_pipe_mshutdown();
	UNREGISTER_INI_ENTRIES();
	return SUCCESS;
}

static PHP_RINIT_FUNCTION(workerman)
{
	(void)type;
	(void)module_number;
#if defined(COMPILE_DL_WORKERMAN) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	zend_hash_init(&WM_G(proc.workers), 8, NULL, ZVAL_PTR_DTOR, 0);
	zend_hash_init(&WM_G(timer.timers), 8, NULL, NULL, 0);
	zend_hash_init(&WM_G(conn.protocols), 8, NULL, NULL, 0);
	zend_hash_init(&WM_G(loop.fd_watches), 8, NULL, NULL, 0);
	ZVAL_UNDEF(&WM_G(loop.global_event));
	WM_G(conn.next_id) = 1;
	memset(WM_G(conn.stats), 0, sizeof(WM_G(conn.stats)));
	WM_G(conn.autoload_root) = NULL;
	WM_G(conn.autoload_registered) = false;
	php_wm_runall_rinit();
	php_wm_connection_rinit();
	php_wm_http_rinit();
	return SUCCESS;
}

static PHP_RSHUTDOWN_FUNCTION(workerman)
{
	(void)type;
	(void)module_number;
	php_wm_timer_rshutdown();
	php_wm_event_clear_all();
	php_wm_http_rshutdown();
	php_wm_runall_rshutdown();
	zval_ptr_dtor(&WM_G(loop.global_event));
	ZVAL_UNDEF(&WM_G(loop.global_event));
	zend_hash_destroy(&WM_G(proc.workers));
	zend_hash_destroy(&WM_G(timer.timers));
	php_wm_protocol_cache_free();
	if (WM_G(conn.autoload_root)) {
		zend_string_release(WM_G(conn.autoload_root));
		WM_G(conn.autoload_root) = NULL;
	}
	/* Workers, connections and the closures set on them usually reference each other; once
	 * the tables above let go, collect those cycles now rather than leaving them to the
	 * end of the process (where valgrind can't tell them from real leaks). */
	if (gc_enabled()) {
		gc_collect_cycles();
	}
	return SUCCESS;
}

/* After the object store is freed: connection objects drop their events first. */
static ZEND_MODULE_POST_ZEND_DEACTIVATE_D(workerman)
{
	php_wm_loop_destroy();
	return SUCCESS;
}

static PHP_MINFO_FUNCTION(workerman)
{
	(void)zend_module;
	php_info_print_table_start();
	php_info_print_table_row(2, "workerman support", "enabled");
	php_info_print_table_row(2, "Version", PHP_WORKERMAN_VERSION);
	php_info_print_table_row(2, "Workerman API", "3.5");
	php_info_print_table_row(2, "libevent", event_get_version());
	php_info_print_table_end();
	DISPLAY_INI_ENTRIES();
}

static const zend_module_dep workerman_deps[] = {
	ZEND_MOD_OPTIONAL("spl")
	ZEND_MOD_END
};

zend_module_entry workerman_module_entry = {
	STANDARD_MODULE_HEADER_EX, NULL,
	workerman_deps,
	"workerman",
	NULL,
	PHP_MINIT(workerman),
	PHP_MSHUTDOWN(workerman),
	PHP_RINIT(workerman),
	PHP_RSHUTDOWN(workerman),
	PHP_MINFO(workerman),
	PHP_WORKERMAN_VERSION,
	PHP_MODULE_GLOBALS(workerman),
	PHP_GINIT(workerman),
	NULL,
	ZEND_MODULE_POST_ZEND_DEACTIVATE_N(workerman),
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_WORKERMAN
# ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
# endif
ZEND_GET_MODULE(workerman)
#endif
