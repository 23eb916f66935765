--TEST--
Http (extension): HTTP/1.0 closes after the response unless the request says "Connection: keep-alive"
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 keeps every connection open and always answers "Connection: keep-alive", also to HTTP/1.0'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $c->send('hello');
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "GET / HTTP/1.0\r\n\r\n");
echo http_show(http_read($fp));
echo http_state($fp, 2), "\n";
fclose($fp);

$fp = wm_client($port);
wm_send($fp, "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
echo http_show(http_read($fp));
wm_send($fp, "GET /again HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
echo http_parts(http_read($fp))['body'], "\n";
echo http_state($fp, 0.3), "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: close\r\n
Server: workerman\r\n
Content-Length: 5\r\n
\r\n
hello<<end>>
closed
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 5\r\n
\r\n
hello<<end>>
hello
open
