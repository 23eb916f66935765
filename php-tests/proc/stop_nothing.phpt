--TEST--
commands when nothing runs: `stop`, `reload`, `status`, `connections` say "not run" and exit non-zero; a second `start` says "already running" and leaves the first alone; unknown or missing command prints the usage
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
$w->name = "lonely";
$w->onMessage = function ($c, $d) { $c->send("pid:" . posix_getpid()); };
');

foreach (['stop', 'reload', 'status', 'connections'] as $cmd) {
    $r = wmp_cmd($a, [$cmd], null, 8);
    echo str_pad($cmd, 12), ": not run: ", var_export(strpos($r['out'], 'not run') !== false, true),
        ", exit non-zero: ", var_export(is_int($r['exit']) && $r['exit'] !== 0, true), "\n";
}
// a stale pid file naming a dead process is "not run" too
$dead = pcntl_fork();
if ($dead === 0) {
    posix_kill(getmypid(), SIGKILL);
}
pcntl_waitpid($dead, $st);
file_put_contents($a['pid'], (string)$dead);
$r = wmp_cmd($a, ['stop'], null, 8);
echo "stale pid file: not run: ", var_export(strpos($r['out'], 'not run') !== false && $r['exit'] !== 0, true), "\n";
@unlink($a['pid']);
clearstatcache();
echo "nothing listening: ", var_export(!wm_is_listening($port), true), "\n";

// already running
$h = wmp_start($a, [$port]);
$before = wmp_req($port, 'x');
$r = wmp_cmd($a, ['start'], $h, 8);
echo "second start: already running: ", var_export(strpos($r['out'], 'already running') !== false, true),
    ", exit non-zero: ", var_export(is_int($r['exit']) && $r['exit'] !== 0, true), "\n";
$r = wmp_cmd($a, ['start', '-d'], $h, 8);
echo "second start -d: already running: ", var_export(strpos($r['out'], 'already running') !== false, true), "\n";
echo "first server untouched: ", var_export(!wm_server_exited($h) && trim((string)file_get_contents($a['pid'])) === (string)$h->pid
    && wmp_req($port, 'x') === $before && $before !== '', true), "\n";
echo "one worker process: ", count(wmp_children($h->pid)), "\n";

// usage
$r = wmp_cmd($a, ['bogus'], $h, 8);
echo "unknown command: ", var_export(strpos($r['out'], 'Unknown command: bogus') !== false, true),
    ", usage: ", var_export(strpos($r['out'], 'Usage: php yourfile <command> [mode]') !== false && strpos($r['out'], 'connections') !== false, true), "\n";
$r = wmp_cmd($a, [], $h, 8);
echo "no command: usage: ", var_export(strpos($r['out'], 'Usage: php yourfile <command> [mode]') !== false, true),
    ", no 'Unknown command': ", var_export(strpos($r['out'], 'Unknown command') === false, true), "\n";
echo "server still up: ", var_export(!wm_server_exited($h) && wmp_req($port, 'x') === $before, true), "\n";
echo "stopped: ", var_export(wm_stop_server($h), true), "\n";
?>
--EXPECT--
stop        : not run: true, exit non-zero: true
reload      : not run: true, exit non-zero: true
status      : not run: true, exit non-zero: true
connections : not run: true, exit non-zero: true
stale pid file: not run: true
nothing listening: true
second start: already running: true, exit non-zero: true
second start -d: already running: true
first server untouched: true
one worker process: 1
unknown command: true, usage: true
no command: usage: true, no 'Unknown command': true
server still up: true
stopped: true
