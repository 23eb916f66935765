--TEST--
Text protocol: a receive buffer of >= maxPackageSize bytes closes the connection (even when it holds a complete short line)
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
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onConnect = function ($c) {
        $c->maxPackageSize = 64;
    };
    $w->onMessage = function ($c, $data) {
        $c->send("ok " . strlen($data));
    };
    $w->onClose = function ($c) use ($ev) {
        wm_append($ev, "close {$c->id}");
    };
}, ['port' => $port]);

// 1: 62 chars + "\n" = 63 bytes < 64: fine; then 100 bytes without a newline: closed
$fp = wm_client($port);
wm_send($fp, str_repeat('a', 62) . "\n");
var_dump(wm_read_until($fp, "\n"));
wm_send($fp, str_repeat('b', 100));
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);
fclose($fp);

// 2: 63 chars + "\n" = 64 bytes: the check is strlen(buffer) >= maxPackageSize: closed
$fp = wm_client($port);
wm_send($fp, str_repeat('c', 63) . "\n");
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);
fclose($fp);

// 3: a short complete line followed by a long tail in the same buffer: closed before "hi" is handled
$fp = wm_client($port);
wm_send($fp, "hi\n" . str_repeat('d', 70));
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);
fclose($fp);
echo implode("\n", wm_wait_lines($ev, 3)), "\n";
wm_stop_server($h);
?>
--EXPECT--
string(6) "ok 62
"
string(0) ""
bool(true)
string(0) ""
bool(true)
string(0) ""
bool(true)
close 1
close 2
close 3
