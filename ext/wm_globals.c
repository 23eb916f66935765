/* Storage the whole binding shares and nothing else: the module globals, the class entries
 * (each set by its class's MINIT) and the process's event loop. A leaf of the binding: it
 * calls no other file of ext/. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "ext/wm_connection.h"
#include "ext/wm_globals.h"

#include <signal.h>

ZEND_DECLARE_MODULE_GLOBALS(workerman)

zend_class_entry *wm_ce_Workerman_Worker;
zend_class_entry *wm_ce_Workerman_WebServer;
zend_class_entry *wm_ce_Workerman_Connection_ConnectionInterface;
zend_class_entry *wm_ce_Workerman_Connection_TcpConnection;
zend_class_entry *wm_ce_Workerman_Connection_AsyncTcpConnection;
zend_class_entry *wm_ce_Workerman_Connection_UdpConnection;
zend_class_entry *wm_ce_Workerman_Connection_AsyncUdpConnection;
zend_class_entry *wm_ce_Workerman_Lib_Timer;
zend_class_entry *wm_ce_Workerman_Events_EventInterface;
zend_class_entry *wm_ce_Workerman_Events_Native;
zend_class_entry *wm_ce_Workerman_Protocols_ProtocolInterface;
zend_class_entry *wm_ce_Workerman_Protocols_Text;
zend_class_entry *wm_ce_Workerman_Protocols_Http;

uint32_t php_wm_worker_prop_off[WM_WORKER_PROP_AUTOLOAD_ROOT + 1];
uint32_t php_wm_conn_prop_off[WM_CONN_PROP_ID + 1];

wm_loop_t *php_wm_loop(void)
{
	if (!WM_G(loop.loop)) {
		WM_G(loop.loop) = wm_loop_new();
		if (!WM_G(loop.loop)) {
			zend_error_noreturn(E_ERROR, "workerman: cannot create the event loop");
		}
		/* A peer that vanishes mid-write must not kill the process. */
		signal(SIGPIPE, SIG_IGN);
		WM_G(loop.loop)->sigpipe_ignored = 1;
	}
	return WM_G(loop.loop);
}

void php_wm_loop_destroy(void)
{
	if (WM_G(loop.loop)) {
		wm_loop_free(WM_G(loop.loop));
		WM_G(loop.loop) = NULL;
	}
}
