--TEST--
text:// with transport udp: every package of a datagram is one onMessage (two lines = two calls); an incomplete tail is dropped and the datagram not counted; send() encodes, send($x, true) does not
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Connection\ConnectionInterface;

$port = wm_free_udp_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->transport = 'udp';
    $w->onMessage = function ($c, $data) use ($ev) {
        wm_append($ev, "msg " . json_encode($data) . " " . $c->protocol);
        if ($data === 'stats') {
            $c->send('total_request=' . ConnectionInterface::$statistics['total_request']);
        } elseif ($data === 'raw') {
            $c->send('no newline', true);
        } else {
            $c->send("[$data]");
        }
    };
}, ['udp' => $port]);

$fp = wm_udp_client($port);
fwrite($fp, "one\ntwo\r\n");
var_dump(wm_udp_recv($fp), wm_udp_recv($fp));
fwrite($fp, "three\nincomplete");
var_dump(wm_udp_recv($fp));
fwrite($fp, "no newline at all");
var_dump(wm_udp_recv($fp, 0.5));
var_dump(wm_udp_request($fp, "raw\n"));
var_dump(wm_udp_request($fp, "stats\n"));
echo implode("\n", wm_wait_lines($ev, 5)), "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
string(6) "[one]
"
string(6) "[two]
"
string(8) "[three]
"
NULL
string(10) "no newline"
string(16) "total_request=2
"
msg "one" \Workerman\Protocols\Text
msg "two" \Workerman\Protocols\Text
msg "three" \Workerman\Protocols\Text
msg "raw" \Workerman\Protocols\Text
msg "stats" \Workerman\Protocols\Text
