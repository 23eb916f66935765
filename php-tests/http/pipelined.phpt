--TEST--
Http: pipelined requests sent in one write are answered in order, one response each
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $c->send($_SERVER['REQUEST_METHOD'] . ' ' . $_SERVER['REQUEST_URI'] . ' ' . json_encode($_POST));
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, http_get('/first')
    . "POST /second HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\na=1&b=2"
    . http_get('/third?q=1')
    . "DELETE /fourth HTTP/1.1\r\nHost: x\r\n\r\n"
    . http_get('/fifth'));
for ($i = 0; $i < 5; $i++) {
    echo http_parts(http_read($fp))['body'], "\n";
}
echo http_state($fp, 0.3), "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
GET /first []
POST /second {"a":"1","b":"2"}
GET /third?q=1 []
DELETE /fourth []
GET /fifth []
open
