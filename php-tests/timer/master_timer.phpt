--TEST--
Timer::add in the master before runAll() runs in the master process (3.5: SIGALRM based, 1 s granularity)
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Lib\Timer;

$out = wm_tmpfile('out');
$port = wm_free_port();
$h = wm_start_server(function () use ($out, $port) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onMessage = function ($c, $d) {
        $c->send('ok');
    };
    $id = Timer::add(1, function ($tag) use ($out) {
        wm_append($out, "$tag " . posix_getpid());
    }, ['master-tick']);
    wm_append($out, 'add returned ' . (is_int($id) && $id > 0 ? 'int' : var_export($id, true)));
}, ['port' => $port]);

$lines = wm_wait_lines($out, 3, 6);
echo $lines[0], "\n";
for ($i = 1; $i < 3; $i++) {
    echo str_replace((string)$h->pid, 'MASTER', $lines[$i] ?? 'missing'), "\n";
}
var_dump(wm_request($port, "x\n", "\n"));   // workers are unaffected
wm_stop_server($h);
?>
--EXPECT--
add returned int
master-tick MASTER
master-tick MASTER
string(3) "ok
"
