--TEST--
An exception thrown in onWorkerStart is logged; the worker exits with status 250 (3.5 sleeps 1 s first) and is restarted
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

$ev = wm_tmpfile('starts');
$h = wm_start_server(function () use ($ev) {
    $w = new Worker();
    $w->onWorkerStart = function () use ($ev) {
        wm_append($ev, 'start');
        if (count(wm_lines($ev)) === 1) {
            throw new DomainException('cannot start');
        }
    };
});

$lines = wm_wait_lines($ev, 2, 6);     // started again after the failure
echo implode("\n", $lines), "\n";
$log = wm_server_log($h);
var_dump(strpos($log, 'DomainException: cannot start') !== false);
var_dump(strpos($log, 'exit with status 64000') !== false);
wm_stop_server($h);
?>
--EXPECT--
start
start
bool(true)
bool(true)
