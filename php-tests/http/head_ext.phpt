--TEST--
Http (extension): the response to HEAD has the head of the GET response (Content-Length of the body) but no body; the next pipelined response follows directly
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 sends the body in the answer to HEAD'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $c->send('hello ' . $_SERVER['REQUEST_METHOD']);
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n" . http_get('/'));
echo http_show(http_read($fp, true));
echo http_show(http_read($fp));
echo http_state($fp, 0.3), "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 10\r\n
\r\n
<<end>>
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 9\r\n
\r\n
hello GET<<end>>
open
