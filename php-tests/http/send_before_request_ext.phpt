--TEST--
Http (extension): a response sent before any request was decoded (send() in onConnect) has the default head, not 3.5's empty status line
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 sends "\r\nContent-Length: 5\r\n\r\nearly" before its first decode()'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onConnect = function ($c) {
        $c->send('early');
    };
    $w->onMessage = function ($c, $data) {
        $c->send('late');
    };
}, ['port' => $port]);

$fp = wm_client($port);
echo http_show(http_read($fp)), "\n";
wm_send($fp, http_get('/'));
echo http_parts(http_read($fp))['body'], "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 5\r\n
\r\n
early<<end>>

late
