--TEST--
TcpConnection::consumeRecvBuffer($n) called from a protocol's input() drops bytes from the receive buffer
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

// Lines separated by "\n"; any '#' bytes in front of a line are noise and are consumed.
class SkipHash
{
    public static function input($buffer, $connection)
    {
        $k = strspn($buffer, '#');
        if ($k > 0) {
            $connection->consumeRecvBuffer($k);
            $buffer = (string)substr($buffer, $k);
        }
        $pos = strpos($buffer, "\n");
        return $pos === false ? 0 : $pos + 1;
    }
    public static function decode($buffer, $connection)
    {
        return rtrim($buffer, "\n");
    }
    public static function encode($data, $connection)
    {
        return "[$data]";
    }
}

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("tcp://127.0.0.1:$port");
    $w->protocol = 'SkipHash';
    $w->onMessage = function ($c, $data) {
        $c->send($data . ':' . $c->getRecvBufferQueueSize());
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "##hello\n#world\nab");
var_dump(wm_read_until($fp, "[world:2]"));
wm_send($fp, "c\n");
var_dump(wm_read_until($fp, "]"));
wm_send($fp, "###");
usleep(150000);
wm_send($fp, "x\n");
var_dump(wm_read_until($fp, "]"));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
string(18) "[hello:9][world:2]"
string(7) "[abc:0]"
string(5) "[x:0]"
