--TEST--
Http (extension): a Content-Length that makes the request larger than $connection->maxPackageSize gets 413 (without waiting for the body) and a close
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 drops such a connection without a response ("Error package. package_length=...")'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onConnect = function ($c) {
        $c->maxPackageSize = 4096;
    };
    $w->onMessage = function ($c, $data) {
        $c->send('got ' . strlen($GLOBALS['HTTP_RAW_POST_DATA']));
    };
}, ['port' => $port]);

// fits: head + 2000 bytes < 4096
$fp = wm_client($port);
wm_send($fp, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n" . str_repeat('x', 2000));
echo http_parts(http_read($fp))['body'], "\n";
// too big: answered as soon as the head is in, the body is never sent
wm_send($fp, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n");
echo http_error_summary(http_read($fp)), ' | then ', http_state($fp, 2), "\n";
fclose($fp);
// absurd length
$fp = wm_client($port);
wm_send($fp, "PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n");
$r = http_read($fp);
echo preg_match('~^HTTP/1\.1 (400|413) ~', $r) ? 'refused' : $r, ' | then ', http_state($fp, 2), "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
got 2000
HTTP/1.1 413 Request Entity Too Large | close=yes | length=ok | then closed
refused | then closed
