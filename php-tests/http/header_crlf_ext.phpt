--TEST--
Http (extension): CR/LF in Http::header()/setcookie() input is refused (returns false, E_WARNING), so no header can be injected
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 copies header/status/cookie strings into the response as they are (header injection)'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;
use Workerman\Protocols\Http;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $warnings = [];
        set_error_handler(function ($no, $str) use (&$warnings) {
            $warnings[] = $no === E_WARNING ? 'E_WARNING' : "other($no)";
            return true;
        });
        $r = [
            Http::header("X-A: a\r\nX-Injected: 1"),
            Http::header("X-B: b\nX-Injected: 2"),
            Http::header("X-C: c\rX-Injected: 3"),
            Http::header("HTTP/1.1 200 OK\r\nX-Injected: 4"),
            Http::header("Location: /x\r\nX-Injected: 5"),
            Http::setcookie("n\r\nX-Injected: 6", 'v'),
            Http::setcookie('n', 'v', 0, "/\r\nX-Injected: 7"),
            Http::setcookie('n', 'v', 0, '/', "d\r\nX-Injected: 8"),
            Http::header('X-Fine: ok'),
        ];
        restore_error_handler();
        $c->send(json_encode($r) . ' ' . implode(',', $warnings));
    };
}, ['port' => $port]);

echo http_show(http_request($port, http_get('/')));
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
X-Fine: ok\r\n
Content-Length: 134\r\n
\r\n
[false,false,false,false,false,false,false,false,true] E_WARNING,E_WARNING,E_WARNING,E_WARNING,E_WARNING,E_WARNING,E_WARNING,E_WARNING<<end>>
