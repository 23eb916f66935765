--TEST--
TcpConnection::$maxSendBufferSize (static, the manual) beside $connection->maxSendBufferSize (per connection, 3.5) - extension only
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc';
wm_skip_unless_ext('in Workerman 3.5 maxSendBufferSize is only an instance property: TcpConnection::$maxSendBufferSize is an Error there'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Connection\TcpConnection;

$p = new ReflectionProperty(TcpConnection::class, 'maxSendBufferSize');
var_dump($p->isStatic(), TcpConnection::$maxSendBufferSize);

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $before = $c->maxSendBufferSize;
        $c->maxSendBufferSize = 4096 + $c->id;    // this connection only
        $out = "id={$c->id} exists=" . var_export(property_exists($c, 'maxSendBufferSize'), true)
            . " before=$before now={$c->maxSendBufferSize} isset=" . var_export(isset($c->maxSendBufferSize), true)
            . ' static=' . TcpConnection::$maxSendBufferSize;
        TcpConnection::$maxSendBufferSize = 2048;  // connections made from now on
        $c->send($out);
    };
}, ['port' => $port]);
var_dump(wm_request($port, "x\n", "\n"));
var_dump(wm_request($port, "x\n", "\n"));
wm_stop_server($h);
?>
--EXPECT--
bool(true)
int(1048576)
string(67) "id=1 exists=true before=1048576 now=4097 isset=true static=1048576
"
string(61) "id=2 exists=true before=2048 now=4098 isset=true static=2048
"
