--TEST--
WebServer: the demo site (examples/webserver) in headless Chromium: page from $_GET/$_SERVER/session, style.css, app.js fetching /api.php (JSON, cookies), logo.png, both forms posted by the browser
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php
require __DIR__ . '/../inc/skipif.inc';
require __DIR__ . '/skipif_http.inc';
if (extension_loaded('workerman') && !class_exists('Workerman\\WebServer', false)) {
    die('skip native Workerman\\WebServer is not implemented yet');
}
require __DIR__ . '/chromium.inc';
chromium_skipif();
?>
--FILE--
<?php
require __DIR__ . '/http.inc';
require __DIR__ . '/chromium.inc';
use Workerman\WebServer;
use Workerman\Protocols\Http;

$www = realpath(__DIR__ . '/../../examples/webserver/www');
$port = wm_free_port();
$requests = wm_tmpfile('requests.log');
$sessions = wm_tmpfile('sessions');
mkdir($sessions);
$h = wm_start_server(function () use ($port, $www, $requests, $sessions) {
    $web = new WebServer("http://127.0.0.1:$port");
    $web->addRoot('localhost', $www);
    $web->onWorkerStart = function ($worker) use ($requests, $sessions) {
        Http::sessionSavePath($sessions);
        // WebServer has installed its onMessage ([$worker, 'onMessage']) by now: log each
        // request, then let it answer. WebServer::onMessage() takes the connection only (the
        // request is in the superglobals).
        $serve = $worker->onMessage;
        $worker->onMessage = function ($connection, $data) use ($serve, $requests) {
            wm_append($requests, $_SERVER['REQUEST_METHOD'] . ' ' . $_SERVER['REQUEST_URI']);
            call_user_func($serve, $connection);
        };
    };
}, ['port' => $port, 'timeout' => 10]);
$base = "http://127.0.0.1:$port";

/** Load $url in the browser, print the texts of the elements with the given ids; returns the DOM. */
function show(string $url, array $ids): string
{
    $r = chromium_dump_dom($url);
    if ($r['exit'] !== 0) {
        echo "chromium exit status {$r['exit']}; stderr:\n", file_get_contents($r['stderr']), "\n";
    }
    foreach ($ids as $id) {
        echo "$id: ", chromium_text($r['dom'], $id), "\n";
    }
    return $r['dom'];
}

echo "--- index.php with a query\n";
$dom = show("$base/?name=W%C3%B6rld+%26+%3Cfriends%3E", [
    'greeting', 'method', 'uri', 'query', 'get', 'remote', 'cookies', 'visits', 'api-result', 'img-status',
]);
// Workerman 3.5 sends a static file with two Content-Type headers, the last one
// application/octet-stream, so Chromium's strict MIME check refuses the stylesheet
// (docs/http-3.5-behaviour.md §10, 9.); the native WebServer sends one: text/css.
$css = chromium_text($dom, 'css-status');
echo 'css-status: ', $css === (WM_MODE === 'compat' ? 'not applied' : 'applied') ? 'as expected' : "UNEXPECTED ($css)", "\n";
// What the browser asked for (its favicon probe left out), in a stable order.
$seen = array_values(array_unique(array_filter(wm_lines($requests), function ($l) {
    return $l !== 'GET /favicon.ico';
})));
sort($seen);
echo implode("\n", $seen), "\n";

echo "--- the urlencoded form, submitted by autosubmit.js\n";
show("$base/?autosubmit=form", ['method', 'content-type', 'title', 'color', 'tags', 'post']);

echo "--- the multipart form with a file, submitted by autosubmit.js\n";
$dom = show("$base/?autosubmit=upload", ['note', 'count']);
preg_match_all('~<td class="(\w+)">(.*?)</td>~s', (string)chromium_inner($dom, 'file-0'), $cells, PREG_SET_ORDER);
foreach ($cells as $c) {
    echo $c[1], ': ', chromium_plain($c[2]), "\n";
}
echo 'md5 is md5 of the text autosubmit.js uploads: ', var_export(md5("hello from the browser\n") === '8d6c86e4d001c81f6155b28f799511f2', true), "\n";

$posts = array_values(array_filter(wm_lines($requests), function ($l) {
    return strncmp($l, 'POST ', 5) === 0;
}));
echo implode("\n", $posts), "\n";
wm_stop_server($h);
?>
--EXPECT--
--- index.php with a query
greeting: Hello, Wörld & <friends>!
method: GET
uri: /?name=W%C3%B6rld+%26+%3Cfriends%3E
query: name=W%C3%B6rld+%26+%3Cfriends%3E
get: {"name":"Wörld & <friends>"}
remote: 127.0.0.1
cookies: (none)
visits: 1
api-result: hello Wörld & <friends> (visits=1, cookie demo_name=Wörld & <friends>, application/json)
img-status: loaded 16x16
css-status: as expected
GET /?name=W%C3%B6rld+%26+%3Cfriends%3E
GET /api.php?name=W%C3%B6rld+%26+%3Cfriends%3E
GET /app.js
GET /logo.png
GET /style.css
--- the urlencoded form, submitted by autosubmit.js
method: POST
content-type: application/x-www-form-urlencoded
title: Grüße & <b>bold</b> 100%
color: green
tags: a,b
post: {"title":"Grüße & <b>bold</b> 100%","color":"green","tags":["a","b"]}
--- the multipart form with a file, submitted by autosubmit.js
note: a note
count: 1
field: file
file_name: hello.txt
file_size: 23
file_type: text/plain
md5: 8d6c86e4d001c81f6155b28f799511f2
md5 is md5 of the text autosubmit.js uploads: true
POST /form.php
POST /upload.php
