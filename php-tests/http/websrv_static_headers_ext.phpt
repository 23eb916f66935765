--TEST--
WebServer (extension): a static file has exactly one Content-Type, no Content-Disposition for known types, and an IMF-fixdate (GMT) Last-Modified
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 sends two Content-Type headers (the mime type and application/octet-stream), "Content-Disposition:attachment" for every file and Last-Modified in local time with the timezone name'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\WebServer;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new WebServer("http://127.0.0.1:$port");
    $w->addRoot('www.example.com', http_www());
}, ['port' => $port]);

foreach (['/hello.txt', '/page.html', '/style.css', '/blob.xyz'] as $u) {
    $r = http_request($port, http_get($u, ['Connection: keep-alive']));
    $lm = http_header_values($r, 'Last-Modified');
    $disp = http_header_values($r, 'Content-Disposition');
    echo $u, ': ', http_parts($r)['status'], ' | type=', implode(',', http_header_values($r, 'Content-Type')),
        ' | disposition=', $disp ? preg_replace('/filename=.*/', 'filename=...', $disp[0]) : '-',
        ' | last-modified ok=', var_export($lm === [gmdate('D, d M Y H:i:s', filemtime(http_www() . $u)) . ' GMT'], true), "\n";
}
wm_stop_server($h);
?>
--EXPECT--
/hello.txt: HTTP/1.1 200 OK | type=text/plain | disposition=- | last-modified ok=true
/page.html: HTTP/1.1 200 OK | type=text/html | disposition=- | last-modified ok=true
/style.css: HTTP/1.1 200 OK | type=text/css | disposition=- | last-modified ok=true
/blob.xyz: HTTP/1.1 200 OK | type=application/octet-stream | disposition=attachment; filename=... | last-modified ok=true
