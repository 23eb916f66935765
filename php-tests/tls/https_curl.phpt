--TEST--
ssl transport: an http Worker with transport 'ssl' and the context's local_cert/local_pk serves curl --cacert (certificate verified): exact bodies, a 300 KB reply, a 1 MB POST read through many TLS records, two requests on one kept-alive connection, onSslHandshake once per connection
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc';
if (!is_executable('/usr/bin/curl')) die('skip curl not installed');
if (!is_executable('/usr/bin/openssl')) die('skip openssl not installed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

$port = wm_free_port();
$cert = wm_tls_cert('localhost');
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $cert, $ev) {
    $w = new Worker("http://127.0.0.1:$port", ['ssl' => [
        'local_cert' => $cert['cert'], 'local_pk' => $cert['key'], 'verify_peer' => false,
    ]]);
    $w->transport = 'ssl';
    $w->onConnect = function ($c) use ($ev) {
        $c->onSslHandshake = function ($c) use ($ev) {
            wm_append($ev, 'handshake transport=' . $c->transport);
        };
    };
    $w->onMessage = function ($c, $data) {
        $path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
        if ($path === '/big') {
            $c->send(str_repeat('0123456789', 30000));
        } elseif ($path === '/post') {
            $c->send('got ' . strlen($GLOBALS['HTTP_RAW_POST_DATA']) . ' md5 ' . md5($GLOBALS['HTTP_RAW_POST_DATA']));
        } else {
            $c->send("hello $path");
        }
    };
}, ['port' => $port]);

$curl = function (string $args) use ($cert) {
    return shell_exec('curl -sS --max-time 20 --cacert ' . escapeshellarg($cert['cert']) . " $args 2>&1");
};
echo $curl("https://localhost:$port/a"), "\n";
$big = $curl("https://localhost:$port/big");
echo strlen($big), ' ', $big === str_repeat('0123456789', 30000) ? 'exact' : 'differs', "\n";
$body = wm_tmpfile('body');
file_put_contents($body, str_repeat("abcdefghijklmnopqrstuvwxyz\n", 40000));
$got = $curl("--data-binary @$body https://localhost:$port/post");
echo $got === 'got 1080000 md5 ' . md5_file($body) ? 'post exact' : "post: $got", "\n";
$two = $curl("-w ' connects=%{num_connects}\\n' https://localhost:$port/one https://localhost:$port/two");
echo $two;
echo count(wm_lines($ev)) >= 4 ? "handshakes ok\n" : "handshakes: " . count(wm_lines($ev)) . "\n";
echo implode("\n", array_unique(wm_lines($ev))), "\n";
wm_stop_server($h);
?>
--EXPECTF--
hello /a
300000 exact
post exact
hello /one connects=1
hello /two connects=0
handshakes ok
handshake transport=ssl
