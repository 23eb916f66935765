--TEST--
AsyncTcpConnection that reconnects from onClose (the pattern of every client that must stay connected): its server stops, the attempts fail until it is back, then it is connected again and talks
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Connection\AsyncTcpConnection;

$port = wm_free_port();
$ev = wm_tmpfile('events');
$echo = function () use ($port) {
    $s = new Worker("text://127.0.0.1:$port");
    $s->onMessage = function ($c, $data) {
        $c->send("echo:$data");
    };
};
$server = wm_start_server($echo, ['port' => $port]);

$client = wm_start_server(function () use ($port, $ev) {
    $w = new Worker();
    $w->onWorkerStart = function () use ($port, $ev) {
        $c = new AsyncTcpConnection("text://127.0.0.1:$port");
        $connects = $fails = 0;
        $c->onConnect = function ($c) use (&$connects, $ev) {
            $connects++;
            $c->send("hello $connects");
        };
        $c->onMessage = function ($c, $data) use ($ev) {
            wm_append($ev, "onMessage: $data");
        };
        $c->onError = function ($c, $code, $msg) use (&$fails, $ev) {
            if (++$fails === 1) {
                wm_append($ev, "first onError: $code");
            }
        };
        $c->onClose = function ($c) use ($ev) {
            static $reported = false;
            if (!$reported) {
                $reported = true;
                wm_append($ev, 'onClose: reconnecting');
            }
            $c->reconnect(0.2);
        };
        $c->connect();
    };
});

echo implode("\n", wm_wait_lines($ev, 1)), "\n";
wm_stop_server($server);
echo implode("\n", array_slice(wm_wait_lines($ev, 3), 1)), "\n";
usleep(500000); // a few failed attempts
$server = wm_start_server($echo, ['port' => $port]);
echo implode("\n", array_slice(wm_wait_lines($ev, 4), 3)), "\n";
wm_stop_server($client);
wm_stop_server($server);
?>
--EXPECT--
onMessage: echo:hello 1
onClose: reconnecting
first onError: 1
onMessage: echo:hello 2
