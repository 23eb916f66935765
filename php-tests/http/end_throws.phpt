--TEST--
Http::end($msg): echoes $msg and throws \Exception('jump_exit'); code that catches it goes on (plain http worker)
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;
use Workerman\Protocols\Http;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        ob_start();
        try {
            Http::end('the message');
            $res = 'not thrown';
        } catch (\Exception $e) {
            $res = get_class($e) . ':' . $e->getMessage();
        }
        $echoed = ob_get_clean();
        $c->send("$res|$echoed|" . posix_getpid());
    };
}, ['port' => $port]);

$fp = wm_client($port);
wm_send($fp, http_get('/1'));
$a = explode('|', http_parts(http_read($fp))['body']);
wm_send($fp, http_get('/2'));
$b = explode('|', http_parts(http_read($fp))['body']);
echo $a[0], "\n", $a[1], "\n";
var_dump($a[2] === $b[2]);
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
Exception:jump_exit
the message
bool(true)
