--TEST--
Worker::checkErrors, the shutdown function run() registers: a worker process ended by a fatal error logs "Worker[pid] process terminated with ERROR: E_… "…"" and the master starts another
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

$port = wm_free_port();
$marks = wm_tmpfile('marks');
$twice = wm_tmpfile('twice.php');
file_put_contents($twice, "<?php\nfunction wm_declared_twice() {}\n");
$h = wm_start_server(function () use ($port, $marks, $twice) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onWorkerStart = function ($w) use ($marks) {
        wm_append($marks, 'pid ' . getmypid());
    };
    $w->onMessage = function ($c, $data) use ($twice) {
        include $twice;
        include $twice; // E_COMPILE_ERROR: Cannot redeclare
    };
}, ['port' => $port]);

$pid1 = (int)substr(wm_wait_lines($marks, 1)[0], 4);
$fp = wm_client($port);
wm_send($fp, "go\n");
var_dump(wm_read_all_until_close($fp, 5.0, $closed), $closed);
fclose($fp);
$lines = wm_wait_lines($marks, 2);
$log = wm_server_logfile($h);
$want = "Worker[$pid1] process terminated with ERROR: E_COMPILE_ERROR \"Cannot redeclare wm_declared_twice()";
var_dump(strpos($log, $want) !== false);
var_dump(strpos($log, "in $twice on line 2\"") !== false);
wm_stop_server($h);
// A normal stop (status SHUTDOWN) logs nothing of the kind.
var_dump(substr_count(wm_server_logfile($h), 'process terminated'));
?>
--EXPECT--
string(0) ""
bool(true)
bool(true)
bool(true)
int(1)
