--TEST--
Worker without an address (task worker) running a Timer
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

$out = wm_tmpfile('ticks');
$h = wm_start_server(function () use ($out) {
    $task = new Worker();
    $task->onWorkerStart = function ($task) use ($out) {
        wm_append($out, 'start ' . $task->getSocketName() . ' ' . count($task->connections));
        $n = 0;
        Timer::add(0.1, function () use ($out, &$n) {
            $n++;
            wm_append($out, "tick $n");
        });
    };
});

$lines = wm_wait_lines($out, 4);
echo implode("\n", array_slice($lines, 0, 4)), "\n";
wm_stop_server($h);
?>
--EXPECT--
start none 0
tick 1
tick 2
tick 3
