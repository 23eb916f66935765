--TEST--
Worker subclasses: a class extending a class that extends WebServer still starts as a WebServer in its processes (onWorkerStart kept, pages served); a Worker subclass does not
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/../http/skipif_http.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../http/http.inc';
use Workerman\WebServer;
use Workerman\Worker;

class MyWebBase extends WebServer {}
class MyWeb extends MyWebBase {}
class MyWorker extends Worker {}

$p1 = wm_free_port();
$p2 = wm_free_port();
$marks = wm_tmpfile('marks');
$h = wm_start_server(function () use ($p1, $p2, $marks) {
    $w = new MyWeb("http://127.0.0.1:$p1");
    $w->addRoot('www.example.com', http_www());
    $w->onWorkerStart = function ($w) use ($marks) {
        wm_append($marks, 'web start ' . get_class($w));
    };
    $t = new MyWorker("text://127.0.0.1:$p2");
    $t->onWorkerStart = function ($w) use ($marks) {
        wm_append($marks, 'text start ' . get_class($w));
    };
    $t->onMessage = function ($c, $data) {
        $c->send("got $data");
    };
}, ['ports' => [$p1, $p2]]);

$lines = wm_wait_lines($marks, 2);
sort($lines);
echo implode("\n", $lines), "\n";
$fp = wm_client($p1);
wm_send($fp, http_get('/get.php?a=1', ['Connection: keep-alive']));
$r = http_parts(http_read($fp));
echo $r['status'], "\n";
wm_send($fp, http_get('/missing.txt', ['Connection: keep-alive']));
echo http_parts(http_read($fp))['status'], "\n";
fclose($fp);
echo wm_request($p2, "hi\n", "\n");
wm_stop_server($h);
?>
--EXPECT--
text start MyWorker
web start MyWeb
HTTP/1.1 200 OK
HTTP/1.1 404 Not Found
got hi
