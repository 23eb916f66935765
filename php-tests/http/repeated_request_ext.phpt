--TEST--
Http (extension): byte-identical requests (the head cache) still get values of their own: REMOTE_PORT per connection, changes made by a previous onMessage not visible, empty JSON POST still null, Http::$methods re-checked
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; wm_skip_unless_ext('3.5 reuses the first client\'s REMOTE_PORT for a repeated GET'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;
use Workerman\Protocols\Http;

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) {
        $out = json_encode([
            'port_ok' => $_SERVER['REMOTE_PORT'] === $c->getRemotePort(),
            'mark' => $_SERVER['MARK'] ?? null,
            'get' => $_GET,
            'cookie' => $_COOKIE,
            'post' => $_POST,
            'same' => $data['server'] === $_SERVER,
        ]);
        // modify everything: the next identical request must not see it
        $_SERVER['MARK'] = 'dirty';
        $_GET['a'] = 'changed';
        $_COOKIE['k'] = 'changed';
        if ($_GET['drop'] ?? false) {
            unset(Http::$methods['GET']);
        }
        $c->send($out);
    };
}, ['port' => $port]);

$req = http_get('/x?a=1&b[]=2', ['Cookie: k=v; s=t']);
$a = wm_client($port);
$b = wm_client($port);
wm_send($a, $req . $req);
echo http_parts(http_read($a))['body'], "\n";
echo http_parts(http_read($a))['body'], "\n";
wm_send($b, $req);
echo http_parts(http_read($b))['body'], "\n";
$post = "POST /j HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 0\r\n\r\n";
wm_send($a, $post . $post);
echo http_parts(http_read($a))['body'], "\n";
echo http_parts(http_read($a))['body'], "\n";
// the same GET after Http::$methods lost GET: refused even though the head is cached
$drop = http_get('/d?drop=1');
wm_send($b, $drop);
echo http_parts(http_read($b))['body'], "\n";
wm_send($b, $drop);
echo http_error_summary(http_read($b)), "\n";
fclose($a);
fclose($b);
wm_stop_server($h);
?>
--EXPECT--
{"port_ok":true,"mark":null,"get":{"a":"1","b":["2"]},"cookie":{"k":"v","s":"t"},"post":[],"same":true}
{"port_ok":true,"mark":null,"get":{"a":"1","b":["2"]},"cookie":{"k":"v","s":"t"},"post":[],"same":true}
{"port_ok":true,"mark":null,"get":{"a":"1","b":["2"]},"cookie":{"k":"v","s":"t"},"post":[],"same":true}
{"port_ok":true,"mark":null,"get":[],"cookie":[],"post":null,"same":true}
{"port_ok":true,"mark":null,"get":[],"cookie":[],"post":null,"same":true}
{"port_ok":true,"mark":null,"get":{"drop":"1"},"cookie":[],"post":[],"same":true}
HTTP/1.1 400 Bad Request | close=yes | length=ok
