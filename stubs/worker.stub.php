<?php

/**
 * @generate-class-entries static
 * @generate-legacy-arginfo 80100
 */

namespace Workerman;

/** @not-serializable */
#[\AllowDynamicProperties]
class Worker
{
    /** @var string */
    public const VERSION = '3.5.35';
    /** @var int */
    public const STATUS_STARTING = 1;
    /** @var int */
    public const STATUS_RUNNING = 2;
    /** @var int */
    public const STATUS_SHUTDOWN = 4;
    /** @var int */
    public const STATUS_RELOADING = 8;
    /** @var int */
    public const KILL_WORKER_TIMER_TIME = 2;
    /** @var int */
    public const DEFAULT_BACKLOG = 102400;
    /** @var int */
    public const MAX_UDP_PACKAGE_SIZE = 65535;
    /** @var int */
    public const UI_SAFE_LENGTH = 4;
    /**
     * 3.1's spelling of DEFAULT_BACKLOG (its value as 3.5's).
     * @var int
     */
    public const DEFAUL_BACKLOG = 102400;
    /**
     * 3.1's spelling of MAX_UDP_PACKAGE_SIZE.
     * @var int
     */
    public const MAX_UDP_PACKEG_SIZE = 65535;

    /** @var mixed */

    public $id = 0;
    /** @var mixed */
    public $name = 'none';
    /** @var mixed */
    public $count = 1;
    /** @var mixed */
    public $user = '';
    /** @var mixed */
    public $group = '';
    /** @var mixed */
    public $reloadable = true;
    /** @var mixed */
    public $reusePort = false;
    /** @var mixed */
    public $onWorkerStart = null;
    /** @var mixed */
    public $onConnect = null;
    /** @var mixed */
    public $onMessage = null;
    /** @var mixed */
    public $onClose = null;
    /** @var mixed */
    public $onError = null;
    /** @var mixed */
    public $onBufferFull = null;
    /** @var mixed */
    public $onBufferDrain = null;
    /** @var mixed */
    public $onWorkerStop = null;
    /** @var mixed */
    public $onWorkerReload = null;
    /** @var mixed */
    public $transport = 'tcp';
    /** @var mixed */
    public $connections = [];
    /** @var mixed */
    public $protocol = null;
    /** @var mixed */
    public $stopping = false;
    /**
     * The autoload root (3.5: the directory of the file that created the Worker); a
     * subclass may set it in its constructor, run() and listen() use it.
     * @var mixed
     */
    protected $_autoloadRootPath = '';

    /** @var mixed */

    public static $daemonize = false;
    /** @var mixed */
    public static $stdoutFile = '/dev/null';
    /** @var mixed */
    public static $pidFile = '';
    /** @var mixed */
    public static $logFile = '';
    /** @var mixed */
    public static $globalEvent = null;
    /** @var mixed */
    public static $onMasterReload = null;
    /** @var mixed */
    public static $onMasterStop = null;
    /** @var mixed */
    public static $eventLoopClass = '';
    /** @var mixed */
    public static $processTitle = 'WorkerMan';

    public function __construct(mixed $socket_name = '', array $context_option = []) {}

    /** @return void */
    public static function runAll() {}

    /** @return void */
    public static function stopAll() {}

    /** @return void */
    public static function init() {}

    /** @return void */
    public static function parseCommand() {}

    /** @return void */
    public static function signalHandler(mixed $signal) {}

    /** @return void */
    public static function checkErrors() {}

    /** @return void */
    public static function reloadAllWorkers() {}

    /** @return void */
    public static function resetStd() {}

    /** @return void */
    public static function checkIfChildRunning() {}

    /** @return array */
    public static function getUiColumns() {}

    /** @return int */
    public static function getSingleLineTotalLength() {}

    /** @return array */
    public static function getStartFilesForWindows() {}

    /** @return void */
    public static function forkOneWorkerForWindows(mixed $start_file) {}

    /** @return void */
    public static function checkWorkerStatusForWindows() {}

    /** @return void */
    public static function log(mixed $msg) {}

    /** @return bool */
    public static function safeEcho(mixed $msg, mixed $decorated = false) {}

    /** @return array */
    public static function getAllWorkers() {}

    /** @return \Workerman\Events\EventInterface|null */
    public static function getEventLoop() {}

    /** @return int */
    public static function getStatus() {}

    /** @return bool */
    public static function getGracefulStop() {}

    /** @return void */
    public function run() {}

    /** @return void */
    public function stop() {}

    /** @return void */
    public function acceptConnection(mixed $socket) {}

    /** @return bool|null */
    public function acceptUdpConnection(mixed $socket) {}

    /** @return void */
    public function setUserAndGroup() {}

    /** @return void */
    public function listen() {}

    /** @return void */
    public function unlisten() {}

    /** @return void */
    public function pauseAccept() {}

    /** @return void */
    public function resumeAccept() {}

    /** @return string */
    public function getSocketName() {}

    /** @return resource|null */
    public function getMainSocket() {}
}
