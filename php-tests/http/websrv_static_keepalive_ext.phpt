--TEST--
WebServer (extension): static files honour keep-alive: several files on one connection, which stays open
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 closes the connection after every non-empty static file (its "Connection: keep-alive" header notwithstanding)'); ?>
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
wm_send($fp, http_get('/hello.txt', ['Connection: keep-alive']) . http_get('/style.css', ['Connection: keep-alive']));
echo http_parts(http_read($fp))['body'];
echo http_parts(http_read($fp))['body'];
wm_send($fp, http_get('/get.php?x=1', ['Connection: keep-alive']));
echo http_parts(http_read($fp))['body'];
echo http_state($fp, 0.3), "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
hello static
body{color:red}
get={"x":"1"}
method=GET qs=x=1
cwd_is_root=true
open
