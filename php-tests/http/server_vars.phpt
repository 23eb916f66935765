--TEST--
Http: $_SERVER is rebuilt per request: fixed keys first (in order), then HTTP_* for every header, SERVER_PORT from Host, CONTENT_LENGTH
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
        $out = '';
        foreach ($_SERVER as $k => $v) {
            if ($k === 'REQUEST_TIME') {
                continue; // added by the extension (3.5 has none): request_time_ext checks it
            }
            // the client port varies: print its type and whether it is the connection's port
            if ($k === 'REMOTE_PORT') {
                $v = gettype($v) . ':' . var_export($v === $c->getRemotePort(), true);
            }
            $out .= "$k => " . (is_string($v) ? var_export($v, true) : gettype($v)) . "\n";
        }
        $out .= 'data[server] === $_SERVER: ' . var_export($data['server'] === $_SERVER, true) . "\n";
        $out .= 'argv: ' . var_export(isset($_SERVER['argv']), true) . "\n";
        $c->send($out);
    };
}, ['port' => $port]);

echo http_parts(http_request($port, "GET /a/b.php?x=1&y=2 HTTP/1.1\r\nHost: example.com:8080\r\n\r\n"))['body'], "--\n";
echo http_parts(http_request($port, "POST /p HTTP/1.1\r\nHost: h.test\r\nUser-Agent: ua/1.0\r\nAccept: */*\r\n"
    . "Accept-Language: de\r\nAccept-Encoding: gzip\r\nCookie: c=1\r\nConnection: keep-alive\r\nX-Custom-Header:  padded value \t\r\n"
    . "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\nx-lower: 1\r\n\r\nab"))['body'], "--\n";
echo http_parts(http_request($port, "GET / HTTP/1.0\r\n\r\n"))['body'];
wm_stop_server($h);
?>
--EXPECT--
QUERY_STRING => 'x=1&y=2'
REQUEST_METHOD => 'GET'
REQUEST_URI => '/a/b.php?x=1&y=2'
SERVER_PROTOCOL => 'HTTP/1.1'
SERVER_SOFTWARE => 'workerman/3.5.35'
SERVER_NAME => 'example.com'
HTTP_HOST => 'example.com:8080'
HTTP_USER_AGENT => ''
HTTP_ACCEPT => ''
HTTP_ACCEPT_LANGUAGE => ''
HTTP_ACCEPT_ENCODING => ''
HTTP_COOKIE => ''
HTTP_CONNECTION => ''
CONTENT_TYPE => ''
REMOTE_ADDR => '127.0.0.1'
REMOTE_PORT => 'integer:true'
SERVER_PORT => '8080'
data[server] === $_SERVER: true
argv: false
--
QUERY_STRING => ''
REQUEST_METHOD => 'POST'
REQUEST_URI => '/p'
SERVER_PROTOCOL => 'HTTP/1.1'
SERVER_SOFTWARE => 'workerman/3.5.35'
SERVER_NAME => 'h.test'
HTTP_HOST => 'h.test'
HTTP_USER_AGENT => 'ua/1.0'
HTTP_ACCEPT => '*/*'
HTTP_ACCEPT_LANGUAGE => 'de'
HTTP_ACCEPT_ENCODING => 'gzip'
HTTP_COOKIE => 'c=1'
HTTP_CONNECTION => 'keep-alive'
CONTENT_TYPE => 'text/plain'
REMOTE_ADDR => '127.0.0.1'
REMOTE_PORT => 'integer:true'
HTTP_X_CUSTOM_HEADER => 'padded value'
HTTP_CONTENT_TYPE => 'text/plain; charset=utf-8'
HTTP_CONTENT_LENGTH => '2'
CONTENT_LENGTH => '2'
HTTP_X_LOWER => '1'
data[server] === $_SERVER: true
argv: false
--
QUERY_STRING => ''
REQUEST_METHOD => 'GET'
REQUEST_URI => '/'
SERVER_PROTOCOL => 'HTTP/1.0'
SERVER_SOFTWARE => 'workerman/3.5.35'
SERVER_NAME => ''
HTTP_HOST => ''
HTTP_USER_AGENT => ''
HTTP_ACCEPT => ''
HTTP_ACCEPT_LANGUAGE => ''
HTTP_ACCEPT_ENCODING => ''
HTTP_COOKIE => ''
HTTP_CONNECTION => ''
CONTENT_TYPE => ''
REMOTE_ADDR => '127.0.0.1'
REMOTE_PORT => 'integer:true'
data[server] === $_SERVER: true
argv: false
