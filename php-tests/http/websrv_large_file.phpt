--TEST--
WebServer: a 5 MB static file is streamed completely and unchanged (Content-Length, bytes, md5)
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
$root = wm_tmpfile('big');
mkdir($root);
$size = 5 * 1024 * 1024 + 123;
$data = random_bytes($size);   // random: a reordered or repeated chunk changes the md5
file_put_contents("$root/big.bin", $data);
$h = wm_start_server(function () use ($port, $root) {
    $w = new WebServer("http://127.0.0.1:$port");
    $w->addRoot('www.example.com', $root);
}, ['port' => $port]);

$t = microtime(true);
$fp = wm_client($port);
// a slow reader first: the server must not drop data when the socket buffer is full
wm_send($fp, http_get('/big.bin'));
usleep(300000);
$r = http_read($fp, false, 10);
fclose($fp);
$p = http_parts($r);
echo $p['status'], "\n";
var_dump(http_header_values($r, 'Content-Length') === [(string)$size], strlen($p['body']) === $size, md5($p['body']) === md5($data));
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK
bool(true)
bool(true)
bool(true)
