--TEST--
TcpConnection getRemoteIp/getRemotePort/getLocalIp/getLocalPort/getRemoteAddress
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
    $w->onConnect = function ($c) {
        $c->send(json_encode([
            'remoteIp' => $c->getRemoteIp(),
            'remotePort' => $c->getRemotePort(),
            'localIp' => $c->getLocalIp(),
            'localPort' => $c->getLocalPort(),
            'remoteAddress' => $c->getRemoteAddress(),
        ]));
    };
}, ['port' => $port]);

$fp = wm_client($port);
$me = stream_socket_get_name($fp, false);          // "127.0.0.1:<client port>"
$myPort = (int)substr(strrchr($me, ':'), 1);
$info = json_decode(wm_read_until($fp, "\n"), true);
var_dump($info['remoteIp']);
var_dump($info['remotePort'] === $myPort);
var_dump($info['localIp']);
var_dump($info['localPort'] === $port);
var_dump($info['remoteAddress'] === $me);
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
string(9) "127.0.0.1"
bool(true)
string(9) "127.0.0.1"
bool(true)
bool(true)
