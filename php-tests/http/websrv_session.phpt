--TEST--
WebServer: Http::sessionStart() in a page; the session cookie brings $_SESSION back on the next request
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\WebServer;
use Workerman\Protocols\Http;

$port = wm_free_port();
$dir = wm_tmpfile('sessions');
mkdir($dir);
$h = wm_start_server(function () use ($port, $dir) {
    $w = new WebServer("http://127.0.0.1:$port");
    $w->addRoot('www.example.com', http_www());
    $w->onWorkerStart = function () use ($dir) {
        Http::sessionSavePath($dir);
    };
}, ['port' => $port]);

$r = http_request($port, http_get('/session.php'));
echo http_parts($r)['body'], "\n";
preg_match('/^PHPSESSID=([a-zA-Z0-9]+); Path=\/$/', http_header_values($r, 'Set-Cookie')[0] ?? '', $m);
$sid = $m[1] ?? 'none';
$r = http_request($port, http_get('/session.php', ["Cookie: PHPSESSID=$sid"]));
echo http_parts($r)['body'], ' ', count(http_header_values($r, 'Set-Cookie')), "\n";
$r = http_request($port, http_get('/session.php', ["Cookie: PHPSESSID=$sid"]));
echo http_parts($r)['body'], "\n";
wm_stop_server($h);
?>
--EXPECT--
n=1
n=2 0
n=3
