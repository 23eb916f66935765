--TEST--
Worker subclass registering its own methods as callbacks in its constructor (protected onWorkerStart/onConnect, public onMessage)
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

class MyWorker extends Worker
{
    public $started = 'no';

    public function __construct($socket_name)
    {
        parent::__construct($socket_name);
        $this->onWorkerStart = array($this, 'onStart');
        $this->onConnect = array($this, 'onConn');
        $this->onMessage = array($this, 'onMsg');
    }

    // called by Worker code itself: protected is fine (Worker is a parent of MyWorker)
    protected function onStart($worker)
    {
        $this->started = 'yes:' . get_class($worker);
    }

    protected function onConn($connection)
    {
        $connection->send('hello from ' . get_class($this));
    }

    public function onMsg($connection, $data)
    {
        $connection->send("msg:$data started=" . $this->started . ' same=' . ($connection->worker === $this ? 'y' : 'n'));
    }
}

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    $w = new MyWorker("text://127.0.0.1:$port");
    $w->name = 'mine';
}, ['port' => $port]);

$fp = wm_client($port);
var_dump(wm_read_until($fp, "\n"));
wm_send($fp, "q\n");
var_dump(wm_read_until($fp, "\n"));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
string(20) "hello from MyWorker
"
string(34) "msg:q started=yes:MyWorker same=y
"
