--TEST--
AsyncTcpConnection without connect() (Workerman 3.1 connected in the constructor): it connects once the callback that created it has returned, and only once; a 3.5 app's connect() in that callback is the one connect - extension only
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc';
wm_skip_unless_ext('Workerman 3.5 needs connect(); 3.1 connected in the constructor, and the extension serves apps of both'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Connection\AsyncTcpConnection;

$port = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $s = new Worker("text://127.0.0.1:$port");
    $s->onConnect = function ($c) use ($ev) {
        wm_append($ev, 'server: accepted');
    };
    $s->onMessage = function ($c, $data) {
        $c->send("echo:$data");
    };
    $w = new Worker();
    $w->onWorkerStart = function () use ($port, $ev) {
        // 3.1 style: callbacks set after the constructor, no connect()
        $old = new AsyncTcpConnection("text://127.0.0.1:$port");
        $old->onConnect = function ($c) use ($ev) {
            wm_append($ev, 'old: onConnect');
            $c->send('old');
        };
        $old->onMessage = function ($c, $data) use ($ev) {
            wm_append($ev, "old: $data");
            $c->checkConnection(); // connected already: nothing happens
            // 3.5 style, made here: connect() now and again once this callback returns
            $new = new AsyncTcpConnection("text://127.0.0.1:" . $c->getRemotePort());
            $new->onConnect = function ($c) use ($ev) {
                wm_append($ev, 'new: onConnect');
                $c->send('new');
            };
            $new->onMessage = function ($c, $data) use ($ev) {
                wm_append($ev, "new: $data");
            };
            $new->connect();
        };
        wm_append($ev, 'old: status after the constructor ' . $old->getStatus(false));
    };
}, ['port' => $port]);
$lines = wm_wait_lines($ev, 7);
usleep(300000);
$lines = wm_lines($ev);
// the two servers' accepts interleave with the client's lines: count them apart
$accepts = count(array_filter($lines, function ($l) { return $l === 'server: accepted'; }));
echo implode("\n", array_values(array_filter($lines, function ($l) { return $l !== 'server: accepted'; }))), "\n";
echo "accepted: $accepts\n";
wm_stop_server($h);
?>
--EXPECT--
old: status after the constructor INITIAL
old: onConnect
old: echo:old
new: onConnect
new: echo:new
accepted: 2
