/* Workerman\Lib\Timer (alias Workerman\Timer): timers on the process's loop, in the
 * master as in the workers. */
#include "ext/wm_bridge.h"
#include "ext/wm_globals.h"
#include "ext/wm_timer.h"
#include "stubs/timer_arginfo.h"


typedef struct php_wm_timer {
	wm_watch_t *watch;      /* owned by the loop */
	php_wm_callable cb;
	zval args;              /* owned */
	zend_long id;
} php_wm_timer;

static void timer_fire(wm_watch_t *w, int what)
{
	php_wm_timer *t = w->data;
	(void)what;
	if (WM_G(proc.stop_requested) && !WM_G(proc.in_master)) {
		return;
	}
	php_wm_call_args_array(&t->cb, &t->args);
}

static void timer_dispose(wm_watch_t *w)
{
	php_wm_timer *t = w->data;
	zend_hash_index_del(&WM_G(timer.timers), (zend_ulong)t->id);
	php_wm_callable_dtor(&t->cb);
	zval_ptr_dtor(&t->args);
	efree(t);
}

zend_long php_wm_timer_add(double interval, php_wm_callable *cb, zval *args, bool persistent)
{
	php_wm_timer *t = ecalloc(1, sizeof(*t));
	t->cb = *cb;
	if (args) {
		ZVAL_COPY(&t->args, args);
	} else {
		ZVAL_UNDEF(&t->args);
	}
	t->watch = wm_watch_timer(php_wm_loop(), interval, persistent, timer_fire, t);
	if (!t->watch) {
		php_wm_callable_dtor(&t->cb);
		zval_ptr_dtor(&t->args);
		efree(t);
		return 0;
	}
	t->id = (zend_long)t->watch->id;
	t->watch->dispose = timer_dispose;
	zend_hash_index_add_new_ptr(&WM_G(timer.timers), (zend_ulong)t->id, t);
	return t->id;
}

bool php_wm_timer_del(zend_long id)
{
	php_wm_timer *t = zend_hash_index_find_ptr(&WM_G(timer.timers), (zend_ulong)id);
	if (!t) {
		return false;
	}
	wm_watch_free(t->watch);
	return true;
}

void php_wm_timer_del_all(void)
{
	while (zend_hash_num_elements(&WM_G(timer.timers)) > 0) {
		zend_ulong id;
		zend_hash_internal_pointer_reset(&WM_G(timer.timers));
		if (zend_hash_get_current_key(&WM_G(timer.timers), NULL, &id) != HASH_KEY_IS_LONG) {
			break;
		}
		php_wm_timer *t = zend_hash_index_find_ptr(&WM_G(timer.timers), id);
		/* A timer deleting all from inside its own callback is freed when the callback
		 * returns; forget it here so this loop ends. */
		if (t->watch->firing) {
			wm_watch_free(t->watch);
			zend_hash_index_del(&WM_G(timer.timers), id);
			continue;
		}
		wm_watch_free(t->watch);
	}
}

zend_long php_wm_timer_count(void)
{
	return (zend_long)zend_hash_num_elements(&WM_G(timer.timers));
}

void php_wm_timer_rshutdown(void)
{
	if (WM_G(loop.loop)) {
		php_wm_timer_del_all();
	}
}

/* Workerman prints the exception and returns false for a bad interval or callback. */
static void echo_exception(const char *msg)
{
	zend_object *ex = zend_throw_exception(zend_ce_exception, msg, 0);
	GC_ADDREF(ex);
	zend_clear_exception();
	zval zv;
	ZVAL_OBJ(&zv, ex);
	zend_string *s = zval_try_get_string(&zv);
	if (s) {
		php_wm_echo(ZSTR_VAL(s), ZSTR_LEN(s));
		zend_string_release(s);
	}
	OBJ_RELEASE(ex);
}

ZEND_METHOD(Workerman_Lib_Timer, init)
{
	RETVAL_NULL(); /* void, as in Workerman */
	zval *event = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(event)
	ZEND_PARSE_PARAMETERS_END();
	/* The native loop needs no initialisation. */
}

ZEND_METHOD(Workerman_Lib_Timer, add)
{
	zval *interval, *func, *args = NULL;
	bool persistent = true;
	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_ZVAL(interval)
		Z_PARAM_ZVAL(func)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(args)
		Z_PARAM_BOOL(persistent)
	ZEND_PARSE_PARAMETERS_END();

	double seconds = zval_get_double(interval);
	if (!(seconds > 0) || seconds > 1e9) {
		echo_exception("bad time_interval");
		RETURN_FALSE;
	}
	php_wm_callable cb;
	char *error = NULL;
	if (!php_wm_callable_init(&cb, func, &error)) {
		if (error) {
			efree(error);
		}
		echo_exception("not callable");
		RETURN_FALSE;
	}
	if (error) {
		efree(error);
	}
	zval wrapped;
	ZVAL_UNDEF(&wrapped);
	if (args && Z_TYPE_P(args) != IS_ARRAY && Z_TYPE_P(args) != IS_NULL) {
		/* Lenient: a single non-array argument is passed as is. */
		array_init(&wrapped);
		Z_TRY_ADDREF_P(args);
		add_next_index_zval(&wrapped, args);
		args = &wrapped;
	}
	zend_long id = php_wm_timer_add(seconds, &cb, args, persistent);
	zval_ptr_dtor(&wrapped);
	if (!id) {
		RETURN_FALSE;
	}
	RETURN_LONG(id);
}

ZEND_METHOD(Workerman_Lib_Timer, del)
{
	zval *id;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(id)
	ZEND_PARSE_PARAMETERS_END();
	if (Z_TYPE_P(id) != IS_LONG && !(Z_TYPE_P(id) == IS_STRING && is_numeric_string(Z_STRVAL_P(id), Z_STRLEN_P(id), NULL, NULL, 0) == IS_LONG)) {
		RETURN_FALSE;
	}
	RETURN_BOOL(php_wm_timer_del(zval_get_long(id)));
}

ZEND_METHOD(Workerman_Lib_Timer, delAll)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_timer_del_all();
}

/* 3.5's tick() runs the timers whose time has come (its alarm mode's list); here every
 * timer is on the loop, so it runs the loop's due timers now, from the caller's stack —
 * what an app calling it from a long callback wants. */
static void run_due_timers(void)
{
	if (WM_G(loop.loop)) {
		wm_loop_run_due_timers(WM_G(loop.loop));
	}
}

ZEND_METHOD(Workerman_Lib_Timer, tick)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	run_due_timers();
}

/* 3.5's SIGALRM handler: a tick. */
ZEND_METHOD(Workerman_Lib_Timer, signalHandle)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	run_due_timers();
}

void php_wm_timer_minit(void)
{
	wm_ce_Workerman_Lib_Timer = register_class_Workerman_Lib_Timer();
	zend_register_class_alias("Workerman\\Timer", wm_ce_Workerman_Lib_Timer);
}
