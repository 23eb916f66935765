--TEST--
udp Worker with count=2: with reusePort each process binds its own socket and both serve; without it both share the master's socket and every datagram is answered
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

$p1 = wm_free_udp_port();
$p2 = wm_free_udp_port();
$h = wm_start_server(function () use ($p1, $p2) {
    $w = new Worker("udp://127.0.0.1:$p1");
    $w->count = 2;
    $w->reusePort = true;
    $w->onMessage = function ($c, $data) {
        $c->send("$data " . posix_getpid());
    };
    $w2 = new Worker("udp://127.0.0.1:$p2");
    $w2->count = 2;
    $w2->reusePort = false;
    $w2->onMessage = function ($c, $data) {
        $c->send("$data " . posix_getpid());
    };
}, ['udp' => [$p1], 'udp_sockets' => 2]);
wm_wait_until(function () use ($p2) { return wm_udp_bound_count($p2) >= 1; });
usleep(300000); // let both processes of the shared socket start

foreach ([$p1, $p2] as $i => $port) {
    $pids = [];
    $answered = 0;
    // many source ports: the kernel spreads them over the reusePort sockets by address hash
    for ($k = 0; $k < 40; $k++) {
        $fp = wm_udp_client($port);
        $r = wm_udp_request($fp, "q$k");
        fclose($fp);
        if ($r !== null && preg_match('/^q' . $k . ' (\d+)$/', $r, $m)) {
            $answered++;
            $pids[$m[1]] = true;
        }
    }
    echo $i === 0 ? "reusePort" : "shared", ": answered $answered, processes ", $i === 0 ? count($pids) : (count($pids) >= 1 && count($pids) <= 2 ? 'ok' : count($pids)), "\n";
}
echo "bound sockets: ", wm_udp_bound_count($p1), " ", wm_udp_bound_count($p2), "\n";
wm_stop_server($h);
?>
--EXPECT--
reusePort: answered 40, processes 2
shared: answered 40, processes ok
bound sockets: 2 1
