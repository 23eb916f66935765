--TEST--
Http::responseCode(): a known code sets "HTTP/1.1 <code> <reason>" and returns the code; an unknown code returns false and changes nothing
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
        $r = [];
        if ($_SERVER['REQUEST_URI'] === '/a') {
            $r[] = Http::responseCode(404);
            $r[] = Http::responseCode(299);   // unknown: status stays 404
        } else {
            $r[] = Http::responseCode(503);
            $r[] = Http::responseCode(418);   // not in 3.5's table either
        }
        $c->send(var_export($r, true));
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, http_get('/a'));
echo http_show(http_read($fp));
wm_send($fp, http_get('/b'));
echo http_show(http_read($fp));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 404 Not Found\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 35\r\n
\r\n
array (\n
  0 => 404,\n
  1 => false,\n
)<<end>>
HTTP/1.1 503 Service Unavailable\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 35\r\n
\r\n
array (\n
  0 => 503,\n
  1 => false,\n
)<<end>>
