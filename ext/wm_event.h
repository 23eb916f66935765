/* Workerman\Events\EventInterface and Native, Worker::$globalEvent (wm_event.c). */
#ifndef WM_EXT_WM_EVENT_H
#define WM_EXT_WM_EVENT_H

#include "ext/wm_ext.h"

void php_wm_event_minit(void);
void php_wm_event_set_global(void);  /* Worker::$globalEvent = a Native instance */
void php_wm_event_clear_all(void);

#endif
