--TEST--
AsyncTcpConnection to unix:///path (a unix-socket Worker): connects, talks through a protocol set on the connection, getRemoteAddress() is the socket's path
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Connection\AsyncTcpConnection;

$path = wm_tmpfile('srv.sock');
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($path, $ev) {
    $s = new Worker("unix://$path");
    $s->protocol = 'Workerman\\Protocols\\Text';
    $s->onMessage = function ($c, $data) {
        $c->send("echo:$data");
    };
    $w = new Worker();
    $w->onWorkerStart = function () use ($path, $ev) {
        $c = new AsyncTcpConnection("unix://$path");
        $c->protocol = 'Workerman\\Protocols\\Text';
        $c->onConnect = function ($c) use ($ev, $path) {
            wm_append($ev, 'onConnect transport=' . $c->transport . ' remote=' . var_export($c->getRemoteAddress() === $path, true));
            $c->send('over unix');
        };
        $c->onMessage = function ($c, $data) use ($ev) {
            wm_append($ev, "onMessage: $data");
            $c->close();
        };
        $c->onClose = function ($c) use ($ev) {
            wm_append($ev, 'onClose');
        };
        $c->connect();
    };
}, ['unix' => $path]);
echo implode("\n", wm_wait_lines($ev, 3)), "\n";
wm_stop_server($h);
?>
--EXPECT--
onConnect transport=unix remote=true
onMessage: echo:over unix
onClose
