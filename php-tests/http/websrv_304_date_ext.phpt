--TEST--
WebServer (extension): If-Modified-Since is compared as a date: not older than the file's mtime => 304, older or unparsable => 200
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 answers 304 only when If-Modified-Since is byte-equal to its own Last-Modified string'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\WebServer;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new WebServer("http://127.0.0.1:$port");
    $w->addRoot('www.example.com', http_www());
}, ['port' => $port]);

$mtime = filemtime(http_www() . '/hello.txt');
$dates = [
    'same'      => gmdate('D, d M Y H:i:s', $mtime) . ' GMT',
    'later'     => gmdate('D, d M Y H:i:s', $mtime + 86400) . ' GMT',
    'older'     => gmdate('D, d M Y H:i:s', $mtime - 1) . ' GMT',
    'garbage'   => 'yesterday-ish',
];
foreach ($dates as $name => $d) {
    $r = http_request($port, http_get('/hello.txt', ["If-Modified-Since: $d", 'Connection: keep-alive']));
    echo $name, ': ', http_parts($r)['status'], ' body=', json_encode(http_parts($r)['body']), "\n";
}
wm_stop_server($h);
?>
--EXPECT--
same: HTTP/1.1 304 Not Modified body=""
later: HTTP/1.1 304 Not Modified body=""
older: HTTP/1.1 200 OK body="hello static\n"
garbage: HTTP/1.1 200 OK body="hello static\n"
