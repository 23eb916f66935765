--TEST--
ssl transport: a WebServer with transport 'ssl' streams a 3 MB static file (curl --cacert gets it byte-exact), a Range request gets its 100 bytes, and a PHP page runs
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
use Workerman\WebServer;

$port = wm_free_port();
$cert = wm_tls_cert('localhost');
$root = wm_tmpfile('www');
mkdir($root);
$data = random_bytes(3000000);
file_put_contents("$root/big.bin", $data);
file_put_contents("$root/page.php", '<?php echo "page over ", $_SERVER["SERVER_PORT"] > 0 ? "tls" : "?";');
$h = wm_start_server(function () use ($port, $cert, $root) {
    $w = new WebServer("http://127.0.0.1:$port", ['ssl' => ['local_cert' => $cert['cert'], 'local_pk' => $cert['key']]]);
    $w->transport = 'ssl';
    $w->addRoot('localhost', $root);
}, ['port' => $port]);

$curl = fn(string $args) => shell_exec('curl -sS --max-time 20 --cacert ' . escapeshellarg($cert['cert']) . " $args 2>&1");
$got = $curl("https://localhost:$port/big.bin");
echo strlen($got), ' ', $got === $data ? 'exact' : 'differs', "\n";
echo $curl("-r 100-199 https://localhost:$port/big.bin") === substr($data, 100, 100) ? "range exact\n" : "range differs\n";
echo $curl("https://localhost:$port/page.php"), "\n";
wm_stop_server($h);
?>
--EXPECT--
3000000 exact
range exact
page over tls
