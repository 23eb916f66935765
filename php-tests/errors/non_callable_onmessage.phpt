--TEST--
A non-callable onMessage value: calling it fails like a PHP error in a callback (logged, worker exits 250, restarted); the server keeps running
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
$port2 = wm_free_port();
$h = wm_start_server(function () use ($port, $port2) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onConnect = function ($c) {
        $c->send('connected ' . posix_getpid());
    };
    $w->onMessage = 'no_such_function_wm';
    $ok = new Worker("text://127.0.0.1:$port2");
    $ok->onMessage = function ($c, $d) {
        $c->send("fine $d");
    };
}, ['ports' => [$port, $port2]]);

$fp = wm_client($port);
$pid1 = (int)substr(trim(wm_read_until($fp, "\n")), 10);
wm_send($fp, "x\n");
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);
fclose($fp);
var_dump(wm_wait_until(function () use ($h) {
    return strpos(wm_server_log($h), 'exit with status 64000') !== false;
}));
$log = wm_server_log($h);
var_dump(strpos($log, 'no_such_function_wm') !== false);
// the other worker is unaffected, the broken one was restarted
var_dump(wm_request($port2, "y\n", "\n"));
wm_wait_listen($port);
$fp = wm_client($port);
$pid2 = (int)substr(trim(wm_read_until($fp, "\n")), 10);
var_dump($pid2 > 0 && $pid2 !== $pid1);
fclose($fp);
var_dump(wm_stop_server($h));
?>
--EXPECT--
string(0) ""
bool(true)
bool(true)
bool(true)
string(7) "fine y
"
bool(true)
bool(true)
