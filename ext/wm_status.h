/* The status and connections reports (wm_status.c). */
#ifndef WM_EXT_WM_STATUS_H
#define WM_EXT_WM_STATUS_H

#include "ext/wm_worker.h"

zend_string *php_wm_status_path(const char *suffix);
void php_wm_status_master_write(wm_master_t *m, time_t started);
void php_wm_connections_master_write(wm_master_t *m);
void php_wm_status_child_write(php_wm_worker *w);
void php_wm_connections_child_write(php_wm_worker *w);
int php_wm_status_command(pid_t master);
int php_wm_connections_command(pid_t master);

#endif
