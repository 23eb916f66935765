<?php
/*
 * The manual's WebServer (WebServer chapter): serve the small site in www/ (PHP pages, a form,
 * a file upload, a JSON endpoint for the page's JavaScript, static CSS/JS/PNG).
 *
 *   php -d extension=/path/to/workerman.so examples/webserver/start.php start
 *   then open http://127.0.0.1:8080/?name=you          (WM_DEMO_PORT=8081 ... to change the port)
 *
 * Without the extension it runs on pure-PHP Workerman 3.x:
 *   WM_PHP_LIB=/path/to/workerman-3.5 php examples/webserver/start.php start
 */
use Workerman\Worker;
use Workerman\WebServer;

if (!class_exists(WebServer::class)) {
    // No native WebServer: load a pure-PHP Workerman 3.x (the dir holding Autoloader.php,
    // or a composer install next to this file).
    $lib = getenv('WM_PHP_LIB');
    if ($lib && is_file("$lib/Autoloader.php")) {
        require_once "$lib/Autoloader.php";
    } elseif (is_file(__DIR__ . '/vendor/autoload.php')) {
        require_once __DIR__ . '/vendor/autoload.php';
    } else {
        fwrite(STDERR, "Workerman\\WebServer not found: load the workerman extension (with WebServer), or set WM_PHP_LIB to a pure-PHP Workerman 3.x\n");
        exit(1);
    }
    // Workerman 3.5 predates PHP 8.2 and sets error_reporting(E_ALL) when Worker.php loads.
    class_exists(Worker::class);
    error_reporting(E_ALL & ~E_DEPRECATED);
}

$port = getenv('WM_DEMO_PORT') ?: 8080;
$web = new WebServer("http://0.0.0.0:$port");
// Like nginx's root: the site for a host name (any other Host gets the first root added).
$web->addRoot('localhost', __DIR__ . '/www');
$web->count = 4;

// The manual's convention: a root start file that requires several defines GLOBAL_START.
if (!defined('GLOBAL_START')) {
    Worker::runAll();
}
