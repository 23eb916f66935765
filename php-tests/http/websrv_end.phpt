--TEST--
WebServer: Http::end($msg) in a page stops it; the output so far plus $msg is the response body; the worker goes on
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
wm_send($fp, http_get('/pid.php', ['Connection: keep-alive']));
$pid1 = http_parts(http_read($fp))['body'];
wm_send($fp, http_get('/end.php', ['Connection: keep-alive']));
echo http_show(http_read($fp));
wm_send($fp, http_get('/pid.php', ['Connection: keep-alive']));
var_dump(http_parts(http_read($fp))['body'] === $pid1);
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 12\r\n
\r\n
before ended<<end>>
bool(true)
