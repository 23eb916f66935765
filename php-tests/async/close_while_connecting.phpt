--TEST--
AsyncTcpConnection: close() while connecting runs onClose and never onConnect; send() after it is false; a scheme that names no protocol class throws as in 3.5
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Lib\Timer;
use Workerman\Connection\AsyncTcpConnection;

$port = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $s = new Worker("text://127.0.0.1:$port");
    $w = new Worker();
    $w->onWorkerStart = function () use ($port, $ev) {
        try {
            new AsyncTcpConnection("nosuchproto://127.0.0.1:$port");
        } catch (\Exception $e) {
            wm_append($ev, get_class($e) . ': ' . $e->getMessage());
        }
        $c = new AsyncTcpConnection("text://127.0.0.1:$port");
        $c->onConnect = function ($c) use ($ev) {
            wm_append($ev, 'onConnect (unexpected)');
        };
        $c->onClose = function ($c) use ($ev) {
            wm_append($ev, 'onClose: status=' . $c->getStatus(false));
        };
        $c->connect();
        wm_append($ev, 'connecting: status=' . $c->getStatus(false));
        $c->close();
        wm_append($ev, 'send after close: ' . var_export($c->send('x'), true));
        Timer::add(0.5, function () use ($ev) {
            wm_append($ev, 'done');
        }, [], false);
    };
}, ['port' => $port]);
echo implode("\n", wm_wait_lines($ev, 5)), "\n";
wm_stop_server($h);
?>
--EXPECT--
Exception: class \Protocols\Nosuchproto not exist
connecting: status=CONNECTING
onClose: status=CLOSED
send after close: false
done
