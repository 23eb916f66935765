--TEST--
Http (extension): a Content-Length or Transfer-Encoding set with Http::header() is not sent; the response has exactly one Content-Length, the computed one
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 sends the user\'s Content-Length next to its own'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;
use Workerman\Protocols\Http;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        Http::header('Content-Length: 999');
        Http::header('Transfer-Encoding: chunked');
        Http::header('X-After: 1');
        $c->send('hello');
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, http_get('/') . http_get('/'));
$r = http_read($fp);
echo http_show($r), "\n";
// the framing holds: the second response follows right after the first body
echo http_parts(http_read($fp))['body'], "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
X-After: 1\r\n
Content-Length: 5\r\n
\r\n
hello<<end>>

hello
