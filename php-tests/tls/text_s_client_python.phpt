--TEST--
ssl transport: a text:// Worker over ssl answers openssl s_client (which verifies the certificate) line by line; an ssl:// Worker (raw bytes) echoes 1 MB to Python's ssl client sending and reading at once (exact bytes, TLS 1.3); a send() from onConnect is held until the handshake is over
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc';
if (!is_executable('/usr/bin/openssl')) die('skip openssl not installed');
if (!is_executable('/usr/bin/python3')) die('skip python3 not installed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

$ports = [wm_free_port(), wm_free_port()];
$cert = wm_tls_cert('localhost');
$h = wm_start_server(function () use ($ports, $cert) {
    $ctx = ['ssl' => ['local_cert' => $cert['cert'], 'local_pk' => $cert['key'], 'verify_peer' => false]];
    $text = new Worker("text://127.0.0.1:{$ports[0]}", $ctx);
    $text->transport = 'ssl';
    $text->onConnect = function ($c) {
        $c->send('welcome');
    };
    $text->onMessage = function ($c, $data) {
        $c->send("echo:$data");
        if ($data === 'bye') {
            $c->close();
        }
    };
    $raw = new Worker("ssl://127.0.0.1:{$ports[1]}", $ctx); // raw bytes, as 3.5's ssl:// scheme
    $raw->onMessage = function ($c, $data) {
        $c->send($data);
    };
}, ['ports' => $ports]);

$cmd = 'exec openssl s_client -quiet -verify_return_error -CAfile ' . escapeshellarg($cert['cert'])
    . " -servername localhost -connect 127.0.0.1:{$ports[0]}";
$p = proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
stream_set_blocking($pipes[1], false);
$read = function (string $until) use ($pipes) {
    $buf = '';
    $end = microtime(true) + 15;
    while (!str_contains($buf, $until) && microtime(true) < $end) {
        $r = [$pipes[1]];
        $w = $e = null;
        if (stream_select($r, $w, $e, 0, 200000)) {
            $chunk = fread($pipes[1], 8192);
            if ($chunk === '' || $chunk === false) {
                if (feof($pipes[1])) break;
                continue;
            }
            $buf .= $chunk;
        }
    }
    return $buf;
};
echo $read("welcome\n");
fwrite($pipes[0], "hello\n");
echo $read("echo:hello\n");
fwrite($pipes[0], "bye\n");
echo $read("echo:bye\n");
fclose($pipes[0]);
$end = microtime(true) + 10;
while (proc_get_status($p)['running'] && microtime(true) < $end) usleep(50000);
echo 's_client ended: ', proc_get_status($p)['running'] ? 'no' : 'yes', "\n";
proc_close($p);

echo shell_exec('python3 ' . escapeshellarg(__DIR__ . '/tls_peers.py') . " client {$ports[1]} "
    . escapeshellarg($cert['cert']) . ' 1048576 2>&1');
wm_stop_server($h);
?>
--EXPECT--
welcome
echo:hello
echo:bye
s_client ended: yes
1048576 same TLSv1.3
