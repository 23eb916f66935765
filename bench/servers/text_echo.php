<?php
/*
 * Text-protocol echo server under test.
 *
 * Extension:      php -d extension=<repo>/modules/workerman.so bench/servers/text_echo.php start
 * Pure-PHP lib:   WM_PHP_LIB=/tmp/wm35 php bench/servers/text_echo.php start
 *
 * Env: BENCH_PORT (default 9501), WM_PHP_LIB (dir holding Workerman's
 * Autoloader.php; unset = use the extension), BENCH_TMP (dir for the pid and
 * log files; default: the library's defaults).
 */
error_reporting(E_ALL & ~E_DEPRECATED);

use Workerman\Worker;

$lib = getenv('WM_PHP_LIB');
if ($lib !== false && $lib !== '') {
    require rtrim($lib, '/') . '/Autoloader.php';
}
$tmp = getenv('BENCH_TMP');
if ($tmp !== false && $tmp !== '') {
    Worker::$pidFile = "$tmp/text_echo.pid";
    Worker::$logFile = "$tmp/text_echo.workerman.log";
}

$port = getenv('BENCH_PORT') ?: 9501;
$w = new Worker("text://127.0.0.1:$port");
$w->count = 1;
$w->onMessage = function ($c, $d) { $c->send($d); };
Worker::runAll();
