--TEST--
AsyncTcpConnection to a port where nothing listens: onError(WORKERMAN_CONNECT_FAIL, "connect ADDR fail after N seconds"), then onClose; reconnect() and reconnect($after) from onClose 1000 times each leaves no fd and no connection behind; cancelReconnect() stops a pending reconnect($after)
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
use Workerman\Connection\TcpConnection;

$dead = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($dead, $ev) {
    $w = new Worker();
    $w->onWorkerStart = function () use ($dead, $ev) {
        $fds = function () {
            return count(scandir('/proc/self/fd'));
        };
        $before = 0;
        $c = new AsyncTcpConnection("tcp://127.0.0.1:$dead");
        $errors = $closes = 0;
        $c->onError = function ($c, $code, $msg) use (&$errors, $ev, $dead) {
            if (++$errors === 1) {
                wm_append($ev, "onError: code=$code ok=" . var_export(WORKERMAN_CONNECT_FAIL === $code, true)
                    . ' msg=' . preg_replace('/after \d+(\.\d+)? seconds/', 'after N seconds', $msg)
                    . ' status=' . $c->getStatus(false));
            }
        };
        $c->onClose = function ($c) use (&$closes, &$errors, $ev, &$before, $fds) {
            $closes++;
            if ($closes === 1) {
                $before = $fds(); // after one cycle: what the process holds anyway
                wm_append($ev, 'first onClose: status=' . $c->getStatus(false));
            }
            if ($closes < 1000) {
                $c->reconnect();
                return;
            }
            if ($closes < 2000) {
                $c->reconnect(0.001); // through a timer
                return;
            }
            wm_append($ev, "after $closes cycles: errors=$errors fds=" . ($fds() - $before)
                . ' timers=' . Worker::$globalEvent->getTimerCount()
                . ' registered=' . var_export(isset(TcpConnection::$connections[$c->id]), true) // (3.5 unregisters after onClose)
                . ' status=' . $c->getStatus(false));
            // a reconnect($after) cancelled before it is due never connects
            $c->onError = function () use ($ev) {
                wm_append($ev, 'unexpected onError after cancelReconnect');
            };
            $c->reconnect(0.3);
            $c->cancelReconnect();
            Timer::add(0.8, function () use ($ev, $c, &$before, $fds) {
                wm_append($ev, 'cancelled: status=' . $c->getStatus(false) . ' fds=' . ($fds() - $before));
            }, [], false);
        };
        $c->connect();
    };
});

echo implode("\n", wm_wait_lines($ev, 4, 60)), "\n";
wm_stop_server($h);
?>
--EXPECTF--
onError: code=1 ok=true msg=connect 127.0.0.1:%d fail after N seconds status=CLOSING
first onClose: status=CLOSED
after 2000 cycles: errors=2000 fds=0 timers=0 registered=true status=CLOSED
cancelled: status=INITIAL fds=0
