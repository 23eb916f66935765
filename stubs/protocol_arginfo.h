/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 730a912df91793b9ef692ee250e368b2363fa621 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Protocols_ProtocolInterface_input, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, recv_buffer, IS_MIXED, 0)
	ZEND_ARG_OBJ_INFO(0, connection, Workerman\\Connection\\ConnectionInterface, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Protocols_ProtocolInterface_decode arginfo_class_Workerman_Protocols_ProtocolInterface_input

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Protocols_ProtocolInterface_encode, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, data, IS_MIXED, 0)
	ZEND_ARG_OBJ_INFO(0, connection, Workerman\\Connection\\ConnectionInterface, 0)
ZEND_END_ARG_INFO()




static const zend_function_entry class_Workerman_Protocols_ProtocolInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Protocols_ProtocolInterface, input, arginfo_class_Workerman_Protocols_ProtocolInterface_input, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Protocols_ProtocolInterface, decode, arginfo_class_Workerman_Protocols_ProtocolInterface_decode, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Protocols_ProtocolInterface, encode, arginfo_class_Workerman_Protocols_ProtocolInterface_encode, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};

static zend_class_entry *register_class_Workerman_Protocols_ProtocolInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Workerman\\Protocols", "ProtocolInterface", class_Workerman_Protocols_ProtocolInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}
