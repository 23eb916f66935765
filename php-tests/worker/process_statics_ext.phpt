--TEST--
Worker's 3.x statics outside runAll: the Windows helpers throw, init/parseCommand are public (3.1), the 3.1 constant spellings, $_autoloadRootPath; a subclass redeclaring 3.5's methods and properties untyped compiles
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; wm_skip_unless_ext('3.5 runs its Windows helpers on Linux, has init/parseCommand protected and no DEFAUL_BACKLOG/MAX_UDP_PACKEG_SIZE'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

class Redeclares extends Worker
{
    public $name = 'x';
    public $reloadable = false;
    public function run() { parent::run(); }
    public function stop() { parent::stop(); }
    public function acceptConnection($socket) { parent::acceptConnection($socket); }
    public function setUserAndGroup() {}
    public static function log($msg) { parent::log($msg); }
    public static function signalHandler($signal) { parent::signalHandler($signal); }
    public static function checkErrors() {}
    public static function init() {}
    public static function resetStd() {}
}

foreach (['getStartFilesForWindows' => [], 'forkOneWorkerForWindows' => ['x.php'], 'checkWorkerStatusForWindows' => []] as $m => $args) {
    try {
        Worker::$m(...$args);
        echo "$m: no exception\n";
    } catch (Exception $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
foreach (['init', 'parseCommand', 'signalHandler', 'checkErrors', 'reloadAllWorkers', 'resetStd', 'checkIfChildRunning'] as $m) {
    $r = new ReflectionMethod(Worker::class, $m);
    echo $m, ': ', $r->isPublic() && $r->isStatic() ? 'public static' : 'other', "\n";
}
var_dump(Worker::DEFAUL_BACKLOG, Worker::MAX_UDP_PACKEG_SIZE, Worker::UI_SAFE_LENGTH);
$w = new Redeclares('text://127.0.0.1:' . wm_free_port());
$p = new ReflectionProperty(Worker::class, '_autoloadRootPath');
var_dump($p->isProtected(), $p->getValue($w) === __DIR__, $w->name, $w->reloadable);
// Outside runAll these change nothing and return null.
var_dump(Worker::checkIfChildRunning(), Worker::reloadAllWorkers(), Worker::resetStd(), Worker::signalHandler('x'));
?>
--EXPECT--
Exception: Worker::getStartFilesForWindows() is only for Windows
Exception: Worker::forkOneWorkerForWindows() is only for Windows
Exception: Worker::checkWorkerStatusForWindows() is only for Windows
init: public static
parseCommand: public static
signalHandler: public static
checkErrors: public static
reloadAllWorkers: public static
resetStd: public static
checkIfChildRunning: public static
int(102400)
int(65535)
int(4)
bool(true)
bool(true)
string(1) "x"
bool(false)
NULL
NULL
NULL
NULL
