--TEST--
Http: multipart/form-data (curl -F): fields in $_POST, files in $_FILES keyed by part index (name, file_name, file_data, file_size, file_type)
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc';
require __DIR__ . '/http.inc';
if (!http_have_curl()) die('skip curl binary required'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $c->send(var_export([$_SERVER['CONTENT_TYPE'], $_POST, $_FILES, $data['files'] === $_FILES, $_REQUEST], true));
    };
}, ['port' => $port]);

$a = wm_tmpfile('a.txt');
file_put_contents($a, "line1\r\nline2\n");
$b = wm_tmpfile('b.bin');
file_put_contents($b, "--x\r\n\r\nend\r\n");
echo http_curl(['-H', 'Expect:', '-F', 'title=hello world', '-F', "doc=@$a", '-F', 'n=2',
    '-F', "bin=@$b;type=application/octet-stream;filename=data.bin", "http://127.0.0.1:$port/upload"]), "\n";
wm_stop_server($h);
?>
--EXPECT--
array (
  0 => 'multipart/form-data',
  1 => 
  array (
    'title' => 'hello world',
    'n' => '2',
  ),
  2 => 
  array (
    1 => 
    array (
      'name' => 'doc',
      'file_name' => 'a.txt',
      'file_data' => 'line1
line2
',
      'file_size' => 13,
      'file_type' => 'text/plain',
    ),
    3 => 
    array (
      'name' => 'bin',
      'file_name' => 'data.bin',
      'file_data' => '--x

end
',
      'file_size' => 12,
      'file_type' => 'application/octet-stream',
    ),
  ),
  3 => true,
  4 => 
  array (
    'title' => 'hello world',
    'n' => '2',
  ),
)
