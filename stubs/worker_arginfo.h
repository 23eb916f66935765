/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 3b660cf0f9f108822048194b45790689cd6d373f */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Worker___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, socket_name, IS_MIXED, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, context_option, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Worker_runAll, 0, 0, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Worker_stopAll arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_init arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_parseCommand arginfo_class_Workerman_Worker_runAll

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Worker_signalHandler, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, signal, IS_MIXED, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Worker_checkErrors arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_reloadAllWorkers arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_resetStd arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_checkIfChildRunning arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_getUiColumns arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_getSingleLineTotalLength arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_getStartFilesForWindows arginfo_class_Workerman_Worker_runAll

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Worker_forkOneWorkerForWindows, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, start_file, IS_MIXED, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Worker_checkWorkerStatusForWindows arginfo_class_Workerman_Worker_runAll

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Worker_log, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, msg, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Worker_safeEcho, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, msg, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, decorated, IS_MIXED, 0, "false")
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Worker_getAllWorkers arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_getEventLoop arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_getStatus arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_getGracefulStop arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_run arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_stop arginfo_class_Workerman_Worker_runAll

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Workerman_Worker_acceptConnection, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, socket, IS_MIXED, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Workerman_Worker_acceptUdpConnection arginfo_class_Workerman_Worker_acceptConnection

#define arginfo_class_Workerman_Worker_setUserAndGroup arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_listen arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_unlisten arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_pauseAccept arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_resumeAccept arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_getSocketName arginfo_class_Workerman_Worker_runAll

#define arginfo_class_Workerman_Worker_getMainSocket arginfo_class_Workerman_Worker_runAll


static ZEND_METHOD(Workerman_Worker, __construct);
static ZEND_METHOD(Workerman_Worker, runAll);
static ZEND_METHOD(Workerman_Worker, stopAll);
static ZEND_METHOD(Workerman_Worker, init);
static ZEND_METHOD(Workerman_Worker, parseCommand);
static ZEND_METHOD(Workerman_Worker, signalHandler);
static ZEND_METHOD(Workerman_Worker, checkErrors);
static ZEND_METHOD(Workerman_Worker, reloadAllWorkers);
static ZEND_METHOD(Workerman_Worker, resetStd);
static ZEND_METHOD(Workerman_Worker, checkIfChildRunning);
static ZEND_METHOD(Workerman_Worker, getUiColumns);
static ZEND_METHOD(Workerman_Worker, getSingleLineTotalLength);
static ZEND_METHOD(Workerman_Worker, getStartFilesForWindows);
static ZEND_METHOD(Workerman_Worker, forkOneWorkerForWindows);
static ZEND_METHOD(Workerman_Worker, checkWorkerStatusForWindows);
static ZEND_METHOD(Workerman_Worker, log);
static ZEND_METHOD(Workerman_Worker, safeEcho);
static ZEND_METHOD(Workerman_Worker, getAllWorkers);
static ZEND_METHOD(Workerman_Worker, getEventLoop);
static ZEND_METHOD(Workerman_Worker, getStatus);
static ZEND_METHOD(Workerman_Worker, getGracefulStop);
static ZEND_METHOD(Workerman_Worker, run);
static ZEND_METHOD(Workerman_Worker, stop);
static ZEND_METHOD(Workerman_Worker, acceptConnection);
static ZEND_METHOD(Workerman_Worker, acceptUdpConnection);
static ZEND_METHOD(Workerman_Worker, setUserAndGroup);
static ZEND_METHOD(Workerman_Worker, listen);
static ZEND_METHOD(Workerman_Worker, unlisten);
static ZEND_METHOD(Workerman_Worker, pauseAccept);
static ZEND_METHOD(Workerman_Worker, resumeAccept);
static ZEND_METHOD(Workerman_Worker, getSocketName);
static ZEND_METHOD(Workerman_Worker, getMainSocket);


