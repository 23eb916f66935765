/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: d3fc1cb0b95d59589264f1aa7309bc612028488a */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Protocols_Http_input, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, recv_buffer, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, connection, IS_MIXED, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Protocols_Http_decode arginfo_class_Workerman_Protocols_Http_input

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Protocols_Http_encode, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, content, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, connection, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Protocols_Http_header, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, content, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, replace, IS_MIXED, 0, "true")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, http_response_code, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Protocols_Http_headerRemove, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, name, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Protocols_Http_responseCode, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, code, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Protocols_Http_setcookie, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, name, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, value, IS_MIXED, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, maxage, IS_MIXED, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, path, IS_MIXED, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, domain, IS_MIXED, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, secure, IS_MIXED, 0, "false")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, HTTPOnly, IS_MIXED, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Protocols_Http_sessionCreateId, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Protocols_Http_sessionId, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, id, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Protocols_Http_sessionName, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, name, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Protocols_Http_sessionSavePath, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, path, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Protocols_Http_sessionStarted arginfo_class_Workerman_Protocols_Http_sessionCreateId

#define arginfo_class_Workerman_Protocols_Http_sessionStart arginfo_class_Workerman_Protocols_Http_sessionCreateId

#define arginfo_class_Workerman_Protocols_Http_sessionWriteClose arginfo_class_Workerman_Protocols_Http_sessionCreateId

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Protocols_Http_sessionRegenerateId, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, delete_old_session, IS_MIXED, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Protocols_Http_end, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, msg, IS_MIXED, 0, "\'\'")
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Protocols_Http_tryGcSessions arginfo_class_Workerman_Protocols_Http_sessionCreateId

#define arginfo_class_Workerman_Protocols_Http_getMimeTypesFile arginfo_class_Workerman_Protocols_Http_sessionCreateId


static ZEND_METHOD(Workerman_Protocols_Http, input);
static ZEND_METHOD(Workerman_Protocols_Http, decode);
static ZEND_METHOD(Workerman_Protocols_Http, encode);
static ZEND_METHOD(Workerman_Protocols_Http, header);
static ZEND_METHOD(Workerman_Protocols_Http, headerRemove);
static ZEND_METHOD(Workerman_Protocols_Http, responseCode);
static ZEND_METHOD(Workerman_Protocols_Http, setcookie);
static ZEND_METHOD(Workerman_Protocols_Http, sessionCreateId);
static ZEND_METHOD(Workerman_Protocols_Http, sessionId);
static ZEND_METHOD(Workerman_Protocols_Http, sessionName);
static ZEND_METHOD(Workerman_Protocols_Http, sessionSavePath);
static ZEND_METHOD(Workerman_Protocols_Http, sessionStarted);
static ZEND_METHOD(Workerman_Protocols_Http, sessionStart);
static ZEND_METHOD(Workerman_Protocols_Http, sessionWriteClose);
static ZEND_METHOD(Workerman_Protocols_Http, sessionRegenerateId);
static ZEND_METHOD(Workerman_Protocols_Http, end);
static ZEND_METHOD(Workerman_Protocols_Http, tryGcSessions);
static ZEND_METHOD(Workerman_Protocols_Http, getMimeTypesFile);


static const zend_function_entry class_Workerman_Protocols_Http_methods[] = {
	ZEND_ME(Workerman_Protocols_Http, input, arginfo_class_Workerman_Protocols_Http_input, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, decode, arginfo_class_Workerman_Protocols_Http_decode, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, encode, arginfo_class_Workerman_Protocols_Http_encode, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, header, arginfo_class_Workerman_Protocols_Http_header, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, headerRemove, arginfo_class_Workerman_Protocols_Http_headerRemove, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, responseCode, arginfo_class_Workerman_Protocols_Http_responseCode, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, setcookie, arginfo_class_Workerman_Protocols_Http_setcookie, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, sessionCreateId, arginfo_class_Workerman_Protocols_Http_sessionCreateId, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, sessionId, arginfo_class_Workerman_Protocols_Http_sessionId, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, sessionName, arginfo_class_Workerman_Protocols_Http_sessionName, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, sessionSavePath, arginfo_class_Workerman_Protocols_Http_sessionSavePath, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, sessionStarted, arginfo_class_Workerman_Protocols_Http_sessionStarted, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, sessionStart, arginfo_class_Workerman_Protocols_Http_sessionStart, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, sessionWriteClose, arginfo_class_Workerman_Protocols_Http_sessionWriteClose, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, sessionRegenerateId, arginfo_class_Workerman_Protocols_Http_sessionRegenerateId, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, end, arginfo_class_Workerman_Protocols_Http_end, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, tryGcSessions, arginfo_class_Workerman_Protocols_Http_tryGcSessions, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Http, getMimeTypesFile, arginfo_class_Workerman_Protocols_Http_getMimeTypesFile, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Workerman_Protocols_Http(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Workerman\\Protocols", "Http", class_Workerman_Protocols_Http_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);

	zval property_methods_default_value;
	ZVAL_NULL(&property_methods_default_value);
	zend_string *property_methods_name = zend_string_init("methods", sizeof("methods") - 1, 1);
	zend_declare_property_ex(class_entry, property_methods_name, &property_methods_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_methods_name);

	return class_entry;
}
