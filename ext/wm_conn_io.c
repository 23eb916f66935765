/* The I/O core of TcpConnection: the read loop (framing, decode, onMessage), send with
 * Workerman's return values (the engine judges the send-buffer limit and streams files:
 * this file translates its verdicts), close/destroy, statistics, accepted connections. */
#include "ext/wm_bridge.h"
#include "ext/wm_globals.h"
#include "ext/wm_connection.h"
#include "ext/wm_protocol.h"
#include "ext/wm_tls.h"

#include <unistd.h>

/* ---- statistics: ConnectionInterface::$statistics ---- */

static zend_string *stat_keys[4];
static uint32_t statistics_offset, connections_offset, status_names_offset;

/* A static property found by its slot rather than by name (hot path). */
static zval *static_slot(zend_class_entry *ce, uint32_t offset)
{
	if (UNEXPECTED(!CE_STATIC_MEMBERS(ce))) {
		zend_class_init_statics(ce);
	}
	zval *zv = CE_STATIC_MEMBERS(ce) + offset;
	ZVAL_DEREF(zv);
	return zv;
}

static zval *statistics_zval(void)
{
	return static_slot(wm_ce_Workerman_Connection_ConnectionInterface, statistics_offset);
}

/* TcpConnection::$connections: every live connection by id, as in 3.5 (added when the
 * connection is created, removed when it is destroyed). The array holds a reference. */
static void connections_add(php_wm_conn *c)
{
	zval *arr = static_slot(wm_ce_Workerman_Connection_TcpConnection, connections_offset);
	if (UNEXPECTED(Z_TYPE_P(arr) != IS_ARRAY)) {
		zval_ptr_dtor(arr);
		array_init(arr);
	}
	SEPARATE_ARRAY(arr);
	zval zc;
	ZVAL_OBJ_COPY(&zc, &c->std);
	zend_hash_index_update(Z_ARRVAL_P(arr), c->conn_id, &zc);
}

static void connections_del(php_wm_conn *c)
{
	zval *arr = static_slot(wm_ce_Workerman_Connection_TcpConnection, connections_offset);
	if (Z_TYPE_P(arr) == IS_ARRAY) {
		SEPARATE_ARRAY(arr);
		zend_hash_index_del(Z_ARRVAL_P(arr), c->conn_id);
	}
}

zval *php_wm_conn_status_name(int status)
{
	zval *arr = static_slot(wm_ce_Workerman_Connection_TcpConnection, status_names_offset);
	return Z_TYPE_P(arr) == IS_ARRAY ? zend_hash_index_find(Z_ARRVAL_P(arr), status) : NULL;
}

void php_wm_conn_close_dup_stream(php_wm_conn *c)
{
	if (c->stream_dup && Z_TYPE(c->stream) == IS_RESOURCE) {
		zend_list_close(Z_RES(c->stream));
	}
}

/* Slots of the four counters in the current $statistics array, valid while it is the same
 * unshared array with the same bucket storage (hot path: one add per read batch). */
static zend_array *stats_arr;
static Bucket *stats_data;
static zval *stats_slot[4];

void php_wm_stats_add(int which, zend_long n)
{
	WM_G(conn.stats)[which] += n;
	zval *arr = statistics_zval();
	if (EXPECTED(Z_TYPE_P(arr) == IS_ARRAY && Z_ARR_P(arr) == stats_arr && GC_REFCOUNT(stats_arr) == 1
			&& stats_arr->arData == stats_data && Z_TYPE_P(stats_slot[which]) == IS_LONG)) {
		Z_LVAL_P(stats_slot[which]) += n;
		return;
	}
	if (Z_TYPE_P(arr) != IS_ARRAY) {
		zval_ptr_dtor(arr);
		array_init(arr);
	}
	SEPARATE_ARRAY(arr);
	HashTable *ht = Z_ARRVAL_P(arr);
	zval *slot = zend_hash_find_known_hash(ht, stat_keys[which]);
	if (slot && Z_TYPE_P(slot) == IS_LONG) {
		Z_LVAL_P(slot) += n;
	} else {
		zval v;
		ZVAL_LONG(&v, WM_G(conn.stats)[which]);
		zend_hash_update(ht, stat_keys[which], &v);
	}
	/* Remember the slots once all four counters are there and the storage is settled. */
	stats_arr = NULL;
	for (int i = 0; i < 4; i++) {
		stats_slot[i] = zend_hash_find_known_hash(ht, stat_keys[i]);
		if (!stats_slot[i]) {
			return;
		}
	}
	stats_arr = ht;
	stats_data = ht->arData;
}

php_wm_conn_hooks php_wm_conn_hook;

void php_wm_conn_set_hooks(const php_wm_conn_hooks *h)
{
	php_wm_conn_hook = *h;
}

/* ---- callbacks ---- */

