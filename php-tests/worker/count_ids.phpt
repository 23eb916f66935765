--TEST--
Worker count=2: two processes with $worker->id 0 and 1
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

$port = wm_free_port();
$ids = wm_tmpfile('ids');
$h = wm_start_server(function () use ($port, $ids) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->count = 2;
    $w->onWorkerStart = function ($worker) use ($ids) {
        wm_append($ids, $worker->id . ' ' . posix_getpid() . ' ' . posix_getppid());
    };
    $w->onMessage = function ($c, $data) {
        $c->send($c->worker->id . ' ' . posix_getpid());
    };
}, ['port' => $port]);

$lines = wm_wait_lines($ids, 2);
sort($lines);
$parsed = array_map(function ($l) { return explode(' ', $l); }, $lines);
var_dump(count($parsed));
var_dump($parsed[0][0], $parsed[1][0]);
var_dump($parsed[0][1] !== $parsed[1][1]);              // two different processes
var_dump((int)$parsed[0][2] === $h->pid, (int)$parsed[1][2] === $h->pid); // both children of the master

// every reply comes from one of those two processes, with the matching id
$pids = [$parsed[0][1] => $parsed[0][0], $parsed[1][1] => $parsed[1][0]];
$ok = true;
for ($i = 0; $i < 6; $i++) {
    list($id, $pid) = explode(' ', trim(wm_request($port, "q\n", "\n")));
    $ok = $ok && isset($pids[$pid]) && $pids[$pid] === $id;
}
var_dump($ok);
wm_stop_server($h);
?>
--EXPECT--
int(2)
string(1) "0"
string(1) "1"
bool(true)
bool(true)
bool(true)
bool(true)
