--TEST--
Worker::init() and Worker::parseCommand() called by an app (from a subclass: protected in 3.5): init sets the pid/log file defaults and creates the log; parseCommand takes "start -d" (logs the mode, sets $daemonize) and answers an unknown command with the usage
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';

$script = wm_tmpfile('app.php');
$log = wm_tmpfile('app.log');
file_put_contents($script, wm_script_header() . '
use Workerman\Worker;
class App extends Worker
{
    public static function doInit() { static::init(); }
    public static function doParse() { static::parseCommand(); }
}
Worker::$logFile = ' . var_export($log, true) . ';
App::doInit();
echo "pid file set: ", Worker::$pidFile !== "" ? "y" : "n", "\n";
echo "log file: ", is_file(Worker::$logFile) ? "y" : "n", "\n";
echo "status: ", Worker::getStatus(), "\n";
App::doParse();
echo "daemonize: ", var_export(Worker::$daemonize, true), "\n";

');
$r = wm_run_php($script, ['start', '-d']);
echo str_replace($script, 'APP', $r['out']);
echo "--\n";
$r = wm_run_php($script, ['bogus']);
echo str_replace($script, 'APP', $r['out']);
?>
--EXPECT--
pid file set: y
log file: y
status: 1
Workerman[APP] start in DAEMON mode
daemonize: true
--
pid file set: y
log file: y
status: 1
Unknown command: bogus
Usage: php yourfile <command> [mode]
Commands: 
start		Start worker in DEBUG mode.
		Use mode -d to start in DAEMON mode.
stop		Stop worker.
		Use mode -g to stop gracefully.
restart		Restart workers.
		Use mode -d to start in DAEMON mode.
		Use mode -g to stop gracefully.
reload		Reload codes.
		Use mode -g to reload gracefully.
status		Get worker status.
		Use mode -d to show live status.
connections	Get worker connections.