static php_wm_cb *worker_cache_for(php_wm_worker *w, int slot)
{
	switch (slot) {
	case WM_CONN_PROP_ON_MESSAGE: return &w->cb_message;
	case WM_CONN_PROP_ON_CLOSE: return &w->cb_close;
	case WM_CONN_PROP_ON_ERROR: return &w->cb_error;
	case WM_CONN_PROP_ON_BUFFER_FULL: return &w->cb_buffer_full;
	case WM_CONN_PROP_ON_BUFFER_DRAIN: return &w->cb_buffer_drain;
	}
	return NULL;
}

static const char *const cb_names[] = {"onMessage", "onClose", "onError", "onBufferFull", "onBufferDrain"};

/* The resolved callback in a connection property: the Worker's cache when the property
 * still holds the Worker's value (the usual case, no per-connection memory). */
static php_wm_cb *conn_cb_resolve(php_wm_conn *c, int slot)
{
	zval *p = conn_prop(c, slot);
	ZVAL_DEREF(p);
	if (Z_TYPE_P(p) <= IS_FALSE) {
		return NULL;
	}
	if (c->worker) {
		php_wm_cb *wc = worker_cache_for(c->worker, slot);
		if (wc->ok && Z_TYPE(wc->held) == Z_TYPE_P(p) && Z_REFCOUNTED_P(p)
				&& Z_COUNTED(wc->held) == Z_COUNTED_P(p)) {
			return wc;
		}
	}
	if (!c->own_cbs) {
		c->own_cbs = ecalloc(1, sizeof(*c->own_cbs));
	}
	php_wm_cb *own = &c->own_cbs->cb[slot];
	return php_wm_cb_get(own, p, cb_names[slot]) ? own : NULL;
}

/* Fast path: the property still holds the Worker's callback (no dereference needed). */
static zend_always_inline php_wm_cb *conn_cb(php_wm_conn *c, int slot)
{
	zval *p = conn_prop(c, slot);
	if (EXPECTED(c->worker && Z_TYPE_P(p) == IS_OBJECT)) {
		php_wm_cb *wc = worker_cache_for(c->worker, slot);
		if (EXPECTED(wc->ok == 1 && Z_TYPE(wc->held) == IS_OBJECT && Z_OBJ(wc->held) == Z_OBJ_P(p))) {
			return wc;
		}
	}
	return conn_cb_resolve(c, slot);
}

static bool conn_emit(php_wm_conn *c, int slot, uint32_t extra_argc, zval *extra)
{
	php_wm_cb *cb = conn_cb(c, slot);
	if (!cb) {
		return true;
	}
	zval argv[3];
	ZVAL_OBJ(&argv[0], &c->std);
	for (uint32_t i = 0; i < extra_argc; i++) {
		ZVAL_COPY_VALUE(&argv[i + 1], &extra[i]);
	}
	return php_wm_cb_call(cb, NULL, 1 + extra_argc, argv);
}

bool php_wm_conn_emit_error(php_wm_conn *c, zend_long code, const char *msg)
{
	zval extra[2];
	ZVAL_LONG(&extra[0], code);
	ZVAL_STRING(&extra[1], msg);
	bool ok = conn_emit(c, WM_CONN_PROP_ON_ERROR, 2, extra);
	zval_ptr_dtor(&extra[1]);
	return ok;
}

/* ---- protocol of the connection ---- */

static void conn_protocol_forget(php_wm_conn *c)
{
	if (c->proto_ident) {
		zend_string_release((zend_string *)c->proto_ident);
		c->proto_ident = NULL;
	}
	wm_proto_conn_set(&c->pc, NULL, NULL);
}

static const wm_proto_ops_t *conn_protocol_resolve(php_wm_conn *c)
{
	zval *p = conn_prop(c, WM_CONN_PROP_PROTOCOL);
	ZVAL_DEREF(p);
	if (Z_TYPE_P(p) != IS_STRING || Z_STRLEN_P(p) == 0) {
		conn_protocol_forget(c);
		return NULL;
	}
	if (Z_STR_P(p) != c->proto_ident) {
		conn_protocol_forget(c);
		c->proto_ident = zend_string_copy(Z_STR_P(p));
		php_wm_protocol *proto = php_wm_protocol_get(Z_STR_P(p));
		if (proto) {
			wm_proto_conn_set(&c->pc, proto->ops, proto);
		} else if (!EG(exception)) {
			php_wm_logf("protocol class %s not exist", Z_STRVAL_P(p));
		}
	}
	return c->pc.ops;
}

/* The protocol of the connection: the resolved one while the property still holds the same
 * string (the hot path), else resolved again. */
static zend_always_inline const wm_proto_ops_t *conn_protocol(php_wm_conn *c)
{
	zval *p = conn_prop(c, WM_CONN_PROP_PROTOCOL);
	if (EXPECTED(Z_TYPE_P(p) == IS_STRING && Z_STR_P(p) == c->proto_ident)) {
		return c->pc.ops;
	}
	return conn_protocol_resolve(c);
}

/* ---- lifecycle ---- */

/* Drop the loop's reference, taken when I/O started (accept, wrap, connect). */
static void conn_release_loop_ref(php_wm_conn *c)
{
	if (c->loop_ref) {
		c->loop_ref = false;
		OBJ_RELEASE(&c->std);
	}
}

