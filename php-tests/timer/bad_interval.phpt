--TEST--
Timer::add with an interval <= 0 returns false and adds nothing
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
$h = wm_start_server(function () use ($out) {
    $w = new Worker();
    $w->onWorkerStart = function () use ($out) {
        $f = function () use ($out) {
            wm_append($out, 'fired');
        };
        wm_append($out, var_export([Timer::add(0, $f), Timer::add(-1, $f), Timer::add(-0.5, $f, [], false)], true) === var_export([false, false, false], true) ? 'all false' : 'not false');
        Timer::add(0.5, function () use ($out) {
            wm_append($out, 'end');
        }, [], false);
    };
});

echo implode("\n", wm_wait_lines($out, 2)), "\n";
wm_stop_server($h);
?>
--EXPECT--
all false
end
