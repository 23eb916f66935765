--TEST--
WebServer: "Range: bytes=a-b" and "bytes=a-" get 206 Partial Content with Content-Range and only those bytes
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

foreach (['bytes=2-4', 'bytes=7-', 'bytes=0-0', 'bytes=0-9'] as $range) {
    $r = http_request($port, http_get('/digits.txt', ["Range: $range"]));
    echo $range, ': ', http_parts($r)['status'], ' | ', implode(',', http_header_values($r, 'Content-Range')),
        ' | ', implode(',', http_header_values($r, 'Content-Length')), ' | ', http_parts($r)['body'], "\n";
}
wm_stop_server($h);
?>
--EXPECT--
bytes=2-4: HTTP/1.1 206 Partial Content | bytes 2-4/10 | 3 | 234
bytes=7-: HTTP/1.1 206 Partial Content | bytes 7-9/10 | 3 | 789
bytes=0-0: HTTP/1.1 206 Partial Content | bytes 0-0/10 | 1 | 0
bytes=0-9: HTTP/1.1 206 Partial Content | bytes 0-9/10 | 10 | 0123456789