void php_wm_conn_destroy(php_wm_conn *c)
{
	if (c->status == WM_CONN_STATUS_CLOSED) {
		return;
	}
	GC_ADDREF(&c->std);
	if (c->io.loop && c->io.loop->batch_conn == &c->io) {
		/* send() reported these bytes as sent: give them to the kernel before closing. */
		wm_conn_batch_end(&c->io);
	}
	wm_conn_close(&c->io);
	if (c->async) {
		php_wm_async_cancel_pending(c);
	}
	/* Dropped at the end; a reconnect() from onClose takes a new one. */
	bool had_loop_ref = c->loop_ref;
	c->loop_ref = false;
	if (Z_TYPE(c->stream) == IS_RESOURCE) {
		zend_list_close(Z_RES(c->stream));
	}
	c->status = WM_CONN_STATUS_CLOSED;
	if (c->counted) {
		c->counted = false;
		php_wm_stats_add(WM_STAT_CONNECTION_COUNT, -1);
	}
	conn_set_long_prop(c, WM_CONN_PROP_BYTES_READ, (zend_long)c->io.bytes_read);
	conn_set_long_prop(c, WM_CONN_PROP_BYTES_WRITTEN, (zend_long)c->io.bytes_written);
	bool ok = conn_emit(c, WM_CONN_PROP_ON_CLOSE, 0, NULL);
	const wm_proto_ops_t *ops = ok ? conn_protocol(c) : NULL;
	if (ops && ops->on_close && !EG(exception)) {
		ops->on_close(&c->pc);
	}
	if (c->status != WM_CONN_STATUS_CLOSED) {
		/* onClose called reconnect() (an AsyncTcpConnection): as 3.5, its callbacks and its
		 * registration stay. */
		if (had_loop_ref) {
			OBJ_RELEASE(&c->std);
		}
		OBJ_RELEASE(&c->std);
		return;
	}
	/* Break the cycles closures make with the connection, as Workerman does. */
	for (int slot = WM_CONN_PROP_ON_MESSAGE; slot <= WM_CONN_PROP_ON_BUFFER_DRAIN; slot++) {
		zval *prop = conn_prop(c, slot);
		zval_ptr_dtor(prop);
		ZVAL_NULL(prop);
	}
	if (c->own_cbs) {
		for (int i = 0; i <= WM_CONN_PROP_ON_BUFFER_DRAIN; i++) {
			php_wm_cb_dtor(&c->own_cbs->cb[i]);
		}
		efree(c->own_cbs);
		c->own_cbs = NULL;
	}
	if (c->worker) {
		zval *list = php_wm_worker_prop(c->worker, WM_WORKER_PROP_CONNECTIONS);
		ZVAL_DEREF(list);
		if (Z_TYPE_P(list) == IS_ARRAY) {
			SEPARATE_ARRAY(list);
			zend_hash_index_del(Z_ARRVAL_P(list), c->conn_id);
		}
	}
	connections_del(c);
	if (had_loop_ref) {
		OBJ_RELEASE(&c->std);
	}
	OBJ_RELEASE(&c->std);
	if (php_wm_conn_hook.gone) {
		php_wm_conn_hook.gone();
	}
}


/* The process is exiting with connections still open (a stop while output was queued, or
 * a connection closing with data pending): drop them without callbacks, as the exit would,
 * but release what they hold so nothing is left referenced at shutdown. */
void php_wm_conn_abandon_all(php_wm_worker *w)
{
	zval *list = php_wm_worker_prop(w, WM_WORKER_PROP_CONNECTIONS);
	ZVAL_DEREF(list);
	if (Z_TYPE_P(list) != IS_ARRAY) {
		return;
	}
	zval copy, *zc;
	ZVAL_COPY(&copy, list);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(copy), zc) {
		ZVAL_DEREF(zc);
		if (Z_TYPE_P(zc) != IS_OBJECT || !instanceof_function(Z_OBJCE_P(zc), wm_ce_Workerman_Connection_TcpConnection)) {
			continue;
		}
		php_wm_conn *c = php_wm_conn_from_obj(Z_OBJ_P(zc));
		if (c->status == WM_CONN_STATUS_CLOSED) {
			continue;
		}
		wm_conn_close(&c->io);
		php_wm_conn_close_dup_stream(c);
		c->status = WM_CONN_STATUS_CLOSED;
		SEPARATE_ARRAY(list);
		zend_hash_index_del(Z_ARRVAL_P(list), c->conn_id);
		connections_del(c);
		conn_release_loop_ref(c);
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&copy);
}

/* ---- send ---- */

/* A send the engine dropped (send buffer full) or that failed, as Workerman reports it:
 * onError(WORKERMAN_SEND_FAIL); a failed one also destroys the connection. */
