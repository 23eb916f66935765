--TEST--
send() to a peer that has gone away: onError(WORKERMAN_SEND_FAIL, 'client closed'), then onClose, send() returns false
--EXTENSIONS--
pcntl
posix
sockets
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Lib\Timer;

$port = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("tcp://127.0.0.1:$port");
    $w->onConnect = function ($c) use ($ev) {
        // do not read: the worker must not notice the close before it sends
        $c->pauseRecv();
        Timer::add(0.4, function () use ($c, $ev) {
            $r = $c->send('a');
            wm_append($ev, "{$c->id} send1 " . var_export($r, true) . ' ' . $c->getStatus(false));
        }, [], false);
        Timer::add(0.8, function () use ($c, $ev) {
            $r = $c->send('b');
            wm_append($ev, "{$c->id} send2 " . var_export($r, true) . ' ' . $c->getStatus(false));
        }, [], false);
    };
    $w->onError = function ($c, $code, $msg) use ($ev) {
        wm_append($ev, "{$c->id} onError " . var_export($code, true) . " $msg");
    };
    $w->onClose = function ($c) use ($ev) {
        wm_append($ev, "{$c->id} onClose");
    };
}, ['port' => $port]);

// connection 1: the client resets the connection (SO_LINGER 0): the first send fails
$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_connect($s, '127.0.0.1', $port);
usleep(100000);
socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
socket_close($s);
echo implode("\n", wm_wait_lines($ev, 4)), "\n--\n";

// connection 2: the client closes normally (FIN): the first send still succeeds
// (the peer answers it with a reset), the next one fails
$fp = wm_client($port);
usleep(100000);
fclose($fp);
$lines = array_values(array_filter(wm_wait_lines($ev, 8), function ($l) { return $l[0] === '2'; }));
echo implode("\n", $lines), "\n";
wm_stop_server($h);
?>
--EXPECT--
1 onError 2 client closed
1 onClose
1 send1 false CLOSED
1 send2 false CLOSED
--
2 send1 true ESTABLISHED
2 onError 2 client closed
2 onClose
2 send2 false CLOSED
