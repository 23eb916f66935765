--TEST--
Worker::$globalEvent in a worker implements Workerman\Events\EventInterface; the interface constants
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Events\EventInterface;

var_dump(interface_exists('Workerman\\Events\\EventInterface'));
var_dump([EventInterface::EV_READ, EventInterface::EV_WRITE, EventInterface::EV_EXCEPT,
    EventInterface::EV_SIGNAL, EventInterface::EV_TIMER, EventInterface::EV_TIMER_ONCE]);
$methods = array_map(function ($m) { return $m->getName(); }, (new ReflectionClass('Workerman\\Events\\EventInterface'))->getMethods());
sort($methods);
echo implode(',', $methods), "\n";

$out = wm_tmpfile('out');
$h = wm_start_server(function () use ($out) {
    $w = new Worker();
    $w->onWorkerStart = function () use ($out) {
        $e = Worker::$globalEvent;
        wm_append($out, 'instanceof: ' . var_export($e instanceof EventInterface, true));
        wm_append($out, 'same as getEventLoop: ' . var_export(Worker::getEventLoop() === $e, true));
    };
});
echo implode("\n", wm_wait_lines($out, 2)), "\n";
wm_stop_server($h);
?>
--EXPECT--
bool(true)
array(6) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
  [3]=>
  int(4)
  [4]=>
  int(8)
  [5]=>
  int(16)
}
add,clearAllTimer,del,destroy,getTimerCount,loop
instanceof: true
same as getEventLoop: true
