--TEST--
An exception thrown in onConnect is logged; the worker exits with status 250 and is restarted
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
$flag = wm_tmpfile('thrown');
$h = wm_start_server(function () use ($port, $flag) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onConnect = function ($c) use ($flag) {
        if (!file_exists($flag)) {
            touch($flag);
            throw new LogicException('refused in onConnect');
        }
        $c->send('welcome ' . posix_getpid());
    };
}, ['port' => $port]);

$fp = wm_client($port);
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);
fclose($fp);
var_dump(wm_wait_until(function () use ($h) {
    return strpos(wm_server_log($h), 'exit with status 64000') !== false;
}));
wm_wait_listen($port);
$fp = wm_client($port);
var_dump(strncmp(wm_read_until($fp, "\n"), 'welcome ', 8) === 0);
fclose($fp);
$log = wm_server_log($h);
var_dump(strpos($log, 'LogicException: refused in onConnect') !== false && strpos($log, 'Stack trace:') !== false);
wm_stop_server($h);
?>
--EXPECT--
string(0) ""
bool(true)
bool(true)
bool(true)
bool(true)
