--TEST--
Timer::add returns an int id; Timer::del($id) stops that timer (also from inside its own callback) and returns true
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
        $id = null;
        $id = Timer::add(0.05, function () use (&$n, &$id, $out) {
            $n++;
            wm_append($out, "self $n");
            if ($n === 3) {
                wm_append($out, 'del self: ' . var_export(Timer::del($id), true));
            }
        });
        $other = Timer::add(0.05, function () use ($out) {
            wm_append($out, 'other fired');
        });
        $r = Timer::del($other);   // deleted before it ever fires
        $keep = Timer::add(1.0, function () use ($out) {
            wm_append($out, 'done');
        }, [], false);
        wm_append($out, 'ids ' . var_export(is_int($id) && is_int($other) && is_int($keep) && $id > 0
            && $id !== $other && $other !== $keep, true) . ' del other: ' . var_export($r, true));
    };
});

echo implode("\n", wm_wait_lines($out, 6)), "\n";
wm_stop_server($h);
?>
--EXPECT--
ids true del other: true
self 1
self 2
self 3
del self: true
done
