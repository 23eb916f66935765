--TEST--
TcpConnection::$defaultMaxSendBufferSize / $defaultMaxPackageSize (3.5 spelling) set before runAll apply to every new connection
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

class LenPrefix2
{
    public static function input($buffer, $connection)
    {
        return strlen($buffer) < 2 ? 0 : 2 + unpack('n', $buffer)[1];
    }
    public static function decode($buffer, $connection)
    {
        return substr($buffer, 2);
    }
    public static function encode($data, $connection)
    {
        return pack('n', strlen($data)) . $data;
    }
}

$pSend = wm_free_port();
$pText = wm_free_port();
$pLen = wm_free_port();
$ev = wm_tmpfile('events');
$big = 32 * 1024 * 1024;
$h = wm_start_server(function () use ($pSend, $pText, $pLen, $ev, $big) {
    TcpConnection::$defaultMaxSendBufferSize = 64 * 1024 * 1024;   // bigger than the default 1 MB
    TcpConnection::$defaultMaxPackageSize = 100;
    $s = new Worker("tcp://127.0.0.1:$pSend");
    $s->onConnect = function ($c) use ($ev, $big) {
        $r1 = $c->send(str_repeat('x', $big));   // 32 MB stays queued, under the 64 MB limit
        $r2 = $c->send('y');                     // not dropped
        wm_append($ev, "limit={$c->maxSendBufferSize} send1=" . var_export($r1, true) . ' send2=' . var_export($r2, true));
    };
    $s->onBufferFull = function ($c) use ($ev) {
        wm_append($ev, 'onBufferFull');
    };
    $s->onError = function ($c, $code, $msg) use ($ev) {
        wm_append($ev, "onError $code $msg");
    };
    $t = new Worker("text://127.0.0.1:$pText");
    $t->onMessage = function ($c, $data) {
        $c->send("ok {$c->maxPackageSize} " . strlen($data));
    };
    $l = new Worker("tcp://127.0.0.1:$pLen");
    $l->protocol = 'LenPrefix2';
    $l->onMessage = function ($c, $data) {
        $c->send('ok ' . strlen($data));
    };
}, ['ports' => [$pSend, $pText, $pLen]]);

$fp = wm_client($pSend);
echo implode("\n", wm_wait_lines($ev, 1)), "\n";
$data = wm_read_until($fp, $big + 1, 10);
var_dump(strlen($data) === $big + 1, substr($data, -2));
fclose($fp);

// Text: a buffer of >= maxPackageSize bytes closes the connection
$fp = wm_client($pText);
wm_send($fp, str_repeat('a', 50) . "\n");
var_dump(wm_read_until($fp, "\n"));
wm_send($fp, str_repeat('b', 150));
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);

// user protocol: input() returning a length > maxPackageSize closes the connection
$fp = wm_client($pLen);
wm_send($fp, pack('n', 90) . str_repeat('c', 90));
var_dump(bin2hex(wm_read_until($fp, 7)));
wm_send($fp, pack('n', 150) . str_repeat('d', 150));
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);
echo implode("\n", wm_lines($ev)), "\n";
wm_stop_server($h);
?>
--EXPECT--
limit=67108864 send1=NULL send2=NULL
bool(true)
string(2) "xy"
string(10) "ok 100 50
"
string(0) ""
bool(true)
string(14) "00056f6b203930"
string(0) ""
bool(true)
limit=67108864 send1=NULL send2=NULL
