<?php
/*
 * HTTP hello world under test (bench/run_http): every request gets
 * "hello world" through Workerman's Http protocol.
 *
 * Extension:      php -d extension=<repo>/modules/workerman.so bench/servers/http_hello.php start
 * Pure-PHP lib:   WM_PHP_LIB=/tmp/wm35 php bench/servers/http_hello.php start
 *
 * Env: BENCH_PORT (default 9502), WM_PHP_LIB (dir holding Workerman's
 * Autoloader.php; unset = use the extension), BENCH_TMP (dir for the pid and
 * log files; default: the library's defaults).
 */
use Workerman\Worker;

$bench_name = 'http_hello';
require __DIR__ . '/prelude.inc';

$port = getenv('BENCH_PORT') ?: 9502;
$w = new Worker("http://127.0.0.1:$port");
$w->count = 1;
$w->onMessage = function ($c, $d) { $c->send('hello world'); };
Worker::runAll();
