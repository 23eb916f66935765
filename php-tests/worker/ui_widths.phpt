--TEST--
Worker::getUiColumns() and getSingleLineTotalLength() as 3.5: the column map; before runAll the default widths (74); in a worker process the widths of the Workers runAll started
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

var_dump(Worker::getUiColumns());
var_dump(Worker::getSingleLineTotalLength());
$port = wm_free_port();
$marks = wm_tmpfile('marks');
$name = str_repeat('n', 60);
$h = wm_start_server(function () use ($port, $marks, $name) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->name = $name;
    $w->onWorkerStart = function ($w) use ($marks) {
        wm_append($marks, 'len ' . Worker::getSingleLineTotalLength());
    };
}, ['port' => $port]);
$user = posix_getpwuid(posix_geteuid())['name'];
// proto 'tcp' (min 4), user (min 12), worker name, socket, processes (min 9), status '<g> [OK] </g>' (13), each + UI_SAFE_LENGTH 4
$want = 4 + max(12, strlen($user)) + 60 + max(12, strlen("text://127.0.0.1:$port")) + 9 + 13 + 6 * 4;
$got = (int)substr(wm_wait_lines($marks, 1)[0], 4);
var_dump($got === $want);
wm_stop_server($h);
?>
--EXPECT--
array(6) {
  ["proto"]=>
  string(9) "transport"
  ["user"]=>
  string(4) "user"
  ["worker"]=>
  string(4) "name"
  ["socket"]=>
  string(6) "socket"
  ["processes"]=>
  string(5) "count"
  ["status"]=>
  string(6) "status"
}
int(74)
bool(true)
