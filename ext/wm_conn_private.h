/* Shared between the TcpConnection class file and its I/O core (wm_conn_io.c). */
#ifndef WM_EXT_WM_CONN_PRIVATE_H
#define WM_EXT_WM_CONN_PRIVATE_H

#include "ext/wm_ext.h"

/* Workerman's TcpConnection::STATUS_* values (the worker's own states are WM_WORKER_STATUS_*). */
#define WM_CONN_STATUS_INITIAL 0
#define WM_CONN_STATUS_CONNECTING 1
#define WM_CONN_STATUS_ESTABLISHED 2
#define WM_CONN_STATUS_CLOSING 4
#define WM_CONN_STATUS_CLOSED 8

/* OBJ_PROP offsets of the declared properties (WM_CONN_PROP_*), set in MINIT. */
extern uint32_t php_wm_conn_prop_off[WM_CONN_PROP_ID + 1];

/* Callbacks set on the connection itself, when they differ from its Worker's. */
struct php_wm_conn_cbs {
	php_wm_cb cb[WM_CONN_PROP_ON_BUFFER_DRAIN + 1];
};

static inline zval *conn_prop(php_wm_conn *c, int slot)
{
	return OBJ_PROP(&c->std, php_wm_conn_prop_off[slot]);
}

static inline void conn_set_long_prop(php_wm_conn *c, int slot, zend_long v)
{
	zval *p = conn_prop(c, slot);
	if (Z_TYPE_P(p) != IS_LONG) {
		zval_ptr_dtor(p);
	}
	ZVAL_LONG(p, v);
}

extern const wm_conn_ops_t php_wm_conn_ops;
/* send() as Workerman defines it; sets return_value. */
void php_wm_conn_send(php_wm_conn *c, zval *data, bool raw, zval *return_value);
/* Log Workerman's "error package" line for a frame the protocol refused, and destroy c. */
void php_wm_conn_bad_package(php_wm_conn *c, const char *why, zend_long len);
/* id, limits from the statics, status, statistics: for every new connection. */
void php_wm_conn_init_common(php_wm_conn *c);
void php_wm_conn_stats_minit(void);
void php_wm_conn_stats_rinit(void);

#endif
