--TEST--
Worker::signalHandler() called by the app in a worker process: SIGUSR2 writes this process's status line to the status file; SIGINT stops the process (exit 0) and the master starts another
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

class StatusPath extends Worker
{
    // Where this process's status report goes (3.5: its protected $_statisticsFile).
    public static function statusFile()
    {
        if (WM_MODE === 'compat') {
            return static::$_statisticsFile;
        }
        return sys_get_temp_dir() . '/workerman' . str_replace('/', '_', $_SERVER['SCRIPT_FILENAME']) . '.status';
    }
}

$port = wm_free_port();
$marks = wm_tmpfile('marks');
$h = wm_start_server(function () use ($port, $marks) {
    $w = new Worker("text://127.0.0.1:$port");
    $w->onWorkerStart = function ($w) use ($marks) {
        wm_append($marks, 'pid ' . getmypid());
    };
    $w->onMessage = function ($c, $data) {
        if ($data === 'status') {
            $file = StatusPath::statusFile();
            @unlink($file);
            Worker::signalHandler(SIGUSR2);
            clearstatcache();
            $report = is_file($file) ? file_get_contents($file) : '';
            @unlink($file);
            $c->send('has-pid=' . (strpos($report, (string)getmypid()) !== false ? 'y' : 'n'));
        } elseif ($data === 'quit') {
            Worker::signalHandler(SIGINT);
            $c->send('still here');
        } else {
            Worker::signalHandler(12345); // no signal of 3.5's: nothing
            $c->send("[$data]");
        }
    };
}, ['port' => $port]);

$pid1 = (int)substr(wm_wait_lines($marks, 1)[0], 4);
var_dump(wm_request($port, "status\n", "\n"));
var_dump(wm_request($port, "x\n", "\n"));
$fp = wm_client($port);
wm_send($fp, "quit\n");
var_dump(wm_read_all_until_close($fp, 5.0, $closed), $closed);
fclose($fp);
$lines = wm_wait_lines($marks, 2);
$pid2 = (int)substr($lines[1], 4);
var_dump($pid2 > 0 && $pid2 !== $pid1);
var_dump(wm_request($port, "y\n", "\n"));
wm_stop_server($h);
?>
--EXPECT--
string(10) "has-pid=y
"
string(4) "[x]
"
string(0) ""
bool(true)
bool(true)
string(4) "[y]
"
