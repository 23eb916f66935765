--TEST--
crashed children: kill -9 → re-forked, counted as exit_status 9; an exception in onMessage → exit 250 counted; an onWorkerStart that always throws is re-forked with back-off (logged), no fork storm
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; wm_skip_unless_ext('tests the native process manager'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';

$port = wm_free_port();
$ev = wm_tmpfile('events');
$a = wmp_app('
$ev = ' . var_export($ev, true) . ';
$k = new Worker("text://127.0.0.1:' . $port . '");
$k->name = "victim";
$k->onWorkerStart = function ($w) use ($ev) { wm_append($ev, "start victim " . posix_getpid()); };
$k->onMessage = function ($c, $d) {
    if (trim($d) === "boom") {
        throw new \RuntimeException("boom in onMessage");
    }
    $c->send("pid:" . posix_getpid());
};
$b = new Worker();
$b->name = "badstart";
$b->onWorkerStart = function ($w) use ($ev) {
    wm_append($ev, "start badstart " . posix_getpid() . " " . microtime(true));
    throw new \RuntimeException("onWorkerStart always fails");
};
');
function victims(): array
{
    $r = [];
    foreach (wm_lines(wm_tmpfile('events')) as $l) {
        if (preg_match('/^start victim (\d+)$/', $l, $m)) {
            $r[] = (int)$m[1];
        }
    }
    return $r;
}
function badstarts(): array
{
    $r = [];
    foreach (wm_lines(wm_tmpfile('events')) as $l) {
        if (preg_match('/^start badstart (\d+) ([\d.]+)$/', $l, $m)) {
            $r[] = (float)$m[2];
        }
    }
    return $r;
}

$h = wmp_start($a, [$port]);
wm_wait_until(function () { return count(victims()) >= 1; }, 5);
$v1 = victims()[0] ?? 0;
echo "served: ", var_export(wmp_req($port, 'x') === "pid:$v1", true), "\n";

// ---- kill -9 ----
posix_kill($v1, SIGKILL);
$ok = wm_wait_until(function () { return count(victims()) >= 2; }, 5);
$v2 = victims()[1] ?? 0;
echo "re-forked after kill -9: ", var_export($ok && $v2 !== $v1 && wmp_alive($v2), true), "\n";
echo "new process serves: ", var_export(wmp_req($port, 'x') === "pid:$v2", true), "\n";
$s = wmp_cmd($a, ['status'], $h);
$st = wmp_parse_status($s['out']);
echo "status victim exit 9 count: ", wmp_exit_count($st, 'victim', 9), "\n";

// ---- exception in onMessage ----
$fp = wm_client($port);
wm_send($fp, "boom\n");
$closed = false;
wm_read_all_until_close($fp, 5, $closed);
fclose($fp);
echo "connection closed by the dying process: ", var_export($closed, true), "\n";
$ok = wm_wait_until(function () { return count(victims()) >= 3; }, 5);
$v3 = victims()[2] ?? 0;
echo "re-forked after the exception: ", var_export($ok && !wmp_alive($v2) && wmp_alive($v3), true), "\n";
echo "new process serves: ", var_export(wmp_req($port, 'x') === "pid:$v3", true), "\n";
$s = wmp_cmd($a, ['status'], $h);
$st = wmp_parse_status($s['out']);
echo "status victim exit 9 count: ", wmp_exit_count($st, 'victim', 9), "\n";
echo "status victim exit 250 count: ", wmp_exit_count($st, 'victim', 250), "\n";
echo "status badstart exit 250 counted: ", var_export(wmp_exit_count($st, 'badstart', 250) >= 1, true), "\n";
echo "exception logged: ", var_export(strpos(wm_server_logfile($h) . wm_server_stdout($h), 'boom in onMessage') !== false, true), "\n";

// ---- onWorkerStart always throws: back-off ----
$first = badstarts()[0] ?? microtime(true);
wm_wait_until(function () use ($h) {
    return strpos(wm_server_logfile($h) . wm_server_stdout($h), 'times right after start; restarting it in') !== false;
}, max(0.5, $first + 7 - microtime(true)));
$log = wm_server_logfile($h) . wm_server_stdout($h);
echo "back-off logged: ", var_export((bool)preg_match('/worker\[badstart\] process 0 exited \d+ times right after start; restarting it in [\d.]+ s/', $log), true), "\n";
wm_wait_until(function () use ($first) { return microtime(true) >= $first + 5; }, 6);
$n = count(array_filter(badstarts(), function ($t) use ($first) { return $t < $first + 5; }));
echo "badstart forks within 5 s: ", ($n >= 2 && $n <= 5 ? 'between 2 and 5' : $n), "\n";
echo "victim untouched meanwhile: ", var_export(victims() === [$v1, $v2, $v3] && wmp_alive($v3), true), "\n";
echo "stopped: ", var_export(wm_stop_server($h), true), "\n";
?>
--EXPECT--
served: true
re-forked after kill -9: true
new process serves: true
status victim exit 9 count: 1
connection closed by the dying process: true
re-forked after the exception: true
new process serves: true
status victim exit 9 count: 1
status victim exit 250 count: 1
status badstart exit 250 counted: true
exception logged: true
back-off logged: true
badstart forks within 5 s: between 2 and 5
victim untouched meanwhile: true
stopped: true
