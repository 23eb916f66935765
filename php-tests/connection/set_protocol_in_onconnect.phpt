--TEST--
Setting $connection->protocol in onConnect of a tcp:// worker (built-in Text class name, a user protocol class)
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

// 2-byte big-endian length prefix (length of the body only)
class LenPrefix
{
    public static function input($buffer, $connection)
    {
        if (strlen($buffer) < 2) {
            return 0;
        }
        return 2 + unpack('n', $buffer)[1];
    }
    public static function decode($buffer, $connection)
    {
        return substr($buffer, 2);
    }
    public static function encode($data, $connection)
    {
        return pack('n', strlen($data)) . $data;
    }
}

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("tcp://127.0.0.1:$port");
    $w->onConnect = function ($c) {
        // odd connections: the manual's spelling (no leading backslash); even: a user class
        $c->protocol = $c->id % 2 ? 'Workerman\\Protocols\\Text' : 'LenPrefix';
    };
    $w->onMessage = function ($c, $data) {
        $c->send("<$data>");
    };
}, ['port' => $port]);

$a = wm_client($port);
wm_send($a, "one\ntwo\n");
var_dump(wm_read_until($a, "<two>\n"));
$b = wm_client($port);
wm_send($b, pack('n', 3) . 'abc' . pack('n', 0) . pack('n', 2));
usleep(100000);
wm_send($b, 'de');
$r = wm_read_until($b, 17);
var_dump(bin2hex($r));
wm_stop_server($h);
?>
--EXPECT--
string(12) "<one>
<two>
"
string(34) "00053c6162633e00023c3e00043c64653e"
