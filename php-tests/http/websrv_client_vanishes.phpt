--TEST--
WebServer: clients that vanish in the middle of a large static file (after a few KB, or before reading anything) cost nothing: the worker keeps its pid and serves the next requests in full
--EXTENSIONS--
pcntl
posix
sockets
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\WebServer;

$port = wm_free_port();
$root = wm_tmpfile('vanish');
mkdir($root);
$size = 4 * 1024 * 1024;
$data = random_bytes($size);
file_put_contents("$root/big.bin", $data);
file_put_contents("$root/pid.php", '<?php echo getmypid();');
$h = wm_start_server(function () use ($port, $root) {
    $w = new WebServer("http://127.0.0.1:$port");
    $w->addRoot('www.example.com', $root);
}, ['port' => $port]);

$pid = http_parts(http_request($port, http_get('/pid.php')))['body'];
for ($i = 0; $i < 5; $i++) {
    $fp = wm_client($port);
    wm_send($fp, http_get('/big.bin') . http_get('/big.bin'));
    if ($i % 2) {
        fread($fp, 8192);      // read a little, then go away with megabytes still queued
    }
    fclose($fp);
}
// a peer that resets the connection (SO_LINGER 0) while the file is being sent
$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_connect($s, '127.0.0.1', $port);
socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
socket_write($s, http_get('/big.bin'));
usleep(100000);
socket_close($s);
usleep(300000);

$fp = wm_client($port);
wm_send($fp, http_get('/big.bin'));
$r = http_read($fp, false, 10);
fclose($fp);
$p = http_parts($r);
echo $p['status'], "\n";
var_dump(strlen($p['body']) === $size && md5($p['body']) === md5($data));
var_dump(http_parts(http_request($port, http_get('/pid.php')))['body'] === $pid);
wm_stop_server($h);
?>
--EXPECT--
HTTP/1.1 200 OK
bool(true)
bool(true)
