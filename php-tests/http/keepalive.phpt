--TEST--
Http: several requests on one HTTP/1.1 connection (no Connection header, and "Connection: keep-alive") are answered; the connection stays open
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
$ev = wm_tmpfile('ev');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onConnect = function ($c) use ($ev) {
        wm_append($ev, "connect");
    };
    $w->onMessage = function ($c, $data) {
        $c->seen = ($c->seen ?? 0) + 1;
        $c->send("uri=" . $_SERVER['REQUEST_URI'] . " request #" . $c->seen . " on this connection");
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, http_get('/one'));
$a = http_read($fp);
wm_send($fp, http_get('/two', ['Connection: keep-alive']));
$b = http_read($fp);
echo http_show($a), http_show($b);
echo http_state($fp, 0.5), "\n";
fclose($fp);
echo implode("\n", wm_lines($ev)), "\n";
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 38\r\n
\r\n
uri=/one request #1 on this connection<<end>>
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 38\r\n
\r\n
uri=/two request #2 on this connection<<end>>
open
connect
