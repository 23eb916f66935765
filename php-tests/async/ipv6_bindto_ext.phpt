--TEST--
Addresses: a text:// Worker on [::1] and an AsyncTcpConnection to text://[::1]:port (getRemoteIp() '::1' without brackets, isIpV6 on both sides); socket.bindto makes the client's local address the given one (the server sees that port); a bindto address that is not local fails with onError(WORKERMAN_CONNECT_FAIL) and onClose; socket.ipv6_v6only on a [::] Worker refuses IPv4 clients, without it they are accepted
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; wm_skip_unless_ext('3.5 on PHP 8 returns getRemoteIp() "[::1]" (the brackets of stream_socket_get_name) and reports nothing for a bindto address that is not local');
$s = @stream_socket_server('tcp://[::1]:0');
if (!$s) die('skip no IPv6 loopback');
?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Connection\AsyncTcpConnection;

$p6 = wm_free_port();
$pv4 = wm_free_port();
$pdual = wm_free_port();
$bindPort = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($p6, $pv4, $pdual, $bindPort, $ev) {
    $six = new Worker("text://[::1]:$p6");
    $six->onMessage = function ($c, $data) use ($ev) {
        wm_append($ev, "server: ip={$c->getRemoteIp()} v6=" . var_export($c->isIpV6(), true) . " local={$c->getLocalIp()}");
        $c->send("six:$data");
    };
    $four = new Worker("text://127.0.0.1:$pv4");
    $four->onMessage = function ($c, $data) use ($ev, $bindPort) {
        wm_append($ev, "bindto: remote port " . ($c->getRemotePort() === $bindPort ? 'as bound' : $c->getRemotePort()));
        $c->send("four:$data");
    };
    $v6only = new Worker("text://[::]:$pdual", ['socket' => ['ipv6_v6only' => true]]);
    $v6only->onMessage = function ($c, $data) { $c->send("v6only:$data"); };

    $client = new Worker();
    $client->onWorkerStart = function () use ($p6, $pv4, $bindPort, $ev) {
        $c = new AsyncTcpConnection("text://[::1]:$p6");
        $c->onConnect = function ($c) use ($ev) {
            wm_append($ev, "client: ip={$c->getRemoteIp()} host={$c->getRemoteHost()} v6=" . var_export($c->isIpV6(), true));
            $c->send('hi');
        };
        $c->onMessage = function ($c, $data) use ($ev, $pv4, $bindPort) {
            wm_append($ev, "client got $data");
            $c->close();
            $b = new AsyncTcpConnection("text://127.0.0.1:$pv4", ['socket' => ['bindto' => "127.0.0.1:$bindPort"]]);
            $b->onConnect = function ($b) { $b->send('bound'); };
            $b->onMessage = function ($b, $data) use ($ev, $pv4) {
                wm_append($ev, "client got $data");
                $b->close();
                $bad = new AsyncTcpConnection("text://127.0.0.1:$pv4", ['socket' => ['bindto' => '192.0.2.1:0']]);
                $bad->onError = function ($bad, $code, $msg) use ($ev) { wm_append($ev, "bad bindto: error $code"); };
                $bad->onClose = function ($bad) use ($ev) { wm_append($ev, 'bad bindto: close'); };
                $bad->connect();
            };
            $b->connect();
        };
        $c->connect();
    };
}, ['ports' => [$pv4]]);

echo implode("\n", wm_wait_lines($ev, 7)), "\n";
$fp = @stream_socket_client("tcp://127.0.0.1:$pdual", $errno, $errstr, 2);
echo 'v6only over IPv4: ', $fp ? 'accepted' : 'refused', "\n";
echo 'v6only over IPv6: ', trim(wm_request("tcp://[::1]:$pdual", "x\n", "\n")), "\n";
wm_stop_server($h);
?>
--EXPECT--
client: ip=::1 host=::1 v6=true
server: ip=::1 v6=true local=::1
client got six:hi
bindto: remote port as bound
client got four:bound
bad bindto: error 1
bad bindto: close
v6only over IPv4: refused
v6only over IPv6: v6only:x
