/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: ed0286d38822b64c98ab0b46cf07ec3716aa7675 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_UdpConnection___construct, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, socket, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, remote_address, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_UdpConnection_send, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, send_buffer, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, raw, IS_MIXED, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_UdpConnection_getRemoteIp, 0, 0, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Connection_UdpConnection_getRemotePort arginfo_class_Workerman_Connection_UdpConnection_getRemoteIp

#define arginfo_class_Workerman_Connection_UdpConnection_getRemoteAddress arginfo_class_Workerman_Connection_UdpConnection_getRemoteIp

#define arginfo_class_Workerman_Connection_UdpConnection_getLocalIp arginfo_class_Workerman_Connection_UdpConnection_getRemoteIp

#define arginfo_class_Workerman_Connection_UdpConnection_getLocalPort arginfo_class_Workerman_Connection_UdpConnection_getRemoteIp

#define arginfo_class_Workerman_Connection_UdpConnection_getLocalAddress arginfo_class_Workerman_Connection_UdpConnection_getRemoteIp

#define arginfo_class_Workerman_Connection_UdpConnection_isIpV4 arginfo_class_Workerman_Connection_UdpConnection_getRemoteIp

#define arginfo_class_Workerman_Connection_UdpConnection_isIpV6 arginfo_class_Workerman_Connection_UdpConnection_getRemoteIp

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_UdpConnection_close, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, data, IS_MIXED, 0, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, raw, IS_MIXED, 0, "false")
ZEND_END_ARG_INFO()


static ZEND_METHOD(Workerman_Connection_UdpConnection, __construct);
static ZEND_METHOD(Workerman_Connection_UdpConnection, send);
static ZEND_METHOD(Workerman_Connection_UdpConnection, getRemoteIp);
static ZEND_METHOD(Workerman_Connection_UdpConnection, getRemotePort);
static ZEND_METHOD(Workerman_Connection_UdpConnection, getRemoteAddress);
static ZEND_METHOD(Workerman_Connection_UdpConnection, getLocalIp);
static ZEND_METHOD(Workerman_Connection_UdpConnection, getLocalPort);
static ZEND_METHOD(Workerman_Connection_UdpConnection, getLocalAddress);
static ZEND_METHOD(Workerman_Connection_UdpConnection, isIpV4);
static ZEND_METHOD(Workerman_Connection_UdpConnection, isIpV6);
static ZEND_METHOD(Workerman_Connection_UdpConnection, close);


static const zend_function_entry class_Workerman_Connection_UdpConnection_methods[] = {
	ZEND_ME(Workerman_Connection_UdpConnection, __construct, arginfo_class_Workerman_Connection_UdpConnection___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_UdpConnection, send, arginfo_class_Workerman_Connection_UdpConnection_send, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_UdpConnection, getRemoteIp, arginfo_class_Workerman_Connection_UdpConnection_getRemoteIp, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_UdpConnection, getRemotePort, arginfo_class_Workerman_Connection_UdpConnection_getRemotePort, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_UdpConnection, getRemoteAddress, arginfo_class_Workerman_Connection_UdpConnection_getRemoteAddress, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_UdpConnection, getLocalIp, arginfo_class_Workerman_Connection_UdpConnection_getLocalIp, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_UdpConnection, getLocalPort, arginfo_class_Workerman_Connection_UdpConnection_getLocalPort, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_UdpConnection, getLocalAddress, arginfo_class_Workerman_Connection_UdpConnection_getLocalAddress, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_UdpConnection, isIpV4, arginfo_class_Workerman_Connection_UdpConnection_isIpV4, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_UdpConnection, isIpV6, arginfo_class_Workerman_Connection_UdpConnection_isIpV6, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Connection_UdpConnection, close, arginfo_class_Workerman_Connection_UdpConnection_close, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Workerman_Connection_UdpConnection(zend_class_entry *class_entry_Workerman_Connection_ConnectionInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Workerman\\Connection", "UdpConnection", class_Workerman_Connection_UdpConnection_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Workerman_Connection_ConnectionInterface);
#if (PHP_VERSION_ID >= 80200)
	class_entry->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE|ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES;
#elif (PHP_VERSION_ID >= 80100)
	class_entry->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
#endif

	zval property_protocol_default_value;
	ZVAL_NULL(&property_protocol_default_value);
	zend_string *property_protocol_name = zend_string_init("protocol", sizeof("protocol") - 1, 1);
	zend_declare_property_ex(class_entry, property_protocol_name, &property_protocol_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_protocol_name);

#if (PHP_VERSION_ID >= 80200)
	zend_string *attribute_name_AllowDynamicProperties_class_Workerman_Connection_UdpConnection = zend_string_init_interned("AllowDynamicProperties", sizeof("AllowDynamicProperties") - 1, 1);
	zend_add_class_attribute(class_entry, attribute_name_AllowDynamicProperties_class_Workerman_Connection_UdpConnection, 0);
	zend_string_release(attribute_name_AllowDynamicProperties_class_Workerman_Connection_UdpConnection);
#endif

	return class_entry;
}
