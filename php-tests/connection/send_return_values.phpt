--TEST--
TcpConnection::send() returns true when written at once, null when queued in the send buffer, false after close
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
$big = 32 * 1024 * 1024;
$h = wm_start_server(function () use ($port, $ev, $big) {
    $w = new Worker("tcp://127.0.0.1:$port");
    $w->onConnect = function ($c) use ($ev, $big) {
        $c->maxSendBufferSize = 128 * 1024 * 1024; // no onBufferFull / drop in this test
        $r = [];
        $r[] = $c->send('one');                    // kernel buffer empty: written at once
        $r[] = $c->send(str_repeat('x', $big));    // the client does not read yet: only partly written
        $r[] = $c->send('two');                    // appended to the pending send buffer
        $c->close();                               // closes once the buffer is flushed
        $r[] = $c->send('three');                  // closing: refused
        wm_append($ev, implode(' ', array_map(function ($v) { return var_export($v, true); }, $r)));
    };
    $w->onClose = function ($c) use ($ev) {
        wm_append($ev, 'close');
    };
}, ['port' => $port]);

$fp = wm_client($port);
echo implode("\n", wm_wait_lines($ev, 1)), "\n";
$data = wm_read_all_until_close($fp, 10, $closed);
var_dump(strlen($data) === 3 + $big + 3, substr($data, 0, 4), substr($data, -4), $closed);
echo implode("\n", wm_wait_lines($ev, 2)), "\n";
wm_stop_server($h);
?>
--EXPECT--
true NULL NULL false
bool(true)
string(4) "onex"
string(4) "xtwo"
bool(true)
true NULL NULL false
close
