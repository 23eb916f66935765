--TEST--
__call without a protocol: method_exists()'s TypeError reaches the caller (3.5 on PHP 8); a protocol method that throws is logged and the worker exits with 250
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

class ThrowProto
{
    public static function input($buffer, $connection)
    {
        $p = strpos($buffer, "\n");
        return $p === false ? 0 : $p + 1;
    }
    public static function decode($buffer, $connection)
    {
        return rtrim($buffer, "\n");
    }
    public static function encode($data, $connection)
    {
        return $data . "\n";
    }
    public static function boom($connection, $args)
    {
        throw new RuntimeException('boom from protocol');
    }
}

$p1 = wm_free_port();
$p2 = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($p1, $p2, $ev) {
    $w = new Worker("tcp://127.0.0.1:$p1");
    $w->onMessage = function ($c, $data) {
        try {
            $c->whatever();
            $c->send("no error\n");
        } catch (\TypeError $e) {
            $c->send(get_class($e) . ': ' . $e->getMessage() . "\n");
        }
    };
    $t = new Worker("tcp://127.0.0.1:$p2");
    $t->protocol = 'ThrowProto';
    $t->onMessage = function ($c, $data) use ($ev) {
        $c->boom();
        wm_append($ev, 'after boom'); // never: the worker exits
    };
}, ['ports' => [$p1, $p2]]);

var_dump(wm_request($p1, "x\n", "\n"));
$fp = wm_client($p2);
wm_send($fp, "y\n");
$closed = false;
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);
fclose($fp);
var_dump(wm_wait_until(function () use ($h) {
    return strpos(wm_server_log($h), 'boom from protocol') !== false
        && strpos(wm_server_log($h), 'exit with status 64000') !== false; // 250 << 8, as 3.5 prints it
}, 5));
var_dump(file_exists($ev));
wm_stop_server($h);
?>
--EXPECT--
string(101) "TypeError: method_exists(): Argument #1 ($object_or_class) must be of type object|string, null given
"
string(0) ""
bool(true)
bool(true)
bool(false)
