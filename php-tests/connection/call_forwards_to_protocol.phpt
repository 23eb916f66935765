--TEST--
__call forwards an unknown method to the protocol class (with the connection and the arguments array); unknown there: null; methods and dynamic properties unaffected
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

class CallProto
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
    public static function greet($connection, $args)
    {
        return 'greet id=' . $connection->id . ' args=' . json_encode($args);
    }
}

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("tcp://127.0.0.1:$port");
    $w->protocol = 'CallProto';
    $w->onMessage = function ($c, $data) {
        $c->note = 'dyn';              // a dynamic property still works
        $out = [
            $c->greet('a', 2),          // forwarded to CallProto::greet($c, ['a', 2])
            var_export($c->noSuchMethod(1), true), // protocol has none: null
            $c->note,
            isset($c->note) ? 'isset' : 'unset',
            $c->getRemoteIp(),           // an existing method is not forwarded
            $data,
        ];
        $c->send(implode('|', $out));
    };
}, ['port' => $port]);

var_dump(wm_request($port, "x\n", "\n"));
wm_stop_server($h);
?>
--EXPECT--
string(51) "greet id=1 args=["a",2]|NULL|dyn|isset|127.0.0.1|x
"
