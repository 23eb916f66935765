/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: c4ee08b2ab933d1bb6dd94be80813fe0e996a41d */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_ConnectionInterface_send, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, send_buffer, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_ConnectionInterface_getRemoteIp, 0, 0, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Connection_ConnectionInterface_getRemotePort arginfo_class_Workerman_Connection_ConnectionInterface_getRemoteIp

#define arginfo_class_Workerman_Connection_ConnectionInterface_getRemoteAddress arginfo_class_Workerman_Connection_ConnectionInterface_getRemoteIp

#define arginfo_class_Workerman_Connection_ConnectionInterface_getLocalIp arginfo_class_Workerman_Connection_ConnectionInterface_getRemoteIp

#define arginfo_class_Workerman_Connection_ConnectionInterface_getLocalPort arginfo_class_Workerman_Connection_ConnectionInterface_getRemoteIp

#define arginfo_class_Workerman_Connection_ConnectionInterface_getLocalAddress arginfo_class_Workerman_Connection_ConnectionInterface_getRemoteIp

#define arginfo_class_Workerman_Connection_ConnectionInterface_isIPv4 arginfo_class_Workerman_Connection_ConnectionInterface_getRemoteIp

#define arginfo_class_Workerman_Connection_ConnectionInterface_isIPv6 arginfo_class_Workerman_Connection_ConnectionInterface_getRemoteIp

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Connection_ConnectionInterface_close, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, data, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()




static const zend_function_entry class_Workerman_Connection_ConnectionInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Connection_ConnectionInterface, send, arginfo_class_Workerman_Connection_ConnectionInterface_send, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Connection_ConnectionInterface, getRemoteIp, arginfo_class_Workerman_Connection_ConnectionInterface_getRemoteIp, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Connection_ConnectionInterface, getRemotePort, arginfo_class_Workerman_Connection_ConnectionInterface_getRemotePort, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Connection_ConnectionInterface, getRemoteAddress, arginfo_class_Workerman_Connection_ConnectionInterface_getRemoteAddress, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Connection_ConnectionInterface, getLocalIp, arginfo_class_Workerman_Connection_ConnectionInterface_getLocalIp, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Connection_ConnectionInterface, getLocalPort, arginfo_class_Workerman_Connection_ConnectionInterface_getLocalPort, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Connection_ConnectionInterface, getLocalAddress, arginfo_class_Workerman_Connection_ConnectionInterface_getLocalAddress, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Connection_ConnectionInterface, isIPv4, arginfo_class_Workerman_Connection_ConnectionInterface_isIPv4, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Connection_ConnectionInterface, isIPv6, arginfo_class_Workerman_Connection_ConnectionInterface_isIPv6, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Connection_ConnectionInterface, close, arginfo_class_Workerman_Connection_ConnectionInterface_close, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};

static zend_class_entry *register_class_Workerman_Connection_ConnectionInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Workerman\\Connection", "ConnectionInterface", class_Workerman_Connection_ConnectionInterface_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
#if (PHP_VERSION_ID >= 80200)
	class_entry->ce_flags |= ZEND_ACC_ABSTRACT|ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES;
#elif (PHP_VERSION_ID >= 80100)
	class_entry->ce_flags |= ZEND_ACC_ABSTRACT;
#endif

	zval property_statistics_default_value;
	ZVAL_EMPTY_ARRAY(&property_statistics_default_value);
	zend_string *property_statistics_name = zend_string_init("statistics", sizeof("statistics") - 1, 1);
	zend_declare_property_ex(class_entry, property_statistics_name, &property_statistics_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_statistics_name);

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

#if (PHP_VERSION_ID >= 80200)
	zend_string *attribute_name_AllowDynamicProperties_class_Workerman_Connection_ConnectionInterface = zend_string_init_interned("AllowDynamicProperties", sizeof("AllowDynamicProperties") - 1, 1);
	zend_add_class_attribute(class_entry, attribute_name_AllowDynamicProperties_class_Workerman_Connection_ConnectionInterface, 0);
	zend_string_release(attribute_name_AllowDynamicProperties_class_Workerman_Connection_ConnectionInterface);
#endif

	return class_entry;
}
