--TEST--
Http::setcookie(): "Set-Cookie: name=rawurlencode(value)[; Domain][; Max-Age][; Path][; Secure][; HttpOnly]", cookies first after the status line
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
        Http::header('X-Before: 1');
        $r = [];
        $r[] = Http::setcookie('plain', 'v');
        $r[] = Http::setcookie('enc', 'a b;c=d/é');
        $r[] = Http::setcookie('full', '1', 3600, '/p', 'example.com', true, true);
        $r[] = Http::setcookie('gone', '', -1);
        $r[] = Http::header('Set-Cookie: raw=1; Path=/');   // "Set-Cookie" via header() appends too
        $r[] = Http::setcookie('plain', 'second');          // same name again: both are sent
        $c->send(json_encode($r));
    };
}, ['port' => $port]);

echo http_show(http_request($port, http_get('/')));
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK\r\n
Set-Cookie: plain=v\r\n
Set-Cookie: enc=a%20b%3Bc%3Dd%2F%C3%A9\r\n
Set-Cookie: full=1; Domain=example.com; Max-Age=3600; Path=/p; Secure; HttpOnly\r\n
Set-Cookie: gone=; Max-Age=-1\r\n
Set-Cookie: raw=1; Path=/\r\n
Set-Cookie: plain=second\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
X-Before: 1\r\n
Content-Length: 31\r\n
\r\n
[true,true,true,true,true,true]<<end>>
