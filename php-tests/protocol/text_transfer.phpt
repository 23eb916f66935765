--TEST--
Manual protocol example TextTransfer: split across reads works; two packets in one write reach decode() as one buffer (as in 3.5)
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
require_once __DIR__ . '/../fixtures/Protocols/TextTransfer.php';
use Workerman\Worker;

function tt_packet($name, $data)
{
    // as the manual's textclient.php
    return json_encode(['file_name' => $name, 'file_data' => base64_encode($data)]) . "\n";
}

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $worker = new Worker("TextTransfer://127.0.0.1:$port");
    $worker->onMessage = function ($connection, $data) {
        $connection->send(json_encode([$data['file_name'], strlen($data['file_data']), md5($data['file_data'])]) . "\n");
    };
}, ['port' => $port]);

$file = str_repeat("\xffbinary\x00", 20000);       // 160 KB -> ~213 KB base64: many reads
$p = tt_packet('logo.png', $file);
$fp = wm_client($port);
wm_send($fp, substr($p, 0, 1000));
usleep(100000);
wm_send($fp, substr($p, 1000));
var_dump(wm_read_until($fp, "\n") === json_encode(['logo.png', strlen($file), md5($file)]) . "\n");

// input() only checks that the buffer ends with "\n" and returns the whole buffer length
wm_send($fp, tt_packet('a.txt', 'A') . tt_packet('b.txt', 'B'));
var_dump(wm_read_until($fp, "\n"));
var_dump(wm_read_for($fp, 0.3));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
bool(true)
string(44) "[null,0,"d41d8cd98f00b204e9800998ecf8427e"]
"
string(0) ""
