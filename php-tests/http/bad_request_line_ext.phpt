--TEST--
Http (extension): a malformed request line or header line gets a complete 400 response, then the connection is closed; onMessage is not called
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 only checks the method (bare 400 head, connection kept) and passes other malformed lines to decode() with PHP warnings'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$ev = wm_tmpfile('ev');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) use ($ev) {
        wm_append($ev, json_encode($_SERVER['REQUEST_URI']));
        $c->send('ok');
    };
}, ['port' => $port]);

$cases = [
    'two parts'            => "GET /\r\n\r\n",
    'four parts'           => "GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n",
    'double space'         => "GET  / HTTP/1.1\r\nHost: x\r\n\r\n",
    'bad version'          => "GET / FOO/1.1\r\nHost: x\r\n\r\n",
    'unknown method'       => "BREW / HTTP/1.1\r\nHost: x\r\n\r\n",
    'binary garbage'       => "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",
    'header without colon' => "GET / HTTP/1.1\r\nHost: x\r\nBadHeaderLine\r\n\r\n",
    'space before colon'   => "GET / HTTP/1.1\r\nHost : x\r\n\r\n",
    'bare LF in header'    => "GET / HTTP/1.1\r\nHost: x\nX-Smuggle: 1\r\n\r\n",
];
foreach ($cases as $name => $req) {
    $fp = wm_client($port);
    wm_send($fp, $req);
    echo str_pad($name, 22), ': ', http_error_summary(http_read($fp)), ' | then ', http_state($fp, 2), "\n";
    fclose($fp);
}
// the worker still serves good requests; no bad request reached onMessage
echo http_parts(http_request($port, http_get('/good')))['body'], "\n";
echo implode(',', wm_lines($ev)), "\n";
wm_stop_server($h);
?>
--EXPECT--
two parts             : HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
four parts            : HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
double space          : HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
bad version           : HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
unknown method        : HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
binary garbage        : HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
header without colon  : HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
space before colon    : HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
bare LF in header     : HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
ok
"\/good"
