--TEST--
pipe() as 3.5 defines it: the four callbacks are Closures on the two connections, messages relay both ways through each side's protocol, and closing the client closes the backend connection
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

$front = wm_free_port();
$back = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($front, $back, $ev) {
    $b = new Worker("text://127.0.0.1:$back");
    $b->onMessage = function ($c, $data) {
        $c->send("echo:$data");
    };
    $b->onClose = function ($c) use ($ev) {
        wm_append($ev, 'backend: its connection closed');
    };
    $f = new Worker("text://127.0.0.1:$front");
    $f->onConnect = function ($c) use ($back, $ev) {
        $r = new AsyncTcpConnection("text://127.0.0.1:$back");
        $c->pipe($r);
        $r->pipe($c);
        $kinds = [];
        foreach ([[$c, 'onMessage'], [$c, 'onClose'], [$r, 'onBufferFull'], [$r, 'onBufferDrain'],
                [$r, 'onMessage'], [$c, 'onBufferFull']] as [$conn, $prop]) {
            $kinds[] = ($conn === $c ? 'client' : 'remote') . "->$prop=" . (is_object($conn->$prop) ? get_class($conn->$prop) : gettype($conn->$prop));
        }
        wm_append($ev, implode(' ', $kinds));
        $r->onConnect = function ($r) use ($c) {
            $c->send('connected');
        };
        $r->connect();
    };
}, ['ports' => [$front, $back]]);

$s = wm_client($front);
echo wm_read_until($s, "\n");
wm_send($s, "one\ntwo\n");
echo wm_read_until($s, "echo:one\n"), wm_read_until($s, "echo:two\n");
echo wm_wait_lines($ev, 1)[0], "\n";
fclose($s);
echo wm_wait_lines($ev, 2)[1], "\n";
wm_stop_server($h);
?>
--EXPECT--
connected
echo:one
echo:two
client->onMessage=Closure client->onClose=Closure remote->onBufferFull=Closure remote->onBufferDrain=Closure remote->onMessage=Closure client->onBufferFull=Closure
backend: its connection closed
