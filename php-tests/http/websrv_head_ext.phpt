--TEST--
WebServer (extension): HEAD for a static file and for a PHP page: the GET head (with its Content-Length), no body
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 sends the body in the answer to HEAD'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\WebServer;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new WebServer("http://127.0.0.1:$port");
    $w->addRoot('www.example.com', http_www());
}, ['port' => $port]);

foreach (['/hello.txt', '/end.php'] as $u) {
    $fp = wm_client($port);
    wm_send($fp, "HEAD $u HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n");
    $r = http_read($fp, true);
    echo $u, ': ', http_parts($r)['status'], ' | length=', implode(',', http_header_values($r, 'Content-Length')),
        ' | type=', implode(',', http_header_values($r, 'Content-Type')), "\n";
    // no body bytes follow the head
    $s = http_state($fp, 0.5);
    echo '  after the head: ', $s === 'open' || $s === 'closed' ? 'nothing' : $s, "\n";
    fclose($fp);
}
wm_stop_server($h);
?>
--EXPECT--
/hello.txt: HTTP/1.1 200 OK | length=13 | type=text/plain
  after the head: nothing
/end.php: HTTP/1.1 200 OK | length=12 | type=text/html;charset=utf-8
  after the head: nothing
