--TEST--
WebServer: If-Modified-Since equal to the file's Last-Modified gives "304 Not Modified" without a body; an older date gives the file
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

$r = http_request($port, http_get('/hello.txt'));
$lm = http_header_values($r, 'Last-Modified')[0];
var_dump(strlen($lm) > 20);
$fp = wm_client($port);
wm_send($fp, http_get('/hello.txt', ["If-Modified-Since: $lm", 'Connection: keep-alive']));
$r = http_read($fp);
echo http_parts($r)['status'], ' body=', json_encode(http_parts($r)['body']), "\n";
fclose($fp);
$r = http_request($port, http_get('/hello.txt', ['If-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT']));
echo http_parts($r)['status'], ' body=', json_encode(http_parts($r)['body']), "\n";
wm_stop_server($h);
?>
--EXPECT--
bool(true)
HTTP/1.1 304 Not Modified body=""
HTTP/1.1 200 OK body="hello static\n"
