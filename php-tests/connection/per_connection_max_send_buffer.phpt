--TEST--
$connection->maxSendBufferSize is per connection (3.5): property_exists, read, write, and the limit a send is judged by
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

$port = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("tcp://127.0.0.1:$port");
    $w->onConnect = function ($c) {
        if ($c->id === 1) {
            $c->maxSendBufferSize = 64 * 1024 * 1024;
        }
    };
    $w->onMessage = function ($c, $data) use ($ev) {
        $c->send(str_repeat('x', 32 * 1024 * 1024)); // the client does not read: most of it stays queued
        $dropped = $c->send('y') === false;
        wm_append($ev, "id={$c->id} exists=" . var_export(property_exists($c, 'maxSendBufferSize'), true)
            . ' value=' . $c->maxSendBufferSize . ' dropped=' . var_export($dropped, true));
    };
    $w->onError = function ($c, $code, $msg) use ($ev) {
        wm_append($ev, "id={$c->id} onError $code $msg");
    };
}, ['port' => $port]);

$a = wm_client($port);
wm_send($a, "go");
wm_wait_lines($ev, 1);
$b = wm_client($port);
wm_send($b, "go");
echo implode("\n", wm_wait_lines($ev, 3)), "\n";
fclose($a);
fclose($b);
wm_stop_server($h);
?>
--EXPECT--
id=1 exists=true value=67108864 dropped=false
id=2 onError 2 send buffer full and drop package
id=2 exists=true value=1048576 dropped=true
