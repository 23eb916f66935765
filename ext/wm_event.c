/* Workerman\Events\EventInterface and the native implementation behind
 * Worker::$globalEvent: read/write readiness on PHP streams, signals and timers. */
#include "ext/wm_bridge.h"
#include "ext/wm_event.h"
#include "ext/wm_globals.h"
#include "ext/wm_timer.h"
#include "stubs/event_interface_arginfo.h"
#include "stubs/event_arginfo.h"

#include "main/php_network.h"


#define EV_READ_FLAG 1
#define EV_WRITE_FLAG 2
#define EV_SIGNAL_FLAG 4
#define EV_TIMER_FLAG 8
#define EV_TIMER_ONCE_FLAG 16

typedef struct php_wm_fd_watch {
	wm_watch_t *watch;     /* owned by the loop */
	php_wm_callable cb;
	zval target;           /* the stream (or signal number) passed back to the callback */
	zend_ulong key;
} php_wm_fd_watch;

/* key => php_wm_fd_watch*; fds use (fd << 3 | flag), signals (signo << 3 | 4) */
static HashTable *watch_table(void)
{
	return &WM_G(loop.fd_watches);
}

static void fd_watch_fire(wm_watch_t *w, int what)
{
	php_wm_fd_watch *fw = w->data;
	(void)what;
	zval arg;
	ZVAL_COPY(&arg, &fw->target);
	php_wm_call_callable(&fw->cb, NULL, 1, &arg);
	zval_ptr_dtor(&arg);
}

static void fd_watch_dispose(wm_watch_t *w)
{
	php_wm_fd_watch *fw = w->data;
	if (zend_hash_index_find_ptr(watch_table(), fw->key) == fw) {
		zend_hash_index_del(watch_table(), fw->key);
	}
	php_wm_callable_dtor(&fw->cb);
	zval_ptr_dtor(&fw->target);
	efree(fw);
}

static bool stream_fd(zval *zstream, int *fd)
{
	if (Z_TYPE_P(zstream) == IS_LONG) {
		*fd = (int)Z_LVAL_P(zstream);
		return *fd >= 0;
	}
	if (Z_TYPE_P(zstream) != IS_RESOURCE) {
		return false;
	}
	php_stream *stream = (php_stream *)zend_fetch_resource2_ex(zstream, NULL, php_file_le_stream(), php_file_le_pstream());
	if (!stream) {
		if (EG(exception)) {
			zend_clear_exception();
		}
		return false;
	}
	php_socket_t s = -1;
	if (php_stream_cast(stream, PHP_STREAM_AS_FD_FOR_SELECT | PHP_STREAM_CAST_INTERNAL, (void **)&s, 1) != SUCCESS || s < 0) {
		return false;
	}
	*fd = (int)s;
	return true;
}

static void remove_key(zend_ulong key)
{
	php_wm_fd_watch *old = zend_hash_index_find_ptr(watch_table(), key);
	if (old) {
		zend_hash_index_del(watch_table(), key);
		wm_watch_free(old->watch);
	}
}

