--TEST--
AsyncUdpConnection against a Python UDP echo server: connect() then onConnect, send() of text and binary datagrams arrives byte-exact (the peer records them), each answer is one onMessage; send() before connect() connects first (as 3.5); a text:// client encodes ("\n" added) and decodes the answer; close($data) sends it, then onClose, and the client is not read from again
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; wm_skip_unless_ext('3.5.35\'s AsyncUdpConnection::baseRead() reads Worker::MAX_UDP_PACKAGE_SIZE, a constant that does not exist (an Error on PHP 8)');
if (!is_executable('/usr/bin/python3')) die('skip python3 not installed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Connection\AsyncUdpConnection;

$port = wm_free_udp_port();
$seen = wm_tmpfile('seen');
$py = <<<'PY'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.settimeout(30)
with open(sys.argv[2], "a") as log:
    try:
        while True:
            data, peer = s.recvfrom(65535)
            log.write(data.hex() + "\n")
            log.flush()
            s.sendto(b"py:" + data, peer)
    except socket.timeout:
        pass
PY;
$pyf = wm_tmpfile('echo.py');
file_put_contents($pyf, $py);
$proc = proc_open(['python3', $pyf, (string)$port, $seen], [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', wm_tmpfile('py.err'), 'w']], $pipes);
wm_wait_until(fn() => wm_udp_bound_count($port) > 0);

$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker();
    $w->onWorkerStart = function () use ($port, $ev) {
        $c = new AsyncUdpConnection("udp://127.0.0.1:$port");
        $c->n = 0;
        $c->onConnect = function ($c) use ($ev) {
            wm_append($ev, 'udp onConnect');
            $c->send('hello');
            $c->send("bin\x00\xff\r\n");
        };
        $c->onMessage = function ($c, $data) use ($ev, $port) {
            wm_append($ev, 'udp onMessage ' . bin2hex($data));
            if (++$c->n === 2) {
                $c->close('bye');
                $t = new AsyncUdpConnection("text://127.0.0.1:$port");
                $t->onMessage = function ($t, $data) use ($ev) {
                    wm_append($ev, 'text onMessage ' . var_export($data, true));
                    $t->close();
                };
                $t->onClose = function ($t) use ($ev) { wm_append($ev, 'text onClose'); };
                wm_append($ev, 'text send before connect: ' . var_export($t->send('line'), true));
            }
        };
        $c->onClose = function ($c) use ($ev) { wm_append($ev, 'udp onClose'); };
        $c->connect();
    };
}, []);
echo implode("\n", wm_wait_lines($ev, 7)), "\n";
usleep(300000); // "py:bye" comes back to a closed client: nothing more
echo count(wm_lines($ev)), " events\n";
echo "peer saw:\n", implode("\n", wm_wait_lines($seen, 4)), "\n";
wm_stop_server($h);
proc_terminate($proc);
proc_close($proc);
?>
--EXPECT--
udp onConnect
udp onMessage 70793a68656c6c6f
udp onMessage 70793a62696e00ff0d0a
udp onClose
text send before connect: true
text onMessage 'py:line'
text onClose
7 events
peer saw:
68656c6c6f
62696e00ff0d0a
627965
6c696e650a
