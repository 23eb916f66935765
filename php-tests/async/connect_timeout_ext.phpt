--TEST--
AsyncTcpConnection to a listener whose accept queue is full: the connect is bounded by default_socket_timeout (onError "connect ADDR fail after N seconds", then onClose) and the worker keeps serving meanwhile - extension only
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc';
wm_skip_unless_ext('Workerman 3.5 puts no bound on a connect: it waits for the kernel (minutes)'); ?>
--INI--
default_socket_timeout=1
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Lib\Timer;
use Workerman\Connection\AsyncTcpConnection;

// A listener that never accepts, with its backlog filled: further SYNs are dropped.
$full = wm_free_port();
$ctx = stream_context_create(['socket' => ['backlog' => 0]]);
$srv = stream_socket_server("tcp://127.0.0.1:$full", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
$fillers = [];
for ($i = 0; $i < 4; $i++) {
    $fillers[] = @stream_socket_client("tcp://127.0.0.1:$full", $e, $s, 0.2, STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT);
}
usleep(200000);

$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($full, $ev) {
    $w = new Worker();
    $w->onWorkerStart = function () use ($full, $ev) {
        $c = new AsyncTcpConnection("tcp://127.0.0.1:$full");
        $t0 = microtime(true);
        $ticks = 0;
        $tick = Timer::add(0.1, function () use (&$ticks) {
            $ticks++;
        });
        $c->onConnect = function ($c) use ($ev) {
            wm_append($ev, 'onConnect (unexpected)');
        };
        $c->onError = function ($c, $code, $msg) use ($ev, $t0, &$ticks, $tick) {
            $took = microtime(true) - $t0;
            Timer::del($tick);
            wm_append($ev, "onError: $code " . preg_replace('/after \d+(\.\d+)? seconds/', 'after N seconds', $msg)
                . ' bounded=' . var_export($took > 0.8 && $took < 3.0, true) . ' loop ran=' . var_export($ticks >= 5, true));
        };
        $c->onClose = function ($c) use ($ev) {
            wm_append($ev, 'onClose');
        };
        $c->connect();
    };
});
echo implode("\n", wm_wait_lines($ev, 2, 15)), "\n";
wm_stop_server($h);
?>
--EXPECTF--
onError: 1 connect 127.0.0.1:%d fail after N seconds bounded=true loop ran=true
onClose