static void conn_send_failed(php_wm_conn *c, int rc)
{
	php_wm_stats_add(WM_STAT_SEND_FAIL, 1);
	if (rc == WM_SEND_DROPPED) {
		php_wm_conn_emit_error(c, 2, "send buffer full and drop package");
		return;
	}
	php_wm_conn_emit_error(c, 2, "client closed");
	php_wm_conn_destroy(c);
}

/* A client's send() before its socket exists (not connected yet, or resolving): queued for
 * the connect to flush, as 3.5 appends to its send buffer; refused (send_fail, false,
 * no onError) while the queue is already full, onBufferFull once the queue fills. */
static int conn_queue_before_connect(php_wm_conn *c, const struct iovec *iov, int n, zval *return_value)
{
	if (wm_buf_size(&c->io.out) > 0 && wm_conn_full(&c->io)) {
		php_wm_stats_add(WM_STAT_SEND_FAIL, 1);
		RETVAL_FALSE;
		return WM_SEND_FAILED;
	}
	for (int i = 0; i < n; i++) {
		wm_buf_append(&c->io.out, iov[i].iov_base, iov[i].iov_len);
	}
	RETVAL_NULL();
	if (wm_conn_full(&c->io) && !c->io.full_reported) {
		c->io.full_reported = 1;
		conn_emit(c, WM_CONN_PROP_ON_BUFFER_FULL, 0, NULL);
	}
	return WM_SEND_QUEUED;
}

static zend_always_inline int conn_send_iov(php_wm_conn *c, const struct iovec *iov, int n, zval *return_value)
{
	if (c->status == WM_CONN_STATUS_CLOSING || c->status == WM_CONN_STATUS_CLOSED) {
		RETVAL_FALSE;
		return WM_SEND_FAILED;
	}
	if (UNEXPECTED(c->io.fd < 0)) {
		return conn_queue_before_connect(c, iov, n, return_value);
	}
	/* The engine judges the limit (c->io.max_send) and reports onBufferFull (on_full). */
	int rc = wm_conn_send(&c->io, iov, n);
	switch (rc) {
	case WM_SEND_DONE:
	case WM_SEND_BATCHED:
		/* Batched: accepted and written when this read batch ends (documented as true). */
		RETVAL_TRUE;
		break;
	case WM_SEND_QUEUED:
		RETVAL_NULL();
		break;
	default:
		conn_send_failed(c, rc);
		RETVAL_FALSE;
		return WM_SEND_FAILED; /* dropped or failed: callers test for one value */
	}
	return rc;
}

int php_wm_conn_send_iov(php_wm_conn *c, const struct iovec *iov, int n, zval *return_value)
{
	return conn_send_iov(c, iov, n, return_value);
}

static zend_always_inline void conn_send_out(php_wm_conn *c, wm_proto_out_t *out, zval *return_value)
{
	conn_send_iov(c, out->iov, out->iovcnt, return_value);
	if (UNEXPECTED(out->hold[0] || out->hold[1])) {
		for (int i = 0; i < 2; i++) {
			if (out->hold[i]) {
				zend_string_release((zend_string *)out->hold[i]);
				out->hold[i] = NULL;
			}
		}
	}
	if (UNEXPECTED(out->close_after) && c->status == WM_CONN_STATUS_ESTABLISHED) {
		php_wm_conn_close(c, NULL, false);
	}
}

void php_wm_conn_send_out(php_wm_conn *c, wm_proto_out_t *out, zval *return_value)
{
	conn_send_out(c, out, return_value);
}

/* The bytes of a send() argument, converted when the protocol first asks. */
static const char *payload_bytes(wm_proto_payload_t *pl, size_t *len)
{
	/* Not a string (strings are given at once): convert, the payload owns the result. */
	zend_string *str = zval_get_string((zval *)pl->value);
	pl->tmp = str;
	pl->data = ZSTR_VAL(str);
	pl->len = ZSTR_LEN(str);
	*len = pl->len;
	return pl->data;
}

/* send() as Workerman defines it: encode through the protocol unless raw. */
void php_wm_conn_send(php_wm_conn *c, zval *data, bool raw, zval *return_value)
{
	if (c->status == WM_CONN_STATUS_CLOSING || c->status == WM_CONN_STATUS_CLOSED) {
		RETURN_FALSE;
	}
	const wm_proto_ops_t *ops = raw ? NULL : conn_protocol(c);
	if (!ops || !ops->encode) {
		zend_string *tmp;
		zend_string *s = zval_get_tmp_string(data, &tmp);
		struct iovec iov = {ZSTR_VAL(s), ZSTR_LEN(s)};
		conn_send_iov(c, &iov, 1, return_value);
		zend_tmp_string_release(tmp);
		return;
	}
	wm_proto_payload_t pl = {data, NULL, 0, payload_bytes, NULL};
	if (EXPECTED(Z_TYPE_P(data) == IS_STRING)) {
		pl.data = Z_STRVAL_P(data);
		pl.len = Z_STRLEN_P(data);
	}
	wm_proto_out_t out;
	out.iovcnt = 0;
	out.hold[0] = out.hold[1] = NULL;
	out.close_after = false;
	switch (ops->encode(&c->pc, &pl, &out)) {
	case WM_PROTO_OK:
		conn_send_out(c, &out, return_value);
		break;
	case WM_PROTO_EMPTY:
		RETVAL_NULL();
		break;
	case WM_PROTO_E_REFUSED:
		RETVAL_FALSE;
		break;
	default:
		break; /* an exception propagates to the caller of send() */
	}
	if (UNEXPECTED(pl.tmp != NULL)) {
		zend_string_release((zend_string *)pl.tmp);
	}
}

