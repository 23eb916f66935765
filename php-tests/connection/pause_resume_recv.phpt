--TEST--
TcpConnection::pauseRecv()/resumeRecv(): data received while paused reaches onMessage after resume, buffered packages included
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

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onConnect = function ($c) {
        $c->t0 = microtime(true);
        $c->pauseRecv();
        Timer::add(0.6, function () use ($c) {
            $c->resumeRecv();
        }, [], false);
    };
    $w->onMessage = function ($c, $data) {
        $late = microtime(true) - $c->t0 >= 0.5 ? 'late' : 'early';
        $c->send("$data $late");
        if ($data === 'p') {
            // pausing inside onMessage stops the packages already buffered, too
            $c->t0 = microtime(true);
            $c->pauseRecv();
            Timer::add(0.6, function () use ($c) {
                $c->resumeRecv();
            }, [], false);
        }
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "a\nb\n");
// 'late': onMessage ran at least 0.5 s after the pause (the server measures it)
var_dump(wm_read_until($fp, "b late\n"));
wm_send($fp, "p\nq\nr\n");
var_dump(wm_read_until($fp, "r late\n"));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
string(14) "a late
b late
"
string(21) "p late
q late
r late
"
