--TEST--
Http: POST application/x-www-form-urlencoded fills $_POST; CONTENT_TYPE loses its parameters
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
        $c->send(var_export([$_POST, $data['post'] === $_POST, $_SERVER['CONTENT_TYPE'], $_SERVER['HTTP_CONTENT_TYPE'],
            $_SERVER['CONTENT_LENGTH']], true));
    };
}, ['port' => $port]);

$body = 'name=J%C3%BCrgen+X&list[]=1&list[]=2&map[a]=b&=novalue&plus=a%2Bb';
$r = http_request($port, "POST /form HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    . "Content-Type: application/x-www-form-urlencoded; charset=UTF-8\r\nContent-Length: " . strlen($body) . "\r\n\r\n$body");
echo http_parts($r)['body'], "\n";
// another content type: the body is not parsed into $_POST
$r = http_request($port, "POST /form HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\na=1");
echo http_parts($r)['body'], "\n";
wm_stop_server($h);
?>
--EXPECT--
array (
  0 => 
  array (
    'name' => 'Jürgen X',
    'list' => 
    array (
      0 => '1',
      1 => '2',
    ),
    'map' => 
    array (
      'a' => 'b',
    ),
    'plus' => 'a+b',
  ),
  1 => true,
  2 => 'application/x-www-form-urlencoded',
  3 => 'application/x-www-form-urlencoded; charset=UTF-8',
  4 => '65',
)
array (
  0 => 
  array (
  ),
  1 => true,
  2 => 'text/plain',
  3 => 'text/plain',
  4 => '3',
)
