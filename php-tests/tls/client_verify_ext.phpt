--TEST--
AsyncTcpConnection over ssl to Python's TLS echo server: verified against ssl.cafile (SNI and the name checked), 1 MB echoed exact, onSslHandshake before onConnect; by default a self-signed peer fails with onError(WORKERMAN_CONNECT_FAIL, "SSL handshake error: certificate verify failed: ...") then onClose; verify_peer=false and allow_self_signed connect; a wrong peer_name fails; 200 failed handshakes with reconnect leave no fd behind
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; wm_skip_unless_ext('3.5 reports a failed client handshake only by echoing it and destroying the connection (onConnect first, no onError)');
if (!is_executable('/usr/bin/openssl')) die('skip openssl not installed');
if (!is_executable('/usr/bin/python3')) die('skip python3 not installed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Connection\AsyncTcpConnection;

$port = wm_free_port();
$cert = wm_tls_cert('localhost');
$py = proc_open(['python3', __DIR__ . '/tls_peers.py', 'echo', $cert['cert'], $cert['key'], (string)$port],
    [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', wm_tmpfile('py.err'), 'w']], $pipes);
wm_wait_listen($port);

$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $cert, $ev) {
    $w = new Worker();
    $w->onWorkerStart = function () use ($port, $cert, $ev) {
        $scenarios = [
            'cafile' => ['ssl' => ['cafile' => $cert['cert']]],
            'default' => [],
            'no-verify' => ['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]],
            'self-signed-allowed' => ['ssl' => ['allow_self_signed' => true]],
            'wrong-name' => ['ssl' => ['cafile' => $cert['cert'], 'peer_name' => 'wrong.example']],
        ];
        $next = function () use (&$scenarios, &$next, $port, $ev) {
            if (!$scenarios) {
                wm_append($ev, 'scenarios done');
                return;
            }
            $name = array_key_first($scenarios);
            $ctx = array_shift($scenarios);
            $c = new AsyncTcpConnection("tcp://localhost:$port", $ctx);
            $c->transport = 'ssl';
            $c->onSslHandshake = function ($c) use ($ev, $name) { wm_append($ev, "$name: handshake"); };
            $c->onConnect = function ($c) use ($ev, $name) {
                wm_append($ev, "$name: connect");
                $c->received = '';
                $c->send($name === 'cafile' ? str_repeat('0123456789abcdef', 65536) : 'ping');
            };
            $c->onMessage = function ($c, $data) use ($ev, $name) {
                $c->received .= $data;
                $want = $name === 'cafile' ? 1048576 : 4;
                if (strlen($c->received) >= $want) {
                    wm_append($ev, "$name: echoed " . strlen($c->received) . ' '
                        . ($c->received === ($name === 'cafile' ? str_repeat('0123456789abcdef', 65536) : 'ping') ? 'exact' : 'differs'));
                    $c->close();
                }
            };
            $c->onError = function ($c, $code, $msg) use ($ev, $name) { wm_append($ev, "$name: error $code $msg"); };
            $c->onClose = function ($c) use ($ev, $name, $next) {
                wm_append($ev, "$name: close");
                $next();
            };
            $c->connect();
        };
        $next();
    };
}, []);
echo implode("\n", wm_wait_lines($ev, 17, 30)), "\n";
wm_stop_server($h);

// Failed handshakes again and again: nothing left behind.
$ev2 = wm_tmpfile('events2');
$h = wm_start_server(function () use ($port, $ev2) {
    $w = new Worker();
    $w->onWorkerStart = function () use ($port, $ev2) {
        $fds = fn() => count(scandir('/proc/self/fd'));
        $c = new AsyncTcpConnection("ssl://127.0.0.1:$port", ['ssl' => ['peer_name' => 'localhost']]);
        $c->n = 0;
        $c->onClose = function ($c) use ($ev2, $fds, &$before) {
            $c->n++;
            if ($c->n === 5) {
                $before = $fds();
            }
            if ($c->n < 200) {
                $c->reconnect();
                return;
            }
            wm_append($ev2, '200 failures, fds ' . ($fds() === $before ? 'unchanged' : "$before -> " . $fds()));
        };
        $c->connect();
    };
}, []);
echo implode("\n", wm_wait_lines($ev2, 1, 60)), "\n";
wm_stop_server($h);
proc_terminate($py);
proc_close($py);
?>
--EXPECT--
cafile: handshake
cafile: connect
cafile: echoed 1048576 exact
cafile: close
default: error 1 SSL handshake error: certificate verify failed: self-signed certificate
default: close
no-verify: handshake
no-verify: connect
no-verify: echoed 4 exact
no-verify: close
self-signed-allowed: handshake
self-signed-allowed: connect
self-signed-allowed: echoed 4 exact
self-signed-allowed: close
wrong-name: error 1 SSL handshake error: certificate verify failed: hostname mismatch
wrong-name: close
scenarios done
200 failures, fds unchanged
