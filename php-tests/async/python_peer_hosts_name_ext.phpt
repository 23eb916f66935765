--TEST--
AsyncTcpConnection to a Python server by a name from /etc/hosts (localhost): 600,000 bytes sent before the connect arrive whole and in order (onBufferDrain once written), the reply arrives, the peer's close runs onClose - extension only
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc';
wm_skip_unless_ext('Workerman 3.5.35 on PHP 8 cannot connect a client without a protocol: checkConnection() calls method_exists(null, \'onConnect\'), a TypeError that ends the worker');
if (!is_executable('/usr/bin/python3')) die('skip python3 not installed');
$hosts = @file_get_contents('/etc/hosts');
if (!preg_match('/^\s*127\.0\.0\.1\s+(.*\s)?localhost(\s|$)/m', (string)$hosts)) die('skip /etc/hosts has no 127.0.0.1 localhost'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Connection\AsyncTcpConnection;

$port = wm_free_port();
$py = <<<'PY'
import hashlib, socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen(4)
s.settimeout(20)
while True:  # the test's readiness probe connects and closes first: skip empty ones
    c, _ = s.accept()
    c.settimeout(20)
    want, got = 600000, b""
    while len(got) < want:
        b = c.recv(65536)
        if not b:
            break
        got += b
    if got:
        break
    c.close()
c.sendall(("got %d md5=%s\n" % (len(got), hashlib.md5(got).hexdigest())).encode())
c.close()
PY;
$pyfile = wm_tmpfile('server.py');
file_put_contents($pyfile, $py);
$proc = proc_open(['python3', $pyfile, (string)$port], [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
wm_wait_port($port);

$payload = '';
for ($i = 0; strlen($payload) < 600000; $i++) {
    $payload .= sprintf("%07d\n", $i);
}
$payload = substr($payload, 0, 600000);
echo 'expect md5=', md5($payload), "\n";

$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev, $payload) {
    $w = new Worker();
    $w->onWorkerStart = function () use ($port, $ev, $payload) {
        $c = new AsyncTcpConnection("tcp://localhost:$port");
        $c->send(substr($payload, 0, 300000));
        $c->send(substr($payload, 300000));
        wm_append($ev, 'queued before connect: ' . $c->getSendBufferQueueSize());
        $reply = '';
        $c->onConnect = function ($c) use ($ev) {
            wm_append($ev, 'onConnect host=' . $c->getRemoteHost() . ' ip=' . $c->getRemoteIp());
        };
        $c->onBufferDrain = function ($c) use ($ev) {
            wm_append($ev, 'onBufferDrain queue=' . $c->getSendBufferQueueSize());
        };
        $c->onMessage = function ($c, $data) use (&$reply) {
            $reply .= $data;
        };
        $c->onClose = function ($c) use ($ev, &$reply) {
            wm_append($ev, 'onClose reply=' . trim($reply));
        };
        $c->onError = function ($c, $code, $msg) use ($ev) {
            wm_append($ev, "onError $code $msg");
        };
        $c->connect();
    };
});
echo implode("\n", wm_wait_lines($ev, 4)), "\n";
wm_stop_server($h);
proc_terminate($proc);
proc_close($proc);
?>
--EXPECTF--
expect md5=%s
queued before connect: 600000
onConnect host=localhost ip=127.0.0.1
onBufferDrain queue=0
onClose reply=got 600000 md5=%s
