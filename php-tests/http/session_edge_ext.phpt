--TEST--
Http sessions (extension): logout persists, corrupt file, array cookie, GC, regenerate before start, Closure in $_SESSION, already started
--EXTENSIONS--
pcntl
posix
--INI--
session.gc_probability=1
session.gc_divisor=1
session.gc_maxlifetime=100
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 keeps an emptied session file, sets $_SESSION = false for a corrupt file and dies on an array cookie'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;
use Workerman\Protocols\Http;

$port = wm_free_port();
$dir = wm_tmpfile('sessions');
mkdir($dir);
file_put_contents("$dir/ses_corrupt", "a:1:{garbage");
file_put_contents("$dir/ses_old1", "a:0:{}"); touch("$dir/ses_old1", time() - 5000);
file_put_contents("$dir/ses_new1", "a:0:{}");
file_put_contents("$dir/other_old", "x"); touch("$dir/other_old", time() - 5000);
$h = wm_start_server(function () use ($port, $dir) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onWorkerStart = function () use ($dir) {
        Http::sessionSavePath($dir);
    };
    $w->onMessage = function ($c, $data) use ($dir) {
        $u = $_SERVER['REQUEST_URI'];
        $r = [];
        if ($u === '/login') {
            Http::sessionStart();
            $_SESSION['user'] = 'bob';
        } elseif ($u === '/logout') {
            Http::sessionStart();
            $r['had'] = $_SESSION;
            $_SESSION = [];
        } elseif ($u === '/whoami') {
            Http::sessionStart();
            $r['s'] = $_SESSION;
            $r['id'] = Http::sessionId();
        } elseif ($u === '/gc') {
            Http::tryGcSessions();
            $r['files'] = array_values(array_diff(scandir($dir), ['.', '..']));
        } elseif ($u === '/createid') {
            $r['ok'] = (bool)preg_match('/^[0-9a-f]{32}$/', Http::sessionCreateId());
        } elseif ($u === '/regen-first') {
            Http::sessionRegenerateId();
            $r['id_before_start'] = Http::sessionId();
            Http::sessionStart();
            $r['id'] = Http::sessionId();
            $_SESSION['x'] = 1;
        } elseif ($u === '/closure') {
            Http::sessionStart();
            $_SESSION['f'] = function () {};
            try { Http::sessionWriteClose(); } catch (\Throwable $e) { $r['ex'] = get_class($e); }
            $_SESSION = ['ok' => 1];
        } elseif ($u === '/twice') {
            $r['a'] = Http::sessionStart();
            $r['b'] = Http::sessionStart();
        }
        $r['cookie'] = $_COOKIE;
        $c->send(json_encode($r));
    };
}, ['port' => $port]);

function req($port, $uri, $cookie = null) {
    $r = http_request($port, http_get($uri, $cookie !== null ? ["Cookie: $cookie"] : []));
    return [json_decode(http_parts($r)['body'], true), http_header_values($r, 'Set-Cookie')];
}
[$b, $set] = req($port, '/login');
preg_match('/PHPSESSID=(\w+)/', $set[0], $m); $sid = $m[1];
var_dump(file_get_contents("$dir/ses_$sid"));
// logout: the emptied session reaches the disk (its file is removed)
[$b] = req($port, '/logout', "PHPSESSID=$sid");
echo json_encode($b['had']), "\n";
clearstatcache();
var_dump(file_exists("$dir/ses_$sid"));
[$b, $set] = req($port, '/whoami', "PHPSESSID=$sid");
var_dump($b['s'], $b['id'] !== $sid, count($set));
// a corrupt file reads as an empty session
[$b, $set] = req($port, '/whoami', "PHPSESSID=corrupt");
var_dump($b['s'], $b['id'], count($set));
// an array cookie is not an id: removed from $_COOKIE, fresh id
[$b, $set] = req($port, '/whoami', "PHPSESSID[]=x");
var_dump($b['cookie'], count($set));
[$b] = req($port, '/createid');
var_dump($b['ok']);
[$b, $set] = req($port, '/regen-first');
var_dump($b['id_before_start'], count($set));
var_dump(file_get_contents("$dir/ses_{$b['id']}"));
[$b] = req($port, '/closure');
var_dump($b['ex']);
[$b] = req($port, '/twice');
var_dump($b['a'], $b['b']);
// GC (probability 1/1 here): old ses_* files go, other names and fresh files stay
[$b] = req($port, '/gc');
echo json_encode($b['files']), "\n";
wm_stop_server($h);
var_dump(substr_count(wm_server_stdout($h), "already sessionStarted\n"));
?>
--EXPECTF--
string(27) "a:1:{s:4:"user";s:3:"bob";}"
{"user":"bob"}
bool(false)
array(0) {
}
bool(true)
int(1)
array(0) {
}
string(7) "corrupt"
int(0)
array(0) {
}
int(1)
bool(true)
string(0) ""
int(2)
string(18) "a:1:{s:1:"x";i:1;}"
string(9) "Exception"
bool(true)
bool(true)
["other_old","ses_%s","ses_%s","ses_new1"]
int(1)
