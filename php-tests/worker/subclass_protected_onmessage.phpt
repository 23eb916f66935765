--TEST--
Worker subclass registering a *protected* method as onMessage (GatewayWorker style) - extension only
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc';
wm_skip_unless_ext('Workerman 3.5 calls onMessage from TcpConnection scope: a protected method is not callable there (TypeError, worker exits 250)'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

class GwLike extends Worker
{
    public function __construct($socket_name)
    {
        parent::__construct($socket_name);
        $this->onMessage = [$this, 'onMsg'];
        $this->onClose = [$this, 'onCls'];
    }

    protected function onMsg($connection, $data)
    {
        $connection->send("protected:$data");
    }

    protected function onCls($connection)
    {
    }
}

$port = wm_free_port();
$h = wm_start_server(function () use ($port) {
    new GwLike("text://127.0.0.1:$port");
}, ['port' => $port]);

var_dump(wm_request($port, "hi\n", "\n"));
var_dump(wm_request($port, "again\n", "\n"));
wm_stop_server($h);
var_dump(strpos(wm_server_log($h), 'exit with status') === false);
?>
--EXPECT--
string(13) "protected:hi
"
string(16) "protected:again
"
bool(true)
