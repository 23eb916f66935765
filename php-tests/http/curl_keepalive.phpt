--TEST--
Http: curl reuses one keep-alive connection for several URLs (same connection id), sends a urlencoded POST and a JSON PUT on it, and gets HTTP/1.1 keep-alive answers
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc';
require __DIR__ . '/http.inc';
if (!http_have_curl()) die('skip curl binary required'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $c->send("conn={$c->id} {$_SERVER['REQUEST_METHOD']} {$_SERVER['REQUEST_URI']} post="
            . json_encode($_POST) . ' request=' . json_encode($_REQUEST) . "\n");
    };
}, ['port' => $port]);

$base = "http://127.0.0.1:$port";
$cmd = 'curl -s --max-time 10 ' . escapeshellarg("$base/a?x=1") . ' ' . escapeshellarg("$base/b")
    . ' --next -s --max-time 10 --data-urlencode ' . escapeshellarg('name=a b&c') . ' ' . escapeshellarg("$base/form")
    . ' --next -s --max-time 10 -X PUT -H ' . escapeshellarg('Content-Type: application/json')
    . ' --data ' . escapeshellarg('{"k":[1,2]}') . ' ' . escapeshellarg("$base/put");
$out = shell_exec($cmd);
$lines = explode("\n", trim($out));
$ids = [];
foreach ($lines as $l) {
    preg_match('/^conn=(\d+) (.*)$/', $l, $m);
    $ids[] = $m[1];
    echo $m[2], "\n";
}
echo count(array_unique($ids)) === 1 ? "one connection\n" : "connections: " . implode(',', $ids) . "\n";
wm_stop_server($h);
?>
--EXPECT--
GET /a?x=1 post=[] request={"x":"1"}
GET /b post=[] request=[]
POST /form post={"name":"a b&c"} request={"name":"a b&c"}
PUT /put post=[] request={"k":[1,2]}
one connection
