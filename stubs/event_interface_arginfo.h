/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: c0000738015fa575f475078a265ccca6c29431cb */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Events_EventInterface_add, 0, 0, 3)
	ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, flag, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, func, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, args, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Events_EventInterface_del, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, flag, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Events_EventInterface_clearAllTimer, 0, 0, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Events_EventInterface_loop arginfo_class_Workerman_Events_EventInterface_clearAllTimer

#define arginfo_class_Workerman_Events_EventInterface_destroy arginfo_class_Workerman_Events_EventInterface_clearAllTimer

#define arginfo_class_Workerman_Events_EventInterface_getTimerCount arginfo_class_Workerman_Events_EventInterface_clearAllTimer




static const zend_function_entry class_Workerman_Events_EventInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Events_EventInterface, add, arginfo_class_Workerman_Events_EventInterface_add, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Events_EventInterface, del, arginfo_class_Workerman_Events_EventInterface_del, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Events_EventInterface, clearAllTimer, arginfo_class_Workerman_Events_EventInterface_clearAllTimer, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Events_EventInterface, loop, arginfo_class_Workerman_Events_EventInterface_loop, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Events_EventInterface, destroy, arginfo_class_Workerman_Events_EventInterface_destroy, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Workerman_Events_EventInterface, getTimerCount, arginfo_class_Workerman_Events_EventInterface_getTimerCount, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};

static zend_class_entry *register_class_Workerman_Events_EventInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Workerman\\Events", "EventInterface", class_Workerman_Events_EventInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	zval const_EV_READ_value;
	ZVAL_LONG(&const_EV_READ_value, 1);
	zend_string *const_EV_READ_name = zend_string_init_interned("EV_READ", sizeof("EV_READ") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_EV_READ_name, &const_EV_READ_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_EV_READ_name);

	zval const_EV_WRITE_value;
	ZVAL_LONG(&const_EV_WRITE_value, 2);
	zend_string *const_EV_WRITE_name = zend_string_init_interned("EV_WRITE", sizeof("EV_WRITE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_EV_WRITE_name, &const_EV_WRITE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_EV_WRITE_name);

	zval const_EV_EXCEPT_value;
	ZVAL_LONG(&const_EV_EXCEPT_value, 3);
	zend_string *const_EV_EXCEPT_name = zend_string_init_interned("EV_EXCEPT", sizeof("EV_EXCEPT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_EV_EXCEPT_name, &const_EV_EXCEPT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_EV_EXCEPT_name);

	zval const_EV_SIGNAL_value;
	ZVAL_LONG(&const_EV_SIGNAL_value, 4);
	zend_string *const_EV_SIGNAL_name = zend_string_init_interned("EV_SIGNAL", sizeof("EV_SIGNAL") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_EV_SIGNAL_name, &const_EV_SIGNAL_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_EV_SIGNAL_name);

	zval const_EV_TIMER_value;
	ZVAL_LONG(&const_EV_TIMER_value, 8);
	zend_string *const_EV_TIMER_name = zend_string_init_interned("EV_TIMER", sizeof("EV_TIMER") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_EV_TIMER_name, &const_EV_TIMER_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_EV_TIMER_name);

	zval const_EV_TIMER_ONCE_value;
	ZVAL_LONG(&const_EV_TIMER_ONCE_value, 16);
	zend_string *const_EV_TIMER_ONCE_name = zend_string_init_interned("EV_TIMER_ONCE", sizeof("EV_TIMER_ONCE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_EV_TIMER_ONCE_name, &const_EV_TIMER_ONCE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_EV_TIMER_ONCE_name);

	return class_entry;
}
