<?php
/*
 * TCP proxy under test (bench/run_proxy): the Workerman manual's pipe() proxy.
 * Every accepted connection gets its own AsyncTcpConnection to the upstream and
 * the two are piped both ways.
 *
 *   BENCH_PORT=P BENCH_UPSTREAM_PORT=E \
 *     php -d extension=<repo>/modules/workerman.so bench/servers/pipe_proxy.php start
 *
 * Env: BENCH_PORT (default 9504), BENCH_UPSTREAM_PORT (the echo server on
 * 127.0.0.1; required), WM_PHP_LIB (dir holding Workerman's Autoloader.php; unset =
 * use the extension), BENCH_TMP (dir for the pid and log files).
 */
use Workerman\Worker;
use Workerman\Connection\AsyncTcpConnection;

$bench_name = 'pipe_proxy';
require __DIR__ . '/prelude.inc';

$port = getenv('BENCH_PORT') ?: 9504;
$up = getenv('BENCH_UPSTREAM_PORT');
if (!$up) {
    fwrite(STDERR, "pipe_proxy.php: set BENCH_UPSTREAM_PORT\n");
    exit(2);
}
$w = new Worker("tcp://127.0.0.1:$port");
$w->count = 1;
$w->onConnect = function ($c) use ($up) {
    $remote = new AsyncTcpConnection("tcp://127.0.0.1:$up");
    $c->pipe($remote);
    $remote->pipe($c);
    $remote->connect();
};
Worker::runAll();
