--TEST--
Worker text:// echo: decode strips the trailing "\r\n"/"\n", encode appends "\n"
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
    $w->onMessage = function ($connection, $data) {
        $connection->send(json_encode($data));
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "hello\r\n");
var_dump(wm_read_until($fp, "\n"));
wm_send($fp, "world\n");
var_dump(wm_read_until($fp, "\n"));
// only trailing \r and \n are stripped (rtrim "\r\n"), inner ones stay
wm_send($fp, "a\rb \r\r\n");
var_dump(wm_read_until($fp, "\n"));
// an empty line is a package too
wm_send($fp, "\n");
var_dump(wm_read_until($fp, "\n"));
fclose($fp);
var_dump(wm_stop_server($h));
?>
--EXPECT--
string(8) ""hello"
"
string(8) ""world"
"
string(8) ""a\rb "
"
string(3) """
"
bool(true)
