--TEST--
TcpConnection::send($data, true) skips the protocol's encode(); close($data, true) too
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $c->send('encoded');
        $c->send('raw|', true);
        $c->close('bye-raw', true);
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "x\n");
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);
wm_stop_server($h);
?>
--EXPECT--
string(19) "encoded
raw|bye-raw"
bool(true)
