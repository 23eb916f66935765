--TEST--
Http: PUT/DELETE bodies (urlencoded or JSON) go to $_REQUEST only, never $_POST; DELETE without Content-Length has no body
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
        $c->send($_SERVER['REQUEST_METHOD'] . ' ' . json_encode(['post' => $_POST, 'request' => $_REQUEST,
            'raw' => $GLOBALS['HTTP_RAW_POST_DATA']]));
    };
}, ['port' => $port]);

$fp = wm_client($port);
$reqs = [
    "PUT /r?a=get&k=get HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 13\r\n\r\nk=put&p[]=1&z",
    "DELETE /r?id=7 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"id\":8} ",
    "DELETE /r?id=9 HTTP/1.1\r\nHost: x\r\n\r\n",
    "PUT /r HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\nk=v!",
];
foreach ($reqs as $req) {
    wm_send($fp, $req);
    echo http_parts(http_read($fp))['body'], "\n";
}
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
PUT {"post":[],"request":{"a":"get","k":"put","p":["1"],"z":""},"raw":"k=put&p[]=1&z"}
DELETE {"post":[],"request":{"id":8},"raw":"{\"id\":8} "}
DELETE {"post":[],"request":{"id":"9"},"raw":""}
PUT {"post":[],"request":[],"raw":"k=v!"}
