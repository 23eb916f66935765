--TEST--
Worker::$globalEvent->add($seconds, EV_TIMER / EV_TIMER_ONCE, $cb, $args) returns a timer id; del($id, EV_TIMER) removes it
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Events\EventInterface;

$out = wm_tmpfile('out');
$h = wm_start_server(function () use ($out) {
    $w = new Worker();
    $w->onWorkerStart = function () use ($out) {
        $e = Worker::$globalEvent;
        $n = 0;
        $id = null;
        $id = $e->add(0.05, EventInterface::EV_TIMER, function ($x, $y) use (&$n, &$id, $e, $out) {
            $n++;
            wm_append($out, "timer $n $x $y");
            if ($n === 3) {
                wm_append($out, 'del: ' . var_export($e->del($id, EventInterface::EV_TIMER), true));
            }
        }, ['p', 'q']);
        $once = $e->add(0.1, EventInterface::EV_TIMER_ONCE, function ($z) use ($out) {
            wm_append($out, "once $z");
        }, ['r']);
        wm_append($out, 'ids: ' . var_export(is_int($id) && is_int($once) && $id !== $once, true));
        $e->add(1.5, EventInterface::EV_TIMER_ONCE, function () use ($out) {
            wm_append($out, 'end');
        }, []);
    };
});

$lines = wm_wait_lines($out, 7);
echo $lines[0], "\n";
$rest = array_slice($lines, 1);
$once = array_values(array_filter($rest, function ($l) { return strpos($l, 'once') === 0; }));
$other = array_values(array_filter($rest, function ($l) { return strpos($l, 'once') !== 0; }));
echo implode("\n", $once), "\n", implode("\n", $other), "\n";
wm_stop_server($h);
?>
--EXPECT--
ids: true
once r
timer 1 p q
timer 2 p q
timer 3 p q
del: true
end
