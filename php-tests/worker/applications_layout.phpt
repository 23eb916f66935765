--TEST--
The manual's Applications layout: a root start.php requires every Applications/*/start.php; each app's protocol class loads from its own directory
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';

$chat = wm_free_port();
$json = wm_free_port();
$root = realpath(__DIR__ . '/../../examples/applications');
$h = wm_start_server(function () use ($root, $chat, $json) {
    putenv("WM_CHAT_PORT=$chat");
    putenv("WM_JSON_PORT=$json");
    foreach (glob($root . '/Applications/*/start.php') as $start_file) {
        require_once $start_file;
    }
}, ['ports' => [$chat, $json]]);

var_dump(wm_request($json, "{\"a\":1}\n", "\n"));
$a = wm_client($chat);
$b = wm_client($chat);
wm_send($a, "hello\n");
var_dump(wm_read_until($a, "\n"), wm_read_until($b, "\n"));
var_dump(wm_stop_server($h));
?>
--EXPECTF--
string(%d) "{"echo":{"a":1},"worker":%d}
"
string(10) "[1] hello
"
string(10) "[1] hello
"
bool(true)
