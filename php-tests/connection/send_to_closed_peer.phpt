--TEST--
send() to a peer that has gone away: onError(WORKERMAN_SEND_FAIL, 'client closed'), then onClose, send() returns false
--EXTENSIONS--
pcntl
posix
sockets
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

$port = wm_free_port();
$ctlPort = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ctlPort, $ev) {
    $w = new Worker("tcp://127.0.0.1:$port");
    $w->onConnect = function ($c) use ($ev) {
        // do not read: the worker must not notice the close before it sends
        $c->pauseRecv();
        wm_append($ev, "{$c->id} accepted");
    };
    $w->onError = function ($c, $code, $msg) use ($ev) {
        wm_append($ev, "{$c->id} onError " . var_export($code, true) . " $msg");
    };
    $w->onClose = function ($c) use ($ev) {
        wm_append($ev, "{$c->id} onClose");
    };
    // control channel in the same process: "send <id>" makes the worker send 'x' on connection <id>
    $w->onWorkerStart = function ($w) use ($ctlPort, $ev) {
        $ctl = new Worker("text://127.0.0.1:$ctlPort");
        $ctl->onMessage = function ($c, $cmd) use ($w, $ev) {
            list(, $id) = explode(' ', $cmd);
            $conn = $w->connections[(int)$id] ?? null;
            $r = $conn ? $conn->send('x') : 'gone';
            $status = $conn ? $conn->getStatus(false) : '-';
            wm_append($ev, "$id send " . var_export($r, true) . " $status");
            $c->send('done');
        };
        $ctl->listen();
    };
}, ['ports' => [$port, $ctlPort]]);

$ctl = wm_client($ctlPort);
function ctl_send($ctl, $id)
{
    wm_send($ctl, "send $id\n");
    wm_read_until($ctl, "\n");
}
// id of the $n-th accepted connection (ids are per process; the control connection has one too)
function accepted_id($ev, $n)
{
    $ids = [];
    wm_wait_until(function () use ($ev, $n, &$ids) {
        $ids = [];
        foreach (wm_lines($ev) as $l) {
            if (preg_match('/^(\d+) accepted$/', $l, $m)) {
                $ids[] = $m[1];
            }
        }
        return count($ids) >= $n;
    });
    return $ids[$n - 1] ?? '?';
}
function only($ev, $id, $name)
{
    $out = [];
    foreach (wm_lines($ev) as $l) {
        if (strpos($l, "$id ") === 0) {
            $out[] = $name . substr($l, strlen($id));
        }
    }
    return implode("\n", $out);
}

// connection A: the client resets the connection (SO_LINGER 0): the first send fails
$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_connect($s, '127.0.0.1', $port);
$a = accepted_id($ev, 1);
socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
socket_close($s);
usleep(100000);
ctl_send($ctl, $a);
ctl_send($ctl, $a);     // the connection is gone from $worker->connections
echo only($ev, $a, 'A'), "\n--\n";

// connection B: the client closes normally (FIN): the first send still succeeds
// (the peer answers it with a reset), the next one fails
$fp = wm_client($port);
$b = accepted_id($ev, 2);
fclose($fp);
usleep(100000);
ctl_send($ctl, $b);
usleep(200000);
ctl_send($ctl, $b);
echo only($ev, $b, 'B'), "\n";
fclose($ctl);
wm_stop_server($h);
?>
--EXPECT--
A accepted
A onError 2 client closed
A onClose
A send false CLOSED
A send 'gone' -
--
B accepted
B send true ESTABLISHED
B onError 2 client closed
B onClose
B send false CLOSED
