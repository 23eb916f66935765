/* Stored callbacks: property callbacks cached by identity, and callables kept from
 * arguments. */
#include "ext/wm_bridge.h"
#include "ext/wm_connection.h"
#include "ext/wm_process.h"

/* Scope for resolving [$obj, 'method'] / 'Class::method': the class declaring the method,
 * so callbacks may be protected or private methods of the object that registers them
 * (GatewayWorker registers its protected methods). */
static zend_class_entry *declaring_scope(zval *callable)
{
	zend_class_entry *ce = NULL;
	zend_string *method = NULL;

	if (Z_TYPE_P(callable) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL_P(callable)) == 2) {
		zval *obj = zend_hash_index_find(Z_ARRVAL_P(callable), 0);
		zval *name = zend_hash_index_find(Z_ARRVAL_P(callable), 1);
		if (!obj || !name || Z_TYPE_P(name) != IS_STRING) {
			return NULL;
		}
		ZVAL_DEREF(obj);
		ZVAL_DEREF(name);
		if (Z_TYPE_P(obj) == IS_OBJECT) {
			ce = Z_OBJCE_P(obj);
		} else if (Z_TYPE_P(obj) == IS_STRING) {
			ce = zend_lookup_class(Z_STR_P(obj));
		}
		method = Z_STR_P(name);
	}
	if (!ce || !method) {
		return NULL;
	}
	zend_string *lc = zend_string_tolower(method);
	zend_function *fn = zend_hash_find_ptr(&ce->function_table, lc);
	zend_string_release(lc);
	return fn ? fn->common.scope : NULL;
}

bool php_wm_resolve_callable(zval *callable, zend_fcall_info_cache *fcc, char **error)
{
	*error = NULL;
	if (zend_is_callable_ex(callable, NULL, 0, NULL, fcc, error)) {
		return true;
	}
	zend_class_entry *scope = declaring_scope(callable);
	if (!scope) {
		return false;
	}
	/* A frame whose function belongs to scope: visibility checks then pass. */
	zend_internal_function fake_fn;
	zend_execute_data fake_frame;
	memset(&fake_fn, 0, sizeof(fake_fn));
	memset(&fake_frame, 0, sizeof(fake_frame));
	fake_fn.type = ZEND_INTERNAL_FUNCTION;
	fake_fn.scope = scope;
	fake_frame.func = (zend_function *)&fake_fn;
	if (*error) {
		efree(*error);
		*error = NULL;
	}
	return zend_is_callable_at_frame(callable, NULL, &fake_frame, 0, fcc, error);
}

static bool cb_same(const zval *held, const zval *prop)
{
	if (Z_TYPE_P(held) != Z_TYPE_P(prop)) {
		return false;
	}
	switch (Z_TYPE_P(prop)) {
	case IS_OBJECT:
	case IS_STRING:
	case IS_ARRAY:
		return Z_COUNTED_P(held) == Z_COUNTED_P(prop);
	default:
		return false;
	}
}

static bool cb_empty(const zval *prop)
{
	switch (Z_TYPE_P(prop)) {
	case IS_UNDEF:
	case IS_NULL:
	case IS_FALSE:
		return true;
	case IS_STRING:
		return Z_STRLEN_P(prop) == 0;
	case IS_ARRAY:
		return zend_hash_num_elements(Z_ARRVAL_P(prop)) == 0;
	default:
		return false;
	}
}

zend_fcall_info_cache *php_wm_cb_get(php_wm_cb *cache, zval *prop, const char *what)
{
	ZVAL_DEREF(prop);
	if (cb_empty(prop)) {
		return NULL;
	}
	if (cb_same(&cache->held, prop)) {
		return cache->ok ? &cache->fcc : NULL;
	}
	/* The held reference keeps the value's address from being reused while cached. */
	zval_ptr_dtor(&cache->held);
	ZVAL_COPY(&cache->held, prop);
	cache->ok = 0;
	char *error = NULL;
	zend_fcall_info_cache fcc;
	if (php_wm_resolve_callable(prop, &fcc, &error)) {
		if (php_wm_fcc_cacheable(&fcc)) {
			cache->fcc = fcc;
			cache->ok = 1;
		} else {
			php_wm_fcc_release_trampoline(&fcc);
			cache->ok = 2; /* resolved on every call */
		}
	} else {
		/* Workerman calls it anyway and dies of the Error: log it, exit 250. */
		php_wm_logf("Error: %s is not callable: %s", what, error ? error : "unknown reason");
		php_wm_fail_process();
	}
	if (error) {
		efree(error);
	}
	return cache->ok ? &cache->fcc : NULL;
}

void php_wm_cb_dtor(php_wm_cb *cache)
{
	zval_ptr_dtor(&cache->held);
	ZVAL_UNDEF(&cache->held);
	cache->ok = 0;
}

/* Call a stored callable: through its cached fcc, or resolved for this call only (a
 * trampoline can't be kept). The value is kept alive during the call, because the
 * callback may overwrite the property or timer that holds it. */
static bool call_stored(zval *held, zend_fcall_info_cache *cached, zval *retval, uint32_t argc, zval *argv)
{
	zval keep;
	bool ok = true;
	ZVAL_COPY(&keep, held);
	if (cached) {
		ok = php_wm_call(cached, retval, argc, argv);
	} else {
		zend_fcall_info_cache fcc;
		char *error = NULL;
		if (php_wm_resolve_callable(&keep, &fcc, &error)) {
			ok = php_wm_call(&fcc, retval, argc, argv);
			php_wm_fcc_release_trampoline(&fcc);
		}
		if (error) {
			efree(error);
		}
	}
	zval_ptr_dtor(&keep);
	return ok;
}

bool php_wm_cb_call(php_wm_cb *cache, zval *retval, uint32_t argc, zval *argv)
{
	return call_stored(&cache->held, cache->ok == 1 ? &cache->fcc : NULL, retval, argc, argv);
}

bool php_wm_callable_init(php_wm_callable *c, zval *callable, char **error)
{
	zend_fcall_info_cache fcc;
	ZVAL_UNDEF(&c->zv);
	c->cached = false;
	if (!php_wm_resolve_callable(callable, &fcc, error)) {
		return false;
	}
	ZVAL_COPY(&c->zv, callable);
	if (php_wm_fcc_cacheable(&fcc)) {
		c->fcc = fcc;
		c->cached = true;
	} else {
		php_wm_fcc_release_trampoline(&fcc);
	}
	return true;
}

void php_wm_callable_dtor(php_wm_callable *c)
{
	zval_ptr_dtor(&c->zv);
	ZVAL_UNDEF(&c->zv);
	c->cached = false;
}

bool php_wm_call_callable(php_wm_callable *c, zval *retval, uint32_t argc, zval *argv)
{
	return call_stored(&c->zv, c->cached ? &c->fcc : NULL, retval, argc, argv);
}

bool php_wm_call_args_array(php_wm_callable *c, zval *args)
{
	uint32_t n = 0;
	zval *argv = NULL, *val;
	bool ok;
	if (args && Z_TYPE_P(args) == IS_ARRAY) {
		argv = safe_emalloc(zend_hash_num_elements(Z_ARRVAL_P(args)) + 1, sizeof(zval), 0);
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(args), val) {
			ZVAL_COPY(&argv[n], val);
			n++;
		} ZEND_HASH_FOREACH_END();
	}
	ok = php_wm_call_callable(c, NULL, n, argv);
	for (uint32_t i = 0; i < n; i++) {
		zval_ptr_dtor(&argv[i]);
	}
	if (argv) {
		efree(argv);
	}
	return ok;
}
