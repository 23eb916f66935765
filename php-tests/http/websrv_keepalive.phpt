--TEST--
WebServer: a PHP page asked for with "Connection: keep-alive" keeps the connection; with "Connection: close" it is closed after the response
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\WebServer;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new WebServer("http://127.0.0.1:$port");
    $w->addRoot('www.example.com', http_www());
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, http_get('/get.php?n=1', ['Connection: keep-alive']));
echo http_parts(http_read($fp))['body'];
wm_send($fp, http_get('/get.php?n=2', ['Connection: Keep-Alive']));
echo http_parts(http_read($fp))['body'];
echo http_state($fp, 0.3), "\n";
wm_send($fp, http_get('/get.php?n=3', ['Connection: close']));
echo http_parts(http_read($fp))['body'];
echo http_state($fp, 2), "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
get={"n":"1"}
method=GET qs=n=1
cwd_is_root=true
get={"n":"2"}
method=GET qs=n=2
cwd_is_root=true
open
get={"n":"3"}
method=GET qs=n=3
cwd_is_root=true
closed
