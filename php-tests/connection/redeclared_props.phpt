--TEST--
onMessage/onClose/onError are declared by TcpConnection too (as in 3.5), null by default, and callbacks set there still run
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
use Workerman\Connection\ConnectionInterface;

foreach (['onMessage', 'onClose', 'onError', 'onBufferFull'] as $name) {
    $p = new ReflectionProperty(TcpConnection::class, $name);
    echo $name, ': ', $p->getDeclaringClass()->getName(), ' public=', var_export($p->isPublic(), true),
        ' static=', var_export($p->isStatic(), true), ' default=', var_export($p->getDefaultValue(), true), "\n";
}
foreach (['onMessage', 'onClose', 'onError'] as $name) {
    $p = new ReflectionProperty(ConnectionInterface::class, $name);
    echo 'ConnectionInterface ', $name, ': ', $p->getDeclaringClass()->getName(), "\n";
}

$port = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) use ($ev) {
        $c->send("worker:$data");
        // set on the connection: the redeclared slot is the one the connection calls
        $c->onMessage = function ($c, $data) {
            $c->send("conn:$data");
        };
        $c->onClose = function ($c) use ($ev) {
            wm_append($ev, 'conn onClose');
        };
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "a\n");
var_dump(wm_read_until($fp, "\n"));
wm_send($fp, "b\n");
var_dump(wm_read_until($fp, "\n"));
fclose($fp);
echo implode("\n", wm_wait_lines($ev, 1)), "\n";
wm_stop_server($h);
?>
--EXPECT--
onMessage: Workerman\Connection\TcpConnection public=true static=false default=NULL
onClose: Workerman\Connection\TcpConnection public=true static=false default=NULL
onError: Workerman\Connection\TcpConnection public=true static=false default=NULL
onBufferFull: Workerman\Connection\TcpConnection public=true static=false default=NULL
ConnectionInterface onMessage: Workerman\Connection\ConnectionInterface
ConnectionInterface onClose: Workerman\Connection\ConnectionInterface
ConnectionInterface onError: Workerman\Connection\ConnectionInterface
string(9) "worker:a
"
string(7) "conn:b
"
conn onClose