void php_wm_conn_close(php_wm_conn *c, zend_string *data, bool raw)
{
	if (c->status == WM_CONN_STATUS_CONNECTING) {
		php_wm_conn_destroy(c);
		return;
	}
	if (c->status == WM_CONN_STATUS_CLOSING || c->status == WM_CONN_STATUS_CLOSED) {
		return;
	}
	if (data) {
		zval zd, rv;
		ZVAL_STR(&zd, data);
		php_wm_conn_send(c, &zd, raw, &rv);
		zval_ptr_dtor(&rv);
		if (EG(exception) || c->status == WM_CONN_STATUS_CLOSED) {
			return;
		}
	}
	c->status = WM_CONN_STATUS_CLOSING;
	if (c->io.loop && c->io.loop->batch_conn == &c->io) {
		/* Write what this batch produced now, so that close() behaves as in Workerman:
		 * with nothing left to send the connection is destroyed at once. */
		if (wm_conn_batch_end(&c->io) == WM_SEND_FAILED) {
			php_wm_stats_add(WM_STAT_SEND_FAIL, 1);
			php_wm_conn_destroy(c);
			return;
		}
	}
	if (wm_conn_pending(&c->io) == 0) {
		php_wm_conn_destroy(c);
	} else {
		wm_conn_pause_read(&c->io);
	}
}

/* ---- the read path ---- */

/* pipe(): what the source read goes to dest as $dest->send($data) would send it, without
 * making a PHP string when dest speaks no protocol. */
static void conn_pipe_forward(php_wm_conn *dest, const char *data, size_t len)
{
	zval rv;
	GC_ADDREF(&dest->std);
	if (!conn_protocol(dest)) {
		struct iovec iov = {(void *)data, len};
		conn_send_iov(dest, &iov, 1, &rv);
	} else {
		zval zd;
		ZVAL_STRINGL_FAST(&zd, data, len);
		php_wm_conn_send(dest, &zd, false, &rv);
		zval_ptr_dtor(&zd);
	}
	zval_ptr_dtor(&rv);
	OBJ_RELEASE(&dest->std);
}

/* Frame, decode and dispatch every complete packet of this read batch, through the
 * connection's protocol (src/proto/wm_proto.h). */
static void conn_process(php_wm_conn *c)
{
	zend_long requests = 0;
	while (c->status == WM_CONN_STATUS_ESTABLISHED || c->status == WM_CONN_STATUS_CLOSING) {
		if (!c->io.reading || c->io.closed || WM_G(proc.stop_requested)) {
			break;
		}
		size_t len;
		const char *data = wm_conn_rdata(&c->io, &len);
		if (len == 0) {
			break;
		}
		const wm_proto_ops_t *ops = conn_protocol(c);
		zval msg;
		php_wm_cb *cb = NULL;
		if (!ops) {
			/* Resolved once here for the pipe check and the call below. */
			cb = conn_cb(c, WM_CONN_PROP_ON_MESSAGE);
			php_wm_conn *dest = cb ? php_wm_pipe_dest(&cb->held) : NULL;
			if (dest) {
				requests++;
				conn_pipe_forward(dest, data, len);
				if (c->io.closed) {
					break;
				}
				wm_conn_rconsume(&c->io, len);
				continue;
			}
			ZVAL_STRINGL_FAST(&msg, data, len);
			wm_conn_rconsume(&c->io, len);
		} else {
			if (c->pc.package_len == 0) {
				int64_t n = ops->input(&c->pc, data, len);
				if (n < 0) {
					if (n == WM_PROTO_E_CLOSE) {
						php_wm_conn_close(c, NULL, false);
					} else if (n == WM_PROTO_E_BAD) {
						php_wm_conn_destroy(c); /* the protocol logged why */
					} else if (EG(exception)) {
						php_wm_handle_exception();
					}
					break;
				}
				if (n == 0 || c->io.closed || c->status == WM_CONN_STATUS_CLOSED) {
					break;
				}
				c->pc.package_len = (size_t)n;
				/* input() may have consumed bytes (consumeRecvBuffer). */
				data = wm_conn_rdata(&c->io, &len);
			}
			if (c->pc.package_len > len) {
				break;
			}
			/* As Workerman: the frame leaves the buffer before decode() sees it (its bytes
			 * stay valid until the next read). */
			size_t flen = c->pc.package_len;
			c->pc.package_len = 0;
			wm_conn_rconsume(&c->io, flen);
			wm_proto_msg_t m = {NULL, 0, &msg};
			if (ops->decode(&c->pc, data, flen, &m) != WM_PROTO_OK) {
				if (EG(exception)) {
					php_wm_handle_exception();
				}
				break;
			}
			if (!m.value) {
				ZVAL_STRINGL_FAST(&msg, m.data, m.len);
			}
		}
		requests++;
		if (ops) {
			cb = conn_cb(c, WM_CONN_PROP_ON_MESSAGE);
		}
		if (cb) {
			zval argv[2];
			ZVAL_OBJ(&argv[0], &c->std);
			ZVAL_COPY_VALUE(&argv[1], &msg);
			bool ok = php_wm_cb_call(cb, NULL, 2, argv);
			zval_ptr_dtor(&msg);
			if (!ok) {
				break;
			}
		} else {
			zval_ptr_dtor(&msg);
		}
	}
	if (requests) {
		php_wm_stats_add(WM_STAT_TOTAL_REQUEST, requests);
	}
}

