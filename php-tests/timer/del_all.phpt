--TEST--
Timer::delAll() removes every timer of the process
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

$out = wm_tmpfile('out');
$port = wm_free_port();
$h = wm_start_server(function () use ($out, $port) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onWorkerStart = function () use ($out) {
        Timer::add(0.05, function () use ($out) {
            wm_append($out, 'a');
        });
        Timer::add(0.07, function () use ($out) {
            wm_append($out, 'b');
        });
        Timer::add(2, function () use ($out) {
            wm_append($out, 'late');
        }, [], false);
    };
    $w->onMessage = function ($c, $data) {
        $r = Timer::delAll();
        $c->send('delAll ' . var_export($r, true));
    };
}, ['port' => $port]);

wm_wait_lines($out, 4);
var_dump(wm_request($port, "x\n", "\n"));
$n = count(wm_lines($out));
usleep(2500000);        // covers the 2 s one-shot timer as well
var_dump(count(wm_lines($out)) === $n);
var_dump(wm_request($port, "y\n", "\n"));   // the worker is still fine
wm_stop_server($h);
?>
--EXPECT--
string(12) "delAll NULL
"
bool(true)
string(12) "delAll NULL
"
