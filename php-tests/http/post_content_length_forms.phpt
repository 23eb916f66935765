--TEST--
Http: the Content-Length header name is case-insensitive and the space after the colon is optional
--EXTENSIONS--
pcntl
posix
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
        $c->send('[' . $GLOBALS['HTTP_RAW_POST_DATA'] . ']');
    };
}, ['port' => $port]);

$fp = wm_client($port);
foreach (['Content-Length: 5', 'content-length: 5', 'CONTENT-LENGTH:5', 'Content-Length: 0'] as $cl) {
    // the bytes after the body belong to the next request on the same connection
    wm_send($fp, "POST / HTTP/1.1\r\nHost: x\r\n$cl\r\n\r\nhello");
    echo $cl, ' => ', http_parts(http_read($fp))['body'], "\n";
    if ($cl === 'Content-Length: 0') {
        // "hello" was taken as the start of the next request: complete it as a request line
        wm_send($fp, " / HTTP/1.1\r\nHost: x\r\n\r\n");
        echo 'leftover => ', strstr(wm_read_until($fp, "\r\n"), "\r\n", true), "\n";
    }
}
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
Content-Length: 5 => [hello]
content-length: 5 => [hello]
CONTENT-LENGTH:5 => [hello]
Content-Length: 0 => []
leftover => HTTP/1.1 400 Bad Request
