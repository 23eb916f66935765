--TEST--
WebServer: "/../" out of the root is refused with 400 Bad Request; ".." through a missing dir never leaks either; ".." inside the root is fine
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

foreach (['/../secret.txt', '/../../t/secret.txt', '/./../secret.txt', '/d/../../secret.txt', '/../outside/o.txt', '/../outside/o.php'] as $u) {
    echo $u, ' => ', traversal_probe($port, $u), "\n";
}
// 3.5 lets the kernel resolve "x/.." (404, or the front controller for .php, when x does not exist);
// a server that normalises the path first says 400
foreach (['/x/../../secret.txt', '/hello.txt/../../secret.txt', '/x/../../outside/o.php'] as $u) {
    echo $u, ' => ', traversal_safe($port, $u), "\n";
}
$r = http_request($port, "GET /../secret.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n");
echo http_parts($r)['body'], "\n";
// inside the root
echo '/d/../hello.txt => ', http_parts(http_request($port, http_get('/d/../hello.txt')))['body'];
wm_stop_server($h);
?>
--EXPECT--
/../secret.txt => HTTP/1.1 400 Bad Request | no secret
/../../t/secret.txt => HTTP/1.1 400 Bad Request | no secret
/./../secret.txt => HTTP/1.1 400 Bad Request | no secret
/d/../../secret.txt => HTTP/1.1 400 Bad Request | no secret
/../outside/o.txt => HTTP/1.1 400 Bad Request | no secret
/../outside/o.php => HTTP/1.1 400 Bad Request | no secret
/x/../../secret.txt => safe
/hello.txt/../../secret.txt => safe
/x/../../outside/o.php => safe
<h1>400 Bad Request</h1>
/d/../hello.txt => hello
