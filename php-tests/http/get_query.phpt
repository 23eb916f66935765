--TEST--
Http: GET with a query string fills $_GET (parse_str rules) and the response has the default 3.5 head
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
        // $data['get'] is the same array as $_GET
        $c->send(var_export($_GET, true) . "\n" . var_export($data['get'] === $_GET, true));
    };
}, ['port' => $port]);

$r = http_request($port, http_get('/path/x.php?a=1&b=hello+world&c=%41%42&arr[]=x&arr[]=y&m[k]=v&dot.key=1&empty=&flag'));
echo http_show($r);
// no query string: $_GET is []
echo http_show(http_request($port, http_get('/plain')));
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 216\r\n
\r\n
array (\n
  'a' => '1',\n
  'b' => 'hello world',\n
  'c' => 'AB',\n
  'arr' => \n
  array (\n
    0 => 'x',\n
    1 => 'y',\n
  ),\n
  'm' => \n
  array (\n
    'k' => 'v',\n
  ),\n
  'dot_key' => '1',\n
  'empty' => '',\n
  'flag' => '',\n
)\n
true<<end>>
HTTP/1.1 200 OK\r\n
Content-Type: text/html;charset=utf-8\r\n
Connection: keep-alive\r\n
Server: workerman\r\n
Content-Length: 14\r\n
\r\n
array (\n
)\n
true<<end>>
