--TEST--
TcpConnection::$connections holds every live connection by id: added on accept, still there in onClose, gone after it
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

$port = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onConnect = function ($c) use ($ev) {
        wm_append($ev, "onConnect {$c->id}: " . implode(',', array_keys(TcpConnection::$connections))
            . ' same=' . var_export(TcpConnection::$connections[$c->id] === $c, true));
    };
    $w->onMessage = function ($c, $data) {
        $c->send(implode(',', array_keys(TcpConnection::$connections)));
    };
    $w->onClose = function ($c) use ($ev) {
        wm_append($ev, "onClose {$c->id}: " . implode(',', array_keys(TcpConnection::$connections)));
    };
}, ['port' => $port]);

$a = wm_client($port);
wm_wait_lines($ev, 1);
$b = wm_client($port);
wm_wait_lines($ev, 2);
wm_send($b, "list\n");
var_dump(wm_read_until($b, "\n"));
fclose($a);
wm_wait_lines($ev, 3);
wm_send($b, "list\n");
var_dump(wm_read_until($b, "\n"));
fclose($b);
echo implode("\n", wm_wait_lines($ev, 4)), "\n";
wm_stop_server($h);
?>
--EXPECT--
string(4) "1,2
"
string(2) "2
"
onConnect 1: 1 same=true
onConnect 2: 1,2 same=true
onClose 1: 1,2
onClose 2: 2
