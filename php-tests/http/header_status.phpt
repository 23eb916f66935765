--TEST--
Http::header(): "HTTP/..." sets the status line verbatim; Location sets 302 unless a code is given; the code argument is ignored for other headers
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;
use Workerman\Protocols\Http;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        switch ($_SERVER['REQUEST_URI']) {
            case '/404':
                $ok = Http::header('HTTP/1.1 404 Not Found');
                break;
            case '/custom':
                $ok = Http::header('HTTP/1.0 299 Whatever You Like');
                break;
            case '/location':
                $ok = Http::header('Location: /elsewhere');
                break;
            case '/location301':
                $ok = Http::header('location: /moved', true, 301);
                break;
            case '/code-ignored':
                $ok = Http::header('X-Code: 1', true, 500);
                break;
        }
        $c->send(var_export($ok, true));
    };
}, ['port' => $port]);

$fp = wm_client($port);
foreach (['/404', '/custom', '/location', '/location301', '/code-ignored'] as $u) {
    wm_send($fp, http_get($u));
    echo http_show(http_read($fp));
}
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 404 Not Found\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 4\r\n
\r\n
true<<end>>
HTTP/1.0 299 Whatever You Like\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 4\r\n
\r\n
true<<end>>
HTTP/1.1 302 Found\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Location: /elsewhere\r\n
Content-Length: 4\r\n
\r\n
true<<end>>
HTTP/1.1 301 Moved Permanently\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
location: /moved\r\n
Content-Length: 4\r\n
\r\n
true<<end>>
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
X-Code: 1\r\n
Content-Length: 4\r\n
\r\n
true<<end>>