static const zend_function_entry class_Workerman_Worker_methods[] = {
	ZEND_ME(Workerman_Worker, __construct, arginfo_class_Workerman_Worker___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Worker, runAll, arginfo_class_Workerman_Worker_runAll, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, stopAll, arginfo_class_Workerman_Worker_stopAll, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, init, arginfo_class_Workerman_Worker_init, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, parseCommand, arginfo_class_Workerman_Worker_parseCommand, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, signalHandler, arginfo_class_Workerman_Worker_signalHandler, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, checkErrors, arginfo_class_Workerman_Worker_checkErrors, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, reloadAllWorkers, arginfo_class_Workerman_Worker_reloadAllWorkers, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, resetStd, arginfo_class_Workerman_Worker_resetStd, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, checkIfChildRunning, arginfo_class_Workerman_Worker_checkIfChildRunning, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, getUiColumns, arginfo_class_Workerman_Worker_getUiColumns, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, getSingleLineTotalLength, arginfo_class_Workerman_Worker_getSingleLineTotalLength, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, getStartFilesForWindows, arginfo_class_Workerman_Worker_getStartFilesForWindows, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, forkOneWorkerForWindows, arginfo_class_Workerman_Worker_forkOneWorkerForWindows, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, checkWorkerStatusForWindows, arginfo_class_Workerman_Worker_checkWorkerStatusForWindows, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, log, arginfo_class_Workerman_Worker_log, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, safeEcho, arginfo_class_Workerman_Worker_safeEcho, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, getAllWorkers, arginfo_class_Workerman_Worker_getAllWorkers, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, getEventLoop, arginfo_class_Workerman_Worker_getEventLoop, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, getStatus, arginfo_class_Workerman_Worker_getStatus, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, getGracefulStop, arginfo_class_Workerman_Worker_getGracefulStop, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Workerman_Worker, run, arginfo_class_Workerman_Worker_run, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Worker, stop, arginfo_class_Workerman_Worker_stop, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Worker, acceptConnection, arginfo_class_Workerman_Worker_acceptConnection, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Worker, acceptUdpConnection, arginfo_class_Workerman_Worker_acceptUdpConnection, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Worker, setUserAndGroup, arginfo_class_Workerman_Worker_setUserAndGroup, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Worker, listen, arginfo_class_Workerman_Worker_listen, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Worker, unlisten, arginfo_class_Workerman_Worker_unlisten, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Worker, pauseAccept, arginfo_class_Workerman_Worker_pauseAccept, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Worker, resumeAccept, arginfo_class_Workerman_Worker_resumeAccept, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Worker, getSocketName, arginfo_class_Workerman_Worker_getSocketName, ZEND_ACC_PUBLIC)
	ZEND_ME(Workerman_Worker, getMainSocket, arginfo_class_Workerman_Worker_getMainSocket, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Workerman_Worker(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Workerman", "Worker", class_Workerman_Worker_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
#if (PHP_VERSION_ID >= 80200)
	class_entry->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE|ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES;
#elif (PHP_VERSION_ID >= 80100)
	class_entry->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
#endif

	zval const_VERSION_value;
	zend_string *const_VERSION_value_str = zend_string_init("3.5.35", strlen("3.5.35"), 1);
	ZVAL_STR(&const_VERSION_value, const_VERSION_value_str);
	zend_string *const_VERSION_name = zend_string_init_interned("VERSION", sizeof("VERSION") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_VERSION_name, &const_VERSION_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_VERSION_name);

	zval const_STATUS_STARTING_value;
	ZVAL_LONG(&const_STATUS_STARTING_value, 1);
	zend_string *const_STATUS_STARTING_name = zend_string_init_interned("STATUS_STARTING", sizeof("STATUS_STARTING") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STATUS_STARTING_name, &const_STATUS_STARTING_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STATUS_STARTING_name);

	zval const_STATUS_RUNNING_value;
	ZVAL_LONG(&const_STATUS_RUNNING_value, 2);
	zend_string *const_STATUS_RUNNING_name = zend_string_init_interned("STATUS_RUNNING", sizeof("STATUS_RUNNING") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STATUS_RUNNING_name, &const_STATUS_RUNNING_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STATUS_RUNNING_name);

	zval const_STATUS_SHUTDOWN_value;
	ZVAL_LONG(&const_STATUS_SHUTDOWN_value, 4);
	zend_string *const_STATUS_SHUTDOWN_name = zend_string_init_interned("STATUS_SHUTDOWN", sizeof("STATUS_SHUTDOWN") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STATUS_SHUTDOWN_name, &const_STATUS_SHUTDOWN_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STATUS_SHUTDOWN_name);

	zval const_STATUS_RELOADING_value;
	ZVAL_LONG(&const_STATUS_RELOADING_value, 8);
	zend_string *const_STATUS_RELOADING_name = zend_string_init_interned("STATUS_RELOADING", sizeof("STATUS_RELOADING") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STATUS_RELOADING_name, &const_STATUS_RELOADING_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STATUS_RELOADING_name);

	zval const_KILL_WORKER_TIMER_TIME_value;
	ZVAL_LONG(&const_KILL_WORKER_TIMER_TIME_value, 2);
	zend_string *const_KILL_WORKER_TIMER_TIME_name = zend_string_init_interned("KILL_WORKER_TIMER_TIME", sizeof("KILL_WORKER_TIMER_TIME") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_KILL_WORKER_TIMER_TIME_name, &const_KILL_WORKER_TIMER_TIME_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_KILL_WORKER_TIMER_TIME_name);

	zval const_DEFAULT_BACKLOG_value;
	ZVAL_LONG(&const_DEFAULT_BACKLOG_value, 102400);
	zend_string *const_DEFAULT_BACKLOG_name = zend_string_init_interned("DEFAULT_BACKLOG", sizeof("DEFAULT_BACKLOG") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_DEFAULT_BACKLOG_name, &const_DEFAULT_BACKLOG_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_DEFAULT_BACKLOG_name);

	zval const_MAX_UDP_PACKAGE_SIZE_value;
	ZVAL_LONG(&const_MAX_UDP_PACKAGE_SIZE_value, 65535);
	zend_string *const_MAX_UDP_PACKAGE_SIZE_name = zend_string_init_interned("MAX_UDP_PACKAGE_SIZE", sizeof("MAX_UDP_PACKAGE_SIZE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_MAX_UDP_PACKAGE_SIZE_name, &const_MAX_UDP_PACKAGE_SIZE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_MAX_UDP_PACKAGE_SIZE_name);

	zval const_UI_SAFE_LENGTH_value;
	ZVAL_LONG(&const_UI_SAFE_LENGTH_value, 4);
	zend_string *const_UI_SAFE_LENGTH_name = zend_string_init_interned("UI_SAFE_LENGTH", sizeof("UI_SAFE_LENGTH") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_UI_SAFE_LENGTH_name, &const_UI_SAFE_LENGTH_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_UI_SAFE_LENGTH_name);

	zval const_DEFAUL_BACKLOG_value;
	ZVAL_LONG(&const_DEFAUL_BACKLOG_value, 102400);
	zend_string *const_DEFAUL_BACKLOG_name = zend_string_init_interned("DEFAUL_BACKLOG", sizeof("DEFAUL_BACKLOG") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_DEFAUL_BACKLOG_name, &const_DEFAUL_BACKLOG_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_DEFAUL_BACKLOG_name);

	zval const_MAX_UDP_PACKEG_SIZE_value;
	ZVAL_LONG(&const_MAX_UDP_PACKEG_SIZE_value, 65535);
	zend_string *const_MAX_UDP_PACKEG_SIZE_name = zend_string_init_interned("MAX_UDP_PACKEG_SIZE", sizeof("MAX_UDP_PACKEG_SIZE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_MAX_UDP_PACKEG_SIZE_name, &const_MAX_UDP_PACKEG_SIZE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_MAX_UDP_PACKEG_SIZE_name);

	zval property_id_default_value;
	ZVAL_LONG(&property_id_default_value, 0);
	zend_string *property_id_name = zend_string_init("id", sizeof("id") - 1, 1);
	zend_declare_property_ex(class_entry, property_id_name, &property_id_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_id_name);

	zval property_name_default_value;
	zend_string *property_name_default_value_str = zend_string_init("none", strlen("none"), 1);
	ZVAL_STR(&property_name_default_value, property_name_default_value_str);
	zend_string *property_name_name = zend_string_init("name", sizeof("name") - 1, 1);
	zend_declare_property_ex(class_entry, property_name_name, &property_name_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_name_name);

	zval property_count_default_value;
	ZVAL_LONG(&property_count_default_value, 1);
	zend_string *property_count_name = zend_string_init("count", sizeof("count") - 1, 1);
	zend_declare_property_ex(class_entry, property_count_name, &property_count_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_count_name);

	zval property_user_default_value;
	ZVAL_EMPTY_STRING(&property_user_default_value);
	zend_string *property_user_name = zend_string_init("user", sizeof("user") - 1, 1);
	zend_declare_property_ex(class_entry, property_user_name, &property_user_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_user_name);

	zval property_group_default_value;
	ZVAL_EMPTY_STRING(&property_group_default_value);
	zend_string *property_group_name = zend_string_init("group", sizeof("group") - 1, 1);
	zend_declare_property_ex(class_entry, property_group_name, &property_group_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_group_name);

	zval property_reloadable_default_value;
	ZVAL_TRUE(&property_reloadable_default_value);
	zend_string *property_reloadable_name = zend_string_init("reloadable", sizeof("reloadable") - 1, 1);
	zend_declare_property_ex(class_entry, property_reloadable_name, &property_reloadable_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_reloadable_name);

	zval property_reusePort_default_value;
	ZVAL_FALSE(&property_reusePort_default_value);
	zend_string *property_reusePort_name = zend_string_init("reusePort", sizeof("reusePort") - 1, 1);
	zend_declare_property_ex(class_entry, property_reusePort_name, &property_reusePort_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_reusePort_name);

	zval property_onWorkerStart_default_value;
	ZVAL_NULL(&property_onWorkerStart_default_value);
	zend_string *property_onWorkerStart_name = zend_string_init("onWorkerStart", sizeof("onWorkerStart") - 1, 1);
	zend_declare_property_ex(class_entry, property_onWorkerStart_name, &property_onWorkerStart_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_onWorkerStart_name);

	zval property_onConnect_default_value;
	ZVAL_NULL(&property_onConnect_default_value);
	zend_string *property_onConnect_name = zend_string_init("onConnect", sizeof("onConnect") - 1, 1);
	zend_declare_property_ex(class_entry, property_onConnect_name, &property_onConnect_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_onConnect_name);

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

	zval property_onBufferFull_default_value;
	ZVAL_NULL(&property_onBufferFull_default_value);
	zend_string *property_onBufferFull_name = zend_string_init("onBufferFull", sizeof("onBufferFull") - 1, 1);
	zend_declare_property_ex(class_entry, property_onBufferFull_name, &property_onBufferFull_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_onBufferFull_name);

	zval property_onBufferDrain_default_value;
	ZVAL_NULL(&property_onBufferDrain_default_value);
	zend_string *property_onBufferDrain_name = zend_string_init("onBufferDrain", sizeof("onBufferDrain") - 1, 1);
	zend_declare_property_ex(class_entry, property_onBufferDrain_name, &property_onBufferDrain_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_onBufferDrain_name);

	zval property_onWorkerStop_default_value;
	ZVAL_NULL(&property_onWorkerStop_default_value);
	zend_string *property_onWorkerStop_name = zend_string_init("onWorkerStop", sizeof("onWorkerStop") - 1, 1);
	zend_declare_property_ex(class_entry, property_onWorkerStop_name, &property_onWorkerStop_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_onWorkerStop_name);

	zval property_onWorkerReload_default_value;
	ZVAL_NULL(&property_onWorkerReload_default_value);
	zend_string *property_onWorkerReload_name = zend_string_init("onWorkerReload", sizeof("onWorkerReload") - 1, 1);
	zend_declare_property_ex(class_entry, property_onWorkerReload_name, &property_onWorkerReload_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_onWorkerReload_name);

	zval property_transport_default_value;
	zend_string *property_transport_default_value_str = zend_string_init("tcp", strlen("tcp"), 1);
	ZVAL_STR(&property_transport_default_value, property_transport_default_value_str);
	zend_string *property_transport_name = zend_string_init("transport", sizeof("transport") - 1, 1);
	zend_declare_property_ex(class_entry, property_transport_name, &property_transport_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_transport_name);

	zval property_connections_default_value;
	ZVAL_EMPTY_ARRAY(&property_connections_default_value);
	zend_string *property_connections_name = zend_string_init("connections", sizeof("connections") - 1, 1);
	zend_declare_property_ex(class_entry, property_connections_name, &property_connections_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_connections_name);

	zval property_protocol_default_value;
	ZVAL_NULL(&property_protocol_default_value);
	zend_string *property_protocol_name = zend_string_init("protocol", sizeof("protocol") - 1, 1);
	zend_declare_property_ex(class_entry, property_protocol_name, &property_protocol_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_protocol_name);

	zval property_stopping_default_value;
	ZVAL_FALSE(&property_stopping_default_value);
	zend_string *property_stopping_name = zend_string_init("stopping", sizeof("stopping") - 1, 1);
	zend_declare_property_ex(class_entry, property_stopping_name, &property_stopping_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_stopping_name);

	zval property__autoloadRootPath_default_value;
	ZVAL_EMPTY_STRING(&property__autoloadRootPath_default_value);
	zend_string *property__autoloadRootPath_name = zend_string_init("_autoloadRootPath", sizeof("_autoloadRootPath") - 1, 1);
	zend_declare_property_ex(class_entry, property__autoloadRootPath_name, &property__autoloadRootPath_default_value, ZEND_ACC_PROTECTED, NULL);
	zend_string_release(property__autoloadRootPath_name);

	zval property_daemonize_default_value;
	ZVAL_FALSE(&property_daemonize_default_value);
	zend_string *property_daemonize_name = zend_string_init("daemonize", sizeof("daemonize") - 1, 1);
	zend_declare_property_ex(class_entry, property_daemonize_name, &property_daemonize_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_daemonize_name);

	zval property_stdoutFile_default_value;
	zend_string *property_stdoutFile_default_value_str = zend_string_init("/dev/null", strlen("/dev/null"), 1);
	ZVAL_STR(&property_stdoutFile_default_value, property_stdoutFile_default_value_str);
	zend_string *property_stdoutFile_name = zend_string_init("stdoutFile", sizeof("stdoutFile") - 1, 1);
	zend_declare_property_ex(class_entry, property_stdoutFile_name, &property_stdoutFile_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_stdoutFile_name);

	zval property_pidFile_default_value;
	ZVAL_EMPTY_STRING(&property_pidFile_default_value);
	zend_string *property_pidFile_name = zend_string_init("pidFile", sizeof("pidFile") - 1, 1);
	zend_declare_property_ex(class_entry, property_pidFile_name, &property_pidFile_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_pidFile_name);

	zval property_logFile_default_value;
	ZVAL_EMPTY_STRING(&property_logFile_default_value);
	zend_string *property_logFile_name = zend_string_init("logFile", sizeof("logFile") - 1, 1);
	zend_declare_property_ex(class_entry, property_logFile_name, &property_logFile_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_logFile_name);

	zval property_globalEvent_default_value;
	ZVAL_NULL(&property_globalEvent_default_value);
	zend_string *property_globalEvent_name = zend_string_init("globalEvent", sizeof("globalEvent") - 1, 1);
	zend_declare_property_ex(class_entry, property_globalEvent_name, &property_globalEvent_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_globalEvent_name);

	zval property_onMasterReload_default_value;
	ZVAL_NULL(&property_onMasterReload_default_value);
	zend_string *property_onMasterReload_name = zend_string_init("onMasterReload", sizeof("onMasterReload") - 1, 1);
	zend_declare_property_ex(class_entry, property_onMasterReload_name, &property_onMasterReload_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_onMasterReload_name);

	zval property_onMasterStop_default_value;
	ZVAL_NULL(&property_onMasterStop_default_value);
	zend_string *property_onMasterStop_name = zend_string_init("onMasterStop", sizeof("onMasterStop") - 1, 1);
	zend_declare_property_ex(class_entry, property_onMasterStop_name, &property_onMasterStop_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_onMasterStop_name);

	zval property_eventLoopClass_default_value;
	ZVAL_EMPTY_STRING(&property_eventLoopClass_default_value);
	zend_string *property_eventLoopClass_name = zend_string_init("eventLoopClass", sizeof("eventLoopClass") - 1, 1);
	zend_declare_property_ex(class_entry, property_eventLoopClass_name, &property_eventLoopClass_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_eventLoopClass_name);

	zval property_processTitle_default_value;
	zend_string *property_processTitle_default_value_str = zend_string_init("WorkerMan", strlen("WorkerMan"), 1);
	ZVAL_STR(&property_processTitle_default_value, property_processTitle_default_value_str);
	zend_string *property_processTitle_name = zend_string_init("processTitle", sizeof("processTitle") - 1, 1);
	zend_declare_property_ex(class_entry, property_processTitle_name, &property_processTitle_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC, NULL);
	zend_string_release(property_processTitle_name);

#if (PHP_VERSION_ID >= 80200)
	zend_string *attribute_name_AllowDynamicProperties_class_Workerman_Worker = zend_string_init_interned("AllowDynamicProperties", sizeof("AllowDynamicProperties") - 1, 1);
	zend_add_class_attribute(class_entry, attribute_name_AllowDynamicProperties_class_Workerman_Worker, 0);
	zend_string_release(attribute_name_AllowDynamicProperties_class_Workerman_Worker);
#endif

	return class_entry;
}
