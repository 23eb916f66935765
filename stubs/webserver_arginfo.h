/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 32b15b3989296bf78ba442a3337e85290fbb5983 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_WebServer___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, socket_name, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, context_option, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_WebServer_addRoot, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, domain, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, config, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_WebServer_run, 0, 0, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_WebServer_onWorkerStart arginfo_class_Workerman_WebServer_run

#define arginfo_class_Workerman_WebServer_initMimeTypeMap arginfo_class_Workerman_WebServer_run

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_WebServer_onMessage, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, connection, Workerman\\Connection\\TcpConnection, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_WebServer_sendFile, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, connection, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, file_path, IS_MIXED, 0)
ZEND_END_ARG_INFO()


static ZEND_METHOD(Workerman_WebServer, __construct);
static ZEND_METHOD(Workerman_WebServer, addRoot);
static ZEND_METHOD(Workerman_WebServer, run);
static ZEND_METHOD(Workerman_WebServer, onWorkerStart);
static ZEND_METHOD(Workerman_WebServer, initMimeTypeMap);
static ZEND_METHOD(Workerman_WebServer, onMessage);
static ZEND_METHOD(Workerman_WebServer, sendFile);


static const zend_function_entry class_Workerman_WebServer_methods[] = {
	ZEND_ME(Workerman_WebServer, __construct, arginfo_class_Workerman_WebServer___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_WebServer, addRoot, arginfo_class_Workerman_WebServer_addRoot, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_WebServer, run, arginfo_class_Workerman_WebServer_run, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_WebServer, onWorkerStart, arginfo_class_Workerman_WebServer_onWorkerStart, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_WebServer, initMimeTypeMap, arginfo_class_Workerman_WebServer_initMimeTypeMap, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_WebServer, onMessage, arginfo_class_Workerman_WebServer_onMessage, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_WebServer, sendFile, arginfo_class_Workerman_WebServer_sendFile, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Workerman_WebServer(zend_class_entry *class_entry_Workerman_Worker)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Workerman", "WebServer", class_Workerman_WebServer_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Workerman_Worker);
#if (PHP_VERSION_ID >= 80200)
	class_entry->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE|ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES;
#elif (PHP_VERSION_ID >= 80100)
	class_entry->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
#endif

	zval property_serverRoot_default_value;
	ZVAL_EMPTY_ARRAY(&property_serverRoot_default_value);
	zend_string *property_serverRoot_name = zend_string_init("serverRoot", sizeof("serverRoot") - 1, 1);
	zend_declare_property_ex(class_entry, property_serverRoot_name, &property_serverRoot_default_value, ZEND_ACC_PROTECTED, NULL);
	zend_string_release(property_serverRoot_name);

	zval property__onWorkerStart_default_value;
	ZVAL_NULL(&property__onWorkerStart_default_value);
	zend_string *property__onWorkerStart_name = zend_string_init("_onWorkerStart", sizeof("_onWorkerStart") - 1, 1);
	zend_declare_property_ex(class_entry, property__onWorkerStart_name, &property__onWorkerStart_default_value, ZEND_ACC_PROTECTED, NULL);
	zend_string_release(property__onWorkerStart_name);

	zval property_mimeTypeMap_default_value;
	ZVAL_EMPTY_ARRAY(&property_mimeTypeMap_default_value);
	zend_string *property_mimeTypeMap_name = zend_string_init("mimeTypeMap", sizeof("mimeTypeMap") - 1, 1);
	zend_declare_property_ex(class_entry, property_mimeTypeMap_name, &property_mimeTypeMap_default_value, ZEND_ACC_PROTECTED|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_mimeTypeMap_name);

#if (PHP_VERSION_ID >= 80200)
	zend_string *attribute_name_AllowDynamicProperties_class_Workerman_WebServer = zend_string_init_interned("AllowDynamicProperties", sizeof("AllowDynamicProperties") - 1, 1);
	zend_add_class_attribute(class_entry, attribute_name_AllowDynamicProperties_class_Workerman_WebServer, 0);
	zend_string_release(attribute_name_AllowDynamicProperties_class_Workerman_WebServer);
#endif

	return class_entry;
}
