--TEST--
acceptConnection($worker->getMainSocket()) called by the app accepts one pending connection as the Worker does (registered, onConnect, the Worker's protocol and onMessage); getMainSocket() is the same resource every time
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
    $w->onWorkerStart = function ($w) {
        $w->pauseAccept();
        // Nothing pending most ticks: then it returns without a connection.
        Timer::add(0.1, function () use ($w) {
            $w->acceptConnection($w->getMainSocket());
        });
    };
    $w->onConnect = function ($c) use ($w) {
        $s = $w->getMainSocket();
        $c->send('same=' . ($s === $w->getMainSocket() ? 'y' : 'n') . ' resource=' . (is_resource($s) ? 'y' : 'n')
            . ' n=' . count($w->connections) . ' mine=' . ($c->worker === $w ? 'y' : 'n'));
    };
    $w->onMessage = function ($c, $data) {
        $c->send("[$data]");
    };
}, ['port' => $port]);

$a = wm_client($port);
var_dump(wm_read_until($a, "\n"));
wm_send($a, "hi\n");
var_dump(wm_read_until($a, "\n"));
$b = wm_client($port);
var_dump(wm_read_until($b, "\n"));
wm_send($b, "yo\n");
var_dump(wm_read_until($b, "\n"));
fclose($a);
fclose($b);
wm_stop_server($h);
?>
--EXPECT--
string(29) "same=y resource=y n=1 mine=y
"
string(5) "[hi]
"
string(29) "same=y resource=y n=2 mine=y
"
string(5) "[yo]
"
