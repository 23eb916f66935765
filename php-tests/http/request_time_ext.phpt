--TEST--
Http (extension): $_SERVER['REQUEST_TIME'] is the request's time as an int (after the REMOTE_* keys), also for a repeated identical request seconds later
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 sets no REQUEST_TIME (commented out in Http::decode)'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $keys = array_keys($_SERVER);
        $c->send(json_encode([gettype($_SERVER['REQUEST_TIME']), $_SERVER['REQUEST_TIME'],
            array_search('REQUEST_TIME', $keys) > array_search('REMOTE_PORT', $keys)]));
    };
}, ['port' => $port]);

$fp = wm_client($port);
$req = http_get('/same');
foreach ([0, 1] as $i) {
    $before = time();
    wm_send($fp, $req);
    [$type, $t, $after_remote] = json_decode(http_parts(http_read($fp))['body']);
    var_dump($type, $t >= $before && $t <= time(), $after_remote);
    if ($i === 0) {
        sleep(2); // the same head again later: the cached parse must not keep the old time
        $first = $t;
    } else {
        var_dump($t >= $first + 2);
    }
}
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
string(7) "integer"
bool(true)
bool(true)
string(7) "integer"
bool(true)
bool(true)
bool(true)