ZEND_METHOD(Workerman_Events_Native, add)
{
	zval *fd, *func, *args = NULL;
	zend_long flag;
	ZEND_PARSE_PARAMETERS_START(3, 4)
		Z_PARAM_ZVAL(fd)
		Z_PARAM_LONG(flag)
		Z_PARAM_ZVAL(func)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(args)
	ZEND_PARSE_PARAMETERS_END();

	php_wm_callable cb;
	char *error = NULL;
	if (!php_wm_callable_init(&cb, func, &error)) {
		zend_argument_type_error(3, "must be a valid callback, %s", error ? error : "not callable");
		if (error) {
			efree(error);
		}
		RETURN_THROWS();
	}
	if (error) {
		efree(error);
	}

	if (flag == EV_TIMER_FLAG || flag == EV_TIMER_ONCE_FLAG) {
		double seconds = zval_get_double(fd);
		if (!(seconds > 0)) {
			php_wm_callable_dtor(&cb);
			RETURN_FALSE;
		}
		zend_long id = php_wm_timer_add(seconds, &cb, args && Z_TYPE_P(args) == IS_ARRAY ? args : NULL,
			flag == EV_TIMER_FLAG);
		if (!id) {
			RETURN_FALSE;
		}
		RETURN_LONG(id);
	}

	php_wm_fd_watch *fw;
	wm_watch_t *w;
	if (flag == EV_SIGNAL_FLAG) {
		zend_long signo = zval_get_long(fd);
		if (signo <= 0 || signo >= 65) {
			php_wm_callable_dtor(&cb);
			zend_argument_value_error(1, "must be a signal number");
			RETURN_THROWS();
		}
		zend_ulong key = ((zend_ulong)signo << 3) | EV_SIGNAL_FLAG;
		remove_key(key);
		fw = ecalloc(1, sizeof(*fw));
		fw->cb = cb;
		ZVAL_LONG(&fw->target, signo);
		fw->key = key;
		w = wm_watch_signal(php_wm_loop(), (int)signo, fd_watch_fire, fw);
	} else if (flag == EV_READ_FLAG || flag == EV_WRITE_FLAG) {
		int sock;
		if (!stream_fd(fd, &sock)) {
			php_wm_callable_dtor(&cb);
			zend_argument_type_error(1, "must be a stream resource with a file descriptor");
			RETURN_THROWS();
		}
		zend_ulong key = ((zend_ulong)sock << 3) | (zend_ulong)flag;
		remove_key(key);
		fw = ecalloc(1, sizeof(*fw));
		fw->cb = cb;
		ZVAL_COPY(&fw->target, fd);
		fw->key = key;
		w = wm_watch_fd(php_wm_loop(), sock, flag == EV_READ_FLAG ? WM_EV_READ : WM_EV_WRITE, fd_watch_fire, fw);
	} else {
		php_wm_callable_dtor(&cb);
		zend_argument_value_error(2, "must be one of the EventInterface::EV_* constants");
		RETURN_THROWS();
	}
	if (!w) {
		php_wm_callable_dtor(&fw->cb);
		zval_ptr_dtor(&fw->target);
		efree(fw);
		RETURN_FALSE;
	}
	fw->watch = w;
	w->dispose = fd_watch_dispose;
	zend_hash_index_update_ptr(watch_table(), fw->key, fw);
	RETURN_TRUE;
}

ZEND_METHOD(Workerman_Events_Native, del)
{
	zval *fd;
	zend_long flag;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_ZVAL(fd)
		Z_PARAM_LONG(flag)
	ZEND_PARSE_PARAMETERS_END();
	if (flag == EV_TIMER_FLAG || flag == EV_TIMER_ONCE_FLAG) {
		RETURN_BOOL(php_wm_timer_del(zval_get_long(fd)));
	}
	if (flag == EV_SIGNAL_FLAG) {
		remove_key(((zend_ulong)zval_get_long(fd) << 3) | EV_SIGNAL_FLAG);
		RETURN_TRUE;
	}
	int sock;
	if (!stream_fd(fd, &sock)) {
		RETURN_FALSE;
	}
	remove_key(((zend_ulong)sock << 3) | (zend_ulong)flag);
	RETURN_TRUE;
}

ZEND_METHOD(Workerman_Events_Native, clearAllTimer)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	php_wm_timer_del_all();
}

ZEND_METHOD(Workerman_Events_Native, loop)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	if (WM_G(proc.in_child) || WM_G(proc.in_master)) {
		return; /* runAll already runs the loop */
	}
	wm_loop_run(php_wm_loop());
}

ZEND_METHOD(Workerman_Events_Native, destroy)
{
	RETVAL_NULL(); /* void, as in Workerman */
	ZEND_PARSE_PARAMETERS_NONE();
	if (WM_G(loop.loop)) {
		wm_loop_stop(WM_G(loop.loop));
	}
}

ZEND_METHOD(Workerman_Events_Native, getTimerCount)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(php_wm_timer_count());
}

void php_wm_event_set_global(void)
{
	if (Z_TYPE(WM_G(loop.global_event)) != IS_OBJECT) {
		object_init_ex(&WM_G(loop.global_event), wm_ce_Workerman_Events_Native);
	}
	php_wm_set_static_prop(wm_ce_Workerman_Worker, "globalEvent", &WM_G(loop.global_event));
}

void php_wm_event_clear_all(void)
{
	while (zend_hash_num_elements(watch_table()) > 0) {
		zend_hash_internal_pointer_reset(watch_table());
		php_wm_fd_watch *fw = zend_hash_get_current_data_ptr(watch_table());
		zend_hash_index_del(watch_table(), fw->key);
		wm_watch_free(fw->watch);
	}
	zend_hash_destroy(watch_table());
}

void php_wm_event_minit(void)
{
	wm_ce_Workerman_Events_EventInterface = register_class_Workerman_Events_EventInterface();
	wm_ce_Workerman_Events_Native = register_class_Workerman_Events_Native(wm_ce_Workerman_Events_EventInterface);
}
