--TEST--
Http (extension): a header section over the limit gets 431 Request Header Fields Too Large and a close, also before the blank line arrives; 8 KB of headers are fine
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 buffers headers up to maxPackageSize (10 MB) and then closes without a response'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $c->send('len=' . strlen($_SERVER['HTTP_X_BIG'] ?? ''));
    };
}, ['port' => $port]);

// 8 KB header value: accepted
echo http_parts(http_request($port, http_get('/', ['X-Big: ' . str_repeat('a', 8192)])))['body'], "\n";

// 100 KB of headers, complete
$fp = wm_client($port);
wm_send($fp, http_get('/', ['X-Big: ' . str_repeat('b', 100 * 1024)]));
echo http_error_summary(http_read($fp)), ' | then ', http_state($fp, 2), "\n";
fclose($fp);

// 100 KB of header lines and no end of headers: refused without waiting for more
$fp = wm_client($port);
$lines = "GET / HTTP/1.1\r\nHost: x\r\n";
for ($i = 0; strlen($lines) < 100 * 1024; $i++) {
    $lines .= "X-H$i: " . str_repeat('c', 100) . "\r\n";
}
wm_send($fp, $lines);
echo http_error_summary(http_read($fp)), ' | then ', http_state($fp, 2), "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
len=8192
HTTP/1.1 431 Request Header Fields Too Large | close=yes | length=ok | then closed
HTTP/1.1 431 Request Header Fields Too Large | close=yes | length=ok | then closed
