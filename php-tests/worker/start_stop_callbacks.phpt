--TEST--
Worker onWorkerStart runs in the worker; on SIGINT (Ctrl+C) onWorkerStop runs, then open connections are closed
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
    $w->name = 'cbworker';
    $w->onWorkerStart = function ($worker) use ($ev) {
        wm_append($ev, "start id={$worker->id} name={$worker->name} ppid=" . posix_getppid());
    };
    $w->onWorkerStop = function ($worker) use ($ev) {
        wm_append($ev, "stop id={$worker->id} connections=" . count($worker->connections));
    };
    $w->onMessage = function ($c, $d) {
        $c->send("pid " . posix_getpid());
    };
    $w->onClose = function ($c) use ($ev) {
        wm_append($ev, "close");
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "hi\n");
$pid = (int)substr(trim(wm_read_until($fp, "\n")), 4);
var_dump($pid > 0 && $pid !== $h->pid);
echo str_replace("ppid={$h->pid}", 'ppid=MASTER', implode("\n", wm_wait_lines($ev, 1))), "\n";

var_dump(wm_stop_server($h));          // SIGINT to the master; it exits by itself
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);
echo str_replace("ppid={$h->pid}", 'ppid=MASTER', implode("\n", wm_lines($ev))), "\n";
var_dump(file_exists($h->pidFile));    // the master removes its pid file
var_dump(posix_kill($pid, 0));         // the worker is gone
?>
--EXPECT--
bool(true)
start id=0 name=cbworker ppid=MASTER
bool(true)
string(0) ""
bool(true)
start id=0 name=cbworker ppid=MASTER
stop id=0 connections=1
close
bool(false)
bool(false)
