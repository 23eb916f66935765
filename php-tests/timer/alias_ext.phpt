--TEST--
Workerman\Timer is an alias of Workerman\Lib\Timer (extension only)
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc';
wm_skip_unless_ext('Workerman 3.5 has no Workerman\Timer class (only Workerman\Lib\Timer)'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

var_dump(class_exists('Workerman\\Timer'), class_exists('Workerman\\Lib\\Timer'));
var_dump(strtolower((new ReflectionClass('Workerman\\Timer'))->getName()) === strtolower((new ReflectionClass('Workerman\\Lib\\Timer'))->getName()));

$out = wm_tmpfile('out');
$h = wm_start_server(function () use ($out) {
    $w = new Worker();
    $w->onWorkerStart = function () use ($out) {
        \Workerman\Timer::add(0.05, function ($x) use ($out) {
            wm_append($out, "alias fired $x");
        }, ['A'], false);
        // the same timer store: an id from one name can be deleted with the other
        $id = \Workerman\Lib\Timer::add(0.1, function () use ($out) {
            wm_append($out, 'should not fire');
        });
        wm_append($out, 'del ' . var_export(\Workerman\Timer::del($id), true));
        \Workerman\Timer::add(0.3, function () use ($out) {
            wm_append($out, 'end');
        }, [], false);
    };
});

echo implode("\n", wm_wait_lines($out, 3)), "\n";
wm_stop_server($h);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
del true
alias fired A
end
