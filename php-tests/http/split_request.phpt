--TEST--
Http: a request arriving in pieces (split inside the method, the header terminator and the body) is decoded once it is complete
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; require __DIR__ . '/skipif_http.inc'; ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
use Workerman\Worker;

$port = wm_free_port();
$ev = wm_tmpfile('ev');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("http://127.0.0.1:$port");
    $w->onMessage = function ($c, $data) use ($ev) {
        wm_append($ev, 'message ' . $_SERVER['REQUEST_URI']);
        $c->send($_SERVER['REQUEST_URI'] . ' ' . json_encode($_POST));
    };
}, ['port' => $port]);

$body = 'field=' . str_repeat('v', 40) . '&x=%26';
$req = "POST /split HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " . strlen($body) . "\r\n\r\n$body";
$hdrEnd = strpos($req, "\r\n\r\n");
$cuts = [
    [2],                                   // "PO" | "ST ..."
    [$hdrEnd + 1, $hdrEnd + 3],            // "\r" | "\n\r" | "\n" + body
    [$hdrEnd + 4, $hdrEnd + 10, strlen($req) - 1], // body in three parts, last byte alone
    range(1, strlen($req) - 1),            // one byte at a time
];
$fp = wm_client($port);
foreach ($cuts as $n => $positions) {
    $prev = 0;
    foreach ($positions as $p) {
        wm_send($fp, substr($req, $prev, $p - $prev));
        $prev = $p;
        if (count($positions) < 10) {
            usleep(30000);
            // nothing is answered before the request is complete
            if (http_state($fp, 0.02) !== 'open') {
                echo "early answer at cut $n\n";
            }
        }
    }
    wm_send($fp, substr($req, $prev));
    echo "cuts $n: ", http_parts(http_read($fp))['body'], "\n";
}
fclose($fp);
echo count(wm_lines($ev)), " messages\n";
wm_stop_server($h);
?>
--EXPECT--
cuts 0: /split {"field":"vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv","x":"&"}
cuts 1: /split {"field":"vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv","x":"&"}
cuts 2: /split {"field":"vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv","x":"&"}
cuts 3: /split {"field":"vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv","x":"&"}
4 messages
