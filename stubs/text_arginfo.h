/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: cf95d7270c8086766613744e5a2ef61fc16200ed */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Protocols_Text_input, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, buffer, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, connection, IS_MIXED, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Protocols_Text_encode arginfo_class_Workerman_Protocols_Text_input

#define arginfo_class_Workerman_Protocols_Text_decode arginfo_class_Workerman_Protocols_Text_input


static ZEND_METHOD(Workerman_Protocols_Text, input);
static ZEND_METHOD(Workerman_Protocols_Text, encode);
static ZEND_METHOD(Workerman_Protocols_Text, decode);


static const zend_function_entry class_Workerman_Protocols_Text_methods[] = {
	ZEND_ME(Workerman_Protocols_Text, input, arginfo_class_Workerman_Protocols_Text_input, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Text, encode, arginfo_class_Workerman_Protocols_Text_encode, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Protocols_Text, decode, arginfo_class_Workerman_Protocols_Text_decode, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Workerman_Protocols_Text(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Workerman\\Protocols", "Text", class_Workerman_Protocols_Text_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);

	return class_entry;
}
