--TEST--
Http (extension): Content-Length together with Transfer-Encoding, a malformed Content-Length, or two different Content-Lengths get 400 and a close (no request smuggling)
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 takes the first "Content-Length: <digits>" match anywhere in the buffer and ignores Transfer-Encoding; a bad length makes it wait forever'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$ev = wm_tmpfile('ev');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) use ($ev) {
        wm_append($ev, $_SERVER['REQUEST_URI']);
        $c->send('ok');
    };
}, ['port' => $port]);

$cases = [
    'CL + TE'       => "POST /1 HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    'TE + CL'       => "POST /2 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
    'CL letters'    => "POST /3 HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
    'CL negative'   => "POST /4 HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
    'CL list'       => "POST /5 HTTP/1.1\r\nHost: x\r\nContent-Length: 1, 2\r\n\r\nab",
    'two CLs'       => "POST /6 HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
    'CL with plus'  => "POST /7 HTTP/1.1\r\nHost: x\r\nContent-Length: +2\r\n\r\nab",
];
foreach ($cases as $name => $req) {
    $fp = wm_client($port);
    wm_send($fp, $req);
    echo str_pad($name, 13), ': ', http_error_summary(http_read($fp)), ' | then ', http_state($fp, 2), "\n";
    fclose($fp);
}
var_dump(wm_lines($ev));
wm_stop_server($h);
?>
--EXPECT--
CL + TE      : HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
TE + CL      : HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
CL letters   : HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
CL negative  : HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
CL list      : HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
two CLs      : HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
CL with plus : HTTP/1.1 400 Bad Request | close=yes | length=ok | then closed
array(0) {
}
