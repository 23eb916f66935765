--TEST--
WebServer: index.php for "/" and a directory; a missing .php or extension-less path falls back to the root index.php
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
foreach (['/', '/sub/', '/sub', '/sub/?q=1', '/missing.php', '/no/such/dir/', '/extensionless'] as $u) {
    wm_send($fp, http_get($u, ['Connection: keep-alive']));
    $p = http_parts(http_read($fp));
    echo $u, ' => ', $p['status'], ' ', $p['body'];
}
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
/ => HTTP/1.1 200 OK root index.php uri=/
/sub/ => HTTP/1.1 200 OK sub/index.php uri=/sub/
/sub => HTTP/1.1 200 OK sub/index.php uri=/sub
/sub/?q=1 => HTTP/1.1 200 OK sub/index.php uri=/sub/?q=1
/missing.php => HTTP/1.1 200 OK root index.php uri=/missing.php
/no/such/dir/ => HTTP/1.1 200 OK root index.php uri=/no/such/dir/
/extensionless => HTTP/1.1 200 OK root index.php uri=/extensionless
