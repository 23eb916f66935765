--TEST--
`start -d` detaches (new session, not our child), writes the pid file, redirects stdio to Worker::$stdoutFile; `status` and `stop` work on the daemon
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; wm_skip_unless_ext('tests the native process manager'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';

$port = wm_free_port();
$a = wmp_app('
$w = new Worker("text://127.0.0.1:' . $port . '");
$w->name = "daemonworker";
$w->count = 2;
$w->onWorkerStart = function ($w) {
    echo "worker-start-echo {$w->id}\n";   // must land in Worker::$stdoutFile
};
$w->onMessage = function ($c, $d) {
    $c->send("pid:" . posix_getpid() . " ppid:" . posix_getppid());
};
');

// Like `out=$(php app.php start -d)`: read the output until EOF, i.e. until the daemon has
// let go of our pipe (it redirects its stdio to Worker::$stdoutFile).
$r = wmp_start_daemon($a);
echo "start exit: ", var_export($r['exit'], true), "\n";
echo "returned promptly: ", var_export($r['exited_after'] !== null && $r['exited_after'] < 4.0, true), "\n";
echo "daemon released the pipe: ", var_export($r['eof'], true), "\n";
echo "start output mentions DAEMON mode: ", var_export(strpos($r['out'], 'DAEMON') !== false, true), "\n";

// the pid file appears and names a live process
wm_wait_until(function () use ($a) {
    clearstatcache();
    return is_file($a['pid']) && (int)file_get_contents($a['pid']) > 0;
}, 5);
$master = (int)@file_get_contents($a['pid']);
echo "pid file: ", var_export($master > 0, true), "\n";
echo "master alive: ", var_export($master > 0 && wmp_alive($master), true), "\n";

// safety net: stop it (and its group) at shutdown even if the test dies half-way
$st = wmp_stat($master);
if ($st) {
    $h = new WmServer();
    $h->ownerPid = getmypid();
    $h->pid = $master;
    $h->pgid = $st['pgrp'];
    $h->log = $a['out'];
    $h->logFile = $a['log'];
    $h->reaped = true; // not our child
    $GLOBALS['__wm_servers'][] = $h;
    wm_watchdog($h);
}

echo "detached: not our child: ", var_export($st && $st['ppid'] !== getmypid(), true), "\n";
echo "detached: own session: ", var_export($st && $st['session'] !== posix_getsid(0) && $st['session'] !== posix_getpid(), true), "\n";
echo "detached: not the started process: ", var_export($st !== null && $master !== getmypid(), true), "\n";

var_dump(wm_wait_listen($port));
// the workers are children of the daemon
$reply = wmp_req($port, 'ping');
echo "served: ", var_export((bool)preg_match('/^pid:(\d+) ppid:(\d+)$/', $reply, $m), true), "\n";
echo "worker is the daemon's child: ", var_export(isset($m[2]) && (int)$m[2] === $master, true), "\n";
echo "2 worker processes: ", var_export(count(wmp_children($master)) === 2, true), "\n";

// stdio of the daemon goes to Worker::$stdoutFile
wm_wait_file_contains($a['stdout'], 'worker-start-echo 1');
$so = (string)@file_get_contents($a['stdout']);
echo "stdoutFile has the workers' echo: ", var_export(strpos($so, 'worker-start-echo 0') !== false && strpos($so, 'worker-start-echo 1') !== false, true), "\n";
echo "start output has no worker echo: ", var_export(strpos($r['out'], 'worker-start-echo') === false, true), "\n";

// status
$s = wmp_cmd($a, ['status']);
echo "status exit: ", var_export($s['exit'], true), "\n";
$p = wmp_parse_status($s['out']);
echo "status lists the worker: ", var_export(strpos($s['out'], 'daemonworker') !== false, true), "\n";
echo "status processes: ", var_export($p['processes'], true), "\n";
$names = array_column($p['procs'], 'name');
echo "status process lines: ", implode(',', $names), "\n";
if ($p['processes'] !== 2) {
    echo $s['out'], "\n";
}

// stop
$children = wmp_children($master);
$t = wmp_cmd($a, ['stop']);
echo "stop exit: ", var_export($t['exit'], true), "\n";
echo "stop success: ", var_export(strpos($t['out'], 'stop success') !== false, true), "\n";
if ($t['exit'] !== 0) {
    echo $t['out'], "\n";
}
echo "master gone: ", var_export(wm_wait_until(function () use ($master) { return !wmp_alive($master); }, 3), true), "\n";
echo "workers gone: ", var_export(wm_wait_until(function () use ($children) {
    foreach ($children as $c) {
        if (wmp_alive($c)) {
            return false;
        }
    }
    return true;
}, 3), true), "\n";
clearstatcache();
echo "pid file removed: ", var_export(!file_exists($a['pid']), true), "\n";
echo "port closed: ", var_export(!wm_is_listening($port), true), "\n";
?>
--EXPECT--
start exit: 0
returned promptly: true
daemon released the pipe: true
start output mentions DAEMON mode: true
pid file: true
master alive: true
detached: not our child: true
detached: own session: true
detached: not the started process: true
bool(true)
served: true
worker is the daemon's child: true
2 worker processes: true
stdoutFile has the workers' echo: true
start output has no worker echo: true
status exit: 0
status lists the worker: true
status processes: 2
status process lines: daemonworker,daemonworker
stop exit: 0
stop success: true
master gone: true
workers gone: true
pid file removed: true
port closed: true
