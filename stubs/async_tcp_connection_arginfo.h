/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 7c85cee82e6d8f0e1d668fcc2e5b4590423d785f */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_AsyncTcpConnection___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, remote_address, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, context_option, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_AsyncTcpConnection_connect, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_AsyncTcpConnection_reconnect, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, after, IS_MIXED, 0, "0")
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Connection_AsyncTcpConnection_cancelReconnect arginfo_class_Workerman_Connection_AsyncTcpConnection_connect

#define arginfo_class_Workerman_Connection_AsyncTcpConnection_getRemoteHost arginfo_class_Workerman_Connection_AsyncTcpConnection_connect

#define arginfo_class_Workerman_Connection_AsyncTcpConnection_getRemoteURI arginfo_class_Workerman_Connection_AsyncTcpConnection_connect

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_AsyncTcpConnection_checkConnection, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, socket, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()


static ZEND_METHOD(Workerman_Connection_AsyncTcpConnection, __construct);
static ZEND_METHOD(Workerman_Connection_AsyncTcpConnection, connect);
static ZEND_METHOD(Workerman_Connection_AsyncTcpConnection, reconnect);
static ZEND_METHOD(Workerman_Connection_AsyncTcpConnection, cancelReconnect);
static ZEND_METHOD(Workerman_Connection_AsyncTcpConnection, getRemoteHost);
static ZEND_METHOD(Workerman_Connection_AsyncTcpConnection, getRemoteURI);
static ZEND_METHOD(Workerman_Connection_AsyncTcpConnection, checkConnection);


static const zend_function_entry class_Workerman_Connection_AsyncTcpConnection_methods[] = {
	ZEND_ME(Workerman_Connection_AsyncTcpConnection, __construct, arginfo_class_Workerman_Connection_AsyncTcpConnection___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_AsyncTcpConnection, connect, arginfo_class_Workerman_Connection_AsyncTcpConnection_connect, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_AsyncTcpConnection, reconnect, arginfo_class_Workerman_Connection_AsyncTcpConnection_reconnect, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_AsyncTcpConnection, cancelReconnect, arginfo_class_Workerman_Connection_AsyncTcpConnection_cancelReconnect, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_AsyncTcpConnection, getRemoteHost, arginfo_class_Workerman_Connection_AsyncTcpConnection_getRemoteHost, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_AsyncTcpConnection, getRemoteURI, arginfo_class_Workerman_Connection_AsyncTcpConnection_getRemoteURI, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_AsyncTcpConnection, checkConnection, arginfo_class_Workerman_Connection_AsyncTcpConnection_checkConnection, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Workerman_Connection_AsyncTcpConnection(zend_class_entry *class_entry_Workerman_Connection_TcpConnection)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Workerman\\Connection", "AsyncTcpConnection", class_Workerman_Connection_AsyncTcpConnection_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Workerman_Connection_TcpConnection);
#if (PHP_VERSION_ID >= 80200)
	class_entry->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE|ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES;
#elif (PHP_VERSION_ID >= 80100)
	class_entry->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
#endif

	zval property_onConnect_default_value;
	ZVAL_NULL(&property_onConnect_default_value);
	zend_string *property_onConnect_name = zend_string_init("onConnect", sizeof("onConnect") - 1, 1);
	zend_declare_property_ex(class_entry, property_onConnect_name, &property_onConnect_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_onConnect_name);

	zval property_transport_default_value;
	zend_string *property_transport_default_value_str = zend_string_init("tcp", strlen("tcp"), 1);
	ZVAL_STR(&property_transport_default_value, property_transport_default_value_str);
	zend_string *property_transport_name = zend_string_init("transport", sizeof("transport") - 1, 1);
	zend_declare_property_ex(class_entry, property_transport_name, &property_transport_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_transport_name);

#if (PHP_VERSION_ID >= 80200)
	zend_string *attribute_name_AllowDynamicProperties_class_Workerman_Connection_AsyncTcpConnection = zend_string_init_interned("AllowDynamicProperties", sizeof("AllowDynamicProperties") - 1, 1);
	zend_add_class_attribute(class_entry, attribute_name_AllowDynamicProperties_class_Workerman_Connection_AsyncTcpConnection, 0);
	zend_string_release(attribute_name_AllowDynamicProperties_class_Workerman_Connection_AsyncTcpConnection);
#endif

	return class_entry;
}
