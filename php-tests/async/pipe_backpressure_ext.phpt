--TEST--
pipe() back-pressure: 8 MB into a piped connection whose destination does not read for 1.5 s arrive whole (the source is paused while the destination's buffer is full and resumed on drain, nothing dropped) - extension only
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc';
wm_skip_unless_ext('Workerman 3.5.35 on PHP 8 cannot connect a client without a protocol: checkConnection() calls method_exists(null, \'onConnect\'), a TypeError that ends the worker');
if (!is_executable('/usr/bin/python3')) die('skip python3 not installed'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Connection\AsyncTcpConnection;

$sink = wm_free_port();
$front = wm_free_port();
$log = wm_tmpfile('sink.log');
$ev = wm_tmpfile('events');
$size = 8 << 20;
$py = proc_open(['python3', __DIR__ . '/pipe_peers.py', 'sink', (string)$sink, $log, (string)$size],
    [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
wm_wait_port($sink);

$h = wm_start_server(function () use ($front, $sink, $ev) {
    $w = new Worker("tcp://127.0.0.1:$front");
    $w->onConnect = function ($c) use ($sink, $ev) {
        $r = new AsyncTcpConnection("tcp://127.0.0.1:$sink");
        $c->pipe($r);
        $r->pipe($c);
        $fulls = 0;
        // the app may still watch: wrap the piped callbacks, as a proxy that counts would
        $pause = $r->onBufferFull;
        $r->onBufferFull = function ($r) use ($pause, &$fulls) {
            $fulls++;
            $pause($r);
        };
        $c->onClose = function ($c) use ($r, $ev, &$fulls) {
            wm_append($ev, 'paused at least once: ' . var_export($fulls > 0, true) . ', dropped: '
                . \Workerman\Connection\ConnectionInterface::$statistics['send_fail']);
            $r->destroy();
        };
        $r->onError = function ($r, $code, $msg) use ($ev) {
            wm_append($ev, "remote onError: $code $msg");
        };
        $r->connect();
    };
}, ['port' => $front]);

$data = '';
for ($i = 0; strlen($data) < $size; $i++) {
    $data .= sprintf("%015d\n", $i);
}
$s = stream_socket_client("tcp://127.0.0.1:$front", $errno, $errstr, 5);
stream_set_timeout($s, 30);
$t0 = microtime(true);
for ($off = 0; $off < $size; $off += $n) {
    $n = fwrite($s, substr($data, $off, 1 << 20));
    if (!$n) {
        break;
    }
}
echo "written: $off\n";
echo wm_wait_lines($log, 1, 30)[0] === "sink got $size bytes md5=" . md5($data) ? "sink: every byte, in order\n" : "sink: " . wm_lines($log)[0] . "\n";
fclose($s);
echo wm_wait_lines($ev, 1)[0], "\n";
wm_stop_server($h);
proc_terminate($py);
proc_close($py);
?>
--EXPECT--
written: 8388608
sink: every byte, in order
paused at least once: true, dropped: 0
