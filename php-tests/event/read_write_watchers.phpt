--TEST--
Worker::$globalEvent->add($stream, EV_READ/EV_WRITE, $cb): the callback gets the stream; del() removes the watcher
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Events\EventInterface;
use Workerman\Lib\Timer;

$out = wm_tmpfile('out');
$port = wm_free_port();
$h = wm_start_server(function () use ($out, $port) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onWorkerStart = function () use ($out) {
        list($a, $b) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
        stream_set_blocking($a, false);
        $GLOBALS['pair'] = [$a, $b];
        $r = Worker::$globalEvent->add($a, EventInterface::EV_READ, function ($fd) use ($a, $out) {
            $data = fread($fd, 8192);
            wm_append($out, 'readable: same stream=' . var_export($fd === $a, true) . ' data=' . $data);
            if ($data === 'two') {
                wm_append($out, 'del: ' . var_export(Worker::$globalEvent->del($a, EventInterface::EV_READ), true));
            }
        });
        wm_append($out, 'add read: ' . var_export($r, true));
        // a write watcher fires as soon as the stream is writable; remove it on the first call
        $n = 0;
        Worker::$globalEvent->add($b, EventInterface::EV_WRITE, function ($fd) use ($b, $out, &$n) {
            $n++;
            wm_append($out, "writable #$n same stream=" . var_export($fd === $b, true));
            Worker::$globalEvent->del($b, EventInterface::EV_WRITE);
            fwrite($b, 'one');
        });
    };
    $w->onMessage = function ($c, $data) {
        fwrite($GLOBALS['pair'][1], $data);
        $c->send('sent');
    };
}, ['port' => $port]);

echo implode("\n", wm_wait_lines($out, 3)), "\n--\n";
$fp = wm_client($port);
wm_send($fp, "two\n");
wm_read_until($fp, "\n");
wm_wait_lines($out, 5);
wm_send($fp, "three\n");      // no watcher any more: not read
wm_read_until($fp, "\n");
usleep(300000);
echo implode("\n", array_slice(wm_lines($out), 3)), "\n";
wm_stop_server($h);
?>
--EXPECT--
add read: true
writable #1 same stream=true
readable: same stream=true data=one
--
readable: same stream=true data=two
del: true
