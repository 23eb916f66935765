<?php
/*
 * HTTP "realistic request" server under test (bench/run_http, scenario
 * realistic, driven by bench/http/realistic.lua): the handler reads the 3.x
 * superglobals a typical page reads - $_GET, $_COOKIE and several $_SERVER
 * keys - sets a header through Http::header() and sends a small body built
 * from them (60 bytes for realistic.lua's request).
 *
 * Extension:      php -d extension=<repo>/modules/workerman.so bench/servers/http_realistic.php start
 * Pure-PHP lib:   WM_PHP_LIB=/tmp/wm35 php bench/servers/http_realistic.php start
 *
 * Env: as bench/servers/http_hello.php (BENCH_PORT default 9503).
 */
use Workerman\Worker;

$bench_name = 'http_realistic';
require __DIR__ . '/prelude.inc';

$port = getenv('BENCH_PORT') ?: 9503;
$w = new Worker("http://127.0.0.1:$port");
$w->count = 1;
$w->onMessage = function ($c, $d) {
    \Workerman\Protocols\Http::header('Content-Type: text/plain');
    $q    = $_GET['q'] ?? '';
    $page = (int)($_GET['page'] ?? 1);
    $sess = substr($_COOKIE['PHPSESSID'] ?? '-', 0, 8);
    $lang = substr($_SERVER['HTTP_ACCEPT_LANGUAGE'] ?? '', 0, 2);
    $ua   = strlen($_SERVER['HTTP_USER_AGENT'] ?? '');
    $uri  = strlen($_SERVER['REQUEST_URI']);
    $c->send("q=$q p=$page s=$sess l=$lang ua=$ua ip={$_SERVER['REMOTE_ADDR']} u=$uri");
};
Worker::runAll();
