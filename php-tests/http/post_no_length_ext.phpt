--TEST--
Http (extension): POST/PUT without Content-Length and Transfer-Encoding have an empty body (RFC 7230 3.3.3) and are answered
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 waits forever for the Content-Length of a POST/PUT without one (its buffer grows unbounded)'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $c->send($_SERVER['REQUEST_METHOD'] . ' ' . json_encode([$_POST, $GLOBALS['HTTP_RAW_POST_DATA']]));
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n"
    . "PUT / HTTP/1.1\r\nHost: x\r\n\r\n");
echo http_parts(http_read($fp))['body'], "\n";
echo http_parts(http_read($fp))['body'], "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
POST [[],""]
PUT [[],""]
