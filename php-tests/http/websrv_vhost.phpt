--TEST--
WebServer: addRoot() per host name: the Host header (without port) picks the root; an unknown host uses the first root; array config form
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
foreach (['a', 'b'] as $n) {
    mkdir(wm_tmpfile("site_$n"));
    file_put_contents(wm_tmpfile("site_$n") . '/who.txt', "site $n\n");
}
$h = wm_start_server(function () use ($port) {
    $w = new WebServer("http://127.0.0.1:$port");
    $w->addRoot('a.test', wm_tmpfile('site_a'));
    $w->addRoot('b.test', ['root' => wm_tmpfile('site_b')]);
}, ['port' => $port]);

foreach (["a.test:$port", 'b.test', "b.test:$port", 'other.test', '127.0.0.1'] as $host) {
    $r = http_request($port, "GET /who.txt HTTP/1.1\r\nHost: $host\r\n\r\n");
    echo $host === "a.test:$port" ? 'a.test:PORT' : ($host === "b.test:$port" ? 'b.test:PORT' : $host), ' => ', http_parts($r)['body'];
}
wm_stop_server($h);
?>
--EXPECT--
a.test:PORT => site a
b.test => site b
b.test:PORT => site b
other.test => site a
127.0.0.1 => site a
