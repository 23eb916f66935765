/* A PHP protocol class (static input/decode/encode, optional onClose) behind the protocol
 * seam of src/proto/wm_proto.h: each op calls the class's method, as Workerman 3.5's
 * TcpConnection does. pc->arg is the class (php_wm_protocol). */
#include "ext/wm_bridge.h"
#include "ext/wm_connection.h"
#include "ext/wm_protocol.h"

static php_wm_conn *class_conn(wm_proto_conn_t *pc)
{
	return php_wm_conn_from_io(pc->io);
}

/* Workerman's "error package" line; the read loop then destroys the connection. */
static int64_t bad_package(php_wm_conn *c, const char *why, zend_long len)
{
	php_wm_logf("error package. %s package_length=%ld from %s", why, (long)len,
		c->worker && c->worker->socket_name ? ZSTR_VAL(c->worker->socket_name) : "connection");
	return WM_PROTO_E_BAD;
}

static bool call_static(const php_wm_protocol *p, zend_function *fn, zval *retval, uint32_t argc, zval *argv)
{
	zend_call_known_function(fn, NULL, p->ce, retval, argc, argv, NULL);
	return !EG(exception);
}

zend_long php_wm_proto_input_len(const zval *rv, bool *valid)
{
	zend_long plen = 0;
	*valid = true;
	if (Z_TYPE_P(rv) == IS_LONG) {
		plen = Z_LVAL_P(rv);
	} else if (Z_TYPE_P(rv) == IS_DOUBLE) {
		plen = Z_DVAL_P(rv) >= 1 && Z_DVAL_P(rv) < 9.2e18 ? (zend_long)Z_DVAL_P(rv) : -1;
	} else if (Z_TYPE_P(rv) == IS_STRING) {
		double d;
		zend_uchar t = is_numeric_string(Z_STRVAL_P(rv), Z_STRLEN_P(rv), &plen, &d, true);
		if (t == IS_DOUBLE) {
			plen = d >= 1 && d < 9.2e18 ? (zend_long)d : -1;
		} else if (t != IS_LONG) {
			*valid = false;
		} else if (plen == 0) {
			plen = -1;
		}
	} else {
		*valid = false;
	}
	return plen;
}

/* Workerman: int 0 waits for more; any number (numeric strings included, base_convert()
 * returns one) in 1..maxPackageSize is a length. */
static int64_t class_input(wm_proto_conn_t *pc, const char *data, size_t len)
{
	const php_wm_protocol *p = pc->arg;
	php_wm_conn *c = class_conn(pc);
	if (!p->input) {
		php_wm_logf("protocol %s has no input method", ZSTR_VAL(p->name));
		return WM_PROTO_E_BAD;
	}
	zval args[2], rv;
	ZVAL_STRINGL_FAST(&args[0], data, len);
	ZVAL_OBJ(&args[1], &c->std);
	bool ok = call_static(p, p->input, &rv, 2, args);
	zval_ptr_dtor(&args[0]);
	if (!ok) {
		zval_ptr_dtor(&rv);
		return WM_PROTO_E_HANDLED; /* the read loop applies the exception policy */
	}
	if (c->io.closed || c->status == WM_CONN_STATUS_CLOSED) {
		zval_ptr_dtor(&rv);
		return 0;
	}
	/* input() may have consumed bytes (consumeRecvBuffer). */
	wm_conn_rdata(&c->io, &len);
	bool valid;
	zend_long plen = php_wm_proto_input_len(&rv, &valid);
	bool wait = valid && plen == 0;
	zval_ptr_dtor(&rv);
	if (wait) {
		if ((int64_t)len >= pc->max_package) {
			return bad_package(c, "buffer over maxPackageSize without a complete package.", (zend_long)len);
		}
		return 0;
	}
	if (!valid || plen <= 0 || plen > pc->max_package) {
		return bad_package(c, valid ? "" : "input() returned no length.", plen);
	}
	return (int64_t)plen;
}

static int class_decode(wm_proto_conn_t *pc, const char *frame, size_t len, wm_proto_msg_t *msg)
{
	const php_wm_protocol *p = pc->arg;
	zval *out = msg->value;
	if (!p->decode) {
		ZVAL_STRINGL_FAST(out, frame, len);
		return WM_PROTO_OK;
	}
	zval args[2];
	ZVAL_STRINGL_FAST(&args[0], frame, len);
	ZVAL_OBJ(&args[1], &class_conn(pc)->std);
	bool ok = call_static(p, p->decode, out, 2, args);
	zval_ptr_dtor(&args[0]);
	if (!ok) {
		zval_ptr_dtor(out);
		return WM_PROTO_E_HANDLED;
	}
	return WM_PROTO_OK;
}

static int class_encode(wm_proto_conn_t *pc, wm_proto_payload_t *pl, wm_proto_out_t *out)
{
	const php_wm_protocol *p = pc->arg;
	if (!p->encode) {
		size_t len;
		const char *b = wm_proto_payload_bytes(pl, &len);
		out->iov[0].iov_base = (void *)b;
		out->iov[0].iov_len = len;
		out->iovcnt = 1;
		return WM_PROTO_OK;
	}
	zval args[2], encoded;
	ZVAL_COPY_VALUE(&args[0], (zval *)pl->value);
	ZVAL_OBJ(&args[1], &class_conn(pc)->std);
	if (!call_static(p, p->encode, &encoded, 2, args)) {
		zval_ptr_dtor(&encoded);
		return WM_PROTO_E_HANDLED;
	}
	zend_string *s = zval_get_string(&encoded);
	zval_ptr_dtor(&encoded);
	if (ZSTR_LEN(s) == 0) {
		zend_string_release(s);
		return WM_PROTO_EMPTY;
	}
	out->hold[0] = s;
	out->iov[0].iov_base = ZSTR_VAL(s);
	out->iov[0].iov_len = ZSTR_LEN(s);
	out->iovcnt = 1;
	return WM_PROTO_OK;
}

/* The class's static onClose($connection), when it has one. */
static void class_on_close(wm_proto_conn_t *pc)
{
	const php_wm_protocol *p = pc->arg;
	if (!p->on_close) {
		return;
	}
	zval arg, rv;
	ZVAL_OBJ(&arg, &class_conn(pc)->std);
	if (!call_static(p, p->on_close, &rv, 1, &arg)) {
		php_wm_handle_exception();
	}
	zval_ptr_dtor(&rv);
}

const wm_proto_ops_t php_wm_proto_class_ops = {
	.name = "php-class",
	.input = class_input,
	.decode = class_decode,
	.encode = class_encode,
	.on_close = class_on_close,
};
