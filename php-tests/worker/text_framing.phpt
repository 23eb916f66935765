--TEST--
Worker text://: several packets in one write, one packet split across writes
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
    $w->onMessage = function ($connection, $data) {
        $connection->send("[$data]");
    };
}, ['port' => $port]);

$fp = wm_client($port);
// three packets in one write -> three onMessage calls
wm_send($fp, "one\ntwo\r\nthree\n");
var_dump(wm_read_until($fp, "[three]\n"));
// one packet split over three writes
wm_send($fp, "spl");
usleep(150000);
wm_send($fp, "it pack");
usleep(150000);
wm_send($fp, "et\n");
var_dump(wm_read_until($fp, "\n"));
// end of one packet + a whole packet + start of another in one write
wm_send($fp, "a");
usleep(100000);
wm_send($fp, "b\ncd\ne");
usleep(100000);
wm_send($fp, "f\n");
var_dump(wm_read_until($fp, "[ef]\n"));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
string(20) "[one]
[two]
[three]
"
string(15) "[split packet]
"
string(15) "[ab]
[cd]
[ef]
"
