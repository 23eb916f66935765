--TEST--
Timer::add(..., $args, false): runs once; the $args array is passed as the callback's arguments
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

class TimerTarget
{
    public static function hit($out, $tag)
    {
        wm_append($out, "static method $tag");
    }
    public function inst($out)
    {
        wm_append($out, "instance method");
    }
}
function timer_fn($out, $a, $b)
{
    wm_append($out, "function $a " . json_encode($b));
}

$out = wm_tmpfile('out');
$h = wm_start_server(function () use ($out) {
    $w = new Worker();
    $w->onWorkerStart = function () use ($out) {
        Timer::add(0.05, function ($a, $b) use ($out) {
            wm_append($out, "once " . json_encode([$a, $b]));
        }, ['x', 42], false);
        Timer::add(0.1, 'timer_fn', [$out, 'str', [1, 2]], false);
        Timer::add(0.15, ['TimerTarget', 'hit'], [$out, 'T'], false);
        Timer::add(0.2, 'TimerTarget::hit', [$out, 'S'], false);
        Timer::add(0.25, [new TimerTarget(), 'inst'], [$out], false);
        Timer::add(0.3, function () use ($out) {
            wm_append($out, 'no args: ' . func_num_args());
        }, [], false);
        Timer::add(0.35, function () use ($out) {
            wm_append($out, 'null args: ' . func_num_args());
        }, null, false);
    };
});

wm_wait_lines($out, 7);
usleep(400000);     // the one-shot timers must not fire again
echo implode("\n", wm_lines($out)), "\n";
wm_stop_server($h);
?>
--EXPECT--
once ["x",42]
function str [1,2]
static method T
static method S
instance method
no args: 0
null args: 0
