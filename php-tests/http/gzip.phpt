--TEST--
Http: $connection->gzip = <level> gzencode()s the body and adds "Content-Encoding: gzip" before Content-Length
--EXTENSIONS--
pcntl
posix
zlib
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        if ($_SERVER['REQUEST_URI'] === '/gz') {
            $c->gzip = 9;
        }
        $c->send(str_repeat('compress me ', 100));
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, http_get('/plain'));
$r = http_parts(http_read($fp));
echo implode("\n", $r['headers']), "\n", strlen($r['body']), "\n";
wm_send($fp, http_get('/gz'));
$raw = http_read($fp);
$r = http_parts($raw);
echo preg_replace('/Content-Length: \d+/', 'Content-Length: N', implode("\n", $r['headers'])), "\n";
var_dump(http_header_values($raw, 'Content-Length')[0] == strlen($r['body']), gzdecode($r['body']) === str_repeat('compress me ', 100));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
Content-Type: text/html;charset=utf-8
Connection: keep-alive
Server: workerman
Content-Length: 1200
1200
Content-Type: text/html;charset=utf-8
Connection: keep-alive
Server: workerman
Content-Encoding: gzip
Content-Length: N
bool(true)
bool(true)
