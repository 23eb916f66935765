/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 51d6d50f2d8e2f9f96dce63b8a577e17a0a2baea */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Lib_Timer_init, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, event, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Lib_Timer_add, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, time_interval, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, func, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, args, IS_MIXED, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, persistent, IS_MIXED, 0, "true")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Lib_Timer_del, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, timer_id, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Lib_Timer_delAll, 0, 0, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Lib_Timer_tick arginfo_class_Workerman_Lib_Timer_delAll

#define arginfo_class_Workerman_Lib_Timer_signalHandle arginfo_class_Workerman_Lib_Timer_delAll


static ZEND_METHOD(Workerman_Lib_Timer, init);
static ZEND_METHOD(Workerman_Lib_Timer, add);
static ZEND_METHOD(Workerman_Lib_Timer, del);
static ZEND_METHOD(Workerman_Lib_Timer, delAll);
static ZEND_METHOD(Workerman_Lib_Timer, tick);
static ZEND_METHOD(Workerman_Lib_Timer, signalHandle);


static const zend_function_entry class_Workerman_Lib_Timer_methods[] = {
	ZEND_ME(Workerman_Lib_Timer, init, arginfo_class_Workerman_Lib_Timer_init, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Lib_Timer, add, arginfo_class_Workerman_Lib_Timer_add, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Lib_Timer, del, arginfo_class_Workerman_Lib_Timer_del, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Lib_Timer, delAll, arginfo_class_Workerman_Lib_Timer_delAll, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Lib_Timer, tick, arginfo_class_Workerman_Lib_Timer_tick, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Lib_Timer, signalHandle, arginfo_class_Workerman_Lib_Timer_signalHandle, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Workerman_Lib_Timer(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Workerman\\Lib", "Timer", class_Workerman_Lib_Timer_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
