--TEST--
Http (extension): a request with "Connection: close" gets "Connection: close" in the response and the connection is closed after it
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 ignores a client\'s Connection: close (always answers keep-alive and keeps the connection)'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$ev = wm_tmpfile('ev');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) use ($ev) {
        wm_append($ev, $_SERVER['REQUEST_URI']);
        $c->send('hello');
    };
}, ['port' => $port]);

foreach (['close', 'Close', 'keep-alive, close'] as $v) {
    $fp = wm_client($port);
    // the pipelined second request must not be answered
    wm_send($fp, http_get('/a', ["Connection: $v"]) . http_get('/b'));
    echo http_show(http_read($fp));
    echo http_state($fp, 2), "\n";
    fclose($fp);
}
echo implode(',', wm_lines($ev)), "\n";
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: close\r\n
Server: workerman\r\n
Content-Length: 5\r\n
\r\n
hello<<end>>
closed
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: close\r\n
Server: workerman\r\n
Content-Length: 5\r\n
\r\n
hello<<end>>
closed
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: close\r\n
Server: workerman\r\n
Content-Length: 5\r\n
\r\n
hello<<end>>
closed
/a,/a,/a
