--TEST--
TcpConnection::close($data) sends (encoded) data, waits for the send buffer to drain, then closes; onClose fires
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
$big = 8 * 1024 * 1024;
$h = wm_start_server(function () use ($port, $ev, $big) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) use ($ev, $big) {
        if ($data === 'big') {
            $c->maxSendBufferSize = 64 * 1024 * 1024;
            $c->send(str_repeat('z', $big));
        }
        $c->close("bye $data");
        wm_append($ev, "after close: " . $c->getStatus(false));
        $c->close("again");            // ignored: already closing/closed
    };
    $w->onClose = function ($c) use ($ev) {
        wm_append($ev, 'onClose');
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "small\n");
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);
fclose($fp);
echo implode("\n", wm_wait_lines($ev, 2)), "\n";

$fp = wm_client($port);
wm_send($fp, "big\n");
usleep(300000);            // let the server fill the kernel buffer and queue the rest
$data = wm_read_all_until_close($fp, 10, $closed);
var_dump(strlen($data) === $big + 1 + 8, substr($data, -9), $closed);
echo implode("\n", wm_wait_lines($ev, 4)), "\n";
wm_stop_server($h);
?>
--EXPECT--
string(10) "bye small
"
bool(true)
onClose
after close: CLOSED
bool(true)
string(9) "
bye big
"
bool(true)
onClose
after close: CLOSED
after close: CLOSING
onClose
