--TEST--
Timer::add with a sub-second interval (0.1 s) fires repeatedly; a one-shot timer at 1.05 s counts the ticks
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
        $n = 0;
        $t0 = microtime(true);
        $first = null;
        Timer::add(0.1, function () use (&$n, &$first, $t0) {
            $n++;
            if ($first === null) {
                $first = microtime(true) - $t0;
            }
        });
        Timer::add(1.05, function () use (&$n, &$first, $out) {
            wm_append($out, "$n " . round($first, 3));
        }, [], false);
    };
});

$line = wm_wait_lines($out, 1)[0] ?? '';
list($n, $first) = explode(' ', $line) + [0, 0];
// generous bounds (the machine may be busy); a 1 s granularity timer would give at most 1 tick
var_dump($n >= 3 && $n <= 11);
var_dump($first >= 0.09 && $first < 0.9);
if (!($n >= 3 && $n <= 11 && $first >= 0.09 && $first < 0.9)) echo "ticks first: $line\n";
wm_stop_server($h);
?>
--EXPECT--
bool(true)
bool(true)
