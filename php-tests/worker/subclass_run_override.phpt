--TEST--
Worker subclass written like GatewayWorker's: __construct (parent::__construct, then $this->_autoloadRootPath and a dynamic property), run() setting onConnect/onMessage/onWorkerStart, $this->protocol and reusePort before parent::run(), a protected static method and property; it serves with what run() set
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
use Workerman\Worker;

class GwStyleServer extends Worker
{
    protected static $_served = 0;
    public $marks;

    public function __construct($socket_name, $context_option = array())
    {
        parent::__construct($socket_name, $context_option);
        // A class only this root has: found through the root run() sets.
        $this->_autoloadRootPath = AUTOLOAD_ROOT;
        $this->extra = 'dyn';
    }

    public function run()
    {
        $this->onWorkerStart = array($this, 'onStart');
        $this->onConnect = array($this, 'onConn');
        $this->onMessage = array($this, 'onMsg');
        $this->protocol = '\Workerman\Protocols\Text';
        $this->reusePort = false;
        parent::run();
    }

    protected static function served()
    {
        return ++static::$_served;
    }

    public function onStart($worker)
    {
        wm_append($this->marks, 'start ' . get_class($worker) . ' same=' . ($worker === $this ? 'y' : 'n'));
    }

    public function onConn($connection)
    {
        $connection->send('hello ' . $this->extra . ' ' . $connection->protocol);
    }

    public function onMsg($connection, $data)
    {
        $thing = new \WmRootOnly\Thing();
        $connection->send("[$data] n=" . static::served() . ' ' . $thing->name());
    }
}

$root = wm_tmpdir() . '/root';
mkdir("$root/WmRootOnly", 0777, true);
file_put_contents("$root/WmRootOnly/Thing.php",
    "<?php\nnamespace WmRootOnly;\nclass Thing { public function name() { return 'thing'; } }\n");
define('AUTOLOAD_ROOT', $root);

$port = wm_free_port();
$marks = wm_tmpfile('marks');
$h = wm_start_server(function () use ($port, $marks) {
    $w = new GwStyleServer("tcp://127.0.0.1:$port");
    $w->marks = $marks;
}, ['port' => $port]);

echo implode("\n", wm_wait_lines($marks, 1)), "\n";
$fp = wm_client($port);
var_dump(wm_read_until($fp, "\n"));
wm_send($fp, "hi\n");
var_dump(wm_read_until($fp, "\n"));
wm_send($fp, "yo\n");
var_dump(wm_read_until($fp, "\n"));
fclose($fp);
wm_stop_server($h);
?>
--EXPECT--
start GwStyleServer same=y
string(36) "hello dyn \Workerman\Protocols\Text
"
string(15) "[hi] n=1 thing
"
string(15) "[yo] n=2 thing
"
