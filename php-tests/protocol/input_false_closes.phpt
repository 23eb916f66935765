--TEST--
A protocol whose input() returns false closes the connection (onClose fires, an error line is logged)
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

class StrictLine
{
    public static function input($buffer, $connection)
    {
        if (strncmp($buffer, 'BAD', 3) === 0) {
            return false;
        }
        $pos = strpos($buffer, "\n");
        return $pos === false ? 0 : $pos + 1;
    }
    public static function decode($buffer, $connection)
    {
        return rtrim($buffer);
    }
    public static function encode($data, $connection)
    {
        return "$data\n";
    }
}

$port = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("tcp://127.0.0.1:$port");
    $w->protocol = 'StrictLine';
    $w->onMessage = function ($c, $data) use ($ev) {
        wm_append($ev, "message $data");
        $c->send("ok $data");
    };
    $w->onClose = function ($c) use ($ev) {
        wm_append($ev, 'close');
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, "fine\n");
var_dump(wm_read_until($fp, "\n"));
wm_send($fp, "BAD\nmore\n");
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);
echo implode("\n", wm_wait_lines($ev, 2)), "\n";
// 3.5: "Error package. package_length=false" on the server's stdout
var_dump(stripos(wm_server_log($h), 'error package') !== false);
wm_stop_server($h);
?>
--EXPECT--
string(8) "ok fine
"
string(0) ""
bool(true)
message fine
close
bool(true)
