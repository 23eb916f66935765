--TEST--
Http: GET POST PUT DELETE HEAD OPTIONS are accepted; another method gets "HTTP/1.1 400 Bad Request"; Http::$methods can be extended (PATCH)
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;
use Workerman\Protocols\Http;

$port = wm_free_port();
$port2 = wm_free_port();
$ev = wm_tmpfile('ev');
$h = wm_start_server(function () use ($port, $port2, $ev) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) use ($ev) {
        wm_append($ev, $_SERVER['REQUEST_METHOD']);
        $c->send('m=' . $_SERVER['REQUEST_METHOD']);
    };
    $w2 = new Worker("http://127.0.0.1:$port2");
    $w2->onWorkerStart = function () {
        Http::$methods['PATCH'] = 'PATCH';
    };
    $w2->onMessage = function ($c, $data) {
        $c->send('m=' . $_SERVER['REQUEST_METHOD'] . ' body=' . $GLOBALS['HTTP_RAW_POST_DATA']);
    };
}, ['ports' => [$port, $port2]]);

var_dump(array_keys(Http::$methods));
foreach (['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'get', 'BREW'] as $m) {
    $body = in_array($m, ['POST', 'PUT', 'PATCH']) ? "Content-Length: 2\r\n\r\nxy" : "\r\n";
    // only the status line is read (3.5's 400 has no Content-Length and keeps the connection)
    $fp = wm_client($port);
    wm_send($fp, "$m /x HTTP/1.1\r\nHost: x\r\n$body");
    echo $m, ': ', strstr(wm_read_until($fp, "\r\n"), "\r\n", true), "\n";
    fclose($fp);
}
echo implode(',', wm_lines($ev)), "\n";
// the second worker process added PATCH
echo http_parts(http_request($port2, "PATCH /x HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nxy"))['body'], "\n";
wm_stop_server($h);
?>
--EXPECT--
array(6) {
  [0]=>
  string(3) "GET"
  [1]=>
  string(4) "POST"
  [2]=>
  string(3) "PUT"
  [3]=>
  string(6) "DELETE"
  [4]=>
  string(4) "HEAD"
  [5]=>
  string(7) "OPTIONS"
}
GET: HTTP/1.1 200 OK
POST: HTTP/1.1 200 OK
PUT: HTTP/1.1 200 OK
DELETE: HTTP/1.1 200 OK
HEAD: HTTP/1.1 200 OK
OPTIONS: HTTP/1.1 200 OK
PATCH: HTTP/1.1 400 Bad Request
get: HTTP/1.1 400 Bad Request
BREW: HTTP/1.1 400 Bad Request
GET,POST,PUT,DELETE,HEAD,OPTIONS
m=PATCH body=xy
