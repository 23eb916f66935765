/* Workerman\Protocols\Text: newline framing. The connection hot path uses src/proto/wm_text
 * directly; these methods serve PHP callers. */
#include "ext/wm_connection.h"
#include "ext/wm_protocol.h"
#include "src/proto/wm_text.h"
#include "stubs/text_arginfo.h"

ZEND_METHOD(Workerman_Protocols_Text, input)
{
	zend_string *buffer;
	zval *connection = NULL;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(buffer)
		Z_PARAM_ZVAL(connection)
	ZEND_PARSE_PARAMETERS_END();

	if (connection && Z_TYPE_P(connection) == IS_OBJECT
			&& instanceof_function(Z_OBJCE_P(connection), wm_ce_Workerman_Connection_TcpConnection)) {
		php_wm_conn *c = php_wm_conn_from_obj(Z_OBJ_P(connection));
		if ((zend_long)ZSTR_LEN(buffer) >= c->pc.max_package) {
			php_wm_conn_close(c, NULL, false);
			RETURN_LONG(0);
		}
	}
	RETURN_LONG((zend_long)wm_text_input(ZSTR_VAL(buffer), ZSTR_LEN(buffer)));
}

ZEND_METHOD(Workerman_Protocols_Text, encode)
{
	zend_string *buffer;
	zval *connection = NULL;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(buffer)
		Z_PARAM_ZVAL(connection)
	ZEND_PARSE_PARAMETERS_END();
	(void)connection;
	zend_string *out = zend_string_alloc(ZSTR_LEN(buffer) + 1, 0);
	memcpy(ZSTR_VAL(out), ZSTR_VAL(buffer), ZSTR_LEN(buffer));
	ZSTR_VAL(out)[ZSTR_LEN(buffer)] = '\n';
	ZSTR_VAL(out)[ZSTR_LEN(buffer) + 1] = '\0';
	RETURN_NEW_STR(out);
}

ZEND_METHOD(Workerman_Protocols_Text, decode)
{
	zend_string *buffer;
	zval *connection = NULL;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(buffer)
		Z_PARAM_ZVAL(connection)
	ZEND_PARSE_PARAMETERS_END();
	(void)connection;
	size_t len = wm_text_decoded_len(ZSTR_VAL(buffer), ZSTR_LEN(buffer));
	if (len == ZSTR_LEN(buffer)) {
		RETURN_STR_COPY(buffer);
	}
	RETURN_STRINGL(ZSTR_VAL(buffer), len);
}

void php_wm_text_minit(void)
{
	wm_ce_Workerman_Protocols_Text = register_class_Workerman_Protocols_Text();
	php_wm_protocol_register_native(wm_ce_Workerman_Protocols_Text, &wm_proto_text);
}
