/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 65975961bd47a32d5753d7a72bea932a40106063 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_AsyncUdpConnection___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, remote_address, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, context_option, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_AsyncUdpConnection_baseRead, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, socket, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_AsyncUdpConnection_send, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, send_buffer, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, raw, IS_MIXED, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_AsyncUdpConnection_close, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, data, IS_MIXED, 0, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, raw, IS_MIXED, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_AsyncUdpConnection_connect, 0, 0, 0)
ZEND_END_ARG_INFO()


static ZEND_METHOD(Workerman_Connection_AsyncUdpConnection, __construct);
static ZEND_METHOD(Workerman_Connection_AsyncUdpConnection, baseRead);
static ZEND_METHOD(Workerman_Connection_AsyncUdpConnection, send);
static ZEND_METHOD(Workerman_Connection_AsyncUdpConnection, close);
static ZEND_METHOD(Workerman_Connection_AsyncUdpConnection, connect);


static const zend_function_entry class_Workerman_Connection_AsyncUdpConnection_methods[] = {
	ZEND_ME(Workerman_Connection_AsyncUdpConnection, __construct, arginfo_class_Workerman_Connection_AsyncUdpConnection___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_AsyncUdpConnection, baseRead, arginfo_class_Workerman_Connection_AsyncUdpConnection_baseRead, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_AsyncUdpConnection, send, arginfo_class_Workerman_Connection_AsyncUdpConnection_send, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_AsyncUdpConnection, close, arginfo_class_Workerman_Connection_AsyncUdpConnection_close, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_AsyncUdpConnection, connect, arginfo_class_Workerman_Connection_AsyncUdpConnection_connect, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Workerman_Connection_AsyncUdpConnection(zend_class_entry *class_entry_Workerman_Connection_UdpConnection)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Workerman\\Connection", "AsyncUdpConnection", class_Workerman_Connection_AsyncUdpConnection_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Workerman_Connection_UdpConnection);
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

	zval property_onClose_default_value;
	ZVAL_NULL(&property_onClose_default_value);
	zend_string *property_onClose_name = zend_string_init("onClose", sizeof("onClose") - 1, 1);
	zend_declare_property_ex(class_entry, property_onClose_name, &property_onClose_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_onClose_name);

#if (PHP_VERSION_ID >= 80200)
	zend_string *attribute_name_AllowDynamicProperties_class_Workerman_Connection_AsyncUdpConnection = zend_string_init_interned("AllowDynamicProperties", sizeof("AllowDynamicProperties") - 1, 1);
	zend_add_class_attribute(class_entry, attribute_name_AllowDynamicProperties_class_Workerman_Connection_AsyncUdpConnection, 0);
	zend_string_release(attribute_name_AllowDynamicProperties_class_Workerman_Connection_AsyncUdpConnection);
#endif

	return class_entry;
}
