--TEST--
Worker::stopAll() called in a worker callback: onWorkerStop, connections closed, the worker process exits (status 0) and the master forks a new one
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
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onWorkerStart = function ($worker) use ($ev) {
        wm_append($ev, "start " . posix_getpid());
    };
    $w->onWorkerStop = function ($worker) use ($ev) {
        wm_append($ev, "stop " . posix_getpid());
    };
    $w->onMessage = function ($c, $data) {
        if ($data === 'stop') {
            Worker::stopAll();
            return;
        }
        $c->send("pid " . posix_getpid());
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "hi\n");
$pid1 = substr(trim(wm_read_until($fp, "\n")), 4);
wm_send($fp, "stop\n");
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);
fclose($fp);

// the master is still running and restarts the worker
$lines = wm_wait_lines($ev, 3);
$map = [$pid1 => 'A'];
foreach ($lines as $l) {
    list($what, $pid) = explode(' ', $l);
    if (!isset($map[$pid])) {
        $map[$pid] = chr(ord('A') + count($map));
    }
    echo "$what {$map[$pid]}\n";
}
var_dump(wm_server_exited($h));
wm_wait_listen($port);
$reply = wm_request($port, "again\n", "\n");
$pid2 = substr(trim($reply), 4);
var_dump($pid2 !== '' && $pid2 !== $pid1 && ($map[$pid2] ?? '') === 'B');
// exit status 0: the master logs no "exit with status" line
var_dump(strpos(wm_server_log($h), 'exit with status') === false);
var_dump(wm_stop_server($h));
?>
--EXPECT--
string(0) ""
bool(true)
start A
stop A
start B
bool(false)
bool(true)
bool(true)
bool(true)
