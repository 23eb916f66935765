--TEST--
WebServer: a static file is sent with its size, a Last-Modified header and the Content-Type from mime.types (first Content-Type header)
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

foreach (['/hello.txt', '/page.html', '/style.css', '/data.json', '/blob.xyz', '/sub/../hello.txt'] as $u) {
    $r = http_request($port, http_get($u, ['Connection: keep-alive']));
    $p = http_parts($r);
    echo $u, ': ', $p['status'], ' | type=', http_header_values($r, 'Content-Type')[0] ?? '-',
        ' | length=', implode(',', http_header_values($r, 'Content-Length')),
        ' | last-modified=', count(http_header_values($r, 'Last-Modified')),
        ' | body=', json_encode($p['body']), "\n";
}
wm_stop_server($h);
?>
--EXPECT--
/hello.txt: HTTP/1.1 200 OK | type=text/plain | length=13 | last-modified=1 | body="hello static\n"
/page.html: HTTP/1.1 200 OK | type=text/html | length=19 | last-modified=1 | body="<p>static page<\/p>\n"
/style.css: HTTP/1.1 200 OK | type=text/css | length=16 | last-modified=1 | body="body{color:red}\n"
/data.json: HTTP/1.1 200 OK | type=application/json | length=8 | last-modified=1 | body="{\"k\":1}\n"
/blob.xyz: HTTP/1.1 200 OK | type=application/octet-stream | length=13 | last-modified=1 | body="opaque bytes\n"
/sub/../hello.txt: HTTP/1.1 200 OK | type=text/plain | length=13 | last-modified=1 | body="hello static\n"
