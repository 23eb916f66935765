--TEST--
Http::sessionStart(): a new session sends "Set-Cookie: PHPSESSID=<id>; Path=/", $_SESSION is saved to <savePath>/ses_<id> on send; the cookie brings it back
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
$dir = wm_tmpfile('sessions');
mkdir($dir);
$h = wm_start_server(function () use ($port, $dir) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onWorkerStart = function () use ($dir) {
        Http::sessionSavePath($dir);
    };
    $w->onMessage = function ($c, $data) {
        $before = json_encode($_SESSION);
        $ok = Http::sessionStart();
        $_SESSION['n'] = ($_SESSION['n'] ?? 0) + 1;
        $c->send("start=" . var_export($ok, true) . " before=$before n={$_SESSION['n']}");
    };
}, ['port' => $port]);

// 1st request: no cookie -> new session id in a Set-Cookie header
$r1 = http_request($port, http_get('/'));
$cookies = http_header_values($r1, 'Set-Cookie');
var_dump(count($cookies));
var_dump((bool)preg_match('/^PHPSESSID=([a-zA-Z0-9]{20,}); Path=\/$/', $cookies[0], $m));
$sid = $m[1];
echo http_parts($r1)['body'], "\n";
// the session file: serialize($_SESSION), written when the response was encoded
var_dump(scandir($dir) === ['.', '..', "ses_$sid"], file_get_contents("$dir/ses_$sid"));

// 2nd and 3rd request with the cookie: same session, no new Set-Cookie
foreach ([2, 3] as $i) {
    $r = http_request($port, http_get("/$i", ["Cookie: PHPSESSID=$sid"]));
    var_dump(http_header_values($r, 'Set-Cookie'));
    echo http_parts($r)['body'], "\n";
}
var_dump(file_get_contents("$dir/ses_$sid"));
wm_stop_server($h);
?>
--EXPECT--
int(1)
bool(true)
start=true before=[] n=1
bool(true)
string(18) "a:1:{s:1:"n";i:1;}"
array(0) {
}
start=true before=[] n=2
array(0) {
}
start=true before=[] n=3
string(18) "a:1:{s:1:"n";i:3;}"