static void conn_after_batch(php_wm_conn *c)
{
	int rc = wm_conn_batch_end(&c->io);
	if (c->status == WM_CONN_STATUS_CLOSED) {
		return;
	}
	/* (A file being streamed is refilled by the engine once this batch is done.) */
	if (rc == WM_SEND_FAILED) {
		php_wm_stats_add(WM_STAT_SEND_FAIL, 1);
		if (!WM_G(proc.stop_requested)) {
			php_wm_conn_emit_error(c, 2, "client closed");
		}
		php_wm_conn_destroy(c);
		return;
	}
	if (c->status == WM_CONN_STATUS_CLOSING && wm_conn_pending(&c->io) == 0) {
		php_wm_conn_destroy(c);
	}
}

static void conn_on_data(wm_conn_t *io)
{
	php_wm_conn *c = php_wm_conn_from_io(io);
	/* conn_hold/conn_release bracket this dispatch: c stays alive throughout. */
	conn_set_long_prop(c, WM_CONN_PROP_BYTES_READ, (zend_long)io->bytes_read);
	conn_process(c);
	conn_after_batch(c);
}

static void conn_on_eof(wm_conn_t *io, int err)
{
	php_wm_conn *c = php_wm_conn_from_io(io);
	(void)err;
	php_wm_conn_destroy(c);
}

static void conn_on_drain(wm_conn_t *io)
{
	php_wm_conn *c = php_wm_conn_from_io(io);
	GC_ADDREF(&c->std);
	conn_set_long_prop(c, WM_CONN_PROP_BYTES_WRITTEN, (zend_long)io->bytes_written);
	/* (Not called while a file is streamed: the engine's file pump takes the drain.) */
	if (conn_emit(c, WM_CONN_PROP_ON_BUFFER_DRAIN, 0, NULL) && c->status == WM_CONN_STATUS_CLOSING) {
		php_wm_conn_destroy(c);
	}
	OBJ_RELEASE(&c->std);
}

static void conn_on_write_error(wm_conn_t *io, int err)
{
	php_wm_conn *c = php_wm_conn_from_io(io);
	(void)err;
	php_wm_stats_add(WM_STAT_SEND_FAIL, 1);
	php_wm_conn_destroy(c);
}

static void conn_hold(wm_conn_t *io)
{
	GC_ADDREF(&php_wm_conn_from_io(io)->std);
}

static void conn_release(wm_conn_t *io)
{
	OBJ_RELEASE(&php_wm_conn_from_io(io)->std);
}

static void conn_on_full(wm_conn_t *io)
{
	conn_emit(php_wm_conn_from_io(io), WM_CONN_PROP_ON_BUFFER_FULL, 0, NULL);
}

static void conn_on_file_done(wm_conn_t *io, int status)
{
	php_wm_conn *c = php_wm_conn_from_io(io);
	switch (status) {
	case WM_FILE_SENT:
		if (php_wm_conn_hook.file_sent) {
			php_wm_conn_hook.file_sent(c);
		}
		break;
	case WM_FILE_READ_FAILED:
		/* The file shrank or failed: the announced length can't be met. */
		php_wm_logf("sendFile: read failed at offset %lld, closing the connection", (long long)wm_conn_file_pos(io));
		php_wm_conn_destroy(c);
		break;
	case WM_FILE_DROPPED:
		conn_send_failed(c, WM_SEND_DROPPED);
		break;
	default:
		conn_send_failed(c, WM_SEND_FAILED);
		break;
	}
}

const wm_conn_ops_t php_wm_conn_ops = {
	.on_data = conn_on_data,
	.on_eof = conn_on_eof,
	.on_drain = conn_on_drain,
	.on_write_error = conn_on_write_error,
	.hold = conn_hold,
	.release = conn_release,
	.on_full = conn_on_full,
	.on_file_done = conn_on_file_done,
};

