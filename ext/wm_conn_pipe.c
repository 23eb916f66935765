/* TcpConnection::pipe($dest), as 3.5: the source's onMessage sends to dest, its onClose
 * destroys dest, dest's onBufferFull pauses the source and its onBufferDrain resumes it.
 * The four callbacks are real Closures (an app may read, replace or call them), made from
 * internal functions bound to the other connection; the read path recognises the onMessage
 * one and moves the bytes in C, without a PHP call per chunk (php_wm_pipe_dest). */
#include "ext/wm_globals.h"
#include "ext/wm_bridge.h"
#include "ext/wm_connection.h"

#include "zend_closures.h"

ZEND_BEGIN_ARG_INFO_EX(arginfo_pipe_data, 0, 0, 2)
	ZEND_ARG_INFO(0, source)
	ZEND_ARG_INFO(0, data)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_pipe_conn, 0, 0, 1)
	ZEND_ARG_INFO(0, connection)
ZEND_END_ARG_INFO()

/* Calls $obj->$name(...$argv) when a subclass overrides it, so that pipe() behaves as 3.5's
 * closures (which call the methods) do; false when the native method applies. */
static zend_function *override_of(zend_object *obj, const char *name, size_t len)
{
	zend_function *fn = zend_hash_str_find_ptr(&obj->ce->function_table, name, len);
	return fn && fn->common.scope != wm_ce_Workerman_Connection_TcpConnection ? fn : NULL;
}

static bool call_override(zend_object *obj, const char *name, size_t len, uint32_t argc, zval *argv)
{
	zend_function *fn = override_of(obj, name, len);
	if (!fn) {
		return false;
	}
	zval rv;
	zend_call_known_instance_method(fn, obj, &rv, argc, argv);
	zval_ptr_dtor(&rv);
	return true;
}

static zend_object *bound_this(zend_execute_data *execute_data)
{
	zval *self = ZEND_THIS;
	return Z_TYPE_P(self) == IS_OBJECT ? Z_OBJ_P(self) : NULL;
}

static void pipe_send(php_wm_conn *dest, zval *data)
{
	if (!call_override(&dest->std, "send", 4, 1, data)) {
		zval rv;
		php_wm_conn_send(dest, data, false, &rv);
		zval_ptr_dtor(&rv);
	}
}

/* function ($source, $data) use ($dest) { $dest->send($data); } */
static ZEND_FUNCTION(wm_pipe_data)
{
	RETVAL_NULL(); /* the Closures return nothing, as 3.5's */
	zval *source, *data;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_ZVAL(source)
		Z_PARAM_ZVAL(data)
	ZEND_PARSE_PARAMETERS_END();
	(void)source;
	zend_object *dest = bound_this(execute_data);
	if (dest) {
		pipe_send(php_wm_conn_from_obj(dest), data);
	}
}

/* function ($source) use ($dest) { $dest->destroy(); } */
static ZEND_FUNCTION(wm_pipe_close)
{
	RETVAL_NULL(); /* the Closures return nothing, as 3.5's */
	zval *source;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(source)
	ZEND_PARSE_PARAMETERS_END();
	(void)source;
	zend_object *dest = bound_this(execute_data);
	if (dest && !call_override(dest, "destroy", 7, 0, NULL)) {
		php_wm_conn_destroy(php_wm_conn_from_obj(dest));
	}
}

static void set_source_reading(zend_object *source, bool on)
{
	if (call_override(source, on ? "resumerecv" : "pauserecv", on ? 10 : 9, 0, NULL)) {
		return;
	}
	php_wm_conn *c = php_wm_conn_from_obj(source);
	if (c->io.closed || !c->io.loop) {
		return;
	}
	if (!on) {
		wm_conn_pause_read(&c->io);
	} else if (c->status == WM_CONN_STATUS_ESTABLISHED) {
		wm_conn_resume_read(&c->io);
	}
}

/* function ($dest) use ($source) { $source->pauseRecv(); } */
static ZEND_FUNCTION(wm_pipe_full)
{
	RETVAL_NULL(); /* the Closures return nothing, as 3.5's */
	zval *dest;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(dest)
	ZEND_PARSE_PARAMETERS_END();
	(void)dest;
	zend_object *source = bound_this(execute_data);
	if (source) {
		set_source_reading(source, false);
	}
}

