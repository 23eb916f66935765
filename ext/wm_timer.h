/* Workerman\Lib\Timer (wm_timer.c). */
#ifndef WM_EXT_WM_TIMER_H
#define WM_EXT_WM_TIMER_H

#include "ext/wm_callable.h"

void php_wm_timer_minit(void);
void php_wm_timer_rshutdown(void);
void php_wm_timer_del_all(void);
zend_long php_wm_timer_count(void);
zend_long php_wm_timer_add(double interval, php_wm_callable *cb, zval *args, bool persistent);
bool php_wm_timer_del(zend_long id);

#endif
