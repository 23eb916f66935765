--TEST--
`status`: GLOBAL STATUS with worker/process counts and the exit table; one PROCESS STATUS line per process with its pid, listening address, worker name, connections and total_request
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; wm_skip_unless_ext('tests the native process manager'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';

$pa = wm_free_port();
$pb = wm_free_port();
$a = wmp_app('
$a = new Worker("text://127.0.0.1:' . $pa . '");
$a->name = "alpha";
$a->count = 2;
$a->onMessage = function ($c, $d) { $c->send("alpha:" . posix_getpid()); };
$b = new Worker("text://127.0.0.1:' . $pb . '");
$b->name = "beta";
$b->count = 1;
$b->onMessage = function ($c, $d) { $c->send("beta:" . posix_getpid()); };
');
$h = wmp_start($a, [$pa, $pb]);
wm_wait_until(function () use ($h) { return count(wmp_children($h->pid)) === 3; }, 5);
$children = wmp_children($h->pid);

$s = wmp_cmd($a, ['status'], $h);
$st = wmp_parse_status($s['out']);
echo "exit: ", var_export($s['exit'], true), "\n";
echo "GLOBAL STATUS: ", var_export($st['global'], true), "\n";
echo "PROCESS STATUS: ", var_export(strpos($s['out'], 'PROCESS STATUS') !== false, true), "\n";
echo "header: ", var_export((bool)preg_match('/^pid\s+memory\s+listening\s+worker_name\s+connections\s+total_request\s+send_fail\s+timers\s+throw_exception\s*$/m', $s['out']), true), "\n";
echo "workers: ", var_export($st['workers'], true), "\n";
echo "processes: ", var_export($st['processes'], true), "\n";
echo "exit table: ";
foreach ($st['exits'] as $e) {
    echo implode(' ', $e), '; ';
}
echo "\n";
$pids = array_keys($st['procs']);
sort($pids);
echo "process lines are the master's children: ", var_export($pids === $children && count($pids) === 3, true), "\n";
$lines = [];
foreach ($st['procs'] as $pid => $p) {
    $lines[] = $p['name'] . ' ' . str_replace([(string)$pa, (string)$pb], ['PA', 'PB'], $p['listening'])
        . " conns={$p['connections']} req={$p['total_request']} fail={$p['send_fail']} exc={$p['throw_exception']}";
}
sort($lines);
echo implode("\n", $lines), "\n";
if (count($lines) !== 3) {
    echo $s['out'], "\n";
}

// traffic: an open connection to beta with 3 requests, 2 more one-shot requests; 4 requests to alpha
$fb = wm_client($pb);
$betaPid = 0;
for ($i = 0; $i < 3; $i++) {
    $r = wmp_ask($fb, "b$i");
    $betaPid = (int)substr($r, 5);
}
wmp_req($pb, 'b3');
wmp_req($pb, 'b4');
for ($i = 0; $i < 4; $i++) {
    wmp_req($pa, "a$i");
}
// the one-shot connections' close must have been seen by the server
usleep(200000);
$s2 = wmp_cmd($a, ['status'], $h);
$st2 = wmp_parse_status($s2['out']);
$alphaReq = 0;
$alphaConns = 0;
foreach ($st2['procs'] as $pid => $p) {
    if ($p['name'] === 'alpha') {
        $alphaReq += $p['total_request'];
        $alphaConns += $p['connections'];
    }
}
echo "beta pid in table: ", var_export(isset($st2['procs'][$betaPid]) && $st2['procs'][$betaPid]['name'] === 'beta', true), "\n";
echo "beta total_request: ", $st2['procs'][$betaPid]['total_request'] ?? 'n/a', "\n";
echo "beta connections: ", $st2['procs'][$betaPid]['connections'] ?? 'n/a', "\n";
echo "alpha total_request (sum): $alphaReq\n";
echo "alpha connections (sum): $alphaConns\n";
echo "still 3 processes: ", var_export($st2['processes'] === 3 && count($st2['procs']) === 3, true), "\n";
fclose($fb);

echo "stopped: ", var_export(wm_stop_server($h), true), "\n";
?>
--EXPECT--
exit: 0
GLOBAL STATUS: true
PROCESS STATUS: true
header: true
workers: 2
processes: 3
exit table: alpha 0 0; beta 0 0; 
process lines are the master's children: true
alpha text://127.0.0.1:PA conns=0 req=0 fail=0 exc=0
alpha text://127.0.0.1:PA conns=0 req=0 fail=0 exc=0
beta text://127.0.0.1:PB conns=0 req=0 fail=0 exc=0
beta pid in table: true
beta total_request: 5
beta connections: 1
alpha total_request (sum): 4
alpha connections (sum): 0
still 3 processes: true
stopped: true
