--TEST--
WebServer: a .php file is run with the request's $_GET/$_SERVER, its output is the body (Http defaults), the cwd is the site root
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
wm_send($fp, http_get('/get.php?a=1&b[]=x&c=%20', ['Connection: keep-alive']));
echo http_show(http_read($fp));
wm_send($fp, http_get('/sub/page.php', ['Connection: keep-alive']));
echo http_parts(http_read($fp))['body'];
wm_send($fp, http_get('/headers.php', ['Connection: keep-alive']));
echo http_show(http_read($fp));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 79\r\n
\r\n
get={"a":"1","b":["x"],"c":" "}\n
method=GET qs=a=1&b[]=x&c=%20\n
cwd_is_root=true\n
<<end>>
sub/page.php cwd_is_root=true
HTTP/1.1 201 Created\r\n
Set-Cookie: page=a%20b\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
X-Page: headers.php\r\n
Content-Length: 7\r\n
\r\n
created<<end>>
