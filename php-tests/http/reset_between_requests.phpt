--TEST--
Http: status, headers, cookies and superglobals set for one request do not leak into the next request on the same connection
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;
use Workerman\Protocols\Http;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        if ($_SERVER['REQUEST_URI'] === '/set?x=1') {
            Http::header('HTTP/1.1 404 Not Found');
            Http::header('X-One: 1');
            Http::header('Content-Type: text/plain');
            Http::headerRemove('Server');
            Http::setcookie('c', '1');
        }
        $c->send(json_encode([$_GET, $_POST, $_COOKIE, $GLOBALS['HTTP_RAW_POST_DATA'], isset($_SERVER['CONTENT_LENGTH'])]));
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "POST /set?x=1 HTTP/1.1\r\nHost: x\r\nCookie: k=v\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\np=1");
echo http_show(http_read($fp));
wm_send($fp, http_get('/next'));
echo http_show(http_read($fp));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 404 Not Found\r\n
Set-Cookie: c=1\r\n
Content-Type: text/plain\r\n
Connection: keep-alive\r\n
X-One: 1\r\n
Content-Length: 42\r\n
\r\n
[{"x":"1"},{"p":"1"},{"k":"v"},"p=1",true]<<end>>
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 19\r\n
\r\n
[[],[],[],"",false]<<end>>
