--TEST--
Http: $_COOKIE is parse_str() of the Cookie header with "; " turned into "&" (values urldecoded, "+" is a space)
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
        $c->send(var_export([$_COOKIE, $data['cookie'] === $_COOKIE, $_SERVER['HTTP_COOKIE']], true));
    };
}, ['port' => $port]);

$r = http_request($port, http_get('/', ['Cookie: a=1; b=x+y%21; sid=Zx9; arr[k]=v; c.d=2;e=3; empty=']));
echo http_parts($r)['body'], "\n";
$r = http_request($port, http_get('/none'));
echo http_parts($r)['body'], "\n";
wm_stop_server($h);
?>
--EXPECT--
array (
  0 => 
  array (
    'a' => '1',
    'b' => 'x y!',
    'sid' => 'Zx9',
    'arr' => 
    array (
      'k' => 'v',
    ),
    'c_d' => '2;e=3',
    'empty' => '',
  ),
  1 => true,
  2 => 'a=1; b=x+y%21; sid=Zx9; arr[k]=v; c.d=2;e=3; empty=',
)
array (
  0 => 
  array (
  ),
  1 => true,
  2 => '',
)
