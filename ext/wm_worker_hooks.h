/* Per-class hooks of Worker subclasses: a class registers, for its class entry, what each
 * of its worker processes runs before onWorkerStart. The process model (wm_runall.c)
 * calls them without knowing the subclasses. Implemented in wm_worker.c. */
#ifndef WM_EXT_WM_WORKER_HOOKS_H
#define WM_EXT_WM_WORKER_HOOKS_H

#include "php.h"

struct php_wm_worker;

/* Runs in the worker process after it listens and switched user, before onWorkerStart.
 * FAILURE (after logging why) stops the process with exit status 250. */
typedef zend_result (*php_wm_worker_child_hook)(struct php_wm_worker *w);

/* At MINIT only. The hook runs for Workers of class ce and of every class extending it,
 * unless a nearer ancestor registered its own. Registering ce again replaces its hook. */
void php_wm_worker_child_hook_register(zend_class_entry *ce, php_wm_worker_child_hook fn);
/* The hook of ce itself or of its nearest ancestor that registered one; NULL when none. */
php_wm_worker_child_hook php_wm_worker_child_hook_find(const zend_class_entry *ce);

#endif
