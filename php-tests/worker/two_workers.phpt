--TEST--
Two Workers with different ports and protocols in one script
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

$p1 = wm_free_port();
$p2 = wm_free_port();
$h = wm_start_server(function () use ($p1, $p2) {
    $text = new Worker("text://127.0.0.1:$p1");
    $text->name = 'textw';
    $text->onMessage = function ($c, $data) {
        $c->send("text:$data:" . $c->worker->name);
    };
    $tcp = new Worker("tcp://127.0.0.1:$p2");
    $tcp->name = 'tcpw';
    $tcp->onMessage = function ($c, $data) {
        $c->send("tcp:$data:" . $c->worker->name);
    };
}, ['ports' => [$p1, $p2]]);

var_dump(wm_request($p1, "a\n", "\n"));
var_dump(wm_request($p2, "b", "tcpw"));
var_dump(wm_request($p1, "c\r\n", "\n"));
wm_stop_server($h);
?>
--EXPECT--
string(13) "text:a:textw
"
string(10) "tcp:b:tcpw"
string(13) "text:c:textw
"
