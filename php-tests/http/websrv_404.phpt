--TEST--
WebServer: a missing non-PHP file gets the built-in 404 page
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\WebServer;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new WebServer("http://127.0.0.1:$port");
    $w->addRoot('www.example.com', http_www());
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, http_get('/missing.txt', ['Connection: keep-alive']));
echo http_show(http_read($fp));
wm_send($fp, http_get('/sub/nope.css?x=1', ['Connection: keep-alive']));
echo http_parts(http_read($fp))['status'], "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 404 Not Found\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 111\r\n
\r\n
<html><head><title>404 File not found</title></head><body><center><h3>404 Not Found</h3></center></body></html><<end>>
HTTP/1.1 404 Not Found
