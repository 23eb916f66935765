--TEST--
udp:// Worker: each datagram is one onMessage with its exact bytes, answered with send(); no onConnect/onClose; total_request
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Connection\ConnectionInterface;

$port = wm_free_udp_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("udp://127.0.0.1:$port");
    $w->onConnect = function ($c) use ($ev) {
        wm_append($ev, 'onConnect');
    };
    $w->onClose = function ($c) use ($ev) {
        wm_append($ev, 'onClose');
    };
    $w->onMessage = function ($c, $data) use ($ev) {
        wm_append($ev, get_class($c) . ' ' . bin2hex($data) . ' protocol=' . var_export($c->protocol, true));
        if ($data === 'stats') {
            $c->send('total_request=' . ConnectionInterface::$statistics['total_request']);
            return;
        }
        var_dump($c->send("echo:$data"));
    };
}, ['udp' => $port]);

$fp = wm_udp_client($port);
var_dump(wm_udp_request($fp, "hello"));
var_dump(bin2hex(wm_udp_request($fp, "bin\x00\xff\r\n")));
$big = str_repeat('x', 60000);
var_dump(wm_udp_request($fp, $big) === "echo:$big");

// an empty datagram (PHP streams never send a zero-length write) from Python
$py = 'import socket,sys; s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.settimeout(5); '
    . 's.sendto(b"",("127.0.0.1",int(sys.argv[1]))); print(repr(s.recvfrom(100)[0]))';
echo shell_exec('timeout 10 python3 -c ' . escapeshellarg($py) . ' ' . $port);

var_dump(wm_udp_request($fp, "stats"));
$lines = wm_wait_lines($ev, 5);
echo implode("\n", array_map(function ($l) { return strlen($l) > 80 ? substr($l, 0, 60) . '...' : $l; }, $lines)), "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
string(10) "echo:hello"
string(24) "6563686f3a62696e00ff0d0a"
bool(true)
b'echo:'
string(15) "total_request=4"
Workerman\Connection\UdpConnection 68656c6c6f protocol=NULL
Workerman\Connection\UdpConnection 62696e00ff0d0a protocol=NULL
Workerman\Connection\UdpConnection 7878787878787878787878787...
Workerman\Connection\UdpConnection  protocol=NULL
Workerman\Connection\UdpConnection 7374617473 protocol=NULL
