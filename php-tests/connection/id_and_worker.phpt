--TEST--
TcpConnection $connection->id (1, 2, ... per worker process), $connection->worker === the Worker, $worker->connections[$id]
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
    $w->onConnect = function ($c) use ($w) {
        $c->send(implode(' ', [
            'id=' . var_export($c->id, true),
            'worker=' . ($c->worker === $w ? 'same' : 'other'),
            'listed=' . (isset($w->connections[$c->id]) && $w->connections[$c->id] === $c ? 'yes' : 'no'),
            'class=' . get_class($c),
            'iface=' . ($c instanceof \Workerman\Connection\ConnectionInterface ? 'yes' : 'no'),
        ]));
    };
}, ['port' => $port]);

$a = wm_client($port);
var_dump(wm_read_until($a, "\n"));
$b = wm_client($port);
var_dump(wm_read_until($b, "\n"));
fclose($a);
$c = wm_client($port);
var_dump(wm_read_until($c, "\n"));   // ids are never reused
wm_stop_server($h);
?>
--EXPECT--
string(79) "id=1 worker=same listed=yes class=Workerman\Connection\TcpConnection iface=yes
"
string(79) "id=2 worker=same listed=yes class=Workerman\Connection\TcpConnection iface=yes
"
string(79) "id=3 worker=same listed=yes class=Workerman\Connection\TcpConnection iface=yes
"
