/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: eb0319cb2965bbb043bfc744016e4f7d988c102b */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Events_Native_add, 0, 0, 3)
	ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, flag, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, func, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, args, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Events_Native_del, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, flag, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Events_Native_clearAllTimer, 0, 0, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Events_Native_loop arginfo_class_Workerman_Events_Native_clearAllTimer

#define arginfo_class_Workerman_Events_Native_destroy arginfo_class_Workerman_Events_Native_clearAllTimer

#define arginfo_class_Workerman_Events_Native_getTimerCount arginfo_class_Workerman_Events_Native_clearAllTimer


static ZEND_METHOD(Workerman_Events_Native, add);
static ZEND_METHOD(Workerman_Events_Native, del);
static ZEND_METHOD(Workerman_Events_Native, clearAllTimer);
static ZEND_METHOD(Workerman_Events_Native, loop);
static ZEND_METHOD(Workerman_Events_Native, destroy);
static ZEND_METHOD(Workerman_Events_Native, getTimerCount);


static const zend_function_entry class_Workerman_Events_Native_methods[] = {
	ZEND_ME(Workerman_Events_Native, add, arginfo_class_Workerman_Events_Native_add, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Events_Native, del, arginfo_class_Workerman_Events_Native_del, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Events_Native, clearAllTimer, arginfo_class_Workerman_Events_Native_clearAllTimer, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Events_Native, loop, arginfo_class_Workerman_Events_Native_loop, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Events_Native, destroy, arginfo_class_Workerman_Events_Native_destroy, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Events_Native, getTimerCount, arginfo_class_Workerman_Events_Native_getTimerCount, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Workerman_Events_Native(zend_class_entry *class_entry_Workerman_Events_EventInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Workerman\\Events", "Native", class_Workerman_Events_Native_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_Workerman_Events_EventInterface);

	return class_entry;
}
