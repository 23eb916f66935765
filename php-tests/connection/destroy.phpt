--TEST--
TcpConnection::destroy() closes at once, drops unsent data and calls onClose synchronously
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
$big = 32 * 1024 * 1024;
$h = wm_start_server(function () use ($port, $ev, $big) {
    $w = new Worker("tcp://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) use ($ev, $big) {
        $c->maxSendBufferSize = 128 * 1024 * 1024;
        $c->send('first|');
        $c->send(str_repeat('d', $big));   // mostly queued: the client is not reading
        wm_append($ev, 'before destroy');
        $c->destroy();
        wm_append($ev, 'after destroy: ' . $c->getStatus(false) . ' connections=' . count($c->worker->connections));
        $c->destroy();                     // second call is a no-op (no second onClose)
    };
    $w->onClose = function ($c) use ($ev) {
        wm_append($ev, 'onClose');
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "go");
echo implode("\n", wm_wait_lines($ev, 3)), "\n";
$data = wm_read_all_until_close($fp, 10, $closed);
var_dump(substr($data, 0, 6), strlen($data) < 6 + $big, $closed);
usleep(100000);
echo count(wm_lines($ev)), "\n";
wm_stop_server($h);
?>
--EXPECT--
before destroy
onClose
after destroy: CLOSED connections=0
string(6) "first|"
bool(true)
bool(true)
3
