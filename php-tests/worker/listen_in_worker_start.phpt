--TEST--
Worker created inside onWorkerStart and started with listen()
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
    $outer = new Worker("text://127.0.0.1:$p1");
    $outer->onWorkerStart = function ($outer) use ($p2) {
        $inner = new Worker("text://127.0.0.1:$p2");
        $inner->onConnect = function ($c) {
            $c->send('inner hello');
        };
        $inner->onMessage = function ($c, $data) use ($outer) {
            $c->send("inner:$data pid-same=" . ($c->worker === $outer ? 'outer' : 'inner'));
        };
        $inner->listen();
        $outer->inner = $inner;
    };
    $outer->onMessage = function ($c, $data) {
        $c->send("outer:$data inner-connections=" . count($c->worker->inner->connections));
    };
}, ['ports' => [$p1, $p2]]);

$in = wm_client($p2);
var_dump(wm_read_until($in, "\n"));
wm_send($in, "x\n");
var_dump(wm_read_until($in, "\n"));
var_dump(wm_request($p1, "y\n", "\n"));
fclose($in);
wm_stop_server($h);
?>
--EXPECT--
string(12) "inner hello
"
string(23) "inner:x pid-same=inner
"
string(28) "outer:y inner-connections=1
"
