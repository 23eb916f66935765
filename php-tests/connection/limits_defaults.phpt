--TEST--
Default limits: $connection->maxSendBufferSize 1048576, $connection->maxPackageSize 10485760, TcpConnection::$defaultMaxSendBufferSize / $defaultMaxPackageSize
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Connection\TcpConnection;

var_dump(TcpConnection::$defaultMaxSendBufferSize, TcpConnection::$defaultMaxPackageSize);
$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onConnect = function ($c) {
        $c->send(json_encode([$c->maxSendBufferSize, $c->maxPackageSize,
            TcpConnection::$defaultMaxSendBufferSize, TcpConnection::$defaultMaxPackageSize]));
    };
}, ['port' => $port]);
var_dump(wm_request($port, '', "\n"));
wm_stop_server($h);
?>
--EXPECT--
int(1048576)
int(10485760)
string(36) "[1048576,10485760,1048576,10485760]
"
