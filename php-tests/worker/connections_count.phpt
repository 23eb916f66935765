--TEST--
Worker $worker->connections holds the live connections of the process
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
$h = wm_start_server(function () use ($port) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $ids = array_keys($c->worker->connections);
        $same = $c->worker->connections[$c->id] === $c;
        $c->send(count($c->worker->connections) . ' ' . ($same ? 'same' : 'other'));
    };
}, ['port' => $port]);

$a = wm_client($port);
$b = wm_client($port);
$c = wm_client($port);
wm_send($c, "q\n");
var_dump(wm_read_until($c, "\n"));
fclose($a);
// the server notices the close asynchronously: ask until it reports 2
$reply = '';
wm_wait_until(function () use ($c, &$reply) {
    wm_send($c, "q\n");
    $reply = wm_read_until($c, "\n");
    return $reply === "2 same\n";
}, 5, 0.05);
var_dump($reply);
fclose($b);
fclose($c);
$d = wm_client($port);
$reply = '';
wm_wait_until(function () use ($d, &$reply) {
    wm_send($d, "q\n");
    $reply = wm_read_until($d, "\n");
    return $reply === "1 same\n";
}, 5, 0.05);
var_dump($reply);
fclose($d);
wm_stop_server($h);
?>
--EXPECT--
string(7) "3 same
"
string(7) "2 same
"
string(7) "1 same
"
