--TEST--
Manual protocol example JsonInt: split across reads, several packets in one write
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

function ji_packet($data)
{
    $json = json_encode($data);
    return pack('N', 4 + strlen($json)) . $json;
}
function ji_read($fp)
{
    $head = wm_read_until($fp, 4);
    $len = unpack('N', $head)[1];
    $all = $head . (strlen($head) < $len ? wm_read_until($fp, $len - strlen($head)) : '');
    return sprintf("len=%d body=%s", $len, substr($all, 4, $len - 4));
}

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("JsonInt://127.0.0.1:$port");
    $w->onMessage = function ($connection, $data) {
        $connection->send(['got' => $data]);
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, ji_packet(['type' => 'message', 'content' => 'hello all']));
echo ji_read($fp), "\n";
// split inside the 4-byte header and inside the body
$p = ji_packet(['k' => str_repeat('v', 20)]);
wm_send($fp, substr($p, 0, 2));
usleep(100000);
wm_send($fp, substr($p, 2, 10));
usleep(100000);
wm_send($fp, substr($p, 12));
echo ji_read($fp), "\n";
// two packets in one write (the replies may arrive together too)
wm_send($fp, ji_packet([1]) . ji_packet(['x' => null]));
$r = wm_read_until($fp, '{"got":{"x":null}}');
echo bin2hex(substr($r, 0, 4)), ' ', substr($r, 4, 11), ' ', bin2hex(substr($r, 15, 4)), ' ', substr($r, 19), "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
len=52 body={"got":{"type":"message","content":"hello all"}}
len=40 body={"got":{"k":"vvvvvvvvvvvvvvvvvvvv"}}
0000000f {"got":[1]} 00000016 {"got":{"x":null}}
