--TEST--
Http (extension): a "Transfer-Encoding: chunked" request body is de-chunked (extensions and trailers skipped) into HTTP_RAW_POST_DATA/$_POST; a bad chunk gets 400
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 does not support chunked request bodies (a POST without Content-Length is never answered)'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $c->send($_SERVER['REQUEST_URI'] . ' ' . json_encode([$_POST, $GLOBALS['HTTP_RAW_POST_DATA']]));
    };
}, ['port' => $port]);

$head = "POST /chunked HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n";
$body = "7\r\na=1&b=2\r\n4;name=value\r\n&c=3\r\nA\r\n&d=0123456\r\n0\r\nX-Trailer: t\r\n\r\n";
$fp = wm_client($port);
// in one write, followed by a pipelined GET
wm_send($fp, $head . $body . http_get('/after'));
echo http_parts(http_read($fp))['body'], "\n";
echo http_parts(http_read($fp))['body'], "\n";
// split inside the chunk-size line, the data and the last chunk
$all = $head . $body;
foreach ([strlen($head) + 1, strlen($head) + 5, strlen($all) - 3] as $i => $cut) {
    $prev = $i === 0 ? 0 : $prev;
    wm_send($fp, substr($all, $prev, $cut - $prev));
    $prev = $cut;
    usleep(30000);
}
wm_send($fp, substr($all, $prev));
echo http_parts(http_read($fp))['body'], "\n";
fclose($fp);

// not a hex chunk size
$fp = wm_client($port);
wm_send($fp, $head . "zz\r\nabc\r\n0\r\n\r\n");
echo http_error_summary(http_read($fp)), ' | then ', http_state($fp, 2), "\n";
fclose($fp);
// chunk data longer than its size
$fp = wm_client($port);
wm_send($fp, $head . "2\r\nabcdef\r\n0\r\n\r\n");
echo http_error_summary(http_read($fp)), ' | then ', http_state($fp, 2), "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
/chunked [{"a":"1","b":"2","c":"3","d":"0123456"},"a=1&b=2&c=3&d=0123456"]
/after [[],""]
/chunked [{"a":"1","b":"2","c":"3","d":"0123456"},"a=1&b=2&c=3&d=0123456"]
HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
