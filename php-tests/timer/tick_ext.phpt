--TEST--
Timer::tick() and Timer::signalHandle() run the timers that are due, from the caller's stack (a long callback); a persistent one goes on, a one-shot one does not, one not yet due waits - extension only
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc';
wm_skip_unless_ext('in Workerman 3.5 tick() only walks the SIGALRM timer list of a process without an event loop; in a worker that list is empty and tick() does nothing'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Lib\Timer;

$out = wm_tmpfile('out');
$h = wm_start_server(function () use ($out) {
    $w = new Worker();
    $w->onWorkerStart = function () use ($out) {
        $ran = [];
        Timer::add(0.1, function ($x) use (&$ran) {
            $ran[] = "once:$x";
        }, ['A'], false);
        $pid = Timer::add(0.2, function () use (&$ran) {
            $ran[] = 'persistent';
        });
        Timer::add(0.8, function () use ($out) {
            wm_append($out, 'late one-shot ran');
        }, [], false);

        $report = function ($label) use (&$ran, $out) {
            sort($ran);
            wm_append($out, "$label: " . implode(',', $ran));
            $ran = [];
        };
        usleep(300000);              // both of the first two are due now; the loop is not running
        $report('before tick');
        Timer::tick();
        $report('tick');
        Timer::tick();               // nothing is due again yet
        $report('tick again');
        usleep(300000);              // the persistent one was re-armed for 0.2 s after it ran
        Timer::signalHandle();
        $report('signalHandle');
        Timer::del($pid);
        usleep(500000);
        Timer::tick();               // the late one-shot (0.8 s) is due: it runs here, once
        $report('after del');
    };
});

echo implode("\n", wm_wait_lines($out, 6)), "\n";
wm_stop_server($h);
?>
--EXPECT--
before tick: 
tick: once:A,persistent
tick again: 
signalHandle: persistent
late one-shot ran
after del: 
