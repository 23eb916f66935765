--TEST--
WebServer: addRoot($domain, ['root' => ..., 'additionHeader' => ..., 'custom404' => file]) adds the header to PHP pages and 404s and serves the custom 404 page
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
$notFound = wm_tmpfile('404.html');
file_put_contents($notFound, "<p>custom not found</p>\n");
$h = wm_start_server(function () use ($port, $notFound) {
    $w = new WebServer("http://127.0.0.1:$port");
    $w->addRoot('www.example.com', [
        'root' => http_www(),
        'additionHeader' => 'Access-Control-Allow-Origin: *',
        'custom404' => $notFound,
    ]);
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, http_get('/get.php?a=1', ['Connection: keep-alive']));
echo http_show(http_read($fp));
wm_send($fp, http_get('/nothing.txt', ['Connection: keep-alive']));
echo http_show(http_read($fp));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Access-Control-Allow-Origin: *\r\n
Content-Length: 49\r\n
\r\n
get={"a":"1"}\n
method=GET qs=a=1\n
cwd_is_root=true\n
<<end>>
HTTP/1.1 404 Not Found\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Access-Control-Allow-Origin: *\r\n
Content-Length: 24\r\n
\r\n
<p>custom not found</p>\n
<<end>>
