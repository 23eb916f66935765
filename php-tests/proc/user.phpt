--TEST--
Worker->user / ->group (as root): the worker process runs as nobody/nogroup (real, effective and saved ids) before onWorkerStart; a Worker without user stays root; the master stays root
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php
require __DIR__ . '/../inc/skipif.inc';
if (posix_geteuid() !== 0) die('skip must run as root');
if (!posix_getpwnam('nobody')) die('skip no user nobody');
if (!posix_getgrnam('nogroup')) die('skip no group nogroup');
?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
require __DIR__ . '/proc.inc';
use Workerman\Worker;

$nobody = posix_getpwnam('nobody');
$nogroup = posix_getgrnam('nogroup');
$p1 = wm_free_port();
$p2 = wm_free_port();
$h = wm_start_server(function () use ($p1, $p2) {
    $w = new Worker("text://127.0.0.1:$p1");
    $w->name = 'unprivileged';
    $w->user = 'nobody';
    $w->group = 'nogroup';
    $w->onWorkerStart = function ($w) {
        $GLOBALS['at_start'] = posix_geteuid() . ':' . posix_getegid();
    };
    $w->onMessage = function ($c, $d) {
        $c->send(posix_getpid() . ' start=' . $GLOBALS['at_start'] . ' now=' . posix_getuid() . ':' . posix_geteuid() . ':' . posix_getgid() . ':' . posix_getegid());
    };
    $r = new Worker("text://127.0.0.1:$p2");
    $r->name = 'privileged';
    $r->onMessage = function ($c, $d) {
        $c->send(posix_getpid() . ' now=' . posix_getuid() . ':' . posix_geteuid());
    };
}, ['ports' => [$p1, $p2]]);

$u = $nobody['uid'];
$g = $nogroup['gid'];
$r1 = trim(wm_request($p1, "x\n", "\n"));
[$pid1, $rest1] = explode(' ', $r1, 2) + [0, ''];
echo "unprivileged: ", var_export($rest1 === "start=$u:$g now=$u:$u:$g:$g", true), "\n";
if ($rest1 !== "start=$u:$g now=$u:$u:$g:$g") {
    echo "  got: $rest1 (expected uid $u gid $g)\n";
}
$ids = wmp_ids((int)$pid1);
echo "/proc uid (real eff saved fs): ", $ids ? implode(' ', array_map(function ($x) use ($u) { return $x === $u ? 'U' : $x; }, $ids['uid'])) : 'n/a', "\n";
echo "/proc gid (real eff saved fs): ", $ids ? implode(' ', array_map(function ($x) use ($g) { return $x === $g ? 'G' : $x; }, $ids['gid'])) : 'n/a', "\n";
echo "supplementary groups: ", var_export((bool)preg_match('/^Groups:\s*(.*)$/m', (string)@file_get_contents("/proc/$pid1/status"), $m) && strpos(" {$m[1]} ", ' 0 ') === false, true), "\n";
$r2 = trim(wm_request($p2, "x\n", "\n"));
echo "privileged: ", explode(' ', $r2, 2)[1] ?? '', "\n";
$mids = wmp_ids($h->pid);
echo "master uid: ", $mids ? implode(' ', $mids['uid']) : 'n/a', "\n";
echo "no warning logged: ", var_export(stripos(wm_server_log($h), 'warning') === false, true), "\n";
echo "stopped: ", var_export(wm_stop_server($h), true), "\n";
?>
--EXPECT--
unprivileged: true
/proc uid (real eff saved fs): U U U U
/proc gid (real eff saved fs): G G G G
supplementary groups: true
privileged: now=0:0
master uid: 0 0 0 0
no warning logged: true
stopped: true
