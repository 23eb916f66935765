--TEST--
UdpConnection getRemoteIp/Port/Address, getLocalIp/Port/Address, isIpV4/isIpV6 (Python peer on a known port); close($data) sends it encoded and returns true, close() sends nothing
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
$h = wm_start_server(function () use ($port) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->transport = 'udp';
    $w->onMessage = function ($c, $data) {
        if ($data === 'close') {
            $c->send('closing: ' . var_export($c->close('bye'), true));
            return;
        }
        if ($data === 'close-empty') {
            $c->send('closed: ' . var_export($c->close(), true));
            return;
        }
        $c->send(json_encode([
            'remoteIp' => $c->getRemoteIp(),
            'remotePort' => $c->getRemotePort(),
            'remoteAddress' => $c->getRemoteAddress(),
            'localIp' => $c->getLocalIp(),
            'localPort' => $c->getLocalPort(),
            'localAddress' => $c->getLocalAddress(),
            'v4' => $c->isIpV4(),
            'v6' => $c->isIpV6(),
            'interface' => $c instanceof ConnectionInterface,
        ]));
    };
}, ['udp' => $port]);

$py = <<<'PY'
import socket, sys
port = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(5)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.sendto(b"info\n", ("127.0.0.1", port))
print(s.recvfrom(1000)[0].decode().strip())
for msg in (b"close\n", b"close-empty\n"):
    s.sendto(msg, ("127.0.0.1", port))
    print(repr(s.recvfrom(1000)[0]))
    if msg == b"close\n":
        print(repr(s.recvfrom(1000)[0]))
PY;
$out = explode("\n", trim(shell_exec('timeout 10 python3 -c ' . escapeshellarg($py) . ' ' . $port)));
$pyPort = (int)array_shift($out);
$info = json_decode($out[0], true);
var_dump($info['remoteIp'], $info['remotePort'] === $pyPort, $info['remoteAddress'] === "127.0.0.1:$pyPort");
var_dump($info['localIp'], $info['localPort'] === $port, $info['localAddress'] === "127.0.0.1:$port");
var_dump($info['v4'], $info['v6'], $info['interface']);
echo implode("\n", array_slice($out, 1)), "\n";
wm_stop_server($h);
?>
--EXPECT--
string(9) "127.0.0.1"
bool(true)
bool(true)
string(9) "127.0.0.1"
bool(true)
bool(true)
bool(true)
bool(false)
bool(true)
b'bye\n'
b'closing: true\n'
b'closed: true\n'
