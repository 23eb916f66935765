--TEST--
Manual protocol example JsonNL: split across reads, several packets in one write
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
require_once __DIR__ . '/../fixtures/Protocols/JsonNL.php';
use Workerman\Worker;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("JsonNL://127.0.0.1:$port");
    $w->onMessage = function ($connection, $data) {
        $connection->send(['echo' => $data]);
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "{\"type\":\"message\",\"content\":\"hello\"}\n");
var_dump(wm_read_until($fp, "\n"));
// one packet in three reads
wm_send($fp, '{"a":');
usleep(100000);
wm_send($fp, '1}');
usleep(100000);
wm_send($fp, "\n");
var_dump(wm_read_until($fp, "\n"));
// three packets in one write
wm_send($fp, "{\"b\":2}\n[1,2]\n\"s\"\n");
var_dump(wm_read_until($fp, "{\"echo\":\"s\"}\n"));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
string(46) "{"echo":{"type":"message","content":"hello"}}
"
string(17) "{"echo":{"a":1}}
"
string(45) "{"echo":{"b":2}}
{"echo":[1,2]}
{"echo":"s"}
"
