--TEST--
Per-connection onMessage/onClose set in onConnect override the worker's callbacks
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
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onConnect = function ($c) use ($ev) {
        if ($c->id % 2 === 0) {
            $c->onMessage = function ($c, $data) {
                $c->send("conn:$data");
            };
            $c->onClose = function ($c) use ($ev) {
                wm_append($ev, "conn close {$c->id}");
            };
        }
    };
    $w->onMessage = function ($c, $data) {
        $c->send("worker:$data");
    };
    $w->onClose = function ($c) use ($ev) {
        wm_append($ev, "worker close {$c->id}");
    };
}, ['port' => $port]);

$a = wm_client($port);   // id 1: worker callbacks
wm_send($a, "x\n");
var_dump(wm_read_until($a, "\n"));
fclose($a);
wm_wait_lines($ev, 1);
$b = wm_client($port);   // id 2: its own callbacks
wm_send($b, "y\n");
var_dump(wm_read_until($b, "\n"));
fclose($b);
echo implode("\n", wm_wait_lines($ev, 2)), "\n";
wm_stop_server($h);
?>
--EXPECT--
string(9) "worker:x
"
string(7) "conn:y
"
worker close 1
conn close 2
