--TEST--
Http::header(): a header replaces the previous one with the same name in place (defaults too); no colon => false
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
        $r = [];
        $r[] = Http::header('X-A: 1');
        $r[] = Http::header('X-B: b');
        $r[] = Http::header('X-A: 2');                          // replaces X-A: 1, keeps its position
        $r[] = Http::header('Content-Type: application/json');  // replaces the default in place
        $r[] = Http::header('no colon here');                   // false, ignored
        $r[] = Http::header(': empty name');                    // false, ignored
        $c->send(json_encode($r));
    };
}, ['port' => $port]);

echo http_show(http_request($port, http_get('/')));
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK\r\n
Content-Type: application/json\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
X-A: 2\r\n
X-B: b\r\n
Content-Length: 33\r\n
\r\n
[true,true,true,true,false,false]<<end>>
