--TEST--
Http (extension): "Expect: 100-continue" is answered with "HTTP/1.1 100 Continue" before the body is sent; a too large body gets 413 instead
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 ignores Expect: 100-continue (clients wait for their timeout before sending the body)'); ?>
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
        $c->send('body=' . $GLOBALS['HTTP_RAW_POST_DATA'] . ' expect=' . ($_SERVER['HTTP_EXPECT'] ?? '-'));
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "POST /up HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
echo http_show(wm_read_until($fp, "\r\n\r\n", 2));
wm_send($fp, 'hello');
echo http_parts(http_read($fp))['body'], "\n";
// body sent at once anyway (no waiting for the 100): still one 100 at most, then the response
wm_send($fp, "POST /up HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\nworld");
$r = http_read($fp);
if (strpos($r, 'HTTP/1.1 100 Continue') === 0) {
    $r = http_read($fp);
}
echo http_parts($r)['body'], "\n";
echo http_state($fp, 0.3), "\n";
fclose($fp);

$fp = wm_client($port);
wm_send($fp, "POST /up HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\nExpect: 100-continue\r\n\r\n");
echo http_error_summary(http_read($fp)), ' | then ', http_state($fp, 2), "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 100 Continue\r\n
\r\n
<<end>>
body=hello expect=100-continue
body=world expect=100-continue
open
HTTP/1.1 413 Request Entity Too Large | close=yes | length=ok | then closed
