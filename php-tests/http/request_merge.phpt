--TEST--
Http: $_REQUEST = array_merge($_GET, $_POST) (POST wins, numeric keys renumbered, cookies not included)
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
        $c->send(var_export([$_REQUEST, $data['request'] === $_REQUEST], true));
    };
}, ['port' => $port]);

$body = 'a=post&c=post&9=nine';
$r = http_request($port, "POST /?a=get&b=get&5=five HTTP/1.1\r\nHost: x\r\nCookie: a=cookie; k=cookie\r\n"
    . "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " . strlen($body) . "\r\n\r\n$body");
echo http_parts($r)['body'], "\n";
wm_stop_server($h);
?>
--EXPECT--
array (
  0 => 
  array (
    'a' => 'post',
    'b' => 'get',
    0 => 'five',
    'c' => 'post',
    1 => 'nine',
  ),
  1 => true,
)
