--TEST--
`php start.php stop` from another process stops the master and every worker (onWorkerStop runs) and removes the pid file
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';

$dir = wm_tmpfile('app');
mkdir($dir);
$port = wm_free_port();
$pidFile = "$dir/wm.pid";
$ev = "$dir/events";
// a real start script, run as `php start.php start` / `php start.php stop`
file_put_contents("$dir/start.php", wm_script_header() . '
use Workerman\Worker;
Worker::$pidFile = ' . var_export($pidFile, true) . ';
Worker::$logFile = ' . var_export("$dir/workerman.log", true) . ';
$w = new Worker("text://127.0.0.1:' . $port . '");
$w->count = 2;
$w->onWorkerStart = function ($w) {
    wm_append(' . var_export($ev, true) . ', "start {$w->id}");
};
$w->onWorkerStop = function ($w) {
    wm_append(' . var_export($ev, true) . ', "stop {$w->id}");
};
$w->onMessage = function ($c, $d) {
    $c->send("pong");
};
Worker::runAll();
');

$h = wm_spawn_php("$dir/start.php", ['start'], "$dir/start.out", ['port' => $port, 'logFile' => "$dir/workerman.log"]);
$starts = wm_wait_lines($ev, 2);
sort($starts);
echo implode("\n", $starts), "\n";
var_dump(wm_request($port, "ping\n", "\n"));
var_dump(trim((string)@file_get_contents($pidFile)) === (string)$h->pid);

// the stop command polls the master pid until it is gone: reap our child meanwhile
$r = wm_run_php("$dir/start.php", ['stop'], 15, function () use ($h) {
    wm_server_exited($h);
});
var_dump($r['exit']);
var_dump(stripos($r['out'], 'stop success') !== false);
if ($r['exit'] !== 0 || stripos($r['out'], 'stop success') === false) {
    echo $r['out'], "\n", wm_server_log($h), "\n";
}
var_dump(wm_wait_server_exit($h));
var_dump(wm_master_exit_ok($h));   // exit(0) (see wm_master_exit_ok for 3.5's SIGALRM race)
var_dump(wm_wait_until(function () use ($h) { return !wm_group_alive($h); }, 3));
clearstatcache();
var_dump(file_exists($pidFile));
$stops = wm_lines($ev);
$stops = array_slice($stops, 2);
sort($stops);
echo implode("\n", $stops), "\n";
var_dump(wm_is_listening($port));
?>
--EXPECT--
start 0
start 1
string(5) "pong
"
bool(true)
int(0)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
stop 0
stop 1
bool(false)
