--TEST--
AsyncTcpConnection text:// client: send() before connect is queued and written once connected, onConnect, onMessage through the protocol, close() -> onClose; remote host/URI/address, status names, transport and protocol properties
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;
use Workerman\Connection\AsyncTcpConnection;

$port = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $server = new Worker("text://127.0.0.1:$port");
    $server->onMessage = function ($c, $data) {
        $c->send("echo:$data");
    };
    $client = new Worker();
    $client->onWorkerStart = function () use ($port, $ev) {
        $c = new AsyncTcpConnection("text://127.0.0.1:$port/some/path?x=1");
        wm_append($ev, 'new: status=' . $c->getStatus(false) . ' host=' . $c->getRemoteHost()
            . ' uri=' . $c->getRemoteURI() . ' transport=' . $c->transport . ' protocol=' . ltrim($c->protocol, '\\')
            . ' id=' . gettype($c->id));
        wm_append($ev, 'early send: ' . var_export($c->send('early'), true));
        $c->onConnect = function ($c) use ($ev, $port) {
            wm_append($ev, 'onConnect: status=' . $c->getStatus(false) . ' remote='
                . ($c->getRemoteAddress() === "127.0.0.1:$port" ? 'ok' : $c->getRemoteAddress())
                . ' ip=' . $c->getRemoteIp() . ' local=' . $c->getLocalIp());
            $c->send('hello');
        };
        $c->onMessage = function ($c, $data) use ($ev) {
            wm_append($ev, "onMessage: $data");
            if ($data === 'echo:hello') {
                $c->close();
            }
        };
        $c->onClose = function ($c) use ($ev) {
            wm_append($ev, 'onClose: status=' . $c->getStatus(false));
        };
        $c->onError = function ($c, $code, $msg) use ($ev) {
            wm_append($ev, "onError: $code $msg");
        };
        $c->connect();
        $c->connect(); // connecting already: nothing
    };
}, ['port' => $port]);

echo implode("\n", wm_wait_lines($ev, 6)), "\n";
usleep(200000);
echo count(wm_lines($ev)), "\n";
wm_stop_server($h);
?>
--EXPECT--
new: status=INITIAL host=127.0.0.1 uri=/some/path?x=1 transport=tcp protocol=Workerman\Protocols\Text id=integer
early send: NULL
onConnect: status=ESTABLISHED remote=ok ip=127.0.0.1 local=127.0.0.1
onMessage: echo:early
onMessage: echo:hello
onClose: status=CLOSED
6
