--TEST--
A udp:// Worker created and listen()ed inside onWorkerStart (the pattern GatewayWorker uses for its inner workers) answers datagrams; unlisten() stops it (nothing bound on the port afterwards)
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

$port = wm_free_udp_port();
$tcp = wm_free_port();
$h = wm_start_server(function () use ($port, $tcp) {
    $w = new Worker("text://127.0.0.1:$tcp");
    $w->onWorkerStart = function () use ($port) {
        $u = new Worker("udp://127.0.0.1:$port");
        $u->onMessage = function ($c, $data) use ($u) {
            $c->send("inner:$data");
            if ($data === 'stop') {
                $u->unlisten();
            }
        };
        $u->listen();
    };
    $w->onMessage = function ($c, $d) { $c->send('tcp ok'); };
}, ['port' => $tcp]);
wm_wait_until(fn() => wm_udp_bound_count($port) > 0);
$fp = wm_udp_client($port);
var_export(wm_udp_request($fp, 'hello'));
echo "\n";
var_export(wm_udp_request($fp, 'stop'));
echo "\n";
echo 'bound after unlisten: ', wm_wait_until(fn() => wm_udp_bound_count($port) === 0) ? 'no' : 'yes', "\n";
echo trim(wm_request($tcp, "x\n", "\n")), "\n";
wm_stop_server($h);
?>
--EXPECT--
'inner:hello'
'inner:stop'
bound after unlisten: no
tcp ok
