--TEST--
Dynamic properties on Worker and TcpConnection objects work without deprecation notices
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
    $w->myConfig = ['a' => 1];          // set before runAll (master), read in the worker
    $w->onWorkerStart = function ($w) {
        $w->startedAt = 'started';
    };
    $w->onConnect = function ($c) {
        $c->messageCount = 0;           // the manual's own example
        $c->uid = null;
    };
    $w->onMessage = function ($c, $data) {
        $c->messageCount++;
        $c->uid = $data;
        $w = $c->worker;
        $c->send(implode(',', [
            $c->messageCount, $c->uid, isset($c->uid) ? 'set' : 'unset',
            json_encode($w->myConfig), $w->startedAt,
            property_exists($c, 'messageCount') ? 'prop' : 'noprop',
        ]));
        unset($c->uid);
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "u1\n");
var_dump(wm_read_until($fp, "\n"));
wm_send($fp, "u2\n");
var_dump(wm_read_until($fp, "\n"));
fclose($fp);
wm_stop_server($h);
// 3.5 itself prints PHP 8.2 deprecations elsewhere: check the server log in extension mode only
$log = wm_server_log($h);
var_dump(WM_MODE === 'ext' ? stripos($log, 'Deprecated') === false : true);
?>
--EXPECT--
string(30) "1,u1,set,{"a":1},started,prop
"
string(30) "2,u2,set,{"a":1},started,prop
"
bool(true)
