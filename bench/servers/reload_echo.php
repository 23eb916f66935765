<?php
/*
 * Text-protocol echo server for bench/reload_run (reloads under load).
 *
 *   php -d extension=<repo>/modules/workerman.so bench/servers/reload_echo.php start
 *
 * Env: BENCH_PORT (default 9501), BENCH_COUNT (worker processes, default 2),
 * BENCH_TMP (dir for the pid file, the log file and `counts`; default: the
 * library's defaults, no counts), WM_PHP_LIB (pure-PHP Workerman instead of the
 * extension).
 *
 * With BENCH_TMP set, every worker process appends "<pid> <messages handled>" to
 * $BENCH_TMP/counts when it stops (onWorkerStop, which runs on reload and on
 * stop), so the run can compare what the server processed with what the client
 * got back.
 */
use Workerman\Worker;

$bench_name = 'reload_echo';
require __DIR__ . '/prelude.inc';

$port = getenv('BENCH_PORT') ?: 9501;
$w = new Worker("text://127.0.0.1:$port");
$w->name = 'reload_echo';
$w->count = (int)(getenv('BENCH_COUNT') ?: 2);
$handled = 0;
$w->onMessage = function ($c, $d) use (&$handled) {
    $handled++;
    $c->send($d);
};
$w->onWorkerStop = function () use (&$handled, $tmp) {
    if ($tmp !== false && $tmp !== '') {
        file_put_contents("$tmp/counts", posix_getpid() . " $handled\n", FILE_APPEND | LOCK_EX);
    }
};
Worker::runAll();
