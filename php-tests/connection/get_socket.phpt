--TEST--
getSocket(): one usable stream for the live connection (stream_select, stream_socket_recvfrom, fwrite in onConnect), onMessage works after, the stream is closed with the connection
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

$port = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onConnect = function ($c) use ($ev) {
        $s = $c->getSocket();
        $GLOBALS['kept'] = $s; // the app keeps it: it must still be closed with the connection
        wm_append($ev, 'resource=' . var_export(is_resource($s), true) . ' type=' . get_resource_type($s)
            . ' same=' . var_export($s === $c->getSocket(), true));
        $r = [$s];
        $wr = $e = null;
        $n = stream_select($r, $wr, $e, 3); // bounded wait for the client's first line
        $data = $n ? stream_socket_recvfrom($s, 100) : '(nothing)';
        fwrite($s, "got:$data");
        wm_append($ev, 'select=' . $n . ' recv=' . json_encode($data));
    };
    $w->onMessage = function ($c, $data) {
        $c->send("[$data]");
    };
    $w->onClose = function ($c) use ($ev) {
        // onClose runs after the socket was closed, in 3.5 (fclose) as here
        wm_append($ev, 'onClose resource=' . var_export(is_resource($GLOBALS['kept']), true)
            . ' type=' . get_resource_type($GLOBALS['kept']));
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "hello\n");
var_dump(wm_read_until($fp, "\n"));
wm_send($fp, "again\n");
var_dump(wm_read_until($fp, "\n"));
fclose($fp);
echo implode("\n", wm_wait_lines($ev, 3)), "\n";
wm_stop_server($h);
?>
--EXPECT--
string(10) "got:hello
"
string(8) "[again]
"
resource=true type=stream same=true
select=1 recv="hello\n"
onClose resource=false type=Unknown
