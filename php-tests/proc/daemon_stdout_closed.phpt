--TEST--
`start -d | head -1`: the daemon comes up even when the reader of the launcher's stdout has gone away (as in Workerman 3.5, whose banner write just fails)
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
$w->name = "headworker";
$w->onMessage = function ($c, $d) { $c->send("pong"); };
');

// like `php app.php start -d | head -1`: read the first line, then close the pipe
$cmd = array_merge(wm_php_argv(), [$a['script'], 'start', '-d']);
$proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
$first = wm_read_until($pipes[1], "\n", 5);
fclose($pipes[1]);
echo "first line: ", trim(preg_replace('/\[.*\]/', '[app]', $first)), "\n";
$exit = null;
wm_wait_until(function () use ($proc, &$exit) {
    $st = proc_get_status($proc);
    if (!$st['running']) {
        $exit = $st['exitcode'];
        return true;
    }
    return false;
}, 5);
proc_close($proc);
echo "launcher exit: ", var_export($exit, true), "\n";

$up = wm_wait_until(function () use ($a, $port) {
    clearstatcache();
    return is_file($a['pid']) && wm_is_listening($port);
}, 5);
$master = (int)@file_get_contents($a['pid']);
if ($master > 0 && ($st = wmp_stat($master))) {
    // safety net: stop it (and its group) at shutdown even if the test dies half-way
    $h = new WmServer();
    $h->ownerPid = getmypid();
    $h->pid = $master;
    $h->pgid = $st['pgrp'];
    $h->log = $a['stdout'];
    $h->logFile = $a['log'];
    $h->reaped = true;
    $GLOBALS['__wm_servers'][] = $h;
    wm_watchdog($h);
}
echo "daemon up: ", var_export($up && $master > 0 && wmp_alive($master), true), "\n";
if (!$up) {
    echo (string)@file_get_contents($a['log']), (string)@file_get_contents($a['stdout']), "\n";
}
echo "serves: ", var_export(wmp_req($port, 'ping') === 'pong', true), "\n";
$t = wmp_cmd($a, ['stop']);
echo "stop: ", var_export($t['exit'] === 0 && strpos($t['out'], 'stop success') !== false, true), "\n";
echo "gone: ", var_export(wm_wait_until(function () use ($master) { return $master <= 0 || !wmp_alive($master); }, 3), true), "\n";
?>
--EXPECT--
first line: Workerman[app] start in DAEMON mode
launcher exit: 0
daemon up: true
serves: true
stop: true
gone: true
