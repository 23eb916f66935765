/* Stored callbacks: callback properties resolved once, callables passed as arguments (wm_callable.c). */
#ifndef WM_EXT_WM_CALLABLE_H
#define WM_EXT_WM_CALLABLE_H

#include "ext/wm_ext.h"

/* The resolved form of one callback property, re-resolved only when the property's
 * value changes identity. */
typedef struct php_wm_cb {
	zval held;                  /* owned reference to the resolved value (its identity) */
	zend_fcall_info_cache fcc;  /* valid when ok == 1; ok == 2: resolve per call */
	uint8_t ok;
} php_wm_cb;

/* Resolve prop (a callback property's value) through cache. NULL when the property is
 * empty or not callable (logged once per value); then call with php_wm_cb_call. */
zend_fcall_info_cache *php_wm_cb_get(php_wm_cb *cache, zval *prop, const char *what);
/* Call a resolved property callback (keeps it alive during the call). */
bool php_wm_cb_call(php_wm_cb *cache, zval *retval, uint32_t argc, zval *argv);
void php_wm_cb_dtor(php_wm_cb *cache);
/* Resolve any callable with the declaring class of an array callable's method as scope, so
 * an object's protected/private methods work as callbacks. false when not callable. */
bool php_wm_resolve_callable(zval *callable, zend_fcall_info_cache *fcc, char **error);

/* A callable passed as an argument (Timer::add, Native::add): holds its zval. */
typedef struct php_wm_callable {
	zval zv;                    /* owned reference */
	zend_fcall_info_cache fcc;
	bool cached;
} php_wm_callable;
bool php_wm_callable_init(php_wm_callable *c, zval *callable, char **error);
void php_wm_callable_dtor(php_wm_callable *c);

#endif
