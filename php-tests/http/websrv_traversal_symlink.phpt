--TEST--
WebServer: a symlink inside the root that points out of it (file or directory) is refused with 400; a symlink within the root is served
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
require __DIR__ . '/websrv_traversal.inc';
use Workerman\WebServer;

$port = wm_free_port();
$root = traversal_site();
$h = wm_start_server(function () use ($port, $root) {
    $w = new WebServer("http://127.0.0.1:$port");
    $w->addRoot('www.example.com', $root);
}, ['port' => $port]);

foreach (['/link.txt', '/linkdir/o.txt', '/linkdir/o.php'] as $u) {
    echo $u, ' => ', traversal_probe($port, $u), "\n";
}
echo '/inner.txt => ', http_parts(http_request($port, http_get('/inner.txt')))['body'];
wm_stop_server($h);
?>
--EXPECT--
/link.txt => HTTP/1.1 400 Bad Request | no secret
/linkdir/o.txt => HTTP/1.1 400 Bad Request | no secret
/linkdir/o.php => HTTP/1.1 400 Bad Request | no secret
/inner.txt => hello