/* function ($dest) use ($source) { $source->resumeRecv(); } */
static ZEND_FUNCTION(wm_pipe_drain)
{
	RETVAL_NULL(); /* the Closures return nothing, as 3.5's */
	zval *dest;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(dest)
	ZEND_PARSE_PARAMETERS_END();
	(void)dest;
	zend_object *source = bound_this(execute_data);
	if (source) {
		set_source_reading(source, true);
	}
}

static const zend_function_entry pipe_functions[] = {
	ZEND_RAW_FENTRY("wm_pipe_data", ZEND_FN(wm_pipe_data), arginfo_pipe_data, ZEND_ACC_PUBLIC)
	ZEND_RAW_FENTRY("wm_pipe_close", ZEND_FN(wm_pipe_close), arginfo_pipe_conn, ZEND_ACC_PUBLIC)
	ZEND_RAW_FENTRY("wm_pipe_full", ZEND_FN(wm_pipe_full), arginfo_pipe_conn, ZEND_ACC_PUBLIC)
	ZEND_RAW_FENTRY("wm_pipe_drain", ZEND_FN(wm_pipe_drain), arginfo_pipe_conn, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

/* The functions live in a table of their own (not callable by name from PHP); a Closure
 * made of one is the only way to reach them. */
static HashTable pipe_table;
static zend_function *fn_data, *fn_close, *fn_full, *fn_drain;

static void set_closure(php_wm_conn *c, int slot, zend_function *fn, php_wm_conn *bound)
{
	zval this_ptr, closure;
	ZVAL_OBJ(&this_ptr, &bound->std);
	zend_create_closure(&closure, fn, wm_ce_Workerman_Connection_TcpConnection, bound->std.ce, &this_ptr);
	zval *prop = conn_prop(c, slot);
	zval_ptr_dtor(prop);
	ZVAL_COPY_VALUE(prop, &closure);
}

void php_wm_conn_pipe(php_wm_conn *source, php_wm_conn *dest)
{
	set_closure(source, WM_CONN_PROP_ON_MESSAGE, fn_data, dest);
	set_closure(source, WM_CONN_PROP_ON_CLOSE, fn_close, dest);
	set_closure(dest, WM_CONN_PROP_ON_BUFFER_FULL, fn_full, source);
	set_closure(dest, WM_CONN_PROP_ON_BUFFER_DRAIN, fn_drain, source);
}

php_wm_conn *php_wm_pipe_dest(zval *on_message)
{
	if (Z_TYPE_P(on_message) != IS_OBJECT || Z_OBJCE_P(on_message) != zend_ce_closure) {
		return NULL;
	}
	const zend_function *fn = zend_get_closure_method_def(Z_OBJ_P(on_message));
	if (fn->type != ZEND_INTERNAL_FUNCTION || fn->internal_function.arg_info != fn_data->internal_function.arg_info) {
		return NULL;
	}
	zval *dest = zend_get_closure_this_ptr(on_message);
	if (Z_TYPE_P(dest) != IS_OBJECT || override_of(Z_OBJ_P(dest), "send", 4)) {
		return NULL;
	}
	return php_wm_conn_from_obj(Z_OBJ_P(dest));
}

void php_wm_conn_pipe_minit(void)
{
	zend_hash_init(&pipe_table, 4, NULL, ZEND_FUNCTION_DTOR, 1);
	zend_register_functions(wm_ce_Workerman_Connection_TcpConnection, pipe_functions, &pipe_table, MODULE_PERSISTENT);
	fn_data = zend_hash_str_find_ptr(&pipe_table, "wm_pipe_data", sizeof("wm_pipe_data") - 1);
	fn_close = zend_hash_str_find_ptr(&pipe_table, "wm_pipe_close", sizeof("wm_pipe_close") - 1);
	fn_full = zend_hash_str_find_ptr(&pipe_table, "wm_pipe_full", sizeof("wm_pipe_full") - 1);
	fn_drain = zend_hash_str_find_ptr(&pipe_table, "wm_pipe_drain", sizeof("wm_pipe_drain") - 1);
}

void php_wm_conn_pipe_mshutdown(void)
{
	zend_hash_destroy(&pipe_table);
}
