/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: bccc11451c6110494db3d0f0d7f66ee5d80b98d8 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_TcpConnection___call, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, name, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, arguments, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_TcpConnection___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, socket, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, remote_address, IS_MIXED, 0, "\'\'")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_TcpConnection___destruct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_TcpConnection_send, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, send_buffer, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, raw, IS_MIXED, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_TcpConnection_close, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, data, IS_MIXED, 0, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, raw, IS_MIXED, 0, "false")
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Connection_TcpConnection_destroy arginfo_class_Workerman_Connection_TcpConnection___destruct

#define arginfo_class_Workerman_Connection_TcpConnection_pauseRecv arginfo_class_Workerman_Connection_TcpConnection___destruct

#define arginfo_class_Workerman_Connection_TcpConnection_resumeRecv arginfo_class_Workerman_Connection_TcpConnection___destruct

#define arginfo_class_Workerman_Connection_TcpConnection_getRemoteIp arginfo_class_Workerman_Connection_TcpConnection___destruct

#define arginfo_class_Workerman_Connection_TcpConnection_getRemotePort arginfo_class_Workerman_Connection_TcpConnection___destruct

#define arginfo_class_Workerman_Connection_TcpConnection_getRemoteAddress arginfo_class_Workerman_Connection_TcpConnection___destruct

#define arginfo_class_Workerman_Connection_TcpConnection_getLocalIp arginfo_class_Workerman_Connection_TcpConnection___destruct

#define arginfo_class_Workerman_Connection_TcpConnection_getLocalPort arginfo_class_Workerman_Connection_TcpConnection___destruct

#define arginfo_class_Workerman_Connection_TcpConnection_getLocalAddress arginfo_class_Workerman_Connection_TcpConnection___destruct

#define arginfo_class_Workerman_Connection_TcpConnection_isIpV4 arginfo_class_Workerman_Connection_TcpConnection___destruct

#define arginfo_class_Workerman_Connection_TcpConnection_isIpV6 arginfo_class_Workerman_Connection_TcpConnection___destruct

#define arginfo_class_Workerman_Connection_TcpConnection_getSendBufferQueueSize arginfo_class_Workerman_Connection_TcpConnection___destruct

#define arginfo_class_Workerman_Connection_TcpConnection_getRecvBufferQueueSize arginfo_class_Workerman_Connection_TcpConnection___destruct

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_TcpConnection_consumeRecvBuffer, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, length, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_TcpConnection_getStatus, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, raw_output, IS_MIXED, 0, "true")
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Connection_TcpConnection_bufferIsFull arginfo_class_Workerman_Connection_TcpConnection___destruct

#define arginfo_class_Workerman_Connection_TcpConnection_bufferIsEmpty arginfo_class_Workerman_Connection_TcpConnection___destruct

#define arginfo_class_Workerman_Connection_TcpConnection_getSocket arginfo_class_Workerman_Connection_TcpConnection___destruct

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_TcpConnection_baseRead, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, socket, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, check_eof, IS_MIXED, 0, "true")
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Connection_TcpConnection_baseWrite arginfo_class_Workerman_Connection_TcpConnection___destruct

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_TcpConnection_doSslHandshake, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, socket, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_TcpConnection_pipe, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, dest, Workerman\\Connection\\TcpConnection, 0)
ZEND_END_ARG_INFO()


static ZEND_METHOD(Workerman_Connection_TcpConnection, __call);
static ZEND_METHOD(Workerman_Connection_TcpConnection, __construct);
static ZEND_METHOD(Workerman_Connection_TcpConnection, __destruct);
static ZEND_METHOD(Workerman_Connection_TcpConnection, send);
static ZEND_METHOD(Workerman_Connection_TcpConnection, close);
static ZEND_METHOD(Workerman_Connection_TcpConnection, destroy);
static ZEND_METHOD(Workerman_Connection_TcpConnection, pauseRecv);
static ZEND_METHOD(Workerman_Connection_TcpConnection, resumeRecv);
static ZEND_METHOD(Workerman_Connection_TcpConnection, getRemoteIp);
static ZEND_METHOD(Workerman_Connection_TcpConnection, getRemotePort);
static ZEND_METHOD(Workerman_Connection_TcpConnection, getRemoteAddress);
static ZEND_METHOD(Workerman_Connection_TcpConnection, getLocalIp);
static ZEND_METHOD(Workerman_Connection_TcpConnection, getLocalPort);
static ZEND_METHOD(Workerman_Connection_TcpConnection, getLocalAddress);
static ZEND_METHOD(Workerman_Connection_TcpConnection, isIpV4);
static ZEND_METHOD(Workerman_Connection_TcpConnection, isIpV6);
static ZEND_METHOD(Workerman_Connection_TcpConnection, getSendBufferQueueSize);
static ZEND_METHOD(Workerman_Connection_TcpConnection, getRecvBufferQueueSize);
static ZEND_METHOD(Workerman_Connection_TcpConnection, consumeRecvBuffer);
static ZEND_METHOD(Workerman_Connection_TcpConnection, getStatus);
static ZEND_METHOD(Workerman_Connection_TcpConnection, bufferIsFull);
static ZEND_METHOD(Workerman_Connection_TcpConnection, bufferIsEmpty);
static ZEND_METHOD(Workerman_Connection_TcpConnection, getSocket);
static ZEND_METHOD(Workerman_Connection_TcpConnection, baseRead);
static ZEND_METHOD(Workerman_Connection_TcpConnection, baseWrite);
static ZEND_METHOD(Workerman_Connection_TcpConnection, doSslHandshake);
static ZEND_METHOD(Workerman_Connection_TcpConnection, pipe);