/* An accepted ssl connection's handshake ended (onConnect ran at accept, as in 3.5). */
static void conn_on_tls_ready(wm_conn_t *io, int err)
{
	php_wm_conn *c = php_wm_conn_from_io(io);
	GC_ADDREF(&c->std);
	if (err == ECONNRESET || err == EPIPE) {
		php_wm_conn_destroy(c); /* the peer left: 3.5 destroys it without a word too */
	} else if (err) {
		/* 3.5 prints "SSL handshake error: ..." and destroys the connection. */
		zend_string *peer = php_wm_format_addr(&c->remote.sa);
		php_wm_logf("SSL handshake error: %s (from %s on %s)",
			err == ETIMEDOUT ? "timed out" : (*wm_tls_last_error() ? wm_tls_last_error() : strerror(err)),
			ZSTR_LEN(peer) ? ZSTR_VAL(peer) : "?",
			c->worker && c->worker->socket_name ? ZSTR_VAL(c->worker->socket_name) : "?");
		zend_string_release(peer);
		php_wm_conn_destroy(c);
	} else {
		php_wm_conn_tls_handshaken(c);
	}
	OBJ_RELEASE(&c->std);
}

void php_wm_conn_tls_handshaken(php_wm_conn *c)
{
	/* 3.5 calls the connection's onSslHandshake (a dynamic property) when it is set. */
	if (!c->std.properties) {
		return;
	}
	zval *p = zend_hash_str_find_deref(c->std.properties, "onSslHandshake", sizeof("onSslHandshake") - 1);
	if (!p || Z_TYPE_P(p) == IS_NULL) {
		return;
	}
	php_wm_cb cb = {0};
	ZVAL_UNDEF(&cb.held);
	if (php_wm_cb_get(&cb, p, "onSslHandshake")) {
		zval arg;
		ZVAL_OBJ(&arg, &c->std);
		php_wm_cb_call(&cb, NULL, 1, &arg);
	}
	php_wm_cb_dtor(&cb);
}

wm_conn_ops_t php_wm_conn_tls_ops; /* php_wm_conn_ops + on_connect, made at MINIT */

/* ---- creation ---- */

static zend_long static_long(const char *name, zend_long dflt)
{
	zval *zv = php_wm_static_prop(wm_ce_Workerman_Connection_TcpConnection, name);
	return Z_TYPE_P(zv) == IS_UNDEF ? dflt : zval_get_long(zv);
}

void php_wm_conn_init_common(php_wm_conn *c)
{
	c->conn_id = WM_G(conn.next_id)++;
	conn_set_long_prop(c, WM_CONN_PROP_ID, c->conn_id);
	/* 3.5 reads $defaultMax*; the manual sets TcpConnection::$max* directly. A changed
	 * default wins, else the manual's spelling applies. */
	zend_long dsend = static_long("defaultMaxSendBufferSize", 1048576);
	zend_long dpkg = static_long("defaultMaxPackageSize", 10485760);
	c->io.max_send = dsend != 1048576 ? dsend : static_long("maxSendBufferSize", 1048576);
	c->pc.max_package = dpkg != 10485760 ? dpkg : static_long("maxPackageSize", 10485760);
	c->status = WM_CONN_STATUS_ESTABLISHED;
	c->counted = true;
	php_wm_stats_add(WM_STAT_CONNECTION_COUNT, 1);
	connections_add(c);
}

