--TEST--
ssl Worker, bad handshakes: plain HTTP to the TLS port is closed with one "SSL handshake error: http request" line; a client that connects and says nothing is closed after workerman.ssl_handshake_timeout (1 s here) with a "timed out" line; a client that connects and leaves is closed silently; onConnect ran for each (as 3.5) and onClose too; the worker keeps serving TLS; doSslHandshake() on a plain connection warns and returns false
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; wm_skip_unless_ext('the log lines and the handshake timeout are the extension\'s (3.5 waits for ever)');
if (!is_executable('/usr/bin/openssl')) die('skip openssl not installed');
?>
--INI--
workerman.ssl_handshake_timeout=1
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

$ports = [wm_free_port(), wm_free_port()];
$cert = wm_tls_cert('localhost');
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($ports, $cert, $ev) {
    $w = new Worker("text://127.0.0.1:{$ports[0]}", ['ssl' => ['local_cert' => $cert['cert'], 'local_pk' => $cert['key']]]);
    $w->transport = 'ssl';
    $w->onConnect = function ($c) use ($ev) { wm_append($ev, 'connect'); };
    $w->onClose = function ($c) use ($ev) { wm_append($ev, 'close'); };
    $w->onMessage = function ($c, $d) use ($ev) {
        wm_append($ev, 'tls doSslHandshake=' . var_export($c->doSslHandshake(null), true));
        $c->send("echo:$d");
    };
    // As 3.5's listen(): a builtin scheme sets the transport back (tcp:// + 'ssl' stays plain).
    $tcp = new Worker("tcp://127.0.0.1:" . wm_free_port());
    $tcp->transport = 'ssl';
    $tcp->onWorkerStart = function ($t) use ($ev) { wm_append($ev, 'tcp worker transport=' . $t->transport); };
    $plain = new Worker("text://127.0.0.1:{$ports[1]}");
    $plain->onMessage = function ($c, $d) use ($ev) {
        $r = @$c->doSslHandshake(null);
        wm_append($ev, 'plain doSslHandshake=' . var_export($r, true) . ' ' . (error_get_last()['message'] ?? ''));
        $c->send('ok');
    };
}, ['ports' => $ports]);
usleep(300000); // the readiness probe's connection is gone

$fp = stream_socket_client("tcp://127.0.0.1:{$ports[0]}");
fwrite($fp, "GET / HTTP/1.0\r\n\r\n");
stream_set_timeout($fp, 5);
$got = @fread($fp, 100);
echo "plain http answered: ", $got ? var_export($got, true) : "nothing", "\n";
fclose($fp);

$t = microtime(true);
$fp = stream_socket_client("tcp://127.0.0.1:{$ports[0]}");
stream_set_timeout($fp, 10);
$got = fread($fp, 100);
$took = microtime(true) - $t;
echo 'silent client closed after ', $took > 0.7 && $took < 5 ? '~1 s' : "$took s", ' ', var_export($got, true), "\n";
fclose($fp);

$fp = stream_socket_client("tcp://127.0.0.1:{$ports[0]}");
fclose($fp);
usleep(300000);

$cmd = 'echo hi | openssl s_client -quiet -CAfile ' . escapeshellarg($cert['cert']) . " -connect 127.0.0.1:{$ports[0]} 2>/dev/null";
echo 'tls still served: ', trim((string)shell_exec("timeout 5 sh -c " . escapeshellarg($cmd))), "\n";
echo 'plain: ', trim(wm_request($ports[1], "x\n", "ok\n")), "\n";

usleep(200000);
$log = wm_server_log($h);
preg_match_all('/SSL handshake error: [^\n]*/', $log, $m);
// (the log holds each line twice: the worker's stdout and Worker::$logFile)
foreach (array_unique($m[0]) as $line) {
    echo preg_replace('/127\.0\.0\.1:\d+/', 'PEER', preg_replace('/on text:\S+\)/', 'on WORKER)', $line)), "\n";
}
$lines = wm_lines($ev);
echo 'connect=', count(array_keys($lines, 'connect')), ' close=', count(array_keys($lines, 'close')), "\n";
echo implode("\n", preg_grep('/^(plain|tls doSsl|tcp worker)/', $lines)), "\n";
wm_stop_server($h);
?>
--EXPECT--
plain http answered: nothing
silent client closed after ~1 s ''
tls still served: echo:hi
plain: ok
SSL handshake error: http request (from PEER on WORKER)
SSL handshake error: timed out (from PEER on WORKER)
connect=4 close=4
tcp worker transport=tcp
tls doSslHandshake=true
plain doSslHandshake=false Workerman\Connection\TcpConnection::doSslHandshake(): the connection does not use the ssl transport