static const zend_function_entry class_Workerman_Connection_TcpConnection_methods[] = {
	ZEND_ME(Workerman_Connection_TcpConnection, __call, arginfo_class_Workerman_Connection_TcpConnection___call, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, __construct, arginfo_class_Workerman_Connection_TcpConnection___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, __destruct, arginfo_class_Workerman_Connection_TcpConnection___destruct, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, send, arginfo_class_Workerman_Connection_TcpConnection_send, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, close, arginfo_class_Workerman_Connection_TcpConnection_close, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, destroy, arginfo_class_Workerman_Connection_TcpConnection_destroy, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, pauseRecv, arginfo_class_Workerman_Connection_TcpConnection_pauseRecv, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, resumeRecv, arginfo_class_Workerman_Connection_TcpConnection_resumeRecv, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, getRemoteIp, arginfo_class_Workerman_Connection_TcpConnection_getRemoteIp, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, getRemotePort, arginfo_class_Workerman_Connection_TcpConnection_getRemotePort, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, getRemoteAddress, arginfo_class_Workerman_Connection_TcpConnection_getRemoteAddress, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, getLocalIp, arginfo_class_Workerman_Connection_TcpConnection_getLocalIp, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, getLocalPort, arginfo_class_Workerman_Connection_TcpConnection_getLocalPort, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, getLocalAddress, arginfo_class_Workerman_Connection_TcpConnection_getLocalAddress, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, isIpV4, arginfo_class_Workerman_Connection_TcpConnection_isIpV4, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, isIpV6, arginfo_class_Workerman_Connection_TcpConnection_isIpV6, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, getSendBufferQueueSize, arginfo_class_Workerman_Connection_TcpConnection_getSendBufferQueueSize, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, getRecvBufferQueueSize, arginfo_class_Workerman_Connection_TcpConnection_getRecvBufferQueueSize, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, consumeRecvBuffer, arginfo_class_Workerman_Connection_TcpConnection_consumeRecvBuffer, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, getStatus, arginfo_class_Workerman_Connection_TcpConnection_getStatus, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, bufferIsFull, arginfo_class_Workerman_Connection_TcpConnection_bufferIsFull, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, bufferIsEmpty, arginfo_class_Workerman_Connection_TcpConnection_bufferIsEmpty, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, getSocket, arginfo_class_Workerman_Connection_TcpConnection_getSocket, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, baseRead, arginfo_class_Workerman_Connection_TcpConnection_baseRead, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, baseWrite, arginfo_class_Workerman_Connection_TcpConnection_baseWrite, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, doSslHandshake, arginfo_class_Workerman_Connection_TcpConnection_doSslHandshake, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_TcpConnection, pipe, arginfo_class_Workerman_Connection_TcpConnection_pipe, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Workerman_Connection_TcpConnection(zend_class_entry *class_entry_Workerman_Connection_ConnectionInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Workerman\\Connection", "TcpConnection", class_Workerman_Connection_TcpConnection_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Workerman_Connection_ConnectionInterface);
#if (PHP_VERSION_ID >= 80200)
	class_entry->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE|ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES;
#elif (PHP_VERSION_ID >= 80100)
	class_entry->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
#endif

	zval const_READ_BUFFER_SIZE_value;
	ZVAL_LONG(&const_READ_BUFFER_SIZE_value, 65535);
	zend_string *const_READ_BUFFER_SIZE_name = zend_string_init_interned("READ_BUFFER_SIZE", sizeof("READ_BUFFER_SIZE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_READ_BUFFER_SIZE_name, &const_READ_BUFFER_SIZE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_READ_BUFFER_SIZE_name);

	zval const_STATUS_INITIAL_value;
	ZVAL_LONG(&const_STATUS_INITIAL_value, 0);
	zend_string *const_STATUS_INITIAL_name = zend_string_init_interned("STATUS_INITIAL", sizeof("STATUS_INITIAL") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STATUS_INITIAL_name, &const_STATUS_INITIAL_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STATUS_INITIAL_name);

	zval const_STATUS_CONNECTING_value;
	ZVAL_LONG(&const_STATUS_CONNECTING_value, 1);
	zend_string *const_STATUS_CONNECTING_name = zend_string_init_interned("STATUS_CONNECTING", sizeof("STATUS_CONNECTING") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STATUS_CONNECTING_name, &const_STATUS_CONNECTING_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STATUS_CONNECTING_name);

	zval const_STATUS_ESTABLISHED_value;
	ZVAL_LONG(&const_STATUS_ESTABLISHED_value, 2);
	zend_string *const_STATUS_ESTABLISHED_name = zend_string_init_interned("STATUS_ESTABLISHED", sizeof("STATUS_ESTABLISHED") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STATUS_ESTABLISHED_name, &const_STATUS_ESTABLISHED_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STATUS_ESTABLISHED_name);

	zval const_STATUS_ESTABLISH_value;
	ZVAL_LONG(&const_STATUS_ESTABLISH_value, 2);
	zend_string *const_STATUS_ESTABLISH_name = zend_string_init_interned("STATUS_ESTABLISH", sizeof("STATUS_ESTABLISH") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STATUS_ESTABLISH_name, &const_STATUS_ESTABLISH_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STATUS_ESTABLISH_name);

	zval const_STATUS_CLOSING_value;
	ZVAL_LONG(&const_STATUS_CLOSING_value, 4);
	zend_string *const_STATUS_CLOSING_name = zend_string_init_interned("STATUS_CLOSING", sizeof("STATUS_CLOSING") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STATUS_CLOSING_name, &const_STATUS_CLOSING_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STATUS_CLOSING_name);

	zval const_STATUS_CLOSED_value;
	ZVAL_LONG(&const_STATUS_CLOSED_value, 8);
	zend_string *const_STATUS_CLOSED_name = zend_string_init_interned("STATUS_CLOSED", sizeof("STATUS_CLOSED") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STATUS_CLOSED_name, &const_STATUS_CLOSED_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STATUS_CLOSED_name);

	zval property_onMessage_default_value;
	ZVAL_NULL(&property_onMessage_default_value);
	zend_string *property_onMessage_name = zend_string_init("onMessage", sizeof("onMessage") - 1, 1);
	zend_declare_property_ex(class_entry, property_onMessage_name, &property_onMessage_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_onMessage_name);

	zval property_onClose_default_value;
	ZVAL_NULL(&property_onClose_default_value);
	zend_string *property_onClose_name = zend_string_init("onClose", sizeof("onClose") - 1, 1);
	zend_declare_property_ex(class_entry, property_onClose_name, &property_onClose_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_onClose_name);

	zval property_onError_default_value;
	ZVAL_NULL(&property_onError_default_value);
	zend_string *property_onError_name = zend_string_init("onError", sizeof("onError") - 1, 1);
	zend_declare_property_ex(class_entry, property_onError_name, &property_onError_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_onError_name);

	zval property_onBufferFull_default_value;
	ZVAL_NULL(&property_onBufferFull_default_value);
	zend_string *property_onBufferFull_name = zend_string_init("onBufferFull", sizeof("onBufferFull") - 1, 1);
	zend_declare_property_ex(class_entry, property_onBufferFull_name, &property_onBufferFull_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_onBufferFull_name);

	zval property_onBufferDrain_default_value;
	ZVAL_NULL(&property_onBufferDrain_default_value);
	zend_string *property_onBufferDrain_name = zend_string_init("onBufferDrain", sizeof("onBufferDrain") - 1, 1);
	zend_declare_property_ex(class_entry, property_onBufferDrain_name, &property_onBufferDrain_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_onBufferDrain_name);

	zval property_protocol_default_value;
	ZVAL_NULL(&property_protocol_default_value);
	zend_string *property_protocol_name = zend_string_init("protocol", sizeof("protocol") - 1, 1);
	zend_declare_property_ex(class_entry, property_protocol_name, &property_protocol_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_protocol_name);

	zval property_transport_default_value;
	zend_string *property_transport_default_value_str = zend_string_init("tcp", strlen("tcp"), 1);
	ZVAL_STR(&property_transport_default_value, property_transport_default_value_str);
	zend_string *property_transport_name = zend_string_init("transport", sizeof("transport") - 1, 1);
	zend_declare_property_ex(class_entry, property_transport_name, &property_transport_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_transport_name);

	zval property_worker_default_value;
	ZVAL_NULL(&property_worker_default_value);
	zend_string *property_worker_name = zend_string_init("worker", sizeof("worker") - 1, 1);
	zend_declare_property_ex(class_entry, property_worker_name, &property_worker_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_worker_name);

	zval property_bytesRead_default_value;
	ZVAL_LONG(&property_bytesRead_default_value, 0);
	zend_string *property_bytesRead_name = zend_string_init("bytesRead", sizeof("bytesRead") - 1, 1);
	zend_declare_property_ex(class_entry, property_bytesRead_name, &property_bytesRead_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_bytesRead_name);

	zval property_bytesWritten_default_value;
	ZVAL_LONG(&property_bytesWritten_default_value, 0);
	zend_string *property_bytesWritten_name = zend_string_init("bytesWritten", sizeof("bytesWritten") - 1, 1);
	zend_declare_property_ex(class_entry, property_bytesWritten_name, &property_bytesWritten_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_bytesWritten_name);

	zval property_id_default_value;
	ZVAL_LONG(&property_id_default_value, 0);
	zend_string *property_id_name = zend_string_init("id", sizeof("id") - 1, 1);
	zend_declare_property_ex(class_entry, property_id_name, &property_id_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_id_name);

	zval property_defaultMaxSendBufferSize_default_value;
	ZVAL_LONG(&property_defaultMaxSendBufferSize_default_value, 1048576);
	zend_string *property_defaultMaxSendBufferSize_name = zend_string_init("defaultMaxSendBufferSize", sizeof("defaultMaxSendBufferSize") - 1, 1);
	zend_declare_property_ex(class_entry, property_defaultMaxSendBufferSize_name, &property_defaultMaxSendBufferSize_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_defaultMaxSendBufferSize_name);

	zval property_defaultMaxPackageSize_default_value;
	ZVAL_LONG(&property_defaultMaxPackageSize_default_value, 10485760);
	zend_string *property_defaultMaxPackageSize_name = zend_string_init("defaultMaxPackageSize", sizeof("defaultMaxPackageSize") - 1, 1);
	zend_declare_property_ex(class_entry, property_defaultMaxPackageSize_name, &property_defaultMaxPackageSize_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_defaultMaxPackageSize_name);

	zval property_maxSendBufferSize_default_value;
	ZVAL_LONG(&property_maxSendBufferSize_default_value, 1048576);
	zend_string *property_maxSendBufferSize_name = zend_string_init("maxSendBufferSize", sizeof("maxSendBufferSize") - 1, 1);
	zend_declare_property_ex(class_entry, property_maxSendBufferSize_name, &property_maxSendBufferSize_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_maxSendBufferSize_name);

	zval property_maxPackageSize_default_value;
	ZVAL_LONG(&property_maxPackageSize_default_value, 10485760);
	zend_string *property_maxPackageSize_name = zend_string_init("maxPackageSize", sizeof("maxPackageSize") - 1, 1);
	zend_declare_property_ex(class_entry, property_maxPackageSize_name, &property_maxPackageSize_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_maxPackageSize_name);

	zval property_connections_default_value;
	ZVAL_EMPTY_ARRAY(&property_connections_default_value);
	zend_string *property_connections_name = zend_string_init("connections", sizeof("connections") - 1, 1);
	zend_declare_property_ex(class_entry, property_connections_name, &property_connections_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_connections_name);

	zval property__statusToString_default_value;
	ZVAL_EMPTY_ARRAY(&property__statusToString_default_value);
	zend_string *property__statusToString_name = zend_string_init("_statusToString", sizeof("_statusToString") - 1, 1);
	zend_declare_property_ex(class_entry, property__statusToString_name, &property__statusToString_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property__statusToString_name);

#if (PHP_VERSION_ID >= 80200)
	zend_string *attribute_name_AllowDynamicProperties_class_Workerman_Connection_TcpConnection = zend_string_init_interned("AllowDynamicProperties", sizeof("AllowDynamicProperties") - 1, 1);
	zend_add_class_attribute(class_entry, attribute_name_AllowDynamicProperties_class_Workerman_Connection_TcpConnection, 0);
	zend_string_release(attribute_name_AllowDynamicProperties_class_Workerman_Connection_TcpConnection);
#endif

	return class_entry;
}
