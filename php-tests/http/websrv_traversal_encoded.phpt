--TEST--
WebServer: percent-encoded dot segments ("%2e%2e/", "..%2f") never reach a file out of the root (400, 404 or the front controller)
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

foreach (['/%2e%2e/secret.txt', '/%2E%2E/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/.%2e/secret.txt',
    '/..%5csecret.txt', '/%252e%252e/secret.txt', '/%2e%2e/www-secret/s.txt', '/d/%2e%2e/%2e%2e/secret.txt',
    '/%2e%2e/outside/o.php', '/%2e%2e/outside/o'] as $u) {
    // 3.5 does not decode the path (404 for a missing file, the front controller for a missing .php or
    // extension-less path); a decoding server must refuse (400) or not find it (404)
    echo $u, ' => ', traversal_safe($port, $u), "\n";
}
wm_stop_server($h);
?>
--EXPECT--
/%2e%2e/secret.txt => safe
/%2E%2E/secret.txt => safe
/..%2fsecret.txt => safe
/%2e%2e%2fsecret.txt => safe
/.%2e/secret.txt => safe
/..%5csecret.txt => safe
/%252e%252e/secret.txt => safe
/%2e%2e/www-secret/s.txt => safe
/d/%2e%2e/%2e%2e/secret.txt => safe
/%2e%2e/outside/o.php => safe
/%2e%2e/outside/o => safe
