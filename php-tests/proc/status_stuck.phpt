--TEST--
`status` while a worker process is busy (a 3 s loop in onMessage): its pid is listed as "[no answer: busy or stuck]", the other process answers normally
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
$w->name = "stucky";
$w->count = 2;
$w->onMessage = function ($c, $d) {
    $c->send("pid:" . posix_getpid());
    if (trim($d) === "spin") {
        wm_append(' . var_export(wm_tmpfile('spinning'), true) . ', (string)posix_getpid());
        $t = microtime(true);
        while (microtime(true) - $t < 3.0) {
            // busy: signals are only handled when the loop gets back control
        }
    }
};
');
$h = wmp_start($a, [$port]);
wm_wait_until(function () use ($h) { return count(wmp_children($h->pid)) === 2; }, 5);
$kids = wmp_children($h->pid);

$fp = wm_client($port);
wm_send($fp, "spin\n");
$busy = (int)(wm_wait_lines(wm_tmpfile('spinning'), 1)[0] ?? 0);
$other = array_values(array_diff($kids, [$busy]))[0] ?? 0;
$t0 = microtime(true); // the loop began a moment before
$s = wmp_cmd($a, ['status'], $h);
$st = wmp_parse_status($s['out']);
echo "status while busy: exit ", var_export($s['exit'], true), ", processes ", var_export($st['processes'], true), "\n";
echo "busy one listed as no answer: ", var_export($st['silent'] === [$busy] && (bool)preg_match('/^' . $busy . '\s.*\[no answer: busy or stuck\]/m', $s['out']), true), "\n";
echo "other one answered: ", var_export(isset($st['procs'][$other]) && $st['procs'][$other]['name'] === 'stucky' && !isset($st['procs'][$busy]), true), "\n";
if (microtime(true) - $t0 >= 3.0) {
    echo "warning: the status command took longer than the busy loop; the check is meaningless\n";
}
fclose($fp);
// once the loop is over it answers again
usleep((int)(max(0, 3.3 - (microtime(true) - $t0)) * 1e6));
$s = wmp_cmd($a, ['status'], $h);
$st = wmp_parse_status($s['out']);
echo "afterwards: both answer: ", var_export(count($st['procs']) === 2 && $st['silent'] === [], true), "\n";
echo "stopped: ", var_export(wm_stop_server($h), true), "\n";
?>
--EXPECT--
status while busy: exit 0, processes 2
busy one listed as no answer: true
other one answered: true
afterwards: both answer: true
stopped: true
