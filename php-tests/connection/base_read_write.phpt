--TEST--
baseRead() runs the socket's bytes through the protocol and onMessage at once; baseWrite() flushes the send buffer, onBufferDrain when it empties
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
$big = 16 * 1024 * 1024;
$h = wm_start_server(function () use ($port, $ev, $big) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onConnect = function ($c) use ($ev) {
        $s = $c->getSocket();
        $r = [$s];
        $wr = $e = null;
        stream_select($r, $wr, $e, 3); // bounded wait for the client's two lines
        wm_append($ev, 'before baseRead');
        $c->baseRead($s);
        wm_append($ev, 'after baseRead bytesRead=' . $c->bytesRead);
    };
    $w->onMessage = function ($c, $data) use ($ev, $big) {
        wm_append($ev, "onMessage $data");
        if ($data !== 'big') {
            $c->send("[$data]");
            return;
        }
        $c->send(str_repeat('x', $big));
        $queued = $c->getSendBufferQueueSize() > 0;
        $s = $c->getSocket();
        $nulls = 0;
        $ret = null;
        $deadline = microtime(true) + 10;
        while (microtime(true) < $deadline) {
            $r = $e = null;
            $wr = [$s];
            if (stream_select($r, $wr, $e, 1) < 1) {
                continue;
            }
            $ret = $c->baseWrite();
            if ($ret === true) {
                break;
            }
            $nulls++;
        }
        wm_append($ev, 'queued=' . var_export($queued, true) . ' partial writes=' . ($nulls > 0 ? 'yes' : 'no')
            . ' baseWrite=' . var_export($ret, true) . ' empty=' . var_export($c->bufferIsEmpty(), true));
        $c->send("done");
    };
    $w->onBufferDrain = function ($c) use ($ev) {
        wm_append($ev, 'onBufferDrain');
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "a\nb\n");
var_dump(wm_read_until($fp, "[b]\n"));
wm_send($fp, "c\n");
var_dump(wm_read_until($fp, "\n"));
wm_send($fp, "big\n");
$got = wm_read_until($fp, "done\n", 20);
var_dump(strlen($got) === $big + 6, substr($got, -7)); // Text: x...x\n done\n
fclose($fp);
echo implode("\n", wm_wait_lines($ev, 8)), "\n";
wm_stop_server($h);
?>
--EXPECT--
string(8) "[a]
[b]
"
string(4) "[c]
"
bool(true)
string(7) "x
done
"
before baseRead
onMessage a
onMessage b
after baseRead bytesRead=4
onMessage c
onMessage big
onBufferDrain
queued=true partial writes=yes baseWrite=true empty=true
