--TEST--
Worker pauseAccept()/resumeAccept(): no connection is accepted while paused, queued ones are accepted after resume
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
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onWorkerStart = function ($w) use ($ev) {
        // paused from the start, resumed 1.5 s later
        $w->pauseAccept();
        wm_append($ev, 'paused');
        Timer::add(1.5, function () use ($w, $ev) {
            wm_append($ev, 'resume');
            $w->resumeAccept();
        }, [], false);
    };
    $w->onConnect = function ($c) use ($ev) {
        wm_append($ev, 'connect');
    };
    $w->onMessage = function ($c, $data) use ($ev) {
        wm_append($ev, "message $data");
        if ($data === 'pause') {
            // pause while running, resume from a timer 1 s later
            $c->worker->pauseAccept();
            Timer::add(1.0, function () use ($c, $ev) {
                wm_append($ev, 'resume');
                $c->worker->resumeAccept();
            }, [], false);
            $c->send('paused');
            return;
        }
        $c->send("echo $data");
    };
}, ['port' => $port]);

wm_wait_lines($ev, 1);
// the kernel completes the handshake, but the worker does not accept yet
$fp = wm_client($port);
wm_send($fp, "a\n");
var_dump(wm_read_until($fp, "\n"));   // arrives once accepting is resumed

wm_send($fp, "pause\n");
var_dump(wm_read_until($fp, "\n"));
$late = wm_client($port);
wm_send($late, "late\n");
var_dump(wm_read_until($late, "\n", 5));
// the order of the events proves that nothing was accepted while paused
echo implode("\n", wm_lines($ev)), "\n";
wm_stop_server($h);
?>
--EXPECT--
string(7) "echo a
"
string(7) "paused
"
string(10) "echo late
"
paused
resume
connect
message a
message pause
resume
connect
message late
