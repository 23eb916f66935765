--TEST--
Http: $GLOBALS['HTTP_RAW_POST_DATA'] (and HTTP_RAW_REQUEST_DATA) hold the exact request body; '' for a GET
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
        $c->send(bin2hex($GLOBALS['HTTP_RAW_POST_DATA']) . ' ' . var_export($GLOBALS['HTTP_RAW_REQUEST_DATA'] === $GLOBALS['HTTP_RAW_POST_DATA'], true));
    };
}, ['port' => $port]);

$fp = wm_client($port);
$body = "a=1&b=\x00\r\n\r\nend";
wm_send($fp, "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: " . strlen($body) . "\r\n\r\n$body");
echo http_parts(http_read($fp))['body'], "\n";
wm_send($fp, "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\nk=v");
echo http_parts(http_read($fp))['body'], "\n";
wm_send($fp, http_get('/after-post'));
echo http_parts(http_read($fp))['body'], "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
613d3126623d000d0a0d0a656e64 true
6b3d76 true
 true
