--TEST--
Worker listening on a unix:// socket
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

$path = wm_tmpfile('wm.sock');
$h = wm_start_server(function () use ($path) {
    $w = new Worker("unix://$path");
    $w->onMessage = function ($c, $data) {
        $c->send("unix:$data " . $c->worker->transport);
    };
}, ['unix' => $path]);

$fp = wm_client("unix://$path");
wm_send($fp, "ping");
var_dump(wm_read_until($fp, "unix"));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
string(14) "unix:ping unix"
