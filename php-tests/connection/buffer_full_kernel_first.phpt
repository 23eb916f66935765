--TEST--
maxSendBufferSize counts only what the kernel refused (as 3.5: send() writes at once): 64 KB sends in onMessage go on past 2 chunks until onBufferFull, the next send is dropped (onError, false), and once the client reads, every chunk arrives whole, then onBufferDrain's send
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Connection\TcpConnection;

function chunk($i) { return str_pad("<$i>", 65536, '.'); }

$port = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    TcpConnection::$defaultMaxSendBufferSize = 102400;
    $w = new Worker("tcp://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) use ($ev) {
        $GLOBALS['full'] = false;
        $n = 0;
        while (!$GLOBALS['full'] && $n < 2000) {
            $c->send(chunk($n));
            $n++;
        }
        $extra = $c->send('EXTRA-PACKAGE');
        wm_append($ev, "chunks=$n extra=" . var_export($extra, true));
    };
    $w->onBufferFull = function ($c) use ($ev) {
        $GLOBALS['full'] = true;
        wm_append($ev, 'onBufferFull');
    };
    $w->onBufferDrain = function ($c) use ($ev) {
        wm_append($ev, 'onBufferDrain');
        $c->send('<DRAINED>');
    };
    $w->onError = function ($c, $code, $msg) use ($ev) {
        wm_append($ev, "onError $code $msg");
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "go\n");
$lines = wm_wait_lines($ev, 3);
sleep(1); // the client does not read for a second
preg_match('/^chunks=(\d+) /', $lines[2], $m);
$n = (int)($m[1] ?? 0);
echo "more than 2 chunks before onBufferFull: ", var_export($n > 2, true), "\n";
$data = wm_read_until($fp, '<DRAINED>', 20);
$expect = '';
for ($i = 0; $i < $n; $i++) {
    $expect .= chunk($i);
}
echo "every chunk whole and in order, then the drain marker: ", var_export($data === $expect . '<DRAINED>', true), "\n";
echo "the dropped package never appears: ", var_export(strpos($data, 'EXTRA') === false, true), "\n";
foreach (wm_lines($ev) as $l) {
    echo preg_replace('/^chunks=\d+/', 'chunks=N', $l), "\n";
}
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
more than 2 chunks before onBufferFull: true
every chunk whole and in order, then the drain marker: true
the dropped package never appears: true
onBufferFull
onError 2 send buffer full and drop package
chunks=N extra=false
onBufferDrain
