--TEST--
Worker Name:// resolves \Protocols\Name from <dir of the file that created the Worker>/Protocols/Name.php
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';

// An "application" dir: app/start_part.php creates the Worker, app/Protocols/JsonNL.php holds the protocol.
$app = wm_tmpfile('app');
mkdir("$app/Protocols", 0777, true);
file_put_contents("$app/Protocols/JsonNL.php", <<<'PHP'
<?php
namespace Protocols;
class JsonNL
{
    public static function input($buffer)
    {
        $pos = strpos($buffer, "\n");
        if ($pos === false) {
            return 0;
        }
        return $pos + 1;
    }
    public static function encode($buffer)
    {
        return json_encode($buffer) . "\n";
    }
    public static function decode($buffer)
    {
        return json_decode(trim($buffer), true);
    }
}
PHP);
file_put_contents("$app/start_part.php", <<<'PHP'
<?php
use Workerman\Worker;
$json_worker = new Worker('JsonNL://127.0.0.1:' . $GLOBALS['wm_port']);
$json_worker->onMessage = function ($connection, $data) {
    $connection->send(array('protocol' => $connection->protocol, 'got' => $data));
};
PHP);

$port = wm_free_port();
$GLOBALS['wm_port'] = $port;
var_dump(class_exists('Protocols\\JsonNL', false));
$h = wm_start_server(function () use ($app) {
    require "$app/start_part.php";
}, ['port' => $port]);

var_dump(wm_request($port, "{\"type\":\"message\",\"content\":\"hello\"}\n", "\n"));
wm_stop_server($h);
?>
--EXPECT--
bool(false)
string(78) "{"protocol":"\\Protocols\\JsonNL","got":{"type":"message","content":"hello"}}
"
