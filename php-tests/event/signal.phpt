--TEST--
Worker::$globalEvent->add(SIGALRM, EV_SIGNAL, $cb) in a worker (the manual's example): the callback gets the signal number
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
        Worker::$globalEvent->add(SIGALRM, EventInterface::EV_SIGNAL, function ($sig) use ($out) {
            wm_append($out, 'signal ' . ($sig === SIGALRM ? 'SIGALRM' : var_export($sig, true)));
        });
        wm_append($out, 'pid ' . posix_getpid());
    };
});

$pid = (int)substr(wm_wait_lines($out, 1)[0], 4);
usleep(100000);
posix_kill($pid, SIGALRM);
wm_wait_lines($out, 2);
usleep(100000);
posix_kill($pid, SIGALRM);
$lines = wm_wait_lines($out, 3);
echo implode("\n", array_slice($lines, 1)), "\n";
var_dump(posix_kill($pid, 0));        // the worker survived both signals
wm_stop_server($h);
?>
--EXPECT--
signal SIGALRM
signal SIGALRM
bool(true)
