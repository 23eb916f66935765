--TEST--
Http: a user protocol class extending Workerman\Protocols\Http runs through its input/decode/encode called from PHP (framing, superglobals, response head)
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; ?>
--FILE--
<?php
namespace Protocols;

require __DIR__ . '/http.inc';
use Workerman\Worker;
use Workerman\Protocols\Http;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    class Traced extends Http
    {
        public static function input($buffer, $connection)
        {
            $n = parent::input($buffer, $connection);
            $GLOBALS['lens'][] = $n;
            return $n;
        }
        public static function encode($content, $connection)
        {
            Http::header('X-Traced: ' . implode(',', $GLOBALS['lens']));
            return parent::encode($content, $connection);
        }
    }
    $w = new Worker("traced://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $c->send($_SERVER['REQUEST_METHOD'] . ' ' . $_GET['q'] . ' ' . $GLOBALS['HTTP_RAW_POST_DATA']);
    };
}, ['port' => $port]);

$fp = wm_client($port);
// one request split in two writes, then two pipelined in one write
$req = "POST /x?q=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc";
wm_send($fp, substr($req, 0, 20));
usleep(100000);
wm_send($fp, substr($req, 20));
echo http_show(http_read($fp)), "\n";
wm_send($fp, http_get('/?q=2') . http_get('/?q=3'));
echo http_parts(http_read($fp))['body'], "\n";
echo http_parts(http_read($fp))['body'], "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
X-Traced: 0,55\r\n
Content-Length: 10\r\n
\r\n
POST 1 abc<<end>>

GET 2 
GET 3 
