--TEST--
Http::header($h, false) (extension): $replace = false adds another header with the same name; a later replace = true replaces them all
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 ignores the $replace argument (always replaces)'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;
use Workerman\Protocols\Http;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        Http::header('X-A: 1');
        Http::header('X-A: 2', false);
        Http::header('Link: <a>', false);
        Http::header('Link: <b>', false);
        if ($_SERVER['REQUEST_URI'] === '/replace') {
            Http::header('X-A: 3');
        }
        $c->send('ok');
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, http_get('/append'));
$r = http_read($fp);
var_dump(http_header_values($r, 'X-A'), http_header_values($r, 'Link'));
wm_send($fp, http_get('/replace'));
$r = http_read($fp);
var_dump(http_header_values($r, 'X-A'));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
array(2) {
  [0]=>
  string(1) "1"
  [1]=>
  string(1) "2"
}
array(2) {
  [0]=>
  string(3) "<a>"
  [1]=>
  string(3) "<b>"
}
array(1) {
  [0]=>
  string(1) "3"
}
