--TEST--
reload (`reload` command, then SIGUSR1): reloadable processes are all replaced and load code afresh; a `reloadable = false` Worker keeps its process and connections; onWorkerReload runs in both, Worker::$onMasterReload in the master
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; wm_skip_unless_ext('tests the native process manager'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';

$pr = wm_free_port();
$pf = wm_free_port();
$a = wmp_app('
$ev = ' . var_export(wm_tmpfile('events'), true) . ';
$ver = ' . var_export(wm_tmpfile('version.php'), true) . ';
Worker::$onMasterReload = function () use ($ev) {
    wm_append($ev, "master_reload " . posix_getpid());
};
$r = new Worker("text://127.0.0.1:' . $pr . '");
$r->name = "rel";
$r->count = 2;
$r->onWorkerStart = function ($w) use ($ev, $ver) {
    $GLOBALS["version"] = require $ver;
    usleep(200000); // a slow start: the next old process must wait for it
    wm_append($ev, "start rel " . posix_getpid());
};
$r->onWorkerReload = function ($w) use ($ev) {
    wm_append($ev, "reload rel " . posix_getpid());
};
$r->onMessage = function ($c, $d) {
    $c->send("rel pid:" . posix_getpid() . " ver:" . $GLOBALS["version"]);
};
$f = new Worker("text://127.0.0.1:' . $pf . '");
$f->name = "fix";
$f->reloadable = false;
$f->onWorkerStart = function ($w) use ($ev, $ver) {
    $GLOBALS["version"] = require $ver;
    wm_append($ev, "start fix " . posix_getpid());
};
$f->onWorkerReload = function ($w) use ($ev) {
    wm_append($ev, "reload fix " . posix_getpid());
};
$f->onMessage = function ($c, $d) {
    $c->send("fix pid:" . posix_getpid() . " ver:" . $GLOBALS["version"] . " got:" . trim($d));
};
');
$ev = wm_tmpfile('events');
$verFile = wm_tmpfile('version.php');
file_put_contents($verFile, "<?php return 'v1';");

/** pids by event kind, e.g. pids('start rel') */
function pids(string $kind): array
{
    $r = [];
    foreach (wm_lines(wm_tmpfile('events')) as $l) {
        if (strpos($l, "$kind ") === 0) {
            $r[] = (int)substr($l, strlen($kind) + 1);
        }
    }
    return $r;
}
function all_dead(array $pids): bool
{
    foreach ($pids as $p) {
        if (wmp_alive($p)) {
            return false;
        }
    }
    return true;
}

$h = wmp_start($a, [$pr, $pf]);
wm_wait_lines($ev, 3);
$rel1 = pids('start rel');
$fix = pids('start fix');
echo "started: rel ", count($rel1), ", fix ", count($fix), "\n";
$fixPid = $fix[0] ?? 0;

// a long-lived connection to the non-reloadable Worker
$fp = wm_client($pf);
echo "fix before: ", str_replace((string)$fixPid, 'FIXPID', wmp_ask($fp, 'one')), "\n";
echo "rel before: ", preg_replace('/pid:\d+/', 'pid:N', wmp_req($pr, 'x')), "\n";

// ---- 1. the reload command, with new code on disk ----
file_put_contents($verFile, "<?php return 'v2';");
$r = wmp_cmd($a, ['reload'], $h);
echo "reload command exit: ", var_export($r['exit'], true), "\n";
$ok = wm_wait_until(function () use ($rel1) {
    return count(pids('start rel')) >= 4 && all_dead($rel1);
}, 8);
echo "rel processes replaced: ", var_export($ok, true), "\n";
$rel2 = array_slice(pids('start rel'), 2);
echo "new rel pids are new: ", var_export(count($rel2) === 2 && !array_intersect($rel1, $rel2) && $rel2[0] !== $rel2[1], true), "\n";
echo "new rel pids alive: ", var_export(wmp_alive($rel2[0] ?? 0) && wmp_alive($rel2[1] ?? 0), true), "\n";
echo "rel children now: ", var_export(array_values(array_diff(wmp_children($h->pid), [$fixPid])) == (function ($x) { sort($x); return $x; })($rel2), true), "\n";
// onWorkerReload ran in each old rel process and in the fix process; onMasterReload in the master
wm_wait_until(function () { return count(pids('reload fix')) >= 1; }, 3);
$rr = pids('reload rel');
sort($rr);
sort($rel1);
echo "onWorkerReload in old rel processes: ", var_export($rr === $rel1, true), "\n";
echo "onWorkerReload in fix process: ", var_export(pids('reload fix') === [$fixPid], true), "\n";
echo "onMasterReload in master: ", var_export(pids('master_reload') === [$h->pid], true), "\n";
// one at a time: the second old process is signalled only after the first replacement is serving
$seq = [];
foreach (wm_lines($ev) as $l) {
    if (preg_match('/^(start|reload) rel /', $l, $m)) {
        $seq[] = $m[1];
    }
}
echo "rel sequence: ", implode(',', array_slice($seq, 2, 4)), "\n";
echo "fix not restarted: ", var_export(pids('start fix') === [$fixPid] && wmp_alive($fixPid), true), "\n";
echo "fix after: ", str_replace((string)$fixPid, 'FIXPID', wmp_ask($fp, 'two')), "\n";
$seen = [];
for ($i = 0; $i < 6; $i++) {
    $seen[] = preg_replace('/pid:\d+/', 'pid:N', wmp_req($pr, "x$i"));
}
echo "rel after: ", implode(' | ', array_unique($seen)), "\n";

// ---- 2. SIGUSR1 to the master ----
file_put_contents($verFile, "<?php return 'v3';");
posix_kill($h->pid, SIGUSR1);
$ok = wm_wait_until(function () use ($rel2) {
    return count(pids('start rel')) >= 6 && all_dead($rel2);
}, 8);
echo "SIGUSR1: rel processes replaced: ", var_export($ok, true), "\n";
wm_wait_until(function () { return count(pids('reload fix')) >= 2; }, 3);
echo "SIGUSR1: hooks: rel ", count(pids('reload rel')), ", fix ", count(pids('reload fix')), ", master ", count(pids('master_reload')), "\n";
$seen = [];
for ($i = 0; $i < 6; $i++) {
    $seen[] = preg_replace('/pid:\d+/', 'pid:N', wmp_req($pr, "y$i"));
}
echo "rel after: ", implode(' | ', array_unique($seen)), "\n";
echo "fix after: ", str_replace((string)$fixPid, 'FIXPID', wmp_ask($fp, 'three')), "\n";
echo "process count: ", count(wmp_children($h->pid)), "\n";
fclose($fp);
echo "stopped: ", var_export(wm_stop_server($h), true), "\n";
?>
--EXPECT--
started: rel 2, fix 1
fix before: fix pid:FIXPID ver:v1 got:one
rel before: rel pid:N ver:v1
reload command exit: 0
rel processes replaced: true
new rel pids are new: true
new rel pids alive: true
rel children now: true
onWorkerReload in old rel processes: true
onWorkerReload in fix process: true
onMasterReload in master: true
rel sequence: reload,start,reload,start
fix not restarted: true
fix after: fix pid:FIXPID ver:v1 got:two
rel after: rel pid:N ver:v2
SIGUSR1: rel processes replaced: true
SIGUSR1: hooks: rel 4, fix 2, master 2
rel after: rel pid:N ver:v3
fix after: fix pid:FIXPID ver:v1 got:three
process count: 3
stopped: true
