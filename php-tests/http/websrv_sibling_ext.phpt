--TEST--
WebServer (extension): a sibling directory whose name starts with the root's name ("www-secret" next to "www") is out of the root: 400
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 checks strpos(realpath(file), realpath(root)) === 0, so /../www-secret/ passes as inside /www (serves the file, runs the PHP)'); ?>
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

foreach (['/../www-secret/s.txt', '/../www-secret/s.php', '/linksib/s.txt', '/linksib/s.php', '/d/../../www-secret/s.txt'] as $u) {
    echo $u, ' => ', traversal_probe($port, $u), "\n";
}
// a root given with a trailing slash behaves the same
$port2 = wm_free_port();
$h2 = wm_start_server(function () use ($port2, $root) {
    $w = new WebServer("http://127.0.0.1:$port2");
    $w->addRoot('www.example.com', $root . '/');
}, ['port' => $port2]);
echo 'root/ /../www-secret/s.txt => ', traversal_probe($port2, '/../www-secret/s.txt'), "\n";
echo 'root/ /hello.txt => ', http_parts(http_request($port2, http_get('/hello.txt')))['body'];
wm_stop_server($h2);
wm_stop_server($h);
?>
--EXPECT--
/../www-secret/s.txt => HTTP/1.1 400 Bad Request | no secret
/../www-secret/s.php => HTTP/1.1 400 Bad Request | no secret
/linksib/s.txt => HTTP/1.1 400 Bad Request | no secret
/linksib/s.php => HTTP/1.1 400 Bad Request | no secret
/d/../../www-secret/s.txt => HTTP/1.1 400 Bad Request | no secret
root/ /../www-secret/s.txt => HTTP/1.1 400 Bad Request | no secret
root/ /hello.txt => hello
