--TEST--
$worker->stop() from a callback: onWorkerStop, its connections closed, the port no longer accepts, callbacks cleared; the process goes on (its timer runs, no new process)
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
$marks = wm_tmpfile('marks');
$h = wm_start_server(function () use ($port, $marks) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onWorkerStart = function ($w) use ($marks) {
        wm_append($marks, 'pid ' . getmypid());
    };
    $w->onWorkerStop = function ($w) use ($marks) {
        wm_append($marks, 'stop');
    };
    $w->onMessage = function ($c, $data) use ($w, $marks) {
        $c->send("bye");
        $w->stop();
        Timer::add(0.5, function () use ($w, $marks) {
            wm_append($marks, 'alive onMessage=' . var_export($w->onMessage, true)
                . ' connections=' . count($w->connections));
        }, array(), false);
    };
}, ['port' => $port]);

$first = wm_wait_lines($marks, 1)[0];
$pid = (int)substr($first, 4);
$fp = wm_client($port);
wm_send($fp, "stop\n");
var_dump(wm_read_all_until_close($fp, 5.0, $closed), $closed);
fclose($fp);
var_dump(wm_wait_until(function () use ($port) { return !wm_is_listening($port); }));
$c = @stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2);
var_dump($c === false);
$lines = wm_wait_lines($marks, 3);
usleep(300000);
$lines = wm_lines($marks);
echo implode("\n", array_slice($lines, 1)), "\n";
var_dump(count($lines), posix_kill($pid, 0));
wm_stop_server($h);
?>
--EXPECT--
string(4) "bye
"
bool(true)
bool(true)
bool(true)
stop
alive onMessage=NULL connections=0
int(3)
bool(true)
