--TEST--
udp Worker with a user protocol class: input() lengths past the datagram take the rest, decode() false drops a package, a protocol without input() decodes the whole datagram, encode() '' makes send() return null
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
namespace Protocols {

class UdpFixed3
{
    // packages of 3 bytes; "big" announces more than there is
    public static function input($buffer, $connection)
    {
        return strncmp($buffer, 'big', 3) === 0 ? 1000 : 3;
    }
    public static function decode($buffer, $connection)
    {
        return $buffer === 'xxx' ? false : strtoupper($buffer);
    }
    public static function encode($data, $connection)
    {
        return $data === 'nothing' ? '' : "<$data>";
    }
}

class UdpWhole
{
    public static function decode($buffer, $connection)
    {
        return $buffer === 'drop' ? false : "whole:$buffer";
    }
    public static function encode($data, $connection)
    {
        return $data;
    }
}

}

namespace {
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

$p1 = wm_free_udp_port();
$p2 = wm_free_udp_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($p1, $p2, $ev) {
    $w = new Worker("UdpFixed3://127.0.0.1:$p1");
    $w->transport = 'udp';
    $w->onMessage = function ($c, $data) use ($ev) {
        wm_append($ev, "fixed " . json_encode($data));
        $r = $c->send($data === 'NOT' ? 'nothing' : $data);
        wm_append($ev, "send " . var_export($r, true));
    };
    $w2 = new Worker("UdpWhole://127.0.0.1:$p2");
    $w2->transport = 'udp';
    $w2->onMessage = function ($c, $data) use ($ev) {
        wm_append($ev, "whole " . json_encode($data) . ' ' . $c->protocol);
        $c->send($data);
    };
}, ['udp' => [$p1, $p2]]);

$fp = wm_udp_client($p1);
fwrite($fp, "abcxxxdef");
var_dump(wm_udp_recv($fp), wm_udp_recv($fp), wm_udp_recv($fp, 0.3));
fwrite($fp, "bigger than it says");
var_dump(wm_udp_recv($fp));
fwrite($fp, "not");
var_dump(wm_udp_recv($fp, 0.3));
$fp2 = wm_udp_client($p2);
var_dump(wm_udp_request($fp2, "a\nb"));
var_dump(wm_udp_request($fp2, "drop", 0.3));
var_dump(wm_udp_request($fp2, "x"));
echo implode("\n", wm_wait_lines($ev, 10)), "\n";
wm_stop_server($h);
}
?>
--EXPECT--
string(5) "<ABC>"
string(5) "<DEF>"
NULL
string(21) "<BIGGER THAN IT SAYS>"
NULL
string(9) "whole:a
b"
NULL
string(7) "whole:x"
fixed "ABC"
send true
fixed "DEF"
send true
fixed "BIGGER THAN IT SAYS"
send true
fixed "NOT"
send NULL
whole "whole:a\nb" \Protocols\UdpWhole
whole "whole:x" \Protocols\UdpWhole
