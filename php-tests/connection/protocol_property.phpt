--TEST--
TcpConnection->protocol reads back as the protocol class name string ('\Workerman\Protocols\Text' for text://, NULL for tcp://)
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
    $report = function ($c) {
        $c->send(var_export($c->protocol, true) . ' worker=' . var_export($c->worker->protocol, true)
            . ' transport=' . $c->transport . "\n", true);
    };
    $t = new Worker("text://127.0.0.1:$p1");
    $t->onConnect = $report;
    $r = new Worker("tcp://127.0.0.1:$p2");
    $r->onConnect = $report;
}, ['ports' => [$p1, $p2]]);

var_dump(wm_request($p1, '', "\n"));
var_dump(wm_request($p2, '', "\n"));
wm_stop_server($h);
?>
--EXPECT--
string(83) "'\\Workerman\\Protocols\\Text' worker='\\Workerman\\Protocols\\Text' transport=tcp
"
string(31) "NULL worker=NULL transport=tcp
"
