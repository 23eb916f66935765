--TEST--
`stop -g`: no new connections, the open one keeps working until the client closes it, then everything exits; `reload -g`: the process is replaced only after its connection closed
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';

function app(string $name, int $port, string $ev): array
{
    return wmp_app('
$ev = ' . var_export($ev, true) . ';
$w = new Worker("text://127.0.0.1:' . $port . '");
$w->name = "' . $name . '";
$w->onWorkerStart = function ($w) use ($ev) { wm_append($ev, "start " . posix_getpid()); };
$w->onWorkerStop = function ($w) use ($ev) { wm_append($ev, "stop " . posix_getpid()); };
$w->onMessage = function ($c, $d) { $c->send("pid:" . posix_getpid() . " got:" . trim($d)); };
', $name);
}
function starts(string $ev): array
{
    $r = [];
    foreach (wm_lines($ev) as $l) {
        if (strpos($l, 'start ') === 0) {
            $r[] = (int)substr($l, 6);
        }
    }
    return $r;
}

// ---------------- stop -g ----------------
$port = wm_free_port();
$ev = wm_tmpfile('ev1');
$a = app('graceful', $port, $ev);
$h = wmp_start($a, [$port]);
wm_wait_lines($ev, 1);
$pid = starts($ev)[0] ?? 0;
$fp = wm_client($port);
echo "before: ", str_replace((string)$pid, 'P', wmp_ask($fp, 'a')), "\n";

$bg = wmp_cmd_bg($a, ['stop', '-g'], 'stop.out');
echo "stops listening: ", var_export(wm_wait_until(function () use ($port) { return !wm_is_listening($port); }, 5), true), "\n";
$new = @stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 1);
echo "new connection refused: ", var_export($new === false, true), "\n";
echo "open connection works: ", str_replace((string)$pid, 'P', wmp_ask($fp, 'b')), "\n";
usleep(800000);
echo "still working after a while: ", str_replace((string)$pid, 'P', wmp_ask($fp, 'c')), "\n";
echo "worker alive: ", var_export(wmp_alive($pid), true), "\n";
echo "master alive: ", var_export(!wm_server_exited($h), true), "\n";
echo "onWorkerStop ran: ", var_export(in_array("stop $pid", wm_lines($ev), true), true), "\n";
fclose($fp);
echo "master exits once the client closed: ", var_export(wm_wait_server_exit($h, 5), true), "\n";
echo "master exit ok: ", var_export(wm_master_exit_ok($h), true), "\n";
echo "group empty: ", var_export(wm_wait_until(function () use ($h) { return !wm_group_alive($h); }, 3), true), "\n";
$r = wmp_cmd_bg_wait($bg, 10, $h);
echo "stop -g exit: ", var_export($r['exit'], true), ", stop success: ", var_export(strpos($r['out'], 'stop success') !== false, true), "\n";
clearstatcache();
echo "pid file removed: ", var_export(!file_exists($a['pid']), true), "\n";

// ---------------- reload -g ----------------
$port = wm_free_port();
$ev = wm_tmpfile('ev2');
$a = app('greload', $port, $ev);
$h = wmp_start($a, [$port]);
wm_wait_lines($ev, 1);
$old = starts($ev)[0] ?? 0;
$fp = wm_client($port);
echo "before: ", str_replace((string)$old, 'OLD', wmp_ask($fp, 'a')), "\n";
$r = wmp_cmd($a, ['reload', '-g'], $h);
echo "reload -g exit: ", var_export($r['exit'], true), "\n";
usleep(1500000);
echo "old process still there: ", var_export(wmp_alive($old) && starts($ev) === [$old], true), "\n";
echo "open connection works: ", str_replace((string)$old, 'OLD', wmp_ask($fp, 'b')), "\n";
fclose($fp);
$ok = wm_wait_until(function () use ($ev, $old) { return count(starts($ev)) >= 2 && !wmp_alive($old); }, 5);
echo "replaced after the close: ", var_export($ok, true), "\n";
$newPid = starts($ev)[1] ?? -1;
echo "new process serves: ", str_replace((string)$newPid, 'NEW', wmp_req($port, 'c')), "\n";
echo "one process: ", var_export(wmp_children($h->pid) === [$newPid], true), "\n";
echo "stopped: ", var_export(wm_stop_server($h), true), "\n";
?>
--EXPECT--
before: pid:P got:a
stops listening: true
new connection refused: true
open connection works: pid:P got:b
still working after a while: pid:P got:c
worker alive: true
master alive: true
onWorkerStop ran: true
master exits once the client closed: true
master exit ok: true
group empty: true
stop -g exit: 0, stop success: true
pid file removed: true
before: pid:OLD got:a
reload -g exit: 0
old process still there: true
open connection works: pid:OLD got:b
replaced after the close: true
new process serves: pid:NEW got:c
one process: true
stopped: true
