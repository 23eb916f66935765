--TEST--
WebServer subclass overriding run(): the onWorkerStart it sets before parent::run() runs (after WebServer's own start-up) and pages are served
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/../http/skipif_http.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../http/http.inc';
use Workerman\WebServer;

class RunWeb extends WebServer
{
    public $marks;

    public function run()
    {
        $marks = $this->marks;
        $this->onWorkerStart = function ($worker) use ($marks) {
            wm_append($marks, 'start ' . get_class($worker));
        };
        wm_append($marks, 'run ' . get_class($this));
        parent::run();
    }
}

$port = wm_free_port();
$marks = wm_tmpfile('marks');
$h = wm_start_server(function () use ($port, $marks) {
    $w = new RunWeb("http://127.0.0.1:$port");
    $w->addRoot('www.example.com', http_www());
    $w->marks = $marks;
}, ['port' => $port]);

echo implode("\n", wm_wait_lines($marks, 2)), "\n";
$fp = wm_client($port);
wm_send($fp, http_get('/get.php?a=1', ['Connection: keep-alive']));
echo http_parts(http_read($fp))['status'], "\n";
wm_send($fp, http_get('/missing.txt', ['Connection: keep-alive']));
echo http_parts(http_read($fp))['status'], "\n";
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
run RunWeb
start RunWeb
HTTP/1.1 200 OK
HTTP/1.1 404 Not Found
