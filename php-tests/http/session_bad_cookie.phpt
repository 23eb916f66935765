--TEST--
Http::sessionStart(): a session cookie that is not [a-zA-Z0-9]+, or names no existing session file, gets a fresh id (no path traversal, no fixation)
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
// a file the traversal would reach: <dir>/ses_../victim -> <tmp>/victim
file_put_contents(wm_tmpfile('victim'), serialize(['stolen' => 1]));
$h = wm_start_server(function () use ($port, $dir) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onWorkerStart = function () use ($dir) {
        Http::sessionSavePath($dir);
    };
    $w->onMessage = function ($c, $data) {
        Http::sessionStart();
        $c->send(json_encode(['session' => $_SESSION, 'cookie_kept' => isset($_COOKIE['PHPSESSID']), 'id' => Http::sessionId()]));
    };
}, ['port' => $port]);

foreach (['../victim', '..%2Fvictim', 'abc def', 'abc-123', 'deadbeef0123456789abcdef'] as $bad) {
    $r = http_request($port, http_get('/', ['Cookie: PHPSESSID=' . $bad]));
    $b = json_decode(http_parts($r)['body'], true);
    $set = http_header_values($r, 'Set-Cookie');
    // a malformed value is also removed from $_COOKIE
    echo $bad, ': session=', json_encode($b['session']), ctype_alnum($bad) ? '' : ' cookie_kept=' . var_export($b['cookie_kept'], true),
        ' new_cookie=', var_export(count($set) === 1 && $set[0] === "PHPSESSID={$b['id']}; Path=/" && $b['id'] !== $bad, true), "\n";
}
// nothing was written outside the save path, and new sessions with empty data write no file
var_dump(file_get_contents(wm_tmpfile('victim')) === serialize(['stolen' => 1]), scandir($dir));
wm_stop_server($h);
?>
--EXPECT--
../victim: session=[] cookie_kept=false new_cookie=true
..%2Fvictim: session=[] cookie_kept=false new_cookie=true
abc def: session=[] cookie_kept=false new_cookie=true
abc-123: session=[] cookie_kept=false new_cookie=true
deadbeef0123456789abcdef: session=[] new_cookie=true
bool(true)
array(2) {
  [0]=>
  string(1) "."
  [1]=>
  string(2) ".."
}
