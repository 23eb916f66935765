<?php
/*
 * HTTPS hello world under test (bench/run_tls): an http:// Worker with the ssl
 * transport, every request gets "hello world" through Workerman's Http protocol.
 *
 *   BENCH_CERT=cert.pem BENCH_KEY=key.pem \
 *     php -d extension=<repo>/modules/workerman.so bench/servers/https_hello.php start
 *
 * Env: BENCH_PORT (default 9503), BENCH_CERT / BENCH_KEY (PEM certificate and
 * unencrypted private key; required), WM_PHP_LIB (dir holding Workerman's
 * Autoloader.php; unset = use the extension), BENCH_TMP (dir for the pid and log
 * files; default: the library's defaults).
 */
use Workerman\Worker;

$bench_name = 'https_hello';
require __DIR__ . '/prelude.inc';

$port = getenv('BENCH_PORT') ?: 9503;
$cert = getenv('BENCH_CERT');
$key = getenv('BENCH_KEY');
if (!$cert || !$key) {
    fwrite(STDERR, "https_hello.php: set BENCH_CERT and BENCH_KEY\n");
    exit(2);
}
$w = new Worker("http://127.0.0.1:$port", [
    'ssl' => [
        'local_cert' => $cert,
        'local_pk' => $key,
        'verify_peer' => false,
    ],
]);
$w->transport = 'ssl';
$w->count = 1;
$w->onMessage = function ($c, $d) { $c->send('hello world'); };
Worker::runAll();
