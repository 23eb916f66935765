--TEST--
Worker::stopAll() called in the master (from a master Timer added before runAll) stops every process
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Lib\Timer;

$port = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->count = 2;
    $w->onWorkerStart = function ($worker) use ($ev) {
        wm_append($ev, "start");
    };
    $w->onWorkerStop = function ($worker) use ($ev) {
        wm_append($ev, "stop");
    };
    // in the master: 3.5 runs master timers on SIGALRM with 1 s granularity
    Timer::add(1, function () use ($ev) {
        wm_append($ev, "master timer in " . (posix_getpid() === posix_getpgrp() ? 'master' : 'child'));
        Worker::stopAll();
    }, [], false);
}, ['port' => $port]);

var_dump(wm_wait_server_exit($h, 6));
var_dump(wm_wait_until(function () use ($h) { return !wm_group_alive($h); }, 3));
$lines = wm_lines($ev);
sort($lines);
echo implode("\n", $lines), "\n";
var_dump(file_exists($h->pidFile));
var_dump(wm_master_exit_ok($h));   // exit(0) (see wm_master_exit_ok for 3.5's SIGALRM race)
?>
--EXPECT--
bool(true)
bool(true)
master timer in master
start
start
stop
stop
bool(false)
bool(true)
