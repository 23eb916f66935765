--TEST--
Http::headerRemove(): removes a header set by Http::header() or a default one (Server, Content-Type); Content-Length is always added
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
        Http::header('X-Keep: 1');
        Http::header('X-Drop: 1');
        Http::headerRemove('X-Drop');
        Http::headerRemove('Server');
        if ($_SERVER['REQUEST_URI'] === '/no-type') {
            Http::headerRemove('Content-Type');
        }
        Http::headerRemove('X-Never-Set');   // no-op
        $c->send('ok');
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, http_get('/'));
echo http_show(http_read($fp));
wm_send($fp, http_get('/no-type'));
echo http_show(http_read($fp));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
X-Keep: 1\r\n
Content-Length: 2\r\n
\r\n
ok<<end>>
HTTP/1.1 200 OK\r\n
Connection: keep-alive\r\n
X-Keep: 1\r\n
Content-Length: 2\r\n
\r\n
ok<<end>>