php_wm_conn *php_wm_conn_accepted(php_wm_worker *w, int fd, const wm_inaddr_t *peer)
{
	zval zconn;
	object_init_ex(&zconn, wm_ce_Workerman_Connection_TcpConnection);
	php_wm_conn *c = php_wm_conn_from_obj(Z_OBJ(zconn));
	c->remote = *peer;
	c->is_unix = w->transport == WM_TRANSPORT_UNIX;
	bool tls = w->transport == WM_TRANSPORT_SSL && w->tls;
	if (wm_conn_start(&c->io, php_wm_loop(), fd, tls ? &php_wm_conn_tls_ops : &php_wm_conn_ops) != WM_OK) {
		close(fd);
		zval_ptr_dtor(&zconn);
		return NULL;
	}
	/* The handshake runs from the loop; sends until it is over are queued (as 3.5's). */
	if (tls && (wm_tls_attach(&c->io, w->tls, NULL) != WM_OK
			|| wm_conn_handshake(&c->io, php_wm_tls_handshake_timeout_ms()) != WM_OK)) {
		php_wm_logf("SSL handshake error: %s", strerror(errno));
		wm_conn_close(&c->io);
		zval_ptr_dtor(&zconn);
		return NULL;
	}
	GC_ADDREF(&c->std); /* the loop's reference while open */
	c->loop_ref = true;
	php_wm_conn_init_common(c);

	/* As Workerman's acceptConnection: register, then copy the Worker's settings. */
	zval *list = php_wm_worker_prop(w, WM_WORKER_PROP_CONNECTIONS);
	ZVAL_DEREF(list);
	if (Z_TYPE_P(list) != IS_ARRAY) {
		zval_ptr_dtor(list);
		array_init(list);
	}
	SEPARATE_ARRAY(list);
	zend_hash_index_update(Z_ARRVAL_P(list), c->conn_id, &zconn);

	c->worker = w;
	zval *wp;
	wp = conn_prop(c, WM_CONN_PROP_WORKER);
	zval_ptr_dtor(wp);
	ZVAL_OBJ_COPY(wp, &w->std);

	static const struct { int conn_slot; int worker_slot; const char *name; } copies[] = {
		{WM_CONN_PROP_PROTOCOL, WM_WORKER_PROP_PROTOCOL, "protocol"},
		{WM_CONN_PROP_TRANSPORT, WM_WORKER_PROP_TRANSPORT, "transport"},
		{WM_CONN_PROP_ON_MESSAGE, WM_WORKER_PROP_ON_MESSAGE, "onMessage"},
		{WM_CONN_PROP_ON_CLOSE, WM_WORKER_PROP_ON_CLOSE, "onClose"},
		{WM_CONN_PROP_ON_ERROR, WM_WORKER_PROP_ON_ERROR, "onError"},
		{WM_CONN_PROP_ON_BUFFER_DRAIN, WM_WORKER_PROP_ON_BUFFER_DRAIN, "onBufferDrain"},
		{WM_CONN_PROP_ON_BUFFER_FULL, WM_WORKER_PROP_ON_BUFFER_FULL, "onBufferFull"},
	};
	for (size_t i = 0; i < sizeof(copies) / sizeof(copies[0]); i++) {
		zval *src = php_wm_worker_prop(w, copies[i].worker_slot);
		ZVAL_DEREF(src);
		zval *dst = conn_prop(c, copies[i].conn_slot);
		zval_ptr_dtor(dst);
		ZVAL_COPY(dst, src);
		if (copies[i].conn_slot <= WM_CONN_PROP_ON_BUFFER_DRAIN) {
			/* Resolve the Worker's cache now so connections share it. */
			php_wm_cb_get(worker_cache_for(w, copies[i].conn_slot), src, copies[i].name);
		}
	}
	/* A protocol with a greeting or a handshake starts here, before onConnect. */
	php_wm_conn_open_protocol(c);
	return c;
}

void php_wm_conn_open_protocol(php_wm_conn *c)
{
	const wm_proto_ops_t *ops = conn_protocol(c);
	if (ops && ops->on_open) {
		ops->on_open(&c->pc);
	}
}

void php_wm_conn_register(php_wm_conn *c)
{
	if (!c->counted) {
		c->counted = true;
		php_wm_stats_add(WM_STAT_CONNECTION_COUNT, 1);
	}
	connections_add(c);
}

void php_wm_conn_stats_minit(void)
{
	php_wm_conn_tls_ops = php_wm_conn_ops;
	php_wm_conn_tls_ops.on_connect = conn_on_tls_ready;
	static const char *const stat_names[] = {"connection_count", "total_request", "throw_exception", "send_fail"};
	for (int i = 0; i < 4; i++) {
		stat_keys[i] = zend_string_init_interned(stat_names[i], strlen(stat_names[i]), 1);
		ZSTR_H(stat_keys[i]) = zend_string_hash_val(stat_keys[i]);
	}
	zend_property_info *spi = zend_hash_str_find_ptr(
		&wm_ce_Workerman_Connection_ConnectionInterface->properties_info, "statistics", sizeof("statistics") - 1);
	statistics_offset = spi->offset;
	HashTable *tcp = &wm_ce_Workerman_Connection_TcpConnection->properties_info;
	connections_offset = ((zend_property_info *)zend_hash_str_find_ptr(tcp, "connections", sizeof("connections") - 1))->offset;
	status_names_offset =
		((zend_property_info *)zend_hash_str_find_ptr(tcp, "_statusToString", sizeof("_statusToString") - 1))->offset;
}

void php_wm_conn_stats_rinit(void)
{
	stats_arr = NULL;
	zval arr;
	array_init_size(&arr, 4);
	for (int i = 0; i < 4; i++) {
		add_assoc_long_ex(&arr, ZSTR_VAL(stat_keys[i]), ZSTR_LEN(stat_keys[i]), 0);
	}
	zend_update_static_property(wm_ce_Workerman_Connection_ConnectionInterface, "statistics",
		sizeof("statistics") - 1, &arr);
	zval_ptr_dtor(&arr);
	static const struct { int status; const char *name; } names[] = {
		{WM_CONN_STATUS_INITIAL, "INITIAL"}, {WM_CONN_STATUS_CONNECTING, "CONNECTING"},
		{WM_CONN_STATUS_ESTABLISHED, "ESTABLISHED"}, {WM_CONN_STATUS_CLOSING, "CLOSING"},
		{WM_CONN_STATUS_CLOSED, "CLOSED"},
	};
	array_init_size(&arr, 5);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		add_index_string(&arr, names[i].status, names[i].name);
	}
	zend_update_static_property(wm_ce_Workerman_Connection_TcpConnection, "_statusToString",
		sizeof("_statusToString") - 1, &arr);
	zval_ptr_dtor(&arr);
}
