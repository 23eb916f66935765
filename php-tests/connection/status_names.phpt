--TEST--
TcpConnection::$_statusToString (3.5) and getStatus(false) reading it
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

var_dump(TcpConnection::$_statusToString);

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $before = $c->getStatus(false);
        TcpConnection::$_statusToString[TcpConnection::STATUS_ESTABLISHED] = 'OPEN';
        $c->send($before . ' ' . $c->getStatus(false) . ' ' . $c->getStatus());
    };
}, ['port' => $port]);
var_dump(wm_request($port, "x\n", "\n"));
wm_stop_server($h);
?>
--EXPECT--
array(5) {
  [0]=>
  string(7) "INITIAL"
  [1]=>
  string(10) "CONNECTING"
  [2]=>
  string(11) "ESTABLISHED"
  [4]=>
  string(7) "CLOSING"
  [8]=>
  string(6) "CLOSED"
}
string(19) "ESTABLISHED OPEN 2
"
