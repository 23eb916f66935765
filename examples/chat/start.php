<?php
/*
 * The manual's SimpleChat (开发流程): a Text-protocol chat room.
 * Try it: php -d extension=modules/workerman.so examples/chat/start.php start
 * then, in two other terminals: telnet 127.0.0.1 2347
 */
use Workerman\Worker;

$global_uid = 0;
$connections_array = array();

// Give each new client a uid and remember its connection.
function handler_connection($connection)
{
    global $connections_array, $global_uid;
    $connection->uid = ++$global_uid;
    $connections_array[$connection->uid] = $connection;
}

// Forward every message to everyone.
function handle_message($connection, $data)
{
    global $connections_array;
    foreach ($connections_array as $conn) {
        $conn->send("user[{$connection->uid}] said: $data");
    }
}

// Forget a client that left.
function handle_close($connection)
{
    global $connections_array;
    unset($connections_array[$connection->uid]);
}

$port = getenv('WM_DEMO_PORT') ?: 2347;
$text_worker = new Worker("Text://0.0.0.0:$port");
// One process, so that every client is in the same room.
$text_worker->count = 1;
$text_worker->onConnect = 'handler_connection';
$text_worker->onMessage = 'handle_message';
$text_worker->onClose = 'handle_close';

// The manual's convention: a root start file that requires several defines GLOBAL_START.
if (!defined('GLOBAL_START')) {
    Worker::runAll();
}
