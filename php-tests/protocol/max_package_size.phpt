--TEST--
A package length (from input()) over $connection->maxPackageSize closes the connection; exactly maxPackageSize is accepted
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
require_once __DIR__ . '/../fixtures/Protocols/JsonInt.php';
use Workerman\Worker;

$port = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("JsonInt://127.0.0.1:$port");
    $w->onConnect = function ($c) {
        $c->maxPackageSize = 100;
    };
    $w->onMessage = function ($c, $data) {
        $c->send(strlen(json_encode($data)));
    };
    $w->onClose = function ($c) use ($ev) {
        wm_append($ev, "close {$c->id}");
    };
}, ['port' => $port]);

function ji($len)
{
    // a JsonInt package of exactly $len bytes: 4-byte header + a JSON string
    return pack('N', $len) . json_encode(str_repeat('q', $len - 6));
}

$fp = wm_client($port);
wm_send($fp, ji(100));            // == maxPackageSize: fine
$r = wm_read_until($fp, 6);
var_dump(unpack('N', $r)[1], substr($r, 4));
wm_send($fp, ji(101));            // > maxPackageSize: closed, no onMessage
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);
echo implode("\n", wm_wait_lines($ev, 1)), "\n";
// 3.5 prints "Error package. package_length=101"
$log = wm_server_log($h);
var_dump(stripos($log, 'error package') !== false && strpos($log, '101') !== false);
wm_stop_server($h);
?>
--EXPECT--
int(6)
string(2) "96"
string(0) ""
bool(true)
close 1
bool(true)
