--TEST--
An exception thrown in onMessage is logged with its trace; the worker exits with status 250 and the master starts a new one
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

function explode_here($data)
{
    throw new RuntimeException("boom on $data");
}

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->name = 'thrower';
    $w->onMessage = function ($c, $data) {
        if ($data === 'throw') {
            explode_here($data);
        }
        $c->send('pid ' . posix_getpid());
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "hi\n");
$pid1 = (int)substr(trim(wm_read_until($fp, "\n")), 4);
wm_send($fp, "throw\n");
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);   // the worker process died
fclose($fp);

// the master logs the exit and forks a replacement
var_dump(wm_wait_until(function () use ($h) {
    return strpos(wm_server_log($h), 'exit with status') !== false;
}));
var_dump(wm_wait_listen($port));
$fp = wm_client($port);
wm_send($fp, "again\n");
$pid2 = (int)substr(trim(wm_read_until($fp, "\n")), 4);
var_dump($pid2 > 0 && $pid2 !== $pid1);
fclose($fp);

$log = wm_server_log($h);
var_dump(strpos($log, 'RuntimeException: boom on throw') !== false);
var_dump(strpos($log, 'Stack trace:') !== false && strpos($log, 'explode_here(') !== false);
// 3.5 logs the raw wait status: 250 << 8 = 64000
var_dump(strpos($log, "worker[thrower:$pid1] exit with status 64000") !== false);
var_dump(wm_stop_server($h));
?>
--EXPECT--
string(0) ""
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
