--TEST--
Http: POST application/json is json_decode()d into $_POST (assoc arrays); invalid JSON gives $_POST === null
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
        $c->send(var_export([$_POST, $data['post'], $_REQUEST], true));
    };
}, ['port' => $port]);

foreach (['{"a":1,"b":{"c":[true,null]},"q":"post"}', 'not json'] as $body) {
    $r = http_request($port, "POST /j?q=get&g=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json; charset=utf-8\r\n"
        . "Content-Length: " . strlen($body) . "\r\n\r\n$body");
    echo http_parts($r)['body'], "\n";
}
wm_stop_server($h);
?>
--EXPECT--
array (
  0 => 
  array (
    'a' => 1,
    'b' => 
    array (
      'c' => 
      array (
        0 => true,
        1 => NULL,
      ),
    ),
    'q' => 'post',
  ),
  1 => 
  array (
    'a' => 1,
    'b' => 
    array (
      'c' => 
      array (
        0 => true,
        1 => NULL,
      ),
    ),
    'q' => 'post',
  ),
  2 => 
  array (
    'q' => 'post',
    'g' => '1',
    'a' => 1,
    'b' => 
    array (
      'c' => 
      array (
        0 => true,
        1 => NULL,
      ),
    ),
  ),
)
array (
  0 => NULL,
  1 => NULL,
  2 => 
  array (
    'q' => 'get',
    'g' => '1',
  ),
)
