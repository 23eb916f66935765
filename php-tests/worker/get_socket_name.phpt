--TEST--
Worker::getSocketName(): the address as given with the scheme's first letter lower-cased, 'none' without address
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
$out = wm_tmpfile('names');
$h = wm_start_server(function () use ($p1, $p2, $out) {
    $a = new Worker("Text://127.0.0.1:$p1");
    $a->name = 'a';
    $b = new Worker("tcp://127.0.0.1:$p2");
    $b->name = 'b';
    $c = new Worker();
    $c->name = 'c';
    foreach ([$a, $b, $c] as $w) {
        $w->onWorkerStart = function ($w) use ($out, $p1, $p2) {
            wm_append($out, $w->name . ' ' . str_replace([":$p1", ":$p2"], [':P1', ':P2'], $w->getSocketName()));
        };
    }
}, ['ports' => [$p1, $p2]]);

$lines = wm_wait_lines($out, 3);
sort($lines);
echo implode("\n", $lines), "\n";
var_dump(wm_request($p1, "x\n", "\n", 2)); // Text:// really is the text protocol: no onMessage, no reply
wm_stop_server($h);
?>
--EXPECT--
a text://127.0.0.1:P1
b tcp://127.0.0.1:P2
c none
string(0) ""
