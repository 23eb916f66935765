--TEST--
WebServer: a page that closes the connection itself ($connection->close($msg)) sends that one response; the page output is not sent after it, and the worker goes on
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
$root = wm_tmpfile('closes');
mkdir($root);
// 4 MB: more than the socket takes at once, so the close waits with data queued
file_put_contents("$root/bye.php", '<?php echo "page output"; $connection->close(str_repeat("b", 4 << 20));');
file_put_contents("$root/ok.php", '<?php echo "ok";');
$h = wm_start_server(function () use ($port, $root) {
    $w = new WebServer("http://127.0.0.1:$port");
    $w->addRoot('www.example.com', $root);
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, http_get('/bye.php', ['Connection: keep-alive']));
usleep(300000);
$raw = wm_read_all_until_close($fp, 10, $closed);
fclose($fp);
$p = http_parts($raw);
echo $p['status'], ' body=', $p['body'] === str_repeat('b', 4 << 20) ? '4 MB of b, nothing after' : strlen($p['body']) . ' bytes: ' . substr($p['body'], -40),
    ' closed=', var_export($closed, true), "\n";
echo http_parts(http_request($port, http_get('/ok.php')))['body'], "\n";
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK body=4 MB of b, nothing after closed=true
ok
