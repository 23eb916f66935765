--TEST--
Manual protocol example BinaryTransfer (file upload): a 300 KB file over many reads, header split, two uploads in one write
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
require_once __DIR__ . '/../fixtures/Protocols/BinaryTransfer.php';
use Workerman\Worker;

function bt_packet($name, $data)
{
    // as the manual's client.php: 4 bytes total length + 1 byte name length, then name and data
    return pack('NC', 5 + strlen($name) + strlen($data), strlen($name)) . $name . $data;
}

$dir = wm_tmpfile('uploads');
mkdir($dir);
$port = wm_free_port();
$h = wm_start_server(function () use ($port, $dir) {
    $worker = new Worker("BinaryTransfer://127.0.0.1:$port");
    // the manual's server, saving into our temp dir instead of /tmp
    $worker->onMessage = function ($connection, $data) use ($dir) {
        $save_path = $dir . '/' . $data['file_name'];
        file_put_contents($save_path, $data['file_data']);
        $connection->send("upload success. save path " . basename($save_path) . "\n");
    };
}, ['port' => $port]);

$file = '';
for ($i = 0; strlen($file) < 300 * 1024; $i++) {
    $file .= md5("blk$i", true);
}
$p = bt_packet('logo.png', $file);
$fp = wm_client($port);
wm_send($fp, substr($p, 0, 3));        // inside the header
usleep(100000);
wm_send($fp, substr($p, 3));
var_dump(wm_read_until($fp, "\n"));
var_dump(md5_file("$dir/logo.png") === md5($file));

wm_send($fp, bt_packet('a.bin', "\x00\x01\x02") . bt_packet('b.bin', ''));
var_dump(wm_read_until($fp, "b.bin\n"));
var_dump(bin2hex(file_get_contents("$dir/a.bin")), filesize("$dir/b.bin"));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
string(35) "upload success. save path logo.png
"
bool(true)
string(64) "upload success. save path a.bin
upload success. save path b.bin
"
string(6) "000102"
int(0)
