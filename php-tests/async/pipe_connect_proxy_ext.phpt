--TEST--
pipe(): an HTTP-CONNECT proxy written as a Workerman app (AsyncTcpConnection + pipe() both ways) carries 1 MB each way at once between a Python client and a Python echo server; closing either side closes the other; curl downloads through it with -p -x - extension only
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc';
wm_skip_unless_ext('Workerman 3.5.35 on PHP 8 cannot connect a client without a protocol: checkConnection() calls method_exists(null, \'onConnect\'), a TypeError that ends the worker');
if (!is_executable('/usr/bin/python3')) die('skip python3 not installed');
if (!is_executable('/usr/bin/curl')) die('skip curl not installed'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Connection\AsyncTcpConnection;

$backend = wm_free_port();
$web = wm_free_port();
$proxy = wm_free_port();
$log = wm_tmpfile('backend.log');
$null = [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']];
$echo = proc_open(['python3', __DIR__ . '/pipe_peers.py', 'echo', (string)$backend, $log], $null, $p1);
$docroot = wm_tmpdir() . '/www';
mkdir($docroot);
$file = '';
for ($i = 0; strlen($file) < 1048576; $i++) {
    $file .= md5((string)$i);
}
file_put_contents("$docroot/big.bin", $file);
$http = proc_open(['python3', '-m', 'http.server', '--bind', '127.0.0.1', '--directory', $docroot, (string)$web], $null, $p2);
wm_wait_port($web);

$h = wm_start_server(function () use ($proxy) {
    $w = new Worker("tcp://127.0.0.1:$proxy");
    $w->onMessage = function ($c, $data) {
        // the first packet: "CONNECT host:port HTTP/1.1" and its headers
        if (!preg_match('/^CONNECT ([^ :]+):(\d+) HTTP\/1\.[01]\r\n/', $data, $m)) {
            $c->close("HTTP/1.1 400 Bad Request\r\n\r\n");
            return;
        }
        $remote = new AsyncTcpConnection("tcp://{$m[1]}:{$m[2]}");
        $remote->onConnect = function ($remote) use ($c) {
            $c->send("HTTP/1.1 200 Connection Established\r\n\r\n");
            $c->pipe($remote);
            $remote->pipe($c);
        };
        $remote->onError = function ($remote, $code, $msg) use ($c) {
            $c->close("HTTP/1.1 502 Bad Gateway\r\n\r\n");
        };
        $c->onMessage = null; // nothing more until connected: the client waits for the 200
        $remote->connect();
    };
}, ['port' => $proxy]);
wm_wait_port($backend);

[$rc, $out] = wm_run_php_like(['python3', __DIR__ . '/pipe_peers.py', 'connect', (string)$proxy, (string)$backend]);
echo $out;
// one from the readiness probe of wm_wait_port($backend), one from the proxy closing the
// backend side after the client closed
echo implode("\n", wm_wait_lines($log, 2)), "\n";

exec('curl -s -p -x http://127.0.0.1:' . $proxy . ' -o ' . escapeshellarg(wm_tmpdir() . '/got.bin')
    . ' -w "%{http_code}" --max-time 20 http://127.0.0.1:' . $web . '/big.bin', $co, $crc);
echo "curl rc=$crc code=", implode('', $co), ' same=', var_export(md5_file(wm_tmpdir() . '/got.bin') === md5($file), true), "\n";

wm_stop_server($h);
foreach ([$echo, $http] as $p) {
    proc_terminate($p);
    proc_close($p);
}

function wm_run_php_like(array $cmd): array
{
    $p = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    return [proc_close($p), $out];
}
?>
--EXPECT--
HTTP/1.1 200 Connection Established
echoed 1048576 bytes, same=True
after the backend closed: eof=True
backend eof
backend eof
curl rc=0 code=200 same=true
