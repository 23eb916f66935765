--TEST--
Http: $connection->protocol = 'Workerman\Protocols\Http' in onConnect of a tcp:// worker (the manual's example) decodes requests and encodes responses
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("tcp://127.0.0.1:$port");
    $w->onConnect = function ($connection) {
        $connection->protocol = 'Workerman\\Protocols\\Http';
    };
    $w->onMessage = function ($connection, $data) {
        $connection->send(json_encode([$_GET, $_POST, array_keys($data)]));
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "POST /?g=1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\np=2");
echo http_show(http_read($fp));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 72\r\n
\r\n
[{"g":"1"},{"p":"2"},["get","post","cookie","server","files","request"]]<<end>>
