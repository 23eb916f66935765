--TEST--
Worker with an unknown protocol scheme: listen() throws Exception "class \Protocols\Nope not exist"
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

// No server needed: the scheme is resolved when the worker listens.
$port = wm_free_port();
$w = new Worker("nope://127.0.0.1:$port");
var_dump($w->getSocketName());
try {
    $w->listen();
    echo "no exception\n";
} catch (\Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump(wm_is_listening($port));
?>
--EXPECTF--
string(%d) "nope://127.0.0.1:%d"
Exception: class \Protocols\Nope not exist
bool(false)
