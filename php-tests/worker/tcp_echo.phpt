--TEST--
Worker tcp:// echo: onMessage receives the raw chunk
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
    $w = new Worker("tcp://127.0.0.1:$port");
    $w->onMessage = function ($connection, $data) {
        $connection->send("echo:" . $data);
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "hello\r\nworld");
var_dump(wm_read_until($fp, 'world'));
wm_send($fp, "\x00\x01binary\xff");
var_dump(bin2hex(wm_read_until($fp, "\xff")));
fclose($fp);
var_dump(wm_stop_server($h));
?>
--EXPECT--
string(17) "echo:hello
world"
string(28) "6563686f3a000162696e617279ff"
bool(true)
