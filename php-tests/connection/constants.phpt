--TEST--
WORKERMAN_CONNECT_FAIL === 1 and WORKERMAN_SEND_FAIL === 2 (in the test process and in a worker)
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

var_dump(WORKERMAN_CONNECT_FAIL, WORKERMAN_SEND_FAIL);
$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onConnect = function ($c) {
        $c->send(var_export([WORKERMAN_CONNECT_FAIL, WORKERMAN_SEND_FAIL], true) === var_export([1, 2], true) ? 'ok' : 'bad');
    };
}, ['port' => $port]);
var_dump(wm_request($port, '', "\n"));
wm_stop_server($h);
?>
--EXPECT--
int(1)
int(2)
string(3) "ok
"
