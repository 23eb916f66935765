--TEST--
WebServer (extension): suffix ranges ("bytes=-3") get 206, unsatisfiable ranges get 416 with "Content-Range: bytes */size"; the worker never dies
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('in 3.5 "Range: bytes=-3" throws a TypeError (string - string, WebServer.php:289) and the worker exits (250); out-of-range ranges send a wrong Content-Length'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\WebServer;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new WebServer("http://127.0.0.1:$port");
    $w->addRoot('www.example.com', http_www());
}, ['port' => $port]);

$pid = http_parts(http_request($port, http_get('/pid.php')))['body'];
foreach (['bytes=-3', 'bytes=-100', 'bytes=5-100', 'bytes=20-', 'bytes=20-30'] as $range) {
    $r = http_request($port, http_get('/digits.txt', ["Range: $range"]));
    $p = http_parts($r);
    echo $range, ': ', $p['status'], ' | ', implode(',', http_header_values($r, 'Content-Range'));
    if (strpos($p['status'], ' 416 ') === false) {
        echo ' | ', implode(',', http_header_values($r, 'Content-Length')), ' | ', $p['body'];
    }
    echo "\n";
}
var_dump(http_parts(http_request($port, http_get('/pid.php')))['body'] === $pid);
wm_stop_server($h);
?>
--EXPECT--
bytes=-3: HTTP/1.1 206 Partial Content | bytes 7-9/10 | 3 | 789
bytes=-100: HTTP/1.1 206 Partial Content | bytes 0-9/10 | 10 | 0123456789
bytes=5-100: HTTP/1.1 206 Partial Content | bytes 5-9/10 | 5 | 56789
bytes=20-: HTTP/1.1 416 Requested Range Not Satisfiable | bytes */10
bytes=20-30: HTTP/1.1 416 Requested Range Not Satisfiable | bytes */10
bool(true)
