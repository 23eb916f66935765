--TEST--
onBufferFull runs once per fill: a client that never reads gets 64 KB Text replies; after the first onBufferFull every further send is dropped (onError) without a second onBufferFull; after the client reads and the buffer drains, the next fill reports again
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

$port = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $c->send(str_repeat('r', 65535)); // 64 KB with the "\n"
    };
    $w->onBufferFull = function ($c) use ($ev) { wm_append($ev, 'full'); };
    $w->onBufferDrain = function ($c) use ($ev) { wm_append($ev, 'drain'); };
    $w->onError = function ($c, $code, $msg) use ($ev) { wm_append($ev, 'drop'); };
}, ['port' => $port]);

$fp = wm_client($port);
// 80 requests x 64 KB = 5 MB of replies: far more than the kernel buffers plus 1 MB hold.
wm_send($fp, str_repeat("q\n", 80));
wm_wait_file_contains($ev, 'drop', 20);
usleep(500000);
$l = wm_lines($ev);
$counts = array_count_values($l);
echo "first fill: full=", $counts['full'] ?? 0, " drops>0=", var_export(($counts['drop'] ?? 0) > 0, true), " drain=", $counts['drain'] ?? 0, "\n";
// read everything that was not dropped, until the buffer has drained (bounded)
$got = '';
$deadline = microtime(true) + 30;
do {
    $got .= wm_read_for($fp, 0.2);
} while (!in_array('drain', wm_lines($ev), true) && microtime(true) < $deadline);
while (($more = wm_read_for($fp, 1.0)) !== '' && microtime(true) < $deadline) {
    $got .= $more; // replies of requests processed after the drain
}
echo "replies are whole: ", var_export(strlen($got) > 0 && strlen($got) % 65536 === 0, true), "\n";
// fill again: more this time, the kernel may have grown its buffers while the client read
wm_send($fp, str_repeat("q\n", 400));
wm_wait_until(function () use ($ev) { return count(array_keys(wm_lines($ev), 'full')) >= 2; }, 20);
usleep(300000);
$counts = array_count_values(wm_lines($ev));
echo "after a drain and a second fill: full=", $counts['full'] ?? 0, " drain=", $counts['drain'] ?? 0, "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
first fill: full=1 drops>0=true drain=0
replies are whole: true
after a drain and a second fill: full=2 drain=1
