--TEST--
Http::end() (extension): the 'jump_exit' exception escaping onMessage of a plain http worker ends the callback quietly; the worker process survives
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('in 3.5 the uncaught jump_exit exception is logged and the worker exits with status 250'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;
use Workerman\Protocols\Http;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        if ($_SERVER['REQUEST_URI'] === '/end') {
            $c->send('partial');
            Http::end('');
        }
        $c->send('pid=' . posix_getpid());
    };
}, ['port' => $port]);

$pid1 = http_parts(http_request($port, http_get('/pid')))['body'];
$fp = wm_client($port);
wm_send($fp, http_get('/end') . http_get('/pid'));
// what was sent before end() arrives; the connection keeps working
echo http_parts(http_read($fp))['body'], "\n";
var_dump(http_parts(http_read($fp))['body'] === $pid1);
fclose($fp);
var_dump(http_parts(http_request($port, http_get('/pid')))['body'] === $pid1);
$log = wm_server_log($h);
var_dump(strpos($log, 'jump_exit') === false, strpos($log, 'exit with status') === false);
wm_stop_server($h);
?>
--EXPECT--
partial
bool(true)
bool(true)
bool(true)
bool(true)
