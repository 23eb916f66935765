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
use Workerman\Worker;

$bench_name = 'text_echo';
require __DIR__ . '/prelude.inc';

$port = getenv('BENCH_PORT') ?: 9501;
$w = new Worker("text://127.0.0.1:$port");
$w->count = 1;
$w->onMessage = function ($c, $d) { $c->send($d); };
Worker::runAll();
