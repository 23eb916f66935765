/* What every file of the Zend binding includes: PHP's headers, the compat layer, the engine
 * headers the binding's structs embed, and the class entries. The declarations of each area
 * are in its own header (wm_worker.h, wm_connection.h, wm_protocol.h, wm_http.h, ...). */
#ifndef WM_EXT_WM_EXT_H
#define WM_EXT_WM_EXT_H

#include "php.h"
#include "SAPI.h"
#include "zend_attributes.h"
#include "zend_exceptions.h"
#include "ext/standard/php_string.h"
#include "ext/wm_compat.h"
#include "src/wm_core.h"
#include "zend_smart_str.h"
#include <time.h>
#include "src/loop/wm_loop.h"
#include "src/net/wm_addr.h"
#include "src/net/wm_conn.h"
#include "src/proc/wm_proc.h"
#include "src/proto/wm_proto.h"

/* The class entries: storage in wm_globals.c, set by each class's MINIT (data only, so that
 * naming a class does not tie a file to the code of that class). */
extern zend_class_entry *wm_ce_Workerman_Worker;
extern zend_class_entry *wm_ce_Workerman_WebServer;
extern zend_class_entry *wm_ce_Workerman_Connection_ConnectionInterface;
extern zend_class_entry *wm_ce_Workerman_Connection_TcpConnection;
extern zend_class_entry *wm_ce_Workerman_Connection_AsyncTcpConnection;
extern zend_class_entry *wm_ce_Workerman_Connection_UdpConnection;
extern zend_class_entry *wm_ce_Workerman_Connection_AsyncUdpConnection;
extern zend_class_entry *wm_ce_Workerman_Lib_Timer;
extern zend_class_entry *wm_ce_Workerman_Events_EventInterface;
extern zend_class_entry *wm_ce_Workerman_Events_Native;
extern zend_class_entry *wm_ce_Workerman_Protocols_ProtocolInterface;
extern zend_class_entry *wm_ce_Workerman_Protocols_Text;
extern zend_class_entry *wm_ce_Workerman_Protocols_Http;

/* The process's event loop (wm_globals.c), created on first use. */
wm_loop_t *php_wm_loop(void);
void php_wm_loop_destroy(void);

#endif
