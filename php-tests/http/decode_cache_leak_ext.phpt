--TEST--
Http (extension): a request byte-identical to an earlier one still gets fresh $_FILES, $_SESSION and its own REMOTE_PORT
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 caches decode() of GET requests by their bytes: the cached $_SERVER has the first client\'s REMOTE_PORT and $_FILES/$_SESSION are not reset'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;
use Workerman\Protocols\Http;

$port = wm_free_port();
$dir = wm_tmpfile('sessions');
mkdir($dir);
$h = wm_start_server(function () use ($port, $dir) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onWorkerStart = function () use ($dir) {
        Http::sessionSavePath($dir);
    };
    $w->onMessage = function ($c, $data) {
        if ($_SERVER['REQUEST_METHOD'] === 'POST') {
            Http::sessionStart();
            $_SESSION['secret'] = 'user A';
            $c->send('stored');
            return;
        }
        $c->send(json_encode(['files' => $_FILES, 'data_files' => $data['files'], 'session' => $_SESSION,
            'port_ok' => $_SERVER['REMOTE_PORT'] === $c->getRemotePort()]));
    };
}, ['port' => $port]);

$get = http_get('/same');
echo http_parts(http_request($port, $get))['body'], "\n";
$b = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nfile A\r\n--XyZ--\r\n";
echo http_parts(http_request($port, "POST /up HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
    . "Content-Length: " . strlen($b) . "\r\n\r\n$b"))['body'], "\n";
echo http_parts(http_request($port, $get))['body'], "\n";
wm_stop_server($h);
?>
--EXPECT--
{"files":[],"data_files":[],"session":[],"port_ok":true}
stored
{"files":[],"data_files":[],"session":[],"port_ok":true}
