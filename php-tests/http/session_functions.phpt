--TEST--
Http::sessionName/sessionSavePath/sessionId/sessionWriteClose/sessionRegenerateId
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
        $GLOBALS['init'] = [
            'name' => Http::sessionName(),              // the php.ini session.name
            'set_name_returns' => Http::sessionName('MYSESS'),   // returns the old name
            'name_after' => Http::sessionName(),
            'path_bad' => Http::sessionSavePath($dir . '/missing') === $dir . '/missing', // not a dir: ignored
            'path' => Http::sessionSavePath($dir) === $dir,
        ];
    };
    $w->onMessage = function ($c, $data) use ($dir) {
        $r = [];
        if ($_SERVER['REQUEST_URI'] === '/init') {
            $r = $GLOBALS['init'];
        } elseif ($_SERVER['REQUEST_URI'] === '/new') {
            $r['id_before'] = Http::sessionId();
            $r['started_before'] = Http::sessionStarted();
            Http::sessionStart();
            $r['started'] = Http::sessionStarted();
            $r['id'] = Http::sessionId();
            $r['again'] = Http::sessionStart();             // already started: true
            $_SESSION['user'] = 'u1';
            $r['write'] = Http::sessionWriteClose();        // saved before the response is sent
            $r['file'] = file_get_contents("$dir/ses_" . $r['id']);
        } elseif ($_SERVER['REQUEST_URI'] === '/regen') {
            Http::sessionStart();
            $r['old'] = Http::sessionId();
            $r['regen'] = Http::sessionRegenerateId(true);  // deletes the old file, new Set-Cookie
            $r['new'] = Http::sessionId();
            $r['data'] = $_SESSION;
        } elseif ($_SERVER['REQUEST_URI'] === '/empty') {
            // sessionWriteClose() with an empty $_SESSION writes nothing and returns true
            $r['write'] = Http::sessionWriteClose();
        }
        $c->send(json_encode($r));
    };
}, ['port' => $port]);

$b = json_decode(http_parts(http_request($port, http_get('/init')))['body'], true);
var_dump($b['name'] === ini_get('session.name'), $b['set_name_returns'] === ini_get('session.name'), $b['name_after'], $b['path_bad'], $b['path']);

$r = http_request($port, http_get('/new'));
$b = json_decode(http_parts($r)['body'], true);
$id = $b['id'];
var_dump($b['id_before'], $b['started_before'], $b['started'], $b['again'], $b['write'], $b['file']);
var_dump(http_header_values($r, 'Set-Cookie') === ["MYSESS=$id; Path=/"]);

$r = http_request($port, http_get('/regen', ["Cookie: MYSESS=$id"]));
$b = json_decode(http_parts($r)['body'], true);
var_dump($b['old'] === $id, $b['regen'], $b['new'] !== $id, (bool)preg_match('/^[a-zA-Z0-9]{20,}$/', $b['new']), $b['data']);
var_dump(http_header_values($r, 'Set-Cookie') === ["MYSESS={$b['new']}; Path=/"]);
clearstatcache();
var_dump(is_file("$dir/ses_$id"), file_get_contents("$dir/ses_{$b['new']}"));

echo http_parts(http_request($port, http_get('/empty')))['body'], "\n";
wm_stop_server($h);
?>
--EXPECT--
bool(true)
bool(true)
string(6) "MYSESS"
bool(false)
bool(true)
string(0) ""
bool(false)
bool(true)
bool(true)
bool(true)
string(26) "a:1:{s:4:"user";s:2:"u1";}"
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
array(1) {
  ["user"]=>
  string(2) "u1"
}
bool(true)
bool(false)
string(26) "a:1:{s:4:"user";s:2:"u1";}"
{"write":true}
