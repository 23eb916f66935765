--TEST--
onBufferFull / onError(WORKERMAN_SEND_FAIL, 'send buffer full and drop package') / onBufferDrain with a small $connection->maxSendBufferSize
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
    $w = new Worker("tcp://127.0.0.1:$port");
    $w->onConnect = function ($c) use ($ev, $big) {
        $c->maxSendBufferSize = 1024;
        // the client does not read yet: most of this stays in the send buffer -> onBufferFull
        $r = $c->send(str_repeat('x', $big));
        wm_append($ev, 'send1 returned ' . var_export($r, true));
        // buffer still over the limit: dropped -> onError, returns false
        $r = $c->send('y');
        wm_append($ev, 'send2 returned ' . var_export($r, true));
    };
    $w->onBufferFull = function ($c) use ($ev) {
        wm_append($ev, 'onBufferFull');
    };
    $w->onError = function ($c, $code, $msg) use ($ev) {
        wm_append($ev, "onError " . var_export($code, true) . " $msg " . ($code === WORKERMAN_SEND_FAIL ? 'SEND_FAIL' : '?'));
    };
    $w->onBufferDrain = function ($c) use ($ev) {
        wm_append($ev, 'onBufferDrain');
        $c->send('after-drain');
    };
}, ['port' => $port]);

$fp = wm_client($port);
echo implode("\n", wm_wait_lines($ev, 4)), "\n--\n";
usleep(200000);
var_dump(count(wm_lines($ev)));     // nothing more until the client reads
$data = wm_read_until($fp, $big + strlen('after-drain'), 10);
var_dump(strlen($data) === $big + 11, substr($data, -12));
echo implode("\n", wm_wait_lines($ev, 5)), "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
onBufferFull
send1 returned NULL
onError 2 send buffer full and drop package SEND_FAIL
send2 returned false
--
int(4)
bool(true)
string(12) "xafter-drain"
onBufferFull
send1 returned NULL
onError 2 send buffer full and drop package SEND_FAIL
send2 returned false
onBufferDrain
