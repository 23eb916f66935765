--TEST--
Worker onConnect / onMessage / onClose order (client closes, then server closes)
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
$events = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $events) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onConnect = function ($c) use ($events) {
        wm_append($events, "connect");
        $c->send("welcome");
    };
    $w->onMessage = function ($c, $data) use ($events) {
        wm_append($events, "message $data");
        if ($data === 'bye') {
            $c->close("closing");
            return;
        }
        $c->send("got $data");
    };
    $w->onClose = function ($c) use ($events) {
        wm_append($events, "close");
    };
}, ['port' => $port]);

// 1: the client closes
$fp = wm_client($port);
var_dump(wm_read_until($fp, "\n"));
wm_send($fp, "x\n");
var_dump(wm_read_until($fp, "\n"));
fclose($fp);
echo implode("\n", wm_wait_lines($events, 3)), "\n--\n";

// 2: the server closes (close($data) sends the data first)
$fp = wm_client($port);
var_dump(wm_read_until($fp, "\n"));
wm_send($fp, "bye\n");
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);
fclose($fp);
echo implode("\n", wm_wait_lines($events, 6)), "\n";
wm_stop_server($h);
?>
--EXPECT--
string(8) "welcome
"
string(6) "got x
"
connect
message x
close
--
string(8) "welcome
"
string(8) "closing
"
bool(true)
connect
message x
close
connect
message bye
close
