--TEST--
new TcpConnection($stream) wrapping a popen()/proc_open() pipe inside a worker: onMessage gets the child's output, onClose at EOF
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Connection\TcpConnection;

$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($ev) {
    $w = new Worker();
    $w->onWorkerStart = function ($w) use ($ev) {
        $p = popen('echo hello-from-popen', 'r');
        $c = new TcpConnection($p);
        $c->onMessage = function ($c, $data) use ($ev) {
            wm_append($ev, 'popen message ' . json_encode($data) . ' worker=' . var_export($c->worker, true));
        };
        $c->onClose = function ($c) use ($ev) {
            wm_append($ev, 'popen close');
        };

        $proc = proc_open(['sh', '-c', 'printf "line1\nline2\n"'], [1 => ['pipe', 'w']], $pipes);
        $c2 = new TcpConnection($pipes[1]);
        $c2->protocol = '\Workerman\Protocols\Text';
        $c2->onMessage = function ($c, $data) use ($ev) {
            wm_append($ev, 'proc message ' . json_encode($data));
        };
        $c2->onClose = function ($c) use ($ev, $proc) {
            wm_append($ev, 'proc close');
        };
    };
});

$lines = wm_wait_lines($ev, 6);
$popen = array_values(array_filter($lines, function ($l) { return strpos($l, 'popen') === 0; }));
$proc = array_values(array_filter($lines, function ($l) { return strpos($l, 'proc ') === 0; }));
echo implode("\n", $popen), "\n", implode("\n", $proc), "\n";
wm_stop_server($h);
?>
--EXPECT--
popen message "hello-from-popen\n" worker=NULL
popen close
proc message "line1"
proc message "line2"
proc close
