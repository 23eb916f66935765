--TEST--
Http (extension): a PUT/DELETE with an invalid JSON body leaves $_REQUEST = $_GET and the worker alive
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 passes json_decode()\'s null to array_merge() (TypeError in decode(), Http.php:212) and the worker exits 250'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $c->send(json_encode([$_POST, $_REQUEST, $GLOBALS['HTTP_RAW_POST_DATA']]) . ' pid=' . posix_getpid());
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "PUT /?q=1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 3\r\n\r\nbad");
$a = explode(' pid=', http_parts(http_read($fp))['body']) + ['', 'a'];
wm_send($fp, "DELETE /?q=2 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\n\r\n\"x\"\n");
$b = explode(' pid=', http_parts(http_read($fp))['body']) + ['', 'b'];
fclose($fp);
echo $a[0], "\n", $b[0], "\n";
var_dump($a[1] === $b[1]);
wm_stop_server($h);
?>
--EXPECT--
[[],{"q":"1"},"bad"]
[[],{"q":"2"},"\"x\"\n"]
bool(true)
